"""The demo site's content and the commands that load it (dev and test settings only)."""

"""The public page cache, fragments kept per content generation, purging, early renditions."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content and its commands (load_demo_content, generate_bulk_content).

    Installed by the dev and test settings only: production never has these commands."""

    name = "ifrc_site.demo"
    label = "demo"
    verbose_name = "Demo content"

from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site's content, drawings, newsletter gift and archive generator. Installed by
    the development and test settings only: production code never imports it."""

    name = "demo"
    verbose_name = "Demo content"

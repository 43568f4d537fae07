from django.apps import AppConfig


class HealthsiteConfig(AppConfig):
    name = "healthsite"
    verbose_name = "Site"

    def ready(self):
        from wagtail.signals import page_published

        from . import checks  # noqa: F401 - registers them
        from .signal_handlers import on_page_published

        page_published.connect(on_page_published, dispatch_uid="healthsite-published")

from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        from wagtail.signals import page_published

        from .legacy_redirects import on_published

        page_published.connect(on_published, dispatch_uid="articles-imported-redirects")

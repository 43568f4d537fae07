from django.apps import AppConfig


class CachingConfig(AppConfig):
    """The page cache and what purges it (docs/architecture.md says how a request flows)."""

    name = "caching"
    verbose_name = "Page cache"

    def ready(self):
        from django.apps import apps
        from django.conf import settings
        from django.db.models.signals import post_delete, post_save, pre_save

        from wagtail.contrib.settings.models import BaseSiteSetting
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import invalidation as purge

        pre_save.connect(purge.on_pre_save, dispatch_uid="page-cache-pre-save")
        post_save.connect(purge.on_saved, dispatch_uid="page-cache-saved")
        page_published.connect(purge.on_published, dispatch_uid="page-cache-published")
        page_unpublished.connect(purge.on_tree_changed, dispatch_uid="page-cache-unpublished")
        post_page_move.connect(purge.on_tree_changed, dispatch_uid="page-cache-moved")
        post_delete.connect(purge.on_tree_changed, dispatch_uid="page-cache-deleted")
        # What every page may show (settings, people, pictures): a change purges everything.
        models = [apps.get_model(label) for label in settings.PAGE_CACHE_SHOWN_EVERYWHERE]
        for model in [*models, *BaseSiteSetting.__subclasses__()]:
            for signal in (post_save, post_delete):
                signal.connect(
                    purge.on_shown_everywhere_changed,
                    sender=model,
                    dispatch_uid=f"page-cache-{model._meta.label}-{signal is post_save}",
                )

from django.apps import AppConfig


class HealthsiteConfig(AppConfig):
    name = "healthsite"
    verbose_name = "Site"

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_save

        from wagtail.contrib.settings.models import BaseSiteSetting
        from wagtail.images import get_image_model
        from wagtail.models import PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import cache_invalidation as purge
        from .signal_handlers import on_page_published

        page_published.connect(on_page_published, dispatch_uid="healthsite-published")
        pre_save.connect(purge.on_pre_save, dispatch_uid="page-cache-pre-save")
        post_save.connect(purge.on_saved, dispatch_uid="page-cache-saved")
        page_published.connect(purge.on_published, dispatch_uid="page-cache-published")
        page_unpublished.connect(purge.on_tree_changed, dispatch_uid="page-cache-unpublished")
        post_page_move.connect(purge.on_tree_changed, dispatch_uid="page-cache-moved")
        post_delete.connect(purge.on_tree_changed, dispatch_uid="page-cache-deleted")
        models = [Site, PageViewRestriction, get_image_model()]
        for model in [*models, *BaseSiteSetting.__subclasses__()]:
            for signal in (post_save, post_delete):
                signal.connect(
                    purge.on_shown_everywhere_changed,
                    sender=model,
                    dispatch_uid=f"page-cache-{model._meta.label}-{signal is post_save}",
                )

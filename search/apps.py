from django.apps import AppConfig, apps


class SearchConfig(AppConfig):
    name = "search"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from wagtail.signals import page_published, page_unpublished

        from .models import Synonym
        from .signal_handlers import forget_cached_words, reindex_published_page

        # Wagtail indexes a page as it is saved, before its tags and products (child
        # objects) are written: index it again once publishing has finished.
        page_published.connect(reindex_published_page, dispatch_uid="search-reindex")
        # Suggestions and synonyms are cached; what they are made of changed.
        for signal in (page_published, page_unpublished):
            signal.connect(forget_cached_words, dispatch_uid=f"search-forget-{id(signal)}")
        # Lay terms editors tick serve search too (editorial's, read by name: search works
        # without it).
        senders = [Synonym]
        if apps.is_installed("editorial"):
            senders.append(apps.get_model("editorial", "LayTerm"))
        for sender in senders:
            for signal in (post_save, post_delete):
                signal.connect(
                    forget_cached_words,
                    sender=sender,
                    dispatch_uid=f"search-forget-{sender.__name__}-{id(signal)}",
                )

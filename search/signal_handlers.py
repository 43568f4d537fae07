from wagtail.search.index import insert_or_update_object

from .query import forget


def reindex_published_page(sender, instance, **kwargs):
    insert_or_update_object(instance.specific)


def forget_cached_words(**kwargs):
    forget()

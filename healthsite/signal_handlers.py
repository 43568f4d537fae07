from .renditions import prepare_renditions


def on_page_published(sender, instance, revision=None, **kwargs):
    page = instance.specific
    if hasattr(page, "record_update"):
        page.record_update(revision)
    prepare_renditions(page)

from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """The editorial process: people who write and review, the medical review workflow and
    its rules over publishing and over the media reviewed pages show, review dates and their
    report, citations, the plain-English checks."""

    name = "editorial"
    verbose_name = "Editorial"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from wagtail.contrib.settings.models import BaseSiteSetting
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import ReferenceIndex
        from wagtail.permissions import policy_registry
        from wagtail.signals import page_published

        from . import media, publishing
        from .models import LayTerm, PlainEnglishSettings
        from .plain_english import stored

        page_published.connect(publishing.on_published, dispatch_uid="editorial-published")
        # The plain-English checks of what readers see, kept for the report and dashboard.
        page_published.connect(stored.on_published, dispatch_uid="editorial-plain-english")
        for model in (LayTerm, PlainEnglishSettings):
            for signal in (post_save, post_delete):
                signal.connect(
                    stored.forget_all,
                    sender=model,
                    dispatch_uid=f"plain-english-forget-{model.__name__}-{id(signal)}",
                )
        # Wagtail's own policies for images and documents, plus the rule on media in use.
        policy_registry.register(get_image_model(), media.ImagePolicy(get_image_model()))
        policy_registry.register(get_document_model(), media.DocumentPolicy(get_document_model()))
        # Settings show media to readers too (the newsletter gift): Wagtail's reference index
        # records what they use, so that "in use" and the admin's Usage count them.
        for model in BaseSiteSetting.__subclasses__():
            ReferenceIndex.register_model(model)

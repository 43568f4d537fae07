from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """Readers' forms protected without a CSRF cookie, and the personal data readers give the
    site: exported or erased on request, deleted past its retention period."""

    name = "privacy"
    verbose_name = "Privacy"

"""The test suite: fast hashing, plain static storage, mail kept in the outbox."""

from .base import *  # noqa: F403

# The tests start from the demo site (tests/conftest.py).
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

SECRET_KEY = "test-only-not-secret"  # noqa: S105 - test runs only
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files straight from the apps, without `collectstatic`.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_MEDIA = True
# Each test sees its own changes at once; tests/healthsite/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0

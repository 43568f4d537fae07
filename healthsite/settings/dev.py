"""`make run`: one machine, SQLite, a cache on disk, e-mail printed to the console."""

import hashlib
import os
from urllib.parse import urlsplit

from .base import *  # noqa: F403

# The demo site (`make run`): its content, drawings and commands. Never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

# Off, so the demo shows readers' own 404 and error pages; DJANGO_DEBUG=1 shows Django's.
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
SERVE_MEDIA = True  # uploads straight from MEDIA_ROOT; production leaves that to the proxy
SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - never used outside a developer's machine
# And the host of SITE_URL, should `make run` be given one of another name.
ALLOWED_HOSTS = ["127.0.0.1", "localhost", urlsplit(SITE_URL).hostname]  # noqa: F405
# Printed to the console; the browser tests choose the file backend (EMAIL_FILE_PATH) to read
# what the site sent.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH")
# The browser tests' demo site sets 0, so that their robots need not wait like people.
PUBLIC_FORM_MIN_SECONDS = int(os.environ.get("PUBLIC_FORM_MIN_SECONDS") or PUBLIC_FORM_MIN_SECONDS)  # noqa: F405

# runserver serves static files itself; the manifest needs `collectstatic`, so keep it plain.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Serve static files straight from the apps, without `collectstatic`.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Caches on disk rather than in memory: `manage.py` commands (flush_search_stats) see what
# the running server counted, with no service to install. Pages and counts in folders of their
# own, so that pages culled for room never take counts with them. One cache per database, so
# that two sites on one machine (a test run's, say) never read each other's entries.
_site = hashlib.sha256(str(DATABASES["default"]["NAME"]).encode()).hexdigest()[:12]  # noqa: F405
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": BASE_DIR / ".cache",  # noqa: F405
        "KEY_PREFIX": _site,
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
    "counters": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": BASE_DIR / ".cache-counters",  # noqa: F405
        "KEY_PREFIX": _site,
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
    "uncached": UNCACHED,  # noqa: F405
}

"""`make run`: one machine, SQLite, local-memory cache, e-mail printed to the console."""

import os

from .base import *  # noqa: F403

# Off, so the demo shows readers' own 404 and error pages; DJANGO_DEBUG=1 shows Django's.
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
SERVE_MEDIA = True  # uploads straight from MEDIA_ROOT; production leaves that to the proxy
SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - never used outside a developer's machine
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# runserver serves static files itself; the manifest needs `collectstatic`, so keep it plain.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Serve static files straight from the apps, without `collectstatic`.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

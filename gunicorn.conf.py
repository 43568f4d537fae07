"""gunicorn's settings (`gunicorn -c gunicorn.conf.py healthsite.wsgi`; gunicorn also reads this
file by itself from the folder it starts in). Its own logs follow the site's rules: JSON lines
with no reader's address and no query string (a search can be about someone's health), and no
access log (the proxy in front keeps one if the operator wants it)."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "healthsite.settings.production")

accesslog = None
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"structured": {"()": "healthsite.log_format.StructuredFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "structured"}},
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": [], "propagate": False},
    },
}

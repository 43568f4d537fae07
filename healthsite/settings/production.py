"""Production: every secret and site-specific value comes from the environment.

A missing SECRET_KEY or ALLOWED_HOSTS fails loudly at start-up rather than running insecurely.
"""

import os

from .base import *  # noqa: F403

SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = [host.strip() for host in os.environ["ALLOWED_HOSTS"].split(",") if host.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS]
# No address is guessed: `check --deploy` warns until SITE_URL is set (healthsite/checks.py).
SITE_URL = os.environ.get("SITE_URL", "")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or SITE_URL

# The proxy in front terminates TLS and says so in X-Forwarded-Proto; it adds the reader's
# address to X-Forwarded-For (one proxy unless told otherwise).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True


def redis(url):
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        # An outage makes every read a miss, never an error or a long wait.
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
            "IGNORE_EXCEPTIONS": True,
        },
    }


def database(table):
    return {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": table,
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }


# Several workers must share the caches: Redis when there is one, else the database. Pages go
# to REDIS_URL, an instance that evicts (allkeys-lru); counts to REDIS_COUNTERS_URL, a second
# instance that never does (README, "Redis"). Without it, counts share REDIS_URL's instance
# and `check --deploy` warns (healthsite/checks.py): its evictions would take them too.
_pages_redis = os.environ.get("REDIS_URL")
_counters_redis = os.environ.get("REDIS_COUNTERS_URL") or _pages_redis
CACHES = {
    "default": redis(_pages_redis) if _pages_redis else database("healthsite_cache"),
    "counters": redis(_counters_redis) if _counters_redis else database("healthsite_counters"),
    "uncached": UNCACHED,  # noqa: F405
}

DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True


def one_line(record):
    """In a Redis outage every cache call fails and is logged (some 150 for a page): one line
    each, since a traceback each nearly doubled the CPU a page costs."""
    if record.exc_info:
        record.msg, record.args = f"{record.getMessage()}: {record.exc_info[1]}", ()
        record.exc_info = None
    return True


LOGGING.setdefault("filters", {})["one_line"] = {  # noqa: F405
    "()": "django.utils.log.CallbackFilter",
    "callback": one_line,
}
LOGGING.setdefault("loggers", {})["django_redis.cache"] = {"filters": ["one_line"]}  # noqa: F405

# Uploads (images, their renditions, documents) on object storage, S3 or compatible, when a
# bucket is named: every app server then sees the same files. Credentials come from the
# environment as boto3 reads them (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY).
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            # A CDN or the bucket's public address, for the URLs pages show.
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            # Public files at stable addresses, which cached pages can keep.
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
    # Pages show images from there: the Content-Security-Policy must allow its address.
    _bucket_options = STORAGES["default"]["OPTIONS"]  # noqa: F405
    if _bucket_options["custom_domain"]:
        _media_origin = f"https://{_bucket_options['custom_domain'].split('/')[0]}"
    elif _bucket_options["endpoint_url"]:
        _media_origin = "/".join(_bucket_options["endpoint_url"].split("/")[:3])
    else:
        _media_origin = "https://*.amazonaws.com"
    for _policy in (CONTENT_SECURITY_POLICY, ADMIN_CONTENT_SECURITY_POLICY):  # noqa: F405
        _policy["DIRECTIVES"]["img-src"] = [*_policy["DIRECTIVES"]["img-src"], _media_origin]

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true").lower() == "true"

LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "INFO")  # noqa: F405

"""Settings shared by every environment. No secrets here, and DEBUG stays off."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from wagtail.embeds.oembed_providers import vimeo, youtube

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = False

INSTALLED_APPS = [
    "healthsite",
    "caching",
    "seo",
    "privacy",
    "articles",
    "products",
    "search",
    "newsletter",
    "stories",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # After wagtail.images and wagtail.documents: it registers their permission policies.
    "editorial",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # HEAD answered without the body every view writes (healthsite/http_head.py).
    "healthsite.http_head.HeadWithoutBodyMiddleware",
    # GET /healthz for load balancers, before the HTTPS redirect and the host check.
    "healthsite.health.HealthCheckMiddleware",
    # Anonymous readers' pages from the shared cache, kept as the middleware below made them
    # (security headers, policies, ETag): a page from the cache skips all of it.
    "caching.page_cache.PageCacheMiddleware",
    # Readers' answers compressed (brotli or gzip) below the page cache, which so keeps them
    # compressed, one copy per coding (caching/compression.py).
    "caching.compression.CompressionMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "healthsite.content_security.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ETags from the body, and 304 Not Modified for conditional requests.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Old addresses (the legacy site's, renamed slugs) answer with a permanent redirect.
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "healthsite.urls"

# Browser features no page here uses, switched off for the site and anything it embeds (video
# embeds keep fullscreen and picture-in-picture).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

# Video embeds: only providers whose players work under the policy below (an embedded post
# from a social network brings its own script, which readers' pages do not run).
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [youtube, vimeo],
    }
]
EMBED_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]

# Content-Security-Policy (healthsite/content_security.py). Readers' pages: the site's own
# files only, nothing inline (so cached pages need no nonce), framed by nobody.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "frame-src": EMBED_ORIGINS,
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin starts its widgets (choosers, inline panels, date pickers) with inline
# scripts, sets inline styles, shows uploads before saving them (data: and blob: images) and
# frames its own previews. Only signed-in editors use it.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "default-src": [SELF],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "frame-src": [SELF, *EMBED_ORIGINS],
        "frame-ancestors": [SELF],
    }
}
# A newsletter issue previewed in the admin is an e-mail: inline styles (as e-mail needs), the
# site's images, no script at all, framed only by the admin.
EMAIL_PREVIEW_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "style-src": ["'unsafe-inline'"],
        "img-src": [SELF, "https:", "data:"],
        "base-uri": [NONE],
        "form-action": [NONE],
        "frame-ancestors": [SELF],
    }
}
# Cross-Origin-Opener-Policy and -Resource-Policy go on HTML pages only
# (healthsite/content_security.py): feeds, images and documents stay embeddable by feed readers
# and webmail.
SECURE_CROSS_ORIGIN_OPENER_POLICY = None

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                # What Wagtail's cache tags key the parts of pages on (docs/architecture.md).
                "caching.context_processors.page_cache",
            ],
        },
    },
]

WSGI_APPLICATION = "healthsite.wsgi.application"

# PostgreSQL in production (DATABASE_URL=postgres://…); a SQLite file when it is unset or
# empty (`DATABASE_URL=` in a .env file means "none", not a broken database).
# A kept connection is checked before a request reuses it: after a database restart, a
# worker that saw no error meanwhile would otherwise answer its next request with a 500.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Writes take SQLite's lock when their transaction begins, and wait up to 20 s for it:
    # with the default (deferred) mode, a transaction that has read cannot wait for the lock
    # and fails at once ("database is locked", a 500), as when an editor presses Submit while
    # the admin autosaves the page.
    DATABASES["default"].setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=20)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
SERVE_MEDIA = False  # production: the proxy or object storage serves uploads

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Wagtail's page editor can exceed Django's default of 1,000 fields on long pages.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Manage Back Pain"
# No avatars from gravatar.com: the admin makes no third-party requests.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor asks releases.wagtail.org for new versions (operators upgrade through requirements.txt).
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The site's public address (scheme, host, port) as readers reach it. Absolute links in pages,
# feeds, the sitemap and e-mails come from the default Site, which `manage.py
# set_site_address` sets to it (healthsite/site_address.py); `make run PORT=…` does so.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# The admin's address in e-mails to editors: the site's, unless the admin is served apart.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or SITE_URL
# Readers signed in to a private page without a `next` of this site land on the home page.
LOGIN_REDIRECT_URL = "/"
# Wagtail's database backend: PostgreSQL full-text search with English stemming in production
# (search/backend.py keeps it fast on large sites); SQLite's index (no stemming) for `make run`.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend", "SEARCH_CONFIG": "english"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Only PDFs open in the browser; every other document downloads (Wagtail serves them with
# nosniff and a policy that runs nothing), and no type a browser would run uploads at all.
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
# Raster images only (an SVG can carry script), of a size a phone can be sent resized.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# A small file can declare a huge picture ("decompression bomb"): refused before it is opened.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Renaming a page's slug or moving it keeps its old address working.
WAGTAILREDIRECTS_AUTO_CREATE = True
# import_legacy drops a paragraph or list of an old page holding one of these: the old site's
# chrome (signup boxes, share buttons, feed buttons, footers), not the page's own content.
LEGACY_CHROME_MARKERS = [
    "Return from",
    "Subscribe to this site",
    "newsletter",
    "Follow on Twitter",
    "Follow us",
    "Share this page",
    "Share on Facebook",
    "Add to My Yahoo",
    "feedly",
    "Bloglines",
    "My MSN",
    "Copyright",
    "©",
    "All rights reserved",
    "does not replace",
    "Disclaimer",
    # A signup box saved as text: its fields' labels and its promise.
    "E-mail address",
    "Email address",
    "Enter your",
    "Search this site",
    "Print this page",
]
# The old site's name and tagline as its pages showed them, when they differ from the site's
# name (Settings → Sites) and the home page's title: lines of an old page saying them are chrome.
LEGACY_SITE_IDENTITY = []
# The admin's Import view: what one upload may hold (legacy_uploads.py). Kept in memory, never
# written to disk: the request, each file, a zip's files and their total size once unpacked.
LEGACY_IMPORT_LIMITS = {
    "upload_bytes": 40 * 1024 * 1024,
    "files": 100,
    "file_bytes": WAGTAILIMAGES_MAX_UPLOAD_SIZE,
    "zip_entries": 5000,
    "unpacked_bytes": 150 * 1024 * 1024,
}
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
# A workflow approved by its reviewers publishes the page for them: approving is their
# permission to publish, they need no Publish permission (which would skip the review).
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.workflows.publish_approved"
# Who may put pages live: only the medical review, or a superuser, for health pages.
PAGE_PERMISSION_TESTER = "editorial.publishing.ReviewedPagePermissionTester"
# Page types that need the medical review besides health pages ("app_label.ModelName").
REVIEWED_PAGE_TYPES = []
# Hours a new page that only autosave ever saved is kept untouched before
# `remove_abandoned_drafts` deletes it (editorial/drafts.py).
ABANDONED_DRAFT_HOURS = 24
# Images and documents a live page shows are replaced or deleted by Moderators only.
WAGTAILIMAGES_IMAGE_FORM_BASE = "editorial.media.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "editorial.media.DocumentForm"

# Readers' forms: rate limits per address (privacy/public_forms.py). Behind proxies, how many
# of them add to X-Forwarded-For (0: take the address the connection came from).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
RATELIMIT_IP_META_KEY = "healthsite.parsing.client_ip"
RATELIMIT_FAIL_OPEN = True
# Seconds: people take longer than this to fill in a form; quicker posts are refused as robots'.
PUBLIC_FORM_MIN_SECONDS = 3
# Every count (rate limits, failed sign-ins, search statistics) goes to the `counters` cache.
RATELIMIT_USE_CACHE = "counters"
# What the site shell's FormPage (Contact) takes from privacy/, named here so that the shell
# imports no app: the checks every public form passes, and the list and export of its messages
# (every CSV cell safe to open in a spreadsheet).
PUBLIC_FORM_PROTECTION = "privacy.public_forms.PROTECTION"
FORM_SUBMISSIONS_LIST_VIEW = "privacy.spreadsheets.SafeSubmissionsListView"

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Manage Back Pain <hello@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Anonymous GETs of pages and feeds are kept this long in the shared cache (0: not at all),
# purged when content changes (caching/invalidation.py).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Never from the page cache: per-reader answers, and files served as they are.
PAGE_CACHE_EXCLUDE = (
    STATIC_URL,
    MEDIA_URL,
    "/admin/",
    "/search/",
    "/newsletter/confirm/",
    "/newsletter/unsubscribe/",
    "/documents/",
    "/healthz",
)
# Never compressed (caching/compression.py): the admin, whose pages carry CSRF tokens and
# editors' data (BREACH), pages carrying a reader's token, and files, served as they are
# (whitenoise serves static files compressed ahead; byte ranges of a file must stay its bytes).
COMPRESSION_EXCLUDE = (
    STATIC_URL,
    MEDIA_URL,
    "/admin/",
    "/documents/",
    "/newsletter/confirm/",
    "/newsletter/unsubscribe/",
)
# What every page may show besides its own content: a change to any of these (and to any site
# setting) purges every page.
PAGE_CACHE_SHOWN_EVERYWHERE = [
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "wagtailimages.Image",
    "editorial.Person",  # authors and reviewers
]
# A caching proxy in front (Varnish with deploy/varnish/default.vcl), purged on publish.
if os.environ.get("VARNISH_URL"):
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "caching.page_cache.VarnishBackend",
            "LOCATION": os.environ["VARNISH_URL"],
        }
    }

# Where the parts of a page go when they must be made afresh (an editor's view, a form sent
# back): nowhere (caching/context_processors.py).
UNCACHED = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
# One process: local memory (production settings choose shared caches). Two caches, so that
# pages filling the first never push out a count kept in the second (healthsite/counting.py):
# "default" for pages, fragments and lookups, all of which can be made again; "counters" for
# rate limits and the search counts logged between two flushes (search/stats.py).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
    "counters": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "counters",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
    "uncached": UNCACHED,
}

# One JSON object per log line, with nothing that identifies a reader (healthsite/log_format.py);
# secrets in paths are masked too.
LOG_MASKED_PATHS = [(r"/newsletter/(confirm|unsubscribe)/[^/\s]+/?", r"/newsletter/\1/[token]")]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"structured": {"()": "healthsite.log_format.StructuredFormatter"}},
    "filters": {"expected_refusals": {"()": "healthsite.log_format.ExpectedRefusals"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "structured"}},
    "loggers": {
        "django.security.DisallowedHost": {
            "handlers": ["console"],
            "filters": ["expected_refusals"],
            "propagate": False,
        },
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
}

"""Production settings for `make bench`, with the demo app installed and static files collected
into the benchmark's own folder: base.py fixes STATIC_ROOT to the project's static/, which the
benchmark leaves alone."""

import os

from healthsite.settings.production import *  # noqa: F403

# The benchmark loads the demo site and generated pages (load_demo_content, generate_content).
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]

# Cold requests: the page cache's copy expired just before (bench/cold.py).
PAGE_CACHE = "caching.page_cache.PageCacheMiddleware"
MIDDLEWARE = list(MIDDLEWARE)  # noqa: F405
MIDDLEWARE.insert(MIDDLEWARE.index(PAGE_CACHE), "bench.cold.ExpiredEntryMiddleware")

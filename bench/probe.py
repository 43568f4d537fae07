"""The Django side of `make bench`, run by bench/measurements.py in the benchmark's settings and
database: picks the URLs to load, counts the SQL queries each answer takes, and can save the
condition page's HTML (the static file served as a yardstick). Prints one JSON object.

Queries are counted with Django's test client under CaptureQueriesContext, through the whole
middleware stack, on the second request for each URL (the first one primes what a running
worker already has: templates, content types, the site's root paths, and with the page cache
on, the cached page); the second request's time is reported too. With --cold, every request
finds the page's kept copy just expired (bench/cold.py): the page is put together afresh
around what the cache keeps of its parts (the menu, its article); the first request, on an
empty cache, is reported as the first render.

With --uncached, only the muscle spasms condition page, with every cache a DummyCache: what a
page costs when nothing at all is kept. After a few requests to warm the process up, the median
CPU time (time.process_time) of the next ones, their SQL queries, and the Python calls of one
more (a count that does not vary with the machine's noise). It also runs alone against
the SQLite dev database or a DATABASE_URL, in seconds (bench/README.md).
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

if "DJANGO_SETTINGS_MODULE" not in os.environ:
    sys.exit(
        "bench/probe.py: set DJANGO_SETTINGS_MODULE (healthsite.settings.dev for the SQLite dev "
        "database or a DATABASE_URL; make bench sets bench.settings)."
    )

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from wagtail.models import Page  # noqa: E402

from articles.models import ConditionPage  # noqa: E402
from demo.generator import GENERATOR_USERNAME  # noqa: E402
from healthsite.models import SectionPage  # noqa: E402
from products.models import ProductGuidePage  # noqa: E402

SEARCH_URL = "/search/?q=back+pain"  # words most pages share: the broadest search
FEED_URL = "/feed/"
TOO_SLOW_TO_REPEAT = 20  # seconds: a URL this slow is measured on its first request
# Warm-up: templates, content types and the interpreter's own caches, as in a running worker.
UNCACHED_WARMUP = 5
UNCACHED_REQUESTS = 30


def pick(pages, slug):
    """A hand-written page (not a generated one), preferably the named one."""
    pages = pages.live().exclude(owner__username=GENERATOR_USERNAME).order_by("path")
    page = pages.filter(slug=slug).first() or pages.first()
    if page is None:
        sys.exit(f"No live {pages.model.__name__}: was load_demo_content run?")
    return page.url


def urls():
    sections = SectionPage.objects.live().order_by("path")
    section = sections.filter(slug="back-pain-types").first() or sections.first()
    if section is None:
        sys.exit("No live section page: was load_demo_content run?")
    return {
        "home": "/",
        "section": section.url,
        "condition": pick(ConditionPage.objects, "sciatica"),
        "product": pick(ProductGuidePage.objects, "mattresses"),
        "search": SEARCH_URL,
        "feed": FEED_URL,
    }


def pages():
    return {
        "live": Page.objects.live().count(),
        "generated": Page.objects.filter(owner__username=GENERATOR_USERNAME).count(),
    }


class QueryCounter:
    """Counts the SQL statements run (a connection.execute_wrapper): unlike
    CaptureQueriesContext, it keeps no copy of each query, which would add to the CPU timed."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def calls_of(request):
    """Python function calls (and calls into C) made by `request()`: unlike CPU time, the same
    from run to run and machine to machine, so a change's effect shows however noisy the VM."""
    count = 0

    def counter(frame, event, arg):
        nonlocal count
        count += event in ("call", "c_call")

    sys.setprofile(counter)
    try:
        request()
    finally:
        sys.setprofile(None)
    return count


def uncached(client, warmup, requests):
    """The muscle spasms page with every cache a DummyCache: the page cache's code runs, but
    nothing it, the menu or Wagtail's lookups store is kept. Median CPU time and queries of
    `requests` anonymous GETs, after `warmup` of them."""
    dummy = {
        alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
        for alias in settings.CACHES
    }
    seconds, queries = [], []
    # Even the page's URL is found without the configured cache, which need not be running.
    with override_settings(CACHES=dummy):
        url = pick(ConditionPage.objects, "muscle-spasms")
        for _ in range(warmup):
            response = client.get(url)
        for _ in range(requests):
            counter = QueryCounter()
            with connection.execute_wrapper(counter):
                started = time.process_time()
                response = client.get(url)
                seconds.append(time.process_time() - started)
            queries.append(counter.count)
        calls = calls_of(lambda: client.get(url))
    return {
        "urls": {"uncached": url},
        "pages": pages(),
        "status": {"uncached": response.status_code},
        "uncached": {
            "path": url,
            "warmup": warmup,
            "requests": requests,
            "cpu_ms": statistics.median(seconds) * 1000,
            "cpu_ms_min": min(seconds) * 1000,
            "cpu_ms_max": max(seconds) * 1000,
            # The same on every request when nothing is kept; the highest, should one differ.
            "queries": max(queries),
            "queries_min": min(queries),
            "python_calls": calls,
            "debug": settings.DEBUG,
        },
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save-condition", type=Path, help="Write the condition page here.")
    parser.add_argument("--cold", action="store_true", help="Bypass the page cache.")
    parser.add_argument(
        "--uncached",
        action="store_true",
        help="Only the muscle spasms page, every cache a DummyCache: CPU ms and SQL queries.",
    )
    parser.add_argument(
        "--requests",
        type=int,
        default=UNCACHED_REQUESTS,
        help=f"Requests timed with --uncached, after {UNCACHED_WARMUP} to warm up "
        f"({UNCACHED_REQUESTS}).",
    )
    args = parser.parse_args()
    if "wagtailcore_page" not in connection.introspection.table_names():
        sys.exit(
            f"bench/probe.py: the database ({connection.settings_dict['NAME']}) has no pages: "
            "run `make setup` for the SQLite dev database, or `python manage.py migrate` and "
            "`python manage.py load_demo_content` for a DATABASE_URL."
        )

    headers = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"}
    # Cold: the page's kept copy expired just before each request (bench/cold.py).
    client = Client(headers={**headers, **({"X-Bench-Cold": "1"} if args.cold else {})})
    if args.uncached:
        result = uncached(client, UNCACHED_WARMUP, args.requests)
        found = result["uncached"]
        # For a developer at the terminal; make bench reads the JSON line.
        print(
            f"uncached {found['path']}: {found['cpu_ms']:.1f} ms CPU (median of "
            f"{found['requests']}; target ≤ 25 ms), {found['queries']} SQL queries, "
            f"{found['python_calls']:,} Python calls; status "
            f"{result['status']['uncached']}"
            + (
                " · DEBUG is on: Django keeps every query, the CPU is higher"
                if found["debug"]
                else ""
            ),
            file=sys.stderr,
        )
        sys.stdout.write(json.dumps(result) + "\n")
        return
    result = {
        "urls": urls(),
        "pages": pages(),
        "queries": {},
        "bytes": {},
        "status": {},
        "seconds": {},
        "first": {},
    }
    for name, url in result["urls"].items():
        addresses = iter([url, url])
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(next(addresses))
        seconds = time.perf_counter() - started
        result["first"][name] = {"queries": len(queries.captured_queries), "seconds": seconds}
        if seconds < TOO_SLOW_TO_REPEAT:  # else the first answer's count and time stand
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(next(addresses))
            seconds = time.perf_counter() - started
        result["queries"][name] = len(queries.captured_queries)
        result["seconds"][name] = seconds
        result["status"][name] = response.status_code
        result["bytes"][name] = len(response.content)
        if name == "condition" and args.save_condition:
            args.save_condition.parent.mkdir(parents=True, exist_ok=True)
            args.save_condition.write_bytes(response.content)
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()

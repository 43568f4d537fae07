"""The Django side of `make bench`, run by bench/run.py in the benchmark's settings and database:
picks the URLs to load, counts the SQL queries each answer takes, and can save the condition
page's HTML (the static file served as a yardstick). Prints one JSON object.

Queries are counted with Django's test client under CaptureQueriesContext, through the whole
middleware stack, on the second request for each URL (the first one primes what a running
worker already has: templates, content types, the site's root paths, and with the page cache
on, the cached page); the second request's time is reported too. With --cold, every request
carries a query string of its own, which the page cache does not keep: the page is put
together afresh around what the cache keeps of its parts (the menu, its article); the first
request, on an empty cache, is reported as the first render.
"""

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from wagtail.models import Page  # noqa: E402

from articles.models import ConditionPage  # noqa: E402
from demo.generator import GENERATOR_USERNAME  # noqa: E402
from healthsite.models import SectionPage  # noqa: E402
from products.models import ProductGuidePage  # noqa: E402

SEARCH_URL = "/search/?q=back+pain"  # words most pages share: the broadest search
FEED_URL = "/feed/"
TOO_SLOW_TO_REPEAT = 20  # seconds: a URL this slow is measured on its first request


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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save-condition", type=Path, help="Write the condition page here.")
    parser.add_argument("--cold", action="store_true", help="Bypass the page cache.")
    args = parser.parse_args()

    client = Client(headers={"Host": "127.0.0.1", "X-Forwarded-Proto": "https"})
    result = {
        "urls": urls(),
        "pages": {
            "live": Page.objects.live().count(),
            "generated": Page.objects.filter(owner__username=GENERATOR_USERNAME).count(),
        },
        "queries": {},
        "bytes": {},
        "status": {},
        "seconds": {},
        "first": {},
    }
    for name, url in result["urls"].items():
        addresses = (
            f"{url}{'&' if '?' in url else '?'}cold={number}" if args.cold else url
            for number in range(1, 3)
        )
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

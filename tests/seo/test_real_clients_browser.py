"""Clients nobody here wrote, against the served demo site: Python's robots.txt parser, and
Lighthouse 12 (npm, in Debian's Chromium), whose SEO and best-practices audits every type of
page passes in full."""

import json
import os
import subprocess
import urllib.robotparser
from pathlib import Path

import pytest

from tests.site_pages import (
    A_TO_Z,
    ABOUT,
    BACK_PAIN_TYPES,
    CHAIRS,
    CONTACT,
    NEWSLETTER,
    PILATES_EXERCISES,
    SCIATICA,
    SUBSCRIBE,
    TELL_YOUR_STORY,
    WHATS_NEW,
)

pytestmark = pytest.mark.browser
LIGHTHOUSE = Path(__file__).resolve().parents[2] / "node_modules/.bin/lighthouse"

# One page of each type readers see.
PAGES = [
    "/",
    BACK_PAIN_TYPES.url,
    SCIATICA.url,
    PILATES_EXERCISES.url,
    CHAIRS.url,
    ABOUT.url,
    CONTACT.url,
    TELL_YOUR_STORY.url,
    "/back-pain-overview/tell-your-story/back-to-the-allotment/",
    WHATS_NEW.url,
    SUBSCRIBE.url,
    NEWSLETTER.url,
    A_TO_Z.url,
    "/people/",
    "/people/dr-sam-okafor/",
    "/site-map/",
]


def test_pythons_robots_parser_keeps_out_of_the_admin_and_search_only(demo_site):
    robots = urllib.robotparser.RobotFileParser(f"{demo_site.url}/robots.txt")
    robots.read()
    for path in ("/admin/", "/admin/pages/", "/search/", "/search/?q=sciatica"):
        assert not robots.can_fetch("*", demo_site.url + path), path
    for path in ("/", SCIATICA.url, "/people/", "/sitemap.xml", "/feed/"):
        assert robots.can_fetch("*", demo_site.url + path), path
    assert robots.site_maps() == [f"{demo_site.url}/sitemap.xml"]


def lighthouse(url):
    """Lighthouse's report on `url` (its SEO and best-practices categories only: six of the
    performance audits error with this Chromium, TESTING.md)."""
    if not LIGHTHOUSE.exists():
        pytest.fail("Lighthouse is needed: npm ci (package.json pins lighthouse 12.2.3)")
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--only-categories=seo,best-practices",
            "--output=json",
            "--quiet",
            "--chrome-flags=--headless=new --no-sandbox",
        ],
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize("path", PAGES)
def test_lighthouse_scores_every_page_type_100_for_seo_and_best_practices(demo_site, path):
    report = lighthouse(demo_site.url + path)
    scores = {category["id"]: category["score"] for category in report["categories"].values()}
    failed = [
        (audit["id"], audit.get("details", {}).get("items"))
        for audit in report["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit["scoreDisplayMode"] in ("binary", "numeric", "metricSavings")
    ]
    assert scores == {"seo": 1, "best-practices": 1}, failed

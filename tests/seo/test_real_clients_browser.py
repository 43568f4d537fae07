"""Clients nobody here wrote, against the served demo site: Python's robots.txt parser, and
Lighthouse 12 (npm, in Debian's Chromium), whose SEO and best-practices audits every type of
page passes in full."""

import json
import os
import shutil
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
LIGHTHOUSE = Path(__file__).resolve().parents[2] / "node_modules/lighthouse"
RUNNER = Path(__file__).with_name("lighthouse_pages.mjs")

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


@pytest.fixture(scope="session")
def lighthouse_reports(demo_site):
    """{path: Lighthouse's report} for every page of PAGES, in one Lighthouse and one Chromium
    (lighthouse_pages.mjs): its SEO and best-practices categories only, since six of the
    performance audits error with this Chromium (TESTING.md)."""
    if not LIGHTHOUSE.exists():
        pytest.fail("Lighthouse is needed: npm ci (package.json pins lighthouse 12.2.3)")
    result = subprocess.run(
        [
            shutil.which("node") or "/usr/bin/node",
            str(RUNNER),
            *(demo_site.url + path for path in PAGES),
        ],
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        capture_output=True,
        text=True,
        timeout=60 * len(PAGES),
        check=True,
    )
    return {
        url.removeprefix(demo_site.url): report for url, report in json.loads(result.stdout).items()
    }


@pytest.mark.parametrize("path", PAGES)
def test_lighthouse_scores_every_page_type_100_for_seo_and_best_practices(lighthouse_reports, path):
    report = lighthouse_reports[path]
    scores = {category["id"]: category["score"] for category in report["categories"].values()}
    failed = [
        (audit["id"], audit.get("details", {}).get("items"))
        for audit in report["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit["scoreDisplayMode"] in ("binary", "numeric", "metricSavings")
    ]
    assert scores == {"seo": 1, "best-practices": 1}, failed

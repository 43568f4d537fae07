"""The feeds as a real feed reader sees them: Debian's newsboat, subscribed to the demo site as
a new reader would be, reloads before and after a significant update and a typo fix, both
published through the medical review; and "has it changed?" asked over HTTP as clients ask it."""

import shutil
import sqlite3
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from tests.site_pages import HEADACHES, TENDONITIS

pytestmark = pytest.mark.browser
# Two pages of one section whose first publications are among the newest twenty items.
UPDATED = HEADACHES.url
FIXED = TENDONITIS.url
NOTE = "Added when a headache with a stiff neck needs a doctor the same day."
# newsboat treats an item id as the same item in every feed: one cache per subscription.
FEEDS = ["/feed/", "/feed/atom/", "/specific-back-pain/feed/", "/specific-back-pain/feed/atom/"]
# A change made in the site's own process, then sent for review by the demo's editor and
# approved by its medical reviewer, as the admin's buttons do.
THROUGH_REVIEW = """
from django.contrib.auth import get_user_model
from wagtail.models import Page

users = get_user_model().objects
editor, reviewer = users.get(username="editor"), users.get(username="reviewer")
page = Page.objects.get(url_path="/home{path}").specific
{change}
page.save_revision(user=editor)
page.get_workflow().start(page, editor)
state = Page.objects.get(pk=page.pk).specific.current_workflow_task_state
state.task.specific.on_action(state, reviewer, "approve")
assert Page.objects.get(pk=page.pk).live_revision == page.get_latest_revision()
"""


def publish_through_review(demo_site, path, change):
    demo_site.manage("shell", "-c", THROUGH_REVIEW.format(path=path, change=change))


class Newsboat:
    """newsboat subscribed to one feed, with a cache of its own."""

    def __init__(self, folder, url):
        folder.mkdir()
        self.folder = folder
        (folder / "urls").write_text(url + "\n")
        (folder / "config").write_text("")
        self.cache = folder / "cache.db"

    def reload(self):
        subprocess.run(
            [
                shutil.which("newsboat") or "newsboat",
                *("-u", self.folder / "urls", "-c", self.cache, "-C", self.folder / "config"),
                *("-x", "reload"),
            ],
            env={"HOME": str(self.folder), "PATH": "/usr/bin:/bin"},
            check=True,
            capture_output=True,
            timeout=60,
        )

    def items(self):
        """{title: (guid, pubDate as a Unix time, unread)}"""
        with sqlite3.connect(self.cache) as cache:
            rows = cache.execute("SELECT title, guid, pubDate, unread FROM rss_item").fetchall()
        return {title: (guid, date, bool(unread)) for title, guid, date, unread in rows}

    def mark_all_read(self):
        with sqlite3.connect(self.cache) as cache:
            cache.execute("UPDATE rss_item SET unread = 0")


def test_newsboat_shows_a_significant_update_as_new_and_a_typo_fix_not_at_all(
    demo_site, demo_team, tmp_path
):
    if shutil.which("newsboat") is None:
        pytest.fail("newsboat is needed: apt-get install -y newsboat")
    readers = [Newsboat(tmp_path / str(n), demo_site.url + url) for n, url in enumerate(FEEDS)]
    for reader in readers:
        reader.reload()
        items = reader.items()
        assert items["Headaches"][2] and items["Tendonitis"][2]  # a new reader: all unread
        reader.mark_all_read()
    before = [reader.items() for reader in readers]

    published = time.time()
    publish_through_review(
        demo_site,
        UPDATED,
        f"page.significant_update = True\npage.change_note = {NOTE!r}\n"
        "page.body.append(('paragraph', '<p>Neck stiffness with fever is an emergency.</p>'))",
    )
    publish_through_review(
        demo_site,
        FIXED,
        "page.significant_update = False\n"
        "page.body.append(('paragraph', '<p>Tendons heal slowly.</p>'))",
    )

    for reader, old in zip(readers, before, strict=True):
        reader.reload()
        items = reader.items()
        unread = {title for title, (_guid, _date, is_unread) in items.items() if is_unread}
        assert unread == {"Updated: Headaches"}, reader.folder
        guid, date, _unread = items["Updated: Headaches"]
        assert guid.startswith(old["Headaches"][0] + "/update-")
        assert published - 60 < date < time.time() + 60  # dated by the update
        # The first items keep their ids and dates, and stay read; the typo fix adds nothing.
        assert items["Headaches"] == old["Headaches"]
        assert items["Tendonitis"] == old["Tendonitis"]
        assert set(items) == {*old, "Updated: Headaches"}


def fetch(url, **headers):
    """(status, headers, text) of a GET of `url`."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, ""


@pytest.mark.parametrize("feed", ["/feed/", "/specific-back-pain/feed/atom/", "/feed/json/"])
def test_a_client_asking_only_if_modified_since_gets_a_routine_edit(demo_site, demo_team, feed):
    url = demo_site.url + feed
    status, headers, _text = fetch(url)
    assert status == 200
    since = headers["Last-Modified"]
    assert fetch(url, **{"If-Modified-Since": since})[0] == 304
    assert fetch(url, **{"If-None-Match": headers["ETag"]})[0] == 304
    words = f"Tendons heal slowly ({feed})."

    publish_through_review(demo_site, FIXED, f"page.body.append(('paragraph', '<p>{words}</p>'))")

    status, changed, text = fetch(url, **{"If-Modified-Since": since})
    assert status == 200 and words in text
    assert changed["Last-Modified"] != since and changed["ETag"] != headers["ETag"]
    assert fetch(url, **{"If-Modified-Since": changed["Last-Modified"]})[0] == 304
    assert fetch(url, **{"If-None-Match": changed["ETag"]})[0] == 304

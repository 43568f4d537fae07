"""Old pages as owners really have them (legacy_formats/, written for these tests): one page at
a time, saved as text or as old editors' HTML, land in the right fields of the right page with
the old site's chrome gone; a page the site has gets a new draft revision, and readers' page,
its redirect and the feeds stay as they were."""

import io
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image as PILImage

from django.core.management import call_command

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from articles.models import ConditionPage, ImportedPage
from tests.conftest import page_at
from tests.site_pages import (
    BACK_PAIN_TYPES,
    BACK_PAIN_WHILE_SLEEPING,
    BURSITIS,
    LIFTING_TECHNIQUE,
    MUSCLE_SPASMS,
    SCIATICA,
    SPECIFIC_BACK_PAIN,
    TENDONITIS,
)

pytestmark = pytest.mark.django_db

FORMATS = Path(__file__).parent / "legacy_formats"
SAVED = "Back Pain While Sleeping - Manage Back Pain"
CHROME = [
    "Manage Back Pain",
    "Practical help with back pain",
    "Lower Back Pain",
    "Exercises for Back Pain",
    "newsletter",
    "E-mail",
    "Then",
    "Subscribe",
    "Follow on Twitter",
    "Copyright",
    "Return from",
]


@pytest.fixture
def old_pages(tmp_path):
    folder = tmp_path / "old"
    shutil.copytree(FORMATS, folder)
    picture = folder / f"{SAVED}_files" / "sleeping.png"
    PILImage.new("RGB", (90, 60), (180, 200, 230)).save(picture)
    return folder


def import_legacy(*args):
    output = io.StringIO()
    call_command("import_legacy", *map(str, args), stdout=output)
    return output.getvalue()


def reader_page(client, url):
    """The page as readers get it, less the signed timestamps of its forms (a new one each
    second, privacy/public_forms.py)."""
    return re.sub(r'value="[\w-]+:[\w-]+:[\w-]+"', "", client.get(url).content.decode())


def texts(stream_value):
    return " ".join(str(child.value) for child in stream_value)


def kinds(stream_value):
    return [child.block_type for child in stream_value]


def test_one_saved_text_condition_page_fills_its_sections_without_the_old_chrome(old_pages, client):
    live = page_at(MUSCLE_SPASMS.url)
    before = {
        "page": reader_page(client, live.url),
        "feed": client.get("/feed/").content,
        "section_feed": client.get("/back-pain-types/feed/").content,
        "redirect": Redirect.objects.get(old_path="/back-pain-muscle-spasms.html"),
        "revisions": live.revisions.count(),
    }
    live_title = live.title

    report = import_legacy(old_pages / "back-pain-muscle-spasms.txt", "--type", "condition")

    # No second page: a new draft revision of the page the old address leads to.
    assert Page.objects.filter(title__icontains="muscle spasms").count() == 1
    live.refresh_from_db()
    assert live.revisions.count() == before["revisions"] + 1
    assert live.has_unpublished_changes and live.title == live_title
    draft = live.get_latest_revision_as_object()
    assert isinstance(draft, ConditionPage)
    assert draft.title == "Back Pain Muscle Spasms"
    assert draft.summary.startswith("A muscle spasm in the back is a sudden tightening")
    assert kinds(draft.overview) == ["paragraph", "paragraph"]
    assert kinds(draft.causes) == ["numbered_list"]
    assert len(draft.causes[0].value) == 6
    assert kinds(draft.symptoms) == ["numbered_list"]
    assert "depends on what caused the spasm" in texts(draft.treatment)
    assert kinds(draft.self_care) == ["step"] * 6
    assert "Pilates exercises" in texts(draft.exercises)
    assert "need a neurologist" in texts(draft.seek_help)
    everything = " ".join(
        texts(getattr(draft, name)) for name, _heading in ConditionPage.SECTIONS
    ) + texts(draft.body)
    for chrome in CHROME:
        assert chrome not in everything, chrome
    # What the import did not fill stays as the page had it.
    assert draft.author_id == live.author_id and draft.hero_image_id == live.hero_image_id
    assert list(draft.tags.all()) == list(live.tags.all())
    assert [(c.id, str(c.value)) for c in draft.sources] == [
        (c.id, str(c.value)) for c in live.sources
    ]

    # Readers, the old address and the feeds see the live page as before.
    assert reader_page(client, live.url) == before["page"]
    assert client.get("/feed/").content == before["feed"]
    assert client.get("/back-pain-types/feed/").content == before["section_feed"]
    redirect = Redirect.objects.get(old_path="/back-pain-muscle-spasms.html")
    assert (redirect.redirect_page_id, redirect.is_permanent) == (
        before["redirect"].redirect_page_id,
        before["redirect"].is_permanent,
    )
    assert client.get("/back-pain-muscle-spasms.html")["Location"].endswith(live.url)

    # The report says which signal dropped each line, and where each heading went.
    assert "into the page the site has: its old address /back-pain-muscle-spasms.html" in report
    assert "line above the title “Manage Back Pain” (the site's name)" in report
    assert "“Practical help with back pain from a physiotherapist” (nothing under it)" in report
    assert "heading “Lower Back Pain” (a menu line: the title of a page in the site's menu)" in (
        report
    )
    assert "“Back Pain Muscle Spasms” (in a run of" in report
    assert "(marker “newsletter”)" in report
    assert "“The most common causes of muscle spasms that I see are” → causes" in report
    assert "“Symptoms of Back Pain Muscle Spasms” → symptoms" in report
    assert "“Simple home treatment” → self care" in report
    assert "“When to see a doctor” → seek help" in report


def test_old_editors_html_lands_in_the_right_fields(old_pages):
    report = import_legacy(old_pages / "tendonitis.htm", old_pages / "bursitis.html")

    tendonitis = page_at(TENDONITIS.url).get_latest_revision_as_object()
    assert tendonitis.title == "Tendonitis"
    assert "the tough cord that joins a muscle to a bone" in tendonitis.summary  # &nbsp; gone
    assert "\xa0" not in tendonitis.summary
    assert "Doing the same movement" in texts(tendonitis.causes)
    assert kinds(tendonitis.symptoms) == ["bulleted_list"]
    treatment = texts(tendonitis.treatment)
    assert "Relative rest" in treatment and "Print this page" not in treatment
    assert "javascript" not in treatment and "onclick" not in treatment
    assert "read as windows-1252" in report
    assert "picture images/sidebar.gif (an image map: a menu)" in report

    bursitis = page_at(BURSITIS.url).get_latest_revision_as_object()
    assert "bourse" in texts(bursitis.overview)  # Latin-1, as declared
    assert kinds(bursitis.causes) == ["numbered_list"]
    assert "A dull ache over the joint" in texts(bursitis.symptoms)
    assert "Rest the joint" in texts(bursitis.treatment)
    assert "infected bursa" in texts(bursitis.seek_help)
    assert "Back Pain Types" not in texts(bursitis.overview)
    assert "line above the title “Sciatica” (a menu line" in report


def test_a_page_saved_complete_brings_its_picture_and_not_its_files(old_pages):
    report = import_legacy(old_pages, "--type", "condition", "--parent", BACK_PAIN_TYPES.url)

    sleeping = page_at(BACK_PAIN_WHILE_SLEEPING.url)
    draft = sleeping.get_latest_revision_as_object()
    assert draft.title == "Back Pain While Sleeping"
    assert kinds(draft.self_care) == ["step"] * 3
    (image,) = [child.value for child in draft.overview if child.block_type == "image"]
    assert image["image"].title == "A person lying on their side with a pillow between the knees"
    # Its address was where the browser saved it from, which already leads to the page.
    assert "redirected from /back-pain-while-sleeping.html" in report
    # The advertisement kept in the _files folder is not an old page.
    assert "saved_resource" not in report
    assert not Page.objects.filter(title="Buy now").exists()


def test_text_in_old_encodings_is_read_and_a_new_page_made_where_none_matches(old_pages):
    report = import_legacy(
        old_pages / "hip-bursitis.txt",
        old_pages / "lifting-technique.txt",
        "--type",
        "condition",
        "--parent",
        SPECIFIC_BACK_PAIN.url,
    )

    hip = ImportedPage.objects.get(old_path="/hip-bursitis.html").page.specific
    assert hip.url_path.endswith("/specific-back-pain/hip-bursitis/") and not hip.live
    draft = hip.get_latest_revision_as_object()
    assert "« bourse »" in draft.summary
    assert "fall onto the hip" in texts(draft.causes)
    assert "Rest from what aggravates it" in texts(draft.treatment)
    assert "hip-bursitis.txt: created “Hip Bursitis” (condition, draft)" in report

    lifting = page_at(LIFTING_TECHNIQUE.url).get_latest_revision_as_object()
    assert "not heavy things lifted well – so it’s worth" in lifting.summary  # Windows-1252


def test_a_title_only_match_is_listed_and_into_names_the_page(tmp_path):
    old = tmp_path / "sciatic-pain.html"
    old.write_text("<h1>Sciatica</h1><p>Pain down the leg from the back.</p>")

    report = import_legacy(old, "--type", "condition", "--parent", BACK_PAIN_TYPES.url)
    assert "created “Sciatica” (condition, draft) in /back-pain-types/sciatic-pain/" in report
    assert "possible match, not used: “Sciatica” /home/specific-back-pain/sciatica/" in report
    assert "(the same title); to import into it, name it with --into" in report

    other = tmp_path / "sciatica-leg-pain.html"
    other.write_text("<h1>Sciatica</h1><p>Pain down the leg, from the nerve.</p>")
    report = import_legacy(other, "--into", SCIATICA.url)
    sciatica = page_at(SCIATICA.url)
    assert "updated “Sciatica” (condition, a new draft of the live page)" in report
    assert sciatica.get_latest_revision_as_object().summary == "Pain down the leg, from the nerve."

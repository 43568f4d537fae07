"""An owner with one old page, as a new user would: the demo's editor uploads it in the admin's
Import view, reads the dry run, imports it, and the medical reviewer finds it as a change to
the live page."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.demo_team import sign_in
from tests.site_pages import MUSCLE_SPASMS

pytestmark = pytest.mark.browser
OLD_PAGE = Path(__file__).parent / "legacy_formats" / "back-pain-muscle-spasms.txt"
# Puts Muscle Spasms back as the demo had it, for the other browser tests on the same site.
UNDO = """
from wagtail.models import Page, WorkflowState

from articles.models import ImportedPage

page = Page.objects.get(url_path="/home/back-pain-types/muscle-spasms/")
WorkflowState.objects.filter(object_id=str(page.pk)).delete()
imported = page.latest_revision
if imported.pk != page.live_revision_id:
    Page.objects.filter(pk=page.pk).update(
        latest_revision=page.live_revision,
        latest_revision_created_at=page.live_revision.created_at,
        draft_title=page.title,
        has_unpublished_changes=False,
    )
    imported.delete()
ImportedPage.objects.filter(page_id=page.pk).delete()
"""


@pytest.fixture(scope="module")
def demo_team(demo_team, demo_site):
    yield
    demo_site.manage("shell", stdin=UNDO)


def test_an_editor_imports_one_old_page_and_the_reviewer_sees_the_change(
    page, demo_site, demo_team
):
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, demo_site.url, "editor")
    page.get_by_role("link", name="Import").click()
    page.get_by_label("Old pages").set_input_files(OLD_PAGE)
    page.get_by_role("button", name="Check these pages (dry run)").click()

    expect(
        page.get_by_role("heading", name="Dry run: nothing has been changed yet")
    ).to_be_visible()
    expect(
        page.get_by_text("a new draft of the live condition page at /back-pain-types/")
    ).to_be_visible()
    section_rows = page.get_by_role("table", name="Headings and the sections they start")
    expect(section_rows.get_by_role("row", name="Simple home treatment Self care")).to_be_visible()
    page.get_by_text("lines dropped as the old site's chrome").click()
    expect(page.get_by_role("cell", name="the site's name")).to_be_visible()

    page.get_by_role("button", name="Import 1 page as drafts").click()
    expect(page.get_by_role("heading", name="Imported")).to_be_visible()
    expect(page.get_by_text("submitted to Medical review")).to_be_visible()

    # Readers still see the live page.
    reader = page.context.new_page()
    reader.goto(demo_site.url + MUSCLE_SPASMS.url)
    expect(reader.get_by_role("heading", level=1)).to_have_text("Muscle Spasms")
    reader.close()

    page.context.clear_cookies()
    sign_in(page, demo_site.url, "reviewer")
    expect(page.get_by_role("link", name="Back Pain Muscle Spasms")).to_be_visible()

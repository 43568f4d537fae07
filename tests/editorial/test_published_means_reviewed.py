"""Published means reviewed: text written in a draft of a health page reaches no reader surface
until a medical reviewer approves it, whichever way the draft was saved, moved or copied, and
reaches every surface at once when approved.

Each test writes a marker into the title, address, summary, body and change note of a live page
of one health page type through the admin, as the team would, takes one save path, looks for
the marker on every reader surface (none), then has it approved and looks again (all).
"""

import json
import re
from datetime import timedelta
from types import SimpleNamespace

import pytest

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, PageLogEntry, Revision, TaskState

from articles.models import ArticlePage, ConditionPage
from healthsite.models import ContentPage, RelatedPage
from newsletter.emails import preview
from newsletter.models import IssuePage, NewsletterIssue
from products.models import ProductGuidePage
from tests.conftest import page_at
from tests.healthsite.test_admin_editing import form_data
from tests.site_pages import (
    A_TO_Z,
    BACK_PAIN_MANAGEMENT,
    BACK_PAIN_TYPES,
    CHAIRS,
    GOOD_POSTURE,
    MATTRESSES,
    SCIATICA,
    SPINE_ANATOMY,
    WHATS_NEW,
    WHIPLASH,
)

pytestmark = pytest.mark.django_db

MARKER = "Zanzibarquill"

# A live page of each health type, a sibling that picks it as related, and where to move it.
PAGES = {
    ConditionPage: (
        SCIATICA.url,
        WHIPLASH.url,
        BACK_PAIN_TYPES.url,
    ),
    ArticlePage: (
        GOOD_POSTURE.url,
        SPINE_ANATOMY.url,
        BACK_PAIN_MANAGEMENT.url,
    ),
    ProductGuidePage: (
        CHAIRS.url,
        MATTRESSES.url,
        BACK_PAIN_MANAGEMENT.url,
    ),
}
TYPES = list(PAGES)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def marked(page, **extra):
    """The edit form of `page` with the marker in its title, slug, summary, body and note."""
    data = form_data(type(page), f"{MARKER} {page.title}")
    for key, value in data.items():
        if isinstance(value, str) and "Keep moving gently." in value:
            data[key] = value.replace("Keep moving gently.", f"Keep moving gently. {MARKER} way.")
    data["significant_update"] = "on"
    data["change_note"] = f"Added the {MARKER} advice."
    data.update(extra)
    return data


def post(client, url, data, status=302, **headers):
    response = client.post(url, data, **headers)
    assert response.status_code == status, getattr(response, "context", None) and (
        response.context.get("form") and response.context["form"].errors
    )
    return response


def task_state(page):
    return TaskState.objects.for_instance(page).get(status=TaskState.STATUS_IN_PROGRESS)


def act(client, page, action, comment=""):
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state(page).pk])
    return client.post(url, {"comment": comment})


def live(page):
    return Page.objects.get(pk=page.pk).specific


# What readers see


def json_ld(html):
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.dumps([json.loads(script) for script in found])


def surfaces(client, page, sibling, issue):
    """{surface: what a reader gets there} for `page` as it is now."""
    page = live(page)
    section = Page.objects.get(pk=page.get_parent().pk)
    section_slug = section.slug
    shown = {}
    url = page.url if page.live else None
    shown["page"] = client.get(url).content.decode() if url else ""
    shown["json-ld"] = json_ld(shown["page"])
    for name, path in [
        ("rss", "/feed/"),
        ("atom", "/feed/atom/"),
        ("json feed", "/feed/json/"),
        ("section rss", f"/{section_slug}/feed/"),
        ("section atom", f"/{section_slug}/feed/atom/"),
        ("section json feed", f"/{section_slug}/feed/json/"),
        ("search", f"/search/?q={MARKER}"),
        ("autocomplete", f"/search/autocomplete/?q={MARKER}"),
        ("sitemap", "/sitemap.xml"),
        ("what's new", WHATS_NEW.url),
        ("home", "/"),
        ("section", section.url),
        ("related", live(sibling).url),
    ]:
        response = client.get(path)
        assert response.status_code == 200, (name, path, response.status_code)
        shown[name] = response.content.decode()
    # What was found, not the reader's own words shown back.
    hits = re.search(r'<ol class="search-results".*?</ol>', shown["search"], re.S)
    shown["search"] = hits.group(0) if hits else ""
    shown["autocomplete"] = json.dumps(json.loads(shown["autocomplete"])["results"])
    if isinstance(page, ConditionPage):
        shown["a-z"] = client.get(A_TO_Z.url).content.decode()
    shown["newsletter"] = preview(issue).content.decode()
    return shown


def with_marker(shown):
    return sorted(name for name, text in shown.items() if MARKER.lower() in text.lower())


@pytest.fixture
def team(
    editor,
    reviewer,
    second_reviewer,
    moderator,
    superuser,
    client,
    django_capture_on_commit_callbacks,
):
    def on_commit():
        # Search index entries and purges are made once the change is committed.
        return django_capture_on_commit_callbacks(execute=True)

    return SimpleNamespace(
        editor=editor,
        reviewer=reviewer,
        second_reviewer=second_reviewer,
        moderator=moderator,
        superuser=superuser,
        reader=client,
        committed=on_commit,
    )


@pytest.fixture(params=TYPES, ids=[model.__name__ for model in TYPES])
def scene(request, team):
    """A live health page, a sibling showing it as related, a newsletter issue featuring it."""
    path, sibling_path, elsewhere = PAGES[request.param]
    page, sibling = page_at(path), page_at(sibling_path)
    RelatedPage.objects.create(page=sibling, target=page, sort_order=0)
    issue = NewsletterIssue.objects.create(subject="This month", intro="A short note.")
    IssuePage.objects.create(issue=issue, page=page, sort_order=0)
    scene = SimpleNamespace(page=page, sibling=sibling, issue=issue, elsewhere=page_at(elsewhere))
    assert with_marker(reader_view(team, scene)) == []
    return scene


def reader_view(team, scene):
    return surfaces(team.reader, scene.page, scene.sibling, scene.issue)


def everywhere(scene):
    names = [
        "page", "json-ld", "rss", "atom", "json feed", "section rss", "section atom",
        "section json feed", "search", "autocomplete", "sitemap", "what's new", "home",
        "section", "related", "newsletter",
    ]  # fmt: skip
    if isinstance(scene.page, ConditionPage):
        names.append("a-z")
    return sorted(names)


# The save paths


def save_draft(team, scene):
    post(team.editor, edit_url(scene.page), marked(scene.page))


def autosave(team, scene):
    response = post(
        team.editor, edit_url(scene.page), marked(scene.page), 200, HTTP_ACCEPT="application/json"
    )
    assert response.json()["success"] is True


def submit(team, scene):
    post(team.editor, edit_url(scene.page), marked(scene.page, **{"action-submit": "on"}))
    assert live(scene.page).workflow_in_progress


def reject(team, scene):
    submit(team, scene)
    assert act(team.reviewer, scene.page, "reject", "Please add a source.").status_code == 302


def cancel_workflow(team, scene):
    """Submitted, then the review called off by a reviewer (who may approve, so may cancel;
    the page is locked for its editor while in review)."""
    submit(team, scene)
    data = marked(scene.page, **{"action-cancel-workflow": "on"})
    post(team.second_reviewer, edit_url(scene.page), data)
    assert not live(scene.page).workflow_in_progress


def schedule(team, scene):
    """Approved for tomorrow: nothing changes for readers until then."""
    tomorrow = timezone.localtime() + timedelta(days=1)
    data = marked(scene.page, go_live_at=tomorrow.strftime("%d/%m/%Y %H:%M"))
    post(team.editor, edit_url(scene.page), {**data, "action-submit": "on"})
    assert act(team.reviewer, scene.page, "approve").status_code == 302
    assert Revision.objects.for_instance(scene.page).filter(approved_go_live_at__isnull=False)


def revert(team, scene):
    """An editor brings back the marked revision after a later draft, as a draft."""
    save_draft(team, scene)
    marked_revision = live(scene.page).latest_revision
    post(team.editor, edit_url(scene.page), form_data(type(scene.page), scene.page.title))
    url = reverse("wagtailadmin_pages:revisions_revert", args=[scene.page.pk, marked_revision.pk])
    post(team.editor, url, marked(scene.page))


def copy(team, scene):
    """A moderator copies the page (with its marked draft): asking by hand to keep the copy
    live, or to make it an alias (live by nature), is refused; a copy is a draft."""
    save_draft(team, scene)
    url = reverse("wagtailadmin_pages:copy", args=[scene.page.pk])
    data = {
        "new_title": f"{MARKER} copy",
        "new_slug": f"{MARKER.lower()}-copy",
        "new_parent_page": scene.page.get_parent().pk,
    }
    for live_copy in ({"publish_copies": "on"}, {"alias": "on"}):
        refused = post(team.moderator, url, {**data, **live_copy}, 200)
        assert "You do not have permission to publish" in refused.content.decode()
    post(team.moderator, url, data)
    copied = Page.objects.get(slug=f"{MARKER.lower()}-copy")
    assert not copied.live


def move(team, scene):
    save_draft(team, scene)
    url = reverse("wagtailadmin_pages:move_confirm", args=[scene.page.pk, scene.elsewhere.pk])
    post(team.moderator, url, {})
    assert live(scene.page).get_parent().pk == scene.elsewhere.pk


def unpublish(team, scene):
    save_draft(team, scene)
    url = reverse("wagtailadmin_pages:unpublish", args=[scene.page.pk])
    post(team.moderator, url, {})
    assert not live(scene.page).live


def moderator_publishes(team, scene):
    """The Publish action, posted by hand: a Moderator's edit is saved as a draft only."""
    post(team.moderator, edit_url(scene.page), marked(scene.page, **{"action-publish": "on"}))


def moderator_bulk_publishes(team, scene):
    save_draft(team, scene)
    url = f"/admin/bulk/wagtailcore/page/publish/?id={scene.page.pk}"
    team.moderator.post(url, {})


def moderator_publishes_a_revert(team, scene):
    save_draft(team, scene)
    revision = live(scene.page).latest_revision
    url = reverse("wagtailadmin_pages:revisions_revert", args=[scene.page.pk, revision.pk])
    team.moderator.post(url, marked(scene.page, **{"action-publish": "on"}))


def reviewer_publishes(team, scene):
    """A reviewer's own edit, with the Publish action posted by hand."""
    post(team.reviewer, edit_url(scene.page), marked(scene.page, **{"action-publish": "on"}))


SAVE_PATHS = [
    save_draft,
    autosave,
    submit,
    reject,
    cancel_workflow,
    schedule,
    revert,
    copy,
    move,
    unpublish,
    moderator_publishes,
    moderator_bulk_publishes,
    moderator_publishes_a_revert,
    reviewer_publishes,
]


def approve(team, scene):
    """The marked draft submitted (if it is not in review already) and approved."""
    page = live(scene.page)
    scheduled = Revision.objects.for_instance(page).filter(approved_go_live_at__isnull=False)
    if scheduled:
        # Approved for tomorrow: tomorrow comes.
        for revision in scheduled:
            earlier = timezone.now() - timedelta(minutes=1)
            revision.content["go_live_at"] = earlier.isoformat()
            revision.approved_go_live_at = earlier
            revision.save(update_fields=["content", "approved_go_live_at"])
        call_command("publish_scheduled")
        return
    if not page.workflow_in_progress:
        post(team.editor, edit_url(page), marked(scene.page, **{"action-submit": "on"}))
    # Four eyes: a reviewer who edited the page leaves its approval to another.
    approver = team.reviewer
    if Revision.objects.for_instance(page).filter(user=team.reviewer.user).exists():
        approver = team.second_reviewer
    assert act(approver, page, "approve").status_code == 302


@pytest.mark.parametrize("save_path", SAVE_PATHS, ids=[path.__name__ for path in SAVE_PATHS])
def test_a_draft_reaches_readers_only_once_approved(team, scene, save_path):
    with team.committed():
        save_path(team, scene)
    assert with_marker(reader_view(team, scene)) == [], save_path.__name__

    with team.committed():
        approve(team, scene)
    page = live(scene.page)
    assert page.live and page.title.startswith(MARKER)
    assert with_marker(reader_view(team, scene)) == everywhere(scene)
    assert page.reviewed_by in (team.reviewer.user.person, team.second_reviewer.user.person)
    assert page.last_reviewed == timezone.localdate()


def test_a_superusers_own_publication_shows_everywhere_as_not_reviewed(team, scene):
    assert live(scene.page).reviewed_by is not None  # the demo's pages come reviewed
    with team.committed():
        post(team.superuser, edit_url(scene.page), marked(scene.page, **{"action-publish": "on"}))

    page = live(scene.page)
    assert with_marker(reader_view(team, scene)) == everywhere(scene)
    # No reviewer's name on text no reviewer saw; the page is due for review now.
    assert page.reviewed_by is None and page.last_reviewed is None
    assert page.next_review_due == timezone.localdate()
    shown = team.reader.get(page.url).content.decode()
    assert "Medically reviewed by" not in shown and "Not yet medically reviewed" in shown
    assert '"reviewedBy"' not in json_ld(shown)
    # The page's history says who published it, and how.
    entry = PageLogEntry.objects.filter(page=page, action="editorial.unreviewed").get()
    assert entry.user == team.superuser.user
    history = team.superuser.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert "Published without medical review" in history.content.decode()


def test_a_superusers_revert_carries_no_reviewers_name_forward(team, scene):
    first = live(scene.page).live_revision
    with team.committed():
        save_draft(team, scene)
        approve(team, scene)
    assert live(scene.page).reviewed_by == team.reviewer.user.person

    url = reverse("wagtailadmin_pages:revisions_revert", args=[scene.page.pk, first.pk])
    data = form_data(type(scene.page), scene.page.title)
    with team.committed():
        post(team.superuser, url, {**data, "action-publish": "on"})
    page = live(scene.page)
    assert page.live and not page.title.startswith(MARKER)
    assert page.reviewed_by is None


def test_derived_text_is_made_from_the_published_revision(team, scene):
    """The copies of a page's text that listings, search excerpts and feeds read."""
    page = ContentPage.objects.get(pk=scene.page.pk)
    before = (page.search_text, page.content_html)
    with team.committed():
        save_draft(team, scene)
    page.refresh_from_db()
    assert (page.search_text, page.content_html) == before
    with team.committed():
        approve(team, scene)
    page.refresh_from_db()
    assert MARKER in page.search_text and MARKER in page.content_html

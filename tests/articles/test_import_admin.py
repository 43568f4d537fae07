"""The admin's Import view: who may use it, the dry run first and the import on confirm (health
pages' drafts in Medical review), big uploads in batches, and odd uploads answered plainly,
never with a 500."""

import io
import zipfile
from pathlib import Path

import pytest

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from wagtail.models import Page, Revision

from articles.legacy_admin import BATCH
from articles.models import LegacyUpload
from tests.conftest import page_at
from tests.site_pages import BACK_PAIN_OVERVIEW, MUSCLE_SPASMS

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]

FORMATS = Path(__file__).parent / "legacy_formats"
SPASMS = (FORMATS / "back-pain-muscle-spasms.txt").read_bytes()


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user("importer", "importer@example.com", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def upload(client, *files, **fields):
    data = {"page_type": "condition", **fields, "files": list(files)}
    return client.post("/admin/import/", data, follow=True)


def a_file(name, data):
    return SimpleUploadedFile(name, data)


def a_zip(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_only_those_who_may_add_pages_see_the_import(editor, client, django_user_model):
    response = editor.get("/admin/")
    assert "/admin/import/" in response.content.decode()  # in the menu
    assert editor.get("/admin/import/").status_code == 200

    reviewer = django_user_model.objects.create_user("doctor", "doctor@example.com", "pw")
    reviewer.groups.add(Group.objects.get(name="Medical reviewers"))
    client.force_login(reviewer)
    assert "/admin/import/" not in client.get("/admin/").content.decode()
    response = client.get("/admin/import/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.post("/admin/import/", {"page_type": "condition"}).status_code == 302


def test_the_dry_run_comes_first_then_the_import_leaves_a_draft_in_review(editor, client):
    live = page_at(MUSCLE_SPASMS.url)
    revisions = Revision.objects.count()

    response = upload(editor, a_file("back-pain-muscle-spasms.txt", SPASMS))

    shown = response.content.decode()
    assert "Dry run: nothing has been changed yet" in shown
    assert "a new draft of the live condition page at /back-pain-types/muscle-spasms/" in shown
    assert "title, summary, overview, causes, symptoms, treatment, self care" in shown
    assert "Symptoms of Back Pain Muscle Spasms" in shown
    assert "the site&#x27;s name" in shown and "marker “newsletter”" in shown
    assert "Which headings start which section" in shown
    assert Revision.objects.count() == revisions  # nothing changed yet
    batch = LegacyUpload.objects.get()
    assert batch.phase == "checked"

    response = editor.post(f"/admin/import/{batch.pk}/step/", {"confirm": "1"}, follow=True)

    shown = response.content.decode()
    assert "Imported" in shown and "submitted to Medical review" in shown
    live.refresh_from_db()
    assert live.live and live.title == "Muscle Spasms" and live.has_unpublished_changes
    assert live.workflow_in_progress
    assert live.get_latest_revision_as_object().title == "Back Pain Muscle Spasms"
    assert f"/admin/pages/{live.pk}/history/" in shown
    # Readers still get the live page.
    assert "<h1" in client.get(live.url).content.decode()
    assert "Back Pain Muscle Spasms" not in client.get(live.url).content.decode()


def test_a_zip_with_a_complete_save_and_more_than_a_batch_goes_in_steps(editor):
    entries = {
        f"old/page-{number}.html": f"<h1>Old page {number}</h1><p>Text {number}.</p>"
        for number in range(BATCH + 3)
    }
    entries["old/page-1_files/ad.html"] = "<h1>Buy now</h1><p>An advertisement.</p>"
    parent = page_at(BACK_PAIN_OVERVIEW.url)

    response = editor.post(
        "/admin/import/",
        {
            "page_type": "article",
            "parent": parent.pk,
            "files": [a_file("old.zip", a_zip(entries))],
        },
    )

    batch = LegacyUpload.objects.get()
    assert len(batch.pages) == BATCH + 3  # not the _files folder's page
    assert response["Location"] == f"/admin/import/{batch.pk}/"
    shown = editor.get(response["Location"]).content.decode()
    assert f"Checking: {BATCH} of {BATCH + 3} pages done." in shown
    assert "data-import-continue" in shown
    editor.post(f"/admin/import/{batch.pk}/step/")
    batch.refresh_from_db()
    assert batch.phase == "checked" and len(batch.checked) == BATCH + 3
    editor.post(f"/admin/import/{batch.pk}/step/", {"confirm": "1"})
    editor.post(f"/admin/import/{batch.pk}/step/")
    batch.refresh_from_db()
    assert batch.phase == "imported"
    assert parent.get_children().filter(title__startswith="Old page").count() == BATCH + 3
    # A step posted again (a double click) does nothing more.
    editor.post(f"/admin/import/{batch.pk}/step/")
    assert parent.get_children().filter(title__startswith="Old page").count() == BATCH + 3


def test_another_editors_upload_is_not_shown(editor, django_user_model, client):
    upload(editor, a_file("back-pain-muscle-spasms.txt", SPASMS))
    batch = LegacyUpload.objects.get()
    other = django_user_model.objects.create_user("other", "other@example.com", "pw")
    other.groups.add(Group.objects.get(name="Editors"))
    client.force_login(other)
    assert client.get(f"/admin/import/{batch.pk}/").status_code == 302
    assert client.post(f"/admin/import/{batch.pk}/step/", {"confirm": "1"}).status_code == 302
    assert LegacyUpload.objects.get().phase == "checked"


ODD_UPLOADS = {
    "nothing": [],
    "empty file": [("empty.html", b"")],
    "binary junk": [("junk.html", bytes(range(256)) * 40)],
    "a picture only": [("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)],
    "a huge name": [("a" * 5000 + ".html", b"<h1>Long</h1><p>Name.</p>")],
    "control characters in the name": [("bad\x00name.html", b"<h1>x</h1><p>y</p>")],
    "wrong encoding": [("utf16.txt", "Back pain\n\nText here.\n".encode("utf-16"))],
    "a declared encoding that does not exist": [
        ("odd.html", b'<meta charset="klingon"><h1>Odd</h1><p>Caf\xe9.</p>')
    ],
    "not a zip": [("pages.zip", b"PK\x03\x04 not really a zip")],
    "a nested zip": [("outer.zip", a_zip({"inner.zip": a_zip({"p.html": "<h1>P</h1>"})}))],
    "paths out of the zip": [
        ("escape.zip", a_zip({"../../etc/evil.html": "<h1>E</h1><p>x</p>", "/abs.txt": "A\n\nb"}))
    ],
    "NUL bytes late in a page": [("nul.txt", b"Title\n\n" + b"a" * 9000 + b"\x00 more text.\n")],
    "scripts only": [("script.html", b"<script>alert(1)</script><h1>Hi</h1><p>There.</p>")],
}


@pytest.mark.parametrize("files", ODD_UPLOADS.values(), ids=ODD_UPLOADS.keys())
def test_odd_uploads_get_an_answer_never_a_500(editor, files):
    response = upload(editor, *(a_file(name, data) for name, data in files), page_type="article")
    assert response.status_code == 200
    shown = response.content.decode()
    assert "Import old pages" in shown
    assert "<script>alert" not in shown


def test_what_an_upload_leaves_out_is_said(editor):
    response = upload(
        editor,
        a_file("outer.zip", a_zip({"inner.zip": "x", "../up.html": "<h1>U</h1>", "p.html": "x"})),
    )
    shown = response.content.decode()
    assert "inner.zip: a zip inside the zip: unpack it first" in shown
    assert "an entry whose path leads outside the zip" in shown

    response = upload(editor, a_file("nothing.css", b"body{}"))
    assert "No old pages there" in response.content.decode()


@override_settings(
    LEGACY_IMPORT_LIMITS={
        "upload_bytes": 20_000,
        "files": 2,
        "file_bytes": 5_000,
        "zip_entries": 3,
        "unpacked_bytes": 8_000,
    }
)
def test_uploads_are_bounded(editor):
    page = b"<h1>Big</h1><p>" + b"x" * 100 + b"</p>"
    too_many = [a_file(f"p{n}.html", page) for n in range(3)]
    assert "more than 2 files: upload them as one zip" in upload(editor, *too_many).content.decode()

    too_big = a_file("big.html", b"<h1>Big</h1><p>" + b"x" * 30_000 + b"</p>")
    assert "the upload is over" in upload(editor, too_big).content.decode()

    entries = a_zip({f"p{n}.html": page for n in range(4)})
    shown = upload(editor, a_file("many.zip", entries)).content.decode()
    assert "many.zip: over 3 files, left out" in shown or "No old pages there" in shown

    # A zip bomb: small packed, large unpacked.
    bomb = a_zip({"bomb.html": b"<h1>B</h1>" + b" " * 50_000})
    assert len(bomb) < 5_000
    shown = upload(editor, a_file("bomb.zip", bomb)).content.decode()
    assert "bomb.zip: unpacks to over" in shown or "No old pages there" in shown
    assert not Page.objects.filter(title="B").exists()


MALFORMED = {
    "a multipart body that is not one": ("multipart/form-data; boundary=xyz", b"\x00\xff junk"),
    "no boundary": ("multipart/form-data", b"--\r\nContent-Disposition: form-data\r\n\r\n"),
    "a cut-off file": (
        "multipart/form-data; boundary=B",
        b'--B\r\nContent-Disposition: form-data; name="files"; filename="a.html"\r\n\r\n<h1>A',
    ),
    "plain text": ("text/plain", b"files=a.html"),
    "a form without files": ("application/x-www-form-urlencoded", b"page_type=x&parent=abc"),
}


@pytest.mark.parametrize("content_type, body", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_posts_get_an_answer_never_a_500(editor, content_type, body):
    editor.raise_request_exception = False
    response = editor.generic("POST", "/admin/import/", body, content_type=content_type)
    assert response.status_code < 500


def test_a_request_declaring_more_than_the_bound_is_not_read(editor):
    response = editor.generic(
        "POST",
        "/admin/import/",
        b"",
        content_type="multipart/form-data; boundary=B",
        CONTENT_LENGTH=str(10**10),
    )
    assert response.status_code < 500
    assert "The upload is over" in response.content.decode()

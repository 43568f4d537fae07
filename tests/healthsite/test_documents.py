"""Documents editors upload are served so that none can run in a reader's browser: types a
browser would run (HTML, SVG, JavaScript) are refused at upload, PDFs open in the browser, and
everything else downloads; each with its own content type and `nosniff`."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.models import Collection

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]

ADD = "/admin/documents/add/"
SCRIPT = b"<html><body><script>alert(document.cookie)</script></body></html>"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def upload(admin_client, name, content, content_type):
    return admin_client.post(
        ADD,
        {
            "title": "Upload",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def uploaded():
    return get_document_model().objects.filter(title="Upload").first()


def served(client, document):
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]
    return response


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("page.html", "text/html"),
        ("page.htm", "text/html"),
        ("page.xhtml", "application/xhtml+xml"),
        ("drawing.svg", "image/svg+xml"),
        ("script.js", "text/javascript"),
        ("page.shtml", "text/html"),
        ("movie.swf", "application/x-shockwave-flash"),
    ],
)
def test_a_type_a_browser_would_run_is_refused(admin_client, name, content_type):
    response = upload(admin_client, name, SCRIPT, content_type)
    assert response.status_code == 200  # the form again, with the error
    assert "is not allowed" in response.content.decode()
    assert uploaded() is None


def test_a_pdf_opens_in_the_browser(admin_client, client):
    assert upload(admin_client, "leaflet.pdf", PDF, "application/pdf").status_code == 302
    response = served(client, uploaded())
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("notes.txt", "text/plain"),
        ("table.csv", "text/csv"),
        ("letter.rtf", "application/rtf"),
        ("letter.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ],
)
def test_other_documents_download(admin_client, client, name, content_type):
    # Markup and script inside an allowed type: the browser is told the type and not to guess.
    assert upload(admin_client, name, SCRIPT, content_type).status_code == 302
    document = uploaded()
    response = served(client, document)
    assert response["Content-Type"].split(";")[0] == content_type
    assert response["Content-Disposition"].startswith("attachment;")
    assert document.filename in response["Content-Disposition"]


def test_html_named_as_a_pdf_is_served_as_a_pdf(admin_client, client):
    assert upload(admin_client, "leaflet.pdf", SCRIPT, "text/html").status_code == 302
    response = served(client, uploaded())
    assert response["Content-Type"] == "application/pdf"

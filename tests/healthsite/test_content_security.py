"""Readers' pages run only the site's own scripts and styles, nothing inline, under a strict
Content-Security-Policy (the same for cached pages); the admin gets a policy Wagtail works
under; video embeds come only from players that policy allows."""

from html.parser import HTMLParser

import pytest

from django.core.exceptions import ValidationError

from wagtail.embeds.blocks import EmbedBlock
from wagtail.models import Page

from tests.conftest import page_at
from tests.site_pages import A_TO_Z, MUSCLE_SPASMS

pytestmark = pytest.mark.django_db

OTHER_URLS = [
    "/search/?q=sciatica",
    "/search/?q=zzzzqqq",
    A_TO_Z.url,
    "/site-map/",
    "/people/",
    "/no-such-page/",
    "/newsletter/confirm/not-a-token/",
    "/newsletter/unsubscribe/not-a-token/",
]


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


class InlineCode(HTMLParser):
    """Collects what a strict policy would block: inline scripts, styles and handlers."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        # Structured data (JSON-LD) is data, which no policy blocks; anything else inline is code.
        if tag == "script" and "src" not in attrs and attrs.get("type") != "application/ld+json":
            self.found.append("<script> without src")
        if tag == "style":
            self.found.append("<style>")
        for name, value in attrs.items():
            if name.startswith("on") or name == "style":
                self.found.append(f'<{tag} {name}="{value}">')
            if name in ("href", "src", "action") and (value or "").lower().startswith(
                "javascript:"
            ):
                self.found.append(f'<{tag} {name}="{value}">')


def public_urls():
    return [page.url for page in Page.objects.live().public().specific() if page.url] + OTHER_URLS


def test_no_public_page_has_inline_script_or_style(client):
    urls = public_urls()
    assert len(urls) > 50
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 400, 404), url
        parser = InlineCode()
        parser.feed(response.content.decode())
        assert parser.found == [], f"{url}: {parser.found}"


@pytest.mark.parametrize("url", ["/", MUSCLE_SPASMS.url, "/no-such-page/", *OTHER_URLS[:2]])
def test_public_pages_allow_only_the_sites_own_scripts_and_styles(client, url):
    policy = directives(client.get(url))
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]


def test_a_page_from_the_cache_carries_the_policy_too(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    first = client.get(MUSCLE_SPASMS.url)
    again = client.get(MUSCLE_SPASMS.url)
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "script-src 'self'" in again["Content-Security-Policy"]


def test_the_admin_has_its_own_policy(admin_client):
    policy = directives(admin_client.get("/admin/"))
    # Wagtail starts its widgets with inline scripts (see test_content_security_browser.py).
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["frame-ancestors"] == ["'self'"]  # previews are framed by the editor


def test_a_preview_is_the_readers_page_which_the_editor_may_frame(admin_client):
    spasms = page_at(MUSCLE_SPASMS.url)
    policy = directives(admin_client.get(f"/admin/pages/{spasms.pk}/view_draft/"))
    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_the_feeds_and_the_health_check_are_not_pages_to_protect_but_do_no_harm(client):
    assert client.get("/feed/").status_code == 200
    assert client.get("/healthz").status_code == 200


@pytest.mark.parametrize(
    "url",
    ["https://x.com/someone/status/1", "https://www.instagram.com/p/abc/", "https://example.com/"],
)
def test_only_video_players_the_policy_allows_can_be_embedded(url):
    with pytest.raises(ValidationError, match="Cannot find an embed"):
        EmbedBlock().clean(EmbedBlock().to_python(url))


def test_the_live_preview_beside_the_editor_is_the_readers_page_too(admin_client):
    from articles.models import ConditionPage
    from tests.healthsite.test_admin_editing import form_data

    spasms = page_at(MUSCLE_SPASMS.url)
    preview = f"/admin/pages/{spasms.pk}/edit/preview/"
    assert admin_client.post(preview, form_data(ConditionPage, "Muscle spasms"))
    policy = directives(admin_client.get(preview))
    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]

"""Under their Content-Security-Policies, readers' pages and Wagtail's admin work in Chromium
with nothing refused: the policies are strict without breaking the site."""

import re

import pytest

from tests.site_pages import A_TO_Z, MUSCLE_SPASMS, NEWSLETTER, WHATS_NEW

pytestmark = pytest.mark.browser

EDITOR = ("csp-editor", "a-long-test-password")


@pytest.fixture(scope="module")
def editor(demo_site):
    demo_site.manage(
        "createsuperuser",
        "--no-input",
        f"--username={EDITOR[0]}",
        "--email=csp-editor@example.com",
        DJANGO_SUPERUSER_PASSWORD=EDITOR[1],
    )
    return EDITOR


@pytest.fixture
def refused(page):
    """What the browser refused to load or run because of the policy, as it reports it."""
    messages = []
    page.on(
        "console",
        lambda message: (
            messages.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return messages


def test_readers_pages_work_with_nothing_refused(page, site_url, refused):
    for path in ("/", MUSCLE_SPASMS.url, WHATS_NEW.url, A_TO_Z.url, NEWSLETTER.url):
        page.goto(site_url + path)
    page.locator("#header-search").press_sequentially("scia", delay=40)  # search as you type
    page.get_by_role("option", name=re.compile("Sciatica")).first.wait_for()
    assert refused == []


def test_the_admin_works_with_nothing_refused(page, demo_site, site_url, editor, refused):
    page.goto(site_url + "/admin/login/")
    page.get_by_label("Username").fill(editor[0])
    page.get_by_label("Password").fill(editor[1])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(site_url + "/admin/")

    spasms = demo_site.manage(
        "shell",
        "--no-imports",
        "-c",
        "from wagtail.models import Page; print(Page.objects.get(slug='muscle-spasms').pk)",
    ).strip()
    page.goto(f"{site_url}/admin/pages/{spasms}/edit/")
    page.get_by_role("button", name="Toggle preview").click()  # the preview is framed
    preview = page.frame_locator("#w-preview-iframe")
    preview.get_by_role("heading", name="Muscle Spasms", level=1).wait_for()

    for path in (f"/admin/pages/{spasms}/history/", f"/admin/pages/{spasms}/revisions/"):
        page.goto(site_url + path)
    page.goto(site_url + "/admin/images/multiple/add/")
    page.goto(site_url + "/admin/snippets/")
    assert refused == []

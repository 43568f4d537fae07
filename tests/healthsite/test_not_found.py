import pytest

from tests.site_pages import BACK_PAIN_MANAGEMENT, BACK_PAIN_TYPES, SPECIFIC_BACK_PAIN

pytestmark = pytest.mark.django_db


def test_the_404_page_helps_readers_on(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'role="search"' in html and 'name="q"' in html
    sections = {
        BACK_PAIN_TYPES.url: "Back Pain Types",
        SPECIFIC_BACK_PAIN.url: "Specific Back Pain",
        BACK_PAIN_MANAGEMENT.url: "Back Pain Management",
    }
    for url, title in sections.items():
        assert f'<li><a href="{url}">{title}</a></li>' in html
    assert '<meta name="robots" content="noindex">' in html

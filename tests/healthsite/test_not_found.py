import pytest

pytestmark = pytest.mark.django_db


def test_the_404_page_helps_readers_on(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'role="search"' in html and 'name="q"' in html
    sections = {
        "/back-pain-types/": "Back Pain Types",
        "/specific-back-pain/": "Specific Back Pain",
        "/back-pain-management/": "Back Pain Management",
    }
    for url, title in sections.items():
        assert f'<li><a href="{url}">{title}</a></li>' in html
    assert '<meta name="robots" content="noindex">' in html

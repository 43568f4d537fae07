import pytest

pytestmark = pytest.mark.django_db


def test_the_404_page_helps_readers_on(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'role="search"' in html and 'name="q"' in html
    for section in ("/back-pain-types/", "/specific-back-pain/", "/back-pain-management/"):
        assert f'href="{section}"' in html
    assert '<meta name="robots" content="noindex">' in html

"""Every public page tells browsers how little it needs: no sniffing of content types, no
framing by other sites, no referrer beyond the site, no camera, microphone or location."""

import pytest

from tests.site_pages import MUSCLE_SPASMS

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]


@pytest.mark.parametrize("url", ["/", MUSCLE_SPASMS.url, "/search/?q=sciatica"])
def test_pages_send_the_security_headers(client, url):
    response = client.get(url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert f"{feature}=()" in policy


@pytest.mark.parametrize("url", ["/", MUSCLE_SPASMS.url, "/search/?q=sciatica"])
def test_readers_pages_keep_other_sites_out(client, url):
    response = client.get(url)
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.parametrize("url", ["/feed/", "/feed/atom/", "/feed/json/", "/sitemap.xml"])
def test_feeds_stay_embeddable_by_feed_readers_and_webmail(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "Cross-Origin-Resource-Policy" not in response
    assert "Cross-Origin-Opener-Policy" not in response


def test_a_newsletter_issue_preview_has_an_e_mails_policy(admin_client):
    from tests.newsletter.test_admin import ISSUES, issue_form

    preview = f"{ISSUES}preview/"
    assert admin_client.post(preview, issue_form()).json()["is_valid"]
    policy = admin_client.get(preview, {"mode": ""})["Content-Security-Policy"]
    assert "script-src" not in policy and "default-src 'none'" in policy
    assert "style-src 'unsafe-inline'" in policy and "frame-ancestors 'self'" in policy

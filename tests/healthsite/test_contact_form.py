"""The contact form works inside a page cached for everyone: no CSRF cookie, but a signed
timestamp, a honeypot and an Origin check keep robots out."""

import re
import time

import pytest

from django.core import mail, signing

from wagtail.contrib.forms.models import FormSubmission

from privacy import public_forms
from tests.site_pages import CONTACT

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]
URL = CONTACT.url
ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


def started(seconds_ago):
    return signing.dumps(time.time() - seconds_ago, salt=public_forms.SALT)


def message(**overrides):
    data = {
        "your_name": "Sam",
        "your_e_mail_address": "sam@example.com",
        "your_message": "Do you have a page on posture at work?",
        "form_started": started(seconds_ago=30),
        "website": "",
    }
    return {**data, **overrides}


def test_the_form_page_sets_no_cookie_and_carries_a_timestamp(client):
    response = client.get(URL)
    assert not response.cookies
    assert re.search(r'name="form_started" value="[^"]+"', response.content.decode())


def test_a_message_is_kept_and_emailed(client):
    response = client.post(URL, message(), **ORIGIN)
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    submission = FormSubmission.objects.get()
    assert submission.get_data()["your_message"] == "Do you have a page on posture at work?"
    assert "website" not in submission.form_data and "form_started" not in submission.form_data
    email = mail.outbox[0]
    assert email.to == ["editor@example.com"]
    assert email.reply_to == ["sam@example.com"]  # the reader only ever as Reply-To
    assert email.from_email == "website@example.com"
    assert "posture at work" in email.body


@pytest.mark.parametrize(
    ("overrides", "complaint"),
    [
        ({"website": "http://spam.example"}, "could not accept"),
        ({"form_started": lambda: started(seconds_ago=0)}, "very quick"),
        ({"form_started": lambda: started(seconds_ago=3 * 24 * 3600)}, "expired"),
        ({"form_started": "forged"}, "expired"),
        ({"your_e_mail_address": "not an address"}, "valid email"),
        ({"your_message": ""}, "required"),
        ({"your_message": "x" * 5001}, "at most 5000 characters"),
        ({"your_e_mail_address": "sam@example.com\nBcc: victim@example.org"}, "valid email"),
        ({"your_name": "Sam\x00"}, "Null characters are not allowed"),
    ],
)
def test_robots_and_mistakes_get_a_clear_answer_and_keep_what_was_typed(
    client, overrides, complaint
):
    overrides = {key: value() if callable(value) else value for key, value in overrides.items()}
    response = client.post(URL, message(**overrides), **ORIGIN)
    assert response.status_code == 200
    html = response.content.decode()
    assert complaint in html
    assert "Sam" in html  # what the reader typed is still there
    assert not FormSubmission.objects.exists() and not mail.outbox


def test_a_post_from_another_site_is_refused(client):
    response = client.post(URL, message(), HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    response = client.post(URL, message())  # no Origin or Referer at all
    assert response.status_code == 403
    assert not FormSubmission.objects.exists()


def test_a_flood_from_one_address_is_refused_with_429(client):
    statuses = [client.post(URL, message(), **ORIGIN).status_code for _ in range(7)]
    assert statuses[:5] == [200] * 5
    assert statuses[5:] == [429, 429]
    assert FormSubmission.objects.count() == 5
    # Another reader is not affected.
    other = client.post(URL, message(), REMOTE_ADDR="203.0.113.9", **ORIGIN)
    assert other.status_code == 200


def test_behind_the_proxy_the_readers_own_address_counts(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(6):
        forwarded = f"198.51.100.{number}"  # six readers behind one proxy
        response = client.post(URL, message(), HTTP_X_FORWARDED_FOR=forwarded, **ORIGIN)
        assert response.status_code == 200


def stamp_in(response):
    return re.search(r'name="form_started" value="([^"]+)"', response.content.decode())[1]


def test_an_empty_send_shows_an_error_summary_at_the_form_that_takes_the_focus(client):
    response = client.post(URL, message(your_message="", your_name=""), **ORIGIN)
    html = response.content.decode()
    assert 'action="/learn-more/contact/#contact-form"' in html  # the page opens at the form
    summary = html.split('class="error-summary"')[1].split("</div>")[0]
    assert 'role="alert"' in summary and "autofocus" in summary
    assert "Your message has not been sent yet" in summary
    for field in ("your_name", "your_message"):
        assert f'<a href="#id_{field}">' in summary
    assert 'value="sam@example.com"' in html  # what the reader typed is kept


def test_a_correction_sent_at_once_is_not_too_quick(client):
    """The clock counts from the form's first display, carried through the error page."""
    response = client.post(URL, message(your_message=""), **ORIGIN)
    assert "required" in response.content.decode()
    corrected = client.post(URL, message(form_started=stamp_in(response)), **ORIGIN)
    assert "Thank you" in corrected.content.decode()
    assert FormSubmission.objects.count() == 1


def test_a_robot_gains_no_time_from_an_error_page(client):
    response = client.post(URL, message(your_message="", form_started="forged"), **ORIGIN)
    again = client.post(URL, message(form_started=stamp_in(response)), **ORIGIN)
    assert "very quick" in again.content.decode()
    assert not FormSubmission.objects.exists()


def test_a_form_open_for_a_day_is_not_refused_as_expired_after_a_correction(client):
    day = public_forms.OLDEST * 3 // 4
    response = client.post(URL, message(your_message="", form_started=started(day)), **ORIGIN)
    assert public_forms.age_of(stamp_in(response)) < public_forms.OLDEST / 2
    corrected = client.post(URL, message(form_started=stamp_in(response)), **ORIGIN)
    assert "Thank you" in corrected.content.decode()

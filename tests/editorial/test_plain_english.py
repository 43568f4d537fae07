"""The plain-English checks: reading level as textstat scores it, medical words with their
everyday alternatives, the health page rules, and the live checks of the page editor (the
draft as the form has it, posted to a permission-checked, CSRF-protected endpoint)."""

import pytest
import textstat

from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import ConditionPage
from editorial.models import LayTerm
from editorial.plain_english import readability
from editorial.plain_english.checks import check_page
from tests.conftest import page_at
from tests.editorial.conftest import member
from tests.healthsite.test_admin_editing import add_url, form_data
from tests.site_pages import BACK_PAIN_TYPES, MUSCLE_SPASMS

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]

# A text whose scores textstat 0.7.3 gives as below (pyphen's syllable counts).
KNOWN = (
    "The cat sat on the mat. It was a warm and sunny day. "
    "Lumbar radiculopathy causes bilateral paraesthesia in the lower extremities."
)
JARGON = (
    "<p>Lumbar radiculopathy is characterised by bilateral paraesthesia radiating to the "
    "lower extremities. Conservative management with analgesia is indicated.</p>"
)


def test_known_texts_score_as_the_library_says():
    level = readability.measure(
        [
            "The cat sat on the mat.",
            "It was a warm and sunny day.",
            "Lumbar radiculopathy causes bilateral paraesthesia in the lower extremities.",
        ]
    )
    assert level.fk_grade == textstat.flesch_kincaid_grade(KNOWN) == 6.1
    assert level.sentences == 3 and level.words == 22
    # Under 30 sentences: no SMOG, and the reading age is Flesch–Kincaid's grade + 5.
    assert level.smog is None
    assert level.reading_age == 11.1
    assert "too short for SMOG" in level.note and "Flesch–Kincaid only" in level.note


def test_smog_from_thirty_sentences_on():
    sentences = ["Physiotherapists recommend comfortable positions for everybody."] * 30
    level = readability.measure(sentences)
    text = readability.as_sentences(sentences)
    assert level.smog == textstat.smog_index(text)
    assert level.reading_age == round(level.smog + 5, 1)
    assert readability.measure(sentences[:29]).smog is None


def test_a_heading_like_line_is_a_sentence_of_its_own():
    # List items without a full stop must not run into one long sentence.
    level = readability.measure(
        ["Rest a little", "Keep moving gently", "See your GP if it worsens"]
    )
    assert level.sentences == 3


@pytest.mark.parametrize(
    ("reading_age", "target", "verdict"),
    [(8.5, 11, "easy"), (11, 11, "fine"), (11.1, 11, "hard for many readers")],
)
def test_a_reading_age_has_a_plain_verdict(reading_age, target, verdict):
    assert readability.verdict(reading_age, target) == verdict


def condition(**fields):
    page = ConditionPage(title="Test", slug="test", summary="Back pain.", **fields)
    return page


def test_a_medical_word_gets_its_everyday_alternative():
    page = condition(overview=[("paragraph", rich_text_value(JARGON))])
    result = check_page(page, target=11)
    terms = {
        flag["text"].lower(): flag["suggestion"]
        for flag in result.flags
        if flag["kind"] == "medical_term"
    }
    assert terms["lumbar radiculopathy"] == "sciatica"
    assert terms["analgesia"] == "painkillers"
    assert terms["bilateral"] == "on both sides"
    # The longer term wins: "lumbar" and "radiculopathy" are not flagged again on their own.
    assert "radiculopathy" not in terms


def test_a_term_with_its_everyday_words_nearby_is_not_flagged():
    html = "<p>Painkillers (analgesia) help for a while.</p>"
    result = check_page(condition(overview=[("paragraph", rich_text_value(html))]), target=11)
    assert "analgesia" not in [flag["text"] for flag in result.flags]


def test_a_term_marked_explained_is_not_flagged():
    page = condition(overview=[("paragraph", rich_text_value(JARGON))])
    result = check_page(page, target=11, explained=["lumbar radiculopathy"])
    flagged = [flag["text"].lower() for flag in result.flags if flag["kind"] == "medical_term"]
    assert "lumbar radiculopathy" not in flagged
    assert "analgesia" in flagged


def test_health_page_rules():
    page = condition(
        body=[
            ("heading", {"text": "Details", "level": "h3"}),
            (
                "paragraph",
                rich_text_value(
                    '<p>People who suffer from it can <a href="/x/">click here</a>.</p>'
                ),
            ),
        ]
    )
    kinds = {flag["kind"]: flag for flag in check_page(page, target=11).flags}
    assert kinds["seek_help"]["text"] == 'No "When to seek medical help" section.'
    assert kinds["no_sources"]
    assert kinds["link_text"]["text"].startswith('Link text "click here"')
    assert "skips a level (h1 to h3)" in kinds["heading_level"]["text"]
    assert kinds["avoid_phrase"]["text"] == '"suffer from"'


def test_a_warning_sign_without_its_urgency_is_flagged():
    page = condition(seek_help=[("red_flag", {"urgency": "", "sign": "Numb saddle area"})])
    flags = [
        flag for flag in check_page(page, target=11).flags if flag["kind"] == "red_flag_urgency"
    ]
    assert flags and "Numb saddle area" in flags[0]["text"]


def rich_text_value(html):
    return RichText(html)


# The live checks of the page editor, through HTTP.


def new_condition_data(overview_html, explained=()):
    data = form_data(ConditionPage, "Radiculopathy")
    terms = [{"term": LayTerm.objects.get(term=term).pk} for term in explained]
    data.update(
        nested_form_data(
            {
                "overview": streamfield([("paragraph", rich_text(overview_html))]),
                "seek_help": streamfield([]),
                "explained_terms": inline_formset(terms),
            }
        )
    )
    return data


def check_new_url(parent):
    meta = ConditionPage._meta
    return reverse("plain_english_check_new", args=[meta.app_label, meta.model_name, parent.pk])


def test_the_editor_gets_the_checks_of_the_draft_before_saving(admin_client):
    parent = page_at(BACK_PAIN_TYPES.url)
    response = admin_client.post(check_new_url(parent), new_condition_data(JARGON))
    assert response.status_code == 200
    data = response.json()
    assert {
        "kind": "medical_term",
        "text": "Lumbar radiculopathy",
        "suggestion": "sciatica",
    } in data["flags"]
    assert any(flag["kind"] == "seek_help" for flag in data["flags"])
    assert data["target"] == 11 and data["reading_age"] > 11
    assert data["verdict"] == "hard for many readers"
    assert "Say: sciatica" in data["html"]
    assert not ConditionPage.objects.filter(slug="radiculopathy").exists()  # nothing saved


def test_a_term_the_editor_marks_explained_is_no_longer_flagged(admin_client):
    parent = page_at(BACK_PAIN_TYPES.url)
    data = new_condition_data(JARGON, explained=["lumbar radiculopathy"])
    flags = admin_client.post(check_new_url(parent), data).json()["flags"]
    texts = [flag["text"] for flag in flags if flag["kind"] == "medical_term"]
    assert "Lumbar radiculopathy" not in texts and "analgesia" in texts


def test_an_existing_pages_draft_is_checked_as_the_form_has_it(admin_client):
    page = page_at(MUSCLE_SPASMS.url)
    data = form_data(ConditionPage, page.title)
    data.update(nested_form_data({"overview": streamfield([("paragraph", rich_text(JARGON))])}))
    response = admin_client.post(reverse("plain_english_check", args=[page.pk]), data)
    flags = response.json()["flags"]
    assert {
        "kind": "medical_term",
        "text": "Lumbar radiculopathy",
        "suggestion": "sciatica",
    } in flags
    # Readers still see the published page, unchanged.
    page.refresh_from_db()
    assert "radiculopathy" not in page.search_text.lower()


def test_the_editor_shows_the_live_checks(admin_client):
    page = page_at(MUSCLE_SPASMS.url)
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert f'data-plain-english-url="{reverse("plain_english_check", args=[page.pk])}"' in html
    assert "editorial/admin/plain_english.js" in html
    assert "Medical words this page explains" in html
    parent = page_at(BACK_PAIN_TYPES.url)
    html = admin_client.get(add_url(ConditionPage, parent)).content.decode()
    assert f'data-plain-english-url="{check_new_url(parent)}"' in html


def test_the_checks_endpoint_is_for_editors_of_the_page(django_user_model, admin_client):
    page = page_at(MUSCLE_SPASMS.url)
    url = reverse("plain_english_check", args=[page.pk])
    data = form_data(ConditionPage, page.title)
    assert Client().post(url, data).status_code == 302  # to the admin's sign-in
    reader = django_user_model.objects.create_user("reader", "r@example.com", "pw")
    reader_client = Client()
    reader_client.force_login(reader)
    assert reader_client.post(url, data).status_code == 302  # not an admin user: to sign-in
    assert admin_client.get(url).status_code == 405
    assert admin_client.post(reverse("plain_english_check", args=[999999]), data).status_code == 404
    bad_type = reverse(
        "plain_english_check_new", args=["articles", "nosuchpage", page.get_parent().pk]
    )
    assert admin_client.post(bad_type, data).status_code == 404


def test_an_editor_without_access_to_the_page_is_refused(editor, django_user_model):
    outsider = member(django_user_model, "outsider", None, is_staff=True)
    outsider.user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    page = page_at(MUSCLE_SPASMS.url)
    url = reverse("plain_english_check", args=[page.pk])
    # The admin's answer to a forbidden action: back to the dashboard, "no permission".
    response = outsider.post(url, form_data(ConditionPage, page.title))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert editor.post(url, form_data(ConditionPage, page.title)).status_code == 200


def test_the_checks_endpoint_needs_the_csrf_token(django_user_model):
    user = django_user_model.objects.create_superuser("csrf-admin", "c@example.com", "pw")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    page = page_at(MUSCLE_SPASMS.url)
    url = reverse("plain_english_check", args=[page.pk])
    assert client.post(url, form_data(ConditionPage, page.title)).status_code == 403


def test_half_sent_forms_get_an_answer_not_an_error(admin_client):
    page = page_at(MUSCLE_SPASMS.url)
    response = admin_client.post(reverse("plain_english_check", args=[page.pk]), {"title": "x"})
    assert response.status_code == 200
    assert response.json()["reading_age"] is not None  # what the form lacks stays as saved

"""What operators and editors see of every live health page: the "Plain English" report
(sortable, CSV), the dashboard panel, the reviewer's approval screen and the
`check_plain_english` command, all measuring the published revision."""

import csv
import io
import json

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from articles.models import ArticlePage, ConditionPage
from editorial.models import LayTerm, PlainEnglishCheck, PlainEnglishSettings
from editorial.setup import EDITORS, REVIEWERS
from tests.conftest import page_at
from tests.editorial.conftest import member, registered
from tests.healthsite.test_admin_editing import form_data
from tests.healthsite.test_workflow import create, task_state
from tests.site_pages import BACK_PAIN_OVERVIEW, CONTACT, MUSCLE_SPASMS, SCIATICA

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]

REPORT = "/admin/reports/plain-english/"
JARGON = "<p>Lumbar radiculopathy with bilateral paraesthesia is managed with analgesia.</p>"
PLAIN = "Walk a little each day. Take short walks at first. Go a bit further each week."
SHAPE = {"path", "title", "reading_age", "smog", "fk_grade", "target", "flags"}


def run(*args):
    """check_plain_english's output and exit code."""
    out = io.StringIO()
    try:
        call_command("check_plain_english", *args, stdout=out)
    except SystemExit as exit:
        return out.getvalue(), exit.code
    return out.getvalue(), 0


def test_the_report_lists_live_health_pages_hardest_first(admin_client):
    response = admin_client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Muscle Spasms" in html and "Reading age" in html and "Last edited by" in html
    assert "Contact" not in html  # not a health page
    checks = PlainEnglishCheck.objects.exclude(reading_age=None).order_by("-reading_age")
    hardest = checks.first().page.title
    assert html.index(hardest) < html.index("Muscle Spasms") or hardest == "Muscle Spasms"
    easiest = admin_client.get(REPORT, {"ordering": "reading_age"}).content.decode()
    assert easiest.index(checks.last().page.title) < easiest.index(hardest)


def test_the_report_as_csv(admin_client):
    response = admin_client.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(content)))
    sciatica = next(row for row in rows if row["Page"] == "Sciatica")
    assert sciatica["Type"] == "Condition"
    assert float(sciatica["Reading age"]) > 5 and sciatica["Target"] == "11"
    assert sciatica["Address"].endswith(SCIATICA.url)
    assert {"Flesch-Kincaid grade", "SMOG grade", "Flags", "What", "Last edited by"} <= set(rows[0])


def test_the_report_is_for_editors(client, django_user_model):
    user = django_user_model.objects.create_user("reader", "r@example.com", "pw")
    client.force_login(user)
    assert client.get(REPORT).status_code == 302


def test_the_report_reads_the_published_revision_not_drafts(admin_client):
    page = page_at(SCIATICA.url)
    data = form_data(ConditionPage, page.title)
    data.update(nested_form_data({"overview": streamfield([("paragraph", rich_text(JARGON))])}))
    assert (
        admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data).status_code
        == 302
    )
    admin_client.get(REPORT)
    flags = PlainEnglishCheck.objects.get(page=page).flags
    assert "Lumbar radiculopathy" not in [flag["text"] for flag in flags]
    output, _code = run("--json", SCIATICA.url)
    assert "Lumbar radiculopathy" not in output


def test_a_new_target_or_lay_term_is_applied_at_once(admin_client):
    admin_client.get(REPORT)
    settings = PlainEnglishSettings.for_site(Site.objects.get(is_default_site=True))
    settings.condition_reading_age = 30
    settings.save()
    html = admin_client.get(REPORT).content.decode()
    assert PlainEnglishCheck.objects.filter(target=30).exists()
    assert not PlainEnglishCheck.objects.filter(target=30, above_target=True).exists()
    assert "Sciatica" in html
    LayTerm.objects.create(term="nerve root", everyday="where a nerve leaves the spine")
    admin_client.get(REPORT)
    sciatica = PlainEnglishCheck.objects.get(page=page_at(SCIATICA.url))
    assert {
        "kind": "medical_term",
        "text": "nerve roots",
        "suggestion": "where a nerve leaves the spine",
    } in sciatica.flags


def test_the_dashboard_counts_pages_above_target(admin_client):
    admin_client.get(REPORT)
    above = PlainEnglishCheck.objects.filter(above_target=True).count()
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Plain English" in html
    assert f"<strong>{above}</strong> of" in html
    assert reverse("plain_english_report") in html


def test_the_command_prints_json_for_ci():
    output, code = run("--json", SCIATICA.url, MUSCLE_SPASMS.url)
    pages = json.loads(output)
    assert [page["path"] for page in pages] == [
        SCIATICA.url,
        MUSCLE_SPASMS.url,
    ]
    for page in pages:
        assert set(page) == SHAPE
        assert page["target"] == 11
        assert isinstance(page["reading_age"], float)
        for flag in page["flags"]:
            assert set(flag) == {"kind", "text", "suggestion"}
    # The demo's pages cite no source, or have long sentences: flagged, so exit 1.
    assert code == 1


def test_the_command_checks_every_live_health_page_by_default():
    output, _code = run("--json")
    paths = {page["path"] for page in json.loads(output)}
    assert SCIATICA.url in paths
    assert CONTACT.url not in paths
    text, _code = run()
    assert "/specific-back-pain/sciatica/  Sciatica" in text and "reading age" in text


def test_the_command_exits_0_for_a_page_in_plain_english():
    parent = page_at(BACK_PAIN_OVERVIEW.url)
    page = parent.add_child(
        instance=ArticlePage(
            title="Keep moving",
            slug="keep-moving",
            summary="Gentle walks help most sore backs.",
            body=[
                (
                    "paragraph",
                    f"<p>{PLAIN}</p>",
                ),
            ],
            sources=[
                (
                    "source",
                    {
                        "title": "Back pain",
                        "publisher": "NHS website",
                        "year": None,
                        "url": "",
                        "accessed": None,
                    },
                )
            ],
        )
    )
    page.save_revision().publish()
    output, code = run("--json", "/back-pain-overview/keep-moving/")
    result = json.loads(output)[0]
    assert result["flags"] == [] and result["reading_age"] <= result["target"]
    assert code == 0


def test_the_command_says_which_path_it_does_not_know():
    with pytest.raises(CommandError, match="No live health page at /no/such/page/"):
        call_command("check_plain_english", "/no/such/page/", stdout=io.StringIO())


def test_the_reviewer_sees_the_checks_on_approval(django_user_model):

    editor = member(django_user_model, "writer", EDITORS)
    reviewer = member(
        django_user_model, "doctor", REVIEWERS, registered("Dr Sam Patel", "PH100001")
    )
    data = nested_form_data({"overview": streamfield([("paragraph", rich_text(JARGON))])})
    page = create(editor, ConditionPage, "Radiculopathy", **data)
    state = task_state(page)
    actions = state.task.specific.get_actions(page, reviewer.user)
    assert ("approve", "Approve with comment", True) in actions  # the approval screen
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk])
    response = reviewer.get(url)
    html = json.loads(response.content)["html"]
    assert "Plain English" in html and "Reading age" in html
    assert "Say: sciatica" in html

"""The site shell's form page (Contact) is protected by privacy/'s checks without importing
them: settings name them (PUBLIC_FORM_PROTECTION, FORM_SUBMISSIONS_LIST_VIEW)."""

from pathlib import Path
from types import SimpleNamespace

import pytest

from django.http import HttpResponse

from privacy import public_forms
from tests.demo.test_not_in_production import imported_modules
from tests.healthsite.test_contact_form import ORIGIN, URL, message

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]
SHELL = Path(__file__).resolve().parents[2] / "healthsite"

# Checks that refuse every post before reading it, to show which checks the page asks.
REFUSING = SimpleNamespace(
    PublicForm=public_forms.PublicForm,
    refused_before_reading=lambda request, group, page: HttpResponse("refused", status=418),
    count_refusal=public_forms.count_refusal,
    too_many=public_forms.too_many,
    refuse_too_many=public_forms.refuse_too_many,
)


def test_the_shell_imports_nothing_from_privacy():
    found = [
        f"{path.relative_to(SHELL)}: {module}"
        for path in sorted(SHELL.rglob("*.py"))
        if "settings" not in path.parts and path.name != "urls.py"
        for module in imported_modules(path)
        if module == "privacy" or module.startswith("privacy.")
    ]
    assert found == []


def test_the_form_page_uses_the_checks_settings_name(client, settings):
    settings.PUBLIC_FORM_PROTECTION = "tests.healthsite.test_form_page_protection.REFUSING"
    response = client.post(URL, message(), **ORIGIN)
    assert (response.status_code, response.content) == (418, b"refused")


def test_the_form_page_is_a_public_form_with_privacys_checks(client):
    form = client.get(URL).context["form"]
    assert isinstance(form, public_forms.PublicForm)
    robot = client.post(URL, message(website="http://spam.example"), **ORIGIN)
    assert "could not accept this form" in robot.content.decode()
    assert client.post(URL, message(), HTTP_ORIGIN="https://evil.example").status_code == 403

"""`generate_content` adds realistic archive pages for scale tests; `--remove` undoes it."""

import pytest

from django.core.management import CommandError, call_command

from articles.models import ConditionPage
from healthsite.models import ContentPage, SectionPage
from products.models import ProductGuidePage
from tests.conftest import page_at
from tests.site_pages import BACK_PAIN_PRODUCTS, BACK_PAIN_TYPES

pytestmark = pytest.mark.django_db


def generated():
    return ContentPage.objects.filter(owner__username="content-generator")


def test_generate_and_remove(client, capsys):
    before = ContentPage.objects.count()
    call_command("generate_content", pages=60)
    assert generated().count() == 60
    assert not generated().filter(show_in_menus=True).exists()
    assert not generated().filter(live=False).exists()
    out = capsys.readouterr().out
    assert "60/60" in out and "Done: 60 pages added" in out

    # Spread over every section, each getting its own kind of page.
    parents = {page.get_parent().pk for page in generated()}
    assert parents == set(SectionPage.objects.values_list("pk", flat=True))
    types = page_at(BACK_PAIN_TYPES.url)
    assert ConditionPage.objects.child_of(types).filter(owner__username="content-generator")
    assert ProductGuidePage.objects.child_of(page_at(BACK_PAIN_PRODUCTS.url)).filter(
        owner__username="content-generator"
    )

    page = generated().first()
    assert client.get(page.url).status_code == 200

    call_command("generate_content", remove=True)
    assert ContentPage.objects.count() == before


def test_generate_needs_a_count():
    with pytest.raises(CommandError, match="--pages"):
        call_command("generate_content")

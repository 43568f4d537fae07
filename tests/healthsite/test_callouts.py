"""A callout box is named, for screen readers, by the title readers see: its own, or its kind."""

import re

import pytest

from tests.site_pages import USEFUL_LINKS

pytestmark = pytest.mark.django_db


def test_a_callout_without_a_title_is_named_by_its_kind(client):
    html = client.get(USEFUL_LINKS.url).content.decode()
    callout = re.search(
        r'<aside class="callout callout--tip" aria-label="([^"]*)">\s*'
        r'<p class="callout__title">([^<]*)</p>',
        html,
    )
    assert callout is not None
    assert callout.groups() == ("Tip", "Tip")

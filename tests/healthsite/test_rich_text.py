"""Rich text as readers get it: the site's `rich_text` filter writes what Wagtail's `richtext`
filter writes, without rendering a template around each piece."""

import pytest

from django.template import Context, Template

from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from tests.conftest import page_at
from tests.site_pages import SCIATICA

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]


def rendered(filter_library, filter_name, value):
    template = Template(f"{{% load {filter_library} %}}{{{{ value|{filter_name} }}}}")
    return template.render(Context({"value": value})).strip()


@pytest.mark.parametrize("as_rich_text", [True, False])
def test_the_filter_writes_what_wagtails_writes(as_rich_text):
    image = get_image_model().objects.first()
    source = (
        f'<p>See <a id="{page_at(SCIATICA.url).pk}" linktype="page">sciatica</a> &amp; more.</p>'
        f'<embed alt="A drawing" embedtype="image" format="fullwidth" id="{image.pk}"/>'
    )
    value = RichText(source) if as_rich_text else source
    ours = rendered("rich_text_tags", "rich_text", value)
    assert ours == rendered("wagtailcore_tags", "richtext", value)
    assert f'href="{SCIATICA.url}"' in ours and "<img" in ours


@pytest.mark.parametrize("empty", [None, "", RichText(None)])
def test_nothing_writes_nothing(empty):
    assert rendered("rich_text_tags", "rich_text", empty) == ""

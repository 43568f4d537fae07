"""Every picture on a demo page shows what it illustrates: no page shows the same drawing twice,
each recommended product has a drawing made for it, and each condition a drawing of its own."""

import re
from collections import Counter

import pytest

from articles.models import ConditionPage
from demo import images
from demo.loader import CONTENT, site_map
from demo.markup import blocks
from products.models import ProductGuidePage

pytestmark = pytest.mark.django_db

# An image's file is named after its drawing's key (`chair.png`); its renditions add a hash
# and a filter before the extension (`chair.2e16d0ba.fill-800x450.png`). A file stored where
# one of that name exists gets Django's suffix (`chair_AbC1234.png`), which Wagtail cuts short
# in a rendition's name when the key is long (`spondylolisthesis_UEGm.2e16d0ba…`).
IMAGE_FILE = re.compile(r'<img\b[^>]*?\bsrc="[^"]*/([a-z0-9-]+?)(?:_[A-Za-z0-9]{1,7})?\.[^"/]*"')


def drawing_key(image):
    """The drawing an image was made from; its file may carry Django's suffix for a name already
    taken (`chair_AbC1234.png`)."""
    return image.file.name.rsplit("/", 1)[-1].split(".")[0].split("_")[0]


def drawings_in_main(client, path):
    page = client.get(path).content.decode()
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    return IMAGE_FILE.findall(main)


@pytest.mark.parametrize("path", [path for path, _model in site_map()])
def test_no_page_shows_a_drawing_twice(client, path):
    drawings = drawings_in_main(client, path)
    assert [key for key, n in Counter(drawings).items() if n > 1] == [], drawings


@pytest.mark.parametrize("path", [path for path, _model in site_map()])
def test_every_drawing_a_page_asks_for_is_shown(client, path):
    """A hero or an `@image` line the page cannot show (say one inside a list of steps) would
    leave the writer thinking the reader sees it."""
    source = (CONTENT / f"{path.strip('/') or 'home'}.txt").read_text()
    asked = re.findall(r"^(?:hero: |@image )([a-z0-9-]+)", source, re.M)
    assert set(asked) <= set(drawings_in_main(client, path))


# Each recommended product of the demo and the drawing made to show it.
PRODUCT_DRAWINGS = {
    "Fully adjustable office chair with lower back support": "chair",
    "Wedge-shaped seat cushion": "wedge-cushion",
    "Small lower back support roll": "lumbar-roll",
    "High-backed armchair with a firm seat": "armchair",
    "Medium-firm pocket sprung mattress": "mattress",
    "Zoned foam or hybrid mattress": "zoned-mattress",
    "Thick mattress topper": "topper",
    "Supportive pillow and knee pillow set": "knee-pillow",
    "Cushioned walking shoe with a firm heel": "shoe",
    "Low-heeled work shoe with a cushioned sole": "work-shoe",
    "Cushioned insoles": "insoles",
    "Supportive sandal with a back strap": "sandal",
    "Microwavable wheat heat pack with washable cover": "heat-pack",
    "Memory foam lumbar support cushion": "cushion",
    "Contoured support pillow for side sleepers": "contour-pillow",
}


def test_each_product_shows_the_drawing_made_for_it(client):
    shown = {}
    for guide in ProductGuidePage.objects.live():
        for product in guide.products.select_related("image"):
            shown[product.name] = drawing_key(product.image)
        drawings = drawings_in_main(client, guide.url)
        assert {shown[product.name] for product in guide.products.all()} <= set(drawings)
    assert shown == PRODUCT_DRAWINGS


def test_every_drawing_has_alt_text_and_one_product_at_most():
    # a hero's alt text is copied into a field of at most 250 characters
    assert all(30 < len(alt) <= 250 for alt in images.ILLUSTRATIONS.values())
    # a rendition's file name keeps the first 20 or so characters of the drawing's name
    assert all(len(key) <= 20 for key in images.ILLUSTRATIONS)
    assert set(PRODUCT_DRAWINGS.values()) <= set(images.ILLUSTRATIONS)
    assert len(set(PRODUCT_DRAWINGS.values())) == len(PRODUCT_DRAWINGS)


def test_each_condition_page_shows_a_drawing_no_other_page_shows(client):
    """A condition's hero drawing shows that condition, so seeing it anywhere else (as a hero,
    in the text or as a product) would mislead."""
    shown = {path: set(drawings_in_main(client, path)) for path, _model in site_map()}
    conditions = ConditionPage.objects.live().select_related("hero_image")
    assert conditions.count() > 20
    for page in conditions:
        assert page.hero_image, f"{page.url} has no drawing"
        key = drawing_key(page.hero_image)
        assert key in shown[page.url]
        elsewhere = [path for path, keys in shown.items() if key in keys and path != page.url]
        assert elsewhere == [], f"{page.url}'s drawing {key!r} is also shown on {elsewhere}"


def test_the_loader_refuses_an_image_where_the_field_cannot_show_it():
    with pytest.raises(ValueError, match="cannot show an image"):
        blocks(["1. Rest.", "@image sleep: A caption"], refs=None, kind="self_care")

"""Image renditions: the sizes pages show, made when a page is published so that a reader's
visit never has to create (and write) one."""

from collections import defaultdict
from functools import cache

from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.models import Filter, Picture

# One name per place an image appears; WebP with a JPEG fallback, three widths each.
SPECS = {
    "hero": "format-{webp,jpeg}|fill-{480x270,960x540,1440x810}",
    "figure": "format-{webp,jpeg}|width-{480,960,1440}",
    "product": "format-{webp,jpeg}|fill-{400x300,800x600}",
    "enclosure": "fill-1200x675|format-jpeg",  # the hero image in feeds
    "social": "fill-1200x630|format-jpeg",  # the hero image when a page is shared
    "portrait": "format-{webp,jpeg}|fill-{160x160,320x320}",
}
SIZES = {
    "hero": "(min-width: 64em) 46rem, 100vw",
    "figure": "(min-width: 64em) 46rem, 100vw",
    "product": "(min-width: 40em) 20rem, 100vw",
    "portrait": "10rem",
}


def specs(*names):
    """The filter specs of the renditions made for these names."""
    return [spec for name in names for spec in Filter.expand_spec(SPECS[name])]


def prefetch(images, *names, image_ids=()):
    """Fetches the renditions of `names` for all of `images` in one query, so that showing
    them costs no more queries. `names` must cover every rendition shown of these image
    objects: Wagtail takes an image's `prefetched_renditions` for all it has, and would make a
    missing one again.

    `image_ids`: images known only by their id (a page's hero image), read in the same query
    with their renditions; returns {id: image} for those that have any of them."""
    by_id = {image.pk: image for image in images if image is not None}
    if not by_id and not image_ids:
        return {}
    rendition_model = get_image_model().get_rendition_model()
    renditions = rendition_model.objects.filter(
        image_id__in={*by_id, *image_ids}, filter_spec__in=specs(*names)
    )
    if image_ids:
        renditions = renditions.select_related("image")
    found = defaultdict(list)
    fetched = {}
    for rendition in renditions:
        # One image object for all its renditions: no query to read it.
        image = by_id.get(rendition.image_id)
        if image is None:
            image = fetched.setdefault(rendition.image_id, rendition.image)
        rendition.image = image
        found[rendition.image_id].append(rendition)
    for image in [*images, *fetched.values()]:
        if image is not None:
            image.prefetched_renditions = list(found[image.pk])
    return fetched


@cache
def filters(name):
    """The filters of `name`, made once: a Filter parses its spec's operations the first time
    it is used, and a page shows a dozen renditions."""
    return tuple(Filter(spec) for spec in Filter.expand_spec(SPECS[name]))


def renditions(image, name):
    return image.get_renditions(*filters(name))


def picture(image, name, **attrs):
    """A <picture> of `image` in the sizes of `name`, with srcset and sizes."""
    return Picture(renditions(image, name), {"sizes": SIZES[name], **attrs})


def figures_of(page):
    """The images of the image blocks in the page's content."""
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            for block in getattr(page, field.name):
                if block.block_type == "image" and block.value["image"]:
                    yield block.value["image"]


def images_of(page):
    """(image, spec name) for every image `page` shows."""
    if page.hero_image:
        yield page.hero_image, "hero"
        yield page.hero_image, "enclosure"
        yield page.hero_image, "social"
    for image in figures_of(page):
        yield image, "figure"
    if hasattr(page, "products"):
        for product in page.products.all():
            if product.image:
                yield product.image, "product"


def prepare_renditions(page):
    for image, name in images_of(page):
        renditions(image, name)

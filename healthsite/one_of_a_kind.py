"""Pages a site has one of, linked from every page: the signup box posts to the newsletter
page, the footer links Subscribe. Such a type says so with `max_count = 1` and
`linked_everywhere = True`; the pages of all such types are read together, in one query with
only what their links show, kept until the tree changes and read once per request."""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import get_page_models

from .kept import remember
from .models import ContentPage
from .page_links import linkable


def one_of_a_kind(model, request=None):
    """The live page of `model` (a ContentPage with its link's fields and summary, not of its
    own type), or None while there is none."""
    if not linked_everywhere(model):
        raise TypeError(f"{model.__name__} needs max_count = 1 and linked_everywhere = True.")
    found = getattr(request, "one_of_a_kind_pages", None)
    if found is None:
        found = remember("one-of-a-kind-pages", read_all, request)
        if request is not None:
            request.one_of_a_kind_pages = found
    return found.get(model._meta.label_lower)


def linked_everywhere(model):
    return (
        issubclass(model, ContentPage)
        and model.max_count == 1
        and getattr(model, "linked_everywhere", False)
    )


def read_all():
    """{model label: live page} for the types linked everywhere."""
    types = ContentType.objects.get_for_models(*filter(linked_everywhere, get_page_models()))
    labels = {content_type.pk: model._meta.label_lower for model, content_type in types.items()}
    pages = (
        ContentPage.objects.live()
        .filter(content_type_id__in=list(labels))
        .for_link("summary", "content_type")
    )
    return {labels[page.content_type_id]: linkable(page) for page in pages}

"""Site search on Wagtail's search backend."""

import re

from django.template.response import TemplateResponse

from healthsite.models import ContentPage, paginate

MAX_CHARACTERS = 200
MAX_TERMS = 20
# Only words survive: quotes, operators and control characters mean nothing to readers here
# and make the database backends' query parsers fail.
NOT_A_WORD = re.compile(r"[^\w\s-]|_|\s-|^-")


def clean_query(text):
    words = NOT_A_WORD.sub(" ", text[:MAX_CHARACTERS]).split()
    return " ".join(words[:MAX_TERMS])


def search(request):
    query = clean_query(request.GET.get("q", ""))
    results = None
    if query:
        pages = ContentPage.objects.live().public().specific().search(query)
        results = paginate(request, pages, per_page=10)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": request.GET.get("q", "")[:MAX_CHARACTERS],
            "query": query,
            "results": results,
        },
    )

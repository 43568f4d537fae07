"""Site search and search-as-you-type, on Wagtail's search backend."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.http import JsonResponse
from django.template.response import TemplateResponse

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from healthsite.models import ContentPage, paginate, sections_of

from . import stats
from .excerpts import excerpt
from .models import Synonym
from .query import parse, suggestion

# ?type= values readers can filter by, with the page types they stand for.
TYPES = {
    "condition": "articles.ConditionPage",
    "article": "articles.ArticlePage",
    "product": "products.ProductGuidePage",
}
RESULTS_PER_PAGE = 10
AUTOCOMPLETE_RESULTS = 8


def type_of(page):
    """The ?type= name of a page's type, or "page"."""
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    return next((name for name, label in TYPES.items() if model._meta.label == label), "page")


def searchable_pages():
    return ContentPage.objects.live().public()


def find(pages, query, operator):
    return pages.search(query.search_string, operator=operator)


def promotions(text):
    """Editors' recommended pages for exactly what the reader typed."""
    return [
        promotion
        for promotion in SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(text)
        ).select_related("page")
        if promotion.page is None or promotion.page.live
    ]


def search(request):
    query = parse(request.GET.get("q", ""))
    kind = request.GET.get("type") if request.GET.get("type") in TYPES else None
    context = {"query": query, "search_query": query.text, "kind": kind}
    if query:
        context.update(results(request, query, kind))
        stats.record(query.text, found=bool(context["total"] or context["recommended"]))
    return TemplateResponse(request, "search/search.html", context)


def results(request, query, kind):
    """The search page's context for a query: hits, counts, recommendations, suggestion."""
    pages = searchable_pages()
    # Pages with every word first; when none has them all, pages with any of them.
    operator = "and"
    total = find(pages, query, operator).count()
    if not total:
        operator = "or"
        total = find(pages, query, operator).count()

    filtered = pages.type(apps.get_model(TYPES[kind])) if kind else pages
    recommended = promotions(query.text) if not kind else []
    promoted_ids = [promotion.page_id for promotion in recommended if promotion.page_id]
    # The pages editors named for the reader's own words ("lumbago") lead the rest.
    synonym_ids = [page_id for _term, _title, page_id in query.synonyms]
    found = find(filtered.exclude(pk__in=promoted_ids + synonym_ids), query, operator)
    items = paginate(request, found, per_page=RESULTS_PER_PAGE)
    leading = []
    if synonym_ids and items.number == 1:
        leading = list(filtered.filter(pk__in=synonym_ids).exclude(pk__in=promoted_ids))
    hit_pages = [*leading, *items]
    sections = sections_of(hit_pages)
    return {
        "items": items,
        "hits": [
            {
                "page": page,
                "label": ContentType.objects.get_for_id(page.content_type_id).name,
                "section": sections[page.pk],
                "excerpt": excerpt(page.search_text or page.summary, query.terms),
            }
            for page in hit_pages
        ],
        "total": total,
        "counts": {
            name: find(pages.type(apps.get_model(label)), query, operator).count()
            for name, label in TYPES.items()
        },
        "all_words": operator == "and",
        "recommended": recommended if items.number == 1 else [],
        "suggestion": None if total or recommended else suggestion(query),
    }


def autocomplete(request):
    """The top pages whose titles start with what the reader has typed so far, as JSON."""
    query = parse(request.GET.get("q", ""))
    typed = " ".join(query.words)
    results = []
    if len(typed) >= 2:
        pages = searchable_pages().autocomplete(typed)[:AUTOCOMPLETE_RESULTS]
        synonyms = Synonym.objects.filter(
            term__startswith=typed, page__in=searchable_pages()
        ).select_related("page")[:3]
        results = [
            {"title": page.title, "url": page.get_url(request), "type": type_of(page)}
            for page in pages
        ] + [
            {
                "title": synonym.page.title,
                "url": synonym.page.get_url(request),
                "type": type_of(synonym.page),
                "synonym": synonym.term,
            }
            for synonym in synonyms
        ]
    # A page found by its title and by a synonym is listed once.
    unique = {}
    for result in results:
        unique.setdefault(result["url"], result)
    response = JsonResponse(
        {"query": query.text, "results": list(unique.values())[:AUTOCOMPLETE_RESULTS]}
    )
    response["Cache-Control"] = "public, max-age=300"
    return response

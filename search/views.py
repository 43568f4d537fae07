"""Site search and search-as-you-type, on Wagtail's search backend."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.template.response import TemplateResponse

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import get_page_models
from wagtail.search.utils import normalise_query_string

from healthsite.models import ContentPage, sections_of
from healthsite.pagination import canonical_number, canonical_query, paginate
from healthsite.parsing import client_ip

from . import stats
from .backend import find, hidden_pages, index_scans
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
    """The pages readers may see, by id (search backends filter on ids, not expressions),
    without what hits never show: the page's content and its copy for feeds would be carried
    through the ranking of every match."""
    pages = ContentPage.objects.exclude(pk__in=hidden_pages())
    return pages.defer_streamfields().defer("content_html")


def number_of(model, by_type):
    """How many pages of `model` (its subclasses included, as `PageQuerySet.type()` has it)
    were found, from the counts by content type."""
    models = [other for other in get_page_models() if issubclass(other, model)]
    return sum(by_type.get(ct.pk, 0) for ct in ContentType.objects.get_for_models(*models).values())


def promotions(text):
    """Editors' recommended pages for exactly what the reader typed, each page once, with its
    summary where the editor wrote no description."""
    found, seen = [], set()
    for promotion in SearchPromotion.objects.filter(
        query__query_string=normalise_query_string(text)
    ).select_related("page"):
        if promotion.page is not None and (not promotion.page.live or promotion.page_id in seen):
            continue
        seen.add(promotion.page_id)
        found.append(promotion)
    pages = seen - {None}
    summaries = dict(ContentPage.objects.filter(pk__in=pages).values_list("pk", "summary"))
    for promotion in found:
        promotion.description = promotion.description or summaries.get(promotion.page_id, "")
    return found


# What the search page reads of its query string; anything else is redirected away.
QUERY_PARAMETERS = {
    "q": None,
    "type": lambda kind: kind if kind in TYPES else None,
    "page": canonical_number,
}


def search(request):
    canonical = canonical_query(request, QUERY_PARAMETERS)
    if canonical is not None:
        return HttpResponsePermanentRedirect(request.path + canonical)
    query = parse(request.GET.get("q", ""))
    kind = request.GET.get("type") if request.GET.get("type") in TYPES else None
    context = {"query": query, "search_query": query.text, "kind": kind}
    if query:
        with index_scans():
            context.update(results(request, query, kind))
        found = bool(context["total"] or context["recommended"])
        stats.record(query.text, found=found, address=client_ip(request))
    return TemplateResponse(request, "search/search.html", context)


def results(request, query, kind):
    """The search page's context for a query: hits, counts, recommendations, suggestion."""
    # Readers may not see these: named once, left out of everything below.
    hidden = hidden_pages()
    pages = ContentPage.objects.live().exclude(pk__in=hidden).defer_streamfields()
    pages = pages.defer("content_html")
    # Pages with every word first; when none has them all, pages with any of them. Counted
    # by type at once (the total and the count of each ?type=), with the first page of hits.
    for operator in ("and", "or"):
        searched = query.searched(operator)
        counted = find(ContentPage, pages, searched, operator, hidden, RESULTS_PER_PAGE)
        by_type = counted.count_by_type()
        if by_type:
            break
    total = sum(by_type.values())
    counts = {name: number_of(apps.get_model(label), by_type) for name, label in TYPES.items()}

    model = apps.get_model(TYPES[kind]) if kind else ContentPage
    filtered = pages.type(model) if kind else pages
    recommended = promotions(query.text) if not kind else []
    promoted_ids = [promotion.page_id for promotion in recommended if promotion.page_id]
    # The pages editors named for the reader's own words ("lumbago") lead the rest.
    synonym_ids = [page_id for _term, _title, page_id in query.synonyms]
    if kind or promoted_ids or synonym_ids:
        left_out = hidden + promoted_ids + synonym_ids
        found = find(model, filtered, searched, operator, left_out, RESULTS_PER_PAGE)
    else:
        found = counted
    # Nothing left out: the pages found are those counted already.
    known = None if promoted_ids or synonym_ids else counts[kind] if kind else total
    items = paginate(request, found, per_page=RESULTS_PER_PAGE, count=known)
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
        "counts": counts,
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
        readable = searchable_pages()  # what readers may not see read once, for both queries
        pages = readable.autocomplete(typed)[:AUTOCOMPLETE_RESULTS]
        synonyms = Synonym.objects.filter(term__startswith=typed, page__in=readable)
        synonyms = synonyms.select_related("page")[:3]
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

"""Wagtail's database search backend, with two changes on PostgreSQL.

- The vectors a query is matched against stay out of the rows it returns. Wagtail's backend
  annotates each match with `title || body`, so PostgreSQL joins the vectors of every matching
  page and carries them through the ranking. Filtered through an alias, the query matches the
  same pages, ranked the same, with the GIN index on that expression (search/migrations/0002).
- `IndexSearch`: the site search counts and ranks from the index entries alone (below).
"""

from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import F, IntegerField, Q
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast

from modelsearch.backends import get_search_backend
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresAutocompleteQueryCompiler,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import And, Fuzzy, MatchAll, Not, Or, PlainText
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page

from healthsite import compat
from healthsite.models import ContentPage


class QueryCompiler(PostgresSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None, backend=None):
        if isinstance(self.query, MatchAll | Fuzzy | Not):
            return super().search(config, start, stop, score_field, backend)
        search_query = self.build_tsquery(self.query, config=config)
        vectors = self.get_search_vectors(search_query)
        combined = vectors[0][0]
        for vector, _boost in vectors[1:]:
            combined = CombinedExpression(combined, "||", vector)
        queryset = self.queryset.alias(_vector_=combined).filter(_vector_=search_query)
        rank = compat.rank_expression(self, vectors, config)
        return compat.ordered_and_scored(self, queryset, rank, start, stop, score_field)


class AutocompleteQueryCompiler(QueryCompiler, PostgresAutocompleteQueryCompiler):
    pass


class Backend(PostgresSearchBackend):
    query_compiler_class = QueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler


def SearchBackend(params):  # the name Wagtail looks for
    if connection.vendor == "postgresql":
        return Backend(params)
    backend = DatabaseSearchBackend(params)
    if connection.vendor == "sqlite" and backend.__class__.__name__ == "SQLiteSearchBackend":
        from .sqlite_backend import Backend as SQLiteBackend  # its models exist on SQLite only

        return SQLiteBackend(params)
    return backend


def hidden_pages():
    """Ids of the pages readers may not see: not live, or not public (the site's one rule,
    ContentPageQuerySet.private_q: search backends filter on ids, not on expressions)."""
    hidden = Page.objects.filter(Q(live=False) | ContentPage.objects.private_q())
    return list(hidden.order_by().values_list("pk", flat=True))


class IndexSearch:
    """Live, public pages of `model` matching `text`, counted by type and ranked on PostgreSQL
    from the search index alone; `hidden` (from `hidden_pages()`, with any pages to leave out)
    names the pages readers may not see.

    Wagtail's backend joins every match to its page before counting or ranking, to keep only
    the live, public ones: for a word on most pages, most of a search's time. Naming the few
    pages to leave out instead, counting and ranking read only the index entries (whose vectors
    are kept in their rows: search/migrations/0003), and only the pages shown are fetched.
    Ranked with Wagtail's weights (the title first, then the summary and tags, then the rest),
    best first, then newest page first.

    Sliced, it gives the pages in that stretch of the ranking: a Paginator's object list. The
    `first` of them are ranked while counting (most readers read no further than those).
    Used inside `index_scans()`.
    """

    def __init__(self, model, pages, text, operator, hidden, first=0):
        compiler = Backend.query_compiler_class(pages, text, operator=operator)
        config = compiler.get_config(get_search_backend())
        tsquery = compiler.build_tsquery(compiler.query, config=config)
        title, body = F("title"), F("body")
        # Ranked by how often and where (title, summary, body) the words appear, as for "any
        # word": ranking "every word" would also weigh how close together they are, for
        # each pair of words in each page found, which costs more than the rest of the search.
        any_word = ranked_as_any(text)
        self.rank = compiler.build_tsrank(title, any_word, config=config) * F(
            "title_norm"
        ) + compiler.build_tsrank(body, any_word, config=config)
        self.pages = pages
        self.first, self.counts, self.first_ids = first, None, []
        self.entries = (
            IndexEntry.objects.filter(content_type_id__in=get_descendants_content_types_pks(model))
            .exclude(object_id__in=[str(pk) for pk in hidden])
            .alias(_vector_=CombinedExpression(title, "||", body))
            .filter(_vector_=tsquery)
        )

    def count_by_type(self):
        """{content type id: number of pages found}, and the `first` ranked, in one pass."""
        if self.counts is None:
            matches = self.entries.annotate(_rank_=self.rank).values(
                "content_type_id", "object_id", "_rank_"
            )
            sql, params = matches.order_by().query.sql_with_params()
            with connection.cursor() as cursor:
                cursor.execute(
                    f"""WITH found AS MATERIALIZED ({sql})
                    SELECT content_type_id, count(*), NULL FROM found GROUP BY content_type_id
                    UNION ALL (
                        SELECT NULL, NULL, object_id FROM found
                        ORDER BY _rank_ DESC, object_id::integer DESC LIMIT %s
                    )""",  # noqa: S608 - Django compiled the query, with its parameters
                    [*params, self.first],
                )
                rows = cursor.fetchall()
            self.counts = {kind: number for kind, number, pk in rows if pk is None}
            self.first_ids = [int(pk) for _kind, _number, pk in rows if pk is not None]
        return self.counts

    def count(self):
        return sum(self.count_by_type().values())

    def __getitem__(self, stretch):
        if self.counts is not None and not stretch.start and stretch.stop <= self.first:
            ids = self.first_ids[: stretch.stop]
        else:
            ranked = self.entries.alias(_rank_=self.rank).order_by(
                F("_rank_").desc(), Cast("object_id", IntegerField()).desc()
            )
            ids = [int(pk) for pk in ranked.values_list("object_id", flat=True)[stretch]]
        pages = self.pages.in_bulk(ids)
        return [pages[pk] for pk in ids if pk in pages]


class BackendSearch:
    """The same through Wagtail's search API, for any other backend (SQLite's, OpenSearch)."""

    def __init__(self, model, pages, text, operator, hidden, first=0):
        operator = operator if isinstance(text, str) else None  # a query object has its own
        self.found = pages.exclude(pk__in=hidden).search(text, operator=operator)

    def count_by_type(self):
        return self.found.facet("content_type_id")

    def count(self):
        return self.found.count()

    def __getitem__(self, stretch):
        return self.found[stretch]


def ranked_as_any(query):
    """What a search is ranked by: any of its words (or, for a query with other words for
    some of its phrases, search/query.py, any of its parts), as IndexSearch says why."""
    if isinstance(query, str):
        return PlainText(query, operator="or")
    return Or(query.subqueries) if isinstance(query, And) else query


def find(model, pages, text, operator, hidden, first=0):
    """The live, public pages of `model` (`pages`) that match `text`, without `hidden`
    ones: `count_by_type()`, `count()` and, sliced, the ranked pages."""
    # The index entries are the PostgreSQL backend's own: another backend (OpenSearch) is
    # asked through Wagtail's API.
    search = IndexSearch if isinstance(get_search_backend(), Backend) else BackendSearch
    return search(model, pages, text, operator, hidden, first)


@contextmanager
def index_scans():
    """Has PostgreSQL find matches through the search index even when most pages match.

    For a word on most pages ("painkillers") the planner prefers reading every entry, not
    knowing that joining each entry's vectors (`title || body`) costs several times more than
    the index (search/migrations/0002). Without sequential scans, a plan's estimated cost soars:
    JIT compiling, worth it only for long analytical queries, would then add ~100 ms.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            # SET LOCAL, both in one round trip.
            cursor.execute(
                "SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)"
            )
        yield

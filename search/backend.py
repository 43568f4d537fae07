"""Wagtail's database search backend, with one change on PostgreSQL: the vectors a query is
matched against stay out of the rows it returns.

Wagtail's backend annotates each match with `title || body`, so PostgreSQL joins the vectors of
every matching page and carries them through the ranking, most of the cost of a search for a
common word. Filtered through an alias, the query matches the same pages, ranked the same, with
the GIN index on that expression (search/migrations/0002).
"""

from django.db import connection

from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Fuzzy, MatchAll, Not


class QueryCompiler(PostgresSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None, backend=None):
        if isinstance(self.query, MatchAll | Fuzzy | Not):
            return super().search(config, start, stop, score_field, backend)
        search_query = self.build_tsquery(self.query, config=config)
        vectors = self.get_search_vectors(search_query)
        combined = vectors[0][0]
        for vector, _boost in vectors[1:]:
            combined = combined._combine(vector, "||", False)
        queryset = self.queryset.alias(_vector_=combined).filter(_vector_=search_query)
        rank = self._build_rank_expression(vectors, config)
        return self._apply_ordering_and_scoring(queryset, rank, start, stop, score_field)


class AutocompleteQueryCompiler(QueryCompiler, PostgresAutocompleteQueryCompiler):
    pass


class Backend(PostgresSearchBackend):
    query_compiler_class = QueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler


def SearchBackend(params):  # the name Wagtail looks for
    if connection.vendor == "postgresql":
        return Backend(params)
    return DatabaseSearchBackend(params)

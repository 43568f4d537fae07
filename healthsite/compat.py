"""The framework internals the site cannot do without, each in one place with the reason.

tests/healthsite/test_compat.py pins every one, so that an upgrade which changes them fails
there, loudly, rather than somewhere in search or purging. Nothing else uses a framework name
starting with "_".
"""


def pending_on_commit(connection):
    """The functions waiting for the current transaction's commit. Why: a change of many pages
    in one transaction purges everything once, not once a page (caching/invalidation.py);
    Django offers no public way to ask what is queued."""
    return [function for _sid, function, _robust in connection.run_on_commit]


def rank_expression(compiler, vectors, config):
    """modelsearch's PostgreSQL rank of the compiler's query over `vectors`. Why: the site's
    search ranks as modelsearch does but matches through an alias (search/backend.py)."""
    return compiler._build_rank_expression(vectors, config)


def ordered_and_scored(compiler, queryset, rank, start, stop, score_field=None):
    """The matches in `queryset` ranked by `rank`, sliced, as modelsearch returns them."""
    return compiler._apply_ordering_and_scoring(queryset, rank, start, stop, score_field)


def ranked_by(compiler_class, rank):
    """A subclass of modelsearch's `compiler_class` whose rank is `rank(compiler, vectors,
    config)`. Why: the SQLite backend's own rank sinks pages with long titles
    (search/sqlite_backend.py)."""

    def build_rank_expression(self, vectors, config):
        return rank(self, vectors, config)

    return type(
        compiler_class.__name__,
        (compiler_class,),
        {"_build_rank_expression": build_rank_expression, "__module__": __name__},
    )


# What the functions above rely on, by database: (class, method, its parameters after self).
# Named, not imported: each backend's module loads only on its own database.
POSTGRES = "modelsearch.backends.database.postgres.postgres.PostgresSearchQueryCompiler"
SQLITE = "modelsearch.backends.database.sqlite.sqlite.SQLiteSearchQueryCompiler"
RELIED_ON = {
    "postgresql": [
        (POSTGRES, "_build_rank_expression", ["vectors", "config"]),
        (
            POSTGRES,
            "_apply_ordering_and_scoring",
            ["queryset", "rank_expression", "start", "stop", "score_field"],
        ),
    ],
    "sqlite": [(SQLITE, "_build_rank_expression", ["vectors", "config"])],
}

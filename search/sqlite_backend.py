"""Wagtail's SQLite search backend (`make run`), ranking pages by FTS5's bm25 alone.

Wagtail's SQLite compiler scales bm25 (lower is better) by each entry's title norm and combines
it per word, so a long title sank its page ("Back Pain While Sleeping" fourth for "back pain when
sleeping"). Here a page's rank is bm25 over its title and body, the title weighing more, as
the PostgreSQL backend weighs it.
"""

from django.db.models import FloatField, Func

from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)

from healthsite import compat

# bm25's weight for each column of the FTS table, in its order: autocomplete, body, title.
COLUMN_WEIGHTS = (0.0, 1.0, 5.0)


class WeightedBM25(Func):
    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra):
        weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []


class Backend(SQLiteSearchBackend):
    query_compiler_class = compat.ranked_by(
        SQLiteSearchQueryCompiler, lambda compiler, vectors, config: WeightedBM25()
    )

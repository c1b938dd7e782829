"""Title-weighted ranking for Wagtail's SQLite (FTS5) search backend.

The backend scores a match with one `bm25()` over the whole index row, title and body alike, so
a long body that repeats a word beats a short title that has it once. Here, as with PostgreSQL's
`ts_rank` and field boosts, a match in the title counts first: `TITLE_WEIGHT` times the
backend's title-length norm (shorter titles are more specific), then `bm25()` of the title and
of the body columns order the rest. Only imported on SQLite.
"""

from django.db.models import F, FloatField, Func

from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)

# What a match in the title is worth: well above what bm25() gives a body that repeats the
# words (rarely more than 15). bm25() itself would not do: it divides a title match by the
# length of the whole row, which sinks pages and documents with long bodies.
TITLE_WEIGHT = 20.0

# The FTS5 table's columns, in the order bm25() takes their weights.
FTS_COLUMNS = ("autocomplete", "body", "title")


class ColumnBM25(Func):
    """`bm25()` of the FTS5 index counting one column only: lower (more negative) is better."""

    output_field = FloatField()

    def __init__(self, column):
        if column not in FTS_COLUMNS:
            raise ValueError(f"Unknown full-text column {column!r}")
        self.column = column
        super().__init__()

    def as_sql(self, compiler, connection, **extra_context):
        weights = ", ".join("1.0" if name == self.column else "0.0" for name in FTS_COLUMNS)
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []


class TitleWeightedQueryCompiler(SQLiteSearchQueryCompiler):
    def _build_rank_expression(self, vectors, config):
        # bm25() scores the whole MATCH expression at once: the parts of an And or Or query
        # have no scores of their own, so there is nothing to combine per part.
        title = ColumnBM25("title") * F("index_entry__title_norm") * TITLE_WEIGHT
        return title + ColumnBM25("body")


class TitleWeightedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = TitleWeightedQueryCompiler
    lower_scores_first = True

"""Wagtail's SQLite (FTS5) search backend, title-weighted and linear in the number of matches.

Two changes to the stock backend, everything else (index table, triggers, query syntax, signal
handlers) being Wagtail's own:

- **Titles first.** The backend scores a match with one `bm25()` over the whole index row,
  title and body alike, so a long body that repeats a word beats a short title that has it
  once. Here, as with PostgreSQL's `ts_rank` and field boosts, a match in the title counts
  first: `TITLE_WEIGHT` times the backend's title-length norm (shorter titles are more
  specific), then `bm25()` of the title and of the body columns order the rest.
- **One ranking pass.** The stock backend annotates each matching object with its score by a
  correlated subquery that runs the full-text query again for that object, so a search costs
  the square of its number of matches (a word in 10,000 stories took 30 seconds). Here a search
  ordered by relevance ranks the index rows in one pass, limited to the objects of the
  queryset, sorts and slices them there, and then loads only the objects of that slice by
  primary key: two queries whatever the number of matches.
- **Several searches at once.** `ranked_rows` ranks the same query over querysets of several
  models (the site search's news, documents, case studies and programme pages) in one pass
  over the index, then reads the asked-for fields of each model's matches: one query, plus
  one per model.

Only imported on SQLite.
"""

import functools
import operator

from django.db.models import CharField, F, FloatField, Func, Q
from django.db.models.functions import Cast

from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from .rows import ids_in, queryset_rows

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

    def match(self, config):
        """The full-text match of this search, or None where the stock query is used: no
        ranking asked for, a negated query, or every object."""
        if not self.order_by_relevance:
            return None
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not)):
            return None
        return MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )

    def among(self):
        """Index rows of the queryset's objects (of its model and the model's subclasses)."""
        objects = self.queryset.order_by().values_list(Cast("pk", CharField()), flat=True)
        return Q(
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
            index_entry__object_id__in=objects,
        )

    def index_rows(self, match, among, config):
        """The matching index rows with their scores, best first."""
        return (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(among)
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            # Ties go to the newest entry in the index, the most recently added object.
            .order_by("score", "-index_entry_id")
        )

    def ranked(self, config, start, stop):
        """(object id as text, score) of the best matches in [start:stop], best first: one
        query over the index, limited to the objects of the queryset. None as for `match`."""
        match = self.match(config)
        if match is None:
            return None
        rows = self.index_rows(match, self.among(), config)
        return list(rows.values_list("index_entry__object_id", "score")[start:stop])


class RankedSearchResults(SQLiteSearchResults):
    def _ranked(self):
        compiler = self.query_compiler
        # Autocomplete queries keep the stock compiler, and its query.
        ranking = getattr(compiler, "ranked", None)
        return ranking and ranking(compiler.get_config(self.backend), self.start, self.stop)

    def _in_order(self, ranked, rows):
        """`rows` (keyed by primary key as text) in the order of `ranked`, with their scores."""
        for object_id, score in ranked:
            row = rows.get(object_id)
            if row is not None:  # None: deleted or changed between the two queries
                yield score, row

    def _do_search(self):
        ranked = self._ranked()
        if ranked is None:
            return super()._do_search()
        if not ranked:
            return []
        queryset = self.query_compiler.queryset.order_by()
        found = queryset.in_bulk([self._pk(object_id) for object_id, _score in ranked])
        results = []
        for score, obj in self._in_order(ranked, {str(pk): obj for pk, obj in found.items()}):
            if self._score_field:
                setattr(obj, self._score_field, score)
            results.append(obj)
        return results

    def rows(self, score_field, fields, ranked=None):
        """`(score, *fields)` of each result, best first, without building the objects.

        `ranked`: the (object id, score) pairs of this search when already known."""
        if ranked is None:
            ranked = self._ranked()
        if ranked is None:  # not ranked here: the stock query
            return queryset_rows(self, score_field, fields)
        if not ranked:
            return []
        queryset = self.query_compiler.queryset.order_by()
        values = queryset.filter(pk__in=ids_in(object_id for object_id, _score in ranked))
        by_pk = {str(row[0]): row for row in values.values_list("pk", *fields)}
        return [(score, *row[1:]) for score, row in self._in_order(ranked, by_pk)]

    def _pk(self, object_id):
        return self.query_compiler.queryset.model._meta.pk.to_python(object_id)


class TitleWeightedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = TitleWeightedQueryCompiler
    results_class = RankedSearchResults
    lower_scores_first = True

    def ranked_rows(self, searches, score_field):
        """`(score, *fields)` rows of each `(results, fields)`: searches of one query over
        querysets of different models, ranked in one pass over the index."""
        compilers = [results.query_compiler for results, _fields in searches]
        first = compilers[0]
        config = first.get_config(self)
        match = first.match(config)
        # Search queries have no equality of their own; their repr spells out every term.
        same = all(
            isinstance(compiler, TitleWeightedQueryCompiler)
            and repr(compiler.query) == repr(first.query)
            and compiler.fields == first.fields
            and compiler.order_by_relevance
            for compiler in compilers
        )
        if match is None or not same:
            return [results.rows(score_field, fields) for results, fields in searches]
        owner = {}
        for position, compiler in enumerate(compilers):
            for content_type in get_descendants_content_types_pks(compiler.queryset.model):
                if content_type in owner:  # one model inside another: rank them apart
                    return [results.rows(score_field, fields) for results, fields in searches]
                owner[content_type] = position
        among = functools.reduce(operator.or_, (compiler.among() for compiler in compilers))
        rows = first.index_rows(match, among, config).values_list(
            "index_entry__content_type_id", "index_entry__object_id", "score"
        )
        ranked = [[] for _search in searches]
        for content_type, object_id, score in rows:
            ranked[owner[content_type]].append((object_id, score))
        return [
            results.rows(score_field, fields, ranked=ranked[position][results.start : results.stop])
            for position, (results, fields) in enumerate(searches)
        ]

"""Wagtail's database search backend, with titles weighted on SQLite as they are on PostgreSQL.

On PostgreSQL the backend ranks with `ts_rank`, weighting each field by its `boost`, so a word in
a title counts far more than the same word in a body. Its SQLite (FTS5) variant ignores boosts:
it ranks every match by one `bm25()` over the whole row, so a long body that repeats a word beats
a short title that has it; and it scores each match with a subquery that runs the search again,
so a common word in 10,000 stories took half a minute. On SQLite this backend keeps everything
of Wagtail's (index table, triggers, query syntax, signal handlers) and changes the rank and how
it is computed (see `sqlite.py`).

`WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "ifrc_site.search.backend"}}`.
"""

import json

from django.db import connection
from django.db.models.expressions import RawSQL

from modelsearch.backends.database import SearchBackend as database_search_backend


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    backend = database_search_backend(params)
    if backend.__class__.__name__ == "SQLiteSearchBackend":
        # Imported here: the SQLite backend's module needs the SQLite index model.
        from .sqlite import TitleWeightedSQLiteSearchBackend

        return TitleWeightedSQLiteSearchBackend(params)
    return backend


def relevance(backend, score):
    """A score where higher is better, comparable between results of one backend.

    PostgreSQL's scores are positive `ts_rank` values, higher being better; SQLite's are
    negative `bm25()` values, lower being better.
    """
    if score is None:
        return 0.0
    return -score if getattr(backend, "lower_scores_first", False) else score


def ranked_rows(searches, score_field):
    """`(score, *fields)` of the results of each `(results, fields)`, best first, as tuples.

    Reads the given fields of every result without building the objects: what a search needs
    to filter and count thousands of matches. Each `results` is a (sliced) search, of the
    same query, with `annotate_score(score_field)`. The SQLite backend ranks them all in one
    pass (see sqlite.py); others run one query each.
    """
    backend = searches[0][0].backend if searches else None
    if hasattr(backend, "ranked_rows"):
        return backend.ranked_rows(searches, score_field)
    return [queryset_rows(results, score_field, fields) for results, fields in searches]


def queryset_rows(results, score_field, fields):
    """`(score, *fields)` of one search's results, read through the backend's own queryset."""
    return [tuple(row) for row in results.get_queryset().values_list(score_field, *fields)]


def ids_in(ids):
    """A subquery of these integer ids, for `field__in=`, sent as one parameter.

    Django sends a list as one parameter per item, each prepared in Python: for the 10,000
    matches of a common word that costs more than the search itself.
    """
    ids = [int(pk) for pk in ids]
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (ids,))
    return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))

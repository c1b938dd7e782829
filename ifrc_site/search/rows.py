"""Reading search results as rows, and ranking several searches at once: what the site search
needs to filter and count thousands of matches without building objects. Shared by every
backend (`backend.py`, `sqlite.py`)."""

import json

from django.core.exceptions import EmptyResultSet
from django.db import connection, connections, router
from django.db.models.expressions import RawSQL


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
    return plain_rows(results.get_queryset().values_list(score_field, *fields))


def plain_rows(queryset):
    """The rows of a `values_list()` queryset as the database driver gives them: tuples.

    Django's own iteration runs Python for each row (copying it into a list to apply the
    fields' converters, then into a tuple): tens of milliseconds for the 10,000 matches of a
    common word. On PostgreSQL plain values need no converting: psycopg gives floats, dates,
    aware datetimes and text as they are (a score's converter only makes a float of what is
    one). A field that converts what it reads (`from_db_value`: JSON, a StreamField...), and
    other databases, go through Django's iteration.
    """
    if connections[queryset.db].vendor != "postgresql":
        return [tuple(row) for row in queryset]
    compiler = queryset.query.get_compiler(queryset.db)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return []
    if converts_on_read(compiler):
        return [tuple(row) for row in queryset]
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def converts_on_read(compiler):
    """Whether a compiled query reads a field that converts its value (`from_db_value`), which
    the driver's rows alone would leave unconverted."""
    return any(hasattr(column.output_field, "from_db_value") for column, *_ in compiler.select)


def rows_with_ids(model, key, ids, *columns):
    """`(key, *columns)` of the rows of `model`'s table whose integer `key` is one of `ids`
    (distinct): what a search reads of its thousands of matches' related rows.

    On PostgreSQL the ids are joined as a table (`unnest`), so the planner knows how many there
    are: asked for with `key__in=ids_in(ids)` it takes them for 200 and looks each up by its
    index (at 10,000 stories, the programmes of a common word's 9,563 stories: 22 ms of
    PostgreSQL's time, against 7 ms joined). Elsewhere, `ids_in`.
    """
    ids = [int(pk) for pk in ids]
    db = router.db_for_read(model)
    if connections[db].vendor != "postgresql":
        rows = model._default_manager.using(db).filter(**{f"{key}__in": ids_in(ids)})
        return plain_rows(rows.values_list(key, *columns))
    quote = connections[db].ops.quote_name
    names = [f"t.{quote(model._meta.get_field(name).column)}" for name in (key, *columns)]
    sql = (
        f"SELECT {', '.join(names)} FROM {quote(model._meta.db_table)} t "
        f"JOIN unnest(%s::bigint[]) u(id) ON {names[0]} = u.id"
    )
    with connections[db].cursor() as cursor:
        cursor.execute(sql, (array_text(ids),))
        return cursor.fetchall()


def array_text(ids):
    """Integer ids as the text of a PostgreSQL array ("{1,2,3}"), which joining makes at once;
    a list would be dumped by psycopg one number at a time."""
    return "{" + ",".join(map(str, ids)) + "}"


def ids_in(ids):
    """A subquery of these integer ids, for `field__in=`, sent as one parameter.

    Django sends a list as one parameter per item, each prepared in Python: for the 10,000
    matches of a common word that costs more than the search itself.
    """
    ids = [int(pk) for pk in ids]
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (array_text(ids),))
    return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))

"""Reading search results as rows: the matches of a search as a plain queryset (to filter, group
and count them in the database) and the best few with the fields a result needs, without
building objects. Shared by every backend (`backend.py`, `sqlite.py`)."""

import functools
import json

from django.core.exceptions import EmptyResultSet
from django.db import connection, connections
from django.db.models import Aggregate, CharField, F, OuterRef, Subquery
from django.db.models.expressions import RawSQL


def relevance(backend, score):
    """A score where higher is better, comparable between results of one backend.

    PostgreSQL's scores are positive `ts_rank` values, higher being better; SQLite's are
    negative `bm25()` values, lower being better.
    """
    if score is None:
        return 0.0
    return -score if getattr(backend, "lower_scores_first", False) else score


def matching(queryset, query):
    """The objects of `queryset` that match `query`: a plain queryset, unranked and unordered,
    which may then be filtered on any field, grouped or counted. Through the search backend's
    index (PostgreSQL's GIN indexes, SQLite's FTS5 table), without scoring any match."""
    return queryset.search(query, order_by_relevance=False).get_queryset().order_by()


def best_rows(queryset, query, fields, *, narrow=None, newest=None, limit=None):
    """`(score, *fields)` of the matches of `query` among `queryset`, best first.

    `narrow` (a function of a queryset) filters the matches on any field; `newest` (a field
    name or an expression) orders equal scores newest first, then the highest primary key
    first. With `limit`, only that many are read: on PostgreSQL the database ranks every match
    and returns the best few. The SQLite backend (`sqlite.py`) returns every match, ranked in
    its own order; the caller sorts.
    """
    results = queryset.search(query, order_by_relevance=True)
    if hasattr(results.backend, "best_rows"):
        return results.backend.best_rows(results, fields, narrow)
    ranked = results.annotate_score("_score").get_queryset()
    if narrow is not None:
        ranked = narrow(ranked)
    order = [F("_score").desc()]
    if newest is not None:
        newest = F(newest) if isinstance(newest, str) else newest
        order.append(newest.desc(nulls_last=True))
    ranked = ranked.order_by(*order, F("pk").desc())
    if limit is not None:
        ranked = ranked[:limit]
    return plain_rows(ranked.values_list("_score", *fields))


class JoinedIds(Aggregate):
    """The ids of a group as one text, "3,7" (in no set order): PostgreSQL's `string_agg`,
    SQLite's `group_concat`. Lets a query group its rows by a set of related ids."""

    function = "STRING_AGG"
    template = "%(function)s((%(expressions)s)::text, ',')"
    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            function="GROUP_CONCAT",
            template="%(function)s(%(expressions)s, ',')",
            **extra_context,
        )


def joined_ids(model, name):
    """The ids each object links to by its many-to-many field `name`, as a `JoinedIds` text
    (a subquery for each object): a value to group objects by."""
    field = model._meta.get_field(name)
    own, other = field.m2m_field_name(), field.m2m_reverse_field_name()
    links = (
        field.remote_field.through.objects.filter(**{own: OuterRef("pk")})
        .order_by()
        .values(own)
        .annotate(ids=JoinedIds(other))
        .values("ids")
    )
    return Subquery(links, output_field=CharField())


@functools.cache
def id_set(text):
    """The ids of a `JoinedIds` text as a sorted tuple: thousands of rows share a few."""
    return tuple(sorted(int(pk) for pk in (text or "").split(",") if pk))


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
    if any(hasattr(column.output_field, "from_db_value") for column, *_ in compiler.select):
        return [tuple(row) for row in queryset]
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def ids_in(ids):
    """A subquery of these integer ids, for `field__in=`, sent as one parameter.

    Django sends a list as one parameter per item, each prepared in Python: for the 10,000
    matches of a common word that costs more than the search itself.
    """
    ids = [int(pk) for pk in ids]
    if connection.vendor == "postgresql":
        # As an array's text ("{1,2,3}"), which joining makes at once; a list would be dumped
        # by psycopg one number at a time.
        return RawSQL("SELECT unnest(%s::bigint[])", ("{" + ",".join(map(str, ids)) + "}",))
    return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))

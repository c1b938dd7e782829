"""Wagtail's database search backend: titles weighted on SQLite as they are on PostgreSQL, and
words matched without joining title and body on PostgreSQL (`postgres.py`).

On PostgreSQL the backend ranks with `ts_rank`, weighting each field by its `boost`, so a word in
a title counts far more than the same word in a body. Its SQLite (FTS5) variant ignores boosts:
it ranks every match by one `bm25()` over the whole row, so a long body that repeats a word beats
a short title that has it; and it scores each match with a subquery that runs the search again,
so a common word in 10,000 stories took half a minute. On SQLite this backend keeps everything
of Wagtail's (index table, triggers, query syntax, signal handlers) and changes the rank and how
it is computed (see `sqlite.py`).

`WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "ifrc_site.search.backend"}}`.
"""

from modelsearch.backends.database import SearchBackend as database_search_backend


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    backend = database_search_backend(params)
    if backend.__class__.__name__ == "SQLiteSearchBackend":
        # Imported here: the SQLite backend's module needs the SQLite index model.
        from .sqlite import TitleWeightedSQLiteSearchBackend

        return TitleWeightedSQLiteSearchBackend(params)
    if backend.__class__.__name__ == "PostgresSearchBackend":
        # Imported here: the PostgreSQL backend's module needs django.contrib.postgres.
        from .postgres import WordwiseSearchBackend

        return WordwiseSearchBackend(params)
    return backend

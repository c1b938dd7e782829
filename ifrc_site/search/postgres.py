"""Wagtail's PostgreSQL search backend, matching words without joining title and body.

The stock backend finds matches with `(title || body) @@ query`: for every index row it builds
a new tsvector, the title's and the body's joined, then matches it. For a common word that is
most of a search's time (at 10,000 stories, 90 of the 145 ms of the news stories' query). A
word is in the joined vector exactly when it is in the title or in the body, so a query of
single words is matched here as `body @@ word OR title @@ word` for each word (all of them for
"and", any for "or"): the same matches, ranked the same way, without the joining; and each
part can use the GIN index of its column.

Phrases, and words PostgreSQL might read as several tokens, keep the stock match: a phrase may
run from the end of the title into the body, which only the joined vector knows.

The site search reads thousands of matches' fields at once (`ranked_rows`). Django joins the
index table to the model's and then ranks, so each match's whole index row (title and body
vectors, the texts) is carried through the join and hashed: at 10,000 stories a common word's
rows took 88 ms to read. Here the matches are found and ranked from the index table alone,
which gives a narrow list of (id, score), and only then joined to what readers may see (the
source queryset): 58 ms, the same rows in the same order. The join is on the model's integer
key, so that the few matches of a rare word look their rows up by it rather than the join
reading every row of the model.

Only imported on PostgreSQL.
"""

import functools
import operator
import unicodedata

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import F, IntegerField, Q
from django.db.models.expressions import CombinedExpression

from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import And, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from .rows import converts_on_read, queryset_rows


def single_token(word):
    """Whether PostgreSQL's parser reads `word` as one token: letters and digits only (marks,
    joiners and punctuation may split it)."""
    return bool(word) and all(unicodedata.category(char)[0] in "LN" for char in word)


class WordwiseQueryCompiler(PostgresSearchQueryCompiler):
    def words(self):
        """The words of a query made only of single words, with its operator; else None."""
        query = self.query
        if self.fields is not None or not isinstance(query, PlainText):
            return None
        words = query.query_string.split()
        if not words or not all(single_token(word) for word in words):
            return None
        return words, query.operator

    def word_matches(self, config, title, body):
        """For a query of single words, the filter `body @@ word OR title @@ word` for each
        word (joined by its operator), given the lookups of the two vectors; else None.

        The body is checked first: most matches of a common word have the word there, and
        the title is then not read. Entries indexed before migration 0010 keep their titles in
        TOAST storage, where each read is a second lookup (at 10,000 stories, counting a
        common word's 9,563 stories took 43 ms title first, 10 ms body first)."""
        found = self.words()
        if found is None:
            return None
        words, operator_name = found
        each = []
        for word in words:
            word_query = self.build_tsquery(PlainText(word), config=config)
            each.append(Q(**{body: word_query}) | Q(**{title: word_query}))
        join = operator.and_ if operator_name == "and" else operator.or_
        return functools.reduce(join, each)

    def ranked_entries(self, config):
        """(object id, score) of each match, from the index table alone, ranked as `search`
        ranks; None where the stock search must run (a query on chosen fields, or of another
        form than words and phrases)."""
        if self.fields is not None or not _words_and_phrases(self.query):
            return None
        vectors = [(F("title"), F("title_norm")), (F("body"), 1.0)]
        rank = self._build_rank_expression(vectors, config)
        entries = IndexEntry.objects.filter(
            content_type_id__in=get_descendants_content_types_pks(self.queryset.model)
        )
        condition = self.word_matches(config, "title", "body")
        if condition is None:
            search_query = self.build_tsquery(self.query, config=config)
            entries = entries.annotate(_vector_=CombinedExpression(F("title"), "||", F("body")))
            condition = Q(_vector_=search_query)
        return entries.filter(condition).annotate(_score_=rank).values_list("object_id", "_score_")

    def search(self, config, start, stop, score_field=None, backend=None):
        condition = self.word_matches(config, "_title_", "_body_")
        if condition is None:
            return super().search(config, start, stop, score_field, backend)
        search_query = self.build_tsquery(self.query, config=config)
        vectors = self.get_search_vectors(search_query)
        rank_expression = self._build_rank_expression(vectors, config)
        queryset = self.queryset.annotate(
            _title_=F("index_entries__title"), _body_=F("index_entries__body")
        ).filter(condition)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


def integer_key(model):
    """Whether the model's primary key is an integer (a page type's is its page's id)."""
    field = model._meta.pk
    while field.is_relation:
        field = field.target_field
    return isinstance(field, IntegerField)  # AutoField and BigAutoField are ones too


def _words_and_phrases(query):
    if isinstance(query, (PlainText, Phrase)):
        return True
    return isinstance(query, And) and all(map(_words_and_phrases, query.subqueries))


class WordwiseSearchBackend(PostgresSearchBackend):
    query_compiler_class = WordwiseQueryCompiler

    def ranked_rows(self, searches, score_field):
        """`rows.ranked_rows` on PostgreSQL: for each search, its matches ranked in the index
        table and then joined to its queryset's rows (see the module's docstring)."""
        return [self._ranked_rows(results, fields, score_field) for results, fields in searches]

    def _ranked_rows(self, results, fields, score_field):
        compiler = results.query_compiler
        entries = compiler.ranked_entries(compiler.get_config(self))
        queryset = compiler.queryset.order_by().values_list(*fields, "pk")
        db = queryset.db
        outer = queryset.query.get_compiler(db)
        try:
            outer_sql, outer_params = outer.as_sql()
        except EmptyResultSet:
            return []
        if entries is None or converts_on_read(outer):
            return queryset_rows(results, score_field, fields)
        inner_sql, inner_params = entries.query.get_compiler(db).as_sql()
        names = ", ".join(f"c{number}" for number in range(len(fields) + 1))
        pk = f"o.c{len(fields)}"
        # An integer key is joined as one, which lets the few matches of a rare word find
        # their rows through the primary key instead of the join reading every row of the
        # model (at 100,000 stories, each page type's whole table at every such search).
        if integer_key(compiler.queryset.model):
            join = f"{pk} = s.object_id::bigint"
        else:
            join = f"s.object_id = {pk}::text"
        start = int(results.start or 0)
        window = f" LIMIT {int(results.stop) - start}" if results.stop is not None else ""
        window += f" OFFSET {start}" if start else ""
        # OFFSET 0 keeps the planner from folding the ranking into the join.
        sql = (
            f"SELECT s._score_, {', '.join(f'o.c{n}' for n in range(len(fields)))} "
            f"FROM ({inner_sql} OFFSET 0) s "
            f"JOIN ({outer_sql}) o({names}) ON {join} "
            f"ORDER BY s._score_ DESC, {pk} DESC{window}"
        )
        with connections[db].cursor() as cursor:
            cursor.execute(sql, (*inner_params, *outer_params))
            return cursor.fetchall()

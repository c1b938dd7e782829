"""Wagtail's PostgreSQL search backend, matching words without joining title and body.

The stock backend finds matches with `(title || body) @@ query`: for every index row it builds
a new tsvector, the title's and the body's joined, then matches it. For a common word that is
most of a search's time (at 10,000 stories, 90 of the 145 ms of the news stories' query). A
word is in the joined vector exactly when it is in the title or in the body, so a query of
single words is matched here as `title @@ word OR body @@ word` for each word (all of them for
"and", any for "or"): the same matches, ranked the same way, without the joining; and each
part can use the GIN index of its column.

Phrases, and words PostgreSQL might read as several tokens, keep the stock match: a phrase may
run from the end of the title into the body, which only the joined vector knows.

Only imported on PostgreSQL.
"""

import functools
import operator
import unicodedata

from django.db.models import F, Q

from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import PlainText


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

    def search(self, config, start, stop, score_field=None, backend=None):
        found = self.words()
        if found is None:
            return super().search(config, start, stop, score_field, backend)
        words, operator_name = found
        search_query = self.build_tsquery(self.query, config=config)
        vectors = self.get_search_vectors(search_query)
        rank_expression = self._build_rank_expression(vectors, config)
        queryset = self.queryset.annotate(
            _title_=F("index_entries__title"), _body_=F("index_entries__body")
        )
        each = []
        for word in words:
            word_query = self.build_tsquery(PlainText(word), config=config)
            each.append(Q(_title_=word_query) | Q(_body_=word_query))
        join = operator.and_ if operator_name == "and" else operator.or_
        queryset = queryset.filter(functools.reduce(join, each))
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


class WordwiseSearchBackend(PostgresSearchBackend):
    query_compiler_class = WordwiseQueryCompiler

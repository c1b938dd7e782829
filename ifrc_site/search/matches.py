"""A search's matches in a compact form, kept between requests.

Finding, ranking and merging the thousands of matches of a common word is most of a search's
cost; the filters, their counts and the page shown are cheap once the matches are known. The
matches of a query depend only on the published content (and on the visitor's language, in
which programme filters are named and a document's language version is chosen), so the engine
keeps them as a fragment of the current content generation (`pagecache.fragment`): shared by
every process, dropped when anything is published, and the next search of the same words with
other filters or on another page finds them.

They are kept as columns of numbers (`array`), one entry per match, best first, pickled as
one compressed block: a common word's 12,000 matches at 10,000 stories take about 100 KB in
the cache (380 KB uncompressed), and a millisecond or two to pack or unpack. What the filters
read of a match is its *profile* (`Hit.profile`), kept once for all the matches that share it.
A `Hit` is made only for the results on the page shown.
"""

import datetime
import pickle
import zlib
from array import array
from collections.abc import Sequence

from django.apps import apps

from .kinds import Hit, kind_by_key

COLUMNS = ("source", "pk", "score", "date", "language", "profile")


class Matches:
    """Every match of a search, best first: where it comes from, its id, score, date, language
    and profile."""

    def __init__(self, hits=(), capped=()):
        sources, profiles, languages = {}, {}, {}
        # Each column in one pass of its own: quicker than appending to six at each match.
        source = [sources.setdefault((hit.kind, hit.model), len(sources)) for hit in hits]
        self.source = array("b", source)
        self.pk = array("q", [hit.pk for hit in hits])
        self.score = array("f", [hit.score for hit in hits])  # read by nothing once in order
        self.date = array("i", [hit.date.toordinal() if hit.date else 0 for hit in hits])
        self.language = array("b", [languages.setdefault(h.language, len(languages)) for h in hits])
        self.profile = array("i", [profiles.setdefault(h.profile, len(profiles)) for h in hits])
        self.sources = tuple((kind.key, model._meta.label) for kind, model in sources)
        self.profiles = tuple(profiles)
        self.languages = tuple(languages)
        self.capped = frozenset(capped)  # keys of the kinds with more matches than were read

    # Never changed once made: each process keeps them as they are between requests
    # (`pagecache.fragment`), not pickled.
    never_changed = True

    def size_in_memory(self):
        columns = sum(len(column) * column.itemsize for column in self._columns())
        return columns + 200 * len(self.profiles) + 1000

    def _columns(self):
        return [getattr(self, name) for name in COLUMNS]

    def __getstate__(self):
        columns = self._columns()
        tables = (self.sources, self.profiles, self.languages, self.capped)
        return zlib.compress(pickle.dumps((columns, tables), pickle.HIGHEST_PROTOCOL), 1)

    def __setstate__(self, state):
        columns, tables = pickle.loads(zlib.decompress(state))
        for name, column in zip(COLUMNS, columns, strict=True):
            setattr(self, name, column)
        self.sources, self.profiles, self.languages, self.capped = tables

    def __len__(self):
        return len(self.pk)

    def hit(self, index):
        """The match at `index` as a Hit, its object not loaded."""
        kind_key, label = self.sources[self.source[index]]
        kind = kind_by_key(kind_key)
        _kind, programmes, countries, languages, _year = self.profiles[self.profile[index]]
        date = self.date[index]
        return Hit(
            kind,
            apps.get_model(label),
            self.pk[index],
            self.score[index],
            date=datetime.date.fromordinal(date) if date else None,
            language=self.languages[self.language[index]],
            countries=countries,
            programmes=programmes,
            languages=languages if isinstance(languages, frozenset) else None,
        )

    def is_page(self, index):
        kind = kind_by_key(self.sources[self.source[index]][0])
        return kind is not None and kind.is_page


class HitList(Sequence):
    """Some of a search's matches (their indexes in `Matches`), as a list of Hits made only for
    the items read: the paginator counts them all and reads one page."""

    def __init__(self, matches, indexes):
        self.matches = matches
        self.indexes = indexes

    def __len__(self):
        return len(self.indexes)

    def __getitem__(self, item):
        if isinstance(item, slice):
            return [self.matches.hit(index) for index in self.indexes[item]]
        return self.matches.hit(self.indexes[item])

    def without(self, keep):
        """The matches whose index in `Matches` passes `keep(index)`."""
        return HitList(self.matches, [index for index in self.indexes if keep(index)])

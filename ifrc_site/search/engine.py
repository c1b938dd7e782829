"""Site search: programme pages, news stories, case studies and documents, with filters.

How a search runs (a fixed number of queries, whatever the number of results):

1. Each source (each programme page type, news stories, case studies, documents) is searched
   with Wagtail's search backend, in every language, for its matches (at most `MAX_MATCHES`)
   with their relevance scores and the few fields the filters read (language, date,
   countries), but not the objects themselves. All sources live in the same index table, so
   the scores of one backend are comparable between them, and the matches are merged by score.
2. The programmes of news stories and documents come in one query each.
3. The merged matches are kept, compactly, until the content next changes (matches.py): a
   search of the same words with other filters or on another page skips steps 1 and 2.
4. Filters are applied, and counted, in Python over the matches' profiles (what the filters
   read of a match; thousands of matches share a few hundred): a filter option's count is the
   number of results it would give combined with the other filters in use.
5. Only the results on the page shown are made into `Hit`s and loaded, in one query per model
   among them (`load`).

The language filter starts at the visitor's language; "all" searches every language.
"""

import operator
import re
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.http import QueryDict
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from django_countries import countries

from ifrc_site.caching.pagecache import fragment
from ifrc_site.listing import country_choices
from ifrc_site.models import programme_content_types
from ifrc_site.taxonomy import REGIONS

from .kinds import facet_values, kind_by_key, kinds
from .matches import HitList, Matches
from .rows import ranked_rows, relevance, rows_with_ids

NO_PROGRAMMES = frozenset()
MAX_MATCHES = 10_000  # best matches taken from each source; the page says when there were more
ALL_LANGUAGES = "all"
YEAR = re.compile(r"^(19|20|21)\d\d$")


def newest_first(hit):
    """A hit's sort key by date (newest highest); undated ones last."""
    return hit.date.toordinal() if hit.date else 0


# Filters ---------------------------------------------------------------------------------


@dataclass
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False


@dataclass
class Facet:
    """A filter with the number of results each of its options would give."""

    name: str
    label: str
    all_label: str
    options: list = field(default_factory=list)
    all_count: int = 0
    selected: str = ""

    @property
    def selected_label(self):
        for option in self.options:
            if option.value == self.selected:
                return option.label
        return self.all_label if self.selected == ALL_LANGUAGES else self.selected


FACETS = [
    ("type", _("Type"), _("All types")),
    ("programme", _("Programme"), _("All programmes")),
    ("country", _("Country"), _("All countries")),
    ("region", _("Region"), _("All regions")),
    ("language", _("Language"), _("All languages")),
    ("year", _("Year"), _("All years")),
]
FACET_LABELS = {name: label for name, label, _all in FACETS}


# The search ------------------------------------------------------------------------------


class Search:
    """One visitor's search: terms, filters from the query string, results and counts."""

    def __init__(self, request, terms, params):
        self.request = request
        self.terms = terms
        self.language = translation.get_language() or settings.LANGUAGE_CODE
        self.backend = get_search_backend()
        self.ignored = []  # labels of filters whose value we could not use
        self.selected = self.read_filters(params)

    # Filters from the query string ---------------------------------------------------------

    @cached_property
    def programme_pages(self):
        """Every programme page: pk -> (translation key, slug, title, language code)."""
        pages = Page.objects.filter(content_type__in=programme_content_types()).values_list(
            "pk", "translation_key", "slug", "title", "locale__language_code"
        )
        return {pk: (str(key), slug, title, language) for pk, key, slug, title, language in pages}

    @cached_property
    def programme_choices(self):
        """Translation key -> (slug, title), in the visitor's language where there is one."""
        choices = {}
        for key, slug, title, language in self.programme_pages.values():
            if key not in choices or language == self.language:
                choices[key] = (slug, title)
        return choices

    @cached_property
    def _programme_slug_sets(self):
        """Thousands of matches share a handful of programme sets: each is worked out once."""
        return {}

    def programme_slugs(self, *pks):
        """The slugs, in the visitor's language, of the programme pages with these ids."""
        known = self._programme_slug_sets
        if pks not in known:
            pages, choices = self.programme_pages, self.programme_choices
            known[pks] = frozenset(choices[pages[pk][0]][0] for pk in pks if pk in pages)
        return known[pks]

    def read_filters(self, params):
        selected = {}
        slugs = {slug for slug, _title in self.programme_choices.values()}
        checks = {
            "type": lambda value: value if kind_by_key(value) else None,
            "programme": lambda value: value if value in slugs else None,
            "country": lambda value: value.upper() if value.upper() in countries else None,
            "region": lambda value: value if value in dict(REGIONS) else None,
            "language": lambda value: (
                value if value in dict(settings.LANGUAGES) or value == ALL_LANGUAGES else None
            ),
            "year": lambda value: value if YEAR.match(value) else None,
        }
        for name, check in checks.items():
            value = (params.get(name) or "").strip()
            if not value:
                continue
            checked = check(value[:20])
            if checked is None:
                self.ignored.append(FACET_LABELS[name])
            else:
                selected[name] = checked
        selected.setdefault("language", self.language)
        return selected

    # Searching -------------------------------------------------------------------------------

    @cached_property
    def sources(self):
        """(kind, queryset) of each source: what readers may find of each model."""
        return [(kind, queryset) for kind in kinds() for queryset in kind.sources(self.request)]

    @cached_property
    def querysets(self):
        """Each source's queryset, by model."""
        return {queryset.model: queryset for _kind, queryset in self.sources}

    @cached_property
    def matches(self):
        """Every match of every source (up to MAX_MATCHES each), merged, best first: found
        once per content generation for these words in this language (see matches.py)."""
        if not self.terms:
            return Matches()
        terms = self.terms
        key = ("search", terms.words, terms.phrases, self.language, self.preferred_language)
        return fragment((*key, MAX_MATCHES), self.find)

    def find(self):
        """Search every source, and merge and rank what they find (`matches`)."""
        query = self.terms.query()
        capped = set()
        searches = []
        for kind, queryset in self.sources:
            results = queryset.search(query, order_by_relevance=True).annotate_score("_score")
            searches.append((results[: MAX_MATCHES + 1], kind.fields))
        found = []
        for (kind, queryset), rows in zip(
            self.sources, ranked_rows(searches, "_score"), strict=True
        ):
            model = queryset.model
            if len(rows) > MAX_MATCHES:
                capped.add(kind.key)
                rows = rows[:MAX_MATCHES]
            found.append((kind, model, rows))
        self.load_programmes(found)
        backend, per_kind = self.backend, {}
        for kind, model, rows in found:
            hit = kind.hit
            per_kind.setdefault(kind, []).extend(
                [hit(model, row[1:], relevance(backend, row[0]), self) for row in rows]
            )
        hits = [hit for kind, kind_hits in per_kind.items() for hit in kind.merge(kind_hits, self)]
        # Best first; among equal scores the newest first (two stable sorts).
        hits.sort(key=newest_first, reverse=True)
        hits.sort(key=operator.attrgetter("score"), reverse=True)
        return Matches(hits, capped)

    def load_programmes(self, found):
        """The programmes of news stories and documents, as the slugs of `programmes_of`: one
        query for each model."""
        self._programmes = {}
        for _kind, model, rows in found:
            field = getattr(model, "programmes", None)
            if not rows or field is None or not hasattr(field, "through"):
                continue
            through = field.through
            own = next(
                f.attname
                for f in through._meta.get_fields()
                if f.is_relation and f.related_model is model
            )
            pages = {}
            links = rows_with_ids(through, own, [row[1] for row in rows], "page_id")
            for obj_pk, page_pk in links:
                pages.setdefault(obj_pk, []).append(page_pk)
            slugs = self.programme_slugs
            self._programmes[model] = {pk: slugs(*sorted(pks)) for pk, pks in pages.items()}

    def programmes_of(self, model, pk):
        """The slugs, in the visitor's language, of the programmes of a news story or
        document found by this search."""
        return self._programmes.get(model, {}).get(pk, NO_PROGRAMMES)

    def load(self, hits):
        """Fill in `obj` of these hits (the page shown): one query per model among them."""
        wanted = {}
        for hit in hits:
            if hit.obj is None:
                wanted.setdefault(hit.model, []).append(hit)
        for model, model_hits in wanted.items():
            objects = self.querysets[model].in_bulk([hit.pk for hit in model_hits])
            for hit in model_hits:
                hit.obj = objects.get(hit.pk)
        hits = [hit for hit in hits if hit.obj is not None]
        per_kind = {}
        for hit in hits:
            per_kind.setdefault(hit.kind, []).append(hit)
        for kind, kind_hits in per_kind.items():
            kind.loaded(kind_hits)
        return hits

    # Filtering and counting ----------------------------------------------------------------

    @property
    def preferred_language(self):
        """The language in which an item found in several is shown: the one filtered by,
        else the visitor's."""
        language = self.selected.get("language")
        return self.language if language in (None, ALL_LANGUAGES) else language

    @cached_property
    def filters_in_use(self):
        """(name, value) of the filters that narrow the results."""
        return [
            (name, value)
            for name, value in self.selected.items()
            if not (name == "language" and value == ALL_LANGUAGES)
        ]

    def failed(self, profile):
        """The names of the filters in use that results of this profile do not pass."""
        values = facet_values(profile)
        return {name for name, value in self.filters_in_use if value not in values[name]}

    @cached_property
    def _tallies(self):
        """The results, and for each filter its pool size and counts.

        A filter's counts are over the matches that pass every other filter in use. Matches
        that share a profile (`Hit.profile`) pass the same filters and add to the same counts,
        so each profile is checked and counted once, with its number of matches.
        """
        matches = self.matches
        passing = set()
        pools = dict.fromkeys(FACET_LABELS, 0)
        counts = {name: {} for name in FACET_LABELS}
        for index, size in Counter(matches.profile).items():
            profile = matches.profiles[index]
            failed = self.failed(profile)
            if not failed:
                passing.add(index)
                names = FACET_LABELS
            elif len(failed) == 1:
                names = failed  # counts only for the one filter it fails
            else:
                continue
            values = facet_values(profile)
            for name in names:
                pools[name] += size
                tally = counts[name]
                for value in values[name]:
                    tally[value] = tally.get(value, 0) + size
        if len(passing) == len(matches.profiles):
            indexes = range(len(matches))
        else:
            indexes = [index for index, profile in enumerate(matches.profile) if profile in passing]
        return HitList(matches, indexes), pools, counts

    @cached_property
    def results(self):
        return self._tallies[0]

    @cached_property
    def facets(self):
        _results, pools, all_counts = self._tallies
        facets = []
        for name, label, all_label in FACETS:
            counts = all_counts[name]
            selected = self.selected.get(name, "")
            options = [
                Option(value, label, counts.get(value, 0), value == selected)
                for value, label in self.labels(name, counts)
                if counts.get(value) or value == selected
            ]
            facets.append(Facet(name, label, all_label, options, pools[name], selected))
        return facets

    def labels(self, name, counts):
        """(value, label) for the options of a filter, in the order they are shown."""
        if name == "type":
            return [(kind.key, kind.plural) for kind in kinds()]
        if name == "programme":
            return sorted(self.programme_choices.values(), key=lambda pair: str(pair[1]))
        if name == "country":
            codes = set(counts) | {self.selected.get("country", "")} - {""}
            return [(code, label) for code, label in country_choices() if code in codes]
        if name == "region":
            return [(value, label) for value, label in REGIONS]
        if name == "language":
            return [(code, label) for code, label in settings.LANGUAGES]
        if name == "year":
            years = set(counts) | {self.selected.get("year", "")} - {""}
            return [(year, year) for year in sorted(years, reverse=True)]
        return []

    # What the page shows -------------------------------------------------------------------

    @property
    def searches_all_languages(self):
        return self.selected.get("language") == ALL_LANGUAGES

    @property
    def narrowed(self):
        """Filters in use other than the language."""
        return any(name != "language" for name in self.selected)

    def state(self, **changes):
        """The query string of this search with some filters changed (None removes one)."""
        values = {"q": self.terms.text, **self.selected, **changes}
        if values.get("language") == self.language:
            del values["language"]
        query = QueryDict(mutable=True)
        for name, value in values.items():
            if value:
                query[name] = value
        return query.urlencode()

    @cached_property
    def active_filters(self):
        """(label, value label, query string without this filter) for each filter in use."""
        active = []
        for facet in self.facets:
            value = self.selected.get(facet.name)
            if not value or (facet.name == "language" and value == self.language):
                continue
            active.append((facet.label, facet.selected_label, self.state(**{facet.name: None})))
        return active

    @property
    def cleared(self):
        """The query string of this search without any filter."""
        return self.state(**dict.fromkeys(self.selected))

    @property
    def all_languages_state(self):
        return self.state(language=ALL_LANGUAGES)

    @property
    def other_languages_count(self):
        """Results the other filters would give in languages other than the one searched."""
        if self.searches_all_languages:
            return 0
        facet = next(facet for facet in self.facets if facet.name == "language")
        selected = sum(option.count for option in facet.options if option.selected)
        return facet.all_count - selected

    @property
    def candidates_per_kind(self):
        return MAX_MATCHES

    @property
    def capped_kinds(self):
        return [kind for kind in kinds() if kind.key in self.matches.capped]

"""Site search: programme pages, news stories, case studies and documents, with filters.

How a search runs (a fixed number of queries, whatever the number of results):

1. Each source (each programme page type, news stories, case studies, documents) counts its
   matches by profile (what the filters read of a match: type, programmes, countries,
   language, year; thousands of matches share a few hundred) in one grouped query, through
   the search backend's index and without ranking any match (`Kind.profiles`).
2. Filters are applied, and counted, in Python over those profiles: a filter option's count
   is the number of results it would give combined with the other filters in use.
3. For the page shown, each source ranks its matches that pass the filters in the database
   and reads the best few (`Kind.best`); they are merged by score, which all sources share
   since they live in the same index table.
4. Only the results on the page shown are loaded, in one query per model (`load`).

Documents are merged by resource (a document's language versions are one result), in Python:
their source reads each match's profile, and ranks the versions of the resources that pass.

The language filter starts at the visitor's language; "all" searches every one.
"""

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

from ifrc_site.models import programme_content_types
from ifrc_site.taxonomy import REGIONS

from .kinds import facet_values, kind_by_key, kinds

ALL_LANGUAGES = "all"
YEAR = re.compile(r"^(19|20|21)\d\d$")


def newest_first(hit):
    """A hit's sort key by date (newest highest); undated ones last."""
    return hit.date.toordinal() if hit.date else 0


class Results:
    """The results that pass the filters, best first, as a sequence a paginator can page
    through: its length comes from the counts, and a slice reads only the best results up to
    its end from each source."""

    def __init__(self, search):
        self.search = search

    def __len__(self):
        return self.search.total

    def __getitem__(self, index):
        if isinstance(index, slice):
            if index.step not in (None, 1) or (index.start or 0) < 0:
                raise ValueError("Search results take plain slices only")
            stop = len(self) if index.stop is None else min(index.stop, len(self))
            return self.search.best(stop)[index.start or 0 : stop]
        return self[index : index + 1][0]

    def __iter__(self):
        return iter(self[0 : len(self)])


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
    def query(self):
        return self.terms.query() if self.terms else None

    @cached_property
    def memo(self):
        """What a kind reads once per search (see `DocumentKind.found`)."""
        return {}

    @cached_property
    def sources(self):
        """`(kind, queryset)` of every source searched, in the order results tie."""
        if self.query is None:
            return []
        return [(kind, queryset) for kind in kinds() for queryset in kind.sources(self.request)]

    @cached_property
    def _querysets(self):
        return {queryset.model: queryset for _kind, queryset in self.sources}

    @cached_property
    def programme_pks(self):
        """The ids of the programme pages, in every language, of a programme's slug."""
        pages, choices = self.programme_pages, self.programme_choices
        by_slug = {}
        for pk, (key, *_rest) in pages.items():
            by_slug.setdefault(choices[key][0], []).append(pk)
        return lambda slug: by_slug.get(slug, [])

    @property
    def excluded_pages(self):
        """Pages not to list among the results (the search page lists its promoted ones
        above them); none here."""
        return ()

    def best(self, stop):
        """The best `stop` results that pass the filters, best first; among equal scores the
        newest first, then by source and the highest id (the order each source reads in)."""
        wanted = self.selected.get("type")
        found_in = self._tallies[4]
        hits = []
        for position, (kind, queryset) in enumerate(self.sources):
            if (wanted and kind.key != wanted) or not found_in[position]:
                continue
            for hit in kind.best(queryset, self, min(stop, found_in[position])):
                hits.append(((hit.score, newest_first(hit), -position, hit.pk), hit))
        hits.sort(key=lambda pair: pair[0], reverse=True)
        return [hit for _key, hit in hits[:stop]]

    def load(self, hits):
        """Fill in `obj` of these hits (the page shown): one query per model among them."""
        wanted = {}
        for hit in hits:
            if hit.obj is None:
                wanted.setdefault(hit.model, []).append(hit)
        for model, model_hits in wanted.items():
            objects = self._querysets[model].in_bulk([hit.pk for hit in model_hits])
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
        """The profiles that pass the filters, the number of results, for each filter its pool
        size and counts, and the number of results of each source.

        A filter's counts are over the matches that pass every other filter in use. Results
        that share a profile (see `Hit`) pass the same filters and add to the same counts, so
        each profile is checked and counted once, with its number of results.
        """
        sizes, of_source = Counter(), []
        for kind, queryset in self.sources:
            source = Counter()
            for profile, size in kind.profiles(queryset, self):
                source[profile] += size
            sizes.update(source)
            of_source.append(source)
        passing, total = set(), 0
        pools = dict.fromkeys(FACET_LABELS, 0)
        counts = {name: {} for name in FACET_LABELS}
        for profile, size in sizes.items():
            failed = self.failed(profile)
            if not failed:
                passing.add(profile)
                total += size
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
        # How many results each source has: a source with none is not asked for its best.
        found_in = [
            sum(size for profile, size in source.items() if profile in passing)
            for source in of_source
        ]
        return passing, total, pools, counts, found_in

    @property
    def passing(self):
        """The profiles of the results that pass every filter in use."""
        return self._tallies[0]

    @property
    def total(self):
        """The number of results that pass every filter in use."""
        return self._tallies[1]

    @cached_property
    def results(self):
        return Results(self)

    @cached_property
    def facets(self):
        _passing, _total, pools, all_counts, _found_in = self._tallies
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
            return sorted(((code, countries.name(code)) for code in codes), key=lambda p: p[1])
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

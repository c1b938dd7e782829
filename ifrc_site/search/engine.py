"""Site search: programme pages, news stories, case studies and documents, with filters.

How a search runs (a fixed number of queries, whatever the number of results):

1. Each source (each programme page type, news stories, case studies, documents) is searched
   with Wagtail's search backend, in every language, for at most `CANDIDATES` best matches with
   their relevance scores. All sources live in the same index table, so the scores of one
   backend are comparable between them, and the results are merged by score.
2. What the filters need (programmes, countries, language, year) comes with the results, plus
   one query each for the programmes of news stories and documents.
3. Filters are applied, and counted, in Python over these candidates: a filter option's count is
   the number of results it would give combined with the other filters in use.

The language filter starts at the visitor's language; "all" searches every language.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.models import CollectionViewRestriction, Page
from wagtail.search.backends import get_search_backend

from django_countries import countries

from ifrc_site.models import programme_content_types, programme_page_models
from ifrc_site.queries import public
from ifrc_site.taxonomy import REGIONS, region_of

from .backend import relevance

CANDIDATES = 300  # best matches taken from each source
ALL_LANGUAGES = "all"
YEAR = re.compile(r"^(19|20|21)\d\d$")


# Sources ---------------------------------------------------------------------------------


@dataclass
class Hit:
    """One search result with what the filters need to know about it."""

    kind: "Kind"
    obj: object
    score: float
    date: object
    language: str
    countries: frozenset = frozenset()
    programmes: frozenset = frozenset()  # slugs of programme pages, in the visitor's language

    def values(self, facet):
        """The values this result has for a filter."""
        if facet == "type":
            return {self.kind.key}
        if facet == "programme":
            return self.programmes
        if facet == "country":
            return self.countries
        if facet == "region":
            return {region_of(code) for code in self.countries} - {""}
        if facet == "language":
            return {self.language}
        if facet == "year":
            return {str(self.date.year)} if self.date else set()
        return set()

    @property
    def is_page(self):
        return isinstance(self.obj, Page)

    @property
    def summary(self):
        obj = self.obj
        return (
            getattr(obj, "card_summary", "")
            or getattr(obj, "summary", "")
            or getattr(obj, "strapline", "")
        )


class Kind:
    """A kind of result: how to find it and what to read from it."""

    key = ""
    label = ""
    plural = ""

    def sources(self, request):
        """Querysets to search, one per model."""
        raise NotImplementedError

    def hit(self, obj, score, engine):
        raise NotImplementedError


class PageKind(Kind):
    related = ("locale",)
    deferred = ("body",)

    def models(self):
        raise NotImplementedError

    def sources(self, request):
        return [
            public(model.objects.live(), request)
            .select_related(*self.related)
            .defer(*self.deferred)
            for model in self.models()
        ]

    def language(self, page):
        return page.locale.language_code


class ProgrammeKind(PageKind):
    key = "programme"
    label = _("Programme")
    plural = _("Programmes")

    def models(self):
        return programme_page_models()

    def hit(self, page, score, engine):
        published = page.last_published_at or page.first_published_at
        if published:
            published = timezone.localtime(published)
        return Hit(
            self,
            page,
            score,
            date=published.date() if published else None,
            language=self.language(page),
            programmes=engine.programme_slugs(page.pk),
        )


class NewsKind(PageKind):
    key = "news"
    label = _("News story")
    plural = _("News")

    def models(self):
        from news.models import NewsStoryPage

        return [NewsStoryPage]

    def hit(self, page, score, engine):
        return Hit(
            self,
            page,
            score,
            date=page.date,
            language=self.language(page),
            countries=frozenset(country.code for country in page.countries),
            programmes=engine.programmes_of(page),
        )


class CaseStudyKind(PageKind):
    key = "case_study"
    label = _("Case study")
    plural = _("Case studies")
    related = ("locale", "national_society")

    def models(self):
        from resources.models import CaseStudyPage

        return [CaseStudyPage]

    def hit(self, page, score, engine):
        return Hit(
            self,
            page,
            score,
            date=page.date,
            language=self.language(page),
            countries=frozenset([page.country.code]) if page.country else frozenset(),
            programmes=engine.programme_slugs(page.programme_id),
        )


class DocumentKind(Kind):
    key = "document"
    label = _("Document")
    plural = _("Documents")

    def sources(self, request):
        from resources.models import Resource

        # Documents of collections with a view restriction stay out, as in Wagtail's own search.
        restricted = CollectionViewRestriction.objects.values("collection_id")
        return [Resource.objects.exclude(collection__in=restricted).defer("extracted_text")]

    def hit(self, document, score, engine):
        return Hit(
            self,
            document,
            score,
            date=document.date,
            language=document.language,
            countries=frozenset(country.code for country in document.countries),
            programmes=engine.programmes_of(document),
        )


KINDS = [ProgrammeKind(), NewsKind(), CaseStudyKind(), DocumentKind()]
KINDS_BY_KEY = {kind.key: kind for kind in KINDS}


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

    def programme_slugs(self, *pks):
        """The slugs, in the visitor's language, of the programme pages with these ids."""
        keys = (self.programme_pages[pk][0] for pk in pks if pk in self.programme_pages)
        return frozenset(self.programme_choices[key][0] for key in keys)

    def read_filters(self, params):
        selected = {}
        slugs = {slug for slug, _title in self.programme_choices.values()}
        checks = {
            "type": lambda value: value if value in KINDS_BY_KEY else None,
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
    def candidates(self):
        """The best matches of every source, merged, best first."""
        if not self.terms:
            return []
        query = self.terms.query()
        self.capped = set()
        found = []
        for kind in KINDS:
            for queryset in kind.sources(self.request):
                results = list(
                    queryset.search(query, order_by_relevance=True).annotate_score("_score")[
                        : CANDIDATES + 1
                    ]
                )
                if len(results) > CANDIDATES:
                    self.capped.add(kind.key)
                    results = results[:CANDIDATES]
                found.append((kind, results))
        self.load_programmes(found)
        hits = [
            kind.hit(obj, relevance(self.backend, obj._score), self)
            for kind, results in found
            for obj in results
        ]
        hits.sort(key=lambda hit: (-hit.score, -(hit.date.toordinal() if hit.date else 0)))
        return hits

    def load_programmes(self, found):
        """The programmes of news stories and documents: one query for each model."""
        self._programmes = {}
        for _kind, results in found:
            if not results:
                continue
            model = type(results[0])
            field = getattr(model, "programmes", None)
            if field is None or not hasattr(field, "through"):
                continue
            through = field.through
            own = next(
                f.attname
                for f in through._meta.get_fields()
                if f.is_relation and f.related_model is model
            )
            links = through.objects.filter(**{f"{own}__in": [obj.pk for obj in results]})
            for obj_pk, page_pk in links.values_list(own, "page_id"):
                self._programmes.setdefault((model, obj_pk), set()).add(page_pk)

    def programmes_of(self, obj):
        return self.programme_slugs(*self._programmes.get((type(obj), obj.pk), ()))

    # Filtering and counting ----------------------------------------------------------------

    def matches(self, hit, skip=None):
        for name, value in self.selected.items():
            if name == skip or (name == "language" and value == ALL_LANGUAGES):
                continue
            if value not in hit.values(name):
                return False
        return True

    @cached_property
    def results(self):
        return [hit for hit in self.candidates if self.matches(hit)]

    @cached_property
    def facets(self):
        facets = []
        for name, label, all_label in FACETS:
            pool = [hit for hit in self.candidates if self.matches(hit, skip=name)]
            counts = {}
            for hit in pool:
                for value in hit.values(name):
                    counts[value] = counts.get(value, 0) + 1
            selected = self.selected.get(name, "")
            options = [
                Option(value, label, counts.get(value, 0), value == selected)
                for value, label in self.labels(name, counts)
                if counts.get(value) or value == selected
            ]
            facets.append(Facet(name, label, all_label, options, len(pool), selected))
        return facets

    def labels(self, name, counts):
        """(value, label) for the options of a filter, in the order they are shown."""
        if name == "type":
            return [(kind.key, kind.plural) for kind in KINDS]
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
        from django.http import QueryDict

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

    candidates_per_kind = CANDIDATES

    @property
    def capped_kinds(self):
        self.candidates  # noqa: B018 (runs the search)
        return [kind for kind in KINDS if kind.key in getattr(self, "capped", ())]

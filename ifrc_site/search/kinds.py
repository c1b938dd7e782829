"""The kinds of search result: where each is found, and which of its fields the filters read.

Programme pages belong to the foundation; each content app registers its own kinds (news
stories; case studies and documents) in its `ready()`. The type filter lists them in the
order they were registered.
"""

import functools
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ifrc_site.models import programme_page_models
from ifrc_site.queries import public
from ifrc_site.taxonomy import region_of


@dataclass(slots=True)  # thousands are made for each search: slots make them quicker to make
class Hit:
    """One search result with what the filters need to know about it; `obj` once loaded."""

    kind: "Kind"
    model: type
    pk: object
    score: float
    date: object
    language: str
    countries: frozenset = frozenset()
    programmes: frozenset = frozenset()  # slugs of programme pages, in the visitor's language
    # Results that are one item in several languages (a document's language versions) are
    # merged into one (Kind.merge): its group, and every language it is in.
    group: object = None
    languages: frozenset = None
    obj: object = None

    @property
    def profile(self):
        """What the filters read of this result, as one hashable value: thousands of results
        share a few hundred profiles, so the search filters and counts each profile once."""
        year = str(self.date.year) if self.date else ""
        languages = self.languages or self.language
        return (self.kind.key, self.programmes, self.countries, languages, year)

    @property
    def is_page(self):
        return self.kind.is_page

    @property
    def summary(self):
        obj = self.obj
        return (
            getattr(obj, "card_summary", "")
            or getattr(obj, "summary", "")
            or getattr(obj, "strapline", "")
        )


@functools.cache
def one(value):
    """A set of one value, made once: thousands of results share it."""
    return frozenset([value])


@functools.lru_cache(maxsize=4096)
def facet_values(profile):
    """Each filter's values for a result's `profile` (see `Hit.profile`)."""
    kind, programmes, countries, languages, year = profile
    return {
        "type": one(kind),
        "programme": programmes,
        "country": countries,
        "region": regions_of(countries),
        "language": languages if isinstance(languages, frozenset) else one(languages),
        "year": one(year) if year else frozenset(),
    }


@functools.cache
def regions_of(codes):
    """The regions of a set of country codes."""
    return frozenset(region_of(code) for code in codes) - {""}


@functools.cache
def country_codes(value):
    """The codes of a country field's database value: "KE,SO", "KE", "" or None."""
    return frozenset(code for code in (value or "").split(",") if code)


class Kind:
    """A kind of result: where to find it, and which of its fields the filters read."""

    key = ""
    label = ""
    plural = ""
    is_page = False
    fields = ("pk",)  # read with each match, in this order, for `hit`

    def sources(self, request):
        """Querysets to search, one per model."""
        raise NotImplementedError

    def hit(self, model, row, score, engine):
        """A Hit from a match's `fields`."""
        raise NotImplementedError

    def merge(self, hits, engine):
        """This kind's hits as the search lists them: by default each on its own; a kind
        whose items come in several languages may merge those of one item into one."""
        return hits

    def loaded(self, hits):
        """Called with the hits of the page shown once their objects are loaded, to add what
        their template needs (a fixed number of queries)."""


class PageKind(Kind):
    is_page = True
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


class ProgrammeKind(PageKind):
    key = "programme"
    label = _("Programme")
    plural = _("Programmes")
    fields = ("pk", "locale__language_code", "last_published_at", "first_published_at")

    def models(self):
        return programme_page_models()

    def hit(self, model, row, score, engine):
        pk, language, last_published, first_published = row
        published = last_published or first_published
        if published:
            published = timezone.localtime(published)
        return Hit(
            self,
            model,
            pk,
            score,
            date=published.date() if published else None,
            language=language,
            programmes=engine.programme_slugs(pk),
        )


_kinds = {}


def register_kind(kind):
    """Search `kind` too. A kind registered again under the same key replaces the first."""
    _kinds[kind.key] = kind
    return kind


def kinds():
    """Every registered kind, in the order registered."""
    return list(_kinds.values())


def kind_by_key(key):
    return _kinds.get(key)


register_kind(ProgrammeKind())

"""The kinds of search result: where each is found, how its matches are counted by filter, and
how the best of them are read.

Programme pages belong to the foundation; each content app registers its own kinds (news
stories; case studies and documents) in its `ready()`. The type filter lists them in the
order they were registered.
"""

import functools
from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Value
from django.db.models.functions import Coalesce, ExtractYear, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ifrc_site.models import programme_page_models
from ifrc_site.queries import public
from ifrc_site.taxonomy import countries_in, region_of

from .rows import best_rows, id_set, joined_ids, matching, plain_rows, relevance


@dataclass(slots=True)
class Hit:
    """One search result of the page shown: its score, date and language; `obj` once loaded.

    What the filters read of a result is its profile, `(kind key, programme slugs, country
    codes, language or languages, year)`: thousands of results share a few hundred profiles,
    so the search filters and counts each profile once (`Kind.profiles`).
    """

    kind: "Kind"
    model: type
    pk: object
    score: float
    date: object
    language: str
    # A result that is one item in several languages (a document's language versions): every
    # language it is in.
    languages: frozenset = None
    obj: object = None

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
    """Each filter's values for a result's profile (see `Hit`)."""
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
    """A kind of result: where to find it, how its matches are counted by filter and which of
    its fields a result shown reads."""

    key = ""
    label = ""
    plural = ""
    is_page = False
    fields = ("pk",)  # read with each result shown, in this order, for `hit`

    def sources(self, request):
        """Querysets to search, one per model."""
        raise NotImplementedError

    def profiles(self, queryset, search):
        """`(profile, number of results)` for the matches of `search` among `queryset`: what
        the filters read of them (see `Hit`), grouped."""
        raise NotImplementedError

    def best(self, queryset, search, limit):
        """The hits among `queryset` that pass the filters in use, best first: at least the
        best `limit` of them (more where the backend ranks them all)."""
        raise NotImplementedError

    def hit(self, model, row, score, engine):
        """A Hit from a result's `fields`."""
        raise NotImplementedError

    def loaded(self, hits):
        """Called with the hits of the page shown once their objects are loaded, to add what
        their template needs (a fixed number of queries)."""


class PageKind(Kind):
    """Pages: counted by grouped queries and ranked, filtered and paged in the database.

    A page kind says which fields hold what the filters read: `date` (a field name or an
    expression giving a date), `country` (a single country field, or None), and `programme`
    ("pk" for the programme pages themselves, a foreign key's column, or a many-to-many field).
    """

    is_page = True
    related = ("locale",)
    deferred = ("body",)
    date = "date"
    country = None
    programme = None

    def models(self):
        raise NotImplementedError

    def sources(self, request):
        return [
            public(model.objects.live(), request)
            .select_related(*self.related)
            .defer(*self.deferred)
            for model in self.models()
        ]

    def programme_field(self, model):
        return model._meta.get_field(self.programme)

    def programme_column(self, model):
        """The ids of an item's programme pages, as one value to group by."""
        if self.programme != "pk" and self.programme_field(model).many_to_many:
            return joined_ids(model, self.programme)
        return F(self.programme)

    def profiles(self, queryset, search):
        date = F(self.date) if isinstance(self.date, str) else self.date
        columns = {
            "_language_": F("locale__language_code"),
            "_year_": ExtractYear(date),
            "_country_": F(self.country) if self.country else Value(""),
            "_programmes_": self.programme_column(queryset.model),
        }
        rows = (
            matching(queryset, search.query)
            .annotate(**columns)
            .values_list(*columns)
            .annotate(_n_=Count("pk"))
        )
        key, slugs = self.key, search.programme_slugs
        for language, year, country, programmes, size in plain_rows(rows):
            pks = id_set(programmes) if isinstance(programmes, str) else (programmes,)
            yield (
                (key, slugs(*pks), country_codes(country), language, str(year or "")),
                size,
            )

    def narrow(self, queryset, search):
        """`queryset` less the items that fail a filter in use (the type filter aside): the
        rule of `Search.failed`, in SQL."""
        for name, value in search.filters_in_use:
            if name == "language":
                queryset = queryset.filter(locale__language_code=value)
            elif name == "year":
                if isinstance(self.date, str):
                    queryset = queryset.filter(**{f"{self.date}__year": int(value)})
                else:
                    queryset = queryset.annotate(_year_=ExtractYear(self.date))
                    queryset = queryset.filter(_year_=int(value))
            elif name in ("country", "region"):
                if not self.country:
                    return queryset.none()
                codes = [value] if name == "country" else countries_in(value)
                queryset = queryset.filter(**{f"{self.country}__in": codes})
            elif name == "programme":
                pks = search.programme_pks(value)
                field = None if self.programme == "pk" else self.programme_field(queryset.model)
                if field is None:
                    queryset = queryset.filter(pk__in=pks)
                elif field.many_to_many:
                    through = field.remote_field.through.objects
                    links = through.filter(
                        **{
                            field.m2m_field_name(): OuterRef("pk"),
                            f"{field.m2m_reverse_field_name()}__in": pks,
                        }
                    )
                    queryset = queryset.filter(Exists(links))
                else:
                    queryset = queryset.filter(**{f"{field.attname}__in": pks})
        return queryset

    def best(self, queryset, search, limit):
        excluded = search.excluded_pages

        def narrow(matches):
            matches = self.narrow(matches, search)
            return matches.exclude(pk__in=excluded) if excluded else matches

        rows = best_rows(
            queryset,
            search.query,
            self.fields,
            narrow=narrow,
            newest=self.date,
            limit=limit,
        )
        hit, model, backend = self.hit, queryset.model, search.backend
        return [hit(model, row[1:], relevance(backend, row[0]), search) for row in rows]


class ProgrammeKind(PageKind):
    key = "programme"
    label = _("Programme")
    plural = _("Programmes")
    fields = ("pk", "locale__language_code", "last_published_at", "first_published_at")
    # The day it was last published, in the site's time zone.
    date = TruncDate(Coalesce("last_published_at", "first_published_at"))
    programme = "pk"

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

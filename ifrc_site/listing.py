"""What the news, resource and case study listings share: filters from the query string,
shown as a plain GET form, and pagination that answers any `?page=` gracefully."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import translation
from django.utils.choices import BaseChoiceIterator
from django.utils.functional import cached_property
from django.utils.html import conditional_escape
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

import django_filters
from django_countries import countries

from .caching.pagecache import fragment
from .models import programme_pages_in
from .taxonomy import REGIONS, countries_in
from .widgets import PlainSelect

PAGE_SIZE = 12
MAX_PAGES = 50  # pages of a listing: the newest 600 items; filters reach the others
DEEP_OFFSET = 5 * PAGE_SIZE  # from here on a page's items are found by their ids first


class BoundedPaginator(Paginator):
    """Pages through the first `max_pages` pages of a list, and no further.

    A page deep in a long listing cost a scan of every item before it (the database's
    `OFFSET` walks them all): the last of 800 pages of news took twice the server time of the
    first. Nobody reads page 800; a reader looking for an older story narrows the list by
    year, country or programme, and the last page says so (`truncated`). Counting stops at
    the bound, too: `COUNT(*)` over a limited subquery.
    """

    def __init__(self, object_list, per_page, max_pages, count_key=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.max_pages = max_pages
        self.count_key = count_key

    @cached_property
    def _bounded_count(self):
        """(number of items paged through, whether the list goes on beyond them); counted
        once per content generation for a list that `count_key` names."""
        if self.count_key is None:
            return self._count_items()
        key = ("listing-count", *self.count_key, self.per_page, self.max_pages)
        return tuple(fragment(key, self._count_items))

    def _count_items(self):
        limit = self.max_pages * self.per_page
        items = self.object_list
        if isinstance(items, QuerySet):
            # COUNT(*) over the first limit + 1 rows, in no order (the order cost a scan).
            counted = items.order_by()[: limit + 1].count()
        else:
            counted = len(items[: limit + 1])
        return min(counted, limit), counted > limit

    @cached_property
    def count(self):
        return self._bounded_count[0]

    def page(self, number):
        """A page further in is found by the ids alone (the database steps over the earlier
        items in the index, without reading their rows and joins), then loaded by id."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        items = self.object_list
        if bottom < DEEP_OFFSET or not isinstance(items, QuerySet):
            return super().page(number)
        top = min(bottom + self.per_page, self.count)
        ids = list(items.prefetch_related(None).values_list("pk", flat=True)[bottom:top])
        found = items.order_by().in_bulk(ids)
        return self._get_page([found[pk] for pk in ids if pk in found], number, self)

    @property
    def truncated(self):
        return self._bounded_count[1]


def paginate(request, items, per_page=PAGE_SIZE, bounded=True, count_key=None):
    """The requested page; a missing, malformed or out-of-range number gives the nearest page.

    Listings page through their first `MAX_PAGES` pages (`BoundedPaginator`); `bounded=False`
    pages through everything (a list already in memory, such as search results).
    `count_key` (`listing_key`) names the list, so that it is counted once per content
    generation rather than at every page of it.
    """
    if bounded:
        paginator = BoundedPaginator(items, per_page, max_pages=MAX_PAGES, count_key=count_key)
    else:
        paginator = Paginator(items, per_page)
    return paginator.get_page(request.GET.get("page"))


def listing_key(page, filters=None):
    """What a listing page's items depend on beyond the content: the listing, the language
    and the filters in use (`ListingFilterSet.fragment_key`); None where the filters are not
    all known and valid. The same for every reader: listings show only public items."""
    key = "" if filters is None else filters.fragment_key
    if key is None or page.pk is None:
        return None
    return (page.pk, translation.get_language(), key)


_country_choices = {}


class SharedChoices(BaseChoiceIterator):
    """A long list of choices that every form shares as it is: copying the form (each filter
    set copies its fields) does not copy the list, and Django does not check it again at every
    rendering. `choices()` returns (value, label) pairs."""

    def __init__(self, choices):
        self.choices = choices

    def __iter__(self):
        return iter(self.choices())

    def __len__(self):
        return len(self.choices())

    def __deepcopy__(self, memo):
        return self


def country_choices():
    """Every country as (code, name), sorted by its name in the active language, the name
    HTML-escaped: worked out once per language and process (translating and escaping 250
    names took a few ms of every listing)."""
    language = translation.get_language()
    if language not in _country_choices:
        named = sorted(((code, str(name)) for code, name in countries), key=lambda item: item[1])
        _country_choices[language] = [(code, conditional_escape(name)) for code, name in named]
    return _country_choices[language]


class ListingFilterSet(django_filters.FilterSet):
    """Filters by programme, country, region and year, for any listing.

    Subclasses say which fields hold the programme, countries and date; choices that depend on
    the language (programme pages) come from the locale given to the constructor.
    """

    programme_lookup = "programmes__translation_key"
    countries_field = "countries"  # a multiple CountryField; "country" for a single one
    date_field = "date"

    programme = django_filters.ChoiceFilter(
        label=_("Programme"), empty_label=_("All programmes"), method="filter_programme"
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), empty_label=_("All countries"), method="filter_country"
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"), empty_label=_("All regions"), choices=REGIONS, method="filter_region"
    )
    year = django_filters.ChoiceFilter(
        label=_("Year"), empty_label=_("All years"), method="filter_year"
    )

    def __init__(self, data=None, queryset=None, *, locale=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        for listing_filter in self.filters.values():
            if isinstance(listing_filter, django_filters.ChoiceFilter):
                listing_filter.extra["widget"] = PlainSelect
        # (slug, title, translation key) of each programme, once per content generation.
        programmes = fragment(
            ("listing-programmes", getattr(locale, "pk", None)),
            lambda: [
                (page.slug, page.title, page.translation_key) for page in programme_pages_in(locale)
            ],
        )
        self.programme_keys = {slug: key for slug, _title, key in programmes}
        self.filters["programme"].extra["choices"] = [
            (slug, title) for slug, title, _key in programmes
        ]
        self.filters["country"].extra["choices"] = SharedChoices(country_choices)
        # The years that have items: a pass over every item, so kept once per generation.
        years = fragment(
            ("listing-years", queryset.model._meta.label, getattr(locale, "pk", None)),
            lambda: [day.year for day in queryset.dates(self.date_field, "year", order="DESC")],
        )
        self.filters["year"].extra["choices"] = [(str(year), str(year)) for year in years]

    def is_valid(self):
        """Without a query string nothing is filtered: the listing shows every item.

        (django-filter calls an unbound filter set invalid, which would list nothing.)"""
        return not self.is_bound or super().is_valid()

    def filter_programme(self, queryset, name, value):
        key = self.programme_keys[value]
        field = queryset.model._meta.get_field(self.programme_lookup.split("__", 1)[0])
        if not field.many_to_many:
            return queryset.filter(**{self.programme_lookup: key})
        # Items with a link to the programme in any language, by the ids of its pages: a join
        # would repeat an item once per link, and the DISTINCT that undoes it made the
        # database sort every match before the first page; a join to the pages by their
        # translation key misled PostgreSQL's estimates (10 ms to 3 at 10,000 stories).
        pages = fragment(
            ("programme-translations", key),
            lambda: list(Page.objects.filter(translation_key=key).values_list("pk", flat=True)),
        )
        links = field.remote_field.through.objects.filter(
            **{
                field.m2m_field_name(): OuterRef("pk"),
                f"{field.m2m_reverse_field_name()}__in": pages,
            }
        )
        return queryset.filter(Exists(links))

    def _countries_q(self, codes):
        if self.countries_field == "country":
            return Q(country__in=codes)
        query = Q()
        for code in codes:
            query |= Q(**{f"{self.countries_field}__contains": code})
        return query

    def filter_country(self, queryset, name, value):
        return queryset.filter(self._countries_q([value]))

    def filter_region(self, queryset, name, value):
        return queryset.filter(self._countries_q(countries_in(value)))

    def filter_year(self, queryset, name, value):
        return queryset.filter(**{f"{self.date_field}__year": int(value)})

    @property
    def fragment_key(self):
        """What the rendered filter form and its active filters depend on beyond the listing
        and the language, for keeping them (`readers_fragment`): the filters in use. None
        (render afresh) when a value is not one of the choices or another parameter is named."""
        if not self.is_bound:
            return ""
        names = [name for name in self.data if name != "page"]
        if any(name not in self.filters for name in names) or not self.form.is_valid():
            return None
        return urlencode(sorted((name, self.data[name]) for name in names))

    @property
    def active_filters(self):
        """(label, value label, URL without this filter) for each filter in use."""
        if not self.is_bound or not self.form.is_valid():
            return []
        active = []
        for name, field in self.form.fields.items():
            value = self.form.cleaned_data.get(name)
            if not value:
                continue
            choices = dict(field.choices)
            remaining = self.data.copy()
            remaining.pop(name, None)
            remaining.pop("page", None)
            active.append((field.label, choices.get(value, value), remaining.urlencode()))
        return active

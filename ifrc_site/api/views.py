"""The partner API's endpoints: /api/v2/pages/, /api/v2/documents/, /api/v2/images/.

Wagtail's API v2 (on Django REST framework), behind the site's own rules:

- pages: those readers may see (`ifrc_site.queries.public`: live, not private, not past their
  expiry time), less those a content app keeps off partner sites (`registry.page_rules`: case
  studies not to syndicate or without recorded consent);
- documents: the library's rule, as the app owning the document model registers it
  (`registry.documents`: `Resource.objects.listed()`); none until one is registered;
- images: `SiteImage.objects.listed()`: none from a National Society's or a private collection.

Each model says what it shows (`api_fields`, more in detail views than in listings:
`api_listing_fields` are added to Wagtail's listing defaults), which filters it answers
(`api_filters`: filter -> field lookup) and what its listing loads in bulk (`api_prefetch`).

Every client gets the same answer: no sign-in is read and nothing depends on who asks. Only
GET and HEAD reach these views (`security.middleware.PartnerApiMiddleware` answers OPTIONS and
refuses the rest, and adds the CORS header). Nothing is kept in the page cache: the API's
parameters are open-ended, each answer costs a small fixed number of queries, and one client
address may make `API_RATE_LIMIT_PER_MINUTE` requests a minute (security/throttle.py).
"""

import datetime
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import DateTimeField, Q, prefetch_related_objects
from django.utils import translation

from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    OrderingFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import BaseSerializer, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Page, get_page_models
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from django_countries import countries
from rest_framework.exceptions import Throttled
from rest_framework.filters import BaseFilterBackend
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle

from ifrc_site.models import programme_content_types
from ifrc_site.queries import public
from ifrc_site.search.query import SearchTerms
from ifrc_site.security.throttle import rate_limited

from . import registry
from .fields import AbsoluteFileUrlField, django_request

MAX_VALUE_SHOWN = 40  # characters of a bad filter value repeated in the error message


def shown(value):
    return value[:MAX_VALUE_SHOWN]


# Which pages ---------------------------------------------------------------------------------


def shown_pages(request):
    """Every page the API may show: the site's rule for readers, then each registered rule.
    Not the root of the tree, which is no page of the site."""
    pages = public(Page.objects.live(), request).filter(depth__gt=1)
    for model, keeps in registry.page_rules():
        hidden = model.objects.exclude(pk__in=keeps(model.objects.all()).values("pk"))
        pages = pages.exclude(pk__in=hidden.values("pk"))
    return pages


# Filters -------------------------------------------------------------------------------------
#
# Each filter reads its value once (a bad one is a 400 naming what is expected), then asks each
# model for its own field (`api_filters`). On the pages endpoint without `type`, a filter keeps
# the pages of every type that declares it (a programme filter finds stories, case studies and
# the programme page itself); on one type, or on documents, a filter the type does not declare
# is a 400.


def filter_lookups(model):
    lookups = dict(getattr(model, "api_filters", {}))
    if issubclass(model, Page):
        lookups["language"] = "locale__language_code"
    return lookups


def read_programme(param, value):
    programmes = Page.objects.filter(content_type__in=programme_content_types())
    keys = set(programmes.filter(slug=value).values_list("translation_key", flat=True))
    if not keys:
        slugs = sorted(set(programmes.values_list("slug", flat=True)))
        raise BadRequestError(
            f"{param}: no programme '{shown(value)}'; use one of: {', '.join(slugs)}"
        )
    return lambda model, lookup: Q(**{f"{lookup}__in": keys})


def read_country(param, value):
    code = value.upper()
    if len(code) != 2 or code not in countries:
        raise BadRequestError(
            f"{param}: '{shown(value)}' is not a country code; use ISO 3166 codes such as GR or KE"
        )

    def query(model, lookup):
        if getattr(model._meta.get_field(lookup), "multiple", False):  # "KE,SO" in one column
            return Q(**{f"{lookup}__contains": code})
        return Q(**{lookup: code})

    return query


def read_language(param, value):
    if value not in dict(settings.LANGUAGES):
        codes = ", ".join(code for code, _name in settings.LANGUAGES)
        raise BadRequestError(f"{param}: '{shown(value)}' is not a language; use one of: {codes}")
    return lambda model, lookup: Q(**{lookup: value})


def read_type(param, value):
    def query(model, lookup):
        choices = [choice for choice, _label in model._meta.get_field(lookup).choices]
        if value not in choices:
            raise BadRequestError(
                f"{param}: '{shown(value)}' is not a type; use one of: {', '.join(choices)}"
            )
        return Q(**{lookup: value})

    return query


def read_date(operator):
    def read(param, value):
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            raise BadRequestError(
                f"{param}: '{shown(value)}' is not a date; write it as YYYY-MM-DD"
            ) from None

        def query(model, lookup):
            # A tuple names a field and its fallbacks, used where the first is empty (a
            # document's publication date, else the day it was uploaded).
            lookups = (lookup,) if isinstance(lookup, str) else lookup
            matches, empty = Q(pk__in=[]), Q()
            for name in lookups:
                field = model._meta.get_field(name)
                compared = f"{name}__date" if isinstance(field, DateTimeField) else name
                matches |= empty & Q(**{f"{compared}__{operator}": day})
                empty &= Q(**{f"{name}__isnull": True})
            return matches

        return query

    return read


# query parameter -> (the key models declare it under, how its value is read)
FILTERS = {
    "programme": ("programme", read_programme),
    "country": ("country", read_country),
    "language": ("language", read_language),
    "type": ("type", read_type),
    "date_from": ("date", read_date("gte")),
    "date_to": ("date", read_date("lte")),
}


class ContentFilter(BaseFilterBackend):
    """The partner filters an endpoint answers (`view.content_filters`)."""

    def filter_queryset(self, request, queryset, view):
        for param in view.content_filters:
            value = request.GET.get(param, "").strip()
            if not value:
                continue
            if "\x00" in value:
                raise BadRequestError(f"{param}: null characters are not allowed")
            key, read = FILTERS[param]
            query = read(param, value)
            queryset = queryset.filter(self.matches(queryset.model, param, key, query))
        return queryset

    def matches(self, model, param, key, query):
        if key in filter_lookups(model):
            models = [model]
        else:
            models = [
                page_model
                for page_model in get_page_models()
                if issubclass(page_model, model) and key in filter_lookups(page_model)
            ]
        if not models:
            raise BadRequestError(
                f"{param}: {model._meta.app_label}.{model.__name__} cannot be filtered by {param}"
            )
        return reduce(
            or_,
            (
                Q(pk__in=each.objects.filter(query(each, filter_lookups(each)[key])).values("pk"))
                for each in models
            ),
        )


class LocaleFilter(BaseFilterBackend):
    """Wagtail's `?locale=`, with an unknown language a 400 rather than a 404."""

    def filter_queryset(self, request, queryset, view):
        if "locale" not in request.GET:
            return queryset
        code = request.GET["locale"]
        read_language("locale", code)
        child_of = getattr(queryset, "_filtered_by_child_of", None)
        # By the locale's id, a field the search backend can filter on.
        queryset = queryset.filter(locale__in=Locale.objects.filter(language_code=code))
        if child_of:
            queryset._filtered_by_child_of = child_of
        return queryset


class SearchFilter(BaseFilterBackend):
    """`?search=`, read as the site search reads what a visitor types (ifrc_site/search/query.py):
    every word must match, "quoted phrases" as written, nothing else is syntax. Last of the
    filters: search results cannot be filtered further."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        terms = SearchTerms.parse(request.GET["search"])
        if not terms:
            raise BadRequestError("search: give at least one word to search for")
        try:
            return queryset.search(terms.query(), order_by_relevance="order" not in request.GET)
        except FilterFieldError as error:
            raise BadRequestError(
                f"cannot filter by '{error.field_name}' while searching"
            ) from error
        except OrderByFieldError as error:
            raise BadRequestError(
                f"cannot order by '{error.field_name}' while searching"
            ) from error


# What every endpoint shares ----------------------------------------------------------------


class AddressThrottle(BaseThrottle):
    """The site's rate limit per client address (security/throttle.py), as search uses it."""

    def allow_request(self, request, view):
        self.retry_after = rate_limited(
            django_request(request), "api", settings.API_RATE_LIMIT_PER_MINUTE
        )
        return self.retry_after is None

    def wait(self):
        return self.retry_after


# Wagtail's operations that the partner API answers. Not `search_operator` (every word must
# match, as in the site search) nor `site` (there is one).
KNOWN_PARAMETERS = frozenset(
    {"limit", "offset", "fields", "order", "search", "rich_text_format", "format", "_"}
)


class PartnerEndpoint:
    """Read-only, JSON only, the same for everyone, rate-limited, never a 500 for bad input."""

    authentication_classes = []  # no sign-in is read: a signed-in editor sees what anyone sees
    permission_classes = [AllowAny]
    throttle_classes = [AddressThrottle]
    renderer_classes = [JSONRenderer]
    http_method_names = ["get", "head"]
    content_filters = ()
    prefetch = ()

    def initial(self, request, *args, **kwargs):
        # Labels and names in the site's default language; pages switch to their own.
        translation.activate(settings.LANGUAGE_CODE)
        super().initial(request, *args, **kwargs)

    def check_query_parameters(self, queryset):
        allowed = self.known_query_parameters | set(self.content_filters)
        unknown = set(self.request.GET) - allowed
        if unknown:
            raise BadRequestError(
                "unknown query parameter: {}; this endpoint takes: {}".format(
                    ", ".join(sorted(shown(name) for name in unknown)), ", ".join(sorted(allowed))
                )
            )

    @classmethod
    def get_listing_default_fields(cls, model):
        fields = super().get_listing_default_fields(model)
        return fields + [
            name for name in getattr(model, "api_listing_fields", ()) if name not in fields
        ]

    def paginate_queryset(self, queryset):
        items = list(super().paginate_queryset(queryset))
        if items:
            model = type(items[0])
            prefetch_related_objects(items, *self.prefetch, *getattr(model, "api_prefetch", ()))
        return items

    def handle_exception(self, exc):
        if isinstance(exc, Throttled):
            wait = int(exc.wait or 60)
            response = Response(
                {"message": f"too many requests from this address; try again in {wait} seconds"},
                status=429,
            )
            response["Retry-After"] = str(wait)
            response["Cache-Control"] = "no-store"
            return response
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Stored by nobody without asking again: an unpublished page leaves the API at once.
        # Asking again is cheap: the ETag (ConditionalGetMiddleware) answers 304 when unchanged.
        response.setdefault("Cache-Control", "no-cache")
        return response


# Pages -------------------------------------------------------------------------------------


class SitePageSerializer(PageSerializer):
    def to_representation(self, instance):
        # Country names, datelines and the rendered body in the page's own language.
        with translation.override(instance.locale.language_code):
            return super().to_representation(instance)


class PagesEndpoint(PartnerEndpoint, PagesAPIViewSet):
    base_serializer_class = SitePageSerializer
    filter_backends = [
        ContentFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        LocaleFilter,
        SearchFilter,
    ]
    known_query_parameters = KNOWN_PARAMETERS | {
        "type",
        "child_of",
        "ancestor_of",
        "descendant_of",
        "translation_of",
        "locale",
    }
    content_filters = ("programme", "country", "language", "date_from", "date_to")
    # Not `show_in_menus` (navigation) nor `alias_of` (its original may be a page readers cannot
    # see); `last_published_at` added.
    meta_fields = [
        "type",
        "detail_url",
        "html_url",
        "slug",
        "seo_title",
        "search_description",
        "first_published_at",
        "last_published_at",
        "parent",
        "locale",
    ]
    detail_only_fields = ["parent", "body", "translations"]
    prefetch = ("locale",)

    def get_base_queryset(self):
        return shown_pages(django_request(self.request))

    def get_queryset(self):
        queryset = super().get_queryset()
        if queryset.model is Page:
            # Without `type`, the pages by id: the search backend filters Page on few fields
            # (not the expiry time the rule reads). With `type`, Wagtail does the same.
            queryset = Page.objects.filter(pk__in=queryset.values("pk"))
        return queryset


# Documents ---------------------------------------------------------------------------------


class DocumentsEndpoint(PartnerEndpoint, DocumentsAPIViewSet):
    filter_backends = [ContentFilter, OrderingFilter, SearchFilter]
    known_query_parameters = KNOWN_PARAMETERS
    content_filters = ("programme", "country", "language", "type", "date_from", "date_to")
    meta_fields = ["type", "detail_url", "download_url"]  # not Wagtail's editors' tags
    listing_default_fields = ["id", "type", "detail_url", "title", "download_url"]
    nested_default_fields = ["id", "type", "detail_url", "title", "download_url"]

    def get_queryset(self):
        documents = registry.documents()
        return self.model.objects.none() if documents is None else documents


# Images ------------------------------------------------------------------------------------


class SiteImageSerializer(BaseSerializer):
    download_url = AbsoluteFileUrlField()


class ImagesEndpoint(PartnerEndpoint, ImagesAPIViewSet):
    base_serializer_class = SiteImageSerializer
    filter_backends = [OrderingFilter, SearchFilter]
    known_query_parameters = KNOWN_PARAMETERS
    meta_fields = ["type", "detail_url", "download_url"]
    listing_default_fields = ["id", "type", "detail_url", "title", "download_url"]
    nested_default_fields = ["id", "type", "detail_url", "title", "download_url"]

    def get_queryset(self):
        return self.model.objects.listed().order_by("id")


router = WagtailAPIRouter("partner_api")
router.register_endpoint("pages", PagesEndpoint)
router.register_endpoint("documents", DocumentsEndpoint)
router.register_endpoint("images", ImagesEndpoint)

"""News: the listing of stories and the stories themselves, with their dateline."""

from django import forms
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.search import index

from django_countries.fields import CountryField
from rest_framework.fields import CharField

from ifrc_site import metadata
from ifrc_site.api.fields import (
    CountriesField,
    ProgrammesField,
    RenderedStreamField,
    TranslationsField,
)
from ifrc_site.blocks import BaseStreamBlock
from ifrc_site.caching.pagecache import fragment
from ifrc_site.editorial.forms import LocalisedPageForm
from ifrc_site.listing import ListingFilterSet, listing_key, paginate
from ifrc_site.models import BasePage, programme_page_choices
from ifrc_site.queries import public
from ifrc_site.syndication import FeedListingMixin

from .feeds import NewsFeed


class NewsFilterSet(ListingFilterSet):
    programme_lookup = "programmes__translation_key"
    countries_field = "country"
    date_field = "date"


class NewsIndexPage(FeedListingMixin, BasePage):
    """The news listing of one language: newest first, filterable, with RSS and Atom feeds.

    The feeds take the same filters as the listing: `feed/rss/?programme=migration`.
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    parent_page_types = ["ifrc_site.HomePage"]
    subpage_types = ["news.NewsStoryPage"]
    max_count_per_parent = 1
    feed_class = NewsFeed

    class Meta:
        verbose_name = _("news listing")

    def stories(self, request=None):
        return (
            public(NewsStoryPage.objects.live(), request or self)
            .descendant_of(self)
            .select_related(*NewsStoryPage.listing_related)
            .prefetch_related(*NewsStoryPage.listing_prefetch)
            .order_by(*NewsStoryPage.newest_first)
            .defer_streamfields()
        )

    def filtered_items(self, request):
        stories = self.stories(request)
        filters = NewsFilterSet(request.GET, stories, locale=self.locale)
        return filters, (filters.qs if filters.is_valid() else stories.none())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters, stories = self.filtered_items(request)
        context["filters"] = filters
        context["stories"] = paginate(request, stories, count_key=listing_key(self, filters))
        return context


class NewsStoryPage(BasePage):
    """A story from the field with its dateline: "Thessaloniki, Greece · 16 May 2017".

    The dateline's country is the story's one country: the listing's country and region
    filters, the feeds, the site search and the related stories all read it.
    """

    date = models.DateField(_("date"))
    city = models.CharField(
        _("place"), max_length=120, help_text=_("The city or place of the dateline.")
    )
    country = CountryField(
        _("country"),
        help_text=_(
            "The country of the dateline. The story is listed under it, and under its region."
        ),
    )
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two sentences under the headline.")
    )
    hero_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("main picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_caption = models.CharField(_("caption"), max_length=300, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))
    programmes = ParentalManyToManyField(
        "wagtailcore.Page",
        blank=True,
        related_name="+",
        limit_choices_to=programme_page_choices,
        verbose_name=_("programmes"),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("city"), FieldPanel("country"), FieldPanel("date")],
            heading=_("Dateline"),
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption")], heading=_("Picture")
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("programmes", widget=forms.CheckboxSelectMultiple)],
            heading=_("Where the story is listed"),
        ),
    ]
    base_form_class = LocalisedPageForm
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("city"),
        index.FilterField("date"),
    ]

    # The partner API (ifrc_site/api/, docs/api.md): what a story shows (listings show
    # `api_listing_fields` of them), the filters it answers and what a listing loads at once.
    api_fields = [
        APIField("dateline", serializer=CharField(source="dateline_place", read_only=True)),
        APIField("date"),
        APIField("summary"),
        APIField("countries", serializer=CountriesField(source="country")),
        APIField("programmes", serializer=ProgrammesField()),
        APIField("language", serializer=CharField(source="locale.language_code", read_only=True)),
        APIField("body", serializer=RenderedStreamField()),
        APIField("translations", serializer=TranslationsField()),
    ]
    api_listing_fields = ("dateline", "date", "summary", "countries", "programmes", "language")
    api_filters = {"programme": "programmes__translation_key", "country": "country", "date": "date"}
    api_prefetch = ("programmes",)

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    listing_related = ("hero_image", "listing_image")
    listing_prefetch = ("hero_image__renditions",)
    newest_first = ("-date", "-pk")
    hero_picture_size = "wide"

    class Meta:
        verbose_name = _("news story")
        verbose_name_plural = _("news stories")
        # The listings' order (a deep page of 10,000 stories is read in order, not sorted), and
        # the country and region filters in that order (tests/test_listing_indexes.py).
        indexes = [
            models.Index(fields=["-date", "-page_ptr"], name="news_story_newest_first"),
            models.Index(fields=["country", "-date", "-page_ptr"], name="news_story_by_country"),
        ]

    @property
    def card_summary(self):
        return self.listing_summary or self.summary

    @property
    def card_image(self):
        return self.hero_image

    @property
    def dateline_place(self):
        if not self.country:
            return self.city
        # Translators: a news dateline, e.g. "Thessaloniki, Greece".
        return _("%(city)s, %(country)s") % {"city": self.city, "country": self.country.name}

    og_type = "article"

    def structured_data(self, request, context):
        """A NewsArticle with its dateline: where and when it was written, by the IFRC."""
        item = metadata.web_page(self, request, kind="NewsArticle")
        item.update(
            {
                "headline": self.title[:110],
                "dateline": f"{self.dateline_place} · {self.date.isoformat()}",
                "datePublished": self.date.isoformat(),
                "locationCreated": metadata.place(self.city, self.country.code),
                "author": {"@id": request.build_absolute_uri("/#organization")},
                "mainEntityOfPage": item["url"],
            }
        )
        item.pop("isPartOf", None)
        # web_page gives the last publication; a preview of a story never published has none.
        item.setdefault("dateModified", item["datePublished"])
        return item

    @cached_property
    def related_stories(self):
        """Up to three other stories of the same programme or country, newest first; worked
        out once per content generation (a search over every story)."""
        ids = fragment(("related-stories", self.pk), self._related_story_ids)
        stories = (
            NewsStoryPage.objects.filter(pk__in=ids)
            .select_related(*self.listing_related)
            .prefetch_related(*self.listing_prefetch)
            .order_by(*self.newest_first)
        )
        return list(stories)

    def _related_story_ids(self):
        programme_keys = [page.translation_key for page in self.programmes.all()]
        query = Q(country=self.country)
        if programme_keys:
            query |= Q(programmes__translation_key__in=programme_keys)
        stories = (
            public(NewsStoryPage.objects.live(), self)
            .filter(locale_id=self.locale_id)
            .filter(query)
            .exclude(pk=self.pk)
            .distinct()
            .order_by(*self.newest_first)
        )
        return list(stories.values_list("pk", flat=True)[:3])

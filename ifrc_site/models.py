"""Site-wide models: images, the abstract page bases, the home page, taxonomies and settings."""

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.functional import SimpleLazyObject, cached_property, classproperty
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.images.models import AbstractImage, AbstractRendition, Image, ImageQuerySet
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    TranslatableMixin,
)
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from django_countries.fields import CountryField
from rest_framework.fields import CharField

from . import metadata
from .api.fields import AltTextsField, RenderedStreamField, TranslationsField
from .blocks import BaseStreamBlock, LinkBlock, ProgrammeStreamBlock
from .caching import routes
from .caching.pagecache import fragment
from .editorial.forms import SitePageForm
from .feeds import feed, feeds
from .queries import active_locale, may_be_restricted, public
from .reviews import ReviewedMixin
from .taxonomy import region_of

# Collections readers may see -----------------------------------------------------------------
#
# Documents and images are kept in collections. Two kinds are not for readers: a National
# Society's own collection (what its editors upload awaits approval until communications staff
# move it into a library collection) and a private collection (one with a view restriction, or
# inside one). Written as lists of collection ids, which search backends can filter on as well
# as querysets; each kept once per content generation (saving a society, collection or
# restriction starts one). The document gate (resources.models.ResourceQuerySet) and the image
# gate below both read them.


def society_collection_ids():
    """The National Societies' own collections, whose documents and images await approval."""
    return fragment(
        ("society-collections",),
        lambda: list(
            NationalSociety.objects.exclude(collection=None).values_list("collection", flat=True)
        ),
    )


def private_collection_ids():
    """Collections with a view restriction, and those inside them."""

    def compute():
        paths = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
        query = Q(pk__in=[])
        for path in paths:
            query |= Q(path__startswith=path)
        return list(Collection.objects.filter(query).values_list("pk", flat=True)) if paths else []

    return fragment(("private-collections",), compute)


# Images ------------------------------------------------------------------------------------


class SiteImageQuerySet(ImageQuerySet):
    def listed(self):
        """Images readers may find by themselves (the partner API lists them): none from a
        National Society's own collection or from a private one."""
        return self.exclude(collection__in=society_collection_ids()).exclude(
            collection__in=private_collection_ids()
        )


class SiteImage(AbstractImage):
    """An image with the photographer's credit, shown wherever the image is, and its alt text
    in each language of the site."""

    description = models.CharField(
        _("alt text"),
        max_length=255,
        blank=True,
        help_text=_(
            "What the picture shows, for people who cannot see it. Used unless a page gives "
            "its own alt text."
        ),
    )
    alt_text_fr = models.CharField(
        _("alt text in French"),
        max_length=255,
        blank=True,
        default="",
        db_default="",
        help_text=_(
            "Read aloud to readers of the French pages who cannot see the picture. Leave empty "
            "to use the alt text above."
        ),
    )
    alt_text_es = models.CharField(
        _("alt text in Spanish"),
        max_length=255,
        blank=True,
        default="",
        db_default="",
        help_text=_(
            "Read aloud to readers of the Spanish pages who cannot see the picture. Leave empty "
            "to use the alt text above."
        ),
    )
    alt_text_ar = models.CharField(
        _("alt text in Arabic"),
        max_length=255,
        blank=True,
        default="",
        db_default="",
        help_text=_(
            "Read aloud to readers of the Arabic pages who cannot see the picture. Leave empty "
            "to use the alt text above."
        ),
    )
    credit = models.CharField(
        _("photo credit"), max_length=255, blank=True, help_text=_("For example: IFRC / Name")
    )

    # The alt texts in the other languages come right after the default one in the edit form.
    admin_form_fields = (
        *Image.admin_form_fields[: Image.admin_form_fields.index("description") + 1],
        "alt_text_fr",
        "alt_text_es",
        "alt_text_ar",
        *Image.admin_form_fields[Image.admin_form_fields.index("description") + 1 :],
        "credit",
    )
    search_fields = [*AbstractImage.search_fields, index.SearchField("credit")]

    objects = SiteImageQuerySet.as_manager()

    # The partner API (ifrc_site/api/, docs/api.md); never who uploaded it.
    api_fields = [APIField("alt_texts", serializer=AltTextsField()), APIField("credit")]

    def alt_for(self, language_code):
        """The alt text in a language ("ar", "fr-ca"), or the default alt text when the
        picture has none in it."""
        language = (language_code or "").split("-")[0].lower()
        return getattr(self, f"alt_text_{language}", "") or self.default_alt_text


class RenditionCache:
    """Wagtail's rendition cache, minus the writes of what was just read from it.

    Wagtail 8.0 writes every rendition it finds in the cache back to the cache, each time a
    picture is shown (fixed upstream after 8.0.1, wagtail/wagtail#14541): with Redis, one write
    per picture on every page rendered. Renditions read here are marked as read from the cache,
    which Wagtail's own check then skips, and a single write of one of them is dropped."""

    def __init__(self, cache):
        self.cache = cache

    def get_many(self, keys, *args, **kwargs):
        found = self.cache.get_many(keys, *args, **kwargs)
        for rendition in found.values():
            rendition._from_cache = True
        return found

    def set(self, key, value, *args, **kwargs):
        if not getattr(value, "_from_cache", False):
            self.cache.set(key, value, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.cache, name)


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

    @classproperty
    def cache_backend(cls):
        return RenditionCache(super().cache_backend)  # "renditions", else the default


# Page bases --------------------------------------------------------------------------------


class ListingFieldsMixin(models.Model):
    """How a page looks when another page lists it: a title, a summary and a picture."""

    listing_title = models.CharField(
        _("listing title"),
        max_length=255,
        blank=True,
        help_text=_("A shorter title for cards and lists. Leave empty to use the page title."),
    )
    listing_summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown in lists, search results and link previews."),
    )
    listing_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("listing picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("listing_title"),
                FieldPanel("listing_summary"),
                FieldPanel("listing_image"),
            ],
            heading=_("How this page looks in lists"),
        ),
    ]

    class Meta:
        abstract = True

    @property
    def card_title(self):
        return self.listing_title or self.title

    @property
    def card_summary(self):
        return self.listing_summary or self.search_description

    @property
    def card_image(self):
        return self.listing_image


class BasePage(ListingFieldsMixin, Page):
    """Every page type of the site starts here."""

    hero_picture_size = "hero"  # which size of components/picture.html shows `hero_image`
    og_type = "website"  # what a shared link to the page is to social apps (Open Graph)

    # The confirmation is shown only on a translation (see SitePageForm).
    content_panels = [*Page.content_panels, FieldPanel("publish_untranslated")]
    promote_panels = Page.promote_panels + ListingFieldsMixin.promote_panels
    base_form_class = SitePageForm
    search_fields = [
        *Page.search_fields,
        index.SearchField("listing_summary"),
        # Pages past their expiry time are left out of search as of every listing (queries.public).
        index.FilterField("expire_at"),
    ]

    class Meta:
        abstract = True

    def structured_data(self, request, context):
        """The page's main schema.org item for its JSON-LD (ifrc_site/metadata.py)."""
        return metadata.web_page(self, request)

    def get_view_restrictions(self):
        # Wagtail looks the restrictions of the page and of each of its ancestors up (two
        # queries) before serving it; most pages have none, as the paths of the restricted
        # pages, kept per content generation, tell without a query.
        if not may_be_restricted(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @property
    def localized_draft(self):
        # As Wagtail's, with the active language's locale looked up once per process.
        if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            return self
        locale = active_locale()
        if locale.pk == self.locale_id:
            return self
        return self.get_translation_or_none(locale) or self


class SocietySectionChildMixin:
    """A page written in a National Society's section (a case study, a help point): it belongs
    to the section's society whatever a form, a revision or a move says, so that a society's
    editors cannot write in another's name. `section_model`: the page type of the sections,
    which has a `national_society`."""

    section_model = None

    def save(self, *args, **kwargs):
        if self.path and self.depth > 1 and self.section_model is not None:
            sections = self.section_model.objects.filter(path=self.path[: -self.steplen])
            society_id = sections.values_list("national_society_id", flat=True).first()
            if society_id:
                self.national_society_id = society_id
        return super().save(*args, **kwargs)


class ContentFeedMixin:
    """Finds the latest items of the registered feeds (ifrc_site/feeds.py) for a page's
    automatic sections.

    `feed_items` makes one query for a section; a programme page narrows it to its programme.
    """

    def feed_programme_key(self):
        """The translation key of the programme the feeds are narrowed to, or None for all."""
        return None

    def feed_items(self, feed_name, pinned, count, request=None):
        """The items of one automatic section, computed once per content generation."""
        key = ("feed", self.pk, feed_name, count, *[item.pk for item in pinned])
        return fragment(key, lambda: self._feed_items(feed_name, pinned, count, request))

    def _feed_items(self, feed_name, pinned, count, request=None):
        source = feed(feed_name)
        if source is None:
            return []
        # No rendition prefetch here: the items are kept in the fragment cache, and their
        # renditions come from the renditions cache, which is always current.
        queryset = source.items(request or self)
        if pinned and not source.per_language:
            by_pk = {item.pk: item for item in queryset.filter(pk__in=[p.pk for p in pinned])}
            return [by_pk[item.pk] for item in pinned if item.pk in by_pk][:count]
        if pinned:
            # Pinned pages are shown in this page's language: their translations where they
            # have one; those not translated are left out.
            keys = [item.translation_key for item in pinned]
            found = queryset.filter(translation_key__in=keys, locale_id=self.locale_id)
            by_key = {item.translation_key: item for item in found}
            return [by_key[key] for key in keys if key in by_key][:count]
        if source.per_language:
            queryset = queryset.filter(locale_id=self.locale_id)
        programme_key = self.feed_programme_key()
        if programme_key:
            queryset = queryset.filter(**{source.programme_lookup: programme_key})
        return list(queryset.distinct().order_by(*queryset.model.newest_first)[:count])

    @cached_property
    def listing_urls(self):
        """The address of the listing page of each feed in this page's language, by feed name."""
        return fragment(("listing-urls", self.locale_id), self._listing_urls)

    def _listing_urls(self):
        kinds = {source.listing_page: name for name, source in feeds().items()}
        if not kinds:
            return {}
        pages = (
            Page.objects.live()
            .type(*kinds)
            .filter(locale_id=self.locale_id)
            .select_related("content_type")
        )
        found = {}
        for page in pages:
            kind = kinds[page.content_type.model_class()]
            found.setdefault(kind, page.url)
        return found

    def feed_listing_url(self, feed_name, suffix=""):
        """The listing of every item of a feed, filtered to this page's programme."""
        url = self.listing_urls.get(feed_name)
        if url is None:
            return ""
        url += suffix
        if self.feed_programme_key():
            url += f"?programme={self.slug}"
        return url

    def news_rss_url(self):
        """This page's news as an RSS feed, for feed readers to discover."""
        return self.feed_listing_url("news", "feed/rss/")


class HomePage(ContentFeedMixin, BasePage):
    strapline = models.CharField(_("strapline"), max_length=255, blank=True)
    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)
    hero_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("hero picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(ProgrammeStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("strapline"), FieldPanel("intro"), FieldPanel("hero_image")],
            heading=_("Top of the page"),
        ),
        HelpPanel(
            _(
                "The programmes are listed by themselves below the introduction. Use the body "
                "for key figures and automatic sections such as the latest news."
            )
        ),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "migration.MigrationPage",
        "immunization.ImmunizationPage",
        "news.NewsIndexPage",
        "resources.ResourceIndexPage",
        "resources.CaseStudyIndexPage",
        "ifrc_site.StandardPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        # The pages below the home page are found once per content generation (see routes.py).
        return routes.route(self, request, path_components, super().route)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the template shows it: a reader's page takes it from the fragment
        # kept with the body (home_page.html).
        context["programmes"] = SimpleLazyObject(
            lambda: [
                page.specific
                for page in public(self.get_children().live(), request)
                .filter(content_type__in=programme_content_types())
                .specific()
                .select_related("listing_image")
            ]
        )
        return context


class StandardPage(ReviewedMixin, BasePage):
    """An ordinary page: about us, privacy, terms of use."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        *ReviewedMixin.review_panels,
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["ifrc_site.HomePage", "ifrc_site.StandardPage"]
    subpage_types = ["ifrc_site.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class ProgrammePage(ReviewedMixin, ContentFeedMixin, BasePage):
    """A programme of work (Migration, Immunization), composed from blocks by staff.

    News stories, documents and case studies name the programmes they belong to; the page's
    automatic sections find the newest of them by themselves.
    """

    strapline = models.CharField(
        _("strapline"),
        max_length=255,
        blank=True,
        help_text=_("One line under the title that says what the programme does."),
    )
    hero_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("hero picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_caption = models.CharField(_("hero caption"), max_length=255, blank=True)
    body = StreamField(ProgrammeStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("strapline"), FieldPanel("hero_image"), FieldPanel("hero_caption")],
            heading=_("Top of the page"),
        ),
        HelpPanel(
            _(
                "Build the page from sections. The 'Automatic' sections (latest news, latest "
                "resources, case studies) fill themselves with this programme's newest items."
            )
        ),
        FieldPanel("body"),
        *ReviewedMixin.review_panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("strapline"),
        index.SearchField("body"),
    ]

    parent_page_types = ["ifrc_site.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    # The partner API (ifrc_site/api/, docs/api.md). The programme filter finds the programme
    # page itself too: the pages of the same programme in every language share its key.
    api_fields = [
        APIField("strapline"),
        APIField("language", serializer=CharField(source="locale.language_code", read_only=True)),
        APIField("body", serializer=RenderedStreamField()),
        APIField("translations", serializer=TranslationsField()),
    ]
    api_listing_fields = ("strapline", "language")
    api_filters = {"programme": "translation_key"}

    class Meta:
        abstract = True

    def feed_programme_key(self):
        return self.translation_key


def programme_page_models():
    """Every concrete programme page type."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, ProgrammePage) and not model._meta.abstract
    ]


def programme_content_types():
    return ContentType.objects.get_for_models(*programme_page_models()).values()


def programme_page_choices():
    """limit_choices_to for fields that point at programme pages."""
    return models.Q(content_type__in=programme_content_types())


def programme_pages_in(locale):
    """The live programme pages of one language, for filters and links.

    Chosen by id: asked for in the tree's order directly, SQLite walked every page of the tree
    in that order to find the few programmes (23 ms at 100,000 stories).
    """
    chosen = Page.objects.live().filter(content_type__in=programme_content_types(), locale=locale)
    return Page.objects.filter(pk__in=chosen.values("pk")).order_by("path")


# Taxonomies --------------------------------------------------------------------------------


@register_snippet
class NationalSociety(TranslatableMixin, index.Indexed, models.Model):
    """A Red Cross or Red Crescent National Society."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=100)
    country = CountryField(_("country"))
    website = models.URLField(_("web site"), blank=True)
    # Kept up to date by editorial.roles whenever a society is saved; shared by its translations.
    editor_group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("editors' group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="national_societies",
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("collection for its documents and images"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="national_societies",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("country"), FieldPanel("website")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("National Society")
        verbose_name_plural = _("National Societies")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    @property
    def region(self):
        return region_of(self.country.code)


# Settings ----------------------------------------------------------------------------------

# Shown in every language while the setting keeps this value (see the interface_text filter).
ORGANISATION_NAME = gettext_noop("International Federation of Red Cross and Red Crescent Societies")
# The notice of a copy of the site that is not the federation's own (a demonstration, a
# staging server), translated in every language while the setting keeps these words.
DEMONSTRATION_NOTICE = gettext_noop(
    "This is a demonstration copy of the site: its stories, documents and contacts are examples."
)


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """What the header and footer show on every page."""

    organisation_name = models.CharField(
        _("organisation name"),
        max_length=255,
        default=ORGANISATION_NAME,
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    address = models.TextField(
        _("postal address"),
        blank=True,
        db_default="",
        help_text=_(
            "As the post writes it, one line per line; shown as written in every language."
        ),
    )
    footer_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        default=list,
        db_default=[],
        verbose_name=_("footer links"),
        help_text=_(
            "Pages of this site (shown in the reader's language) or other addresses, "
            "such as About us or Jobs."
        ),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    terms_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("terms of use page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notice = models.CharField(
        _("notice"),
        max_length=255,
        blank=True,
        db_default="",
        help_text=format_lazy(
            _(
                "A line at the foot of every page, for a copy of the site that is not the live "
                "one. These words are translated in every language: {notice}"
            ),
            notice=DEMONSTRATION_NOTICE,
        ),
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    x_url = models.URLField(_("X"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)

    panels = [
        FieldPanel("organisation_name"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("address")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("footer_links"),
                FieldPanel("privacy_page"),
                FieldPanel("terms_page"),
                FieldPanel("notice"),
            ],
            heading=_("Footer"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("x_url"),
                FieldPanel("youtube_url"),
                FieldPanel("instagram_url"),
                FieldPanel("linkedin_url"),
            ],
            heading=_("Social media"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def social_links(self):
        return [
            (label, url)
            for label, url in (
                ("Facebook", self.facebook_url),
                ("X", self.x_url),
                ("YouTube", self.youtube_url),
                ("Instagram", self.instagram_url),
                ("LinkedIn", self.linkedin_url),
            )
            if url
        ]

"""StreamField blocks shared by every page type.

Each block is a small named class with its own template under `templates/components/blocks/`.
Display logic (a link's URL and text, a video's embed address) lives on StructValue subclasses so
that templates stay plain; editor rules live in `clean()`.
"""

import re
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from .queries import localized, page_is_shown

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]
PARAGRAPH_FEATURES = ["h2", "h3", *RICH_TEXT_FEATURES]


# Values ------------------------------------------------------------------------------------


class LinkStructValue(blocks.StructValue):
    """A link to a page, a document or an address, whichever the editor chose."""

    @cached_property
    def href(self):
        """The address, or "" when the chosen page or document may not be shown to readers
        (the link is then shown as plain text)."""
        if page := self.get("page"):
            return localized(page).url if page_is_shown(page) else ""
        if document := self.get("document"):
            return "" if document.pk in type(document).unlisted_ids() else document.url
        return self.get("url") or ""

    @cached_property
    def label(self):
        if text := self.get("text"):
            return text
        if page := self.get("page"):
            return localized(page).title
        if document := self.get("document"):
            return document.title
        return self.get("url") or ""

    @property
    def is_external(self):
        return not (self.get("page") or self.get("document"))


class VideoStructValue(blocks.StructValue):
    """Works out the provider and video id, so the template can link and embed privately."""

    YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
    VIMEO_ID = re.compile(r"^\d{4,12}$")

    @cached_property
    def parsed(self):
        return parse_video_url(self.get("url") or "")

    @property
    def provider(self):
        return self.parsed[0]

    @property
    def video_id(self):
        return self.parsed[1]

    @property
    def embed_url(self):
        provider, video_id = self.parsed
        if provider == "youtube":
            return f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1&rel=0"
        if provider == "vimeo":
            return f"https://player.vimeo.com/video/{video_id}?autoplay=1&dnt=1"
        return ""

    @property
    def watch_url(self):
        provider, video_id = self.parsed
        if provider == "youtube":
            return f"https://www.youtube.com/watch?v={video_id}"
        if provider == "vimeo":
            return f"https://vimeo.com/{video_id}"
        return ""

    @property
    def provider_name(self):
        return {"youtube": "YouTube", "vimeo": "Vimeo"}.get(self.provider, "")

    @property
    def duration_iso(self):
        """The length as an ISO 8601 duration for <time datetime>: "2:45" is "PT2M45S"."""
        parts = [int(part) for part in (self.get("duration") or "").split(":") if part.isdigit()]
        if len(parts) not in (2, 3):
            return ""
        hours, minutes, seconds = ([0] * (3 - len(parts))) + parts
        return "PT" + (f"{hours}H" if hours else "") + f"{minutes}M{seconds}S"


def parse_video_url(url):
    """Return ("youtube" | "vimeo", id) for a supported video address, else ("", "")."""
    try:
        parts = urlparse(url.strip())
    except ValueError:
        return "", ""
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    path = parts.path.strip("/")
    candidate, provider = "", ""
    if host in ("youtube.com", "youtube-nocookie.com"):
        provider = "youtube"
        if path == "watch":
            candidate = parse_qs(parts.query).get("v", [""])[0]
        elif path.startswith(("embed/", "shorts/", "live/")):
            candidate = path.split("/", 1)[1]
    elif host == "youtu.be":
        provider, candidate = "youtube", path
    elif host in ("vimeo.com", "player.vimeo.com"):
        provider, candidate = "vimeo", path.rsplit("/", 1)[-1]
    if provider == "youtube" and VideoStructValue.YOUTUBE_ID.match(candidate):
        return provider, candidate
    if provider == "vimeo" and VideoStructValue.VIMEO_ID.match(candidate):
        return provider, candidate
    return "", ""


# Building blocks ---------------------------------------------------------------------------


class LinkBlock(blocks.StructBlock):
    """A link to exactly one of: a page on this site, a document, or another address."""

    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    document = DocumentChooserBlock(required=False, label=_("Document"))
    url = blocks.URLBlock(required=False, label=_("Other address"))
    text = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("Link text"),
        help_text=_("Leave empty to use the page or document title."),
    )

    class Meta:
        icon = "link"
        value_class = LinkStructValue
        form_classname = "link-block"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        chosen = [name for name in ("page", "document", "url") if value.get(name)]
        if len(chosen) != 1:
            message = ValidationError(_("Choose one page, one document or one address."))
            raise StructBlockValidationError(block_errors={"page": message})
        if value.get("url") and not value.get("text"):
            raise StructBlockValidationError(
                block_errors={"text": ValidationError(_("Say where an address leads."))}
            )
        return value


class OptionalLinkBlock(LinkBlock):
    """A LinkBlock that may be left entirely empty."""

    def clean(self, value):
        if not any(value.get(name) for name in ("page", "document", "url")):
            return blocks.StructBlock.clean(self, value)
        return super().clean(value)


class SectionHeadingMixin(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, label=_("Section heading"))

    def section_title(self, value):
        """The title of the section this block starts, for "On this page"
        (ifrc_site/page_layout.py); blocks that start none have no such method."""
        return value.get("heading")


# Content blocks ----------------------------------------------------------------------------


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, label=_("Heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading (h2)")), ("h3", _("Sub-heading (h3)"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading_block.html"
        group = _("Text")
        description = _("A heading that starts a section of the page.")
        preview_value = {"text": "Our work in migration", "level": "h2"}

    def section_title(self, value):
        return value["text"] if value.get("level") == "h2" else None


class IntroBlock(blocks.RichTextBlock):
    """The opening text of a page, set larger than the body."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "components/blocks/intro_block.html"
        group = _("Text")
        label = _("Intro text")
        description = _("The opening paragraphs of the page, in larger type.")
        preview_value = (
            "<p>National Societies in 190 countries, with around 17 million volunteers, "
            "support people on the move.</p>"
        )


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "doc-full"
        template = "components/blocks/paragraph_block.html"
        group = _("Text")
        label = _("Text")
        description = _("Paragraphs of text with headings, lists and links.")
        preview_value = (
            "<p>Volunteers are members of the communities they serve, which is why "
            "remote and marginalised people trust them.</p>"
        )


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(required=False, max_length=160, label=_("Who said it"))

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote_block.html"
        group = _("Text")
        description = _("A quotation with the name of the person who said it.")
        preview_value = {
            "quote": "Our volunteers go the last mile so every child is protected.",
            "attribution": "Immunization team",
        }


class StoryCalloutBlock(blocks.StructBlock):
    """The "What would you do if..." call-out that leads readers to people's stories."""

    question = blocks.TextBlock(
        label=_("Question"), help_text=_("One or two short questions that speak to the reader.")
    )
    text = blocks.TextBlock(required=False, label=_("Supporting line"))
    image = ImageBlock(required=False, label=_("Background picture"))
    link = OptionalLinkBlock(label=_("Link to the stories"))

    class Meta:
        icon = "openquote"
        template = "components/blocks/story_callout_block.html"
        group = _("Text")
        label = _("Story call-out")
        description = _("A large question that invites readers into people's stories.")
        preview_value = {
            "question": "What would you do if the only safe road led away from home?",
            "text": "Every number hides a person with a story.",
        }


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Picture"))
    caption = blocks.CharBlock(required=False, max_length=300, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "components/blocks/figure_block.html"
        group = _("Media")
        label = _("Picture")
        description = _("A picture with its caption and photo credit.")


class FeatureCardBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=100, label=_("Title"))
    text = blocks.TextBlock(label=_("Text"))
    link = OptionalLinkBlock(label=_("Link"))

    class Meta:
        icon = "form"
        label = _("Card")


class FeatureCardsBlock(SectionHeadingMixin):
    """ "Our work" cards: a title, a few lines and a link each."""

    intro = blocks.TextBlock(required=False, label=_("Introduction"))
    cards = blocks.ListBlock(FeatureCardBlock(), min_num=1, max_num=6, label=_("Cards"))

    class Meta:
        icon = "table"
        template = "components/blocks/feature_cards_block.html"
        group = _("Sections")
        label = _("Feature cards")
        description = _("Cards that introduce areas of work, each with a link.")
        preview_value = {
            "heading": "Our work in migration",
            "cards": [
                {"title": "Policy and strategy", "text": "Shaping how we meet migrants' needs."},
                {"title": "Smart practices", "text": "Partners share what works."},
            ],
        }


class ActivityCardBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Photo"))
    title = blocks.CharBlock(max_length=100, label=_("Title"))
    caption = blocks.TextBlock(label=_("Caption"), help_text=_("Who, where and what is shown."))

    class Meta:
        icon = "image"
        label = _("Activity")


class ActivityCardsBlock(SectionHeadingMixin):
    """Activities, each a photo with its caption under a short title."""

    intro = blocks.TextBlock(required=False, label=_("Introduction"))
    cards = blocks.ListBlock(ActivityCardBlock(), min_num=1, max_num=12, label=_("Activities"))

    class Meta:
        icon = "image"
        template = "components/blocks/activity_cards_block.html"
        group = _("Sections")
        label = _("Activity cards")
        description = _("Photos of activities, each with a title and a caption.")


class VideoBlock(blocks.StructBlock):
    """A video that loads nothing from its host until the reader asks for it."""

    title = blocks.CharBlock(max_length=120, label=_("Title"))
    url = blocks.URLBlock(
        label=_("Video address"), help_text=_("A YouTube or Vimeo address of the video.")
    )
    poster = ImageBlock(required=False, label=_("Still picture shown before playing"))
    duration = blocks.CharBlock(
        required=False,
        max_length=8,
        label=_("Length"),
        help_text=_("Minutes and seconds, for example 2:45 (or hours too: 1:02:45)."),
        validators=[
            RegexValidator(
                r"^(\d{1,2}:)?[0-5]?\d:[0-5]\d$",
                _("Write the length as minutes and seconds, for example 2:45."),
            )
        ],
    )
    caption = blocks.TextBlock(required=False, label=_("Caption"))
    transcript = blocks.RichTextBlock(
        required=False, features=RICH_TEXT_FEATURES, label=_("Transcript")
    )

    class Meta:
        icon = "media"
        template = "components/blocks/video_block.html"
        group = _("Media")
        label = _("Video")
        description = _("A YouTube or Vimeo video that plays only when the reader asks.")
        value_class = VideoStructValue
        preview_value = {
            "title": "Vaccines work",
            "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        }

    def section_title(self, value):
        return value.get("title")

    def clean(self, value):
        value = super().clean(value)
        if not parse_video_url(value.get("url") or "")[0]:
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Use the address of a YouTube or Vimeo video."))
                }
            )
        return value


class NumberedListBlock(SectionHeadingMixin):
    """A numbered plan or sequence of steps."""

    intro = blocks.RichTextBlock(
        required=False, features=RICH_TEXT_FEATURES, label=_("Introduction")
    )
    items = blocks.ListBlock(
        blocks.RichTextBlock(features=["bold", "italic", "link"], label=_("Item")),
        min_num=1,
        label=_("Items"),
    )
    closing = blocks.RichTextBlock(
        required=False, features=RICH_TEXT_FEATURES, label=_("Closing text")
    )

    class Meta:
        icon = "list-ol"
        template = "components/blocks/numbered_list_block.html"
        group = _("Sections")
        label = _("Numbered list")
        description = _("A numbered plan or list of steps, with text before and after.")
        preview_value = {
            "heading": "A five-point plan",
            "items": ["<p>Advocate for fair access</p>", "<p>Build trust</p>"],
        }


class ContactPersonBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        required=False, max_length=120, default=_("Contact"), label=_("Section heading")
    )
    text = blocks.RichTextBlock(
        required=False, features=RICH_TEXT_FEATURES, label=_("Why to get in touch")
    )
    name = blocks.CharBlock(max_length=120, label=_("Name"))
    role = blocks.CharBlock(required=False, max_length=120, label=_("Role"))
    team = blocks.CharBlock(required=False, max_length=120, label=_("Team"))
    email = blocks.EmailBlock(required=False, label=_("E-mail"))
    phone = blocks.CharBlock(required=False, max_length=40, label=_("Telephone"))
    photo = ImageBlock(required=False, label=_("Photo"))

    class Meta:
        icon = "user"
        template = "components/blocks/contact_person_block.html"
        group = _("People")
        label = _("Contact person")
        description = _("The person to contact in a team, with e-mail and telephone.")
        preview_value = {"name": "Indu Adhikary", "team": "Immunization team"}


class LinkWithDescriptionBlock(LinkBlock):
    description = blocks.TextBlock(required=False, label=_("Description"))

    class Meta:
        label = _("Link")


class LinksBlock(SectionHeadingMixin):
    """Links to other resources: annexes, compendiums, partner sites."""

    intro = blocks.RichTextBlock(
        required=False, features=RICH_TEXT_FEATURES, label=_("Introduction")
    )
    links = blocks.ListBlock(LinkWithDescriptionBlock(), min_num=1, label=_("Links"))

    class Meta:
        icon = "link"
        template = "components/blocks/links_block.html"
        group = _("Sections")
        label = _("Links")
        description = _("A list of links to documents, pages or other sites.")


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120, label=_("Partner"))
    description = blocks.TextBlock(required=False, label=_("What we do together"))
    url = blocks.URLBlock(required=False, label=_("Web site"))

    class Meta:
        icon = "group"
        label = _("Partner")


class PartnershipsBlock(SectionHeadingMixin):
    intro = blocks.RichTextBlock(
        required=False, features=RICH_TEXT_FEATURES, label=_("Introduction")
    )
    partners = blocks.ListBlock(PartnerBlock(), min_num=1, label=_("Partners"))

    class Meta:
        icon = "group"
        template = "components/blocks/partnerships_block.html"
        group = _("Sections")
        label = _("Partnerships")
        description = _("The organisations we work with, and how.")


class KeyFigureBlock(blocks.StructBlock):
    number = blocks.CharBlock(max_length=20, label=_("Number"), help_text=_("For example 190."))
    label = blocks.CharBlock(max_length=120, label=_("What it counts"))
    source = blocks.CharBlock(required=False, max_length=200, label=_("Source"))

    class Meta:
        icon = "order"
        label = _("Key figure")


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, label=_("Section heading"))
    figures = blocks.ListBlock(KeyFigureBlock(), min_num=1, max_num=6, label=_("Figures"))

    class Meta:
        icon = "order"
        template = "components/blocks/key_figures_block.html"
        group = _("Sections")
        label = _("Key figures")
        description = _("Two to four numbers that tell the scale of the work.")
        preview_value = {
            "figures": [
                {"number": "190", "label": "countries with a National Society"},
                {"number": "17 million", "label": "volunteers"},
            ]
        }


class DocumentListBlock(SectionHeadingMixin):
    """Chosen documents shown with their type, size and date, and links to their other
    languages; those readers may not see (embargoed, expired, unapproved, private:
    Resource.unlisted_ids) are left out until they may, and stay chosen in the editor."""

    documents = blocks.ListBlock(DocumentChooserBlock(), min_num=1, label=_("Documents"))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        documents = [document for document in value["documents"] if document]
        unlisted = type(documents[0]).unlisted_ids() if documents else ()
        documents = [document for document in documents if document.pk not in unlisted]
        model = type(documents[0]) if documents else None
        attach = getattr(model, "attach_language_versions", None)
        if attach is not None:
            # Each document's other languages, and those it is missing (one query).
            attach(documents)
        context["documents"] = documents
        return context

    class Meta:
        icon = "doc-full-inverse"
        template = "components/blocks/document_list_block.html"
        group = _("Sections")
        label = _("Related documents")
        description = _("Documents from the library, with type, size and date.")


# Stream blocks -----------------------------------------------------------------------------


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks any page body can use."""

    heading = HeadingBlock()
    intro = IntroBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    figure = FigureBlock()
    video = VideoBlock()
    key_figures = KeyFiguresBlock()
    links = LinksBlock()
    documents = DocumentListBlock()
    contact = ContactPersonBlock()


# Sections a programme page fills by itself -------------------------------------------------


class ProgrammeFeedBlock(SectionHeadingMixin):
    """A section listing the programme's latest items of one kind, or the items staff pinned.

    The page does the querying (`ProgrammePage.feed_items`), one query per section, so the
    section stays up to date without anyone editing the page.
    """

    feed = ""  # "news", "resources" or "case_studies": set by each subclass

    intro = blocks.TextBlock(required=False, label=_("Introduction"))
    count = blocks.IntegerBlock(
        default=3,
        min_value=1,
        max_value=12,
        label=_("How many to show"),
        help_text=_("The newest items are shown unless you pin items below."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        request = (parent_context or {}).get("request")
        pinned = [item for item in value.get("pinned") or [] if item]
        if hasattr(page, "feed_items"):
            context["items"] = page.feed_items(self.feed, pinned, value["count"], request)
            context["all_url"] = page.feed_listing_url(self.feed)
        else:
            context["items"] = pinned
        return context


class LatestNewsBlock(ProgrammeFeedBlock):
    feed = "news"
    pinned = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="news.NewsStoryPage"),
        required=False,
        max_num=12,
        label=_("Pinned stories"),
    )

    class Meta:
        icon = "calendar-alt"
        template = "components/blocks/latest_news_block.html"
        group = _("Automatic")
        label = _("Latest news")
        description = _("The programme's newest news stories, with place and date.")


class LatestResourcesBlock(ProgrammeFeedBlock):
    feed = "resources"
    layout = blocks.ChoiceBlock(
        choices=[
            ("summary", _("Title, summary and date")),
            ("documents", _("Document cards: type, size and date")),
        ],
        default="summary",
        label=_("Layout"),
    )
    pinned = blocks.ListBlock(
        DocumentChooserBlock(), required=False, max_num=12, label=_("Pinned documents")
    )

    class Meta:
        icon = "doc-full-inverse"
        template = "components/blocks/latest_resources_block.html"
        group = _("Automatic")
        label = _("Latest resources")
        description = _("The programme's newest documents from the resource library.")


class LatestCaseStudiesBlock(ProgrammeFeedBlock):
    feed = "case_studies"
    pinned = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="resources.CaseStudyPage"),
        required=False,
        max_num=12,
        label=_("Pinned case studies"),
    )

    class Meta:
        icon = "globe"
        template = "components/blocks/latest_case_studies_block.html"
        group = _("Automatic")
        label = _("Case studies")
        description = _("The programme's newest case studies from National Societies.")


class ProgrammeStreamBlock(BaseStreamBlock):
    """Every section shape a programme page is built from."""

    feature_cards = FeatureCardsBlock()
    story_callout = StoryCalloutBlock()
    activity_cards = ActivityCardsBlock()
    numbered_list = NumberedListBlock()
    partnerships = PartnershipsBlock()
    latest_news = LatestNewsBlock()
    latest_resources = LatestResourcesBlock()
    case_studies = LatestCaseStudiesBlock()

"""RSS 2.0 and Atom feeds of listing pages: the news, the resource library, the case studies.

A listing page takes `FeedListingMixin` and says how it filters its items; its feeds live at
`feed/rss/` and `feed/atom/` under the page, take the same query string as the page (the
listing's own filter set, so the feed lists what the filtered page lists) and answer a filter
value the form does not offer with a 400 that says which values it does. Each content app
writes the feed of its items as a `ListingFeed` (or, for pages with a date, a summary and a
picture, a `PageListingFeed`).
"""

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from .metadata import share_image

FEED_SIZE = 20
# A filter with more choices than this (countries) is described by its form, not listed.
LISTED_CHOICES = 30


class ListingFeed(Feed):
    """The newest items of a listing, with the listing's filters already applied."""

    default_description = ""  # when the listing page has no introduction

    def __init__(self, listing, items, request, *, atom=False, description=""):
        super().__init__()
        self.listing = listing
        self.listed_items = items
        self.request = request
        self.feed_type = Atom1Feed if atom else Rss201rev2Feed
        self.filter_description = description

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Content-Type"] = (
            "application/atom+xml; charset=utf-8"
            if self.feed_type is Atom1Feed
            else "application/rss+xml; charset=utf-8"
        )
        return response

    def absolute(self, url):
        return self.request.build_absolute_uri(url)

    def title(self):
        if self.filter_description:
            return f"{self.listing.title}: {self.filter_description}"
        return self.listing.title

    def description(self):
        return self.listing.intro or str(self.default_description)

    subtitle = description

    def link(self):
        url = self.absolute(self.listing.get_url(self.request))
        query = self.request.GET.urlencode()
        return f"{url}?{query}" if query else url

    def feed_url(self):
        return self.absolute(self.request.get_full_path())

    def items(self):
        return list(self.listed_items[:FEED_SIZE])

    def item_title(self, item):
        return item.title


class PageListingFeed(ListingFeed):
    """Pages with a date, a summary, a country and a main picture (news, case studies)."""

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return self.absolute(item.get_url(self.request))

    def item_pubdate(self, item):
        return datetime.datetime.combine(item.date, datetime.time(), tzinfo=datetime.UTC)

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [item.country.name] if item.country else []

    def item_enclosures(self, item):
        """The picture a shared link to the item shows (a JPEG that publishing made, found
        among the renditions the listing prefetched)."""
        found = share_image(item)
        if found is None:
            return []
        rendition, _image = found
        try:
            length = str(rendition.file.size)
        except OSError:
            return []
        return [Enclosure(self.absolute(rendition.url), length, "image/jpeg")]


def feed_query(request):
    """The listing's query string for its feeds: its filters, without the page number."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def bad_filters(request, filters, listing):
    """A 400 that says which filter of the address the feed cannot use and what it accepts.

    It names only the filters (never echoes what was typed) and the values they take."""
    lines = [_("This feed cannot use the filters in its address.")]
    listing_url = request.build_absolute_uri(listing.get_url(request))
    for name in filters.form.errors:
        field = filters.form.fields.get(name)
        values = [str(value) for value, _label in getattr(field, "choices", ()) if value]
        if values and len(values) <= LISTED_CHOICES:
            lines.append(
                _("“%(name)s” takes one of: %(values)s.")
                % {"name": name, "values": ", ".join(values)}
            )
        else:
            lines.append(
                _("“%(name)s” takes one of the values that the form on %(url)s offers.")
                % {"name": name, "url": listing_url}
            )
    feed_url = request.build_absolute_uri(request.path)
    lines.append(_("The feed without filters: %(url)s") % {"url": feed_url})
    response = HttpResponseBadRequest(
        "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
    )
    response["Cache-Control"] = "no-store"
    return response


class FeedListingMixin(RoutablePageMixin):
    """A listing page with RSS and Atom feeds of its filtered items: `feed/rss/?programme=...`.

    The page says how it filters (`filtered_items`) and which feed class writes its items;
    `feed_items` narrows what a feed may carry beyond what the page lists (case studies that
    may not be syndicated).
    """

    feed_class = ListingFeed

    def filtered_items(self, request):
        """(the listing's filter set, the items it lets through: none if a filter is bad)."""
        raise NotImplementedError

    def feed_items(self, items):
        return items

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["feed_query"] = feed_query(request)
        return context

    def get_cached_paths(self):
        # What a CDN must drop when the listing changes: the page and its unfiltered feeds.
        return ["/", "feed/rss/", "feed/atom/"]

    @path("")
    def listing(self, request):
        return self.render(request)

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        return self.feed(request, atom=False)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        return self.feed(request, atom=True)

    def feed(self, request, *, atom):
        filters, items = self.filtered_items(request)
        if filters.errors:
            return bad_filters(request, filters, self)
        description = ", ".join(str(value) for _label, value, _rest in filters.active_filters)
        feed = self.feed_class(
            self, self.feed_items(items), request, atom=atom, description=description
        )
        return feed(request)

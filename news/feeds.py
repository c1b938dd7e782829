"""RSS 2.0 and Atom feeds of news stories: all news, a programme's, or any filtered listing."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_SIZE = 20
ENCLOSURE_SPEC = "fill-1200x675-c100|format-jpeg"


class NewsFeed(Feed):
    """The newest stories of a listing, with the listing's filters already applied."""

    def __init__(self, index, stories, request, *, atom=False, description=""):
        super().__init__()
        self.index = index
        self.stories = stories
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

    def title(self):
        if self.filter_description:
            return f"{self.index.title}: {self.filter_description}"
        return self.index.title

    def description(self):
        return self.index.intro or _("News from the Red Cross and Red Crescent.")

    subtitle = description

    def link(self):
        url = self.request.build_absolute_uri(self.index.get_url(self.request))
        query = self.request.GET.urlencode()
        return f"{url}?{query}" if query else url

    def feed_url(self):
        return self.request.build_absolute_uri()

    def items(self):
        return list(self.stories[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return self.request.build_absolute_uri(item.get_url(self.request))

    def item_pubdate(self, item):
        return datetime.datetime.combine(item.date, datetime.time(), tzinfo=datetime.UTC)

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [item.country.name] if item.country else []

    def item_enclosures(self, item):
        if not item.hero_image:
            return []
        rendition = item.hero_image.get_rendition(ENCLOSURE_SPEC)
        try:
            length = str(rendition.file.size)
        except OSError:
            return []
        url = self.request.build_absolute_uri(rendition.url)
        return [Enclosure(url, length, "image/jpeg")]

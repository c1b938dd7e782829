"""RSS 2.0 and Atom feeds of the resource library and of the case studies, filtered like their
listings (ifrc_site/syndication.py)."""

import datetime

from django.utils.feedgenerator import Enclosure
from django.utils.translation import gettext_lazy as _

from ifrc_site.syndication import ListingFeed, PageListingFeed


class ResourceFeed(ListingFeed):
    """The newest documents of the library: each links to its file and carries it as an
    enclosure (address, size in bytes, type), for feed readers and podcast-style clients."""

    default_description = _("Reports, guidelines and other documents of the resource library.")
    item_guid_is_permalink = False

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return self.absolute(item.url)

    def item_guid(self, item):
        # The same in every language and whatever becomes of the file's name.
        host = self.request.get_host().split(":")[0]
        return f"tag:{host},{item.created_at:%Y-%m-%d}:document:{item.pk}"

    def item_pubdate(self, item):
        return datetime.datetime.combine(item.date, datetime.time(), tzinfo=datetime.UTC)

    def item_categories(self, item):
        return [item.get_resource_type_display(), *(country.name for country in item.countries)]

    def item_enclosures(self, item):
        size = item.file_size
        if size is None:
            try:
                size = item.file.size
            except OSError:  # the file is missing: the feed still lists the document
                return []
        return [Enclosure(self.absolute(item.url), str(size), item.content_type)]


class CaseStudyFeed(PageListingFeed):
    """The newest case studies that may be syndicated, each by its National Society."""

    default_description = _(
        "Case studies from the National Societies of the Red Cross and Red Crescent."
    )

    def item_author_name(self, item):
        return item.national_society.name

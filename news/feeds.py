"""RSS 2.0 and Atom feeds of news stories: all news, a programme's, or any filtered listing."""

from django.utils.translation import gettext_lazy as _

from ifrc_site.syndication import PageListingFeed


class NewsFeed(PageListingFeed):
    """The newest stories of a listing, with the listing's filters already applied; each with
    its dateline's country and its picture."""

    default_description = _("News from the Red Cross and Red Crescent.")

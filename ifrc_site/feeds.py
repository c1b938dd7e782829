"""The automatic sections of home and programme pages ("latest news", "latest resources",
"case studies"): each content app registers the feed it fills, in its AppConfig.ready().

The foundation knows no content model: a feed says how to find the items readers may see,
which field names their programmes, and which page lists all of them.
"""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Feed:
    name: str  # as the blocks name it: "news", "resources", "case_studies"
    # items(owner) -> the items readers may see (owner: the request, or the page for previews),
    # with what a card needs selected, newest first by `model.newest_first`.
    items: Any
    programme_lookup: str  # the field path to the programme page's translation_key
    listing_page: type  # the page type that lists every item (filtered by ?programme=)
    per_language: bool = True  # pages have a language; documents are shared by every language


_feeds = {}


def register_feed(feed):
    _feeds[feed.name] = feed
    return feed


def feed(name):
    """The registered feed of that name, or None."""
    return _feeds.get(name)


def feeds():
    return dict(_feeds)

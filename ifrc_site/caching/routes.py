"""Which page a URL path leads to, worked out once per content generation in each process.

Wagtail finds the page of `/en/news/a-story/` by walking down from the home page: each level
is a query for the child with that slug and another for its specific page, so a story cost
four queries and their Python before any of it was rendered. The path of a page changes only
when pages are published, unpublished, moved or deleted, and each of those starts a new
generation (`ifrc_site.signals`); until then the walk's outcome holds, and a request for the
same path loads its page directly, with one query.

What is kept is only which page it was (its model and id) and how many parts of the path
were its own: the page itself is loaded afresh for every request and routes the rest of the
path itself, so it still refuses to be served when it is not live, a routable page still
reads its sub-path (a feed, a help point), and nothing one request works out on a page
object passes to another.
"""

from .pagecache import generation

# (home page id, path parts) -> (generation, page model, page id, parts that are the page's
# own). Paths are those that led to a page: a handful per page, routable sub-paths included;
# the table is emptied when it grows past MAX_ROUTES.
_routes = {}
MAX_ROUTES = 20_000


def route(home, request, path_components, walk):
    """`home.route(request, path_components)`, where `walk` is Wagtail's own route."""
    if not path_components:
        return walk(request, path_components)
    current = generation()
    key = (home.pk, tuple(path_components))
    entry = _routes.get(key)
    if entry is not None and entry[0] == current:
        _generation, model, pk, own = entry
        # With its locale, which listings and links read.
        page = model.objects.filter(pk=pk).select_related("locale").first()
        if page is not None:
            return page.route(request, path_components[own:])
    result = walk(request, path_components)
    page = result[0]
    own = page.depth - home.depth
    if page.pk != home.pk and 0 < own <= len(path_components):
        if len(_routes) >= MAX_ROUTES:
            _routes.clear()
        _routes[key] = (current, type(page), page.pk, own)
    return result

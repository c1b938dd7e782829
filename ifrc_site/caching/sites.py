"""Which Wagtail site a reader's request is for, looked up once per content generation in each
process rather than with a query in every request that misses the page cache.

A site is saved or deleted only by an administrator, and that starts a new generation (see
`ifrc_site.signals`), so a lookup is good until the generation changes. Each request gets its
own copy of the site and its root page: a page instance remembers what it worked out (its
specific page, its translations), which must not pass from one request to the next. Each copy
is unpickled from bytes kept with the entry: a fifth of the time `copy.deepcopy` took.
"""

import pickle

from django.http.request import split_domain_port

from wagtail.models import Site

# (hostname, port) -> (generation, the site or None, pickled). Hosts are those ALLOWED_HOSTS
# lets in, and ports those of this server: a handful; the table is emptied if it holds more.
_sites = {}
MAX_HOSTS = 32
# Every site's root path, as of a generation (a site saved or a home page moved starts another).
_root_paths = {}


def site_for(request, generation):
    """The site Wagtail would find for `request` (`Site.find_for_request`), as of `generation`,
    without a query when this process has looked it up in this generation."""
    key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    entry = _sites.get(key)
    if entry is None or entry[0] != generation:
        if len(_sites) >= MAX_HOSTS:
            _sites.clear()
        site = Site._find_for_request(request)
        if site is not None:
            # Wagtail routes from the specific home page (`site.root_page.localized.specific`).
            site.root_page = site.root_page.specific
        entry = _sites[key] = (generation, pickle.dumps(site, pickle.HIGHEST_PROTOCOL))
    return pickle.loads(entry[1])


def remember_site(request, generation):
    """Hand Wagtail the request's site, as `Site.find_for_request` keeps it on the request, and
    the sites' root paths, which every page address is worked out from, as `Page.get_url`
    keeps them there (Wagtail reads them from the shared cache once per request)."""
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = site_for(request, generation)
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        if _root_paths.get("generation") != generation:
            _root_paths.update(generation=generation, paths=tuple(Site.get_site_root_paths()))
        request._wagtail_cached_site_root_paths = _root_paths["paths"]

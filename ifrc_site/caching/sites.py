"""Which Wagtail site a reader's request is for, looked up once per content generation in each
process rather than with a query in every request that misses the page cache.

A site is saved or deleted only by an administrator, and that starts a new generation (see
`ifrc_site.signals`), so a lookup is good until the generation changes. Each request gets its
own copy of the site and its root page: a page instance remembers what it worked out (its
specific page, its translations), which must not pass from one request to the next.
"""

import copy

from django.http.request import split_domain_port

from wagtail.models import Site

# (hostname, port) -> (generation, site or None). Hosts are those ALLOWED_HOSTS lets in, and
# ports those of this server: a handful; the table is emptied if it ever holds more.
_sites = {}
MAX_HOSTS = 32


def site_for(request, generation):
    """The site Wagtail would find for `request` (`Site.find_for_request`), as of `generation`,
    without a query when this process has looked it up in this generation."""
    key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    entry = _sites.get(key)
    if entry is None or entry[0] != generation:
        if len(_sites) >= MAX_HOSTS:
            _sites.clear()
        entry = _sites[key] = (generation, Site._find_for_request(request))
    return copy.deepcopy(entry[1])


def remember_site(request, generation):
    """Hand Wagtail the request's site, as `Site.find_for_request` keeps it on the request."""
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = site_for(request, generation)

"""The sitemap: Wagtail's, keeping the rule of every other door (ifrc_site/queries.py
`public()`): no draft, private or expired page."""

from wagtail.contrib.sitemaps import Sitemap

from .queries import public


class SiteSitemap(Sitemap):
    def items(self):
        return public(super().items(), self.request)

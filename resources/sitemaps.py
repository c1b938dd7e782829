"""The resource library's documents in the sitemap index: those readers may find (`listed()`),
each at its own address, with its publication date."""

from django.contrib.sitemaps import Sitemap

from .models import Resource


class DocumentSitemap(Sitemap):
    def items(self):
        return Resource.objects.listed().only(
            "pk", "file", "title", "publication_date", "created_at", "collection_id"
        )

    def location(self, document):
        return document.url

    def lastmod(self, document):
        return document.date

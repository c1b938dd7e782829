from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Resources")

    def ready(self):
        # Imported here, not at the top: models exist only once every app is loaded.
        from ifrc_site.api.registry import register_documents, register_page_rule
        from ifrc_site.caching.pagecache import register_schedule
        from ifrc_site.caching.purge import register_dependent_pages
        from ifrc_site.editorial.roles import register_approval_pages, register_society_pages
        from ifrc_site.feeds import Feed, register_feed
        from ifrc_site.queries import public
        from ifrc_site.search.kinds import register_kind
        from ifrc_site.sitemaps import register_sitemap

        from . import health, signals
        from .models import (
            CaseStudyIndexPage,
            CaseStudyPage,
            CaseStudySectionPage,
            Resource,
            ResourceIndexPage,
            next_document_change,
        )
        from .search import CaseStudyKind, DocumentKind
        from .sitemaps import DocumentSitemap

        signals.connect()
        register_schedule(next_document_change)
        health.register()
        register_feed(
            Feed(
                name="resources",
                # The library's rule: only documents readers may see (ResourceQuerySet.listed).
                items=lambda owner: Resource.objects.listed(),
                programme_lookup="programmes__translation_key",
                listing_page=ResourceIndexPage,
                per_language=False,
            )
        )
        register_feed(
            Feed(
                name="case_studies",
                items=lambda owner: public(CaseStudyPage.objects.live(), owner).select_related(
                    *CaseStudyPage.listing_related
                ),
                programme_lookup="programme__translation_key",
                listing_page=CaseStudyIndexPage,
            )
        )
        # The partner API: the library's documents, and only the case studies that partner
        # sites may carry (consent recorded, not marked "do not syndicate").
        register_documents(lambda: Resource.objects.listed())
        register_page_rule(CaseStudyPage, CaseStudyPage.syndicated)
        register_kind(CaseStudyKind())
        register_kind(DocumentKind())
        register_sitemap("documents", DocumentSitemap)
        register_dependent_pages(ResourceIndexPage, CaseStudyIndexPage, CaseStudySectionPage)
        # National Society editors write in their society's case-study sections, which go
        # through approval with the listings above them.
        register_society_pages(
            lambda society: CaseStudySectionPage.objects.filter(
                national_society__translation_key=society.translation_key
            )
        )
        register_approval_pages(lambda: CaseStudyIndexPage.objects.all())

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        # Imported here, not at the top: models exist only once every app is loaded.
        from ifrc_site.caching.purge import register_dependent_pages
        from ifrc_site.feeds import Feed, register_feed
        from ifrc_site.queries import public
        from ifrc_site.search.kinds import register_kind

        from .models import NewsIndexPage, NewsStoryPage
        from .search import NewsKind

        register_feed(
            Feed(
                name="news",
                items=lambda owner: public(NewsStoryPage.objects.live(), owner).select_related(
                    *NewsStoryPage.listing_related
                ),
                programme_lookup="programmes__translation_key",
                listing_page=NewsIndexPage,
            )
        )
        register_kind(NewsKind())
        register_dependent_pages(NewsIndexPage)

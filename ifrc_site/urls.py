from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import views
from .api.views import router as api_router
from .editorial import admin_views
from .search.views import search
from .sitemaps import sitemap_index, sitemap_section
from .views import media

urlpatterns = [
    # Wagtail's explorer and page types report, behind the guards for society editors.
    path("admin/pages/<int:parent_page_id>/", admin_views.explore),
    path("admin/pages/<int:parent_page_id>/results/", admin_views.explore_results),
    path("admin/reports/page-types-usage/", admin_views.page_types_usage),
    path("admin/reports/page-types-usage/results/", admin_views.page_types_usage_results),
    # Images, documents and bulk actions: only what the user's permissions cover.
    path("admin/images/<int:image_id>/", admin_views.image_edit),
    path("admin/images/usage/<int:image_id>/", admin_views.image_usage),
    path("admin/documents/edit/<int:document_id>/", admin_views.document_edit),
    path("admin/documents/usage/<int:document_id>/", admin_views.document_usage),
    path("admin/bulk/<str:app_label>/<str:model_name>/<str:action>/", admin_views.bulk_action),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # Outside the language prefixes: the switcher's links, which remember the reader's choice.
    path("language/<str:language_code>/", views.choose_language, name="choose_language"),
    # The read-only API for partners (docs/api.md), outside the languages: every item says its
    # own.
    path("api/v2/", api_router.urls),
]

if settings.SERVE_MEDIA:
    # Only where nothing is in front of the site (`make run`, `make serve`): a web server or
    # object storage serves media in production.
    urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media, name="media")]

urlpatterns += i18n_patterns(
    path("low-data/", views.low_data, name="low_data"),
    path("search/", search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "ifrc_site.views.page_not_found"
handler500 = "ifrc_site.views.server_error"

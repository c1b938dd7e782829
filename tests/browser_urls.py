"""The site's URLs plus uploaded files, for browser tests (the live server runs without DEBUG,
so pictures would otherwise not load)."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from ifrc_site.urls import handler404, handler500, urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *urlpatterns,
]

__all__ = ["handler404", "handler500", "urlpatterns"]

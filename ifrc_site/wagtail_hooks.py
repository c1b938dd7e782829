"""Admin hooks of the site-wide app."""

from wagtail import hooks

from .permissions import chooser_pages_for


@hooks.register("construct_page_chooser_queryset")
def page_chooser_hides_other_drafts(pages, request):
    return chooser_pages_for(request.user, pages)

"""Guards in front of some of Wagtail's admin views, for National Society editors.

A society's editors may edit its case-study section in every language, so the part of the tree
they may explore starts at the root. Wagtail's explorer then opens any page by its id and shows
its title and its translations; its page types report names the latest page of every type. For
people who cannot see the whole tree, the explorer opens only the pages on the way to their
sections and inside them (others send them to the explorer's start), and the report is refused.

Images and documents: the edit and usage views of a file outside the collections someone holds
a permission in are refused without naming it (permissions.media_visible_to), and so is the
admin API's listing and detail of them (the endpoints below replace Wagtail's, see
wagtail_hooks.py). Bulk actions list the title of every item they are given, including those
the user may not act on; they are refused as a whole when any item is outside what the user may
edit.

The addresses are Wagtail's own; `ifrc_site/urls.py` routes them here first.
"""

from functools import wraps

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import redirect

from wagtail.admin.auth import permission_denied, require_admin_access
from wagtail.admin.views.bulk_action import index as wagtail_bulk_action
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.models import AbstractDocument
from wagtail.documents.views import documents as document_views
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.models import AbstractImage
from wagtail.images.views import images as image_views
from wagtail.models import Page

from .permissions import can_see_whole_tree, media_visible_to, own_part, pages_editable_by


def only_own_part(view):
    @wraps(view)
    def guarded(request, parent_page_id, **kwargs):
        user = request.user
        if (
            not can_see_whole_tree(user)
            and Page.objects.filter(pk=parent_page_id).exists()
            and not Page.objects.filter(own_part(user), pk=parent_page_id).exists()
        ):
            return redirect("wagtailadmin_explore_root")
        return view(request, parent_page_id=parent_page_id, **kwargs)

    return require_admin_access(guarded)


def only_whole_tree(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not can_see_whole_tree(request.user):
            return permission_denied(request)
        return view(request, *args, **kwargs)

    return require_admin_access(guarded)


explore = only_own_part(
    page_viewset_registry.as_view("index", parent_page_id_kwarg="parent_page_id")
)
explore_results = only_own_part(
    page_viewset_registry.as_view("index_results", parent_page_id_kwarg="parent_page_id")
)
page_types_usage = only_whole_tree(PageTypesUsageReportView.as_view())
page_types_usage_results = only_whole_tree(PageTypesUsageReportView.as_view(results_only=True))


# Images and documents ----------------------------------------------------------------------


def only_visible_media(view, model, id_kwarg):
    """Refuse the view for a file outside the user's collections, as for a missing one's id."""

    @wraps(view)
    def guarded(request, **kwargs):
        files = model._default_manager.filter(pk=kwargs[id_kwarg])
        if files.exists() and not media_visible_to(request.user, files).exists():
            return permission_denied(request)
        return view(request, **kwargs)

    return require_admin_access(guarded)


image_edit = only_visible_media(image_views.EditView.as_view(), get_image_model(), "image_id")
image_usage = only_visible_media(image_views.UsageView.as_view(), get_image_model(), "image_id")
document_edit = only_visible_media(
    document_views.EditView.as_view(), get_document_model(), "document_id"
)
document_usage = only_visible_media(
    document_views.UsageView.as_view(), get_document_model(), "document_id"
)


class ConfinedDocumentsAPIViewSet(DocumentsAdminAPIViewSet):
    """The admin API's documents (used by the admin's choosers and previews): only those in
    the user's collections, in the listing and by id."""

    def get_queryset(self):
        return media_visible_to(self.request.user, super().get_queryset())


class ConfinedImagesAPIViewSet(ImagesAdminAPIViewSet):
    """The admin API's images: only those in the user's collections."""

    def get_queryset(self):
        return media_visible_to(self.request.user, super().get_queryset())


# Bulk actions ------------------------------------------------------------------------------


def may_act_on(user, model, pks):
    """Whether every one of these items is inside what `user` may edit: pages in their part
    of the tree, images and documents in their collections, anything else only with the
    model's own add, change or delete permission."""
    if user.is_active and user.is_superuser:
        return True
    items = model._default_manager.filter(pk__in=pks)
    if issubclass(model, Page):
        allowed = pages_editable_by(user, items)
    elif issubclass(model, (AbstractImage, AbstractDocument)):
        allowed = media_visible_to(user, items)
    else:
        opts = model._meta
        return any(
            user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")
            for action in ("add", "change", "delete")
        )
    return items.count() == allowed.count()


def bulk_action(request, app_label, model_name, action):
    """Wagtail's bulk actions (`/admin/bulk/<app>/<model>/<action>/?id=..`), refused when any
    item is outside what the user may edit: the confirmation page would list its title."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    action_class = bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
    if action_class is None:
        raise Http404
    pks = request.GET.getlist("id")
    try:
        if "all" in pks:
            listing = action_class(request, model).get_all_objects_in_listing_query(
                request.GET.get("childOf")
            )
            pks = [getattr(item, "pk", item) for item in listing]
        allowed = may_act_on(request.user, model, pks)
    except (ObjectDoesNotExist, ValueError, TypeError, ValidationError) as error:
        raise Http404 from error
    if not allowed:
        return permission_denied(request)
    return wagtail_bulk_action(request, app_label, model_name, action)


bulk_action = require_admin_access(bulk_action)

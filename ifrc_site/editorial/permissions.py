"""Closing the gaps that Wagtail's default permissions leave for National Society editors.

Registered in IfrcSiteConfig.ready() and ifrc_site/wagtail_hooks.py.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import page_permission_policy, policy_registry

EDIT_ACTIONS = {"change", "delete"}


def used_on_live_page(instance):
    """Whether a published page shows this image or links to this document."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(instance)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return Page.objects.live().filter(pk__in=[int(pk) for pk in page_ids]).exists()


class ApprovedMediaPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's policy for images and documents, less one thing.

    Wagtail lets someone who may only *add* images or documents change and delete the ones
    they uploaded. Once a published page uses such a file, changing it (a new picture under
    the same id, a new PDF, a deleted photo) would reach readers without anyone approving it.
    So that right holds only while no live page uses the file; people with the collection's
    own "change" permission (communications staff) are not affected.
    """

    def user_has_any_permission_for_instance(self, user, actions, instance):
        actions = set(actions)
        if actions - EDIT_ACTIONS and super().user_has_any_permission_for_instance(
            user, actions - EDIT_ACTIONS, instance
        ):
            return True
        edit = actions & EDIT_ACTIONS
        if not edit or not super().user_has_any_permission_for_instance(user, edit, instance):
            return False
        if user.is_superuser or self._check_perm(user, ["change"], instance.collection):
            return True
        return not used_on_live_page(instance)


def register_media_policies():
    """Use the narrower policy for our image and document models (exact classes, so that it
    wins over the policies Wagtail registers for its base classes)."""
    policy_registry.register(
        get_document_model(),
        value=ApprovedMediaPermissionPolicy(
            get_document_model(),
            auth_model="wagtaildocs.Document",
            owner_field_name="uploaded_by_user",
        ),
        exact_class=True,
    )
    policy_registry.register(
        get_image_model(),
        value=ApprovedMediaPermissionPolicy(
            get_image_model(),
            auth_model="wagtailimages.Image",
            owner_field_name="uploaded_by_user",
        ),
        exact_class=True,
    )


def can_see_whole_tree(user):
    """Superusers and people who may edit from the root (communications staff)."""
    if user.is_superuser:
        return True
    return "change" in Page.get_first_root_node().permissions_for_user(user).permissions


def own_part(user):
    """The pages someone who cannot see the whole tree finds in the explorer: the sections they
    may edit (in every language), everything inside them and the pages on the way to them."""
    query = Q(pk__in=[])
    for root in Page.objects.filter(group_permissions__group__user=user).distinct():
        ancestors = [root.path[:end] for end in range(Page.steplen, len(root.path), Page.steplen)]
        query |= Q(path__startswith=root.path) | Q(path__in=ancestors)
    return query


def chooser_pages_for(user, pages):
    """What the page chooser offers: Wagtail offers every page, drafts included, to anyone
    with admin access. National Society editors see published pages (to link to) and the
    pages of their own section; never another part's unpublished drafts."""
    if can_see_whole_tree(user):
        return pages
    own = page_permission_policy.explorable_instances(user).values_list("pk", flat=True)
    return pages.filter(Q(live=True) | Q(pk__in=own))


# What the admin shows of images, documents and pages ---------------------------------------

MEDIA_ACTIONS = ("add", "change", "delete", "choose")
PAGE_ACTIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")


def media_collections(user, model):
    """The collections (with everything under them) in which `user` holds any permission on
    `model`, an image or document model, according to its policy (ApprovedMediaPermissionPolicy
    for ours)."""
    policy = policy_registry.get_by_type(model)
    return policy.collections_user_has_any_permission_for(user, MEDIA_ACTIONS)


def media_visible_to(user, queryset):
    """The images or documents of `queryset` that `user` may see in the admin: those in
    collections they hold a permission in. Superusers and communications staff (permissions on
    the root collection) see everything; a National Society's editors see their society's
    collection only. Every admin door that lists or names images and documents applies this:
    the choosers, the admin API, the usage and edit views and the bulk actions."""
    if user.is_active and user.is_superuser:
        return queryset
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(collection__in=media_collections(user, queryset.model))


def media_visible(user, instance):
    """Whether `user` may see this one image or document (media_visible_to)."""
    model = type(instance)
    return media_visible_to(user, model._default_manager.filter(pk=instance.pk)).exists()


def pages_editable_by(user, pages):
    """The pages of `pages` inside the parts of the tree where `user` holds a page permission:
    everything for communications staff, a society's sections for its editors."""
    if can_see_whole_tree(user):
        return pages
    own = page_permission_policy.instances_user_has_any_permission_for(user, PAGE_ACTIONS)
    return pages.filter(pk__in=own.values("pk"))

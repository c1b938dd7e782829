"""Who may do what in the admin: the editorial groups and the approval workflow.

Two kinds of group, both kept in sync by the functions below (each safe to run again):

- **Communications staff** edit and publish every page, manage every document and image,
  translate pages and approve what National Societies submit.
- **One group per National Society** ("<society> editors"): admin access, add and change
  pages only in that society's case-study section(s), add and choose documents and images only
  in that society's collection. No publishing, no deleting of published pages, no locking, no
  translating, no users, no settings, no snippets.

Case studies go through the "Case study approval" workflow, assigned to every case-study
listing (so to every section under it): a society's editor submits, communications staff are
e-mailed and approve (which publishes) or request changes with a comment.

`setup_roles()` does everything (`manage.py setup_roles` and the demo loader call it); the
signal handlers connected in `IfrcSiteConfig.ready()` keep a society's group, collection and
section permissions in step when a society or a section is saved. A society's group exists
from the moment the society does; its page permissions follow when communications staff add
the society's section under the case-study listing. Groups managed here are authoritative:
page and collection permissions added to them by hand are removed on the next sync.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from ..models import NationalSociety

COMMUNICATIONS_GROUP = "Communications staff"
SOCIETIES_COLLECTION = "National Societies"
# Where communications staff's uploads go unless they choose another collection.
LIBRARY_COLLECTION = "Library"
WORKFLOW_NAME = "Case study approval"
TASK_NAME = "Communications staff approval"

# What Wagtail's own migrations create, and what we replace.
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")

COMMUNICATIONS_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
)
SOCIETY_PAGE_PERMISSIONS = ("add_page", "change_page")

COMMUNICATIONS_MEDIA_PERMISSIONS = (
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.delete_document",
    "wagtaildocs.choose_document",
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.delete_image",
    "wagtailimages.choose_image",
)
# With "add" alone, Wagtail also lets people change and delete what they uploaded themselves;
# ifrc_site.editorial.permissions narrows that to files no live page uses.
SOCIETY_MEDIA_PERMISSIONS = (
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
)

COMMUNICATIONS_MODEL_PERMISSIONS = (
    "wagtailadmin.access_admin",
    "simple_translation.submit_translation",
    # Promoted search results (Settings > Promoted search results).
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
    "wagtailsearchpromotions.delete_searchpromotion",
)
SOCIETY_MODEL_PERMISSIONS = ("wagtailadmin.access_admin",)


def permission(name):
    """A Django Permission from "app_label.codename"."""
    app_label, codename = name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def page_permission(codename):
    return permission(f"wagtailcore.{codename}")


# Keeping a group's permissions exactly as intended -----------------------------------------


def set_model_permissions(group, names):
    group.permissions.set([permission(name) for name in names])


def set_page_permissions(group, pages, codenames):
    """Grant `codenames` on each of `pages` and take away any other page permission."""
    wanted = {(page.pk, page_permission(codename).pk) for page in pages for codename in codenames}
    existing = GroupPagePermission.objects.filter(group=group)
    for grant in existing:
        if (grant.page_id, grant.permission_id) not in wanted:
            grant.delete()
    have = set(existing.values_list("page_id", "permission_id"))
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page_id=page_id, permission_id=permission_id)
        for page_id, permission_id in wanted - have
    )


def set_collection_permissions(group, collection, names):
    """Grant `names` on `collection` alone and take away any other collection permission."""
    wanted = {(collection.pk, permission(name).pk) for name in names}
    existing = GroupCollectionPermission.objects.filter(group=group)
    for grant in existing:
        if (grant.collection_id, grant.permission_id) not in wanted:
            grant.delete()
    have = set(existing.values_list("collection_id", "permission_id"))
    GroupCollectionPermission.objects.bulk_create(
        GroupCollectionPermission(group=group, collection_id=coll_id, permission_id=perm_id)
        for coll_id, perm_id in wanted - have
    )


def child_collection(parent, name):
    collection = parent.get_children().filter(name=name).first()
    if collection is None:
        collection = parent.add_child(instance=Collection(name=name))
    return collection


# Communications staff ----------------------------------------------------------------------


def communications_group():
    group, _created = Group.objects.get_or_create(name=COMMUNICATIONS_GROUP)
    set_model_permissions(group, COMMUNICATIONS_MODEL_PERMISSIONS)
    set_page_permissions(group, [Page.get_first_root_node()], COMMUNICATIONS_PAGE_PERMISSIONS)
    root = Collection.get_first_root_node()
    set_collection_permissions(group, root, COMMUNICATIONS_MEDIA_PERMISSIONS)
    child_collection(root, LIBRARY_COLLECTION)
    return group


# National Societies ------------------------------------------------------------------------
#
# The pages a society's editors write in, and the pages under the approval workflow, belong to
# the content apps (resources: the case-study sections and listings): they register a function
# that finds them, in their ready().

_society_pages = []  # functions(society) -> the pages that society's editors may write in
_approval_pages = []  # functions() -> the pages whose subtree goes through approval


def register_society_pages(func):
    if func not in _society_pages:
        _society_pages.append(func)
    return func


def register_approval_pages(func):
    if func not in _approval_pages:
        _approval_pages.append(func)
    return func


def society_pages(society):
    """Every page the society's editors may add pages under and edit, in every language."""
    return [page for func in _society_pages for page in func(society)]


def society_group_name(society):
    return f"{society.name} editors"[:150]


def sync_society(society):
    """Create or update a society's editors' group, collection and section permissions.

    A society and its translations share one group and one collection, named after the
    society in the default language.
    """
    translations = NationalSociety.objects.filter(translation_key=society.translation_key)
    named_by = (
        translations.filter(locale=Locale.get_default()).first()
        or translations.order_by("pk").first()
        or society
    )
    group = next((t.editor_group for t in translations if t.editor_group_id), None)
    collection = next((t.collection for t in translations if t.collection_id), None)

    others = NationalSociety.objects.exclude(translation_key=society.translation_key)
    name = society_group_name(named_by)
    if group is None:
        if others.filter(editor_group__name=name).exists():
            # Another society of the same name: never share its group.
            name = f"{named_by.name} ({named_by.slug}) editors"[:150]
        group, _created = Group.objects.get_or_create(name=name)
    elif group.name != name and not Group.objects.filter(name=name).exists():
        group.name = name
        group.save(update_fields=["name"])

    if collection is None:
        parent = child_collection(Collection.get_first_root_node(), SOCIETIES_COLLECTION)
        name = named_by.name
        if others.filter(collection__name=name, collection__path__startswith=parent.path).exists():
            name = f"{named_by.name} ({named_by.slug})"
        collection = child_collection(parent, name)
    elif (
        collection.name != named_by.name
        and not collection.get_siblings().filter(name=named_by.name).exists()
    ):
        collection.name = named_by.name
        collection.save(update_fields=["name"])

    # update() rather than save(): no second post_save for the same society.
    translations.update(editor_group=group, collection=collection)
    society.editor_group, society.collection = group, collection

    sections = society_pages(society)
    set_model_permissions(group, SOCIETY_MODEL_PERMISSIONS)
    set_page_permissions(group, sections, SOCIETY_PAGE_PERMISSIONS)
    set_collection_permissions(group, collection, SOCIETY_MEDIA_PERMISSIONS)
    return group


def society_groups():
    return Group.objects.filter(
        pk__in=NationalSociety.objects.exclude(editor_group=None).values("editor_group")
    )


# The approval workflow ---------------------------------------------------------------------


def approval_workflow(communications):
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
    task.groups.set([communications])

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    return workflow


def assign_workflow(index_page):
    """Put a case-study listing, and so every section under it, under the approval workflow."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page=index_page, defaults={"workflow": workflow})


def remove_wagtail_defaults(workflow):
    """Wagtail's first migrations assign "Moderators approval" to the root page, so every page
    would offer "Submit for moderation" to the default Moderators, and create "Editors" and
    "Moderators" groups with rights over the whole tree. We use our own instead."""
    for default in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True):
        default.deactivate()
    WorkflowPage.objects.filter(page__depth=1).exclude(workflow=workflow).delete()
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()


# Everything at once ------------------------------------------------------------------------


@transaction.atomic
def setup_roles():
    """Create or repair every group, permission and the workflow. Creates no users."""
    communications = communications_group()
    workflow = approval_workflow(communications)
    for pages in _approval_pages:
        for page in pages():
            assign_workflow(page)
    remove_wagtail_defaults(workflow)
    done = set()
    for society in NationalSociety.objects.order_by("pk"):
        if society.translation_key not in done:
            sync_society(society)
            done.add(society.translation_key)
    return communications


# Signal receivers, connected in ifrc_site/signals.py -----------------------------------------


def national_society_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_society(instance)


def section_saved(sender, instance, created=False, raw=False, **kwargs):
    """A society's section of pages saved (case studies, help points; each app connects its
    own): a new section, or one moved to another society, changes who may write in it. Any
    other save (each edit, each publish) finds its society's editors, and only theirs,
    holding exactly their rights on it, and changes nothing."""
    if raw:
        return
    holders = list(
        (
            NationalSociety.objects.filter(editor_group__page_permissions__page=instance)
            | NationalSociety.objects.filter(pk=instance.national_society_id)
        ).distinct()
    )
    if not created and section_settled(instance, holders):
        return
    done = set()
    for society in holders:
        if society.translation_key not in done:
            sync_society(society)
            done.add(society.translation_key)


def section_settled(section, holders):
    """Whether the editors of the section's society, and no others, hold exactly the society
    page permissions on it (`holders`: the societies whose editors hold any, and its own)."""
    own = next((society for society in holders if society.pk == section.national_society_id), None)
    if own is None or own.editor_group_id is None:
        return False
    if any(society.translation_key != own.translation_key for society in holders):
        return False
    granted = GroupPagePermission.objects.filter(group_id=own.editor_group_id, page=section)
    return sorted(granted.values_list("permission__codename", flat=True)) == sorted(
        SOCIETY_PAGE_PERMISSIONS
    )

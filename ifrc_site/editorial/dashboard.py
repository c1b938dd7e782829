"""What waits for each role, on the admin's dashboard.

Communications staff see the pages awaiting their approval, what is scheduled to go live, what
expires in the next two weeks and their own drafts. A National Society's editors see their
section's drafts, what they have submitted and what came back with changes requested. Each list
gives its count and its first few items, each linking to its edit page; the number of database
queries does not grow with the number of items.

Added to Wagtail's own panels by ifrc_site/wagtail_hooks.py (construct_homepage_panels).
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.db.models import CharField, Exists, IntegerField, OuterRef, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.documents import get_document_model
from wagtail.models import (
    Page,
    Revision,
    TaskState,
    WorkflowState,
    get_default_page_content_type,
)

from ..caching.pagecache import fragment
from ..models import NationalSociety
from . import health
from .permissions import can_see_whole_tree

SHOWN = 5
EXPIRY_WINDOW = datetime.timedelta(days=14)


@dataclass
class Item:
    """One line of a list: what it is, where to edit it, when and a short note."""

    title: str
    url: str
    when: datetime.datetime | None
    note: str = ""
    locale_id: int | None = None


@dataclass
class Listing:
    """One list of a panel."""

    name: str
    heading: str
    help_text: str
    empty_text: str
    when_label: str
    count: int = 0
    items: list = field(default_factory=list)

    @property
    def more(self):
        return self.count - len(self.items)


def page_item(page, when, note=""):
    return Item(
        title=page.get_admin_display_title(),
        url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
        when=when,
        note=note,
        locale_id=page.locale_id,
    )


def document_item(document, when, note=""):
    return Item(
        title=document.title,
        url=reverse("wagtaildocs:edit", args=[document.pk]),
        when=when,
        note=note,
    )


def pages_by_id(object_ids):
    """The pages of these ids (as stored in workflow states and revisions), in one query."""
    return Page.objects.in_bulk([int(pk) for pk in object_ids])


def person(user):
    if user is None:
        return _("someone no longer registered")
    return user.get_full_name() or user.get_username()


def has_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def page_states(states, pages):
    """Workflow states of the pages `pages` selects, matched on the page's id (stored as text:
    Cast, so that PostgreSQL compares like with like)."""
    return states.filter(
        base_content_type=get_default_page_content_type(),
    ).filter(Exists(pages.filter(pk=Cast(OuterRef("object_id"), IntegerField()))))


def fill_with_pages(listing, states, page_id, item):
    """Count `states` (workflow or task states) and list the first few as page items: the
    pages in one query, each line made by `item(page, state)`; pages gone since are skipped."""
    listing.count = states.count()
    if listing.count:
        shown = list(states[:SHOWN])
        pages = pages_by_id(page_id(state) for state in shown)
        listing.items = [
            item(pages[int(page_id(state))], state)
            for state in shown
            if int(page_id(state)) in pages
        ]
    return listing


def in_active_workflow():
    """For a page queryset: whether the page is submitted or has changes requested."""
    return Exists(
        WorkflowState.objects.active().filter(
            base_content_type=get_default_page_content_type(),
            object_id=Cast(OuterRef("pk"), CharField()),
        )
    )


class RolePanel(Component):
    """A dashboard panel of lists; subclasses say which lists."""

    template_name = "ifrc_site/dashboard/panel.html"
    order = 100
    panel_id = ""
    heading = ""
    help_text = ""

    def __init__(self, user):
        self.user = user

    def listings(self):
        raise NotImplementedError

    def get_context_data(self, parent_context=None):
        return {
            "panel_id": self.panel_id,
            "heading": self.heading,
            "help_text": self.help_text,
            "listings": self.listings(),
        }


class CommunicationsPanel(RolePanel):
    """For communications staff (and administrators): what needs their attention."""

    name = "communications_to_do"
    panel_id = "communications-to-do"
    heading = _("Waiting for communications staff")
    help_text = _(
        "What needs you: submissions to approve, what goes live or comes down soon, and your "
        "own unfinished drafts. Click a title to open it."
    )

    def listings(self):
        return [
            self.awaiting_approval(),
            self.scheduled(),
            self.expiring(),
            self.own_drafts(),
        ]

    def awaiting_approval(self):
        listing = Listing(
            name="awaiting-approval",
            heading=_("Awaiting your approval"),
            help_text=_(
                "Pages submitted for approval, oldest first. Open one to approve it (which "
                "publishes it) or to request changes."
            ),
            empty_text=_("Nothing is waiting for your approval."),
            when_label=_("Submitted"),
        )
        states = (
            TaskState.objects.reviewable_by(self.user)
            .filter(workflow_state__base_content_type=get_default_page_content_type())
            .select_related("workflow_state__requested_by")
            .order_by("started_at", "pk")
        )
        return fill_with_pages(
            listing,
            states,
            lambda state: state.workflow_state.object_id,
            lambda page, state: page_item(
                page,
                state.started_at,
                _("Submitted by %(name)s") % {"name": person(state.workflow_state.requested_by)},
            ),
        )

    def scheduled(self):
        """Pages with an approved go-live time (a first publication or changes to a live page)
        and documents whose go-live time is still to come, soonest first."""
        listing = Listing(
            name="scheduled",
            heading=_("Scheduled to go live"),
            help_text=_(
                "Pages and documents that will be published automatically at the time shown, "
                "soonest first."
            ),
            empty_text=_("Nothing is scheduled."),
            when_label=_("Goes live"),
        )
        revisions = Revision.page_revisions.filter(approved_go_live_at__isnull=False).order_by(
            "approved_go_live_at", "pk"
        )
        listing.count = revisions.count()
        items = []
        if listing.count:
            shown = list(revisions[:SHOWN])
            pages = pages_by_id(revision.object_id for revision in shown)
            for revision in shown:
                page = pages.get(int(revision.object_id))
                if page is not None:
                    note = _("Changes to a published page") if page.live else _("New page")
                    items.append(page_item(page, revision.approved_go_live_at, note))
        Document = get_document_model()
        if has_field(Document, "go_live_at"):
            documents = Document.objects.filter(go_live_at__gt=timezone.now()).order_by(
                "go_live_at", "pk"
            )
            count = documents.count()
            listing.count += count
            if count:
                items += [
                    document_item(document, document.go_live_at, _("Document"))
                    for document in documents[:SHOWN]
                ]
        listing.items = sorted(items, key=lambda item: item.when)[:SHOWN]
        return listing

    def expiring(self):
        listing = Listing(
            name="expiring",
            heading=_("Expiring in the next 14 days"),
            help_text=_(
                "Published pages and documents that will be taken down automatically at their "
                "expiry time, soonest first. Change the expiry date to keep one."
            ),
            empty_text=_("Nothing expires in the next 14 days."),
            when_label=_("Expires"),
        )
        now = timezone.now()
        window = {"expire_at__gt": now, "expire_at__lte": now + EXPIRY_WINDOW}
        pages = Page.objects.live().filter(**window).order_by("expire_at", "pk")
        listing.count = pages.count()
        items = []
        if listing.count:
            items = [page_item(page, page.expire_at) for page in pages[:SHOWN]]
        Document = get_document_model()
        if has_field(Document, "expire_at"):
            documents = Document.objects.filter(**window).order_by("expire_at", "pk")
            count = documents.count()
            listing.count += count
            if count:
                items += [
                    document_item(document, document.expire_at, _("Document"))
                    for document in documents[:SHOWN]
                ]
        listing.items = sorted(items, key=lambda item: item.when)[:SHOWN]
        return listing

    def own_drafts(self):
        listing = Listing(
            name="own-drafts",
            heading=_("Your drafts"),
            help_text=_(
                "Pages you own with changes saved but not yet published, most recently edited "
                "first."
            ),
            empty_text=_("You have no unpublished drafts."),
            when_label=_("Last saved"),
        )
        pages = Page.objects.filter(owner=self.user, has_unpublished_changes=True).order_by(
            "-latest_revision_created_at", "-pk"
        )
        listing.count = pages.count()
        if listing.count:
            listing.items = [
                page_item(page, page.latest_revision_created_at) for page in pages[:SHOWN]
            ]
        return listing


class SocietyEditorPanel(RolePanel):
    """For a National Society's editors: the state of the case studies in their section."""

    name = "society_editor_to_do"
    panel_id = "society-editor-to-do"
    heading = _("Your case studies")
    help_text = _(
        "Case studies in your society's section: drafts to finish, what you have submitted for "
        "approval, and what communications staff have sent back with changes requested. Click "
        "a title to open it."
    )

    def sections(self):
        """The parts of the tree where the user's groups may add and change pages."""
        roots = Page.objects.filter(group_permissions__group__user=self.user).distinct()
        query = Q(pk__in=[])
        for path in roots.values_list("path", flat=True):
            query |= Q(path__startswith=path)
        return Page.objects.filter(query)

    def listings(self):
        pages = self.sections()
        return [self.drafts(pages), self.submitted(pages), self.changes_requested(pages)]

    def drafts(self, pages):
        listing = Listing(
            name="drafts",
            heading=_("Drafts in your section"),
            help_text=_(
                "Case studies saved but not yet submitted for approval, most recently edited "
                "first. Submit one when it is ready."
            ),
            empty_text=_("There are no unsubmitted drafts in your section."),
            when_label=_("Last saved"),
        )
        drafts = (
            pages.filter(has_unpublished_changes=True)
            .exclude(in_active_workflow())
            .select_related("latest_revision__user")
            .order_by("-latest_revision_created_at", "-pk")
        )
        listing.count = drafts.count()
        if listing.count:
            listing.items = [
                page_item(
                    page,
                    page.latest_revision_created_at,
                    _("Last saved by %(name)s")
                    % {"name": person(page.latest_revision.user if page.latest_revision else None)},
                )
                for page in drafts[:SHOWN]
            ]
        return listing

    def submitted(self, pages):
        listing = Listing(
            name="submitted",
            heading=_("Submitted for approval"),
            help_text=_(
                "Case studies waiting for communications staff to approve them, oldest first. "
                "You will get an e-mail when they have been reviewed."
            ),
            empty_text=_("Nothing from your section is waiting for approval."),
            when_label=_("Submitted"),
        )
        states = (
            page_states(
                WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS), pages
            )
            .select_related("requested_by")
            .order_by("created_at", "pk")
        )
        return fill_with_pages(
            listing,
            states,
            lambda state: state.object_id,
            lambda page, state: page_item(
                page,
                state.created_at,
                _("Submitted by %(name)s") % {"name": person(state.requested_by)},
            ),
        )

    def changes_requested(self, pages):
        listing = Listing(
            name="changes-requested",
            heading=_("Changes requested"),
            help_text=_(
                "Case studies that communications staff sent back, with their comment. Open "
                "one, make the changes and submit it again."
            ),
            empty_text=_("No changes have been requested."),
            when_label=_("Sent back"),
        )
        states = (
            page_states(
                WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES), pages
            )
            .select_related("current_task_state__finished_by")
            .order_by("-current_task_state__finished_at", "-pk")
        )

        def sent_back(page, state):
            task_state = state.current_task_state
            reviewer = person(task_state.finished_by) if task_state else ""
            comment = (task_state.comment if task_state else "") or _("no comment")
            return page_item(
                page,
                task_state.finished_at if task_state else state.created_at,
                _("%(name)s: %(comment)s") % {"name": reviewer, "comment": comment},
            )

        return fill_with_pages(listing, states, lambda state: state.object_id, sent_back)


class ContentHealthPanel(Component):
    """For communications staff: how many problems of each kind the content health report
    lists (editorial/health.py), each a link to them. Counted once per content generation."""

    name = "content_health"
    template_name = "ifrc_site/dashboard/content_health.html"
    order = 110

    def get_context_data(self, parent_context=None):
        totals = fragment(("content-health-counts",), health.counts)
        url = reverse("content_health")
        return {
            "rows": [
                (label, totals.get(kind, 0), f"{url}?kind={kind}")
                for kind, label in health.KINDS.items()
            ],
            "report_url": url,
        }


def panels_for(user):
    """The panels for `user`'s roles: none for someone with neither."""
    panels = []
    if can_see_whole_tree(user):
        panels.append(CommunicationsPanel(user))
        panels.append(ContentHealthPanel())
    if NationalSociety.objects.filter(editor_group__user=user).exists():
        panels.append(SocietyEditorPanel(user))
    return panels

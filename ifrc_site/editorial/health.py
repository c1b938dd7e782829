"""Content health: what readers would stumble on, found for editors before readers do.

A check is a function that yields `Problem`s; the foundation's checks are here (pictures without
alt text, pages missing a language or behind their English page, links to pages readers cannot
open, pages past their review date), and the content apps register their own in `ready()` with
`register_check` (documents: links to documents readers may not see, heavy PDFs without a text
version, PDFs failing the accessibility check; help points not verified for six months). The
report (Reports › Content health, staff only, CSV/XLSX) lists every problem with a link to the
place to fix it; the dashboard counts them per kind.
"""

from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, ReferenceIndex

from ..i18n import out_of_date_translations
from ..reviews import ReviewedMixin, due_pages, reviewed_page_models


@dataclass
class Problem:
    kind: str  # a key of KINDS
    title: str  # what has the problem (a page's or a picture's title)
    detail: str  # what is wrong, in a few words
    edit_url: str  # where to fix it

    @property
    def kind_label(self):
        return KINDS[self.kind]


KINDS = {}
_checks = []


def register_check(kind, label, check):
    """A kind of problem and the function that finds it (a generator of `Problem`s)."""
    KINDS[kind] = label
    if (kind, check) not in _checks:
        _checks.append((kind, check))


def problems(kind=None):
    found = []
    for key, check in _checks:
        if kind in (None, key):
            found += list(check())
    return found


def counts():
    """How many problems of each kind, in the order the kinds were registered."""
    totals = dict.fromkeys(KINDS, 0)
    for problem in problems():
        totals[problem.kind] += 1
    return totals


def page_edit_url(page_id):
    return reverse("wagtailadmin_pages:edit", args=[page_id])


# The foundation's checks ------------------------------------------------------------------


def pictures_without_alt_text():
    """Pictures whose alt text is empty or only repeats the file's name."""
    for image in get_image_model().objects.only("pk", "title", "description", "file"):
        alt = (image.description or "").strip()  # the image's alt text (SiteImage)
        stem = PurePosixPath(image.file.name).stem
        if not alt:
            detail = _("no alt text")
        elif alt.lower() in {stem.lower(), PurePosixPath(image.file.name).name.lower()}:
            detail = _("the alt text is the file's name")
        else:
            continue
        yield Problem(
            "alt_text",
            image.title,
            str(detail),
            reverse("wagtailimages:edit", args=[image.pk]),
        )


def pages_missing_a_language():
    """Live pages of the default language with no live copy in one of the site's languages."""
    default = Locale.get_default()
    languages = [code for code, _name in settings.LANGUAGES if code != default.language_code]
    live = Page.objects.live().exclude(depth__lte=1)
    present = {}
    for key, code in live.exclude(locale=default).values_list(
        "translation_key", "locale__language_code"
    ):
        present.setdefault(key, set()).add(code)
    for page in live.filter(locale=default).only("pk", "title", "translation_key"):
        missing = [code for code in languages if code not in present.get(page.translation_key, ())]
        if missing:
            yield Problem(
                "missing_language",
                page.title,
                str(_("not in %(languages)s")) % {"languages": ", ".join(missing)},
                page_edit_url(page.pk),
            )


def translations_behind_their_source():
    for page in out_of_date_translations():
        yield Problem(
            "outdated_translation",
            page.title,
            str(_("%(language)s copy published before the English page last changed"))
            % {"language": page.locale.language_code},
            page_edit_url(page.pk),
        )


def closed_links(kind, model, open_among, detail):
    """Problems for live pages whose text, blocks or choosers link (Wagtail's reference index)
    to `model` objects readers cannot open: those missing from `open_among(ids)`, deleted ones
    included. `detail` names how many, as "%(count)s"."""
    page_type = ContentType.objects.get_for_model(Page)
    references = list(
        ReferenceIndex.objects.filter(
            base_content_type=page_type, to_content_type=ContentType.objects.get_for_model(model)
        ).values_list("object_id", "to_object_id")
    )
    live = set(
        Page.objects.live()
        .filter(pk__in={int(source) for source, _target in references})
        .values_list("pk", flat=True)
    )
    targets = {int(target) for source, target in references if int(source) in live}
    reachable = open_among(targets)
    closed = {}
    for source, target in references:
        if int(source) in live and int(target) not in reachable:
            closed.setdefault(int(source), set()).add(int(target))
    titles = dict(Page.objects.filter(pk__in=closed).values_list("pk", "title"))
    for source, targets in sorted(closed.items()):
        yield Problem(
            kind,
            titles.get(source, "?"),
            str(detail) % {"count": len(targets)},
            page_edit_url(source),
        )


def links_to_pages_readers_cannot_open():
    """Links to pages that are not live, past their expiry time, or gone (the rule of
    `queries.page_is_shown`: a private page still opens, with its login)."""
    return closed_links(
        "broken_page_link",
        Page,
        lambda ids: set(
            Page.objects.live()
            .filter(pk__in=ids)
            .exclude(expire_at__lte=timezone.now())
            .values_list("pk", flat=True)
        ),
        _("links to %(count)s page(s) readers cannot open"),
    )


def pages_past_their_review_date():
    """Pages with a "last reviewed" date past their period (help points, whose date is when
    they were last verified, have a check of their own: migration/health.py)."""
    reviewed = [model for model in reviewed_page_models() if issubclass(model, ReviewedMixin)]
    for page in due_pages(models=reviewed):
        yield Problem(
            "review_due",
            page.title,
            str(_("last reviewed %(date)s")) % {"date": page.last_reviewed_on or _("never")},
            page_edit_url(page.pk),
        )


register_check("alt_text", _("Picture without alt text"), pictures_without_alt_text)
register_check("missing_language", _("Page missing a language"), pages_missing_a_language)
register_check(
    "outdated_translation", _("Translation older than its source"), translations_behind_their_source
)
register_check(
    "broken_page_link", _("Link to a page readers cannot open"), links_to_pages_readers_cannot_open
)
register_check("review_due", _("Page past its review date"), pages_past_their_review_date)

"""Small query helpers that keep the number of queries per page small and constant.

Wagtail's `.public()` looks up every page view restriction each time it is called and
`Page.localized` looks up the active locale each time; a page that lists several kinds of item
would repeat both. These helpers do each once per request (or once per process for locales,
which only change when a language is added).
"""

from django.db.models import Q
from django.utils import timezone, translation

from wagtail.models import Locale, Page, PageViewRestriction

from .caching.pagecache import fragment

_locales = {}


def active_locale():
    """The Locale of the active language, looked up once per process."""
    code = translation.get_language() or ""
    if code not in _locales:
        _locales[code] = Locale.get_active()
    return _locales[code]


def language_of(page):
    """The code of the page's own language (its locale), looked up once per process."""
    key = ("id", page.locale_id)
    if key not in _locales:
        _locales[key] = page.locale.language_code
    return _locales[key]


def forget_locales(**kwargs):
    """A signal receiver: the site's languages changed."""
    _locales.clear()


def localized(page):
    """The page in the active language if it has a translation there, else the page itself."""
    if page.locale_id == active_locale().pk:
        return page
    return page.localized


def private_q(owner):
    """A Q matching pages in private sections, kept on `owner` (usually the request) and made
    from the restricted sections' paths, which are looked up once per content generation
    (saving a restriction, or moving a page, starts a new one: ifrc_site.signals)."""
    cached = getattr(owner, "_private_pages_q", None)
    if cached is None:
        cached = Q(pk__in=[])
        for path in restricted_paths():
            cached |= Q(path__startswith=path)
        owner._private_pages_q = cached
    return cached


def restricted_paths():
    """The paths of the pages with a view restriction, and of the aliases of those pages (an
    alias is guarded by its original's restrictions): every page a restriction applies to is
    one of them or below one. Looked up once per content generation."""
    return fragment(("restricted-paths",), _restricted_paths)


def _restricted_paths():
    # The restricted pages by id: a join from the restrictions made SQLite walk every page
    # (5 ms at 100,000 stories), where a list of ids is a few lookups.
    ids = list(PageViewRestriction.objects.values_list("page_id", flat=True))
    pages = Page.objects.filter(Q(pk__in=ids) | Q(alias_of_id__in=ids))
    return tuple(pages.order_by("path").values_list("path", flat=True))


def may_be_restricted(page):
    """Whether a view restriction may apply to `page`: none does unless it is an alias (whose
    original's restrictions Wagtail checks) or stands at or below a restricted page."""
    return page.alias_of_id is not None or page.path.startswith(restricted_paths())


def public(queryset, owner):
    """The pages readers may find: `queryset.public()`, sharing one restriction lookup between
    every call for `owner`, less pages past their expiry time (Wagtail unpublishes those only
    when `publish_scheduled` next runs; until then they are already gone for readers)."""
    return queryset.exclude(private_q(owner)).exclude(expire_at__lte=timezone.now())


def page_is_shown(page):
    """`public()` for one page already in hand, less the privacy check (a link to a private
    page leads to its login): live and not past its expiry time."""
    return page.live and not (page.expire_at is not None and page.expire_at <= timezone.now())

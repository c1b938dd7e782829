"""Pages in four languages: which translations a page has, which are out of date, and how a
copy made for translation is pointed at the pages and snippets of its own language.

Translations are made with Wagtail's own tools (`wagtail.contrib.simple_translation`): an editor
chooses "Translate" on an English page, Wagtail copies it into the other language's tree as a
draft, and the editor rewrites the text and publishes it.
"""

from django.db.models import F, OuterRef, Subquery
from django.middleware import locale
from django.utils import translation

from wagtail.models import Locale, Page, TranslatableMixin

from .queries import public


def live_translations(page):
    """Every live, public version of a page, this one included, by language code."""
    if not isinstance(page, Page) or not page.pk:
        return {}
    pages = public(page.get_translations(inclusive=True).live(), page).select_related("locale")
    return {other.locale.language_code: other for other in pages}


def source_page(page):
    """The page in the default language that a translation was made from, or None."""
    default = Locale.get_default()
    if not isinstance(page, Page) or not page.pk or page.locale_id == default.pk:
        return None
    return Page.objects.filter(translation_key=page.translation_key, locale=default).first()


def is_out_of_date(page, source):
    """True when the source page was published after this translation was last published."""
    return bool(
        source
        and source.live
        and source.last_published_at
        and page.last_published_at
        and source.last_published_at > page.last_published_at
    )


def out_of_date_translations():
    """Live translations published before the default-language page they were made from,
    each annotated with `source_published_at` and `source_id`."""
    default = Locale.get_default()
    sources = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale=default, live=True
    )
    return (
        Page.objects.live()
        .exclude(locale=default)
        .annotate(
            source_published_at=Subquery(sources.values("last_published_at")[:1]),
            source_id=Subquery(sources.values("pk")[:1]),
        )
        .filter(source_published_at__gt=F("last_published_at"))
        .select_related("locale")
        .order_by("-source_published_at", "path")
    )


def page_url_in_language(page, request, language_code):
    """A page's URL, prefixed with its own language."""
    with translation.override(language_code):
        return page.get_url(request)


# Copies made for translation --------------------------------------------------------------


def _translation_in(obj, locale):
    if isinstance(obj, TranslatableMixin) and obj.locale_id != locale.pk:
        return obj.get_translation_or_none(locale) or obj
    return obj


def _own_relations(instance):
    """Foreign keys and many-to-many fields to translatable models that the project's own
    models declare (Wagtail's bookkeeping fields on Page are left alone)."""
    for field in instance._meta.get_fields():
        if not getattr(field, "concrete", False) or field.model._meta.app_label == "wagtailcore":
            continue
        related = field.related_model
        if related is None or not issubclass(related, TranslatableMixin):
            continue
        if field.many_to_one or field.many_to_many:
            yield field


def point_copy_at_its_language(sender, source_obj, target_obj, **kwargs):
    """A news story copied into French should list the French programme page, a case study its
    National Society's French entry: relations move to the target language's version wherever
    one exists, and stay as they were otherwise."""
    target = target_obj.specific if isinstance(target_obj, Page) else target_obj
    locale = target.locale
    changed = False
    for field in _own_relations(target):
        if field.many_to_one:
            current = getattr(target, field.name)
            translated = _translation_in(current, locale) if current is not None else None
            if translated is not current:
                setattr(target, field.name, translated)
                changed = True
        elif target.pk:
            current = list(getattr(target, field.name).all())
            translated = [_translation_in(obj, locale) for obj in current]
            if [obj.pk for obj in translated] != [obj.pk for obj in current]:
                getattr(target, field.name).set(translated)
                changed = True
    if not changed or not target.pk:
        return  # an unsaved snippet copy is saved by whoever asked for it
    target.save()
    # The draft revision the copy was made with becomes the one editors open.
    revision = getattr(target, "latest_revision", None)
    if revision is not None:
        revision.content = target.serializable_data()
        revision.save(update_fields=["content"])


# Addresses outside the languages that answer for themselves: the partner API.
UNPREFIXED_PREFIXES = ("/api/",)


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, except that a 404 at an address outside the languages that answers for itself
    stays a 404: Django would redirect /api/v2/pages/9/ to /en/api/v2/pages/9/, which Wagtail's
    page router accepts as a page address."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED_PREFIXES):
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)

"""Admin forms shared by the page types."""

import copy

from django import forms
from django.forms.models import construct_instance
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Locale, Page
from wagtail.search import index


def translatable_text(page):
    """The words of a page that a translator rewrites: the values of its search fields (title,
    summary, introduction, the text of its blocks), lower-cased, with spaces evened out."""
    parts = []
    for field in page.get_search_fields():
        if isinstance(field, index.SearchField):
            value = field.get_value(page)
            parts.extend(value if isinstance(value, (list, tuple)) else [value])
    return " ".join(" ".join(str(part) for part in parts if part).split()).casefold()


class SitePageForm(WagtailAdminPageForm):
    """The form of every page type: a translation is not published while it still reads word
    for word like the page it was copied from.

    Wagtail's translate action copies a page into another language as a draft, in the source
    language. Publishing it, or submitting it for approval, is refused until its text differs
    from the source page's latest version, unless the translator ticks `publish_untranslated`
    (a names list or a video page may need no translation). The tick is not stored.
    """

    publish_untranslated = forms.BooleanField(
        label=_("Publish although it is not translated yet"),
        required=False,
        help_text=_(
            "Tick this to publish, or send for approval, a translation that still reads like "
            "the page it was copied from. It is not kept: tick it again next time."
        ),
    )

    # The editor's buttons that put a page before readers or a reviewer (see the page editor's
    # edit view for the names they send).
    forward_actions = ("action-publish", "action-submit", "action-restart-workflow")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.translation_source = self.find_translation_source()
        if self.translation_source is None:
            # Without the field its panel is not shown either.
            del self.fields["publish_untranslated"]

    def find_translation_source(self):
        """The page in the default language with the same translation key, or None for a new
        page or one in the default language."""
        page = self.instance
        if not page.pk or not page.translation_key or not page.locale_id:
            return None
        default = Locale.get_default()
        if page.locale_id == default.pk:
            return None
        return (
            Page.objects.filter(translation_key=page.translation_key, locale=default)
            .exclude(pk=page.pk)
            .first()
        )

    def goes_to_readers(self):
        return any(self.data.get(name) for name in self.forward_actions)

    def clean(self):
        cleaned_data = super().clean()
        if (
            self.translation_source is None
            or cleaned_data.get("publish_untranslated")
            or not self.goes_to_readers()
        ):
            return cleaned_data
        # The page as sent, on a copy: the form's own instance is filled in after cleaning.
        sent = copy.copy(self.instance)
        construct_instance(self, sent, self._meta.fields, self._meta.exclude)
        source = self.translation_source.specific.get_latest_revision_as_object()
        if translatable_text(sent) == translatable_text(source):
            self.add_error(
                "publish_untranslated",
                _(
                    "This page still has the same words as the %(language)s page it was "
                    "copied from. Translate it first, or tick “Publish although it is not "
                    "translated yet” if it should go out as it is."
                )
                % {"language": self.translation_source.locale.get_display_name()},
            )
        return cleaned_data


class LocalisedPageForm(SitePageForm):
    """A page's choices of programmes and National Societies are those of its own language.

    Every language has its own copy of each programme page and society, often with the same
    name ("Migration" in English and French): an English story must point at the English page,
    which the listings and filters of its language follow.
    """

    localised_fields = ("programmes", "programme", "national_society")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        if locale_id is None:
            return
        for name in self.localised_fields:
            field = self.fields.get(name)
            if field is not None and hasattr(field, "queryset"):
                field.queryset = field.queryset.filter(locale_id=locale_id)
        # A single programme is one choice among the few of its language, not a page chooser
        # that walks the whole tree (where a society's editor may see no programme page).
        programme = self.fields.get("programme")
        if programme is not None and hasattr(programme, "queryset"):
            programme.empty_label = None
            programme.widget = forms.RadioSelect(choices=programme.choices)

"""The admin's document form: Wagtail's own, with the library's checks on the uploaded file,
one choice per programme, a country list that filters as you type, and the uploader's own
collection chosen by default."""

from django import forms
from django.conf import settings
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.models import Locale, Page, get_root_collection_id

from ifrc_site.editorial.permissions import media_visible_to
from ifrc_site.editorial.roles import LIBRARY_COLLECTION
from ifrc_site.models import (
    NationalSociety,
    private_collection_ids,
    programme_page_choices,
    programme_pages_in,
)

from .models import Resource
from .validators import validate_document_file


class OriginalSelect(forms.Select):
    """The "language version of" list: as wide as the form, however long the titles."""

    class Media:
        css = {"all": ["css/document-form.css"]}


class CountryFilterWidget(forms.CheckboxSelectMultiple):
    """Checkboxes, one per country, with a filter box above them.

    Without JavaScript it is a plain list of checkboxes. static/js/country-filter.js adds a
    labelled text box that hides the countries whose name does not match what is typed; the
    ticked ones always stay in view.
    """

    class Media:
        js = ["js/country-filter.js"]
        css = {"all": ["css/country-filter.css"]}

    def render(self, name, value, attrs=None, renderer=None):
        checkboxes = super().render(name, value, attrs, renderer)
        return format_html(
            '<div class="country-filter" data-country-filter'
            ' data-country-filter-label="{}" data-country-filter-status="{}">{}</div>',
            _("Filter countries"),
            _("Countries shown: {shown} of {total}"),
            checkboxes,
        )


def default_collection_for(user, collections):
    """The collection a new upload of `user` goes to, among `collections` (those the user may
    add to): a National Society editor's own society's collection; for anyone else the first
    collection in tree order below the root that belongs to no society (the library's own
    collections). None when there is no such collection: Wagtail then offers the first one."""
    collections = list(collections)
    if not collections:
        return None
    ids = {collection.pk for collection in collections}
    own = (
        NationalSociety.objects.filter(editor_group__user=user, collection__in=ids)
        .values_list("collection", flat=True)
        .first()
    )
    if own is not None:
        return next(collection for collection in collections if collection.pk == own)
    # The library's own collection by name; else the first in tree order below the root that
    # is neither a society's, nor the folder that holds them, nor private.
    society_paths = list(
        NationalSociety.objects.exclude(collection=None).values_list("collection__path", flat=True)
    )
    private = set(private_collection_ids())
    candidates = [
        collection
        for collection in sorted(collections, key=lambda collection: collection.path)
        if collection.depth > 1
        and collection.pk not in private
        and not any(path.startswith(collection.path) for path in society_paths)
    ]
    for collection in candidates:
        if collection.name == LIBRARY_COLLECTION:
            return collection
    if candidates:
        return candidates[0]
    return None


# What readers see of the fields that every Wagtail document has (the library's own fields
# carry their help on the model).
DOCUMENT_HELP_TEXTS = {
    "title": _("Readers see this as the link to the document and as its heading in the library."),
    "file": _("What readers download when they open the document."),
    "collection": _(
        "Who may see the document: a National Society's collection keeps it from readers "
        "until communications staff move it; a private collection asks readers to sign in."
    ),
    "tags": _("For finding the document in the admin; readers do not see tags."),
}


class ResourceForm(BaseDocumentForm):
    """Used for single and multiple uploads and the chooser's upload tab
    (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

    class Meta(BaseDocumentForm.Meta):
        widgets = {
            **BaseDocumentForm.Meta.widgets,
            "programmes": forms.CheckboxSelectMultiple,
            "countries": CountryFilterWidget,
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        for name, help_text in DOCUMENT_HELP_TEXTS.items():
            if name in self.fields:
                self.fields[name].help_text = help_text
        if "programmes" in self.fields:
            self.limit_programme_choices()
        if "original" in self.fields:
            self.limit_original_choices(user)
        if "collection" in self.fields and not self.instance.pk and user is not None:
            # A new document starts in the root collection (the model's default) unless told
            # otherwise; start it in the uploader's own instead.
            if self.initial.get("collection") in (None, get_root_collection_id()):
                default = default_collection_for(user, self.collections)
                if default is not None:
                    self.initial["collection"] = default.pk

    def limit_programme_choices(self):
        """One choice per programme: its page in the default language, labelled by its title.

        The library's filters find documents by the programme's translation key (listing.py),
        so the page of one language stands for all of them. A document saved earlier with
        another language's page shows it ticked as the default language's page.
        """
        field = self.fields["programmes"]
        locale = Locale.get_default()
        pages = programme_pages_in(locale)
        keys = set()
        if self.instance.pk:
            keys = set(self.instance.programmes.values_list("translation_key", flat=True))
        if keys:
            # Also the programmes the document already has, should one not be live any more.
            pages = pages | Page.objects.filter(
                programme_page_choices(), locale=locale, translation_key__in=keys
            )
            self.initial["programmes"] = [page.pk for page in pages if page.translation_key in keys]
        field.queryset = pages
        field.label_from_instance = lambda page: page.title

    def limit_original_choices(self, user):
        """The documents this one may be a language version of: those the user may see in
        the admin (a National Society's editor, their society's only), offered as originals
        only (a version of a version is refused with its reason, Resource.clean_original)."""
        field = self.fields["original"]
        field.widget = OriginalSelect(attrs=field.widget.attrs)
        visible = Resource.objects.none()
        if user is not None:
            visible = media_visible_to(user, Resource.objects.all())
        if self.instance.pk:
            # A grouping staff made stays as it is when the editor saves.
            if self.instance.original_id:
                visible = visible | Resource.objects.filter(pk=self.instance.original_id)
            visible = visible.exclude(pk=self.instance.pk)
        field.queryset = visible.order_by("title", "pk")
        languages = dict(settings.LANGUAGES)
        offered = field.queryset.filter(original__isnull=True).only("pk", "title", "language")
        field.widget.choices = [
            ("", field.empty_label),
            *(
                # Shortened, so that the list fits a phone's screen; the language tells apart.
                (
                    document.pk,
                    f"{Truncator(document.title).chars(40)} "
                    f"({languages.get(document.language, '')})",
                )
                for document in offered
            ),
        ]
        if self.instance.pk:
            versions = media_visible_to(user, self.instance.versions.all()) if user else []
            names = ", ".join(
                f"“{version.title}” ({languages.get(version.language, '')})" for version in versions
            )
            if names:
                field.help_text = format_html(
                    "{} {}",
                    field.help_text,
                    _("Language versions of this document: %(versions)s.") % {"versions": names},
                )

    def _update_errors(self, errors):
        # The multiple upload keeps a file that awaits its details apart from the document
        # until the form per file is sent, and only then gives it to the document
        # (CreateFromUploadedDocumentView.save_object). Meanwhile the document's own check of
        # the file's extension (AbstractDocument.clean) sees no file; the file was checked
        # when it was uploaded, so that complaint is dropped rather than ending in an error.
        if "file" not in self.fields and not self.instance.file and hasattr(errors, "error_dict"):
            errors.error_dict.pop("file", None)
            if not errors.error_dict:
                return
        super()._update_errors(errors)

    def clean_file(self):
        file = self.cleaned_data.get("file")
        # A new upload has a size and content to check; an unchanged file on edit is kept as is.
        if file is not None and hasattr(file, "content_type"):
            validate_document_file(file)
        return file

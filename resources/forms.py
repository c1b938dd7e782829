"""The admin's document form: Wagtail's own, with the library's checks on the uploaded file."""

from wagtail.documents.forms import BaseDocumentForm

from .validators import validate_document_file


class ResourceForm(BaseDocumentForm):
    """Used for single and multiple uploads and the chooser's upload tab
    (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        # A new upload has a size and content to check; an unchanged file on edit is kept as is.
        if file is not None and hasattr(file, "content_type"):
            validate_document_file(file)
        return file

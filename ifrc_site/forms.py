"""Admin forms shared by the page types."""

from wagtail.admin.forms import WagtailAdminPageForm


class LocalisedPageForm(WagtailAdminPageForm):
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

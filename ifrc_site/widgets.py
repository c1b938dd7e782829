"""Form widgets of the public pages."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe


class PlainSelect(forms.Select):
    """A single-choice <select> written out in Python.

    Django renders each option of a select through two templates. A listing's filter form has
    close to 300 options (every country), which made those templates most of the work of
    rendering a listing page. This writes the same markup directly: the field's attributes,
    its options (and option groups) in order, the chosen one marked `selected`, every value and
    label escaped.
    """

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        chosen = self.format_value(value)
        chosen = chosen[0] if chosen else ""
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(final_attrs),
            self._options(self.choices, chosen),
        )

    def _options(self, choices, chosen):
        parts = []
        for value, label in choices:
            if isinstance(label, list | tuple):
                group = self._options(label, chosen)
                parts.append(f'<optgroup label="{conditional_escape(value)}">{group}</optgroup>')
            else:
                value = "" if value is None else str(value)
                selected = " selected" if value == chosen else ""
                parts.append(
                    f'<option value="{conditional_escape(value)}"{selected}>'
                    f"{conditional_escape(label)}</option>"
                )
        return mark_safe("".join(parts))  # every value and label escaped above

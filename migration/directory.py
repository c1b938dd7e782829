"""What a help point may say: its kinds, services, languages, phone numbers and time zone,
with the validators and display helpers that the admin's form and the finder share."""

import functools
import zoneinfo

from django import forms
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

import phonenumbers


class HelpPointKind(models.TextChoices):
    HOTLINE = "hotline", _("Hotline")
    HELP_POINT = "help_point", _("Help point")
    MOBILE_TEAM = "mobile_team", _("Mobile team")
    ONLINE = "online", _("Online")


# Hotlines first, then places to go, then teams that move, then online services.
KIND_ORDER = {kind: n for n, kind in enumerate(HelpPointKind.values)}

SERVICES = [
    ("first_aid", _("First aid")),
    ("health_care", _("Health care")),
    ("restoring_family_links", _("Restoring family links")),
    ("legal_information", _("Legal information")),
    ("psychosocial_support", _("Psychosocial support")),
    ("shelter", _("Shelter")),
    ("food_water", _("Food and water")),
    ("cash", _("Cash")),
    ("information", _("Information")),
]
SERVICE_LABELS = dict(SERVICES)

# Languages people on the move often speak that Django has no name for (ISO 639-1 codes).
EXTRA_LANGUAGES = {
    "am": gettext_noop("Amharic"),
    "ff": gettext_noop("Fula"),
    "ha": gettext_noop("Hausa"),
    "ku": gettext_noop("Kurdish"),
    "ln": gettext_noop("Lingala"),
    "om": gettext_noop("Oromo"),
    "ps": gettext_noop("Pashto"),
    "so": gettext_noop("Somali"),
    "ti": gettext_noop("Tigrinya"),
    "wo": gettext_noop("Wolof"),
}
# Two-letter codes Django knows a name for, and those above.
LANGUAGE_CODES = sorted(
    {code for code in LANG_INFO if len(code) == 2 and "name" in LANG_INFO[code]}
    | set(EXTRA_LANGUAGES)
)


class MessagingApp(models.TextChoices):
    WHATSAPP = "whatsapp", _("WhatsApp")
    SIGNAL = "signal", _("Signal")
    BOTH = "both", _("WhatsApp and Signal")


def normalise_phone(value):
    """A phone number in E.164 form (+302101234567), or a ValidationError."""
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException as error:
        raise ValidationError(
            _("Enter the number in international form, starting with + and the country code.")
        ) from error
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("“%(value)s” is not a valid phone number for any country."), params={"value": value}
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def validate_phone(value):
    if value:
        normalise_phone(value)


@functools.cache
def time_zone_names():
    """The IANA time zone names this machine knows (reading them walks the tz database)."""
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value):
    if value not in time_zone_names():
        raise ValidationError(
            _("“%(value)s” is not a time zone name, such as Europe/Athens or Africa/Nairobi."),
            params={"value": value},
        )


def validate_services(value):
    unknown = [item for item in value or [] if item not in SERVICE_LABELS]
    if unknown:
        raise ValidationError(
            _("Unknown services: %(names)s."), params={"names": ", ".join(unknown)}
        )


def validate_language_codes(value):
    unknown = [code for code in value or [] if code not in LANGUAGE_CODES]
    if unknown:
        raise ValidationError(
            _(
                "Unknown language codes: %(codes)s. "
                "Use two-letter ISO 639-1 codes, such as ar, fa, fr."
            ),
            params={"codes": ", ".join(unknown)},
        )


def phone_display(value):
    if not value:
        return ""
    number = phonenumbers.parse(value, None)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def language_name(code):
    """The language's name in the reader's language (Django's own translations)."""
    if code in EXTRA_LANGUAGES:
        return translation.gettext(EXTRA_LANGUAGES[code])
    try:
        info = translation.get_language_info(code)
    except KeyError:
        return code
    return translation.gettext(info["name"]) if info.get("name") else code


class LanguageCodesField(forms.CharField):
    """Language codes typed as "ar, fa, en", kept as a list."""

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(value)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if isinstance(value, list | tuple):
            return list(value)
        codes = [code.strip().lower() for code in value.replace(";", ",").split(",")]
        return list(dict.fromkeys(code for code in codes if code))

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        validate_language_codes(value)

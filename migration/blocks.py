"""Opening hours as editors enter them: weekly slots and special days (see migration/hours.py)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .hours import Slot, overlapping_slots

WEEKDAYS = [
    ("0", _("Monday")),
    ("1", _("Tuesday")),
    ("2", _("Wednesday")),
    ("3", _("Thursday")),
    ("4", _("Friday")),
    ("5", _("Saturday")),
    ("6", _("Sunday")),
]


class OpeningSlotBlock(blocks.StructBlock):
    weekday = blocks.ChoiceBlock(choices=WEEKDAYS, label=_("day"))
    opens = blocks.TimeBlock(label=_("opens"))
    closes = blocks.TimeBlock(
        label=_("closes"),
        help_text=_(
            "Earlier than the opening time: open past midnight. The same as the opening time "
            "(00:00 and 00:00): open 24 hours."
        ),
    )

    class Meta:
        icon = "time"
        label = _("Opening hours")


class WeeklyHoursBlock(blocks.StreamBlock):
    slot = OpeningSlotBlock()

    class Meta:
        icon = "time"

    def clean(self, value):
        value = super().clean(value)
        slots = [
            Slot(int(child.value["weekday"]), child.value["opens"], child.value["closes"])
            for child in value
        ]
        clashes = overlapping_slots(slots)
        if clashes:
            names = dict(WEEKDAYS)
            first, second = clashes[0]
            raise blocks.StreamBlockValidationError(
                non_block_errors=[
                    ValidationError(
                        _("Opening hours overlap: %(a)s and %(b)s.")
                        % {
                            "a": f"{names[str(slots[first].weekday)]} {slots[first].opens:%H:%M}"
                            f"–{slots[first].closes:%H:%M}",
                            "b": f"{names[str(slots[second].weekday)]} "
                            f"{slots[second].opens:%H:%M}–{slots[second].closes:%H:%M}",
                        }
                    )
                ]
            )
        return value


class SpecialDayBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("date"))
    label = blocks.CharBlock(label=_("label"), required=False, max_length=80)
    closed = blocks.BooleanBlock(label=_("closed all day"), required=False)
    opens = blocks.TimeBlock(label=_("opens"), required=False)
    closes = blocks.TimeBlock(label=_("closes"), required=False)

    class Meta:
        icon = "date"
        label = _("Special day")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("closed") and (value.get("opens") is None or value.get("closes") is None):
            raise StructBlockValidationError(
                block_errors={
                    "opens": ValidationError(
                        _("Give the opening and closing times, or tick “closed all day”.")
                    )
                }
            )
        return value


class SpecialDaysBlock(blocks.StreamBlock):
    day = SpecialDayBlock()

    class Meta:
        icon = "date"

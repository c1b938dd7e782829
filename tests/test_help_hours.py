"""Opening hours of help points: open now, opens at, closed today, across time zones,
midnight and the clocks changing (migration/hours.py)."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

import pytest
import time_machine

from migration.hours import Slot, SpecialDay, next_change, overlapping_slots, status_at

T = datetime.time
WEEKDAYS_9_TO_5 = [Slot(day, T(9), T(17)) for day in range(5)]
ALWAYS = [Slot(day, T(0), T(0)) for day in range(7)]
NIGHTS = [Slot(4, T(22), T(6))]  # Friday 22:00 to Saturday 06:00


def at(text, zone):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone))


@pytest.mark.parametrize(
    ("moment", "state", "time"),
    [
        ("2026-12-07 10:00", "open", T(17)),  # Monday morning
        ("2026-12-07 08:00", "opens_today", T(9)),
        ("2026-12-07 18:00", "opens_tomorrow", T(9)),
        ("2026-12-11 18:00", "opens_later", T(9)),  # Friday evening: Monday
        ("2026-12-07 17:00", "opens_tomorrow", T(9)),  # closing time is closed
    ],
)
def test_weekday_hours(moment, state, time):
    status = status_at(at(moment, "Europe/Athens"), WEEKDAYS_9_TO_5, [], "Europe/Athens")
    assert (status.state, status.time) == (state, time)


def test_the_place_time_zone_decides_not_the_reader():
    # 08:30 in London is 10:30 in Athens: open there; 05:30 in Nairobi is 08:30: not yet.
    now = at("2026-12-07 08:30", "Europe/London")
    assert status_at(now, WEEKDAYS_9_TO_5, [], "Europe/Athens").state == "open"
    now = at("2026-12-07 02:30", "UTC")
    status = status_at(now, WEEKDAYS_9_TO_5, [], "Africa/Nairobi")
    assert (status.state, status.time) == ("opens_today", T(9))


def test_always_open():
    assert status_at(at("2026-12-07 03:00", "UTC"), ALWAYS, [], "Asia/Dhaka").state == "always"


def test_slot_running_past_midnight():
    zone = "Africa/Tunis"
    saturday_early = status_at(at("2026-12-12 05:00", zone), NIGHTS, [], zone)
    assert (saturday_early.state, saturday_early.time) == ("open", T(6))
    friday_late = status_at(at("2026-12-11 23:30", zone), NIGHTS, [], zone)
    assert friday_late.is_open
    saturday_after = status_at(at("2026-12-12 07:00", zone), NIGHTS, [], zone)
    assert saturday_after.state == "opens_later"


def test_special_day_closed_and_special_hours():
    zone = "Europe/Athens"
    closed = [SpecialDay(datetime.date(2026, 12, 25), True, label="Christmas Day")]
    status = status_at(at("2026-12-25 10:00", zone), WEEKDAYS_9_TO_5, closed, zone)
    assert (status.state, status.label) == ("opens_later", "Christmas Day")  # Monday 28th
    short = [SpecialDay(datetime.date(2026, 12, 31), False, T(9), T(13), "New Year's Eve")]
    status = status_at(at("2026-12-31 12:00", zone), WEEKDAYS_9_TO_5, short, zone)
    assert (status.state, status.time) == ("open", T(13))
    status = status_at(at("2026-12-31 14:00", zone), WEEKDAYS_9_TO_5, short, zone)
    assert status.state == "opens_tomorrow"


def test_clocks_going_forward_and_back():
    zone = "Europe/Amsterdam"
    night = [Slot(5, T(22), T(6))]  # Saturday night, the night the clocks change
    # 29 March 2026: 02:00 becomes 03:00. At 05:30 local the slot is still open.
    spring = status_at(at("2026-03-29 05:30", zone), night, [], zone)
    assert (spring.state, spring.time) == ("open", T(6))
    # One minute after 06:00 on the 25 October 2026 (03:00 became 02:00): closed.
    autumn = status_at(at("2026-10-25 06:01", zone), night, [], zone)
    assert autumn.state == "opens_later"
    # In UTC the autumn night lasted an hour longer than the spring one.
    spring_end = next_change(at("2026-03-29 05:30", zone), night, [], zone)
    autumn_end = next_change(at("2026-10-25 05:30", zone), night, [], zone)
    assert spring_end.astimezone(ZoneInfo(zone)).time() == T(6)
    assert autumn_end.astimezone(ZoneInfo(zone)).time() == T(6)
    assert at("2026-03-28 22:00", zone).utcoffset() == datetime.timedelta(hours=1)
    assert at("2026-10-24 22:00", zone).utcoffset() == datetime.timedelta(hours=2)


def test_overlaps_within_the_week_and_across_midnight():
    assert overlapping_slots(WEEKDAYS_9_TO_5) == []
    assert overlapping_slots([Slot(0, T(9), T(12)), Slot(0, T(11), T(14))]) == [(0, 1)]
    assert overlapping_slots([Slot(4, T(22), T(6)), Slot(5, T(5), T(9))]) == [(0, 1)]
    # Sunday night into Monday morning wraps round the week.
    assert overlapping_slots([Slot(6, T(22), T(6)), Slot(0, T(5), T(9))]) == [(0, 1)]
    assert overlapping_slots([Slot(0, T(9), T(12)), Slot(0, T(12), T(14))]) == []


def test_with_the_clock_stopped():
    with time_machine.travel(at("2026-12-07 12:00", "Asia/Dhaka"), tick=False):
        status = status_at(timezone.now(), WEEKDAYS_9_TO_5, [], "Asia/Dhaka")
    assert (status.state, status.time) == ("open", T(17))


def test_closed_today_or_closed_now():
    zone = "Europe/Athens"
    evening = status_at(at("2026-12-07 18:00", zone), WEEKDAYS_9_TO_5, [], zone)
    assert evening.open_today  # closed now, after being open today
    saturday = status_at(at("2026-12-12 10:00", zone), WEEKDAYS_9_TO_5, [], zone)
    assert (saturday.state, saturday.open_today) == ("opens_later", False)  # closed today

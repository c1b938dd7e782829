"""Opening hours: weekly slots plus exceptions, and whether a place is open at a moment.

Pure functions on plain values, so that they can be tested at any moment in any time zone.

The rules, also shown to editors in the help point's form:

- A slot is a weekday, an opening time and a closing time, in the place's local time.
- A slot whose closing time is earlier than its opening time runs past midnight and ends on
  the next day (Friday 22:00–06:00 ends on Saturday at 06:00).
- A slot whose closing time equals its opening time lasts 24 hours (00:00–00:00 is the whole
  day); seven such slots make a place that is always open.
- Slots of the same week must not overlap, counting those that run past midnight.
- An exception (a date, closed or with special hours) replaces the weekly slots that start on
  that date. A slot of the day before that runs past midnight still ends as planned.
- Times are wall-clock times of the place's time zone. On the night the clocks change, a slot
  lasts from its opening to its closing as the clocks show them (one hour shorter or longer).
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

MINUTES_PER_DAY = 24 * 60
MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY


@dataclass(frozen=True)
class Slot:
    weekday: int  # 0 = Monday ... 6 = Sunday
    opens: datetime.time
    closes: datetime.time


@dataclass(frozen=True)
class SpecialDay:
    date: datetime.date
    closed: bool
    opens: datetime.time | None = None
    closes: datetime.time | None = None
    label: str = ""


def _time(value):
    """A stored time ("09:00" or "09:00:00", as TimeBlock keeps it) or None."""
    if value in (None, ""):
        return None
    return value if isinstance(value, datetime.time) else datetime.time.fromisoformat(value)


def _date(value):
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def stored_slots(raw):
    """The weekly slots from a StreamField's stored data (its raw_data), read directly: the page
    cache's schedule reads every help point's hours, which the blocks would read far slower."""
    return [
        Slot(
            int(item["value"]["weekday"]),
            _time(item["value"]["opens"]),
            _time(item["value"]["closes"]),
        )
        for item in raw
    ]


def stored_special_days(raw):
    """The special days from a StreamField's stored data, as `stored_slots` reads the slots."""
    days = []
    for item in raw:
        value = item["value"]
        days.append(
            SpecialDay(
                _date(value["date"]),
                bool(value.get("closed")),
                _time(value.get("opens")),
                _time(value.get("closes")),
                value.get("label") or "",
            )
        )
    return days


def _minutes(value):
    return value.hour * 60 + value.minute


def slot_length(opens, closes):
    """Minutes from opening to closing, by the rules above (1 to 1440)."""
    length = (_minutes(closes) - _minutes(opens)) % MINUTES_PER_DAY
    return length or MINUTES_PER_DAY


def overlapping_slots(slots):
    """The pairs of indexes of slots (in the order given) that overlap within the week."""
    spans = []
    for slot in slots:
        start = slot.weekday * MINUTES_PER_DAY + _minutes(slot.opens)
        spans.append((start, start + slot_length(slot.opens, slot.closes)))
    found = []
    for i, (start_a, end_a) in enumerate(spans):
        for j in range(i + 1, len(spans)):
            start_b, end_b = spans[j]
            # Compare in the same week and with the next week's copy of b, and of a.
            for shift_a, shift_b in ((0, 0), (0, MINUTES_PER_WEEK), (MINUTES_PER_WEEK, 0)):
                if start_a + shift_a < end_b + shift_b and start_b + shift_b < end_a + shift_a:
                    found.append((i, j))
                    break
    return found


def _local(day, time, zone):
    return datetime.datetime.combine(day, time, tzinfo=zone)


def intervals_for(day, slots, exceptions, zone):
    """The opening intervals (UTC start, UTC end, exception label) that start on `day`."""
    special = [e for e in exceptions if e.date == day]
    if special:
        times = [(e.opens, e.closes, e.label) for e in special if not e.closed and e.opens]
    else:
        times = [(s.opens, s.closes, "") for s in slots if s.weekday == day.weekday()]
    result = []
    for opens, closes, label in times:
        start = _local(day, opens, zone)
        end_day = day if _minutes(closes) > _minutes(opens) else day + datetime.timedelta(days=1)
        end = _local(end_day, closes, zone)
        result.append((start.astimezone(datetime.UTC), end.astimezone(datetime.UTC), label))
    return result


@dataclass(frozen=True)
class Status:
    """What a reader is told: one of "always", "open", "opens_today", "opens_tomorrow",
    "opens_later", "closed", "unknown"; with the local time and date it refers to."""

    state: str
    time: datetime.time | None = None
    day: datetime.date | None = None
    label: str = ""  # the exception's label that applies today, if any
    open_today: bool = False  # whether the place opens at all on this local date

    @property
    def is_open(self):
        return self.state in ("always", "open")


def status_at(now, slots, exceptions, zone_name, horizon_days=8):
    """Whether the place is open at `now` (an aware datetime) and, if not, when it opens."""
    zone = ZoneInfo(zone_name)
    if not slots and not exceptions:
        return Status("unknown")
    local_now = now.astimezone(zone)
    today = local_now.date()
    now_utc = now.astimezone(datetime.UTC)
    intervals = []
    for offset in range(-1, horizon_days):
        day = today + datetime.timedelta(days=offset)
        intervals.extend(intervals_for(day, slots, exceptions, zone))
    intervals.sort()
    label = next((e.label for e in exceptions if e.date == today and e.label), "")

    current = [iv for iv in intervals if iv[0] <= now_utc < iv[1]]
    if current:
        # Follow intervals that join end to start: open "until" the end of the run.
        end = max(iv[1] for iv in current)
        extended = True
        while extended:
            extended = False
            for start, stop, _label in intervals:
                if start <= end < stop:
                    end, extended = stop, True
        if end - now_utc >= datetime.timedelta(days=horizon_days - 2):
            return Status("always", label=label)
        return Status("open", time=end.astimezone(zone).time(), label=label)

    upcoming = [iv for iv in intervals if iv[0] > now_utc]
    if not upcoming:
        return Status(
            "closed", label=label, open_today=bool(intervals_for(today, slots, exceptions, zone))
        )
    start = upcoming[0][0].astimezone(zone)
    days = (start.date() - today).days
    state = "opens_today" if days == 0 else "opens_tomorrow" if days == 1 else "opens_later"
    open_today = bool(intervals_for(today, slots, exceptions, zone))
    return Status(state, start.time(), start.date(), label, open_today)


def next_change(now, slots, exceptions, zone_name):
    """The next moment after `now` at which `status_at` may say something else: an opening, a
    closing or the place's next midnight (when "tomorrow" becomes "today")."""
    zone = ZoneInfo(zone_name)
    local_now = now.astimezone(zone)
    today = local_now.date()
    now_utc = now.astimezone(datetime.UTC)
    midnight = _local(today + datetime.timedelta(days=1), datetime.time(0), zone)
    times = [midnight.astimezone(datetime.UTC)]
    for offset in (-1, 0, 1):
        day = today + datetime.timedelta(days=offset)
        for start, end, _label in intervals_for(day, slots, exceptions, zone):
            times.extend(t for t in (start, end) if t > now_utc)
    return min(times)

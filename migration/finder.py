"""The help finder's filters, result cards and per-country poster.

A plain GET form: country (then city), service and language. Results come hotline first, then
help points, mobile teams and online services. Nothing about the search is stored.
"""

from dataclasses import dataclass

from django import forms
from django.http import Http404
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from django_countries import countries

from ifrc_site.listing import paginate
from ifrc_site.widgets import PlainSelect

from .directory import SERVICES, language_name
from .hours import Status

# Ten cards keep a page of results in Arabic (two bytes a letter) under 30 KB of HTML.
RESULTS_PER_PAGE = 10


def status_text(status: Status):
    """What the card says about opening hours, in the reader's language."""
    time = formats.time_format(status.time, "H:i") if status.time else ""
    if status.state == "always":
        return gettext("Open 24 hours")
    if status.state == "open":
        return gettext("Open now, until %(time)s") % {"time": time}
    if status.state == "opens_today":
        return gettext("Closed now · opens at %(time)s") % {"time": time}
    if status.state == "opens_tomorrow" and status.open_today:
        return gettext("Closed now · opens tomorrow at %(time)s") % {"time": time}
    if status.state == "opens_tomorrow":
        return gettext("Closed today · opens tomorrow at %(time)s") % {"time": time}
    day = formats.date_format(status.day, "l") if status.day else ""
    if status.state == "opens_later" and status.open_today:
        return gettext("Closed now · opens %(day)s at %(time)s") % {"day": day, "time": time}
    if status.state == "opens_later":
        return gettext("Closed today · opens %(day)s at %(time)s") % {"day": day, "time": time}
    if status.state == "closed":
        return gettext("Closed")
    return ""


@dataclass
class Card:
    point: object
    status: Status
    status_text: str
    stale: bool


def cards(points, now=None):
    now = now or timezone.now()
    today = timezone.localdate(now)
    result = []
    for point in sorted(points, key=lambda p: p.sort_key):
        status = point.status(now)
        result.append(Card(point, status, status_text(status), point.is_stale(today)))
    return result


class FinderForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False, widget=PlainSelect)
    city = forms.ChoiceField(label=_("City or area"), required=False, widget=PlainSelect)
    service = forms.ChoiceField(label=_("Service"), required=False, widget=PlainSelect)
    language = forms.ChoiceField(label=_("Language spoken"), required=False, widget=PlainSelect)

    def __init__(self, data, points):
        super().__init__(data)
        present = sorted({p.country.code for p in points}, key=countries.name)
        self.fields["country"].choices = [("", gettext("All countries"))] + [
            (code, countries.name(code)) for code in present
        ]
        country = data.get("country", "")
        cities = sorted({p.city for p in points if p.city and p.country.code == country})
        self.fields["city"].choices = [("", gettext("All cities and areas"))] + [
            (city, city) for city in cities
        ]
        if not cities:
            # Choose a country first: without one, the city list would be every city there is.
            self.fields["city"].widget.attrs["disabled"] = True
        used = {s for p in points for s in p.services}
        self.fields["service"].choices = [("", gettext("All services"))] + [
            (code, label) for code, label in SERVICES if code in used
        ]
        languages = sorted({code for p in points for code in p.languages})
        self.fields["language"].choices = [("", gettext("All languages"))] + sorted(
            ((code, language_name(code)) for code in languages), key=lambda item: item[1]
        )

    def filter(self, points):
        if not self.is_valid():
            return []
        data = self.cleaned_data
        if data["country"]:
            points = [p for p in points if p.country.code == data["country"]]
        if data["city"]:
            points = [p for p in points if p.city == data["city"]]
        if data["service"]:
            points = [p for p in points if data["service"] in p.services]
        if data["language"]:
            points = [p for p in points if data["language"] in p.languages]
        return points


def finder_context(page, request):
    points = page.help_points(request)
    form = FinderForm(request.GET, points)
    found = form.filter(points)
    results = paginate(request, cards(found), per_page=RESULTS_PER_PAGE, bounded=False)
    country = form.cleaned_data.get("country") if form.is_valid() else ""
    return {
        "form": form,
        "results": results,
        "filtered": any(request.GET.get(name) for name in form.fields),
        "poster_country": country,
        "poster_countries": [code for code, _label in form.fields["country"].choices if code],
    }


def poster_context(page, request, country):
    code = country.upper()
    points = [p for p in page.help_points(request) if p.country.code == code]
    if not points:
        raise Http404("No help points in this country")
    return {"country_name": countries.name(code), "country_code": code, "cards": cards(points)}

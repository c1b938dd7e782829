"""Plausible news stories, documents and case studies in bulk, for load and speed tests.

Everything is built from word lists with a random generator seeded by the item's number, so
item 1234 is the same text on every machine and every run. The text reads like the site's own
(places, programmes, volunteers, figures) without copying it; no item is a real event.
"""

import datetime
import random
from dataclasses import dataclass, field

from django_countries import countries

from .data import load

# Word lists (data/bulk.yaml): places by country, people, names, the themes of each programme
# (subjects, actions, sentences and document titles), title patterns, months, the sections
# of a document and the resource types.
WORDS = load("bulk")
PLACES = WORDS["places"]
PEOPLE = WORDS["people"]
NAMES = WORDS["names"]
THEMES = WORDS["themes"]
TITLE_PATTERNS = WORDS["title_patterns"]
SHORT_ACTIONS = WORDS["short_actions"]
MONTHS = WORDS["months"]
DOCUMENT_SECTIONS = WORDS["document_sections"]
RESOURCE_TYPES = WORDS["resource_types"]

FIRST_DATE = datetime.date(2012, 1, 1)
DAYS = (datetime.date(2025, 12, 31) - FIRST_DATE).days


@dataclass
class Item:
    """One generated story, document or case study."""

    number: int
    title: str
    date: datetime.date
    programme: str
    country: str
    place: str
    summary: str
    paragraphs: list[str] = field(default_factory=list)
    resource_type: str = ""
    countries: list[str] = field(default_factory=list)


def _rng(kind, number):
    return random.Random(f"{kind}:{number}")


def _capitalise(text):
    return text[:1].upper() + text[1:]


def _country_name(code):
    return countries.name(code)


def _fill(rng, template, theme, place, country, subject):
    return template.format(
        place=place,
        country=_country_name(country),
        people=rng.choice(PEOPLE),
        name=rng.choice(NAMES),
        number=rng.randint(2, 40),
        month=rng.choice(MONTHS),
        subject=subject,
    )


def _paragraphs(rng, theme, place, country, subject, count, sentences=(3, 5)):
    paragraphs = []
    for _ in range(count):
        chosen = rng.sample(theme["sentences"], rng.randint(*sentences))
        paragraphs.append(
            " ".join(
                _capitalise(_fill(rng, sentence, theme, place, country, subject))
                for sentence in chosen
            )
        )
    return paragraphs


def _setting(rng):
    programme = rng.choice(["migration", "immunization"])
    country = rng.choice(sorted(PLACES))
    place = rng.choice(PLACES[country])
    theme = THEMES[programme]
    subject = rng.choice(theme["subjects"])
    date = FIRST_DATE + datetime.timedelta(days=rng.randrange(DAYS))
    return programme, country, place, theme, subject, date


def story(number):
    """A news story: a headline, dateline, summary and a few paragraphs."""
    rng = _rng("story", number)
    programme, country, place, theme, subject, date = _setting(rng)
    people = rng.choice(PEOPLE)
    title = rng.choice(TITLE_PATTERNS).format(
        People=_capitalise(people),
        people=people,
        action=rng.choice(theme["actions"]),
        action_short=rng.choice(SHORT_ACTIONS[programme]),
        place=place,
        Place=place,
        country_name=_country_name(country),
        subject=subject,
        Subject=_capitalise(subject),
        Name=rng.choice(NAMES),
    )
    summary = " ".join(
        _capitalise(_fill(rng, sentence, theme, place, country, subject))
        for sentence in rng.sample(theme["sentences"], 2)
    )
    return Item(
        number=number,
        title=title,
        date=date,
        programme=programme,
        country=country,
        place=place,
        summary=summary,
        paragraphs=_paragraphs(rng, theme, place, country, subject, rng.randint(3, 6)),
        countries=[country],
    )


def case_study(number):
    """A National Society's account of its work, in a country and a programme."""
    rng = _rng("case-study", number)
    programme, country, place, theme, subject, date = _setting(rng)
    title = _capitalise(
        rng.choice(
            [
                "{subject} with families in {place}",
                "Working with communities on {subject} in {place}",
                "Lessons from {subject} in {country}",
                "How volunteers in {place} took on {subject}",
            ]
        ).format(subject=subject, place=place, country=_country_name(country))
    )
    summary = _capitalise(
        _fill(rng, rng.choice(theme["sentences"]), theme, place, country, subject)
    )
    return Item(
        number=number,
        title=title,
        date=date,
        programme=programme,
        country=country,
        place=place,
        summary=summary,
        paragraphs=_paragraphs(rng, theme, place, country, subject, rng.randint(4, 7)),
        countries=[country],
    )


def document(number):
    """A report or guide: title, summary and the text a PDF of several pages would hold."""
    rng = _rng("document", number)
    programme, country, place, theme, subject, date = _setting(rng)
    title = rng.choice(theme["document_titles"]).format(
        country=_country_name(country), year=date.year
    )
    summary = (
        f"What {_country_name(country)} has learned about {subject}, and what the National "
        f"Society and its partners plan next."
    )
    paragraphs = []
    for heading in rng.sample(DOCUMENT_SECTIONS, rng.randint(4, len(DOCUMENT_SECTIONS))):
        paragraphs.append(heading)
        paragraphs.extend(
            _paragraphs(rng, theme, rng.choice(PLACES[country]), country, subject, 3, (4, 7))
        )
    return Item(
        number=number,
        title=title,
        date=date,
        programme=programme,
        country=country,
        place=place,
        summary=summary,
        paragraphs=paragraphs,
        resource_type=rng.choice(RESOURCE_TYPES),
        countries=[country],
    )

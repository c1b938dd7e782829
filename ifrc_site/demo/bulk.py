"""Plausible news stories, documents and case studies in bulk, for load and speed tests.

Everything is built from word lists with a random generator seeded by the item's number, so
item 1234 is the same text on every machine and every run. The text reads like the site's own
(places, programmes, volunteers, figures) without copying it; no item is a real event.
"""

import datetime
import random
from dataclasses import dataclass, field

# Countries with a few places each, across the federation's five regions.
PLACES = {
    "AF": ["Herat", "Kandahar", "Jalalabad"],
    "BD": ["Cox's Bazar", "Kutupalong", "Sylhet", "Khulna"],
    "BF": ["Ouagadougou", "Kaya", "Djibo"],
    "BR": ["Boa Vista", "Pacaraima", "Manaus"],
    "CD": ["Goma", "Bunia", "Kinshasa", "Mbandaka"],
    "CF": ["Bambari", "Bangui", "Bria"],
    "CO": ["Cucuta", "Riohacha", "Ipiales"],
    "DE": ["Berlin", "Hamburg", "Munich"],
    "EC": ["Tulcan", "Huaquillas", "Quito"],
    "EG": ["Aswan", "Cairo", "Alexandria"],
    "ES": ["Melilla", "Algeciras", "Las Palmas"],
    "ET": ["Gambella", "Dolo Ado", "Jijiga"],
    "FR": ["Calais", "Briancon", "Marseille"],
    "GN": ["Forecariah", "Conakry", "Kankan"],
    "GR": ["Thessaloniki", "Lesvos", "Athens", "Samos"],
    "GT": ["Tecun Uman", "Guatemala City", "Esquipulas"],
    "HN": ["San Pedro Sula", "Tegucigalpa", "Choluteca"],
    "HT": ["Port-au-Prince", "Les Cayes", "Cap-Haitien"],
    "ID": ["Makassar", "Kupang", "Medan"],
    "IQ": ["Mosul", "Erbil", "Basra"],
    "IT": ["Lampedusa", "Ventimiglia", "Catania"],
    "JO": ["Zaatari", "Azraq", "Irbid"],
    "KE": ["Kakuma", "Dadaab", "Garissa", "Turkana"],
    "LB": ["Tripoli", "Bekaa", "Saida"],
    "LY": ["Misrata", "Benghazi", "Sabha"],
    "MA": ["Oujda", "Nador", "Tangier"],
    "ML": ["Gao", "Mopti", "Timbuktu"],
    "MM": ["Sittwe", "Lashio", "Mandalay"],
    "MW": ["Dzaleka", "Lilongwe", "Mangochi"],
    "MX": ["Tapachula", "Tijuana", "Ciudad Juarez"],
    "MZ": ["Pemba", "Beira", "Nampula"],
    "NE": ["Agadez", "Diffa", "Tillaberi"],
    "NG": ["Maiduguri", "Yola", "Kano"],
    "NP": ["Gorkha", "Sindhupalchok", "Biratnagar"],
    "PA": ["Darien", "Lajas Blancas", "Panama City"],
    "PE": ["Tumbes", "Lima", "Tacna"],
    "PH": ["Mindanao", "Tacloban", "Metro Manila", "Cotabato"],
    "PK": ["Balochistan", "Peshawar", "Quetta", "Karachi"],
    "PL": ["Przemysl", "Lublin", "Warsaw"],
    "SD": ["Port Sudan", "Kassala", "El Fasher"],
    "SL": ["Kambia", "Freetown", "Kenema"],
    "SN": ["Dakar", "Ziguinchor", "Tambacounda"],
    "SO": ["Somaliland", "Baidoa", "Mogadishu", "Garowe"],
    "SS": ["Juba", "Malakal", "Bentiu", "Wau"],
    "SY": ["Damascus", "Aleppo", "Homs", "Idlib"],
    "TD": ["Abeche", "Farchana", "Ndjamena"],
    "TN": ["Medenine", "Zarzis", "Tunis"],
    "TR": ["Gaziantep", "Hatay", "Istanbul"],
    "UA": ["Kharkiv", "Odesa", "Lviv"],
    "UG": ["Bidibidi", "Nakivale", "Arua"],
    "US": ["El Paso", "San Diego", "Brownsville"],
    "VE": ["San Antonio del Tachira", "Caracas", "Maracaibo"],
    "YE": ["Aden", "Sanaa", "Hodeidah"],
    "ZM": ["Mantapala", "Lusaka", "Nchelenge"],
}

PEOPLE = [
    "Red Cross volunteers",
    "Red Crescent volunteers",
    "community health workers",
    "youth volunteers",
    "branch volunteers",
    "mobile health teams",
    "vaccinators",
    "first aid teams",
    "women's groups",
    "local leaders",
    "social mobilisers",
    "nurses",
]

NAMES = [
    "Amina",
    "Hassan",
    "Maria",
    "Josefina",
    "Fatima",
    "Samuel",
    "Grace",
    "Ahmed",
    "Leila",
    "Daniel",
    "Nadia",
    "Ibrahim",
    "Rosa",
    "Yusuf",
    "Esther",
    "Carlos",
    "Mariam",
    "Oksana",
    "Aisha",
    "Tomas",
]

# Each theme: a programme, the subjects of its stories, what people do about them, and the
# sentences its bodies and reports draw on. {place}, {country}, {people}, {name}, {number},
# {month} and {subject} are filled in.
THEMES = {
    "migration": {
        "subjects": [
            "restoring family links",
            "winter shelter",
            "first aid at the border",
            "the migrant hotline",
            "psychosocial support",
            "humanitarian service points",
            "safe drinking water",
            "unaccompanied children",
            "cash assistance",
            "language classes",
            "legal information",
            "returning migrants",
            "people rescued at sea",
            "social inclusion",
            "protection from trafficking",
            "hygiene kits",
            "temporary housing",
            "health care for migrants",
        ],
        "actions": [
            "welcome families arriving in",
            "open a service point in",
            "help separated families reconnect in",
            "bring warm clothes and blankets to",
            "listen to people on the move in",
            "offer first aid along the road through",
            "run a hotline for migrants in",
            "support returnees passing through",
        ],
        "sentences": [
            "In {place}, {people} meet families who have been travelling for weeks.",
            "Many of the people arriving in {place} left home with almost nothing.",
            "{name}, a volunteer in {place}, has helped with {subject} for {number} years.",
            "Last {month}, the branch in {place} recorded more than {number}00 requests for "
            "help with {subject}.",
            "Whatever their legal status, migrants in {country} can ask the Red Cross and Red "
            "Crescent for help with {subject}.",
            "The humanitarian service point offers a phone charge, a hot drink and a quiet "
            "place to talk.",
            "Restoring family links begins with a name, a photograph and a last known place.",
            "Volunteers speak the languages of the people they meet, which builds trust quickly.",
            "Children travelling alone are referred to specialised protection services.",
            "Winter nights in {place} are long and cold, and tents give little protection.",
            "The hotline answers questions about shelter, health care and the asylum process.",
            "Host communities in {country} have shown great generosity, but resources are "
            "stretched.",
            "{people} also explain how to stay safe from traffickers on the journey ahead.",
            "Psychosocial support helps people cope with loss, fear and uncertainty.",
            '"We listen first, then we see what we can do together," says {name}.',
            "The National Society of {country} works with local authorities to plan for "
            "new arrivals.",
        ],
        "document_titles": [
            "Humanitarian service points in {country}: lessons from {year}",
            "Migration and displacement in {country}: a needs assessment",
            "Restoring family links in {country}: an operational review",
            "Protection of migrants in {country}: guidance for branches",
            "Winter response for people on the move in {country}",
            "Social inclusion programmes in {country}: what works",
            "Cash assistance for migrants in {country}: an evaluation",
        ],
    },
    "immunization": {
        "subjects": [
            "measles vaccination",
            "the polio campaign",
            "routine immunization",
            "zero-dose children",
            "vaccine rumours",
            "the cold chain",
            "community-based surveillance",
            "cholera vaccination",
            "yellow fever vaccination",
            "HPV vaccination",
            "COVID-19 vaccines",
            "mobile clinics",
            "diphtheria outbreaks",
            "vaccination cards",
            "malnutrition screening",
            "health education",
        ],
        "actions": [
            "go door to door in",
            "support a vaccination campaign in",
            "answer questions about vaccines in",
            "reach remote villages near",
            "watch for disease outbreaks in",
            "bring a mobile clinic to",
            "track down missed children in",
            "keep vaccines cold on the way to",
        ],
        "sentences": [
            "In {place}, {people} visited {number}00 households in a single week.",
            "Mothers in {place} asked {people} where and when vaccination would take place.",
            "{name}, a volunteer in {place}, explains {subject} to families in their own language.",
            "Last {month}, the campaign in {country} aimed to reach every child under five.",
            "Rumours about vaccines spread quickly, and listening is the first step to "
            "answering them.",
            "Community-based surveillance means volunteers report unusual illness within a day.",
            "Keeping vaccines cold on the road to {place} takes cool boxes, ice packs and "
            "careful planning.",
            "Zero-dose children have never received a single routine vaccine.",
            "Health workers record each dose on a vaccination card that families keep.",
            "The polio eradication programme built skills that now serve routine immunization.",
            "Measles spreads fast where vaccination coverage is low, as it was in {place}.",
            "{people} work alongside the Ministry of Health of {country}.",
            '"When people know us, they trust what we tell them," says {name}.',
            "The mobile clinic stops in {place} every {month}, weather permitting.",
            "Vaccination days are announced by radio, at mosques and churches, and at markets.",
            "Volunteers follow up with families whose children missed a dose.",
        ],
        "document_titles": [
            "Routine immunization in {country}: a review of the National Society's role",
            "Measles outbreak response in {country}: after-action review",
            "Polio transition in {country}: risks and opportunities",
            "Community-based surveillance in {country}: a field guide",
            "Reaching zero-dose children in {country}",
            "Vaccine confidence in {country}: listening to communities",
            "Cold chain management in {country}: an assessment",
        ],
    },
}

TITLE_PATTERNS = [
    "{People} {action} {place}",
    "{Place}: {people} {action_short}",
    "How {people} in {country_name} are tackling {subject}",
    "{Subject} in {place}: what {people} learned",
    "In {place}, {subject} brings {people} and families together",
    "{Name} and the {people} of {place}",
    "A week of {subject} in {place}",
    "{Subject}: {people} in {country_name} share what works",
]

SHORT_ACTIONS = {
    "migration": [
        "keep families in touch",
        "prepare for winter",
        "open their doors",
        "welcome new arrivals",
        "help people find their relatives",
    ],
    "immunization": [
        "protect every child",
        "answer vaccine questions",
        "go the last mile",
        "beat back measles",
        "keep the cold chain going",
    ],
}

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

DOCUMENT_SECTIONS = [
    "Summary",
    "Background",
    "Methods",
    "Findings",
    "What communities told us",
    "The role of volunteers",
    "Challenges",
    "Recommendations",
    "Next steps",
]

RESOURCE_TYPES = ["report", "assessment", "guideline", "policy", "toolkit", "poster", "case_study"]

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
    from django_countries import countries

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

"""Countries, grouped into the federation's five regions.

Countries themselves come from django-countries (ISO 3166-1); this module only adds the region
each one belongs to, so listings can be filtered by region.
"""

from django.utils.translation import gettext_lazy as _

AFRICA = "africa"
AMERICAS = "americas"
ASIA_PACIFIC = "asia-pacific"
EUROPE = "europe"
MENA = "mena"

REGIONS = [
    (AFRICA, _("Africa")),
    (AMERICAS, _("Americas")),
    (ASIA_PACIFIC, _("Asia Pacific")),
    (EUROPE, _("Europe")),
    (MENA, _("Middle East and North Africa")),
]

_REGION_COUNTRIES = {
    AFRICA: (
        "AO BF BI BJ BW CD CF CG CI CM CV DJ ER ET GA GH GM GN GQ GW KE KM LR LS MG ML MU MW MZ "
        "NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TG TZ UG YT ZA ZM ZW"
    ),
    AMERICAS: (
        "AG AI AR AW BB BL BM BO BQ BR BS BZ CA CL CO CR CU CW DM DO EC FK GD GF GL GP GT GY HN "
        "HT JM KN KY LC MF MQ MS MX NI PA PE PM PR PY SR SV SX TC TT US UY VC VE VG VI"
    ),
    ASIA_PACIFIC: (
        "AF AS AU BD BN BT CC CK CN CX FJ FM GU HK ID IN IO JP KH KI KP KR LA LK MH MM MN MO MP "
        "MV MY NC NF NP NR NU NZ PF PG PH PK PN PW SB TH TK TL TO TV TW VN VU WF WS"
    ),
    EUROPE: (
        "AD AL AM AT AX AZ BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GE GG GI GR HR HU IE IL "
        "IM IS IT JE KG KZ LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM TJ TM "
        "TR UA UZ VA XK"
    ),
    MENA: "AE BH DZ EG EH IQ IR JO KW LB LY MA MR OM PS QA SA SY TN YE",
}

COUNTRY_REGION = {
    code: region for region, codes in _REGION_COUNTRIES.items() for code in codes.split()
}


def region_of(country_code):
    """The region a country belongs to, or "" when it has none."""
    return COUNTRY_REGION.get(str(country_code).upper(), "")


def countries_in(region):
    """The country codes of a region, sorted; empty for an unknown region."""
    return sorted(code for code, value in COUNTRY_REGION.items() if value == region)


def region_label(region):
    return dict(REGIONS).get(region, "")

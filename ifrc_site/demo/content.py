"""Demo content for the load_demo_content command: news stories, resources and case studies.

Country codes are ISO 3166-1 alpha-2; `programmes` name "migration" and/or "immunization".
Images are illustrations generated on this machine from `theme`.
"""

NATIONAL_SOCIETIES = [
    {
        "slug": "central-african-red-cross",
        "name": "Central African Red Cross Society",
        "country": "CF",
    },
    {"slug": "pakistan-red-crescent", "name": "Pakistan Red Crescent Society", "country": "PK"},
    {"slug": "philippine-red-cross", "name": "Philippine Red Cross", "country": "PH"},
    {"slug": "sierra-leone-red-cross", "name": "Sierra Leone Red Cross Society", "country": "SL"},
    {"slug": "guinea-red-cross", "name": "Red Cross Society of Guinea", "country": "GN"},
    {"slug": "syrian-arab-red-crescent", "name": "Syrian Arab Red Crescent", "country": "SY"},
    {"slug": "somali-red-crescent", "name": "Somali Red Crescent Society", "country": "SO"},
    {"slug": "bangladesh-red-crescent", "name": "Bangladesh Red Crescent Society", "country": "BD"},
    {"slug": "tunisian-red-crescent", "name": "Tunisian Red Crescent", "country": "TN"},
    {"slug": "hellenic-red-cross", "name": "Hellenic Red Cross", "country": "GR"},
    {"slug": "netherlands-red-cross", "name": "Netherlands Red Cross", "country": "NL"},
    {"slug": "american-red-cross", "name": "American Red Cross", "country": "US"},
]


def _story(slug, title, city, country, date, programmes, summary, body, theme, alt, caption):
    return {
        "slug": slug,
        "title": title,
        "city": city,
        "country": country,
        "date": date,
        "programmes": programmes,
        "summary": summary,
        "body": body,
        "image": {"theme": theme, "alt": alt, "caption": caption},
    }


NEWS_STORIES = [
    _story(
        "thessaloniki-two-families-one-home",
        "In Thessaloniki, two families who fled Syria share a home at last",
        "Thessaloniki",
        "GR",
        "2017-05-16",
        ["migration"],
        "After more than a year in temporary shelter, two families who met while escaping the "
        "war in Syria now live together in a proper house in the city.",
        [
            "Most migrants who reached Greece have now lived for over a year in tents or "
            "containers. Such shelter was never meant to last, and it becomes hard to bear in "
            "the heat of summer and the cold of winter.",
            "Salah, from Damascus, and Abu Nidal, from Homs, are Palestinian-Syrian men who "
            "first met in Turkey, each having fled the war to keep his family safe. Since that "
            "meeting the two households have not been apart.",
            "They are among the fortunate ones who were given real housing. Today they share a "
            "two-storey house in an urban part of Thessaloniki: Salah with his wife, who is "
            "expecting a baby, and his mother-in-law; Abu Nidal with his wife, also pregnant, "
            "and their three children.",
        ],
        "city",
        "Illustration of a two-storey house on a city street at dusk",
        "Salah's and Abu Nidal's families now share a house in Thessaloniki.",
    ),
    _story(
        "medenine-waiting-to-go-home",
        "Medenine: a stopover for migrants returning from Libya",
        "Medenine",
        "TN",
        "2017-05-08",
        ["migration"],
        "The Tunisian Red Crescent branch in Medenine is hosting 160 migrants who came back "
        "from Libya and are waiting for papers to travel home.",
        [
            "The southern Tunisian city of Medenine has become a halfway point for migrants "
            "heading home from Libya after their attempts to cross the Mediterranean to Europe "
            "failed.",
            "The local branch of the Tunisian Red Crescent currently gives shelter to 160 of "
            "them while they wait for the visas that will let them return to their own "
            "countries.",
            "Abdoulie is one of them. Like many young men from across Africa, he hoped to reach "
            "Europe and find work that would give his wife and four children a better life.",
        ],
        "migration",
        "Illustration of a road leading through dry hills towards a small town",
        "Medenine has become a stopover on the way home from Libya.",
    ),
    _story(
        "the-hague-seamstress-hero",
        "The seamstress of Moerwijk who teaches migrant women her trade",
        "The Hague",
        "NL",
        "2017-05-03",
        ["migration"],
        "For ten years Ahlem Özdemir has spent two days a week teaching migrant women to make "
        "and mend clothes in a neighbourhood near The Hague.",
        [
            "Ahlem Özdemir is a gifted seamstress who lives in Moerwijk, a diverse, "
            "multicultural neighbourhood close to The Hague in the Netherlands.",
            "For the past decade she has given two days of every week to teaching migrant women "
            "how to sew their own clothes and alter the ones they have.",
            "Her work was recognised last year, when she received the 'Hero of The Hague' award "
            "in the Culture category.",
        ],
        "community",
        "Illustration of a group of women gathered in a neighbourhood",
        "Ahlem Özdemir's sewing classes bring women of many backgrounds together.",
    ),
    _story(
        "manila-door-to-door-polio",
        "Door to door against polio in Metro Manila and Mindanao",
        "Manila",
        "PH",
        "2019-10-21",
        ["immunization"],
        "Philippine Red Cross volunteers are visiting homes to make sure every child under five "
        "receives the oral polio vaccine during the government's campaign.",
        [
            "A large team of Philippine Red Cross volunteers is backing the government's polio "
            "vaccination campaign by going from house to house in Metro Manila and in Mindanao.",
            "Their task is simple to describe and hard to finish: find every child under five "
            "and check that each one has had the oral polio vaccine.",
            "Because the volunteers come from the neighbourhoods they visit, parents know them "
            "and open their doors.",
        ],
        "city",
        "Illustration of volunteers walking along a street of dense housing",
        "Volunteers check that every child under five has been vaccinated.",
    ),
    _story(
        "sierra-leone-liberia-border-ebola-talks",
        "On the Sierra Leone–Liberia border, conversations that stop Ebola",
        "Kailahun",
        "SL",
        "2015-03-12",
        ["immunization"],
        "Red Cross volunteers sit down with villagers to talk about Ebola: how it spreads, how "
        "to stop it, and why survivors deserve respect, not stigma.",
        [
            "In a village on the border between Sierra Leone and Liberia, Red Cross volunteers "
            "hold open discussions about Ebola with the people who live there.",
            "The aim is twofold: to stop the disease from spreading, and to challenge the "
            "harmful stigma faced by families touched by it.",
            "Talking face to face, in the local language, with people they already know, the "
            "volunteers can answer fears and rumours as they come up.",
        ],
        "community",
        "Illustration of people seated in a circle under a tree in a village",
        "Open conversations help communities understand and fight Ebola.",
    ),
    _story(
        "klalantou-surveillance-guinea",
        "Klalantou: watching for Ebola, one household at a time",
        "Forecariah",
        "GN",
        "2015-06-04",
        ["immunization"],
        "In the Forecariah region, Red Cross Society of Guinea volunteers visit families to "
        "share prevention messages and to spot possible cases early.",
        [
            "In the village of Klalantou, in the Ebola-affected region of Forecariah, a "
            "volunteer with the Red Cross Society of Guinea stops at each home in turn.",
            "These door-to-door visits combine awareness-raising with community-based "
            "surveillance: volunteers listen for signs of illness and report them quickly, so "
            "that the spread of Ebola can be stopped.",
        ],
        "community",
        "Illustration of a volunteer talking with a family outside their home",
        "Door-to-door visits in Klalantou, Forecariah region.",
    ),
    _story(
        "damascus-mobile-clinic",
        "A mobile clinic keeps its rounds south of Damascus",
        "Damascus",
        "SY",
        "2018-02-15",
        ["immunization"],
        "A Syrian Arab Red Crescent mobile clinic makes regular stops near a school, where a "
        "doctor checks babies' health and families get care close to home.",
        [
            "On one of its regular stops near a school just south of Damascus, a Syrian Arab "
            "Red Crescent mobile health clinic opens its doors.",
            "Inside, a doctor examines a baby while other families wait their turn. Mobile "
            "clinics like this one bring primary health care, including vaccination, to people "
            "who would otherwise go without.",
        ],
        "immunization",
        "Illustration of a clinic vehicle parked beside a school building",
        "The mobile clinic stops near a school south of Damascus.",
    ),
    _story(
        "somaliland-polio-in-emergencies",
        "Vaccinating through the emergency in rural Somaliland",
        "Hargeisa",
        "SO",
        "2018-11-07",
        ["immunization"],
        "A Somali Red Crescent Society volunteer gives a young girl the oral polio vaccine in a "
        "rural village, showing how immunization continues in emergencies.",
        [
            "Emergencies do not pause the need for vaccines. In a rural village in Somaliland, "
            "a volunteer of the Somali Red Crescent Society gives a young girl her oral polio "
            "vaccine.",
            "Volunteers who live in the communities they serve can keep vaccination going when "
            "other services are stretched or cut off.",
        ],
        "landscape",
        "Illustration of a rural village with low houses under a bright sky",
        "Immunization continues in rural Somaliland during emergencies.",
    ),
    _story(
        "five-point-plan-covid-19-vaccines",
        "The Movement's five-point plan for COVID-19 vaccines",
        "Geneva",
        "CH",
        "2021-02-10",
        ["immunization"],
        "The International Red Cross and Red Crescent Movement has launched a plan to help "
        "prepare for and introduce COVID-19 vaccines around the world.",
        [
            "Red Cross and Red Crescent Societies have been at the front of the response to "
            "the COVID-19 pandemic. Early in 2021 the Movement set out five points to guide "
            "its work on vaccines.",
            "They are: advocating for equitable access; building trust and acceptance while "
            "managing expectations; supporting delivery in health facilities and through "
            "outreach; reaching the most vulnerable people; and keeping other immunization "
            "services strong.",
        ],
        "immunization",
        "Illustration of a health post with people waiting outside",
        "National Societies prepare to support COVID-19 vaccination.",
    ),
    _story(
        "missing-routine-vaccines",
        "Why millions of children still miss their routine vaccines",
        "Geneva",
        "CH",
        "2022-04-25",
        ["immunization"],
        "An estimated 20 million children a year do not receive routine infant immunizations. "
        "Most live where health services barely reach.",
        [
            "Every year, an estimated 20 million children miss out on routine infant "
            "immunizations. Most live in fragile, conflict-affected or otherwise vulnerable "
            "communities with few vaccination services.",
            "Even where vaccines are available, misinformation and mistrust are holding parents "
            "back, and preventable diseases are returning as a result.",
            "Trained volunteers who belong to these communities are trusted messengers, which is "
            "why National Societies put them at the centre of their immunization work.",
        ],
        "community",
        "Illustration of parents and children gathered near a health centre",
        "Trusted volunteers help close the immunization gap.",
    ),
    _story(
        "restoring-family-links-on-the-route",
        "Finding family again: restoring family links along migration routes",
        "Athens",
        "GR",
        "2016-06-20",
        ["migration"],
        "With the ICRC, National Societies help people separated on the move to trace their "
        "relatives and get back in touch.",
        [
            "Journeys across borders often separate families. Working with the International "
            "Committee of the Red Cross, National Societies run restoring family links services "
            "that help people find out what happened to their relatives and reconnect with them.",
            "Volunteers offer phone calls, tracing requests and a patient ear to people who "
            "have lost contact with those they love.",
        ],
        "migration",
        "Illustration of travellers on a coastal road at dusk",
        "Restoring family links services help separated families reconnect.",
    ),
    _story(
        "first-aid-at-the-border",
        "First aid and health care for people on the move",
        "Ventimiglia",
        "IT",
        "2016-08-02",
        ["migration"],
        "National Societies offer first aid, health care and other essential services to "
        "migrants, whatever their legal status.",
        [
            "People on the move are often exhausted, injured or unwell by the time they reach a "
            "border. Red Cross and Red Crescent volunteers provide first aid and help them "
            "reach health care and other essential services.",
            "This help is given according to need alone, irrespective of a person's legal status.",
        ],
        "migration",
        "Illustration of tents beside a road in hilly country",
        "Volunteers provide first aid along migration routes.",
    ),
    _story(
        "social-inclusion-host-communities",
        "Bringing migrants and host communities together",
        "Rotterdam",
        "NL",
        "2016-11-14",
        ["migration"],
        "Social inclusion programmes help host societies and newcomers understand each other "
        "and build resilience together.",
        [
            "Opinions on migration are more divided than ever. National Societies run social "
            "inclusion programmes that bring newcomers and long-standing residents together.",
            "Language cafés, sports clubs and volunteering side by side create understanding, "
            "and help communities gain from the skills migrants bring.",
        ],
        "community",
        "Illustration of neighbours gathered in a park between houses",
        "Social inclusion activities bring neighbours together.",
    ),
    _story(
        "bangladesh-measles-campaign-2005",
        "Looking back: the 2005 measles campaign in Bangladesh",
        "Dhaka",
        "BD",
        "2020-03-18",
        ["immunization"],
        "In 2005 the American Red Cross joined communities in Bangladesh in a mass measles "
        "vaccination campaign, an example of outbreak response still cited today.",
        [
            "Mass vaccination is one of the quickest ways to stop a measles outbreak. In 2005 "
            "the American Red Cross worked with communities across Bangladesh to deliver a "
            "large measles vaccination campaign.",
            "Community volunteers spread the word, helped families reach vaccination points and "
            "followed up with those who missed them.",
        ],
        "immunization",
        "Illustration of people queueing outside a health centre",
        "Communities in Bangladesh took part in the 2005 measles campaign.",
    ),
    _story(
        "kutupalong-psychosocial-support",
        "Youth volunteers offer psychosocial support in Kutupalong",
        "Cox's Bazar",
        "BD",
        "2017-04-12",
        ["migration"],
        "Bangladesh Red Crescent youth volunteers support people newly arrived from Rakhine "
        "State in Myanmar.",
        [
            "Every day, Bangladesh Red Crescent volunteer Tamjid Hossen Naim, aged 25, walks the "
            "muddy paths and hills of the Kutupalong settlement.",
            "With about two dozen other young volunteers, he offers psychosocial support to "
            "people who have just arrived from Rakhine State in northern Myanmar.",
        ],
        "camp",
        "Illustration of rows of shelters on green hills",
        "Youth volunteers support new arrivals in the Kutupalong settlement.",
    ),
    _story(
        "vaccine-misinformation-trusted-voices",
        "Answering vaccine misinformation with trusted local voices",
        "Islamabad",
        "PK",
        "2023-05-09",
        ["immunization"],
        "Rumours travel fast. Volunteers from the community help parents get reliable answers "
        "about vaccines.",
        [
            "A global rise in misinformation about vaccines is keeping children from being "
            "immunized. National Societies respond by listening to the questions parents "
            "actually ask.",
            "Volunteers from the same streets and villages answer with facts, in the local "
            "language, and point families to the nearest vaccination service.",
        ],
        "community",
        "Illustration of a volunteer talking with a small group of parents",
        "Volunteers answer parents' questions about vaccines.",
    ),
]


def _pdf(subtitle, sections, kind="report", min_pages=2):
    return {"subtitle": subtitle, "kind": kind, "min_pages": min_pages, "sections": sections}


RESOURCES = [
    {
        "slug": "protecting-children-on-the-move-bangladesh",
        "title": "Protecting children on the move in Bangladesh",
        "resource_type": "case_study",
        "date": "2017-05-29",
        "language": "en",
        "programmes": ["migration"],
        "countries": ["BD"],
        "summary": (
            "How Bangladesh Red Crescent youth volunteers, among them 25-year-old Tamjid Hossen "
            "Naim, support children and families newly arrived in the Kutupalong settlement."
        ),
        "pdf": _pdf(
            "A case study from the Kutupalong settlement",
            [
                (
                    "Context",
                    [
                        "People arriving from Rakhine State in northern Myanmar reach the "
                        "Kutupalong settlement exhausted and often in shock. Children make up a "
                        "large share of the new arrivals.",
                    ],
                ),
                (
                    "Youth volunteers",
                    [
                        "Tamjid Hossen Naim, a 25-year-old Bangladesh Red Crescent volunteer, "
                        "crosses the settlement's muddy paths and hills every day with a group of "
                        "about two dozen young volunteers.",
                        "They provide psychosocial support: listening, organising safe activities "
                        "for children and referring families to other services.",
                    ],
                ),
                (
                    "Lessons",
                    [
                        "Volunteers who speak with children every day notice who is missing, who "
                        "is unwell and who needs protection. Child-friendly spaces help restore a "
                        "sense of routine.",
                    ],
                ),
            ],
        ),
    },
    {
        "slug": "rights-of-migrants-in-action",
        "title": "Rights of Migrants in Action",
        "resource_type": "report",
        "date": "2017-05-02",
        "language": "en",
        "programmes": ["migration"],
        "countries": [],
        "summary": (
            "A global project, co-funded by the European Union and the IFRC, that promotes and "
            "protects migrants' rights through coordinated civil society action."
        ),
        "pdf": _pdf(
            "Project overview",
            [
                (
                    "About the project",
                    [
                        "Rights of Migrants in Action is a global initiative co-funded by the "
                        "European Union and the IFRC.",
                        "It promotes and protects the rights of migrants in selected countries, "
                        "along migration corridors and across regions.",
                    ],
                ),
                (
                    "How it works",
                    [
                        "The project strengthens civil society organisations so that they can act "
                        "together: sharing information, coordinating services and speaking up for "
                        "migrants' rights with one voice.",
                    ],
                ),
                (
                    "Who takes part",
                    [
                        "National Societies work alongside other civil society partners in the "
                        "target countries and corridors.",
                    ],
                ),
            ],
            min_pages=3,
        ),
    },
    {
        "slug": "red-cross-hotline-poster",
        "title": "Red Cross hotline for migrants: poster",
        "resource_type": "poster",
        "date": "2017-04-26",
        "language": "en",
        "programmes": ["migration"],
        "countries": [],
        "summary": (
            "A poster about the Red Cross hotline: which numbers to call, when the lines are "
            "open and which languages are spoken."
        ),
        "pdf": _pdf(
            "Help and information by telephone",
            [
                (
                    "Call the Red Cross hotline",
                    [
                        "Free, confidential information and support for migrants.",
                    ],
                ),
                (
                    "Telephone",
                    ["Each country has its own free number: ask at the nearest Red Cross branch."],
                ),
                ("Opening hours", ["Monday to Friday, 09:00-17:00"]),
                ("Languages", ["Arabic, English, French and Farsi"]),
            ],
            kind="poster",
            min_pages=1,
        ),
    },
    {
        "slug": "polio-transition-south-sudan",
        "title": (
            "Polio program transition in South Sudan: an assessment of risks and opportunities"
        ),
        "resource_type": "assessment",
        "date": "2020-09-18",
        "language": "en",
        "programmes": ["immunization"],
        "countries": ["SS"],
        "summary": (
            "What the end of dedicated polio funding means for immunization in South Sudan, and "
            "how National Society volunteers can keep services running."
        ),
        "pdf": _pdf(
            "An assessment of risks and opportunities",
            [
                (
                    "Why this assessment",
                    [
                        "Polio eradication programmes built staff, equipment and community links "
                        "that now support routine immunization in South Sudan. As dedicated polio "
                        "funding winds down, those assets risk being lost.",
                        "This assessment looks at what could be lost, what could be kept, and the "
                        "part the National Society can play.",
                    ],
                ),
                (
                    "Risks",
                    [
                        "The greatest risk lies in the cold chain handover to county health "
                        "departments, which often lack fuel, spare parts and trained technicians.",
                        "Surveillance for acute flaccid paralysis depends on community informants "
                        "whose small allowances came from polio budgets.",
                    ],
                ),
                (
                    "Opportunities",
                    [
                        "Community volunteers already trusted by families can be trained to report "
                        "disease and to follow up children who miss vaccine doses.",
                        "Integrating polio tasks into primary health care can protect the gains of "
                        "the last decade.",
                    ],
                ),
                (
                    "Recommendations",
                    [
                        "Plan the transition county by county, starting where services are "
                        "weakest; keep volunteer networks active; and report progress openly.",
                    ],
                ),
            ],
            min_pages=8,
        ),
    },
    {
        "slug": "polio-transition-somalia",
        "title": "Polio program transition in Somalia: an assessment of risks and opportunities",
        "resource_type": "assessment",
        "date": "2020-09-17",
        "language": "en",
        "programmes": ["immunization"],
        "countries": ["SO"],
        "summary": (
            "How polio programme assets in Somalia can pass to routine health services, and where "
            "the Somali Red Crescent Society's volunteers fit in."
        ),
        "pdf": _pdf(
            "An assessment of risks and opportunities",
            [
                (
                    "Background",
                    [
                        "Somalia's polio programme has reached nomadic and displaced families that "
                        "other services rarely see. Its networks are a foundation for wider "
                        "immunization.",
                    ],
                ),
                (
                    "Risks",
                    [
                        "Insecurity and the movement of pastoralist families make follow-up hard. "
                        "Without dedicated funding, outreach teams may be disbanded.",
                    ],
                ),
                (
                    "Opportunities",
                    [
                        "Community volunteers in Somaliland and Puntland already go house to house "
                        "with vaccines and health messages, and could carry routine immunization "
                        "alongside polio work.",
                        "Mobile health teams can combine vaccination with other primary health "
                        "care.",
                    ],
                ),
                (
                    "Recommendations",
                    [
                        "Keep community volunteers at the centre of the transition, secure funding "
                        "for outreach to mobile populations, and share data between partners.",
                    ],
                ),
            ],
            min_pages=8,
        ),
    },
    {
        "slug": "immunization-annex",
        "title": "Immunization Annex",
        "resource_type": "guideline",
        "date": "2021-03-01",
        "language": "en",
        "programmes": ["immunization"],
        "countries": [],
        "summary": (
            "The Movement's five-point plan to prepare for and introduce COVID-19 vaccines, and "
            "what it asks of National Societies."
        ),
        "pdf": _pdf(
            "The five-point plan for COVID-19 vaccines",
            [
                (
                    "The plan",
                    [
                        "- Advocate for equitable access to COVID-19 vaccines.",
                        "- Build community trust and acceptance; help manage expectations.",
                        "- Support vaccine delivery in health facilities and through outreach.",
                        "- Reach the most vulnerable: people in urban slums, remote rural areas, "
                        "migrants, homeless people, and people affected by conflict, violence and "
                        "disasters.",
                        "- Maintain and strengthen other immunization services, with a focus on "
                        "zero-dose and under-immunized communities.",
                    ],
                ),
                (
                    "What National Societies do",
                    [
                        "Each National Society adapts the plan to its context and its auxiliary "
                        "role, from community engagement to direct support of vaccination.",
                    ],
                ),
            ],
            min_pages=3,
        ),
    },
    {
        "slug": "covid-19-resource-compendium",
        "title": "COVID-19 Resource Compendium",
        "resource_type": "toolkit",
        "date": "2021-04-12",
        "language": "en",
        "programmes": ["immunization"],
        "countries": [],
        "summary": "Tools and guidance on COVID-19 vaccination gathered in one place.",
        "pdf": _pdf(
            "COVID-19 vaccination resources",
            [
                (
                    "What is in the compendium",
                    [
                        "Guidance, training material and community engagement tools for "
                        "National Societies supporting COVID-19 vaccination.",
                    ],
                ),
                (
                    "How to use it",
                    [
                        "Start with the community engagement tools, then adapt the training "
                        "material to local needs.",
                    ],
                ),
            ],
        ),
    },
]

# More documents, so the library has a second page to browse.
for slug, title, kind, date, language, programme, countries, summary in [
    (
        "migration-policy",
        "IFRC policy on migration",
        "policy",
        "2016-03-20",
        "en",
        "migration",
        [],
        "The federation's policy on humanitarian action with migrants.",
    ),
    (
        "migrant-assistance-guideline",
        "Assisting migrants irrespective of legal status",
        "guideline",
        "2016-02-14",
        "en",
        "migration",
        [],
        "Practical guidance for volunteers who support migrants.",
    ),
    (
        "restoring-family-links-toolkit",
        "Restoring family links: a toolkit for volunteers",
        "toolkit",
        "2016-09-05",
        "en",
        "migration",
        [],
        "How to help separated families trace and contact each other.",
    ),
    (
        "social-inclusion-report",
        "Social inclusion of migrants: what works",
        "report",
        "2016-06-30",
        "en",
        "migration",
        ["NL", "GR"],
        "Lessons from social inclusion programmes in host communities.",
    ),
    (
        "guide-migrants-fr",
        "Guide d'accueil des personnes migrantes",
        "guideline",
        "2017-01-18",
        "fr",
        "migration",
        ["TN"],
        "Un guide pratique pour les bénévoles.",
    ),
    (
        "vacunacion-comunidades-es",
        "Vacunación en comunidades de difícil acceso",
        "guideline",
        "2021-07-07",
        "es",
        "immunization",
        [],
        "Orientaciones para llegar a las comunidades más aisladas.",
    ),
    (
        "immunization-arabic-edition",
        "Community immunization guide (Arabic edition)",
        "guideline",
        "2021-10-11",
        "ar",
        "immunization",
        ["SY"],
        "The Arabic edition of the community immunization guide.",
    ),
    (
        "measles-outbreak-response",
        "Measles outbreak response: lessons learned",
        "report",
        "2022-02-22",
        "en",
        "immunization",
        ["BD", "CF"],
        "What mass measles campaigns teach about speed and community trust.",
    ),
    (
        "community-surveillance-toolkit",
        "Community-based surveillance toolkit",
        "toolkit",
        "2022-08-30",
        "en",
        "immunization",
        ["GN", "SL"],
        "How volunteers detect and report disease early.",
    ),
]:
    RESOURCES.append(
        {
            "slug": slug,
            "title": title,
            "resource_type": kind,
            "date": date,
            "language": language,
            "programmes": [programme],
            "countries": countries,
            "summary": summary,
            "pdf": _pdf(
                title,
                [
                    ("Summary", [summary]),
                    ("Scope", ["This document is part of the IFRC resource library."]),
                ],
            ),
        }
    )


def _case(slug, title, society, country, programme, date, summary, body, theme, alt, caption):
    return {
        "slug": slug,
        "title": title,
        "national_society": society,
        "country": country,
        "programme": programme,
        "date": date,
        "summary": summary,
        "body": body,
        "image": {"theme": theme, "alt": alt, "caption": caption},
        "consent_recorded": True,
    }


CASE_STUDIES = [
    _case(
        "central-african-republic",
        "Measles messages in Bambari",
        "central-african-red-cross",
        "CF",
        "immunization",
        "2020-02-10",
        "Supporting the national routine immunization programme in remote and "
        "conflict-affected districts.",
        [
            "In December 2019, volunteers of the Central African Red Cross Society took key "
            "messages about measles vaccination to families in Bambari, in Ouaka prefecture.",
            "In districts that are remote and affected by conflict, the National Society "
            "supports the national routine immunization programme by reaching families that "
            "health services struggle to reach.",
        ],
        "community",
        "Illustration of volunteers speaking with families in a village",
        "Volunteers share measles vaccination messages in Bambari, Ouaka prefecture.",
    ),
    _case(
        "pakistan",
        "Vaccinating in Balochistan's border areas",
        "pakistan-red-crescent",
        "PK",
        "immunization",
        "2020-01-25",
        "Engaging and vaccinating neglected communities in hard-to-reach border areas.",
        [
            "In January 2020 a vaccinator with the Pakistan Red Crescent Society carried out "
            "outreach in Balochistan province.",
            "The National Society works with communities in border areas that are hard to "
            "reach and often overlooked, combining engagement with vaccination.",
        ],
        "landscape",
        "Illustration of a rural landscape with mountains and a small village",
        "Outreach in Balochistan province, January 2020.",
    ),
]

for slug, title, society, country, programme, date, summary, theme in [
    (
        "metro-manila-polio-campaign",
        "Reaching every child under five in Metro Manila",
        "philippine-red-cross",
        "PH",
        "immunization",
        "2019-11-05",
        "Volunteers support the government's polio campaign door to door.",
        "city",
    ),
    (
        "mindanao-polio-follow-up",
        "Following up missed children in Mindanao",
        "philippine-red-cross",
        "PH",
        "immunization",
        "2020-01-14",
        "Volunteers trace children who missed their polio dose.",
        "community",
    ),
    (
        "border-village-ebola-dialogue",
        "Village dialogues on Ebola at the border",
        "sierra-leone-red-cross",
        "SL",
        "immunization",
        "2015-04-20",
        "Community discussions to prevent Ebola and reduce stigma.",
        "community",
    ),
    (
        "forecariah-surveillance",
        "Community-based surveillance in Forecariah",
        "guinea-red-cross",
        "GN",
        "immunization",
        "2015-07-02",
        "Door-to-door sensitisation and early reporting in Klalantou.",
        "community",
    ),
    (
        "mobile-clinics-rural-damascus",
        "Mobile clinics on the outskirts of Damascus",
        "syrian-arab-red-crescent",
        "SY",
        "immunization",
        "2018-03-11",
        "Regular clinic stops bring care and vaccines close to home.",
        "immunization",
    ),
    (
        "somaliland-emergency-vaccination",
        "Vaccination during emergencies in Somaliland",
        "somali-red-crescent",
        "SO",
        "immunization",
        "2018-12-01",
        "Volunteers keep oral polio vaccination going in rural villages.",
        "landscape",
    ),
    (
        "bangladesh-measles-outbreak-2005",
        "Measles outbreak response with communities",
        "american-red-cross",
        "BD",
        "immunization",
        "2005-11-20",
        "A mass measles vaccination campaign delivered with communities in Bangladesh.",
        "immunization",
    ),
    (
        "kutupalong-child-protection",
        "Child protection in the Kutupalong settlement",
        "bangladesh-red-crescent",
        "BD",
        "migration",
        "2017-06-15",
        "Youth volunteers provide psychosocial support to new arrivals.",
        "camp",
    ),
    (
        "medenine-shelter-for-returnees",
        "Shelter for returnees in Medenine",
        "tunisian-red-crescent",
        "TN",
        "migration",
        "2017-05-20",
        "The Medenine branch hosts migrants returning from Libya.",
        "migration",
    ),
    (
        "thessaloniki-urban-housing",
        "From containers to homes in Thessaloniki",
        "hellenic-red-cross",
        "GR",
        "migration",
        "2017-06-01",
        "Helping migrant families move from camps to urban housing.",
        "city",
    ),
    (
        "the-hague-community-sewing",
        "Sewing classes that build belonging",
        "netherlands-red-cross",
        "NL",
        "migration",
        "2017-05-30",
        "A neighbourhood initiative helps migrant women learn a trade.",
        "community",
    ),
    (
        "family-links-greece",
        "Restoring family links in Greece",
        "hellenic-red-cross",
        "GR",
        "migration",
        "2018-07-09",
        "Tracing services reconnect families separated on the move.",
        "migration",
    ),
]:
    CASE_STUDIES.append(
        _case(
            slug,
            title,
            society,
            country,
            programme,
            date,
            summary,
            [
                summary,
                "Volunteers from the community lead the work, which is why people trust "
                "them and take part.",
            ],
            theme,
            f"Illustration for the case study: {title.lower()}",
            summary,
        )
    )

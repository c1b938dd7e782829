"""The demo home and programme pages, as StreamField data built from blocks.

Each function takes `ref`, a lookup of what the loader already created (images by key,
documents and pages by slug), and returns the page's fields. The text is the site's own; the
facts (numbers, names, places, dates) are those of the federation's programme pages.
"""


def image(ref, key, alt):
    return {"image": ref.images[key].pk, "alt_text": alt, "decorative": False}


def rich(*paragraphs):
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def link(page=None, document=None, url="", text=""):
    return {"page": page, "document": document, "url": url, "text": text}


def block(block_type, value):
    return {"type": block_type, "value": value}


def home_page(ref):
    return {
        "title": "Red Cross and Red Crescent programmes",
        "strapline": (
            "How National Societies protect people on the move and bring vaccines to the "
            "communities that are hardest to reach."
        ),
        "intro": rich(
            "The International Federation of Red Cross and Red Crescent Societies (IFRC) "
            "supports National Societies as they work in their own communities. These pages "
            "follow two strands of that work: humanitarian help and protection for migrants "
            "and displaced people, and immunization for every child."
        ),
        "body": [
            block(
                "key_figures",
                {
                    "heading": "A network in almost every country",
                    "figures": [
                        {
                            "number": "190",
                            "label": "countries with a National Society",
                            "source": "IFRC",
                        },
                        {"number": "17 million", "label": "volunteers, roughly", "source": "IFRC"},
                        {
                            "number": "192",
                            "label": "National Societies in the federation",
                            "source": "IFRC",
                        },
                    ],
                },
            ),
            block(
                "latest_news",
                {"heading": "Latest news", "intro": "", "count": 3, "pinned": []},
            ),
            block(
                "case_studies",
                {
                    "heading": "Case studies from National Societies",
                    "intro": "",
                    "count": 3,
                    "pinned": [],
                },
            ),
        ],
    }


def migration_page(ref):
    return {
        "title": "Migration",
        "slug": "migration",
        "strapline": (
            "Responding to the humanitarian and protection needs of migrants and displaced "
            "people, wherever they are on their journey."
        ),
        "hero_image": ref.images["migration-hero"],
        "hero_caption": "Families on the move often travel for months before they find safety.",
        "listing_summary": (
            "Help and protection for migrants and displaced people in countries of origin, "
            "transit and destination."
        ),
        "body": [
            block(
                "intro",
                rich(
                    "Migration both drives and results from many of the largest humanitarian "
                    "challenges of our time. Across every region, people on the move face "
                    "serious risks, and those risks are greatest for people who are already "
                    "vulnerable."
                ),
            ),
            block(
                "paragraph",
                rich(
                    "No single reason explains why people leave home. Some flee persecution, "
                    "conflict or violence; some escape abuses of their rights, poverty or a "
                    "lack of work; others are driven out by natural disasters and, more and "
                    "more often, by a changing climate. Many cross borders to find a job. For "
                    "most people it is a mix of several of these pressures at once.",
                    "The IFRC has worked alongside migrants for a long time. National Red Cross "
                    "and Red Crescent Societies help refugees and asylum seekers, people who "
                    "have been trafficked, labour migrants and children travelling alone. They "
                    "offer first aid, access to health care and other essential services to "
                    "those who need them most, and with the International Committee of the "
                    "Red Cross (ICRC) they help separated families find each other again "
                    "through restoring family links (RFL) services.",
                ),
            ),
            block(
                "key_figures",
                {
                    "heading": "",
                    "figures": [
                        {
                            "number": "190",
                            "label": "countries where a National Society works",
                            "source": "IFRC",
                        },
                        {
                            "number": "17 million",
                            "label": "volunteers, approximately",
                            "source": "IFRC",
                        },
                    ],
                },
            ),
            block(
                "paragraph",
                rich(
                    "Because our network is present in countries of origin, transit and "
                    "destination alike, we can support migrants at every stage of the road. "
                    "Local action, repeated across the world, lets us prevent suffering, "
                    "defend the rights and dignity of migrants, and help host societies gain "
                    "from migration through social inclusion programmes.",
                    "Views on migration are increasingly divided. The IFRC works to bring "
                    "migrants and host communities closer, so that both can understand each "
                    "other and grow more resilient, as individuals and as communities.",
                ),
            ),
            block(
                "feature_cards",
                {
                    "heading": "Our work in migration",
                    "intro": "",
                    "cards": [
                        {
                            "title": "Policy and strategy",
                            "text": (
                                "Good policy lets the Movement and National Societies tackle "
                                "the issues that decide whether migrants' and displaced "
                                "people's needs are met."
                            ),
                            "link": link(
                                document=ref.documents["rights-of-migrants-in-action"].pk,
                                text="Read about our policy work",
                            ),
                        },
                        {
                            "title": "Assistance and information",
                            "text": (
                                "We help National Societies assist migrants whatever their "
                                "legal status, starting with the most urgent needs. A web app "
                                "gives migrants reliable information when they are most "
                                "vulnerable, as part of our community engagement and "
                                "accountability work."
                            ),
                            "link": link(
                                document=ref.documents["red-cross-hotline-poster"].pk,
                                text="See the hotline poster",
                            ),
                        },
                        {
                            "title": "Smart practices",
                            "text": (
                                "On the IFRC smart practices site, humanitarian partners and "
                                "governments compare lessons, knowledge and expertise on "
                                "migration, in support of a global approach to saving lives."
                            ),
                            "link": link(
                                page=ref.pages["resources"].pk, text="Browse the resource library"
                            ),
                        },
                    ],
                },
            ),
            block(
                "story_callout",
                {
                    "question": (
                        "What would you do if war reached your town? If the only way to keep "
                        "your family safe was to risk their lives on a boat at night, with no "
                        "road back?"
                    ),
                    "text": (
                        "Behind every figure and every debate are thousands of people's stories."
                    ),
                    "image": image(
                        ref,
                        "migration-callout",
                        "Illustration of people walking along a road at dusk towards tents on the "
                        "hills",
                    ),
                    "link": link(page=ref.pages["news"].pk, text="Read their stories"),
                },
            ),
            block(
                "latest_news",
                {"heading": "Related news", "intro": "", "count": 3, "pinned": []},
            ),
            block(
                "latest_resources",
                {
                    "heading": "Recent additions to the migration resources library",
                    "intro": "",
                    "count": 3,
                    "layout": "summary",
                    "pinned": [],
                },
            ),
            block(
                "case_studies",
                {"heading": "Case studies", "intro": "", "count": 3, "pinned": []},
            ),
        ],
    }


def immunization_page(ref):
    activities = [
        (
            "activity-philippines",
            "Vaccination campaigns and social mobilization",
            "Philippine Red Cross volunteers go from door to door in Metro Manila and Mindanao, "
            "supporting the government's polio campaign so that every child under five gets the "
            "oral vaccine.",
            "Illustration of people walking along a city street lined with apartment blocks",
        ),
        (
            "activity-sierra-leone",
            "Community engagement",
            "In a village on the border between Sierra Leone and Liberia, Red Cross volunteers "
            "talk with residents about Ebola, to stop its spread and to challenge the stigma "
            "that surrounds it.",
            "Illustration of a group of people standing together in a village",
        ),
        (
            "activity-guinea",
            "Community-based surveillance",
            "A Red Cross Society of Guinea volunteer visits a family in Klalantou, in the "
            "Forecariah region, during door-to-door work to raise awareness of Ebola and watch "
            "for new cases.",
            "Illustration of a group of people gathered in front of village houses, by a large "
            "tree",
        ),
        (
            "activity-syria",
            "Mobile health clinics",
            "A Syrian Arab Red Crescent doctor checks a baby's health in a mobile clinic, "
            "parked on one of its regular stops beside a school just south of Damascus.",
            "Illustration of a health post, with a few people waiting under an outreach canopy",
        ),
        (
            "activity-bangladesh",
            "Outbreak response",
            "In 2005 the American Red Cross worked with communities in Bangladesh on a mass "
            "measles vaccination campaign.",
            "Illustration of people queueing outside a health centre",
        ),
        (
            "activity-somaliland",
            "Vaccination during emergencies",
            "In a rural village in Somaliland, a Somali Red Crescent Society volunteer gives a "
            "young girl the oral polio vaccine.",
            "Illustration of snow-capped mountains above a lake, with trees on the near shore",
        ),
    ]
    return {
        "title": "Immunization",
        "slug": "immunization",
        "strapline": (
            "Bringing life-saving vaccines to vulnerable and isolated communities, with the "
            "federation's 192 National Societies."
        ),
        "hero_image": ref.images["immunization-hero"],
        "hero_caption": "Volunteers carry vaccination services to the last mile.",
        "listing_summary": (
            "Vaccines for every child: campaigns, outreach and trust in the communities that "
            "are hardest to reach."
        ),
        "body": [
            block(
                "intro",
                rich(
                    "Healthy communities are built on immunization. From some of the most "
                    "difficult places in the world, the IFRC supports its 192 National "
                    "Societies as they take vaccines to people who are vulnerable or cut off, "
                    "and their volunteers go the last mile so that every child, everywhere, is "
                    "protected for a long and healthy life."
                ),
            ),
            block(
                "key_figures",
                {
                    "heading": "",
                    "figures": [
                        {
                            "number": "20 million",
                            "label": "children miss routine infant "
                            "immunizations each year, by estimate",
                            "source": "IFRC",
                        },
                        {
                            "number": "192",
                            "label": "National Societies supported by the IFRC",
                            "source": "IFRC",
                        },
                    ],
                },
            ),
            block(
                "paragraph",
                rich(
                    "Most of the children who go without their routine vaccines live in "
                    "fragile, conflict-affected or otherwise vulnerable communities, where "
                    "vaccination services are few. Even where vaccines are on hand, rising "
                    "misinformation and mistrust keep many parents from having their children "
                    "immunized, and preventable diseases and deaths have risen as a result.",
                    "Red Cross and Red Crescent Societies carry out immunization work locally. "
                    "Our trained volunteers belong to the communities they serve, so even "
                    "remote and marginalised people trust them.",
                    "We adapt what we do to each place. Some National Societies vaccinate "
                    "directly or include vaccination in primary health care; others build "
                    "demand for vaccines in their communities or help strengthen local health "
                    "systems. In crises and conflicts, their auxiliary role and local presence "
                    "let them connect communities with formal health services.",
                ),
            ),
            block(
                "activity_cards",
                {
                    "heading": "Our immunization activities",
                    "intro": "",
                    "cards": [
                        {"image": image(ref, key, alt), "title": title, "caption": caption}
                        for key, title, caption, alt in activities
                    ],
                },
            ),
            block(
                "video",
                {
                    "title": "Watch: #vaccineswork",
                    "url": "https://www.youtube.com/watch?v=vaccineswork",
                    "poster": image(
                        ref,
                        "video-poster",
                        "Illustration of a health post, with people waiting at an outreach canopy",
                    ),
                    "caption": "Volunteers explain why vaccines matter to their communities.",
                    "transcript": "",
                },
            ),
            block(
                "numbered_list",
                {
                    "heading": "COVID-19 vaccines",
                    "intro": rich(
                        "Red Cross and Red Crescent Societies have stayed at the front of the "
                        "global response to the COVID-19 pandemic. In early 2021 the "
                        "International Red Cross and Red Crescent Movement launched a "
                        "five-point plan to prepare for COVID-19 vaccines and introduce them "
                        "around the world:"
                    ),
                    "items": [
                        "<p><b>Advocate</b> for fair and equitable access to COVID-19 "
                        "vaccines.</p>",
                        "<p><b>Trust:</b> build communities' trust in COVID-19 vaccines and "
                        "their acceptance, and help people know what to expect.</p>",
                        "<p><b>Health:</b> support vaccine delivery in health facilities and "
                        "through outreach.</p>",
                        "<p><b>Reach the most vulnerable</b>, above all people in urban slums "
                        "and remote rural areas, migrants, homeless people, and people affected "
                        "by conflict, violence and disasters.</p>",
                        "<p><b>Maintain and strengthen</b> other immunization services, "
                        "including routine immunization and campaigns against other diseases, "
                        "with special attention to zero-dose and under-immunized "
                        "communities.</p>",
                    ],
                    "closing": (
                        f'<p>The <a id="{ref.documents["immunization-annex"].pk}" '
                        'linktype="document">Immunization Annex</a> explains the plan in '
                        "more detail.</p>"
                    ),
                },
            ),
            block(
                "contact",
                {
                    "heading": "Working with the immunization team",
                    "text": rich(
                        "National Society staff who want our latest tools for introducing "
                        "COVID-19 vaccines, or who would like to join one of our immunization "
                        "working groups, can contact the immunization team."
                    ),
                    "name": "Indu Adhikary",
                    "role": "",
                    "team": "Immunization team, IFRC",
                    "email": "",
                    "phone": "",
                    "photo": None,
                },
            ),
            block(
                "links",
                {
                    "heading": "More COVID-19 vaccination resources",
                    "intro": "",
                    "links": [
                        {
                            **link(document=ref.documents["immunization-annex"].pk),
                            "description": "The five-point plan for COVID-19 vaccines, in full.",
                        },
                        {
                            **link(document=ref.documents["covid-19-resource-compendium"].pk),
                            "description": (
                                "Vaccination resources gathered in the IFRC COVID-19 Resource "
                                "Compendium."
                            ),
                        },
                    ],
                },
            ),
            block(
                "case_studies",
                {
                    "heading": "Our impact: immunization case studies",
                    "intro": "",
                    "count": 2,
                    "pinned": [
                        ref.pages["case-study-central-african-republic"].pk,
                        ref.pages["case-study-pakistan"].pk,
                    ],
                },
            ),
            block(
                "latest_resources",
                {
                    "heading": "Related documents",
                    "intro": "",
                    "count": 2,
                    "layout": "documents",
                    "pinned": [
                        ref.documents["polio-transition-south-sudan"].pk,
                        ref.documents["polio-transition-somalia"].pk,
                    ],
                },
            ),
            block(
                "partnerships",
                {
                    "heading": "Our partnerships and advocacy",
                    "intro": rich(
                        "No one organisation can close the immunization gap alone. The IFRC "
                        "works with global health partners and speaks up for the communities "
                        "that vaccination programmes still miss."
                    ),
                    "partners": [
                        {
                            "name": "Gavi, the Vaccine Alliance",
                            "url": "",
                            "description": "Reaching under-immunized communities together.",
                        },
                        {
                            "name": "World Health Organization",
                            "url": "",
                            "description": "Technical guidance for national immunization "
                            "programmes.",
                        },
                        {
                            "name": "UNICEF",
                            "url": "",
                            "description": "Vaccine supply and community engagement.",
                        },
                        {
                            "name": "Global Polio Eradication Initiative",
                            "url": "",
                            "description": "Planning how polio assets pass to national programmes.",
                        },
                    ],
                },
            ),
        ],
    }

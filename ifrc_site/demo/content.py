"""Demo content for the load_demo_content command: news stories, resources and case studies."""

# ISO 3166-1 alpha-2 country codes. programmes: a list of "migration" and/or "immunization".
NEWS_STORIES: list[dict] = [
    # Migration ---------------------------------------------------------------------------
    {
        "slug": "thessaloniki-two-families-one-home",
        "title": "Two families who fled Syria find a home together in Thessaloniki",
        "city": "Thessaloniki",
        "country": "GR",
        "date": "2017-05-16",
        "programmes": ["migration"],
        "summary": (
            "Salah and Abu Nidal met by chance in Turkey and have kept their families together "
            "ever since. Now they share a house in the city instead of a tent or a container."
        ),
        "body": [
            "Most migrants and refugees in Greece have now lived for more than a year in tents "
            "or containers. Neither was ever meant to be a home for the long term, and both "
            "become very hard to live in when the weather turns extremely hot or cold.",
            "Salah and Abu Nidal, and the people they care for, are among the fortunate ones. "
            "They have been given proper housing: a comfortable house on two floors in the "
            "urban part of Thessaloniki. Salah lives there with his wife, who is expecting a "
            "baby, and his mother-in-law. Abu Nidal shares it with his wife, who is also "
            "pregnant, and their three children.",
            "Both men are Palestinian-Syrians. Salah's home city is Damascus, and Abu Nidal's "
            "is Homs. Each of them left Syria to protect his family from the war, and the two "
            "first met in Turkey some years ago.",
            "That meeting was pure chance, but what followed was not. Since then the two "
            "families have stayed side by side, and they have not been apart.",
            "A house cannot undo everything the two families have lived through. But a front "
            "door, a kitchen and rooms of their own give them somewhere to rest and to get "
            "ready for two new babies.",
        ],
        "image": {
            "theme": "city",
            "alt": (
                "Illustration of apartment blocks with lit windows at dusk, and people walking "
                "below"
            ),
            "caption": "Salah's and Abu Nidal's families now share a house in Thessaloniki.",
        },
    },
    {
        "slug": "medenine-migrants-wait-to-go-home",
        "title": "Medenine: a pause on the road home for migrants returning from Libya",
        "city": "Medenine",
        "country": "TN",
        "date": "2017-05-08",
        "programmes": ["migration"],
        "summary": (
            "The Tunisian Red Crescent branch in Medenine is hosting 160 migrants who have come "
            "back from Libya and now wait for the visas that will let them go home."
        ),
        "body": [
            "In the south of Tunisia, Medenine is now a place where many journeys "
            "stop for a while. Many of the people who arrive here set out for Europe through "
            "Libya, tried to cross the Mediterranean and did not make it. Now they are heading "
            "back the other way.",
            "The Medenine branch of the Tunisian Red Crescent is currently giving 160 of these "
            "migrants a place to stay. All of them have come from Libya, and all of them are "
            "waiting for visas so that they can travel back to their own countries.",
            "Abdoulie's story is one that many of them would recognise. Like a lot of young "
            "men from across Africa, he hoped to reach Europe and find work there, so that he "
            "could give his wife and their four children a better life.",
            "Waiting for papers can take time, and nobody knows exactly how long. While it "
            "lasts, the branch makes sure that people have shelter and somewhere safe to be.",
            "Red Cross and Red Crescent teams meet migrants at every stage of their journeys, "
            "and that includes the way back. Help for people returning home matters just as "
            "much as help for people setting out.",
        ],
        "image": {
            "theme": "camp",
            "alt": (
                "Illustration of rows of tents and small shelters on a hillside, with people in "
                "front"
            ),
            "caption": (
                "The Medenine branch hosts migrants while they wait for papers to travel home."
            ),
        },
    },
    {
        "slug": "the-hague-seamstress-hero-award",
        "title": "The seamstress from Moerwijk who teaches migrant women to sew",
        "city": "The Hague",
        "country": "NL",
        "date": "2017-05-03",
        "programmes": ["migration"],
        "summary": (
            "For ten years Ahlem Özdemir has given two days of every week to teaching migrant "
            "women to make and mend their own clothes, work that won her a city award."
        ),
        "body": [
            "Moerwijk, close to The Hague, is a neighbourhood where many cultures and "
            "languages live side by side. It is also where Ahlem Özdemir, a gifted seamstress, "
            "makes her home.",
            "For a decade now, Ahlem has set aside two days every week to show women who have "
            "migrated to the Netherlands how to sew their own clothes and how to alter the "
            "ones they already have.",
            "Her commitment was recognised in 2016, when she won the Culture category of the "
            "'Hero of The Hague' awards.",
            "Stories like Ahlem's show what social inclusion looks like in everyday life. "
            "Across the federation, National Societies run and support activities that help "
            "newcomers and their neighbours get to know one another, because a place where "
            "people feel they belong is better for everyone who lives there.",
        ],
        "image": {
            "theme": "portrait",
            "alt": "Illustration of a smiling woman with her hair in a bun",
            "caption": "Ahlem Özdemir won the 'Hero of The Hague' award for culture in 2016.",
        },
    },
    {
        "slug": "kutupalong-youth-volunteers-listen",
        "title": "In Kutupalong, young volunteers make time to listen",
        "city": "Cox's Bazar",
        "country": "BD",
        "date": "2017-04-13",
        "programmes": ["migration"],
        "summary": (
            "Youth volunteers of the Bangladesh Red Crescent Society walk the paths of the "
            "Kutupalong settlement every day to support people who have newly arrived from "
            "Rakhine State."
        ),
        "body": [
            "The Kutupalong settlement is spread over hills, and in wet weather its paths turn "
            "to mud. Volunteers of the Bangladesh Red Crescent Society cover that ground on "
            "foot every day.",
            "Many of the volunteers are young people themselves. Their task is psychosocial "
            "support: spending time with people who have just arrived from Rakhine State in "
            "the north of Myanmar, listening to them and helping them through the first, most "
            "unsettled days.",
            "Children are a particular focus. Young people who have been uprooted from their "
            "homes need safe moments, familiar routines and adults who notice how they are "
            "coping. Volunteers are trained to spot those who need more help and to refer "
            "them on.",
            "Psychosocial support is less visible than food or shelter, but it is just as "
            "much a part of meeting people's needs with dignity.",
        ],
        "image": {
            "theme": "camp",
            "alt": (
                "Illustration of tents and shelters covering a hillside, with a few people walking"
            ),
            "caption": "Volunteers support new arrivals in the Kutupalong settlement.",
        },
    },
    {
        "slug": "restoring-family-links-explained",
        "title": "When families are separated on the move, the search begins with a name",
        "city": "Geneva",
        "country": "CH",
        "date": "2017-03-30",
        "programmes": ["migration"],
        "summary": (
            "With the ICRC, National Societies help people who have lost contact with their "
            "relatives to trace them, send news and, where possible, be reunited."
        ),
        "body": [
            "Conflict, disasters and dangerous journeys pull families apart. People lose "
            "their phones, move on at short notice or are held in places where they cannot "
            "get word home. For the relatives left behind, not knowing can be the hardest "
            "part.",
            "Restoring family links (RFL) is the name given to the Red Cross and Red Crescent "
            "services that respond to this. National Societies run them together with the ICRC "
            "(International Committee of the Red Cross), which coordinates the global network.",
            "In practice, RFL can mean a volunteer helping someone to fill in a tracing "
            "request, a free phone call to let a family know a relative is alive, or the "
            "patient work of following a trail across several countries until two people "
            "find each other again.",
            "Because National Societies are present where people set out, where they pass through "
            "and where they arrive, a search that starts in one place can be picked up by "
            "colleagues somewhere else along the route.",
        ],
        "image": {
            "theme": "migration",
            "alt": "Illustration of people walking along a road at dusk towards tents on the hills",
            "caption": "Restoring family links services help relatives trace one another.",
        },
    },
    {
        "slug": "help-regardless-of-legal-status",
        "title": "Help for migrants, whatever their legal status",
        "city": "Geneva",
        "country": "CH",
        "date": "2017-02-21",
        "programmes": ["migration"],
        "summary": (
            "National Societies give first aid, health care and other vital help to "
            "migrants based on need alone, not on the papers they carry."
        ),
        "body": [
            "The people National Societies support on the move have very different stories. "
            "They include refugees and asylum seekers, labour migrants, survivors of "
            "trafficking and children travelling without their parents.",
            "What they are offered does not depend on their legal status. The starting point "
            "is need: who is most at risk, and what will protect their life, health and "
            "dignity right now.",
            "Often that means first aid and access to health care. It can also mean water, "
            "food, a safe place to sleep, warm clothes, information about rights and "
            "services, or a referral to someone who can help with a specific problem.",
            "The IFRC supports National Societies to give this help in a principled way, and "
            "to speak up when migrants are prevented from reaching the services they need.",
        ],
        "image": {
            "theme": "migration",
            "alt": "Illustration of travellers on a road at sunset, with tents on the hills ahead",
            "caption": "Help is based on need, at every stage of the journey.",
        },
    },
    {
        "slug": "one-network-every-stage-of-the-journey",
        "title": "One network, present at every stage of the journey",
        "city": "Geneva",
        "country": "CH",
        "date": "2017-03-20",
        "programmes": ["migration"],
        "summary": (
            "National Societies work in 190 countries, with some 17 million volunteers between "
            "them, so the federation can support migrants where they set out, where they pass "
            "through and where they arrive."
        ),
        "body": [
            "A journey can cross many borders, and people's needs change along the way. "
            "Someone may need information before they leave, first aid and water in transit, "
            "and help to settle in once they reach their destination.",
            "The federation is present in all of these places. National Societies work in "
            "190 countries, with around 17 million volunteers between them, most of whom live "
            "in the communities they serve.",
            "That local presence is what allows the network to act together. A National "
            "Society in a country of transit can pass on a tracing request, a referral or "
            "simply good practice to a sister society further along the route.",
            "It also means the federation can speak from experience when it talks about the "
            "risks migrants face and about what helps them to stay safe and keep their "
            "dignity.",
        ],
        "image": {
            "theme": "landscape",
            "alt": "Illustration of snow-capped mountains above a lake, with trees on the shore",
            "caption": "National Societies support migrants along routes that cross borders.",
        },
    },
    {
        "slug": "why-people-move",
        "title": "Why people leave home: the many reasons behind migration",
        "city": "Geneva",
        "country": "CH",
        "date": "2017-01-12",
        "programmes": ["migration"],
        "summary": (
            "Conflict, persecution, poverty, disasters and a changing climate all push people "
            "to move. Most people's reasons are a mix of several of these."
        ),
        "body": [
            "Migration is driving some of the most serious humanitarian challenges of our "
            "time, and it is also shaped by them. Understanding why people move is the first "
            "step to meeting their needs.",
            "Some people flee persecution, armed conflict or violence. Others leave because "
            "their rights are being violated, because there is no work and no prospect of "
            "escaping poverty, or because a disaster has destroyed their home. A growing "
            "number are moving because of the effects of climate change.",
            "Many cross borders to find work. For most people the decision is not down to a "
            "single cause but to several pressures at once, and the reasons can change "
            "during the journey itself.",
            "Whatever the reason, the federation's concern is the same: that people on the "
            "move are safe, treated with dignity and able to get help when they need it.",
        ],
        "image": {
            "theme": "migration",
            "alt": "Illustration of a coastal road at sunset with walkers, tents and a boat at sea",
            "caption": "People's reasons for moving are varied and often overlap.",
        },
    },
    {
        "slug": "winter-in-greek-camps",
        "title": "Tents and containers are no place to spend a Greek winter",
        "city": "Athens",
        "country": "GR",
        "date": "2017-02-09",
        "programmes": ["migration"],
        "summary": (
            "Many migrants in Greece have lived for months in temporary shelters. They were "
            "never meant to be homes, and cold weather makes them harder still to live in."
        ),
        "body": [
            "Tents and containers can save lives in an emergency. They were never designed to "
            "be lived in for month after month, yet that is the reality for many migrants and "
            "refugees waiting in Greece.",
            "Extreme weather shows the limits of temporary shelter most clearly. Cold nights "
            "and rain are hard on everyone, and hardest on young children, older people and "
            "anyone who is unwell or pregnant.",
            "Proper housing makes a difference far beyond warmth. It gives families privacy, "
            "a place to cook and a sense of normal life, which matters all the more when the "
            "wait for a decision about the future is long.",
            "Red Cross teams in Greece continue to meet people's urgent needs while arguing "
            "for longer-term solutions, so that nobody is left in a shelter meant for a few "
            "weeks for much longer than that.",
        ],
        "image": {
            "theme": "camp",
            "alt": (
                "Illustration of a large camp of tents and shelters on a hillside under a pale sky"
            ),
            "caption": "Temporary shelters in Greece were meant for weeks, not years.",
        },
    },
    {
        "slug": "smart-practices-sharing-what-works",
        "title": "Smart practices: sharing what works for migrants",
        "city": "Geneva",
        "country": "CH",
        "date": "2017-03-07",
        "programmes": ["migration"],
        "summary": (
            "The IFRC smart practices website lets humanitarian partners and governments "
            "compare notes on supporting migrants, so good ideas can travel as far as people "
            "do."
        ),
        "body": [
            "Red Cross and Red Crescent teams learn a great deal from responding to migration: "
            "how to set up a rest point, how to reach people who avoid official services, how "
            "to bring newcomers and long-time residents together.",
            "The IFRC smart practices website is a place to share that learning. Humanitarian "
            "partners and governments can use it to exchange lessons, expertise and examples "
            "of approaches that have worked elsewhere.",
            "The aim is a joined-up, global approach to saving lives. An idea tested on one "
            "part of a migration route can help teams elsewhere avoid mistakes and respond "
            "faster.",
        ],
        "image": {
            "theme": "document",
            "alt": (
                "Abstract illustration of overlapping circles, a grid of dots and a small bar chart"
            ),
            "caption": "The smart practices website gathers lessons from across the network.",
        },
    },
    {
        "slug": "information-at-vulnerable-moments",
        "title": "Reliable information for people on the move, when they need it most",
        "city": "Geneva",
        "country": "CH",
        "date": "2017-04-06",
        "programmes": ["migration"],
        "summary": (
            "A web app from the federation gives migrants practical information at difficult "
            "moments of their journey, as part of its commitment to put people at the centre."
        ),
        "body": [
            "On the move, the right information can keep people safe: where to find a doctor, "
            "how to contact family, which services are open to them. Rumours and misleading "
            "advice can do real harm.",
            "To help, the federation offers a web app that gives migrants information when "
            "they are at their most vulnerable. It can be opened on a phone and is designed "
            "to be simple to use.",
            "The app is part of the federation's community engagement and accountability "
            "work, which starts from a simple idea: people affected by a crisis should have a "
            "say in the help they receive and be able to get answers to their questions.",
        ],
        "image": {
            "theme": "city",
            "alt": (
                "Illustration of city apartment blocks by day, with people walking along the street"
            ),
            "caption": "Practical information helps people find services safely.",
        },
    },
    {
        "slug": "bridging-divides-social-inclusion",
        "title": "Building bridges between newcomers and host communities",
        "city": "Geneva",
        "country": "CH",
        "date": "2017-04-25",
        "programmes": ["migration"],
        "summary": (
            "As views on migration grow more divided, National Societies bring migrants and "
            "their neighbours together through social inclusion programmes."
        ),
        "body": [
            "Public debate about migration has become sharply divided in many countries. "
            "Behind the headlines, migrants and host communities still have to share "
            "streets, schools and workplaces.",
            "The federation sets out to bridge that divide. National Societies run social "
            "inclusion programmes such as language cafés, mentoring, sports and shared "
            "activities, which help people meet as neighbours rather than as strangers.",
            "Inclusion benefits everyone. When newcomers can use their skills and take part "
            "in local life, societies gain from migration, and both migrants and their hosts "
            "become more resilient.",
            "Volunteers are often at the heart of this work, and many of them have migrated "
            "themselves.",
        ],
        "image": {
            "theme": "community",
            "alt": "Illustration of a group of people gathered among houses and trees",
            "caption": "Social inclusion activities bring neighbours together.",
        },
    },
    # Immunization ------------------------------------------------------------------------
    {
        "slug": "sierra-leone-liberia-border-ebola-stigma",
        "title": "Talking about Ebola and stigma in a border village",
        "city": "Kailahun",
        "country": "SL",
        "date": "2017-09-14",
        "programmes": ["immunization"],
        "summary": (
            "Red Cross volunteers meet villagers on the border between Sierra Leone and "
            "Liberia to talk about Ebola, to stop the disease spreading and to push back "
            "against stigma."
        ),
        "body": [
            "In a village close to the border between Sierra Leone and Liberia, Red Cross "
            "volunteers sit down with residents to talk about Ebola.",
            "The conversations have two purposes. The first is prevention: making sure people "
            "know how the disease spreads, what the early signs are and where to go for help. "
            "The second is just as important: challenging the stigma that can follow "
            "survivors and their families.",
            "Fear of being shunned can stop people from coming forward when they feel ill, "
            "which gives an outbreak room to grow. Honest, respectful discussion led by "
            "people from the same community helps to break that cycle.",
            "The same trust underpins vaccination work. When people have confidence in the "
            "volunteers who visit them, they are more willing to ask questions and to use "
            "the health services on offer.",
        ],
        "image": {
            "theme": "community",
            "alt": "Illustration of villagers gathered in a group in front of small houses",
            "caption": "Volunteers discuss Ebola with residents of a border village.",
        },
    },
    {
        "slug": "forecariah-community-surveillance",
        "title": "Door to door in Forecariah: the volunteers watching for Ebola",
        "city": "Forecariah",
        "country": "GN",
        "date": "2018-03-22",
        "programmes": ["immunization"],
        "summary": (
            "In the village of Klalantou, a Red Cross Society of Guinea volunteer visits "
            "families to share prevention advice and to look out for signs of disease."
        ),
        "body": [
            "Forecariah in Guinea was one of the areas hit by Ebola. In the village of "
            "Klalantou, a Red Cross Society of Guinea volunteer stops at a family's home to "
            "talk with them.",
            "These visits combine two tasks. Volunteers explain how people can protect "
            "themselves and their families, and they also keep watch for illness so that "
            "possible cases are reported quickly.",
            "This approach is called community-based surveillance. Volunteers who live in "
            "the area know when something is unusual, and they can raise the alarm long "
            "before an outbreak would otherwise be noticed.",
            "The networks built during outbreaks do not have to disappear afterwards. The "
            "same trained volunteers can support vaccination campaigns and keep an eye out "
            "for other diseases that vaccines prevent.",
        ],
        "image": {
            "theme": "community",
            "alt": "Illustration of a small group of people standing in front of village houses",
            "caption": "A volunteer speaks with a family in Klalantou, Forecariah.",
        },
    },
    {
        "slug": "somaliland-oral-polio-vaccine",
        "title": "Polio drops for a young girl in rural Somaliland",
        "city": "Hargeisa",
        "country": "SO",
        "date": "2018-10-25",
        "programmes": ["immunization"],
        "summary": (
            "A Somali Red Crescent Society volunteer gives a young girl the oral polio "
            "vaccine, part of the work to protect children even when emergencies strike."
        ),
        "body": [
            "In a village in the Somaliland countryside, a volunteer with the Somali Red Crescent "
            "Society gives a young girl her oral polio vaccine.",
            "Moments like this are the end of a long chain. Vaccines have to be kept cold on "
            "their way to remote places, families need to know when the team is coming, and "
            "someone has to keep track of which children have been reached.",
            "In emergencies, that chain is easily broken. Droughts, floods and displacement "
            "can put clinics out of reach and interrupt routine vaccination just when "
            "children are most vulnerable.",
            "Volunteers who live locally can help to keep vaccination going in these "
            "conditions, and to find the children who would otherwise be missed.",
        ],
        "image": {
            "theme": "landscape",
            "alt": "Illustration of snow-capped mountains behind a lake and a line of trees",
            "caption": "A volunteer gives the oral polio vaccine in rural Somaliland.",
        },
    },
    {
        "slug": "twenty-million-children-missed",
        "title": "Twenty million children a year miss their routine vaccines",
        "city": "Geneva",
        "country": "CH",
        "date": "2019-04-24",
        "programmes": ["immunization"],
        "summary": (
            "Most of the children who go without routine immunization live in fragile or "
            "conflict-affected places. National Societies are working to reach them."
        ),
        "body": [
            "Each year, an estimated 20 million infants go without the routine vaccines that "
            "should protect them from serious disease.",
            "The majority of them live in places where vaccination services are thin on the "
            "ground: communities affected by conflict, fragile states and areas that are poor, "
            "remote or both.",
            "These are exactly the places where Red Cross and Red Crescent volunteers are "
            "already working. Because they live in the communities they serve, they know "
            "which families are being missed and why.",
            "Immunization is one of the foundations of a healthy community. Closing the gap "
            "means going the last mile, so that every child, wherever they live, gets the "
            "vaccines they need.",
        ],
        "image": {
            "theme": "immunization",
            "alt": "Illustration of a small health centre with people queuing under a canopy",
            "caption": "Most children who miss routine vaccines live in fragile settings.",
        },
    },
    {
        "slug": "damascus-mobile-health-clinic",
        "title": "A mobile clinic's regular stop near a school south of Damascus",
        "city": "Damascus",
        "country": "SY",
        "date": "2019-06-13",
        "programmes": ["immunization"],
        "summary": (
            "A Syrian Arab Red Crescent mobile health clinic brings check-ups for babies and "
            "other primary care to a neighbourhood just south of the capital."
        ),
        "body": [
            "Just south of Damascus, a Syrian Arab Red Crescent mobile health clinic pulls up "
            "near a school, as it does on a regular schedule.",
            "Inside, a doctor examines a baby. For many families, this visit is the most "
            "convenient way to have their children checked, because the clinic comes to "
            "them rather than the other way round.",
            "Mobile clinics are one of the ways National Societies bring health care, "
            "including vaccination, to people whose local services have been damaged or "
            "are hard to reach.",
            "Regular stops matter. When families know the clinic will be back on a set day, "
            "they can plan for it, and children are less likely to miss check-ups and "
            "vaccine doses.",
        ],
        "image": {
            "theme": "immunization",
            "alt": (
                "Illustration of a clinic with a striped awning, trees and people waiting outside"
            ),
            "caption": "The mobile clinic stops regularly near a school south of Damascus.",
        },
    },
    {
        "slug": "bangladesh-measles-campaign-lessons",
        "title": "What a measles campaign in Bangladesh taught us about outbreak response",
        "city": "Dhaka",
        "country": "BD",
        "date": "2019-08-20",
        "programmes": ["immunization"],
        "summary": (
            "In 2005 the American Red Cross worked with communities in Bangladesh on a mass "
            "measles vaccination campaign. Its approach still shapes outbreak response today."
        ),
        "body": [
            "Measles spreads quickly, and an outbreak can move faster than health services "
            "are able to react. A mass vaccination campaign is one of the main ways to bring "
            "it under control.",
            "In 2005 the American Red Cross delivered such a campaign in Bangladesh, working "
            "hand in hand with communities rather than simply bringing vaccines to them.",
            "That partnership is the key lesson. Campaigns work best when local people help "
            "to plan them, spread the word about them and encourage their neighbours to "
            "take part.",
            "Today, outbreak response across the federation follows the same principle. "
            "National Societies combine vaccination with community engagement, so that "
            "people understand why they are being asked to act and trust those asking.",
        ],
        "image": {
            "theme": "immunization",
            "alt": "Illustration of people waiting under an outreach tent next to a health post",
            "caption": "The 2005 measles campaign in Bangladesh was run with communities.",
        },
    },
    {
        "slug": "philippines-door-to-door-polio",
        "title": "Philippine volunteers go door to door to protect children from polio",
        "city": "Manila",
        "country": "PH",
        "date": "2019-11-06",
        "programmes": ["immunization"],
        "summary": (
            "Philippine Red Cross volunteers in Metro Manila and Mindanao are supporting the "
            "government's polio campaign so that no child under five misses the vaccine."
        ),
        "body": [
            "A large team of Philippine Red Cross volunteers is knocking on doors across "
            "Metro Manila and Mindanao.",
            "They are supporting the government's polio vaccination campaign. At each home "
            "they check whether the children under five have had the oral polio vaccine, "
            "and help make sure that any who have not are reached.",
            "House-to-house visits take time, but they are one of the surest ways to find "
            "the children that fixed vaccination points miss, in crowded city districts as "
            "much as in rural areas.",
            "Volunteers also answer parents' questions. A friendly conversation on the "
            "doorstep can settle worries that might otherwise keep a child from being "
            "vaccinated.",
        ],
        "image": {
            "theme": "city",
            "alt": "Illustration of a dense city neighbourhood with people on the street",
            "caption": "Volunteers visit homes in Metro Manila during the polio campaign.",
        },
    },
    {
        "slug": "bambari-measles-messages",
        "title": "In Bambari, volunteers spread the word about measles vaccination",
        "city": "Bambari",
        "country": "CF",
        "date": "2019-12-17",
        "programmes": ["immunization"],
        "summary": (
            "Central African Red Cross Society volunteers are sharing key messages on measles "
            "vaccination with families in Bambari, in Ouaka prefecture."
        ),
        "body": [
            "In Bambari, in the Ouaka prefecture of the Central African Republic, Central "
            "African Red Cross Society volunteers are out in the community talking about "
            "measles.",
            "Their messages are simple: why measles is dangerous for children, why "
            "vaccination protects them, and where and when families can have their children "
            "vaccinated.",
            "In an area affected by conflict, health information does not always reach the "
            "people who need it. Volunteers who come from the same community can pass it on "
            "in a way that people recognise and trust.",
            "The work is part of the National Society's support for the national routine "
            "immunization programme in districts that are remote or affected by conflict.",
        ],
        "image": {
            "theme": "community",
            "alt": "Illustration of a group of people standing in front of houses on a hillside",
            "caption": "Volunteers share measles vaccination messages in Bambari.",
        },
    },
    {
        "slug": "balochistan-vaccinator-outreach",
        "title": "Reaching border communities in Balochistan with vaccines",
        "city": "Quetta",
        "country": "PK",
        "date": "2020-01-29",
        "programmes": ["immunization"],
        "summary": (
            "A Pakistan Red Crescent Society vaccinator takes immunization out to communities "
            "in Balochistan province that services have long overlooked."
        ),
        "body": [
            "In Balochistan province, a Pakistan Red Crescent Society vaccinator travels "
            "out to communities rather than waiting for them to come to a clinic.",
            "Many of these communities live in remote border areas. Distances are long, and "
            "health services have often passed them by.",
            "Outreach of this kind combines vaccination with engagement. Vaccinators explain "
            "what they are doing and why, listen to concerns and build the relationships "
            "that bring families back for the next dose.",
            "The aim is to make sure that where a child lives does not decide whether they "
            "are protected.",
        ],
        "image": {
            "theme": "landscape",
            "alt": "Illustration of mountains at dusk above a lake, with dark trees in front",
            "caption": "A vaccinator conducts outreach in Balochistan province.",
        },
    },
    {
        "slug": "south-sudan-polio-transition-assessment",
        "title": "South Sudan: what happens to polio gains when the funding changes?",
        "city": "Juba",
        "country": "SS",
        "date": "2020-09-18",
        "programmes": ["immunization"],
        "summary": (
            "A new assessment looks at the risks and opportunities for South Sudan as the "
            "polio programme prepares for transition."
        ),
        "body": [
            "For years, the fight against polio has paid for much of the immunization work "
            "in South Sudan, from disease surveillance to the equipment that keeps vaccines "
            "cold.",
            "As the polio programme moves towards transition, a new assessment asks what "
            "could be lost and what could be built on. It looks at where the National "
            "Society's volunteers, community links and experience could help to keep "
            "essential services running.",
            "The full assessment can be downloaded from the federation's resource library.",
        ],
        "image": {
            "theme": "document",
            "alt": "Abstract illustration of overlapping circles, arcs and a short bar chart",
            "caption": "The assessment reviews polio transition in South Sudan.",
        },
    },
    {
        "slug": "somalia-polio-transition-assessment",
        "title": "Somalia: planning for immunization after the polio programme",
        "city": "Mogadishu",
        "country": "SO",
        "date": "2020-09-17",
        "programmes": ["immunization"],
        "summary": (
            "An assessment of polio transition in Somalia sets out the risks for children "
            "and the part National Society volunteers can play."
        ),
        "body": [
            "In Somalia, the polio programme has long supported workers and systems that "
            "reach well beyond polio, including people who go house to house and report "
            "illness in their communities.",
            "A new assessment considers what transition could mean for those systems and "
            "for the children who depend on them, including families who move with their "
            "livestock and people displaced by drought.",
            "It also highlights the role of the Somali Red Crescent Society, whose "
            "volunteers already deliver vaccines in places such as rural Somaliland.",
        ],
        "image": {
            "theme": "document",
            "alt": "Abstract illustration of a large circle, curved lines and rows of dots",
            "caption": "The assessment reviews polio transition in Somalia.",
        },
    },
    {
        "slug": "five-point-plan-covid-19-vaccines",
        "title": "Red Cross and Red Crescent launch a five-point plan for COVID-19 vaccines",
        "city": "Geneva",
        "country": "CH",
        "date": "2021-02-17",
        "programmes": ["immunization"],
        "summary": (
            "The Movement's plan sets out how National Societies will help prepare for and "
            "roll out COVID-19 vaccines, with fairness and trust at its centre."
        ),
        "body": [
            "Red Cross and Red Crescent Societies have been at the front line of the COVID-19 "
            "response since it began. As vaccines become available, the Red Cross and Red "
            "Crescent Movement has launched a five-point plan to help introduce "
            "them around the world.",
            "The plan calls for fair access to vaccines for every country and community, and "
            "for work to build trust and acceptance so that people know what to expect.",
            "It commits National Societies to support vaccination in health facilities and "
            "through outreach, and to make special efforts for those most at risk of being "
            "left behind, such as people in urban slums and remote rural areas, migrants, "
            "homeless people and communities affected by conflict, violence or disaster.",
            "Finally, it insists that routine immunization and campaigns against other "
            "diseases must continue and be strengthened, with particular attention to "
            "children who have had no vaccines at all.",
            "The Immunization Annex explains the plan in full.",
        ],
        "image": {
            "theme": "immunization",
            "alt": "Illustration of a health centre with a small queue of people outside",
            "caption": "The five-point plan guides National Societies' work on COVID-19 vaccines.",
        },
    },
    {
        "slug": "covid-19-vaccines-reach-the-most-vulnerable",
        "title": "COVID-19 vaccines must reach the people most often left out",
        "city": "Geneva",
        "country": "CH",
        "date": "2021-06-10",
        "programmes": ["immunization"],
        "summary": (
            "Migrants, homeless people and communities in slums, remote areas and conflict "
            "zones risk being missed by COVID-19 vaccination. National Societies are working "
            "to change that."
        ),
        "body": [
            "Vaccination plans are usually built around people who are registered, have an "
            "address and can get to a health centre. Many of the people most exposed to "
            "COVID-19 do not fit that picture.",
            "Reaching them is one of the five points of the Movement's plan for COVID-19 "
            "vaccines. It names people living in urban slums and remote rural areas, "
            "migrants, homeless people, and those affected by conflict, violence and "
            "disasters.",
            "National Societies are well placed to help. Their volunteers already work with "
            "these communities, know where to find them and can explain how and where to get "
            "vaccinated.",
            "Leaving anyone out is not only unfair; it also leaves room for the virus to "
            "keep circulating.",
        ],
        "image": {
            "theme": "city",
            "alt": "Illustration of tall and low buildings along a street at night",
            "caption": "Vaccination must reach people in crowded urban areas.",
        },
    },
    {
        "slug": "keep-routine-immunization-going",
        "title": "Keeping routine immunization going alongside COVID-19 vaccination",
        "city": "Geneva",
        "country": "CH",
        "date": "2021-11-04",
        "programmes": ["immunization"],
        "summary": (
            "The pandemic must not push other vaccines aside. National Societies are working "
            "to protect routine immunization and to find zero-dose children."
        ),
        "body": [
            "The COVID-19 pandemic has put enormous pressure on health services. In many "
            "places routine vaccination and campaigns against measles, polio and other "
            "diseases have been disrupted.",
            "The Movement's plan for COVID-19 vaccines is clear that this work must carry on "
            "and grow stronger. It gives special attention to zero-dose children, who have "
            "never received a single vaccine, and to communities where coverage is low.",
            "Volunteers can help families catch up on missed doses, remind them of upcoming "
            "sessions and reassure them that it is safe to attend.",
            "Protecting children from one disease should never come at the cost of leaving "
            "them exposed to others.",
        ],
        "image": {
            "theme": "immunization",
            "alt": "Illustration of a health post surrounded by trees, with a waiting area",
            "caption": "Routine immunization must continue during the pandemic.",
        },
    },
    {
        "slug": "answering-vaccine-misinformation",
        "title": "Listening first: how volunteers respond to vaccine rumours",
        "city": "Geneva",
        "country": "CH",
        "date": "2022-05-11",
        "programmes": ["immunization"],
        "summary": (
            "Misinformation and mistrust are keeping children from vaccines, even where "
            "vaccines are available. Trusted local volunteers can help."
        ),
        "body": [
            "Access is not the only obstacle to vaccination. Around the world, false "
            "information and mistrust are leading parents to hold back from immunizing "
            "their children, with tragic results as preventable diseases return.",
            "Correcting rumours is not simply a matter of repeating facts. People want to "
            "be heard, and they are more likely to listen to someone they know and trust.",
            "That is where Red Cross and Red Crescent volunteers make a difference. They are "
            "members of the communities they serve, so they can take people's concerns "
            "seriously, give clear answers and report back on the questions that keep "
            "coming up.",
            "This feedback helps health authorities to adapt their messages, so that "
            "information meets people where they are.",
        ],
        "image": {
            "theme": "community",
            "alt": "Illustration of neighbours talking together in front of a row of houses",
            "caption": "Volunteers take people's questions about vaccines seriously.",
        },
    },
    {
        "slug": "bridging-communities-and-health-services",
        "title": "In conflict settings, National Societies bridge the gap to health services",
        "city": "Geneva",
        "country": "CH",
        "date": "2023-03-15",
        "programmes": ["immunization"],
        "summary": (
            "Their auxiliary role and local presence let National Societies connect "
            "communities with formal health services where few others can."
        ),
        "body": [
            "In humanitarian crises and during conflict, health systems are often the first "
            "to suffer. Clinics close, staff leave and whole communities can be cut off.",
            "National Societies have a particular position in these situations. As "
            "auxiliaries to their public authorities in the humanitarian field, and with "
            "volunteers living locally, they can act as a link between communities and the "
            "formal health system.",
            "That link can take many forms: organising vaccination sessions, helping health "
            "workers reach an area, passing on information about an outbreak or "
            "accompanying people to services.",
        ],
        "image": {
            "theme": "landscape",
            "alt": "Illustration of mountains at dusk with dark trees in the valley below",
            "caption": "National Societies link remote communities with health services.",
        },
    },
    {
        "slug": "going-the-last-mile-for-every-child",
        "title": "Going the last mile so every child is protected",
        "city": "Geneva",
        "country": "CH",
        "date": "2024-04-24",
        "programmes": ["immunization"],
        "summary": (
            "The IFRC supports its 192 National Societies to bring vaccines to isolated and "
            "vulnerable communities, adapting its approach to each setting."
        ),
        "body": [
            "Immunization is one of the foundations of a healthy community, and the IFRC "
            "supports its 192 National Societies to bring vaccines to the communities that "
            "are hardest to reach.",
            "There is no single model. In some countries, National Societies deliver "
            "vaccinations directly, sometimes as part of a wider package of primary health "
            "care. In others, they concentrate on building demand for vaccines, or on "
            "helping to strengthen the local health system.",
            "What stays the same is the approach: local volunteers who are trusted by their "
            "neighbours, including in remote and marginalised places, and who are prepared "
            "to go the extra distance.",
            "The goal is that all children, wherever they live, receive the vaccines they "
            "need to grow up healthy.",
        ],
        "image": {
            "theme": "immunization",
            "alt": "Illustration of a rural health centre and an outreach tent with a queue",
            "caption": "National Societies adapt immunization work to local needs.",
        },
    },
]

RESOURCES: list[dict] = [
    # Migration ---------------------------------------------------------------------------
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
            "Naim, give psychosocial support to people newly arrived in the Kutupalong "
            "settlement from Rakhine State, Myanmar."
        ),
        "pdf": {
            "subtitle": "Psychosocial support in the Kutupalong settlement",
            "kind": "report",
            "min_pages": 4,
            "sections": [
                (
                    "The setting",
                    [
                        "Kutupalong is a settlement in south-eastern Bangladesh, home to "
                        "people who have fled Rakhine State in the north of Myanmar. It is "
                        "built across hills, and its narrow paths become slippery and muddy "
                        "whenever it rains.",
                        "New arrivals come with very little and have often lived through "
                        "frightening events. Children, who make up a large share of those on "
                        "the move, are especially exposed to stress, separation and harm.",
                    ],
                ),
                (
                    "A volunteer's daily round",
                    [
                        "Tamjid Hossen Naim is a 25-year-old volunteer with the Bangladesh Red "
                        "Crescent Society. Making his way along the settlement's muddy paths "
                        "and over its hills is part of his everyday routine.",
                        "He is one of a group of around two dozen young volunteers who provide "
                        "psychosocial support to people who have just arrived from Rakhine "
                        "State.",
                    ],
                ),
                (
                    "What psychosocial support involves",
                    [
                        "Psychosocial support helps people cope with distress and regain a "
                        "sense of safety and control. In practice it can mean listening, "
                        "sharing reliable information, organising calm activities for children "
                        "and helping families find the services they need.",
                        "Volunteers are trained to recognise people who need specialist care "
                        "and to refer them on, rather than trying to deal with everything "
                        "themselves.",
                    ],
                ),
                (
                    "Why young volunteers matter",
                    [
                        "Young volunteers bring energy and patience to the work, and children "
                        "often find them easy to approach. Their presence on the paths of the "
                        "settlement, day after day, becomes something people can rely on.",
                        "The volunteers also need support themselves. Supervision, rest and "
                        "the chance to talk about what they have seen help them to carry on "
                        "doing demanding work well.",
                    ],
                ),
            ],
        },
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
            "An overview of Rights of Migrants in Action, a global initiative that the European "
            "Union and the IFRC fund together. It brings civil society organisations together to "
            "promote and protect the rights of migrants."
        ),
        "pdf": {
            "subtitle": "Project overview: civil society working together for migrants' rights",
            "kind": "report",
            "min_pages": 4,
            "sections": [
                (
                    "About the project",
                    [
                        "Rights of Migrants in Action is a global initiative. Its funding comes "
                        "jointly from the European Union and the IFRC (International Federation "
                        "of Red Cross and Red Crescent Societies).",
                        "Its purpose is to promote and protect the rights of migrants. It "
                        "focuses on selected countries, on migration corridors that connect "
                        "them, and on wider regions.",
                    ],
                ),
                (
                    "Working through civil society",
                    [
                        "The project is built on the idea that civil society organisations "
                        "achieve more when they act together. National Societies and their "
                        "partners coordinate their efforts so that support for migrants is "
                        "consistent from one country to the next along a route.",
                        "Coordinated action also gives civil society a clearer voice when it "
                        "speaks to governments about the protection migrants need.",
                    ],
                ),
                (
                    "What the project supports",
                    [
                        "- Services that help migrants understand and claim their rights.",
                        "- Joint work by organisations along the same migration corridor.",
                        "- Sharing of experience and good practice between regions.",
                        "- Dialogue with authorities on the protection of migrants.",
                    ],
                ),
                (
                    "Principles",
                    [
                        "All activities follow the Movement's Fundamental Principles. Help is "
                        "offered according to need, whatever a person's legal status, and with "
                        "respect for their dignity.",
                    ],
                ),
            ],
        },
    },
    {
        "slug": "red-cross-hotline-poster",
        "title": "Red Cross hotline: call us for help and information",
        "resource_type": "poster",
        "date": "2017-04-26",
        "language": "en",
        "programmes": ["migration"],
        "countries": [],
        "summary": (
            "A poster about a Red Cross hotline for migrants, showing how to call, when the "
            "line is open and which languages the team speaks."
        ),
        "pdf": {
            "subtitle": "Free, confidential advice for people on the move",
            "kind": "poster",
            "min_pages": 1,
            "sections": [
                (
                    "Need help or information?",
                    [
                        "Our trained staff and volunteers can tell you where to find medical "
                        "care, food and shelter, how to contact your family and where to get "
                        "advice about your situation.",
                    ],
                ),
                (
                    "Call us",
                    [
                        "Phone: 0800 000 000",
                        "Opening hours: Monday to Friday, 09:00–17:00",
                        "The number shown is an example. Each National Society prints its own "
                        "hotline number on this poster.",
                    ],
                ),
                (
                    "We speak your language",
                    [
                        "Languages: Arabic, English, French, Farsi",
                        "Calls are confidential. We help everyone, whatever their legal status.",
                    ],
                ),
            ],
        },
    },
    {
        "slug": "migration-policy-our-commitments",
        "title": "Our commitments to migrants: the IFRC approach to migration",
        "resource_type": "policy",
        "date": "2016-11-15",
        "language": "en",
        "programmes": ["migration"],
        "countries": [],
        "summary": (
            "The principles that guide how National Societies support and protect migrants "
            "and displaced people, from countries of origin to countries of destination."
        ),
        "pdf": {
            "subtitle": "Principles for supporting and protecting people on the move",
            "kind": "report",
            "min_pages": 4,
            "sections": [
                (
                    "Why migration matters to us",
                    [
                        "Migration drives some of today's gravest humanitarian problems, and "
                        "is also driven by them. People on the move face serious risks, and "
                        "those risks are greatest for people who are already vulnerable.",
                        "The IFRC has worked with migrants for a long time. This document sets "
                        "out the commitments that shape that work across the network.",
                    ],
                ),
                (
                    "Our commitments",
                    [
                        "- We focus on needs and vulnerabilities, not on legal status.",
                        "- We support migrants where they set out, pass through and arrive.",
                        "- We help restore contact between family members, with the ICRC.",
                        "- We promote social inclusion and mutual understanding.",
                        "- We speak up for migrants' rights and dignity.",
                    ],
                ),
                (
                    "Who we support",
                    [
                        "National Societies support a wide range of people, including "
                        "refugees, asylum seekers, labour migrants, survivors of trafficking "
                        "and children who travel alone.",
                        "Services include first aid, help to reach health care, psychosocial "
                        "support and other essential help, directed first to those at "
                        "greatest risk.",
                    ],
                ),
                (
                    "Bridging divided views",
                    [
                        "Opinions about migration are increasingly polarised. National "
                        "Societies work with migrants and host communities alike, encouraging "
                        "understanding between them and building the resilience of both "
                        "individuals and communities.",
                    ],
                ),
            ],
        },
    },
    {
        "slug": "first-aid-and-health-care-for-migrants",
        "title": "First aid and health care for migrants in transit",
        "resource_type": "guideline",
        "date": "2016-03-08",
        "language": "en",
        "programmes": ["migration"],
        "countries": [],
        "summary": (
            "Practical guidance for National Society teams providing first aid and basic "
            "health services at places where migrants rest or pass through."
        ),
        "pdf": {
            "subtitle": "Guidance for National Society teams",
            "kind": "report",
            "min_pages": 5,
            "sections": [
                (
                    "Purpose of this guidance",
                    [
                        "People in transit often walk long distances, sleep outdoors and go "
                        "without regular meals or medical care. Small injuries and illnesses "
                        "can quickly become serious.",
                        "This guidance helps National Society teams plan first aid and basic "
                        "health services at rest points, transit centres and border areas.",
                    ],
                ),
                (
                    "Setting up a first aid point",
                    [
                        "- Choose a visible, sheltered place along the route people use.",
                        "- Make sure there is privacy for examinations and for women and children.",
                        "- Display information in the languages people speak.",
                        "- Agree referral routes with local health services in advance.",
                    ],
                ),
                (
                    "Common needs",
                    [
                        "Teams commonly see blisters and foot injuries, exhaustion, "
                        "dehydration, respiratory infections and the effects of cold or heat. "
                        "Pregnant women, young children, older people and people with chronic "
                        "conditions may need closer attention.",
                        "Psychological distress is common too. Volunteers trained in "
                        "psychological first aid can help people feel calmer and safer.",
                    ],
                ),
                (
                    "Principles of care",
                    [
                        "Care is given on the basis of need alone, regardless of nationality "
                        "or legal status. Personal information is kept confidential and is "
                        "never shared without consent.",
                    ],
                ),
            ],
        },
    },
    {
        "slug": "restoring-family-links-volunteer-guide-fr",
        "title": "Restoring family links: a guide for volunteers (French edition)",
        "resource_type": "guideline",
        "date": "2016-09-20",
        "language": "fr",
        "programmes": ["migration"],
        "countries": ["TN"],
        "summary": (
            "French-language guide for volunteers who help migrants get back in touch with "
            "their families, working alongside the ICRC."
        ),
        "pdf": {
            "subtitle": "Rétablir les liens familiaux : guide à l'usage des volontaires",
            "kind": "report",
            "min_pages": 4,
            "sections": [
                (
                    "Pourquoi ce guide",
                    [
                        "Sur les routes migratoires, de nombreuses personnes perdent le "
                        "contact avec leurs proches. L'inquiétude des familles, de part et "
                        "d'autre, peut durer des mois, parfois des années.",
                        "Ce guide aide les volontaires des Sociétés nationales à accueillir "
                        "ces personnes, à recueillir leurs demandes et à les orienter vers les "
                        "services de rétablissement des liens familiaux.",
                    ],
                ),
                (
                    "Le rôle du volontaire",
                    [
                        "- Écouter la personne avec patience et sans jugement.",
                        "- Expliquer clairement ce que le service peut faire et ne peut pas faire.",
                        "- Remplir la demande de recherche avec soin.",
                        "- Protéger les données personnelles et respecter la confidentialité.",
                    ],
                ),
                (
                    "Travailler avec le CICR",
                    [
                        "Les Sociétés nationales mènent ce travail en lien étroit avec le "
                        "Comité international de la Croix-Rouge (CICR), qui coordonne le "
                        "réseau mondial des liens familiaux.",
                        "Grâce à ce réseau, une recherche commencée dans un pays peut se "
                        "poursuivre dans un autre, tout au long de l'itinéraire suivi par la "
                        "personne disparue.",
                    ],
                ),
                (
                    "Prendre soin de soi",
                    [
                        "Les récits entendus peuvent être lourds. Les volontaires sont "
                        "encouragés à en parler à leur responsable et à demander du soutien "
                        "lorsqu'ils en ont besoin.",
                    ],
                ),
            ],
        },
    },
    {
        "slug": "social-inclusion-toolkit-es",
        "title": "Social inclusion toolkit for host communities (Spanish edition)",
        "resource_type": "toolkit",
        "date": "2016-06-14",
        "language": "es",
        "programmes": ["migration"],
        "countries": [],
        "summary": (
            "Spanish-language toolkit with ideas and steps for National Society branches "
            "that want to bring migrants and local residents together."
        ),
        "pdf": {
            "subtitle": "Inclusión social: herramientas para comunidades de acogida",
            "kind": "report",
            "min_pages": 4,
            "sections": [
                (
                    "Introducción",
                    [
                        "La llegada de personas migrantes cambia la vida de un barrio. Cuando "
                        "vecinos antiguos y nuevos se conocen, la convivencia mejora y toda la "
                        "comunidad se vuelve más fuerte.",
                        "Esta caja de herramientas ofrece ideas prácticas a las filiales de "
                        "las Sociedades Nacionales que desean fomentar la inclusión social.",
                    ],
                ),
                (
                    "Actividades que funcionan",
                    [
                        "- Encuentros de conversación para practicar el idioma local.",
                        "- Programas de mentoría entre residentes y recién llegados.",
                        "- Actividades deportivas, culturales y de voluntariado compartidas.",
                        "- Talleres en los que las personas migrantes enseñan sus oficios.",
                    ],
                ),
                (
                    "Cómo empezar",
                    [
                        "Antes de organizar cualquier actividad, conviene escuchar a las "
                        "personas migrantes y a la comunidad de acogida para conocer sus "
                        "necesidades, sus preocupaciones y lo que cada una puede aportar.",
                        "Es importante implicar desde el principio a las asociaciones del "
                        "barrio y a las autoridades locales.",
                    ],
                ),
                (
                    "Nuestros principios",
                    [
                        "Todas las actividades respetan la dignidad de las personas y están "
                        "abiertas a todos, sin distinción de origen ni de situación legal.",
                    ],
                ),
            ],
        },
    },
    {
        "slug": "greece-long-term-housing-assessment",
        "title": "From tents to homes: housing needs of migrants in Greece",
        "resource_type": "assessment",
        "date": "2017-03-21",
        "language": "en",
        "programmes": ["migration"],
        "countries": ["GR"],
        "summary": (
            "An assessment of why tents and containers cannot meet the long-term shelter "
            "needs of migrants in Greece, and what proper housing changes for families."
        ),
        "pdf": {
            "subtitle": "An assessment of shelter conditions and long-term housing needs",
            "kind": "report",
            "min_pages": 5,
            "sections": [
                (
                    "Background",
                    [
                        "Many migrants and refugees in Greece have been living in temporary "
                        "shelters for a long time, with no clear date for moving on.",
                        "This assessment looks at the limits of tents and containers as "
                        "long-term accommodation and at the benefits of moving families into "
                        "proper housing in towns and cities.",
                    ],
                ),
                (
                    "Limits of temporary shelter",
                    [
                        "Tents and containers are designed for emergencies. In periods of "
                        "extreme heat or cold they become difficult and sometimes unsafe to "
                        "live in.",
                        "They offer little privacy and little space to cook, study or rest, "
                        "which weighs particularly on families with young children and on "
                        "pregnant women.",
                    ],
                ),
                (
                    "What proper housing changes",
                    [
                        "Families living in flats or houses in urban areas can cook for "
                        "themselves, keep to daily routines and take part in local life. "
                        "Access to schools, shops and health services is usually easier.",
                    ],
                ),
                (
                    "Recommendations",
                    [
                        "- Move the most vulnerable families into proper housing first.",
                        "- Keep families and close companions together when they are moved.",
                        "- Link housing with health care, schooling and social support.",
                        "- Consult families about their needs before and after they move.",
                    ],
                ),
            ],
        },
    },
    # Immunization ------------------------------------------------------------------------
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
            "What South Sudan stands to lose, and what it could build on, as the polio "
            "programme that supports much of its immunization work goes through transition."
        ),
        "pdf": {
            "subtitle": (
                "How the functions built by polio eradication can be protected and handed on"
            ),
            "kind": "report",
            "min_pages": 8,
            "sections": [
                (
                    "About this assessment",
                    [
                        "For many years, funding for polio eradication has paid for a large "
                        "part of the immunization effort in South Sudan. It has supported "
                        "surveillance for cases of paralysis, vaccination campaigns, the "
                        "equipment that keeps vaccines cold, and the people who plan and "
                        "deliver all of this.",
                        "As that support is reduced and responsibility shifts to national "
                        "systems, there is a real danger that some of these functions will "
                        "weaken or disappear. This assessment looks at which functions are "
                        "most at risk, and at where the South Sudan Red Cross and its "
                        "volunteers could help to keep them going.",
                        "The assessment does not try to measure vaccination coverage. Its aim "
                        "is to describe the risks and opportunities clearly enough to help "
                        "health authorities, partners and the National Society plan together.",
                    ],
                ),
                (
                    "The context in South Sudan",
                    [
                        "South Sudan is a young country that has lived through long periods "
                        "of conflict. Many people have been displaced, and insecurity still "
                        "limits movement in some areas.",
                        "Much of the country is difficult to reach. During the rainy season "
                        "roads can become impassable, cutting off communities from health "
                        "facilities and making it harder to move vaccines and supplies.",
                        "Health services depend heavily on outside partners. Where the polio "
                        "programme has filled gaps, there is often no other source of funding "
                        "ready to take its place.",
                    ],
                ),
                (
                    "What the polio programme built",
                    [
                        "The polio programme has left South Sudan with assets that serve far "
                        "more than polio. They include a network for detecting and reporting "
                        "cases of acute flaccid paralysis, detailed maps and micro-plans of "
                        "settlements, and experience in organising large campaigns in "
                        "difficult conditions.",
                        "It has also equipped health facilities with refrigerators and cold "
                        "boxes, trained staff to manage them, and built up a body of "
                        "community mobilisers who know how to explain vaccination to "
                        "families.",
                        "Alongside these assets sits the South Sudan Red Cross, whose "
                        "volunteers live in the communities they serve. Their local presence "
                        "and relationships are a resource that transition planning can draw "
                        "on.",
                    ],
                ),
                (
                    "Risks of transition",
                    [
                        "The most serious risk is a loss of surveillance. If fewer people are "
                        "watching for and reporting cases, outbreaks of polio or other "
                        "diseases could go undetected for longer.",
                        "A second risk concerns the cold chain. Equipment that is not "
                        "maintained, and staff who are no longer paid to look after it, can "
                        "quickly lead to vaccines being spoiled or running out.",
                        "Community networks are also fragile. Mobilisers who lose support "
                        "may move on, and the trust they have built with families could fade, "
                        "especially in areas affected by displacement or insecurity.",
                    ],
                ),
                (
                    "Opportunities",
                    [
                        "Transition also creates a chance to integrate polio functions into "
                        "routine immunization and the wider health system, rather than "
                        "letting them run in parallel.",
                        "A planned cold chain handover to county health departments, with "
                        "clear responsibility for maintenance and stock management, would "
                        "protect the investment already made in equipment and training.",
                        "National Society volunteers could extend community-based "
                        "surveillance to cover a wider set of diseases, including measles, "
                        "and continue to support demand for routine immunization as part of "
                        "their auxiliary role to the public authorities.",
                    ],
                ),
                (
                    "Recommendations",
                    [
                        "- Agree a timetable for the cold chain handover to county health "
                        "departments, with budgets for maintenance.",
                        "- Fold polio surveillance into community-based surveillance for "
                        "several vaccine-preventable diseases.",
                        "- Keep trained community mobilisers engaged through the South Sudan "
                        "Red Cross volunteer network.",
                        "- Give priority to counties that are hard to reach in the rainy "
                        "season or affected by insecurity.",
                        "- Review progress regularly with the Ministry of Health and partners.",
                    ],
                ),
            ],
        },
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
            "An assessment of how polio transition could affect immunization in Somalia, and "
            "of the role Somali Red Crescent volunteers can play in protecting children."
        ),
        "pdf": {
            "subtitle": (
                "Protecting immunization for mobile and hard-to-reach communities in Somalia"
            ),
            "kind": "report",
            "min_pages": 8,
            "sections": [
                (
                    "Purpose and approach",
                    [
                        "In Somalia, the polio eradication effort has been one of the main "
                        "sources of support for immunization. Its workers and systems reach "
                        "communities that few other health services reach.",
                        "This assessment examines what the transition of the polio programme "
                        "could mean for immunization in Somalia, and identifies ways in which "
                        "the Somali Red Crescent Society could help to limit the risks.",
                        "The assessment does not attempt to measure coverage. It is meant as "
                        "a practical starting point for planning between health authorities, "
                        "partners and the National Society.",
                    ],
                ),
                (
                    "Somalia's immunization landscape",
                    [
                        "Health services in Somalia are organised by different authorities in "
                        "different areas, including Somaliland and Puntland, which makes "
                        "coordination essential.",
                        "A large share of the population is mobile. Pastoralist families move "
                        "with their livestock in search of water and grazing, and drought and "
                        "conflict have displaced many others into camps and towns.",
                        "Insecurity still limits access in some districts, so health workers "
                        "often have to negotiate or wait before they can reach communities.",
                    ],
                ),
                (
                    "Who depends on polio-funded services",
                    [
                        "Polio-funded staff do far more than deliver polio drops. They help "
                        "with measles campaigns, report unusual illness, and keep lists of "
                        "households that other programmes rely on.",
                        "Children in nomadic and displaced families are among those who "
                        "benefit most, because house-to-house and outreach work is often the "
                        "only way vaccination reaches them.",
                    ],
                ),
                (
                    "Risks of transition",
                    [
                        "If polio-funded workers are lost, the children who move most often "
                        "are likely to be missed first. Gaps in coverage among mobile "
                        "populations could allow polio and measles to circulate again.",
                        "Surveillance could weaken in districts that are already hard to "
                        "reach, delaying the detection of outbreaks.",
                        "Without clear arrangements between the different health authorities, "
                        "responsibilities could fall between the cracks during the handover.",
                    ],
                ),
                (
                    "Opportunities for the Somali Red Crescent Society",
                    [
                        "The Somali Red Crescent Society has community volunteers in "
                        "Somaliland and Puntland as well as in other regions. They already "
                        "support vaccination, including giving oral polio vaccine to children "
                        "in rural villages.",
                        "Because volunteers come from the communities they serve, they are "
                        "well placed to follow mobile families, to spot children who have "
                        "missed doses and to explain vaccination in ways people trust.",
                        "Linking immunization with other services the National Society "
                        "offers, such as mobile health and nutrition activities, could help "
                        "make each contact with a family count.",
                    ],
                ),
                (
                    "Recommendations",
                    [
                        "- Map the polio-funded functions each authority relies on and agree "
                        "who will take them over.",
                        "- Build on community volunteers in Somaliland and Puntland to keep "
                        "outreach to pastoralist and displaced families going.",
                        "- Combine polio surveillance with reporting on measles and other "
                        "vaccine-preventable diseases.",
                        "- Use every contact with a child to check and complete their "
                        "vaccinations.",
                        "- Plan for drought and displacement, which can move whole "
                        "communities out of reach at short notice.",
                    ],
                ),
            ],
        },
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
            "The Movement's five-point plan for preparing for and introducing COVID-19 "
            "vaccines, and what it asks of National Societies."
        ),
        "pdf": {
            "subtitle": "The five-point plan for COVID-19 vaccines",
            "kind": "report",
            "min_pages": 6,
            "sections": [
                (
                    "Introduction",
                    [
                        "Red Cross and Red Crescent Societies have been at the heart of the "
                        "response to COVID-19 since the pandemic began. Early in 2021, the Red "
                        "Cross and Red Crescent Movement set out a five-point plan to help "
                        "prepare for COVID-19 vaccines and introduce them around the world.",
                        "This annex describes each point of the plan and how National "
                        "Societies can put it into practice.",
                    ],
                ),
                (
                    "1. Equitable access",
                    [
                        "We speak up so that COVID-19 vaccines are shared fairly between "
                        "countries and within them, based on need rather than wealth or "
                        "status.",
                    ],
                ),
                (
                    "2. Trust",
                    [
                        "We work to build communities' trust in COVID-19 vaccines and their "
                        "willingness to accept them. We also help people understand what to "
                        "expect, including when vaccines will reach them and what they can "
                        "and cannot do.",
                    ],
                ),
                (
                    "3. Health",
                    [
                        "We help deliver COVID-19 vaccines, both in health facilities and "
                        "through outreach to communities.",
                    ],
                ),
                (
                    "4. Reach the most vulnerable",
                    [
                        "We make special efforts for the people most likely to be left out: "
                        "those living in urban slums and remote rural areas, migrants, "
                        "homeless people, and communities living through conflict, violence "
                        "or disaster.",
                    ],
                ),
                (
                    "5. Keep other immunization services strong",
                    [
                        "COVID-19 vaccination must not come at the expense of other vaccines. "
                        "We help to keep routine immunization and campaigns against other "
                        "diseases running, and to strengthen them. We pay particular "
                        "attention to communities where children have had no vaccines at all, "
                        "or too few.",
                    ],
                ),
            ],
        },
    },
    {
        "slug": "covid-19-resource-compendium",
        "title": "COVID-19 Resource Compendium",
        "resource_type": "toolkit",
        "date": "2021-04-12",
        "language": "en",
        "programmes": ["immunization"],
        "countries": [],
        "summary": (
            "A collection of IFRC tools and guidance for the COVID-19 response, including "
            "resources on introducing COVID-19 vaccines."
        ),
        "pdf": {
            "subtitle": "Tools and guidance for the COVID-19 response, including vaccination",
            "kind": "report",
            "min_pages": 4,
            "sections": [
                (
                    "About the compendium",
                    [
                        "The compendium brings together resources that National Societies can "
                        "use in their response to COVID-19. It is organised by topic so that "
                        "staff and volunteers can quickly find what they need.",
                    ],
                ),
                (
                    "Vaccination resources",
                    [
                        "- Guidance on preparing for the introduction of COVID-19 vaccines.",
                        "- Materials for community engagement and answering common questions.",
                        "- Tools for collecting and responding to community feedback.",
                        "- Training materials for volunteers who support vaccination.",
                    ],
                ),
                (
                    "Using the resources",
                    [
                        "Materials should be adapted to local languages, national guidance "
                        "and the concerns people are actually raising. Volunteers are "
                        "encouraged to share the questions they hear so that resources can "
                        "be improved.",
                    ],
                ),
                (
                    "Getting access",
                    [
                        "National Society staff who would like the newest tools for introducing "
                        "COVID-19 vaccines, or who wish to join an immunization working group, "
                        "can contact Indu Adhikary of the IFRC immunization team.",
                    ],
                ),
            ],
        },
    },
    {
        "slug": "community-based-surveillance-guide-fr",
        "title": "Community-based surveillance: a volunteer's guide (French edition)",
        "resource_type": "guideline",
        "date": "2018-05-07",
        "language": "fr",
        "programmes": ["immunization"],
        "countries": ["GN", "CF"],
        "summary": (
            "French-language guide for volunteers who visit households to share prevention "
            "advice and report signs of disease early, drawing on the Ebola response."
        ),
        "pdf": {
            "subtitle": "La surveillance à base communautaire : guide du volontaire",
            "kind": "report",
            "min_pages": 4,
            "sections": [
                (
                    "De quoi s'agit-il ?",
                    [
                        "La surveillance à base communautaire repose sur des volontaires qui "
                        "vivent dans leur propre village ou quartier. Ils connaissent les "
                        "familles et remarquent vite lorsqu'une maladie inhabituelle apparaît.",
                        "En signalant rapidement ces situations aux services de santé, ils "
                        "permettent de réagir avant qu'une épidémie ne s'étende.",
                    ],
                ),
                (
                    "Les visites à domicile",
                    [
                        "- Se présenter et expliquer le but de la visite.",
                        "- Partager des conseils simples de prévention.",
                        "- Demander si quelqu'un dans le foyer est malade.",
                        "- Encourager la vaccination des enfants.",
                    ],
                ),
                (
                    "Quand et comment alerter",
                    [
                        "Le volontaire signale sans tarder tout signe qui correspond aux "
                        "définitions simplifiées apprises en formation. Il transmet l'alerte à "
                        "son superviseur, qui la communique aux autorités sanitaires.",
                    ],
                ),
                (
                    "Lutter contre la stigmatisation",
                    [
                        "Les personnes malades et leurs proches ne doivent pas être rejetées. "
                        "Le volontaire parle avec respect et protège la confidentialité des "
                        "informations recueillies.",
                    ],
                ),
            ],
        },
    },
    {
        "slug": "measles-vaccination-poster",
        "title": "Measles vaccination: what families need to know",
        "resource_type": "poster",
        "date": "2019-11-20",
        "language": "en",
        "programmes": ["immunization"],
        "countries": ["CF"],
        "summary": (
            "A poster with key measles messages for volunteers to use in their communities, "
            "as in the Central African Red Cross Society's work in Bambari."
        ),
        "pdf": {
            "subtitle": "Key messages for families and volunteers",
            "kind": "poster",
            "min_pages": 1,
            "sections": [
                (
                    "Measles is serious",
                    [
                        "Measles spreads very easily from one person to another and can make "
                        "young children dangerously ill.",
                    ],
                ),
                (
                    "Vaccination protects",
                    [
                        "Vaccination is the best way to protect your child. Ask a Red Cross "
                        "volunteer or health worker where and when the vaccination team will "
                        "visit.",
                    ],
                ),
                (
                    "Bring your card",
                    [
                        "Bring your child's vaccination card with you, and keep it safe for "
                        "the next visit.",
                    ],
                ),
            ],
        },
    },
    {
        "slug": "answering-vaccine-rumours-toolkit",
        "title": "Answering vaccine rumours: a toolkit for community conversations",
        "resource_type": "toolkit",
        "date": "2022-05-11",
        "language": "en",
        "programmes": ["immunization"],
        "countries": [],
        "summary": (
            "Practical steps for volunteers to listen to concerns about vaccines, respond "
            "with care and pass on what they hear to health authorities."
        ),
        "pdf": {
            "subtitle": "Listening, responding and sharing feedback",
            "kind": "report",
            "min_pages": 4,
            "sections": [
                (
                    "Why this toolkit",
                    [
                        "Misinformation and mistrust are stopping many parents from having "
                        "their children vaccinated, even where vaccines are available. This "
                        "has contributed to a rise in diseases that vaccines could prevent.",
                        "Volunteers who belong to the communities they serve are often the "
                        "people families turn to with their doubts.",
                    ],
                ),
                (
                    "Listening first",
                    [
                        "- Let people explain their concern in their own words.",
                        "- Avoid arguing or making people feel foolish.",
                        "- Ask where the information came from.",
                        "- Note the question so it can be shared with the team.",
                    ],
                ),
                (
                    "Responding with care",
                    [
                        "Give short, clear answers based on guidance from the health "
                        "authorities. If you do not know the answer, say so and promise to "
                        "find out. Come back with the answer when you said you would.",
                    ],
                ),
                (
                    "Sharing feedback",
                    [
                        "Rumours change quickly. Regular feedback from volunteers helps "
                        "health authorities adjust their messages and respond to new "
                        "concerns before they spread.",
                    ],
                ),
            ],
        },
    },
    {
        "slug": "mobile-health-clinics-syria-ar",
        "title": "Mobile health clinics near Damascus (Arabic edition)",
        "resource_type": "case_study",
        "date": "2019-07-02",
        "language": "ar",
        "programmes": ["immunization"],
        "countries": ["SY"],
        "summary": (
            "Arabic edition of a case study on the Syrian Arab Red Crescent's mobile health "
            "clinics, which make regular stops to offer check-ups for babies and other care."
        ),
        "pdf": {
            "subtitle": "Arabic edition. This file carries the English text of the case study.",
            "kind": "report",
            "min_pages": 3,
            "sections": [
                (
                    "Care that comes to the community",
                    [
                        "Syrian Arab Red Crescent mobile health clinics travel to "
                        "neighbourhoods where health services are hard to reach. One of their "
                        "regular stops is beside a school a short distance south of Damascus.",
                        "During a stop, a doctor gives babies and young children health "
                        "check-ups, and families can ask for advice.",
                    ],
                ),
                (
                    "Why regular stops matter",
                    [
                        "When a clinic comes back on a predictable schedule, families can plan "
                        "their visits. Children are less likely to miss check-ups or doses of "
                        "vaccine.",
                    ],
                ),
                (
                    "Part of primary health care",
                    [
                        "In some countries National Societies include vaccination in a wider "
                        "package of primary care. Mobile clinics are one way of bringing that "
                        "care closer to the people who need it.",
                    ],
                ),
            ],
        },
    },
    {
        "slug": "equitable-access-covid-19-vaccines-policy",
        "title": "Equitable access to COVID-19 vaccines: our position",
        "resource_type": "policy",
        "date": "2021-02-24",
        "language": "en",
        "programmes": ["immunization"],
        "countries": [],
        "summary": (
            "The federation's position that COVID-19 vaccines must be shared fairly and reach "
            "the people most at risk of being left out."
        ),
        "pdf": {
            "subtitle": "Position on fair access to COVID-19 vaccines",
            "kind": "report",
            "min_pages": 3,
            "sections": [
                (
                    "Our position",
                    [
                        "Everyone, everywhere, should be able to receive COVID-19 vaccines, "
                        "whatever their nationality, legal status or income. Access should be "
                        "decided by need.",
                    ],
                ),
                (
                    "Who risks being left out",
                    [
                        "People in urban slums and remote rural areas, migrants, homeless "
                        "people and communities living through conflict, violence and disasters "
                        "are often not counted in vaccination plans. They must be included "
                        "from the start.",
                    ],
                ),
                (
                    "What we ask of governments",
                    [
                        "- Include all people in national vaccination plans.",
                        "- Remove barriers such as cost and documentation requirements.",
                        "- Work with National Societies to reach marginalised communities.",
                        "- Protect routine immunization while COVID-19 vaccines are rolled out.",
                    ],
                ),
            ],
        },
    },
    {
        "slug": "routine-immunization-zero-dose-report",
        "title": "Reaching zero-dose children: National Societies and routine immunization",
        "resource_type": "report",
        "date": "2023-04-24",
        "language": "en",
        "programmes": ["immunization"],
        "countries": ["CF", "PK", "PH", "SO"],
        "summary": (
            "How National Societies help routine immunization reach children who have never "
            "been vaccinated, from direct delivery to building demand and strengthening "
            "health systems."
        ),
        "pdf": {
            "subtitle": "Approaches from across the federation",
            "kind": "report",
            "min_pages": 5,
            "sections": [
                (
                    "The challenge",
                    [
                        "An estimated 20 million children each year miss out on routine "
                        "infant immunization. Most of them live in fragile, conflict-affected "
                        "or otherwise vulnerable places where vaccination services are "
                        "scarce.",
                        "Children who have never received any vaccine, often called zero-dose "
                        "children, are the hardest to find and the most at risk.",
                    ],
                ),
                (
                    "Different roles in different places",
                    [
                        "National Societies adapt their work to local needs. Some provide "
                        "vaccination directly or as part of primary health care. Others focus "
                        "on encouraging communities to seek vaccines, or on supporting local "
                        "health systems.",
                    ],
                ),
                (
                    "Examples",
                    [
                        "- Central African Republic: backing the national routine "
                        "programme in remote districts affected by conflict.",
                        "- Pakistan: outreach to neglected communities in border areas of "
                        "Balochistan.",
                        "- Philippines: door-to-door support for a national polio campaign.",
                        "- Somalia: volunteers giving oral polio vaccine in rural Somaliland.",
                    ],
                ),
                (
                    "What makes the difference",
                    [
                        "Across these examples, the common factor is trust. Volunteers are "
                        "members of the communities they serve, which allows them to reach "
                        "remote and marginalised families and to talk openly about vaccines.",
                    ],
                ),
            ],
        },
    },
]

NATIONAL_SOCIETIES: list[dict] = [
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
    {
        "slug": "bangladesh-red-crescent",
        "name": "Bangladesh Red Crescent Society",
        "country": "BD",
    },
    {"slug": "tunisian-red-crescent", "name": "Tunisian Red Crescent", "country": "TN"},
    {"slug": "hellenic-red-cross", "name": "Hellenic Red Cross", "country": "GR"},
    {"slug": "netherlands-red-cross", "name": "Netherlands Red Cross", "country": "NL"},
    {"slug": "american-red-cross", "name": "American Red Cross", "country": "US"},
]

CASE_STUDIES: list[dict] = [
    # Immunization ------------------------------------------------------------------------
    {
        "slug": "central-african-republic",
        "title": "Measles messages reach families in Bambari",
        "national_society": "central-african-red-cross",
        "country": "CF",
        "programme": "immunization",
        "date": "2020-02-10",
        "summary": (
            "Helping the national routine immunization programme reach remote districts "
            "that have been affected by conflict."
        ),
        "body": [
            "In December 2019, Central African Red Cross Society volunteers went out into the "
            "neighbourhoods of Bambari, in Ouaka prefecture, to talk with families "
            "about measles vaccination.",
            "Years of conflict have left many districts of the Central African Republic "
            "isolated, with health services stretched thin. In places like these, children "
            "can easily miss the routine vaccines that should protect them.",
            "The National Society backs the country's routine immunization efforts in districts "
            "that are remote or scarred by conflict. Volunteers explain why vaccines matter, tell "
            "families when and where vaccination is available and encourage parents to bring "
            "their children.",
            "Because the volunteers belong to the communities they serve, people know them "
            "and are willing to listen, even where trust in outside services is low.",
        ],
        "image": {
            "theme": "community",
            "alt": "Illustration of people gathered together among houses on a green hillside",
            "caption": (
                "Central African Red Cross volunteers share measles vaccination messages in "
                "Bambari, December 2019."
            ),
        },
        "consent_recorded": True,
    },
    {
        "slug": "pakistan",
        "title": "Vaccinating overlooked families in Balochistan's border areas",
        "national_society": "pakistan-red-crescent",
        "country": "PK",
        "programme": "immunization",
        "date": "2020-03-02",
        "summary": (
            "Reaching out to neglected communities in remote border areas, and vaccinating "
            "the children who live there."
        ),
        "body": [
            "In January 2020, a Pakistan Red Crescent Society vaccinator carried out "
            "outreach in Balochistan province, taking vaccines to communities instead of "
            "waiting for them to reach a clinic.",
            "The communities in these border areas are hard to get to, and health services "
            "have often passed them by. For many families, an outreach visit is the most "
            "realistic chance for their children to be vaccinated.",
            "The work involves more than giving injections. Vaccinators explain what each "
            "vaccine is for, answer parents' questions and agree when they will return, so "
            "that children can complete their vaccinations.",
            "Over time, this steady presence builds the trust that brings families forward "
            "again and again.",
        ],
        "image": {
            "theme": "immunization",
            "alt": "Illustration of a small health post with people waiting under a canopy",
            "caption": (
                "A Pakistan Red Crescent vaccinator conducts outreach in Balochistan, January 2020."
            ),
        },
        "consent_recorded": True,
    },
    {
        "slug": "philippines-polio-campaign-volunteers",
        "title": "House by house: supporting the polio campaign in the Philippines",
        "national_society": "philippine-red-cross",
        "country": "PH",
        "programme": "immunization",
        "date": "2020-01-15",
        "summary": (
            "Philippine Red Cross volunteers visit homes in Metro Manila and Mindanao to help "
            "every child under five receive the oral polio vaccine."
        ),
        "body": [
            "When the government launched its polio vaccination campaign, the Philippine Red "
            "Cross mobilised a large group of volunteers to support it.",
            "Working in Metro Manila and in Mindanao, volunteers go from door to door. At "
            "each house they ask whether the children under five have been given the oral "
            "polio vaccine, and they help make sure that those who have not are reached.",
            "Door-to-door work is the surest way to find children who would otherwise slip "
            "through, whether they live in crowded city blocks or in scattered rural "
            "settlements.",
            "This is one example of vaccination campaigns combined with social mobilisation: "
            "volunteers not only help to deliver vaccines, but also talk with families and "
            "encourage them to take part.",
        ],
        "image": {
            "theme": "city",
            "alt": "Illustration of apartment blocks along a street by day, with people walking",
            "caption": "Philippine Red Cross volunteers check on children in Metro Manila.",
        },
        "consent_recorded": True,
    },
    {
        "slug": "sierra-leone-ebola-stigma-conversations",
        "title": "Open conversations about Ebola on the Sierra Leone–Liberia border",
        "national_society": "sierra-leone-red-cross",
        "country": "SL",
        "programme": "immunization",
        "date": "2018-02-19",
        "summary": (
            "Red Cross volunteers talk with villagers about preventing Ebola and about the "
            "stigma that can follow people affected by the disease."
        ),
        "body": [
            "In a village on the border between Sierra Leone and Liberia, Red Cross "
            "volunteers hold discussions with residents about Ebola.",
            "The conversations cover how the disease spreads and how to prevent it. They "
            "also tackle a harder subject: the stigma that survivors, their families and "
            "health workers can face.",
            "Stigma is more than unkind. It can lead people to hide symptoms or avoid health "
            "services, which makes it easier for disease to spread. Addressing it openly is "
            "part of protecting the whole community.",
            "This kind of community engagement builds the trust that all health "
            "programmes, vaccination included, depend on.",
        ],
        "image": {
            "theme": "community",
            "alt": "Illustration of a group of villagers standing together in front of houses",
            "caption": "Volunteers lead a discussion about Ebola in a border village.",
        },
        "consent_recorded": True,
    },
    {
        "slug": "guinea-community-based-surveillance",
        "title": "Keeping watch in Klalantou: community-based surveillance in Guinea",
        "national_society": "guinea-red-cross",
        "country": "GN",
        "programme": "immunization",
        "date": "2018-04-09",
        "summary": (
            "Red Cross Society of Guinea volunteers combine home visits with surveillance to "
            "stop the spread of Ebola in Forecariah."
        ),
        "body": [
            "Forecariah was one of the regions of Guinea hit by Ebola. In the village of "
            "Klalantou, a Red Cross Society of Guinea volunteer visits a family at home.",
            "These door-to-door visits have two aims. Volunteers share advice on how to "
            "prevent the disease, and they watch for signs of illness so that possible cases "
            "can be reported quickly.",
            "This is community-based surveillance: people from the community, trained by the "
            "National Society, acting as an early warning system for the health authorities.",
            "The same approach can be used for other diseases, including those that vaccines "
            "prevent, so that outbreaks are spotted and answered sooner.",
        ],
        "image": {
            "theme": "community",
            "alt": (
                "Illustration of a group of people in front of village houses, beside a large tree"
            ),
            "caption": "A volunteer speaks with a family in Klalantou, Forecariah.",
        },
        "consent_recorded": True,
    },
    {
        "slug": "syria-mobile-health-clinic",
        "title": "A mobile clinic brings check-ups to families south of Damascus",
        "national_society": "syrian-arab-red-crescent",
        "country": "SY",
        "programme": "immunization",
        "date": "2019-06-24",
        "summary": (
            "Syrian Arab Red Crescent mobile health clinics make regular stops where services "
            "are hard to reach, including near a school south of Damascus."
        ),
        "body": [
            "A Syrian Arab Red Crescent mobile health clinic stops on a regular schedule beside a "
            "school a short way south of Damascus. On one of these visits, a doctor gives a baby "
            "a health check-up.",
            "Mobile clinics take care to where people are. For families who would struggle "
            "to reach a health facility, a clinic that arrives at a familiar place on a "
            "regular schedule can make all the difference.",
            "In some countries, National Societies include vaccination in a wider package of "
            "primary care. Mobile clinics are one of the ways that care reaches communities.",
        ],
        "image": {
            "theme": "immunization",
            "alt": "Illustration of a clinic with a striped awning and a queue of people",
            "caption": "The mobile clinic stops regularly near a school south of Damascus.",
        },
        "consent_recorded": True,
    },
    {
        "slug": "somaliland-polio-vaccination-in-emergencies",
        "title": "Protecting children from polio in rural Somaliland",
        "national_society": "somali-red-crescent",
        "country": "SO",
        "programme": "immunization",
        "date": "2019-03-11",
        "summary": (
            "Somali Red Crescent Society volunteers give oral polio vaccine in rural villages, "
            "keeping vaccination going through emergencies."
        ),
        "body": [
            "In a village in the Somaliland countryside, a Somali Red Crescent Society volunteer "
            "gives a young girl the oral polio vaccine.",
            "Emergencies such as drought and displacement can interrupt vaccination just when "
            "children are most at risk. Clinics may be far away, and families may be on the "
            "move.",
            "Volunteers who live in or near these villages can keep vaccination going. They "
            "know the families, can tell them when vaccines are available and can find the "
            "children who have been missed.",
        ],
        "image": {
            "theme": "landscape",
            "alt": "Illustration of green countryside with trees, snow-capped mountains and birds",
            "caption": "A volunteer gives oral polio vaccine in rural Somaliland.",
        },
        "consent_recorded": True,
    },
    {
        "slug": "somalia-volunteers-polio-transition",
        "title": "Volunteers at the centre of Somalia's polio transition",
        "national_society": "somali-red-crescent",
        "country": "SO",
        "programme": "immunization",
        "date": "2020-10-05",
        "summary": (
            "As polio funding changes, Somali Red Crescent volunteers can help keep vaccines "
            "reaching mobile and displaced families."
        ),
        "body": [
            "The polio programme has supported much of the immunization work in Somalia. As "
            "it goes through transition, there is a risk that the families who are hardest to "
            "reach will be the first to be missed.",
            "The 2020 assessment of polio transition in Somalia points to the Somali Red "
            "Crescent Society's community volunteers, in Somaliland, Puntland and other "
            "regions, as a strength to build on.",
            "Volunteers come from the communities they serve. They can follow families who "
            "move with their livestock or have been displaced, spot children who have missed "
            "doses, and explain vaccination in a way people trust.",
        ],
        "image": {
            "theme": "landscape",
            "alt": "Illustration of green hills and scattered trees below distant mountains",
            "caption": "Volunteers can help vaccination follow families on the move.",
        },
        "consent_recorded": True,
    },
    {
        "slug": "bangladesh-measles-campaign-2005",
        "title": "Working with communities on a mass measles campaign in Bangladesh",
        "national_society": "american-red-cross",
        "country": "BD",
        "programme": "immunization",
        "date": "2018-09-03",
        "summary": (
            "In 2005 the American Red Cross delivered a mass measles vaccination campaign in "
            "Bangladesh together with local communities."
        ),
        "body": [
            "In 2005, the American Red Cross ran a mass measles vaccination campaign in "
            "Bangladesh, working with communities throughout.",
            "Measles spreads fast, and large campaigns are one of the main tools for "
            "stopping outbreaks and protecting children who have not been vaccinated.",
            "Involving communities helps a campaign succeed. Local people know where "
            "families live, which times suit them and which concerns need answering.",
            "The campaign is an example of the federation's outbreak response work, in which "
            "National Societies help health authorities act quickly when disease strikes.",
        ],
        "image": {
            "theme": "immunization",
            "alt": "Illustration of a health centre among trees with people lining up outside",
            "caption": "The 2005 measles campaign in Bangladesh was delivered with communities.",
        },
        "consent_recorded": True,
    },
    # Migration ---------------------------------------------------------------------------
    {
        "slug": "greece-from-camps-to-homes",
        "title": "From a container to a front door: housing families in Thessaloniki",
        "national_society": "hellenic-red-cross",
        "country": "GR",
        "programme": "migration",
        "date": "2017-06-12",
        "summary": (
            "Two Palestinian-Syrian families who met in Turkey now share a house in "
            "Thessaloniki after living in temporary shelter."
        ),
        "body": [
            "For most migrants in Greece, a tent or a container has been home for well over a "
            "year. These shelters are not suitable for long-term living, least of all in very hot "
            "or very cold weather.",
            "Salah and Abu Nidal are Palestinian-Syrians; Salah's home city is Damascus and "
            "Abu Nidal's is Homs. Each fled the war in Syria to keep his family safe. The two "
            "men first crossed paths in Turkey, and their families have been inseparable ever "
            "since.",
            "Both families have now been given proper housing: a two-storey house in the "
            "city of Thessaloniki itself. Salah shares it with his mother-in-law and his wife, "
            "who is expecting a baby. Abu Nidal lives there with his wife, who is also "
            "pregnant, and the couple's three children.",
            "Their story shows what a move from temporary shelter to a real home can mean, "
            "and why the Red Cross argues that no family should be left in emergency "
            "shelter for longer than necessary.",
        ],
        "image": {
            "theme": "city",
            "alt": "Illustration of apartment blocks with lit windows at dusk above a quiet street",
            "caption": "Salah's and Abu Nidal's families now live in urban Thessaloniki.",
        },
        "consent_recorded": True,
    },
    {
        "slug": "tunisia-medenine-hosting-returnees",
        "title": "A place to wait: the Medenine branch hosts migrants returning from Libya",
        "national_society": "tunisian-red-crescent",
        "country": "TN",
        "programme": "migration",
        "date": "2017-06-26",
        "summary": (
            "The Tunisian Red Crescent in Medenine shelters 160 migrants who came back from "
            "Libya when their attempts to reach Europe did not succeed."
        ),
        "body": [
            "Medenine, in southern Tunisia, has become a stopping point for migrants on their "
            "way home from Libya after they were unable to cross the Mediterranean to "
            "Europe.",
            "The Tunisian Red Crescent's Medenine branch is hosting 160 of them while they "
            "wait for visas to return to their countries of origin.",
            "Abdoulie is one of many young African men who hoped to find work in Europe. "
            "His goal was to earn enough for his wife and their four children to live "
            "better.",
            "For people in this situation, a safe place to wait is essential. It gives them "
            "time to rest and to prepare for the journey home.",
        ],
        "image": {
            "theme": "camp",
            "alt": "Illustration of small shelters in rows on rolling ground under a clear sky",
            "caption": "The Medenine branch is hosting 160 migrants returned from Libya.",
        },
        "consent_recorded": True,
    },
    {
        "slug": "netherlands-sewing-and-belonging",
        "title": "Needle and thread: a neighbour's lessons for migrant women in The Hague",
        "national_society": "netherlands-red-cross",
        "country": "NL",
        "programme": "migration",
        "date": "2017-07-17",
        "summary": (
            "Ahlem Özdemir, a seamstress from Moerwijk, has spent ten years teaching migrant "
            "women to make and alter clothes."
        ),
        "body": [
            "Moerwijk, close to The Hague, is a neighbourhood where many cultures meet. It is "
            "home to Ahlem Özdemir, a skilled seamstress.",
            "For ten years she has devoted two days each week to showing migrant women how "
            "to make their own clothes and alter others.",
            "In 2016 she won the Culture category of the 'Hero of The Hague' awards for this work.",
            "Her story reflects what social inclusion programmes try to achieve: newcomers "
            "and long-standing residents meeting, learning from one another and building a "
            "community where everyone has a place.",
        ],
        "image": {
            "theme": "portrait",
            "alt": (
                "Illustration of a smiling woman with her hair in a bun, shown from the shoulders "
                "up"
            ),
            "caption": "Ahlem Özdemir teaches migrant women to sew two days a week.",
        },
        "consent_recorded": True,
    },
    {
        "slug": "bangladesh-kutupalong-psychosocial-support",
        "title": "Young volunteers support new arrivals in Kutupalong",
        "national_society": "bangladesh-red-crescent",
        "country": "BD",
        "programme": "migration",
        "date": "2017-08-14",
        "summary": (
            "Bangladesh Red Crescent youth volunteers give psychosocial support to people "
            "newly arrived from Rakhine State in Myanmar."
        ),
        "body": [
            "Tamjid Hossen Naim is 25 and volunteers with the Bangladesh Red Crescent "
            "Society. Every day he makes his way along the muddy paths and over the hills of "
            "the Kutupalong settlement.",
            "He is part of a team of around two dozen young volunteers who offer "
            "psychosocial support to people who have just arrived from Rakhine State, in the "
            "north of Myanmar.",
            "Arriving in a crowded settlement after a frightening journey is overwhelming, "
            "especially for children. Volunteers listen, share information and help people "
            "find the services they need.",
            "The National Society's work with children on the move is described in more "
            "detail in the case study 'Protecting children on the move in Bangladesh'.",
        ],
        "image": {
            "theme": "camp",
            "alt": (
                "Illustration of rows of tents and shelters on a sandy hillside, with people in "
                "front"
            ),
            "caption": "Youth volunteers walk the paths of the Kutupalong settlement each day.",
        },
        "consent_recorded": True,
    },
    {
        "slug": "syria-restoring-family-links",
        "title": "Helping families separated by conflict to find each other",
        "national_society": "syrian-arab-red-crescent",
        "country": "SY",
        "programme": "migration",
        "date": "2018-05-28",
        "summary": (
            "Working with the ICRC, National Societies help people trace missing relatives, "
            "exchange news and reunite where possible."
        ),
        "body": [
            "War and displacement separate families. People flee in different directions, "
            "lose their phones or cannot return to the places where relatives would look for "
            "them.",
            "Restoring family links services exist for exactly this. National Societies "
            "work with the ICRC (International Committee of the Red Cross) to help people "
            "search for relatives, to send news and, where possible, to be reunited.",
            "Because the Red Cross and Red Crescent network reaches into almost every "
            "country, a request made in one place can be followed up wherever the missing "
            "person may now be.",
        ],
        "image": {
            "theme": "migration",
            "alt": (
                "Illustration of a coastal road at sunset, with people walking and a boat at sea"
            ),
            "caption": "Restoring family links services help separated relatives trace each other.",
        },
        "consent_recorded": True,
    },
]

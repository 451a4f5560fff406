"""The offer's demo content in Dutch, the source language.

Facts (steps, rules, durations, figures, partner names) come from the public texts in
the project's domain notes; the wording is our own. The employers, the temp agency and
their vacancies are invented. Dates are given in days relative to the day the seed first
runs. Every Dutch string needs a translation in `programmes/demo/translations.py`.
"""

# Traineeship types, keyed by the name the programmes below use for them.
TRAINEESHIP_TYPES = {
    "ibo": {
        "abbreviation": "IBO",
        "name": "Individuele beroepsopleiding",
        "description": (
            "Je leert een job op de werkvloer, met een opleidingsplan dat VDAB goedkeurt. "
            "Daarna neemt de werkgever je in dienst, minstens even lang als de opleiding "
            "duurde."
        ),
        "min_duration_days": 28,
        "max_duration_days": 182,  # 26 weeks
        "employment_after": True,
        "paid": True,
    },
    "bis": {
        "abbreviation": "BIS",
        "name": "Beroepsinlevingsstage",
        "description": (
            "Een betaalde stage van 4 tot 26 weken; vroeger heette ze BIO. De werkgever "
            "ziet wat je kunt, maar hoeft je daarna niet aan te werven."
        ),
        "min_duration_days": 28,
        "max_duration_days": 182,
        "employment_after": False,
        "paid": True,
    },
    "kennismaking": {
        "abbreviation": "",
        "name": "Kennismakingsstage",
        "description": (
            "Een korte stage van 1 tot 30 dagen, zonder vergoeding. Jij en de werkgever "
            "leren elkaar kennen en ontdekken welke taken bij je passen."
        ),
        "min_duration_days": 1,
        "max_duration_days": 30,
        "employment_after": False,
        "paid": False,
    },
    "korte-opleiding": {
        "abbreviation": "",
        "name": "Korte opleiding met stage",
        "description": (
            "Een korte opleiding bij een werkgever van hoogstens vijf dagen, zonder "
            "vergoeding. Zo proef je van een job voor je begint."
        ),
        "min_duration_days": 1,
        "max_duration_days": 5,
        "employment_after": False,
        "paid": False,
    },
}

PARTNER_INDEX = {
    "title": "Partners",
    "slug": "partners",
    "intro": (
        "Deze organisaties werken samen om je naar werk te begeleiden: de stad, de "
        "arbeidsbemiddeling, coaches, scholen en werkgevers."
    ),
}

# Real organisations have no website here: we do not guess their addresses. Employers
# marked "jobroad" take part in the JobRoad matchmaking: their vacancies use blind hiring.
PARTNERS = [
    {
        "slug": "international-house-leuven",
        "title": "International House Leuven",
        "type": "non_profit",
        "summary": "Het onthaalpunt voor internationals die in Leuven wonen en werken.",
        "description": [
            "Bij International House Leuven kun je terecht met vragen over wonen, werken "
            "en leven in Leuven. Het huis organiseert ook het Jumpstart Café, samen met de "
            "stad en Talent Interlock.",
        ],
    },
    {
        "slug": "stad-leuven",
        "title": "Stad Leuven",
        "type": "city",
        "summary": "De stad wil dat elk talent in Leuven aan de slag kan.",
        "description": [
            "De stad brengt werkgevers, begeleiders en werkzoekenden samen. Ze steunt het "
            "Jumpstart Café en het matchmakingtraject met JobRoad.",
        ],
    },
    {
        "slug": "talent-interlock",
        "title": "Talent Interlock",
        "type": "coaching",
        "summary": (
            "Coaches die internationals helpen hun plaats op de Belgische arbeidsmarkt te vinden."
        ),
        "description": [
            "De coaches van Talent Interlock begeleiden de sessies van het Jumpstart Café. "
            "Ze geven tips over solliciteren, netwerken en je loopbaan in België.",
        ],
    },
    {
        "slug": "vdab",
        "title": "VDAB",
        "type": "employment_service",
        "summary": "De Vlaamse dienst voor arbeidsbemiddeling en beroepsopleiding.",
        "description": [
            "VDAB helpt werkzoekenden aan een job of een opleiding. Het coördineert "
            "@level2work en kijkt na wie kan meedoen aan Level@work.",
        ],
    },
    {
        "slug": "agentschap-integratie-inburgering",
        "title": "Agentschap Integratie en Inburgering",
        "type": "non_profit",
        "summary": "Het Vlaamse agentschap dat nieuwkomers wegwijs maakt in de samenleving.",
        "description": [
            "Het agentschap begeleidt nieuwkomers bij hun inburgering, onder meer met "
            "lessen over de samenleving. Het werkt mee aan @level2work en Level@work.",
        ],
    },
    {
        "slug": "ocmw-leuven",
        "title": "OCMW Leuven",
        "type": "social_service",
        "summary": "Het openbaar centrum voor maatschappelijk welzijn van Leuven.",
        "description": [
            "De jobcoaches van het OCMW stellen kandidaten voor aan de bedrijven van "
            "JobRoad. Via een job bij het OCMW kun je ook werkervaring opdoen.",
        ],
    },
    {
        "slug": "jobroad",
        "title": "JobRoad",
        "type": "non_profit",
        "summary": (
            "Een internationale vzw die werkzoekenden en bedrijven met openstaande "
            "vacatures samenbrengt."
        ),
        "description": [
            "JobRoad zet samen met de stad een matchmakingtraject op. Bedrijven beloven "
            "elke voorgestelde kandidaat uit te nodigen voor een gesprek, zonder cv.",
        ],
    },
    {
        "slug": "cvo-leuven",
        "title": "CVO Leuven",
        "type": "language_school",
        "summary": "Een centrum voor volwassenenonderwijs met lessen Nederlands als tweede taal.",
        "description": [
            "Je leert er Nederlands op je eigen tempo, overdag, 's avonds of online. "
            "Sommige lessen gaan over taal op de werkvloer.",
        ],
    },
    {
        "slug": "dijleland-interim",
        "title": "Dijleland Interim",
        "type": "temp_agency",
        "website": "https://example.org/dijleland-interim",
        "summary": "Een uitzendkantoor in Leuven voor tijdelijk en vast werk.",
        "description": [
            "Dijleland Interim stelt kandidaten voor aan de bedrijven van JobRoad. Met "
            "uitzendwerk begin je snel, en vaak volgt er later een vast contract.",
        ],
    },
    {
        "slug": "zorgnet-dijle",
        "title": "Zorgnet Dijle",
        "type": "employer",
        "website": "https://example.org/zorgnet-dijle",
        "jobroad": True,
        "summary": "Woonzorgcentra en thuiszorg in en rond Leuven.",
        "description": [
            "Zorgnet Dijle zoekt mensen die graag voor anderen zorgen. De eerste weken "
            "werk je samen met een vaste collega die je wegwijs maakt.",
        ],
        "vacancies": [
            {
                "slug": "zorgkundige-thuiszorg",
                "title": "Zorgkundige thuiszorg",
                "summary": "Je helpt ouderen thuis bij hun dagelijkse verzorging.",
                "description": [
                    "Je bezoekt elke dag vaste cliënten in Leuven en omgeving. Je helpt bij "
                    "wassen, aankleden en eten. Je werkt in een klein team met een "
                    "verpleegkundige.",
                ],
                "eqf_level": 4,
                "languages": [("nl", "b1")],
                "location": "Leuven",
                "working_time": "full_time",
                "hours_per_week": 38,
            },
            {
                "slug": "logistiek-medewerker-woonzorgcentrum",
                "title": "Logistiek medewerker woonzorgcentrum",
                "summary": "Je zorgt dat linnen, maaltijden en materiaal op tijd klaarstaan.",
                "description": [
                    "Je werkt in een woonzorgcentrum in Heverlee. Je vult de voorraden aan "
                    "en brengt de maaltijden rond.",
                ],
                "eqf_level": 2,
                "languages": [("nl", "a2")],
                "location": "Heverlee",
                "working_time": "part_time",
                "hours_per_week": 30,
            },
        ],
    },
    {
        "slug": "brugwerk-ingenieurs",
        "title": "Brugwerk Ingenieurs",
        "type": "employer",
        "website": "https://example.org/brugwerk-ingenieurs",
        "summary": "Een ingenieursbureau voor bruggen, tunnels en waterwerken.",
        "description": [
            "Brugwerk Ingenieurs ontwerpt infrastructuur voor steden en gemeenten. Het "
            "team is internationaal en spreekt vaak Engels.",
        ],
        "vacancies": [
            {
                "slug": "projectingenieur-infrastructuur",
                "title": "Projectingenieur infrastructuur",
                "summary": "Je rekent constructies door en volgt de werven op.",
                "description": [
                    "Je maakt berekeningen voor bruggen en kademuren. Je overlegt met "
                    "aannemers en gaat mee op werfbezoek.",
                    "Je hebt een diploma van ingenieur. Het hoeft niet erkend te zijn in België.",
                ],
                "eqf_level": 7,
                "languages": [("en", "b2"), ("nl", "a2")],
                "location": "Leuven",
                "working_time": "full_time",
                "hours_per_week": 40,
            },
            {
                "slug": "bim-tekenaar",
                "title": "BIM-tekenaar",
                "summary": "Je maakt digitale 3D-modellen van de ontwerpen.",
                "description": [
                    "Je werkt nauw samen met de ingenieurs. Je zet hun schetsen om in "
                    "modellen en plannen. Deze vacature is ingevuld.",
                ],
                "eqf_level": 5,
                "languages": [("en", "b1"), ("nl", "a2")],
                "location": "Leuven",
                "working_time": "full_time",
                "hours_per_week": 38,
                "is_open": False,
            },
        ],
    },
    {
        "slug": "bitvlinder",
        "title": "Bitvlinder",
        "type": "employer",
        "website": "https://example.org/bitvlinder",
        "summary": "Een softwarebedrijf dat apps bouwt voor scholen en zorgorganisaties.",
        "description": [
            "Bitvlinder is een klein bedrijf met een open sfeer. Je collega's komen uit "
            "zes verschillende landen.",
        ],
        "vacancies": [
            {
                "slug": "python-ontwikkelaar",
                "title": "Python-ontwikkelaar",
                "summary": "Je bouwt en onderhoudt webtoepassingen.",
                "description": [
                    "Je schrijft code in Python, test je werk en bespreekt het met je team. "
                    "Je kunt twee dagen per week thuiswerken.",
                ],
                "eqf_level": 6,
                "languages": [("en", "b2")],
                "location": "Heverlee",
                "working_time": "full_time",
                "hours_per_week": 38,
            },
        ],
    },
    {
        "slug": "karrewiel-logistiek",
        "title": "Karrewiel Logistiek",
        "type": "employer",
        "website": "https://example.org/karrewiel-logistiek",
        "jobroad": True,
        "summary": "Een distributiecentrum voor voeding en drank in Haasrode.",
        "description": [
            "Karrewiel Logistiek doet mee aan het matchmakingtraject van JobRoad. Het "
            "bedrijf nodigt elke voorgestelde kandidaat uit voor een gesprek.",
        ],
        "vacancies": [
            {
                "slug": "magazijnmedewerker",
                "title": "Magazijnmedewerker",
                "summary": "Je verzamelt bestellingen en maakt ze klaar voor transport.",
                "description": [
                    "Je werkt met een handscanner en leert met een heftruck rijden. Je "
                    "werkt in een vroege of een late ploeg.",
                ],
                "eqf_level": 2,
                "languages": [("nl", "a2")],
                "location": "Haasrode",
                "working_time": "full_time",
                "hours_per_week": 38,
            },
            {
                "slug": "transportplanner",
                "title": "Transportplanner",
                "summary": (
                    "Je plant de ritten van de vrachtwagens en houdt contact met de chauffeurs."
                ),
                "description": [
                    "Je zoekt de beste route en lost problemen op als een levering vertraging "
                    "heeft. Ervaring met planning is mooi meegenomen.",
                ],
                "eqf_level": 5,
                "languages": [("nl", "b1"), ("en", "b1")],
                "location": "Haasrode",
                "working_time": "full_time",
                "hours_per_week": 38,
            },
        ],
    },
    {
        "slug": "het-groene-lint",
        "title": "Gasthof Het Groene Lint",
        "type": "employer",
        "website": "https://example.org/het-groene-lint",
        "jobroad": True,
        "summary": "Een hotel met restaurant aan de rand van Leuven.",
        "description": [
            "In Gasthof Het Groene Lint werken mensen uit veel landen samen. Nieuwe "
            "collega's leren het vak op de werkvloer.",
        ],
        "vacancies": [
            {
                "slug": "keukenmedewerker",
                "title": "Keukenmedewerker",
                "summary": "Je helpt de kok bij de voorbereiding en houdt de keuken proper.",
                "description": [
                    "Je snijdt groenten, maakt sauzen klaar en helpt bij de afwas. Je werkt "
                    "ook in het weekend en hebt vrije dagen in de week.",
                ],
                "eqf_level": 2,
                "languages": [("nl", "a1")],
                "location": "Wilsele",
                "working_time": "part_time",
                "hours_per_week": 24,
            },
        ],
    },
    {
        "slug": "meridiaan-labs",
        "title": "Meridiaan Labs",
        "type": "employer",
        "website": "https://example.org/meridiaan-labs",
        "summary": "Een onafhankelijk onderzoekslabo voor voedselveiligheid.",
        "description": [
            "Meridiaan Labs onderzoekt stalen voor bedrijven en overheden. Het team werkt "
            "in het Engels en het Nederlands.",
        ],
        "vacancies": [
            {
                "slug": "onderzoeker-data-analyse",
                "title": "Onderzoeker data-analyse",
                "summary": "Je analyseert meetresultaten en schrijft er rapporten over.",
                "description": [
                    "Je werkt met statistische software en bespreekt de resultaten met "
                    "klanten. Je hebt een master of een doctoraat in de wetenschappen.",
                ],
                "eqf_level": 7,
                "languages": [("en", "c1"), ("nl", "a2")],
                "location": "Heverlee",
                "working_time": "full_time",
                "hours_per_week": 38,
            },
            {
                "slug": "laborant",
                "title": "Laborant",
                "summary": "Je voert analyses uit in het labo, volgens vaste procedures.",
                "description": [
                    "Je maakt stalen klaar, bedient de toestellen en noteert de resultaten "
                    "nauwkeurig.",
                ],
                "eqf_level": 5,
                "languages": [("nl", "b1"), ("en", "b1")],
                "location": "Heverlee",
                "working_time": "part_time",
                "hours_per_week": 30,
            },
        ],
    },
]

VACANCY_INDEX = {
    "title": "Vacatures",
    "slug": "vacatures",
    "intro": (
        "Open jobs bij werkgevers die met onze partners samenwerken. Bij sommige jobs "
        "stuur je geen cv: je krijgt meteen een gesprek."
    ),
}

PROGRAMME_INDEX = {
    "title": "Programma's",
    "slug": "programmas",
    "intro": (
        "Kies het traject dat bij je past: begeleiding naar werk op je niveau, coaching "
        "of een gesprek met een werkgever zonder cv."
    ),
}

# "window": days before (negative) or after the first seed that applications open and
# close; None is no date.
PROGRAMMES = [
    {
        "slug": "level2work",
        "title": "@level2work",
        "summary": (
            "Ben je hoogopgeleid en woon je nog maar kort in België? @level2work helpt je "
            "aan werk op het niveau van je diploma."
        ),
        "audience": [
            "Het programma is voor nieuwkomers van buiten de Europese Unie die hoogstens "
            "vijf jaar in België wonen. Je hebt minstens een bachelordiploma uit je "
            "herkomstland.",
            "Je diploma hoeft niet erkend te zijn in België. Je hoeft ook nog geen "
            "Nederlands te spreken.",
        ],
        "intake": {
            "reference_code": "L2W",
            "offers_path_choice": True,
            "asks_referral": False,
            "certificate_signatory": "Els Vermeulen",
            "certificate_signatory_role": "Programmacoördinator",
        },
        "rules": {
            "max_years_in_belgium": 5,
            "origin_rule": "outside_eu",
            "min_eqf_level": 6,
            "diploma_recognition_required": False,
        },
        "languages": [],
        "pathway": [
            ("Aanmelden", "Je meldt je aan via het digitale loket of aan het contactpunt."),
            (
                "Kennismaken",
                "Een begeleider van VDAB bespreekt met jou je diploma, je ervaring en je doelen.",
            ),
            (
                "Nederlands en loopbaan",
                "Je volgt lessen Nederlands die samengaan met begeleiding bij je loopbaan.",
            ),
            (
                "Ervaring opdoen",
                "Je leert een werkgever kennen, met een mentor, een kennismakingsstage of "
                "een betaalde beroepsinlevingsstage (BIS).",
            ),
            (
                "Aan het werk",
                "Samen zoeken we een job op je niveau. We volgen je op in de eerste maanden.",
            ),
        ],
        "traineeships": ["bis", "kennismaking", "ibo"],
        "partners": [
            ("vdab", "coordinator"),
            ("agentschap-integratie-inburgering", "integration"),
            ("international-house-leuven", "welcome"),
            ("cvo-leuven", "language_classes"),
        ],
        "key_figures": [
            ("1.175", "hoogopgeleide anderstaligen bereikt"),
            ("110", "nationaliteiten"),
            ("bijna 40%", "aan het werk"),
            ("38,9%", "werkte na een jaar op het eigen niveau"),
        ],
        "faq": [
            (
                "Moet mijn diploma erkend zijn?",
                "Nee. Een diploma van minstens bachelorniveau volstaat, erkend of niet. Je "
                "begeleider helpt je wel met een erkenning als je job dat vraagt.",
            ),
            (
                "Wat is een IBO?",
                "Een individuele beroepsopleiding (IBO) is een opleiding op de werkvloer "
                "van hoogstens 26 weken. Daarna neemt de werkgever je in dienst, minstens "
                "even lang als de opleiding duurde.",
            ),
            (
                "Ik woon al langer dan vijf jaar in België. Wat nu?",
                "Dan kun je niet meedoen aan @level2work. Kom langs aan het contactpunt: we "
                "zoeken samen een ander traject.",
            ),
        ],
        "window": (-60, 90),
    },
    {
        "slug": "level-at-work",
        "title": "Level@work",
        "summary": (
            "Een coachingtraject voor hoogopgeleide nieuwkomers. Met een mentor werk je "
            "naar een job of een aanvullend diploma."
        ),
        "audience": [
            "Voor nieuwkomers van buiten de Europese Unie met een bachelor- of "
            "masterdiploma, die hoogstens vijf jaar in België wonen.",
            "Je spreekt al wat Nederlands, minstens op niveau A2. Zo kun je de lessen en "
            "de gesprekken volgen.",
        ],
        "intake": {
            "reference_code": "LAW",
            "offers_path_choice": True,
            "asks_referral": False,
            "certificate_signatory": "Els Vermeulen",
            "certificate_signatory_role": "Programmacoördinator",
        },
        "rules": {
            "max_years_in_belgium": 5,
            "origin_rule": "outside_eu",
            "min_eqf_level": 6,
            "diploma_recognition_required": False,
        },
        "languages": [("nl", "a2")],
        "pathway": [
            ("Aanmelding", "Je meldt je aan via het e-loket."),
            ("Screening", "VDAB kijkt na of je aan de voorwaarden voldoet."),
            (
                "Je programma",
                "Samen kies je een leertraject naar een diploma of een loopbaantraject naar "
                "een job.",
            ),
            (
                "Oriëntatie op de samenleving",
                "Je leert hoe de Belgische samenleving en de arbeidsmarkt werken.",
            ),
            (
                "Oriëntatie op een job of diploma",
                "Een mentor helpt je kiezen: een job in een bedrijf of een opleiding die je "
                "diploma aanvult.",
            ),
            (
                "Jobcoaching",
                "Alleen en in groep oefen je sollicitatiegesprekken, je voorstelling en je "
                "sollicitatiebrief.",
            ),
        ],
        "traineeships": ["kennismaking", "bis", "ibo"],
        "partners": [
            ("agentschap-integratie-inburgering", "orientation"),
            ("vdab", "screening"),
            ("cvo-leuven", "education"),
            ("brugwerk-ingenieurs", "employer"),
            ("meridiaan-labs", "employer"),
        ],
        "key_figures": [],
        "faq": [
            (
                "Waarom kan ik me nu niet aanmelden?",
                "Een nieuwe groep start pas als de vorige klaar is. Laat je gegevens achter "
                "aan het contactpunt, dan hoor je wanneer je je weer kunt aanmelden.",
            ),
        ],
        "window": (-150, -30),
    },
    {
        "slug": "jobroad-matchmaking",
        "title": "JobRoad-matchmaking",
        "summary": (
            "Bedrijven met open vacatures ontmoeten werkzoekenden, zonder cv. Je "
            "begeleider stelt je voor."
        ),
        "audience": [
            "Voor werkzoekenden die moeilijk de weg naar werk vinden. Je herkomst en je "
            "diploma spelen geen rol.",
            "Een begeleider meldt je aan: van het OCMW, VDAB, een partnerorganisatie of "
            "een uitzendkantoor.",
        ],
        "intake": {
            "reference_code": "JR",
            "offers_path_choice": False,
            "asks_referral": True,
            "certificate_signatory": "Els Vermeulen",
            "certificate_signatory_role": "Programmacoördinator",
        },
        "rules": {
            "max_years_in_belgium": None,
            "origin_rule": "any",
            "min_eqf_level": None,
            "diploma_recognition_required": False,
        },
        "languages": [],
        "pathway": [
            (
                "Kickstart",
                "Bedrijven stellen hun vacatures voor aan de begeleiders. Ze beloven elke "
                "voorgestelde kandidaat te ontmoeten, zonder cv.",
            ),
            (
                "Screening- en matchingdag",
                "We kijken naar je motivatie, hoe je leert, je ervaring en hoe je "
                "communiceert. Dan zoeken we een bedrijf dat bij je past.",
            ),
            (
                "Projectweek",
                "Je bezoekt de werkplek. Daarna heb je een gesprek met de personeelsdienst.",
            ),
            (
                "Nazorg",
                "Is er een match, dan begin je via het OCMW, werkplekleren of uitzendwerk. "
                "Een coach volgt je de eerste maanden op.",
            ),
        ],
        "traineeships": ["kennismaking", "korte-opleiding"],
        "partners": [
            ("jobroad", "organiser"),
            ("stad-leuven", "co_organiser"),
            ("ocmw-leuven", "referrer"),
            ("vdab", "referrer"),
            ("dijleland-interim", "referrer"),
            ("zorgnet-dijle", "employer"),
            ("karrewiel-logistiek", "employer"),
            ("het-groene-lint", "employer"),
        ],
        "key_figures": [],
        "faq": [
            (
                "Heb ik een cv nodig?",
                "Nee. De bedrijven zien vooraf geen cv. Ze leren je kennen in een open gesprek.",
            ),
            (
                "Hoe meld ik me aan?",
                "Vraag het aan je begeleider bij het OCMW of VDAB. Heb je geen begeleider, "
                "kom dan langs aan het contactpunt.",
            ),
        ],
        "window": (None, None),
    },
]

CAFE_SERIES = {
    "title": "Jumpstart Café",
    "slug": "jumpstart-cafe",
    # Three evenings make the series certificate.
    "certificate_after_sessions": 3,
    "certificate_signatory": "Sofie Claes",
    "certificate_signatory_role": "Coördinator Jumpstart Café",
    "intro": (
        "Ontmoet andere internationals en leer hoe je je loopbaan in België op gang "
        "trekt. Ter plaatse in Leuven of online."
    ),
    "body": [
        ("heading", {"text": "Wat is het Jumpstart Café?", "level": "h2"}),
        (
            "paragraph",
            "<p>Een reeks avonden voor internationals die in Leuven wonen en werk zoeken. "
            "International House Leuven organiseert ze met de stad en de coaches van "
            "Talent Interlock.</p>",
        ),
        (
            "paragraph",
            "<p>Elke sessie heeft een thema, zoals de arbeidsmarkt, je netwerk of "
            "solliciteren. Je stelt je vragen en leert van de anderen.</p>",
        ),
        ("heading", {"text": "Inschrijven", "level": "h2"}),
        (
            "paragraph",
            "<p>Je schrijft je in per sessie. Is een sessie vol, dan kom je op de wachtlijst. "
            "Na elke sessie vind je de documenten en links op de pagina van die sessie.</p>",
        ),
    ],
}

# International House Leuven's street address is not in our sources: a placeholder.
CAFE_VENUE = {
    "venue_name": "International House Leuven",
    "venue_address": "Voorbeeldstraat 1, 3000 Leuven",
}
CAFE_HOSTS = [("international-house-leuven", "host"), ("talent-interlock", "coach")]
CAFE_STARTS, CAFE_ENDS = "18:30", "20:30"  # Europe/Brussels
# Sessions fall on the first Tuesday or Thursday on or after their "day" below.
CAFE_WEEKDAYS = (1, 3)
CAFE_TIME_ZONE = "Europe/Brussels"
# Registration opens this many days before a session and stays open until it starts.
REGISTRATION_OPENS_DAYS_BEFORE = 70

# "day": days before (negative) or after the first seed, moved to a café weekday.
CAFE_SESSIONS = [
    {
        "slug": "arbeidsmarkt-in-belgie",
        "title": "De arbeidsmarkt in België",
        "topic": "Hoe vind je werk in België?",
        "intro": "Hoe werkt de Belgische arbeidsmarkt, en waar vind je vacatures?",
        "body": [
            "We leggen uit welke diensten je helpen en welke jobs gezocht worden. Daarna "
            "praat je in kleine groepen met een coach.",
        ],
        "day": -60,
        "format": "in_person",
        "language": "en",
        "capacity": 25,
        "resources": [
            (
                "link",
                {
                    "url": "https://www.vdab.be/",
                    "title": "Vacatures bij VDAB",
                    "description": "De vacatures van de Vlaamse arbeidsbemiddeling.",
                },
            ),
            (
                "note",
                "<p>Veel bedrijven zoeken mensen in de zorg en de techniek. Ook in het Engels "
                "vind je vacatures.</p>",
            ),
        ],
    },
    {
        "slug": "netwerken-in-leuven",
        "title": "Je netwerk in Leuven",
        "topic": "Netwerken zonder schrik",
        "intro": "Hoe leg je contacten als je hier nog weinig mensen kent?",
        "body": [
            "Een coach geeft tips om jezelf kort voor te stellen. Daarna oefen je met de "
            "andere deelnemers.",
        ],
        "day": -45,
        "format": "online",
        "online_link": "https://meet.example.org/jumpstart-netwerken",
        "language": "en",
        "capacity": 25,
        "resources": [
            (
                "link",
                {
                    "url": "https://www.leuven.be/",
                    "title": "De website van de stad Leuven",
                    "description": "Activiteiten, verenigingen en vrijwilligerswerk.",
                },
            ),
            (
                "note",
                "<p>Begin bij de mensen die je al kent: buren, vrijwilligers, andere ouders "
                "op school. Vertel hun wat voor werk je zoekt.</p>",
            ),
        ],
    },
    {
        "slug": "cv-en-sollicitatiebrief",
        "title": "Je cv en sollicitatiebrief",
        "topic": "Een cv voor Belgische werkgevers",
        "intro": "Wat verwacht een Belgische werkgever in je cv en je brief?",
        "body": [
            "We bekijken voorbeelden en bespreken wat je beter weglaat. Breng gerust je "
            "eigen cv mee.",
        ],
        "day": -30,
        "format": "hybrid",
        "online_link": "https://meet.example.org/jumpstart-cv",
        "language": "en",
        "capacity": 25,
        "resources": [
            (
                "link",
                {
                    "url": "https://europass.europa.eu/",
                    "title": "Europass",
                    "description": "Maak gratis een cv in een Europees formaat.",
                },
            ),
            (
                "note",
                "<p>Houd je cv kort: twee pagina's is genoeg. Een foto is niet verplicht.</p>",
            ),
        ],
    },
    {
        "slug": "diploma-laten-erkennen",
        "title": "Je diploma laten erkennen",
        "topic": "Buitenlandse diploma's",
        "intro": "Wanneer heb je een erkenning nodig, en hoe vraag je die aan?",
        "body": [
            "We leggen het verschil uit tussen een erkenning van je niveau en een erkenning "
            "voor een bepaald beroep. Er is tijd voor je eigen vragen.",
        ],
        "day": 14,
        "format": "in_person",
        "language": "en",
        "capacity": 25,
    },
    {
        "slug": "sollicitatiegesprek-oefenen",
        "title": "Oefenen voor je sollicitatiegesprek",
        "topic": "Sollicitatiegesprekken",
        "intro": "Oefen in kleine groepen de vragen die werkgevers vaak stellen.",
        "body": [
            "Een coach speelt de werkgever. Je hoort meteen wat goed ging en wat beter kan.",
        ],
        "day": 28,
        "format": "online",
        "online_link": "https://meet.example.org/jumpstart-sollicitatie",
        "language": "en",
        "capacity": 25,
    },
    {
        "slug": "nederlands-aan-tafel",
        "title": "Nederlands aan tafel",
        "topic": "Nederlands praten over werk",
        "intro": "Een kleine tafel om in het Nederlands over je werk te praten.",
        "body": [
            "Deze sessie is in het Nederlands, op een rustig tempo. Er zijn maar twee "
            "plaatsen, zodat je veel aan het woord komt.",
        ],
        "day": 42,
        "format": "in_person",
        "language": "nl",
        "capacity": 2,
    },
    {
        "slug": "werken-als-zelfstandige",
        "title": "Werken als zelfstandige",
        "topic": "Je eigen zaak starten",
        "intro": "Wat heb je nodig om in België als zelfstandige te beginnen?",
        "body": [
            "Een ondernemer vertelt hoe ze in Leuven begon. We overlopen de eerste stappen "
            "en waar je hulp vindt.",
        ],
        "day": 56,
        "format": "hybrid",
        "online_link": "https://meet.example.org/jumpstart-zelfstandige",
        "language": "en",
        "capacity": 25,
    },
]


# The contact desk's agenda: (weekday with 0 = Monday, opens, closes, desks, languages).
APPOINTMENT_SCHEDULE = {
    "name": "Contactpunt Leuven",
    "slot_minutes": 30,
    "booking_horizon_days": 28,
    "minimum_notice_hours": 2,
    "weekly": [
        (1, "09:00", "12:30", 2, ["nl", "en", "fr"]),
        (3, "13:30", "17:00", 2, ["nl", "en", "ar"]),
        (4, "09:00", "12:00", 1, ["nl", "en", "uk"]),
    ],
    "closed_day": {"in_days": 21, "note": "Teamdag"},
}

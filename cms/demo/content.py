"""The demo site's pages in Dutch, the source language, and their translations.

Translations are keyed by the Dutch text they translate, which is how wagtail-localize
stores them (one string per field, block or paragraph). A Dutch string without a
translation stops `seed_demo` with a message naming it.
"""

HOME = {
    "title": "Opstap",
    "slug": "home",
    "intro": (
        "Werk op je niveau, ook in een nieuw land. Opstap brengt de programma's samen "
        "die nieuwkomers en werkzoekenden naar passend werk begeleiden."
    ),
    "body": [
        ("heading", {"text": "Wat we doen", "level": "h2"}),
        (
            "paragraph",
            "<p>Je vertelt ons wat je kunt en wat je zoekt. Samen kiezen we een traject: "
            "een netwerkcafé, begeleiding door een coach, een stage bij een werkgever of "
            "een gesprek met een bedrijf dat je kansen wil geven.</p>",
        ),
        (
            "key_figures",
            {
                "title": "Wat eerdere trajecten opleverden",
                "figures": [
                    {"value": "1.175", "label": "hoogopgeleide nieuwkomers bereikt"},
                    {"value": "110", "label": "nationaliteiten"},
                    {"value": "bijna 40%", "label": "vond werk"},
                ],
            },
        ),
        (
            "call_to_action",
            {
                "title": "Vragen? Kom naar het contactpunt",
                "text": (
                    "Je kunt langskomen, bellen of mailen. We helpen je verder in een taal "
                    "die je begrijpt."
                ),
                "page": "contact",
                "link_text": "Naar het contactpunt",
            },
        ),
    ],
}

CHILDREN = [
    {
        "type": "ContentPage",
        "title": "Eén loket",
        "slug": "een-loket",
        "show_in_menus": True,
        "intro": (
            "Eén digitaal loket en één contactpunt in de stad, zodat je niet zelf moet "
            "uitzoeken welke dienst wat doet."
        ),
        "body": [
            ("heading", {"text": "Waarom één loket?", "level": "h2"}),
            (
                "paragraph",
                "<p>Wie nieuw is in België, botst op veel deuren: de arbeidsbemiddeling, het "
                "integratiebeleid, het onderwijs, werkgevers. Elk heeft eigen regels en "
                "formulieren.</p>",
            ),
            (
                "paragraph",
                "<p>Via dit loket meld je je één keer aan. Daarna zoeken de partners samen "
                "met jou de juiste weg: taal, erkenning van je diploma, een mentor en een "
                "eerste werkervaring.</p>",
            ),
            ("heading", {"text": "Wie werkt mee?", "level": "h2"}),
            (
                "paragraph",
                "<p>De Vlaamse arbeidsbemiddeling, het agentschap voor integratie, "
                "onderwijspartners, de stad en werkgevers die nieuwkomers een kans willen "
                "geven.</p>",
            ),
            (
                "faq",
                {
                    "title": "Veelgestelde vragen",
                    "items": [
                        {
                            "question": "Moet ik al Nederlands spreken?",
                            "answer": "<p>Nee. We beginnen in een taal die je begrijpt en "
                            "helpen je Nederlands te leren naast je zoektocht naar werk.</p>",
                        },
                        {
                            "question": "Moet mijn diploma erkend zijn?",
                            "answer": "<p>Niet om te starten. We helpen je wel om erkenning "
                            "aan te vragen als dat je kansen vergroot.</p>",
                        },
                    ],
                },
            ),
        ],
    },
    {
        "type": "ContactDeskPage",
        "title": "Contactpunt",
        "slug": "contact",
        "show_in_menus": True,
        "intro": "Kom langs, bel of mail. We antwoorden binnen twee werkdagen.",
        "body": [
            (
                "paragraph",
                "<p>Heb je een vraag over een programma, een aanmelding of een café? Ook als "
                "je niet zeker weet of iets voor jou is, kun je bij ons terecht.</p>",
            ),
        ],
    },
    {
        "type": "NewsIndexPage",
        "title": "Nieuws",
        "slug": "nieuws",
        "show_in_menus": True,
        "intro": "Nieuwe sessies, trajecten en verhalen van deelnemers.",
        "body": [],
        "children": [
            {
                "type": "NewsPage",
                "title": "Het Jumpstart Café gaat weer van start",
                "slug": "jumpstart-cafe-start",
                "date": "2026-09-15",
                "intro": (
                    "Ontmoet andere internationals en leer hoe de Belgische arbeidsmarkt "
                    "werkt, ter plaatse of online."
                ),
                "body": [
                    (
                        "paragraph",
                        "<p>Het International House, de stad en coaches van Talent Interlock "
                        "organiseren opnieuw een reeks cafés. Je schrijft je in per datum.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Na elke bijeenkomst vind je de documenten en links van die sessie "
                        "op de website.</p>",
                    ),
                ],
            },
            {
                "type": "NewsPage",
                "title": "Stages om een werkgever te leren kennen",
                "slug": "stages-werkgever",
                "date": "2026-10-01",
                "intro": "Drie soorten stages helpen je een eerste werkervaring op te doen.",
                "body": [
                    (
                        "paragraph",
                        "<p>Een kennismakingsstage duurt één tot dertig dagen. Een "
                        "beroepsinlevingsstage (BIS) duurt vier tot zesentwintig weken en is "
                        "betaald. Na een individuele beroepsopleiding (IBO) neemt de werkgever "
                        "je in dienst, minstens zo lang als de opleiding duurde.</p>",
                    ),
                ],
            },
            {
                "type": "NewsPage",
                "title": "Bedrijven beloven elke kandidaat te ontmoeten",
                "slug": "bedrijven-ontmoeten-kandidaten",
                "date": "2026-11-05",
                "intro": "Geen cv, wel een gesprek: zo krijgt elke kandidaat een eerlijke kans.",
                "body": [
                    (
                        "paragraph",
                        "<p>Bedrijven die meedoen, spreken af dat ze iedereen ontmoeten die "
                        "een trajectbegeleider voorstelt. Ze zien vooraf geen cv. Na een "
                        "bezoek aan de werkplek volgt een gesprek met de personeelsdienst.</p>",
                    ),
                ],
            },
        ],
    },
]

CONTACT_DESK = {
    "name": "Opstap-contactpunt",
    "street": "Professor Van Overstraetenplein 1",
    "postcode": "3000",
    "city": "Leuven",
    "phone": "+32 16 27 00 00",
    "email": "contact@opstap.example",
    "opening_hours": [
        {"weekday": "1", "opens": "09:00", "closes": "12:30", "by_appointment": False},
        {"weekday": "3", "opens": "13:30", "closes": "17:00", "by_appointment": False},
        {"weekday": "4", "opens": "09:00", "closes": "12:00", "by_appointment": True},
    ],
}

# Which pages get a translation in which language; the rest show the Dutch original
# under a notice until a translator takes them on in wagtail-localize.
TRANSLATED_LANGUAGES = {
    "home": ["en", "fr", "ar", "uk"],
    "een-loket": ["en", "fr"],
    "contact": ["en", "fr"],
    "nieuws": ["en", "fr"],
    "jumpstart-cafe-start": ["en", "fr"],
    "stages-werkgever": ["en", "fr"],
    "bedrijven-ontmoeten-kandidaten": ["en", "fr"],
}

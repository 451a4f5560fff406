"""Translations of the demo text, keyed by the Dutch string they translate."""

HOME_INTRO = (
    "Werk op je niveau, ook in een nieuw land. Opstap brengt de programma's samen die "
    "nieuwkomers en werkzoekenden naar passend werk begeleiden."
)
HOME_WHAT = (
    "Je vertelt ons wat je kunt en wat je zoekt. Samen kiezen we een traject: een "
    "netwerkcafé, begeleiding door een coach, een stage bij een werkgever of een gesprek "
    "met een bedrijf dat je kansen wil geven."
)
HOME_CTA_TEXT = (
    "Je kunt langskomen, bellen of mailen. We helpen je verder in een taal die je begrijpt."
)

HOME = {
    "en": {
        "Opstap": "Opstap",
        "home": "home-en",
        HOME_INTRO: (
            "Work at your level, even in a new country. Opstap brings together the "
            "programmes that guide newcomers and jobseekers to work that fits them."
        ),
        "Wat we doen": "What we do",
        HOME_WHAT: (
            "You tell us what you can do and what you are looking for. Together we choose "
            "a path: a networking café, support from a coach, a traineeship with an "
            "employer, or an interview with a company that wants to give you a chance."
        ),
        "Wat eerdere trajecten opleverden": "What earlier programmes achieved",
        "1.175": "1,175",
        "hoogopgeleide nieuwkomers bereikt": "highly skilled newcomers reached",
        "110": "110",
        "nationaliteiten": "nationalities",
        "bijna 40%": "almost 40%",
        "vond werk": "found work",
        "Vragen? Kom naar het contactpunt": "Questions? Come to the contact desk",
        HOME_CTA_TEXT: (
            "You can drop in, call or email. We help you in a language you understand."
        ),
        "Naar het contactpunt": "Go to the contact desk",
    },
    "fr": {
        "Opstap": "Opstap",
        "home": "accueil",
        HOME_INTRO: (
            "Travailler à son niveau, même dans un nouveau pays. Opstap réunit les "
            "programmes qui accompagnent les nouveaux arrivants et les demandeurs d'emploi "
            "vers un travail qui leur correspond."
        ),
        "Wat we doen": "Ce que nous faisons",
        HOME_WHAT: (
            "Vous nous dites ce que vous savez faire et ce que vous cherchez. Ensemble, "
            "nous choisissons un parcours : un café de réseautage, l'aide d'un coach, un "
            "stage chez un employeur ou un entretien avec une entreprise prête à vous "
            "donner votre chance."
        ),
        "Wat eerdere trajecten opleverden": "Ce qu'ont donné les parcours précédents",
        "1.175": "1 175",
        "hoogopgeleide nieuwkomers bereikt": "nouveaux arrivants hautement qualifiés touchés",
        "110": "110",
        "nationaliteiten": "nationalités",
        "bijna 40%": "près de 40 %",
        "vond werk": "ont trouvé un emploi",
        "Vragen? Kom naar het contactpunt": "Des questions ? Venez au point de contact",
        HOME_CTA_TEXT: (
            "Vous pouvez passer, appeler ou écrire. Nous vous aidons dans une langue que "
            "vous comprenez."
        ),
        "Naar het contactpunt": "Vers le point de contact",
    },
    "ar": {
        "Opstap": "Opstap",
        "home": "home-ar",
        HOME_INTRO: (
            "اعمل بما يناسب مستواك، حتى في بلد جديد. يجمع Opstap البرامج التي ترافق "
            "القادمين الجدد والباحثين عن عمل نحو عمل يناسبهم."
        ),
        "Wat we doen": "ماذا نفعل",
        HOME_WHAT: (
            "تخبرنا بما تستطيع فعله وبما تبحث عنه. ونختار معًا مسارًا: مقهى للتعارف، أو "
            "مرافقة من مدرّب، أو تدريبًا لدى صاحب عمل، أو مقابلة مع شركة تريد أن تمنحك "
            "فرصة."
        ),
        "Wat eerdere trajecten opleverden": "ما حققته المسارات السابقة",
        "1.175": "1175",
        "hoogopgeleide nieuwkomers bereikt": "قادمًا جديدًا من ذوي المؤهلات العالية وصلنا إليهم",
        "110": "110",
        "nationaliteiten": "جنسيات",
        "bijna 40%": "قرابة 40%",
        "vond werk": "وجدوا عملًا",
        "Vragen? Kom naar het contactpunt": "لديك أسئلة؟ تعال إلى مكتب الاستقبال",
        HOME_CTA_TEXT: ("يمكنك أن تزورنا أو تتصل بنا أو تراسلنا. نساعدك بلغة تفهمها."),
        "Naar het contactpunt": "إلى مكتب الاستقبال",
    },
    "uk": {
        "Opstap": "Opstap",
        "home": "home-uk",
        HOME_INTRO: (
            "Робота відповідно до вашого рівня, навіть у новій країні. Opstap об'єднує "
            "програми, які супроводжують новоприбулих і шукачів роботи до відповідної "
            "роботи."
        ),
        "Wat we doen": "Що ми робимо",
        HOME_WHAT: (
            "Ви розповідаєте нам, що вмієте і що шукаєте. Разом ми обираємо шлях: "
            "кафе для знайомств, підтримку коуча, стажування в роботодавця або співбесіду "
            "з компанією, яка хоче дати вам шанс."
        ),
        "Wat eerdere trajecten opleverden": "Чого досягли попередні програми",
        "1.175": "1 175",
        "hoogopgeleide nieuwkomers bereikt": "висококваліфікованих новоприбулих охоплено",
        "110": "110",
        "nationaliteiten": "національностей",
        "bijna 40%": "майже 40%",
        "vond werk": "знайшли роботу",
        "Vragen? Kom naar het contactpunt": "Маєте запитання? Приходьте до пункту контакту",
        HOME_CTA_TEXT: (
            "Ви можете прийти, зателефонувати або написати. Ми допоможемо вам мовою, яку "
            "ви розумієте."
        ),
        "Naar het contactpunt": "До пункту контакту",
    },
}

ONE_STOP_SHOP = {
    "en": {
        "Eén loket": "One-stop shop",
        "een-loket": "one-stop-shop",
        "Eén digitaal loket en één contactpunt in de stad, zodat je niet zelf moet uitzoeken "
        "welke dienst wat doet.": (
            "One digital front door and one contact desk in the city, so you do not have "
            "to work out which service does what."
        ),
        "Waarom één loket?": "Why one front door?",
        "Wie nieuw is in België, botst op veel deuren: de arbeidsbemiddeling, het "
        "integratiebeleid, het onderwijs, werkgevers. Elk heeft eigen regels en "
        "formulieren.": (
            "Anyone new to Belgium meets many doors: the employment service, integration "
            "services, education, employers. Each has its own rules and forms."
        ),
        "Via dit loket meld je je één keer aan. Daarna zoeken de partners samen met jou de "
        "juiste weg: taal, erkenning van je diploma, een mentor en een eerste "
        "werkervaring.": (
            "Through this front door you register once. Then the partners work out the "
            "right path with you: language, recognition of your diploma, a mentor and a "
            "first work experience."
        ),
        "Wie werkt mee?": "Who takes part?",
        "De Vlaamse arbeidsbemiddeling, het agentschap voor integratie, onderwijspartners, "
        "de stad en werkgevers die nieuwkomers een kans willen geven.": (
            "The Flemish employment service, the integration agency, education partners, "
            "the city and employers who want to give newcomers a chance."
        ),
        "Veelgestelde vragen": "Frequently asked questions",
        "Moet ik al Nederlands spreken?": "Do I need to speak Dutch already?",
        "Nee. We beginnen in een taal die je begrijpt en helpen je Nederlands te leren "
        "naast je zoektocht naar werk.": (
            "No. We start in a language you understand and help you learn Dutch alongside "
            "your search for work."
        ),
        "Moet mijn diploma erkend zijn?": "Does my diploma need to be recognised?",
        "Niet om te starten. We helpen je wel om erkenning aan te vragen als dat je kansen "
        "vergroot.": (
            "Not to get started. We do help you apply for recognition when it improves "
            "your chances."
        ),
    },
    "fr": {
        "Eén loket": "Guichet unique",
        "een-loket": "guichet-unique",
        "Eén digitaal loket en één contactpunt in de stad, zodat je niet zelf moet uitzoeken "
        "welke dienst wat doet.": (
            "Un guichet numérique et un point de contact en ville, pour que vous n'ayez pas "
            "à chercher vous-même quel service fait quoi."
        ),
        "Waarom één loket?": "Pourquoi un guichet unique ?",
        "Wie nieuw is in België, botst op veel deuren: de arbeidsbemiddeling, het "
        "integratiebeleid, het onderwijs, werkgevers. Elk heeft eigen regels en "
        "formulieren.": (
            "Quand on arrive en Belgique, on frappe à beaucoup de portes : le service de "
            "l'emploi, l'intégration, l'enseignement, les employeurs. Chacun a ses règles "
            "et ses formulaires."
        ),
        "Via dit loket meld je je één keer aan. Daarna zoeken de partners samen met jou de "
        "juiste weg: taal, erkenning van je diploma, een mentor en een eerste "
        "werkervaring.": (
            "Par ce guichet, vous vous inscrivez une seule fois. Ensuite, les partenaires "
            "cherchent avec vous le bon chemin : la langue, la reconnaissance de votre "
            "diplôme, un mentor et une première expérience de travail."
        ),
        "Wie werkt mee?": "Qui participe ?",
        "De Vlaamse arbeidsbemiddeling, het agentschap voor integratie, onderwijspartners, "
        "de stad en werkgevers die nieuwkomers een kans willen geven.": (
            "Le service flamand de l'emploi, l'agence pour l'intégration, des partenaires "
            "de l'enseignement, la ville et des employeurs qui veulent donner une chance "
            "aux nouveaux arrivants."
        ),
        "Veelgestelde vragen": "Questions fréquentes",
        "Moet ik al Nederlands spreken?": "Dois-je déjà parler néerlandais ?",
        "Nee. We beginnen in een taal die je begrijpt en helpen je Nederlands te leren "
        "naast je zoektocht naar werk.": (
            "Non. Nous commençons dans une langue que vous comprenez et nous vous aidons à "
            "apprendre le néerlandais pendant votre recherche d'emploi."
        ),
        "Moet mijn diploma erkend zijn?": "Mon diplôme doit-il être reconnu ?",
        "Niet om te starten. We helpen je wel om erkenning aan te vragen als dat je kansen "
        "vergroot.": (
            "Pas pour commencer. Nous vous aidons toutefois à demander la reconnaissance si "
            "elle augmente vos chances."
        ),
    },
}

CONTACT = {
    "en": {
        "Contactpunt": "Contact desk",
        "contact": "contact",
        "Kom langs, bel of mail. We antwoorden binnen twee werkdagen.": (
            "Drop in, call or email. We answer within two working days."
        ),
        "Heb je een vraag over een programma, een aanmelding of een café? Ook als je niet "
        "zeker weet of iets voor jou is, kun je bij ons terecht.": (
            "Do you have a question about a programme, an application or a café? Even if "
            "you are not sure something is for you, you are welcome."
        ),
    },
    "fr": {
        "Contactpunt": "Point de contact",
        "contact": "contact",
        "Kom langs, bel of mail. We antwoorden binnen twee werkdagen.": (
            "Passez, appelez ou écrivez-nous. Nous répondons dans les deux jours ouvrables."
        ),
        "Heb je een vraag over een programma, een aanmelding of een café? Ook als je niet "
        "zeker weet of iets voor jou is, kun je bij ons terecht.": (
            "Vous avez une question sur un programme, une candidature ou un café ? Même si "
            "vous n'êtes pas sûr que c'est pour vous, vous êtes le bienvenu."
        ),
    },
}

NEWS = {
    "en": {
        "Nieuws": "News",
        "nieuws": "news",
        "Nieuwe sessies, trajecten en verhalen van deelnemers.": (
            "New sessions, programmes and stories from participants."
        ),
        "Het Jumpstart Café gaat weer van start": "The Jumpstart Café starts again",
        "jumpstart-cafe-start": "jumpstart-cafe-starts",
        "Ontmoet andere internationals en leer hoe de Belgische arbeidsmarkt werkt, ter "
        "plaatse of online.": (
            "Meet other internationals and learn how the Belgian labour market works, in "
            "person or online."
        ),
        "Het International House, de stad en coaches van Talent Interlock organiseren "
        "opnieuw een reeks cafés. Je schrijft je in per datum.": (
            "International House, the city and coaches from Talent Interlock are running a "
            "new series of cafés. You register for each date."
        ),
        "Na elke bijeenkomst vind je de documenten en links van die sessie op de website.": (
            "After each meeting you will find that session's documents and links on the website."
        ),
        "Stages om een werkgever te leren kennen": "Traineeships to get to know an employer",
        "stages-werkgever": "traineeships-employer",
        "Drie soorten stages helpen je een eerste werkervaring op te doen.": (
            "Three kinds of traineeship help you gain a first work experience."
        ),
        "Een kennismakingsstage duurt één tot dertig dagen. Een beroepsinlevingsstage (BIS) "
        "duurt vier tot zesentwintig weken en is betaald. Na een individuele "
        "beroepsopleiding (IBO) neemt de werkgever je in dienst, minstens zo lang als de "
        "opleiding duurde.": (
            "A getting-to-know traineeship lasts one to thirty days. A paid work-placement "
            "traineeship (BIS) lasts four to twenty-six weeks. After individual vocational "
            "training (IBO) the employer hires you, for at least as long as the training "
            "lasted."
        ),
        "Bedrijven beloven elke kandidaat te ontmoeten": (
            "Companies promise to meet every candidate"
        ),
        "bedrijven-ontmoeten-kandidaten": "companies-meet-candidates",
        "Geen cv, wel een gesprek: zo krijgt elke kandidaat een eerlijke kans.": (
            "No CV, but a conversation: that way every candidate gets a fair chance."
        ),
        "Bedrijven die meedoen, spreken af dat ze iedereen ontmoeten die een "
        "trajectbegeleider voorstelt. Ze zien vooraf geen cv. Na een bezoek aan de "
        "werkplek volgt een gesprek met de personeelsdienst.": (
            "Participating companies agree to meet everyone a job counsellor puts forward. "
            "They see no CV beforehand. A visit to the workplace is followed by an "
            "interview with HR."
        ),
    },
    "fr": {
        "Nieuws": "Actualités",
        "nieuws": "actualites",
        "Nieuwe sessies, trajecten en verhalen van deelnemers.": (
            "Nouvelles sessions, nouveaux parcours et témoignages de participants."
        ),
        "Het Jumpstart Café gaat weer van start": "Le Jumpstart Café redémarre",
        "jumpstart-cafe-start": "jumpstart-cafe-redemarre",
        "Ontmoet andere internationals en leer hoe de Belgische arbeidsmarkt werkt, ter "
        "plaatse of online.": (
            "Rencontrez d'autres internationaux et découvrez le fonctionnement du marché du "
            "travail belge, sur place ou en ligne."
        ),
        "Het International House, de stad en coaches van Talent Interlock organiseren "
        "opnieuw een reeks cafés. Je schrijft je in per datum.": (
            "L'International House, la ville et des coachs de Talent Interlock organisent "
            "une nouvelle série de cafés. Vous vous inscrivez pour chaque date."
        ),
        "Na elke bijeenkomst vind je de documenten en links van die sessie op de website.": (
            "Après chaque rencontre, vous trouvez les documents et les liens de la séance "
            "sur le site."
        ),
        "Stages om een werkgever te leren kennen": "Des stages pour connaître un employeur",
        "stages-werkgever": "stages-employeur",
        "Drie soorten stages helpen je een eerste werkervaring op te doen.": (
            "Trois types de stage vous aident à acquérir une première expérience de travail."
        ),
        "Een kennismakingsstage duurt één tot dertig dagen. Een beroepsinlevingsstage (BIS) "
        "duurt vier tot zesentwintig weken en is betaald. Na een individuele "
        "beroepsopleiding (IBO) neemt de werkgever je in dienst, minstens zo lang als de "
        "opleiding duurde.": (
            "Un stage de découverte dure d'un à trente jours. Un stage d'immersion "
            "professionnelle (BIS) dure de quatre à vingt-six semaines et est rémunéré. "
            "Après une formation professionnelle individuelle (IBO), l'employeur vous "
            "engage, au moins aussi longtemps que la formation a duré."
        ),
        "Bedrijven beloven elke kandidaat te ontmoeten": (
            "Des entreprises s'engagent à rencontrer chaque candidat"
        ),
        "bedrijven-ontmoeten-kandidaten": "entreprises-rencontrent-candidats",
        "Geen cv, wel een gesprek: zo krijgt elke kandidaat een eerlijke kans.": (
            "Pas de CV, mais un entretien : ainsi chaque candidat a une chance équitable."
        ),
        "Bedrijven die meedoen, spreken af dat ze iedereen ontmoeten die een "
        "trajectbegeleider voorstelt. Ze zien vooraf geen cv. Na een bezoek aan de "
        "werkplek volgt een gesprek met de personeelsdienst.": (
            "Les entreprises participantes s'engagent à rencontrer toute personne proposée "
            "par un accompagnateur de parcours. Elles ne voient aucun CV à l'avance. Une "
            "visite du lieu de travail est suivie d'un entretien avec le service RH."
        ),
    },
}


def _merge(*parts):
    merged = {}
    for part in parts:
        for language, strings in part.items():
            merged.setdefault(language, {}).update(strings)
    return merged


TRANSLATIONS = _merge(HOME, ONE_STOP_SHOP, CONTACT, NEWS)

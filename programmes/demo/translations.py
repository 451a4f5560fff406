"""English and French for the offer's demo content, keyed by the Dutch string.

Each entry is (Dutch, English, French). A Dutch string is what wagtail-localize exports:
one field, one slug, one text block, or one rich-text paragraph. IBO and BIS keep their
Dutch name in brackets the first time a page explains them.
"""

TRAINEESHIP_TYPES = [
    ("IBO", "IBO", "IBO"),
    ("BIS", "BIS", "BIS"),
    (
        "Individuele beroepsopleiding",
        "Individual vocational training",
        "Formation professionnelle individuelle",
    ),
    (
        "Je leert een job op de werkvloer, met een opleidingsplan dat VDAB goedkeurt. Daarna "
        "neemt de werkgever je in dienst, minstens even lang als de opleiding duurde.",
        "Training on the job (individuele beroepsopleiding), with a training plan approved "
        "by VDAB. Afterwards the employer hires you, for at least as long as the training "
        "lasted.",
        "Une formation sur le lieu de travail (individuele beroepsopleiding), avec un plan "
        "de formation approuvé par le VDAB. Ensuite, l'employeur vous engage, au moins "
        "aussi longtemps que la formation a duré.",
    ),
    ("Beroepsinlevingsstage", "Work-integration traineeship", "Stage d'immersion professionnelle"),
    (
        "Een betaalde stage van 4 tot 26 weken; vroeger heette ze BIO. De werkgever ziet wat "
        "je kunt, maar hoeft je daarna niet aan te werven.",
        "A paid traineeship of 4 to 26 weeks (beroepsinlevingsstage, formerly called BIO). "
        "The employer sees what you can do, but does not have to hire you afterwards.",
        "Un stage rémunéré de 4 à 26 semaines (beroepsinlevingsstage, appelé BIO "
        "auparavant). L'employeur voit ce que vous savez faire, mais n'est pas obligé de "
        "vous engager ensuite.",
    ),
    ("Kennismakingsstage", "Get-to-know traineeship", "Stage de découverte"),
    (
        "Een korte stage van 1 tot 30 dagen, zonder vergoeding. Jij en de werkgever leren "
        "elkaar kennen en ontdekken welke taken bij je passen.",
        "A short, unpaid traineeship of 1 to 30 days (kennismakingsstage). You and the "
        "employer get to know each other and find out which tasks suit you.",
        "Un stage court et non rémunéré de 1 à 30 jours (kennismakingsstage). L'employeur "
        "et vous apprenez à vous connaître et découvrez les tâches qui vous conviennent.",
    ),
    (
        "Korte opleiding met stage",
        "Short training with work placement",
        "Formation courte avec stage",
    ),
    (
        "Een korte opleiding bij een werkgever van hoogstens vijf dagen, zonder vergoeding. "
        "Zo proef je van een job voor je begint.",
        "A short, unpaid training with an employer, five days at most (korte opleiding met "
        "stage). You get a taste of the job before you start.",
        "Une formation courte et non rémunérée chez un employeur, de cinq jours au plus "
        "(korte opleiding met stage). Vous découvrez le métier avant de commencer.",
    ),
]

PARTNERS = [
    ("Partners", "Partners", "Partenaires"),
    ("partners", "partners", "partenaires"),
    (
        "Deze organisaties werken samen om je naar werk te begeleiden: de stad, de "
        "arbeidsbemiddeling, coaches, scholen en werkgevers.",
        "These organisations work together to guide you to work: the city, the employment "
        "service, coaches, schools and employers.",
        "Ces organisations travaillent ensemble pour vous accompagner vers l'emploi : la "
        "ville, le service de l'emploi, des coachs, des écoles et des employeurs.",
    ),
    # International House Leuven
    ("International House Leuven", "International House Leuven", "International House Leuven"),
    ("international-house-leuven", "international-house-leuven", "international-house-louvain"),
    (
        "Het onthaalpunt voor internationals die in Leuven wonen en werken.",
        "The welcome point for internationals who live and work in Leuven.",
        "Le point d'accueil des internationaux qui vivent et travaillent à Louvain.",
    ),
    (
        "Bij International House Leuven kun je terecht met vragen over wonen, werken en "
        "leven in Leuven. Het huis organiseert ook het Jumpstart Café, samen met de stad en "
        "Talent Interlock.",
        "International House Leuven answers your questions about housing, work and life in "
        "Leuven. It also runs the Jumpstart Café, together with the city and Talent "
        "Interlock.",
        "L'International House Leuven répond à vos questions sur le logement, le travail et "
        "la vie à Louvain. Elle organise aussi le Jumpstart Café, avec la ville et Talent "
        "Interlock.",
    ),
    # Stad Leuven
    ("Stad Leuven", "City of Leuven", "Ville de Louvain"),
    ("stad-leuven", "city-of-leuven", "ville-de-louvain"),
    (
        "De stad wil dat elk talent in Leuven aan de slag kan.",
        "The city wants every talent in Leuven to find work.",
        "La ville veut que chaque talent à Louvain trouve du travail.",
    ),
    (
        "De stad brengt werkgevers, begeleiders en werkzoekenden samen. Ze steunt het "
        "Jumpstart Café en het matchmakingtraject met JobRoad.",
        "The city brings employers, counsellors and jobseekers together. It supports the "
        "Jumpstart Café and the matchmaking programme with JobRoad.",
        "La ville réunit employeurs, accompagnateurs et demandeurs d'emploi. Elle soutient "
        "le Jumpstart Café et le parcours de matchmaking avec JobRoad.",
    ),
    # Talent Interlock
    ("Talent Interlock", "Talent Interlock", "Talent Interlock"),
    ("talent-interlock", "talent-interlock", "talent-interlock"),
    (
        "Coaches die internationals helpen hun plaats op de Belgische arbeidsmarkt te vinden.",
        "Coaches who help internationals find their place in the Belgian labour market.",
        "Des coachs qui aident les internationaux à trouver leur place sur le marché du "
        "travail belge.",
    ),
    (
        "De coaches van Talent Interlock begeleiden de sessies van het Jumpstart Café. Ze "
        "geven tips over solliciteren, netwerken en je loopbaan in België.",
        "Talent Interlock's coaches lead the Jumpstart Café sessions. They give tips on "
        "applying for jobs, networking and your career in Belgium.",
        "Les coachs de Talent Interlock animent les séances du Jumpstart Café. Ils donnent "
        "des conseils pour postuler, développer votre réseau et votre carrière en Belgique.",
    ),
    # VDAB
    ("VDAB", "VDAB", "VDAB"),
    ("vdab", "vdab", "vdab"),
    (
        "De Vlaamse dienst voor arbeidsbemiddeling en beroepsopleiding.",
        "The Flemish public employment and vocational training service.",
        "Le service flamand de l'emploi et de la formation professionnelle.",
    ),
    (
        "VDAB helpt werkzoekenden aan een job of een opleiding. Het coördineert @level2work "
        "en kijkt na wie kan meedoen aan Level@work.",
        "VDAB helps jobseekers find a job or a training course. It coordinates @level2work "
        "and checks who can take part in Level@work.",
        "Le VDAB aide les demandeurs d'emploi à trouver un emploi ou une formation. Il "
        "coordonne @level2work et vérifie qui peut participer à Level@work.",
    ),
    # Agentschap Integratie en Inburgering
    (
        "Agentschap Integratie en Inburgering",
        "Agency for Integration and Civic Integration",
        "Agence pour l'intégration et l'intégration civique",
    ),
    (
        "agentschap-integratie-inburgering",
        "agency-integration-civic-integration",
        "agence-integration-integration-civique",
    ),
    (
        "Het Vlaamse agentschap dat nieuwkomers wegwijs maakt in de samenleving.",
        "The Flemish agency that helps newcomers find their way in society "
        "(Agentschap Integratie en Inburgering).",
        "L'agence flamande qui aide les nouveaux arrivants à s'orienter dans la société "
        "(Agentschap Integratie en Inburgering).",
    ),
    (
        "Het agentschap begeleidt nieuwkomers bij hun inburgering, onder meer met lessen "
        "over de samenleving. Het werkt mee aan @level2work en Level@work.",
        "The agency guides newcomers through civic integration, for example with classes "
        "about society. It takes part in @level2work and Level@work.",
        "L'agence accompagne les nouveaux arrivants dans leur parcours d'intégration, entre "
        "autres avec des cours sur la société. Elle participe à @level2work et à Level@work.",
    ),
    # OCMW Leuven
    ("OCMW Leuven", "OCMW Leuven", "CPAS de Louvain (OCMW)"),
    ("ocmw-leuven", "ocmw-leuven", "cpas-louvain"),
    (
        "Het openbaar centrum voor maatschappelijk welzijn van Leuven.",
        "Leuven's public social welfare centre.",
        "Le centre public d'action sociale de Louvain.",
    ),
    (
        "De jobcoaches van het OCMW stellen kandidaten voor aan de bedrijven van JobRoad. "
        "Via een job bij het OCMW kun je ook werkervaring opdoen.",
        "The OCMW's job coaches put candidates forward to the JobRoad companies. You can "
        "also gain work experience in a job with the OCMW.",
        "Les job coachs du CPAS présentent des candidats aux entreprises de JobRoad. Un "
        "emploi au CPAS vous permet aussi d'acquérir de l'expérience.",
    ),
    # JobRoad
    ("JobRoad", "JobRoad", "JobRoad"),
    ("jobroad", "jobroad", "jobroad"),
    (
        "Een internationale vzw die werkzoekenden en bedrijven met openstaande vacatures "
        "samenbrengt.",
        "An international non-profit that brings jobseekers together with companies that "
        "have open vacancies.",
        "Une association internationale sans but lucratif qui met en relation des "
        "demandeurs d'emploi et des entreprises qui recrutent.",
    ),
    (
        "JobRoad zet samen met de stad een matchmakingtraject op. Bedrijven beloven elke "
        "voorgestelde kandidaat uit te nodigen voor een gesprek, zonder cv.",
        "JobRoad runs a matchmaking programme with the city. Companies promise to invite "
        "every candidate put forward to an interview, without a CV.",
        "JobRoad organise un parcours de matchmaking avec la ville. Les entreprises "
        "promettent d'inviter à un entretien chaque candidat proposé, sans CV.",
    ),
    # CVO Leuven
    ("CVO Leuven", "CVO Leuven", "CVO Leuven"),
    ("cvo-leuven", "cvo-leuven", "cvo-louvain"),
    (
        "Een centrum voor volwassenenonderwijs met lessen Nederlands als tweede taal.",
        "An adult education centre with classes in Dutch as a second language.",
        "Un centre d'enseignement pour adultes avec des cours de néerlandais langue seconde.",
    ),
    (
        "Je leert er Nederlands op je eigen tempo, overdag, 's avonds of online. Sommige "
        "lessen gaan over taal op de werkvloer.",
        "You learn Dutch at your own pace, during the day, in the evening or online. Some "
        "classes focus on the language you need at work.",
        "Vous y apprenez le néerlandais à votre rythme, en journée, le soir ou en ligne. "
        "Certains cours portent sur la langue au travail.",
    ),
    # Dijleland Interim
    ("Dijleland Interim", "Dijleland Interim", "Dijleland Interim"),
    ("dijleland-interim", "dijleland-interim", "dijleland-interim"),
    (
        "Een uitzendkantoor in Leuven voor tijdelijk en vast werk.",
        "A temp agency in Leuven for temporary and permanent work.",
        "Une agence d'intérim à Louvain pour du travail temporaire et fixe.",
    ),
    (
        "Dijleland Interim stelt kandidaten voor aan de bedrijven van JobRoad. Met "
        "uitzendwerk begin je snel, en vaak volgt er later een vast contract.",
        "Dijleland Interim puts candidates forward to the JobRoad companies. Temp work gets "
        "you started quickly, and a permanent contract often follows.",
        "Dijleland Interim présente des candidats aux entreprises de JobRoad. L'intérim "
        "vous permet de commencer vite, et un contrat fixe suit souvent.",
    ),
]

EMPLOYERS = [
    ("Leuven", "Leuven", "Louvain"),
    ("Heverlee", "Heverlee", "Heverlee"),
    ("Haasrode", "Haasrode", "Haasrode"),
    ("Wilsele", "Wilsele", "Wilsele"),
    # Zorgnet Dijle
    ("Zorgnet Dijle", "Zorgnet Dijle", "Zorgnet Dijle"),
    ("zorgnet-dijle", "zorgnet-dijle", "zorgnet-dijle"),
    (
        "Woonzorgcentra en thuiszorg in en rond Leuven.",
        "Care homes and home care in and around Leuven.",
        "Maisons de repos et soins à domicile à Louvain et dans les environs.",
    ),
    (
        "Zorgnet Dijle zoekt mensen die graag voor anderen zorgen. De eerste weken werk je "
        "samen met een vaste collega die je wegwijs maakt.",
        "Zorgnet Dijle is looking for people who like caring for others. In your first "
        "weeks you work alongside a colleague who shows you the ropes.",
        "Zorgnet Dijle cherche des personnes qui aiment prendre soin des autres. Les "
        "premières semaines, vous travaillez avec un collègue qui vous guide.",
    ),
    ("Zorgkundige thuiszorg", "Home care assistant", "Aide-soignant à domicile"),
    ("zorgkundige-thuiszorg", "home-care-assistant", "aide-soignant-a-domicile"),
    (
        "Je helpt ouderen thuis bij hun dagelijkse verzorging.",
        "You help older people at home with their daily care.",
        "Vous aidez des personnes âgées à domicile dans leurs soins quotidiens.",
    ),
    (
        "Je bezoekt elke dag vaste cliënten in Leuven en omgeving. Je helpt bij wassen, "
        "aankleden en eten. Je werkt in een klein team met een verpleegkundige.",
        "Every day you visit the same clients in and around Leuven. You help them wash, "
        "dress and eat. You work in a small team with a nurse.",
        "Chaque jour, vous rendez visite aux mêmes clients à Louvain et dans les environs. "
        "Vous les aidez à se laver, s'habiller et manger. Vous travaillez dans une petite "
        "équipe avec un infirmier.",
    ),
    (
        "Logistiek medewerker woonzorgcentrum",
        "Care home logistics assistant",
        "Agent logistique en maison de repos",
    ),
    (
        "logistiek-medewerker-woonzorgcentrum",
        "care-home-logistics-assistant",
        "agent-logistique-maison-de-repos",
    ),
    (
        "Je zorgt dat linnen, maaltijden en materiaal op tijd klaarstaan.",
        "You make sure linen, meals and supplies are ready on time.",
        "Vous veillez à ce que le linge, les repas et le matériel soient prêts à temps.",
    ),
    (
        "Je werkt in een woonzorgcentrum in Heverlee. Je vult de voorraden aan en brengt de "
        "maaltijden rond.",
        "You work in a care home in Heverlee. You restock supplies and bring round the meals.",
        "Vous travaillez dans une maison de repos à Heverlee. Vous réapprovisionnez les "
        "stocks et distribuez les repas.",
    ),
    # Brugwerk Ingenieurs
    ("Brugwerk Ingenieurs", "Brugwerk Ingenieurs", "Brugwerk Ingenieurs"),
    ("brugwerk-ingenieurs", "brugwerk-ingenieurs", "brugwerk-ingenieurs"),
    (
        "Een ingenieursbureau voor bruggen, tunnels en waterwerken.",
        "An engineering firm for bridges, tunnels and waterworks.",
        "Un bureau d'ingénieurs spécialisé dans les ponts, les tunnels et les ouvrages "
        "hydrauliques.",
    ),
    (
        "Brugwerk Ingenieurs ontwerpt infrastructuur voor steden en gemeenten. Het team is "
        "internationaal en spreekt vaak Engels.",
        "Brugwerk Ingenieurs designs infrastructure for towns and cities. The team is "
        "international and often speaks English.",
        "Brugwerk Ingenieurs conçoit des infrastructures pour les villes et les communes. "
        "L'équipe est internationale et parle souvent anglais.",
    ),
    (
        "Projectingenieur infrastructuur",
        "Infrastructure project engineer",
        "Ingénieur de projet en infrastructure",
    ),
    (
        "projectingenieur-infrastructuur",
        "infrastructure-project-engineer",
        "ingenieur-projet-infrastructure",
    ),
    (
        "Je rekent constructies door en volgt de werven op.",
        "You do structural calculations and follow up building sites.",
        "Vous calculez des structures et suivez les chantiers.",
    ),
    (
        "Je maakt berekeningen voor bruggen en kademuren. Je overlegt met aannemers en gaat "
        "mee op werfbezoek.",
        "You do the calculations for bridges and quay walls. You talk with contractors and "
        "join site visits.",
        "Vous faites les calculs pour des ponts et des murs de quai. Vous vous concertez "
        "avec les entrepreneurs et participez aux visites de chantier.",
    ),
    (
        "Je hebt een diploma van ingenieur. Het hoeft niet erkend te zijn in België.",
        "You have an engineering degree. It does not need to be recognised in Belgium.",
        "Vous avez un diplôme d'ingénieur. Il ne doit pas être reconnu en Belgique.",
    ),
    ("BIM-tekenaar", "BIM draughtsperson", "Dessinateur BIM"),
    ("bim-tekenaar", "bim-draughtsperson", "dessinateur-bim"),
    (
        "Je maakt digitale 3D-modellen van de ontwerpen.",
        "You make digital 3D models of the designs.",
        "Vous réalisez des modèles numériques en 3D des projets.",
    ),
    (
        "Je werkt nauw samen met de ingenieurs. Je zet hun schetsen om in modellen en "
        "plannen. Deze vacature is ingevuld.",
        "You work closely with the engineers. You turn their sketches into models and "
        "drawings. This vacancy has been filled.",
        "Vous travaillez en étroite collaboration avec les ingénieurs. Vous transformez "
        "leurs esquisses en modèles et en plans. Ce poste est pourvu.",
    ),
    # Bitvlinder
    ("Bitvlinder", "Bitvlinder", "Bitvlinder"),
    ("bitvlinder", "bitvlinder", "bitvlinder"),
    (
        "Een softwarebedrijf dat apps bouwt voor scholen en zorgorganisaties.",
        "A software company that builds apps for schools and care organisations.",
        "Une entreprise de logiciels qui développe des applications pour des écoles et des "
        "organisations de soins.",
    ),
    (
        "Bitvlinder is een klein bedrijf met een open sfeer. Je collega's komen uit zes "
        "verschillende landen.",
        "Bitvlinder is a small company with an open atmosphere. Your colleagues come from "
        "six different countries.",
        "Bitvlinder est une petite entreprise à l'ambiance ouverte. Vos collègues viennent "
        "de six pays différents.",
    ),
    ("Python-ontwikkelaar", "Python developer", "Développeur Python"),
    ("python-ontwikkelaar", "python-developer", "developpeur-python"),
    (
        "Je bouwt en onderhoudt webtoepassingen.",
        "You build and maintain web applications.",
        "Vous développez et maintenez des applications web.",
    ),
    (
        "Je schrijft code in Python, test je werk en bespreekt het met je team. Je kunt "
        "twee dagen per week thuiswerken.",
        "You write Python code, test your work and review it with your team. You can work "
        "from home two days a week.",
        "Vous écrivez du code Python, testez votre travail et le discutez avec votre "
        "équipe. Vous pouvez télétravailler deux jours par semaine.",
    ),
    # Karrewiel Logistiek
    ("Karrewiel Logistiek", "Karrewiel Logistiek", "Karrewiel Logistiek"),
    ("karrewiel-logistiek", "karrewiel-logistiek", "karrewiel-logistiek"),
    (
        "Een distributiecentrum voor voeding en drank in Haasrode.",
        "A food and drink distribution centre in Haasrode.",
        "Un centre de distribution d'aliments et de boissons à Haasrode.",
    ),
    (
        "Karrewiel Logistiek doet mee aan het matchmakingtraject van JobRoad. Het bedrijf "
        "nodigt elke voorgestelde kandidaat uit voor een gesprek.",
        "Karrewiel Logistiek takes part in JobRoad's matchmaking programme. The company "
        "invites every candidate put forward to an interview.",
        "Karrewiel Logistiek participe au parcours de matchmaking de JobRoad. L'entreprise "
        "invite à un entretien chaque candidat proposé.",
    ),
    ("Magazijnmedewerker", "Warehouse operative", "Magasinier"),
    ("magazijnmedewerker", "warehouse-operative", "magasinier"),
    (
        "Je verzamelt bestellingen en maakt ze klaar voor transport.",
        "You pick orders and get them ready for transport.",
        "Vous préparez les commandes et les apprêtez pour le transport.",
    ),
    (
        "Je werkt met een handscanner en leert met een heftruck rijden. Je werkt in een "
        "vroege of een late ploeg.",
        "You work with a hand scanner and learn to drive a forklift. You work an early or a "
        "late shift.",
        "Vous travaillez avec un scanner portable et apprenez à conduire un chariot "
        "élévateur. Vous travaillez en équipe du matin ou du soir.",
    ),
    ("Transportplanner", "Transport planner", "Planificateur de transport"),
    ("transportplanner", "transport-planner", "planificateur-transport"),
    (
        "Je plant de ritten van de vrachtwagens en houdt contact met de chauffeurs.",
        "You plan the lorries' routes and keep in touch with the drivers.",
        "Vous planifiez les trajets des camions et restez en contact avec les chauffeurs.",
    ),
    (
        "Je zoekt de beste route en lost problemen op als een levering vertraging heeft. "
        "Ervaring met planning is mooi meegenomen.",
        "You find the best route and solve problems when a delivery is late. Experience "
        "with planning is a plus.",
        "Vous cherchez le meilleur itinéraire et réglez les problèmes quand une livraison "
        "a du retard. Une expérience en planification est un atout.",
    ),
    # Gasthof Het Groene Lint
    ("Gasthof Het Groene Lint", "Gasthof Het Groene Lint", "Gasthof Het Groene Lint"),
    ("het-groene-lint", "het-groene-lint", "het-groene-lint"),
    (
        "Een hotel met restaurant aan de rand van Leuven.",
        "A hotel and restaurant on the edge of Leuven.",
        "Un hôtel-restaurant en bordure de Louvain.",
    ),
    (
        "In Gasthof Het Groene Lint werken mensen uit veel landen samen. Nieuwe collega's "
        "leren het vak op de werkvloer.",
        "At Gasthof Het Groene Lint, people from many countries work together. New "
        "colleagues learn the trade on the job.",
        "Au Gasthof Het Groene Lint, des personnes de nombreux pays travaillent ensemble. "
        "Les nouveaux collègues apprennent le métier sur place.",
    ),
    ("Keukenmedewerker", "Kitchen assistant", "Commis de cuisine"),
    ("keukenmedewerker", "kitchen-assistant", "commis-de-cuisine"),
    (
        "Je helpt de kok bij de voorbereiding en houdt de keuken proper.",
        "You help the cook with the preparation and keep the kitchen clean.",
        "Vous aidez le cuisinier pour la préparation et gardez la cuisine propre.",
    ),
    (
        "Je snijdt groenten, maakt sauzen klaar en helpt bij de afwas. Je werkt ook in het "
        "weekend en hebt vrije dagen in de week.",
        "You cut vegetables, prepare sauces and help with the washing-up. You also work at "
        "weekends and have days off during the week.",
        "Vous coupez les légumes, préparez les sauces et aidez à la plonge. Vous travaillez "
        "aussi le week-end et avez des jours de congé en semaine.",
    ),
    # Meridiaan Labs
    ("Meridiaan Labs", "Meridiaan Labs", "Meridiaan Labs"),
    ("meridiaan-labs", "meridiaan-labs", "meridiaan-labs"),
    (
        "Een onafhankelijk onderzoekslabo voor voedselveiligheid.",
        "An independent food safety research lab.",
        "Un laboratoire de recherche indépendant en sécurité alimentaire.",
    ),
    (
        "Meridiaan Labs onderzoekt stalen voor bedrijven en overheden. Het team werkt in het "
        "Engels en het Nederlands.",
        "Meridiaan Labs tests samples for companies and public authorities. The team works "
        "in English and Dutch.",
        "Meridiaan Labs analyse des échantillons pour des entreprises et des pouvoirs "
        "publics. L'équipe travaille en anglais et en néerlandais.",
    ),
    ("Onderzoeker data-analyse", "Data analysis researcher", "Chercheur en analyse de données"),
    ("onderzoeker-data-analyse", "data-analysis-researcher", "chercheur-analyse-donnees"),
    (
        "Je analyseert meetresultaten en schrijft er rapporten over.",
        "You analyse test results and write reports about them.",
        "Vous analysez des résultats de mesure et rédigez des rapports.",
    ),
    (
        "Je werkt met statistische software en bespreekt de resultaten met klanten. Je hebt "
        "een master of een doctoraat in de wetenschappen.",
        "You work with statistical software and discuss the results with clients. You hold "
        "a master's degree or a doctorate in science.",
        "Vous travaillez avec des logiciels statistiques et discutez des résultats avec les "
        "clients. Vous avez un master ou un doctorat en sciences.",
    ),
    ("Laborant", "Lab technician", "Laborantin"),
    ("laborant", "lab-technician", "laborantin"),
    (
        "Je voert analyses uit in het labo, volgens vaste procedures.",
        "You carry out analyses in the lab, following set procedures.",
        "Vous réalisez des analyses au laboratoire, selon des procédures fixes.",
    ),
    (
        "Je maakt stalen klaar, bedient de toestellen en noteert de resultaten nauwkeurig.",
        "You prepare samples, operate the equipment and record the results accurately.",
        "Vous préparez les échantillons, utilisez les appareils et notez les résultats avec "
        "précision.",
    ),
    # The vacancy overview
    ("Vacatures", "Vacancies", "Offres d'emploi"),
    ("vacatures", "vacancies", "offres-emploi"),
    (
        "Open jobs bij werkgevers die met onze partners samenwerken. Bij sommige jobs stuur "
        "je geen cv: je krijgt meteen een gesprek.",
        "Open jobs with employers who work with our partners. For some jobs you send no CV: "
        "you get an interview straight away.",
        "Des emplois chez des employeurs qui collaborent avec nos partenaires. Pour "
        "certains, vous n'envoyez pas de CV : vous obtenez directement un entretien.",
    ),
]

PROGRAMMES = [
    ("Programmacoördinator", "Programme coordinator", "Coordinatrice du programme"),
    ("Programma's", "Programmes", "Programmes"),
    ("programmas", "programmes", "programmes"),
    (
        "Kies het traject dat bij je past: begeleiding naar werk op je niveau, coaching of "
        "een gesprek met een werkgever zonder cv.",
        "Choose the path that suits you: guidance to work at your level, coaching, or an "
        "interview with an employer without a CV.",
        "Choisissez le parcours qui vous convient : un accompagnement vers un emploi à "
        "votre niveau, du coaching ou un entretien avec un employeur sans CV.",
    ),
    # @level2work
    ("@level2work", "@level2work", "@level2work"),
    ("level2work", "level2work", "level2work"),
    (
        "Ben je hoogopgeleid en woon je nog maar kort in België? @level2work helpt je aan "
        "werk op het niveau van je diploma.",
        "Are you highly skilled and new to Belgium? @level2work helps you find work at the "
        "level of your degree.",
        "Vous êtes hautement qualifié et vivez depuis peu en Belgique ? @level2work vous "
        "aide à trouver un emploi au niveau de votre diplôme.",
    ),
    (
        "Het programma is voor nieuwkomers van buiten de Europese Unie die hoogstens vijf "
        "jaar in België wonen. Je hebt minstens een bachelordiploma uit je herkomstland.",
        "The programme is for newcomers from outside the European Union who have lived in "
        "Belgium for five years at most. You hold at least a bachelor's degree from your "
        "country of origin.",
        "Le programme s'adresse aux nouveaux arrivants venus de l'extérieur de l'Union "
        "européenne qui vivent en Belgique depuis cinq ans au plus. Vous avez au moins un "
        "diplôme de bachelier de votre pays d'origine.",
    ),
    (
        "Je diploma hoeft niet erkend te zijn in België. Je hoeft ook nog geen Nederlands te "
        "spreken.",
        "Your degree does not need to be recognised in Belgium. You do not need to speak "
        "Dutch yet either.",
        "Votre diplôme ne doit pas être reconnu en Belgique. Vous ne devez pas non plus "
        "déjà parler néerlandais.",
    ),
    ("Aanmelden", "Sign up", "Inscription"),
    (
        "Je meldt je aan via het digitale loket of aan het contactpunt.",
        "You sign up online or at the contact desk.",
        "Vous vous inscrivez en ligne ou au point de contact.",
    ),
    ("Kennismaken", "Getting to know you", "Faire connaissance"),
    (
        "Een begeleider van VDAB bespreekt met jou je diploma, je ervaring en je doelen.",
        "A VDAB counsellor talks with you about your degree, your experience and your goals.",
        "Un conseiller du VDAB parle avec vous de votre diplôme, de votre expérience et de "
        "vos objectifs.",
    ),
    ("Nederlands en loopbaan", "Dutch and career", "Néerlandais et carrière"),
    (
        "Je volgt lessen Nederlands die samengaan met begeleiding bij je loopbaan.",
        "You take Dutch classes combined with career guidance.",
        "Vous suivez des cours de néerlandais combinés à un accompagnement de carrière.",
    ),
    ("Ervaring opdoen", "Gaining experience", "Acquérir de l'expérience"),
    (
        "Je leert een werkgever kennen, met een mentor, een kennismakingsstage of een "
        "betaalde beroepsinlevingsstage (BIS).",
        "You get to know an employer through a mentor, a short get-to-know traineeship, or "
        "a paid work-integration traineeship (BIS, beroepsinlevingsstage).",
        "Vous découvrez un employeur grâce à un mentor, un stage de découverte ou un stage "
        "d'immersion professionnelle rémunéré (BIS, beroepsinlevingsstage).",
    ),
    ("Aan het werk", "At work", "Au travail"),
    (
        "Samen zoeken we een job op je niveau. We volgen je op in de eerste maanden.",
        "Together we look for a job at your level. We stay in touch during the first months.",
        "Ensemble, nous cherchons un emploi à votre niveau. Nous vous suivons pendant les "
        "premiers mois.",
    ),
    ("1.175", "1,175", "1 175"),
    (
        "hoogopgeleide anderstaligen bereikt",
        "highly skilled speakers of other languages reached",
        "allophones hautement qualifiés touchés",
    ),
    ("110", "110", "110"),
    ("nationaliteiten", "nationalities", "nationalités"),
    ("bijna 40%", "almost 40%", "près de 40 %"),
    ("aan het werk", "in work", "en emploi"),
    ("38,9%", "38.9%", "38,9 %"),
    (
        "werkte na een jaar op het eigen niveau",
        "worked at their own level after one year",
        "travaillaient à leur niveau après un an",
    ),
    (
        "Moet mijn diploma erkend zijn?",
        "Does my degree need to be recognised?",
        "Mon diplôme doit-il être reconnu ?",
    ),
    (
        "Nee. Een diploma van minstens bachelorniveau volstaat, erkend of niet. Je "
        "begeleider helpt je wel met een erkenning als je job dat vraagt.",
        "No. A degree of at least bachelor's level is enough, recognised or not. Your "
        "counsellor does help you get it recognised if your job requires it.",
        "Non. Un diplôme de niveau bachelier au moins suffit, reconnu ou non. Votre "
        "conseiller vous aide toutefois à le faire reconnaître si votre emploi l'exige.",
    ),
    ("Wat is een IBO?", "What is an IBO?", "Qu'est-ce qu'une IBO ?"),
    (
        "Een individuele beroepsopleiding (IBO) is een opleiding op de werkvloer van "
        "hoogstens 26 weken. Daarna neemt de werkgever je in dienst, minstens even lang als "
        "de opleiding duurde.",
        "Individual vocational training (IBO, individuele beroepsopleiding) is training on "
        "the job of 26 weeks at most. Afterwards the employer hires you, for at least as "
        "long as the training lasted.",
        "La formation professionnelle individuelle (IBO, individuele beroepsopleiding) est "
        "une formation sur le lieu de travail de 26 semaines au plus. Ensuite, l'employeur "
        "vous engage, au moins aussi longtemps que la formation a duré.",
    ),
    (
        "Ik woon al langer dan vijf jaar in België. Wat nu?",
        "I have lived in Belgium for more than five years. What now?",
        "Je vis en Belgique depuis plus de cinq ans. Que faire ?",
    ),
    (
        "Dan kun je niet meedoen aan @level2work. Kom langs aan het contactpunt: we zoeken "
        "samen een ander traject.",
        "Then you cannot take part in @level2work. Come to the contact desk: together we "
        "will find another path.",
        "Vous ne pouvez alors pas participer à @level2work. Passez au point de contact : "
        "nous chercherons ensemble un autre parcours.",
    ),
    # Level@work
    ("Level@work", "Level@work", "Level@work"),
    ("level-at-work", "level-at-work", "level-at-work"),
    (
        "Een coachingtraject voor hoogopgeleide nieuwkomers. Met een mentor werk je naar een "
        "job of een aanvullend diploma.",
        "A coaching programme for highly skilled newcomers. With a mentor, you work towards "
        "a job or an additional degree.",
        "Un parcours de coaching pour nouveaux arrivants hautement qualifiés. Avec un "
        "mentor, vous visez un emploi ou un diplôme complémentaire.",
    ),
    (
        "Voor nieuwkomers van buiten de Europese Unie met een bachelor- of masterdiploma, "
        "die hoogstens vijf jaar in België wonen.",
        "For newcomers from outside the European Union with a bachelor's or master's "
        "degree, who have lived in Belgium for five years at most.",
        "Pour les nouveaux arrivants venus de l'extérieur de l'Union européenne, titulaires "
        "d'un diplôme de bachelier ou de master, qui vivent en Belgique depuis cinq ans au "
        "plus.",
    ),
    (
        "Je spreekt al wat Nederlands, minstens op niveau A2. Zo kun je de lessen en de "
        "gesprekken volgen.",
        "You already speak some Dutch, at least at level A2. That way you can follow the "
        "classes and the conversations.",
        "Vous parlez déjà un peu néerlandais, au moins au niveau A2. Ainsi, vous pouvez "
        "suivre les cours et les entretiens.",
    ),
    ("Aanmelding", "Application", "Candidature"),
    (
        "Je meldt je aan via het e-loket.",
        "You apply through the e-service.",
        "Vous posez votre candidature via le guichet en ligne.",
    ),
    ("Screening", "Screening", "Sélection"),
    (
        "VDAB kijkt na of je aan de voorwaarden voldoet.",
        "VDAB checks whether you meet the conditions.",
        "Le VDAB vérifie si vous remplissez les conditions.",
    ),
    ("Je programma", "Your programme", "Votre programme"),
    (
        "Samen kies je een leertraject naar een diploma of een loopbaantraject naar een job.",
        "Together you choose a learning path towards a degree or a career path towards a job.",
        "Ensemble, vous choisissez un parcours de formation vers un diplôme ou un parcours "
        "professionnel vers un emploi.",
    ),
    ("Oriëntatie op de samenleving", "Orientation to society", "Orientation sur la société"),
    (
        "Je leert hoe de Belgische samenleving en de arbeidsmarkt werken.",
        "You learn how Belgian society and the labour market work.",
        "Vous découvrez comment fonctionnent la société belge et le marché du travail.",
    ),
    (
        "Oriëntatie op een job of diploma",
        "Orientation to a job or degree",
        "Orientation vers un emploi ou un diplôme",
    ),
    (
        "Een mentor helpt je kiezen: een job in een bedrijf of een opleiding die je diploma "
        "aanvult.",
        "A mentor helps you choose: a job in a company, or a course that adds to your degree.",
        "Un mentor vous aide à choisir : un emploi en entreprise ou une formation qui "
        "complète votre diplôme.",
    ),
    ("Jobcoaching", "Job coaching", "Coaching emploi"),
    (
        "Alleen en in groep oefen je sollicitatiegesprekken, je voorstelling en je "
        "sollicitatiebrief.",
        "On your own and in a group, you practise job interviews, presenting yourself and "
        "your cover letter.",
        "Seul et en groupe, vous vous entraînez aux entretiens d'embauche, à vous présenter "
        "et à rédiger votre lettre de motivation.",
    ),
    (
        "Waarom kan ik me nu niet aanmelden?",
        "Why can't I apply now?",
        "Pourquoi ne puis-je pas m'inscrire maintenant ?",
    ),
    (
        "Een nieuwe groep start pas als de vorige klaar is. Laat je gegevens achter aan het "
        "contactpunt, dan hoor je wanneer je je weer kunt aanmelden.",
        "A new group only starts when the previous one has finished. Leave your details at "
        "the contact desk and we will tell you when you can apply again.",
        "Un nouveau groupe ne commence que lorsque le précédent a terminé. Laissez vos "
        "coordonnées au point de contact : nous vous dirons quand vous pourrez à nouveau "
        "vous inscrire.",
    ),
    # JobRoad-matchmaking
    ("JobRoad-matchmaking", "JobRoad matchmaking", "Matchmaking JobRoad"),
    ("jobroad-matchmaking", "jobroad-matchmaking", "matchmaking-jobroad"),
    (
        "Bedrijven met open vacatures ontmoeten werkzoekenden, zonder cv. Je begeleider "
        "stelt je voor.",
        "Companies with open vacancies meet jobseekers, without a CV. Your counsellor puts "
        "you forward.",
        "Des entreprises qui recrutent rencontrent des demandeurs d'emploi, sans CV. Votre "
        "accompagnateur vous présente.",
    ),
    (
        "Voor werkzoekenden die moeilijk de weg naar werk vinden. Je herkomst en je diploma "
        "spelen geen rol.",
        "For jobseekers who find it hard to get into work. Your origin and your degree do "
        "not matter.",
        "Pour les demandeurs d'emploi qui ont du mal à trouver le chemin du travail. Votre "
        "origine et votre diplôme ne comptent pas.",
    ),
    (
        "Een begeleider meldt je aan: van het OCMW, VDAB, een partnerorganisatie of een "
        "uitzendkantoor.",
        "A counsellor signs you up: from the OCMW (public social welfare centre), VDAB, a "
        "partner organisation or a temp agency.",
        "Un accompagnateur vous inscrit : du CPAS, du VDAB, d'une organisation partenaire "
        "ou d'une agence d'intérim.",
    ),
    ("Kickstart", "Kickstart", "Lancement"),
    (
        "Bedrijven stellen hun vacatures voor aan de begeleiders. Ze beloven elke "
        "voorgestelde kandidaat te ontmoeten, zonder cv.",
        "Companies present their vacancies to the counsellors. They promise to meet every "
        "candidate put forward, without a CV.",
        "Les entreprises présentent leurs offres aux accompagnateurs. Elles promettent de "
        "rencontrer chaque candidat proposé, sans CV.",
    ),
    (
        "Screening- en matchingdag",
        "Screening and matching day",
        "Journée de sélection et de matching",
    ),
    (
        "We kijken naar je motivatie, hoe je leert, je ervaring en hoe je communiceert. Dan "
        "zoeken we een bedrijf dat bij je past.",
        "We look at your motivation, how you learn, your experience and how you "
        "communicate. Then we look for a company that suits you.",
        "Nous regardons votre motivation, votre façon d'apprendre, votre expérience et "
        "votre communication. Puis nous cherchons une entreprise qui vous convient.",
    ),
    ("Projectweek", "Project week", "Semaine de projet"),
    (
        "Je bezoekt de werkplek. Daarna heb je een gesprek met de personeelsdienst.",
        "You visit the workplace. Then you have a talk with HR.",
        "Vous visitez le lieu de travail. Ensuite, vous avez un entretien avec le service RH.",
    ),
    ("Nazorg", "Aftercare", "Suivi"),
    (
        "Is er een match, dan begin je via het OCMW, werkplekleren of uitzendwerk. Een coach "
        "volgt je de eerste maanden op.",
        "If there is a match, you start through the OCMW, work-based learning or temp work. "
        "A coach stays with you for the first months.",
        "S'il y a un match, vous commencez via le CPAS, une formation en entreprise ou "
        "l'intérim. Un coach vous suit pendant les premiers mois.",
    ),
    ("Heb ik een cv nodig?", "Do I need a CV?", "Ai-je besoin d'un CV ?"),
    (
        "Nee. De bedrijven zien vooraf geen cv. Ze leren je kennen in een open gesprek.",
        "No. The companies see no CV beforehand. They get to know you in an open interview.",
        "Non. Les entreprises ne voient aucun CV à l'avance. Elles apprennent à vous "
        "connaître lors d'un entretien ouvert.",
    ),
    ("Hoe meld ik me aan?", "How do I sign up?", "Comment m'inscrire ?"),
    (
        "Vraag het aan je begeleider bij het OCMW of VDAB. Heb je geen begeleider, kom dan "
        "langs aan het contactpunt.",
        "Ask your counsellor at the OCMW or VDAB. If you have no counsellor, come to the "
        "contact desk.",
        "Demandez à votre accompagnateur au CPAS ou au VDAB. Si vous n'en avez pas, passez "
        "au point de contact.",
    ),
]

# Partner roles. wagtail-localize copies a programme's partner rows as they are (the row
# model is not translatable), so these are not exported today; they are ready for when
# `ProgrammePartner.role` becomes translatable.
CAFE = [
    ("Coördinator Jumpstart Café", "Jumpstart Café coordinator", "Coordinatrice du Jumpstart Café"),
    ("Jumpstart Café", "Jumpstart Café", "Jumpstart Café"),
    ("jumpstart-cafe", "jumpstart-cafe", "jumpstart-cafe"),
    (
        "Ontmoet andere internationals en leer hoe je je loopbaan in België op gang trekt. "
        "Ter plaatse in Leuven of online.",
        "Meet other internationals and learn how to get your career going in Belgium. In "
        "person in Leuven or online.",
        "Rencontrez d'autres internationaux et apprenez à lancer votre carrière en "
        "Belgique. Sur place à Louvain ou en ligne.",
    ),
    (
        "Wat is het Jumpstart Café?",
        "What is the Jumpstart Café?",
        "Qu'est-ce que le Jumpstart Café ?",
    ),
    (
        "Een reeks avonden voor internationals die in Leuven wonen en werk zoeken. "
        "International House Leuven organiseert ze met de stad en de coaches van Talent "
        "Interlock.",
        "A series of evenings for internationals who live in Leuven and are looking for "
        "work. International House Leuven runs them with the city and the coaches of "
        "Talent Interlock.",
        "Une série de soirées pour les internationaux qui vivent à Louvain et cherchent du "
        "travail. L'International House Leuven les organise avec la ville et les coachs de "
        "Talent Interlock.",
    ),
    (
        "Elke sessie heeft een thema, zoals de arbeidsmarkt, je netwerk of solliciteren. Je "
        "stelt je vragen en leert van de anderen.",
        "Each session has a theme, such as the labour market, your network or applying for "
        "jobs. You ask your questions and learn from the others.",
        "Chaque séance a un thème, comme le marché du travail, votre réseau ou la recherche "
        "d'emploi. Vous posez vos questions et apprenez des autres.",
    ),
    ("Inschrijven", "Registering", "Inscription"),
    (
        "Je schrijft je in per sessie. Is een sessie vol, dan kom je op de wachtlijst. Na "
        "elke sessie vind je de documenten en links op de pagina van die sessie.",
        "You register for each session separately. If a session is full, you go on the "
        "waiting list. After each session, its documents and links are on its page.",
        "Vous vous inscrivez séance par séance. Si une séance est complète, vous êtes placé "
        "sur la liste d'attente. Après chaque séance, ses documents et liens figurent sur "
        "sa page.",
    ),
    ("International House Leuven", "International House Leuven", "International House Leuven"),
    (
        "Voorbeeldstraat 1, 3000 Leuven",
        "Voorbeeldstraat 1, 3000 Leuven",
        "Voorbeeldstraat 1, 3000 Louvain",
    ),
    # De arbeidsmarkt in België
    (
        "De arbeidsmarkt in België",
        "The labour market in Belgium",
        "Le marché du travail en Belgique",
    ),
    ("arbeidsmarkt-in-belgie", "labour-market-in-belgium", "marche-du-travail-en-belgique"),
    (
        "Hoe vind je werk in België?",
        "How do you find work in Belgium?",
        "Comment trouver du travail en Belgique ?",
    ),
    (
        "Hoe werkt de Belgische arbeidsmarkt, en waar vind je vacatures?",
        "How does the Belgian labour market work, and where do you find vacancies?",
        "Comment fonctionne le marché du travail belge, et où trouver des offres d'emploi ?",
    ),
    (
        "We leggen uit welke diensten je helpen en welke jobs gezocht worden. Daarna praat "
        "je in kleine groepen met een coach.",
        "We explain which services can help you and which jobs are in demand. Then you talk "
        "with a coach in small groups.",
        "Nous expliquons quels services peuvent vous aider et quels métiers sont "
        "recherchés. Ensuite, vous discutez en petits groupes avec un coach.",
    ),
    ("Vacatures bij VDAB", "Vacancies at VDAB", "Offres d'emploi du VDAB"),
    (
        "De vacatures van de Vlaamse arbeidsbemiddeling.",
        "The vacancies of the Flemish employment service.",
        "Les offres d'emploi du service flamand de l'emploi.",
    ),
    (
        "Veel bedrijven zoeken mensen in de zorg en de techniek. Ook in het Engels vind je "
        "vacatures.",
        "Many companies are looking for people in care and in technical jobs. You can also "
        "find vacancies in English.",
        "Beaucoup d'entreprises cherchent du personnel dans les soins et les métiers "
        "techniques. Vous trouverez aussi des offres en anglais.",
    ),
    # Je netwerk in Leuven
    ("Je netwerk in Leuven", "Your network in Leuven", "Votre réseau à Louvain"),
    ("netwerken-in-leuven", "networking-in-leuven", "reseauter-a-louvain"),
    ("Netwerken zonder schrik", "Networking without fear", "Réseauter sans crainte"),
    (
        "Hoe leg je contacten als je hier nog weinig mensen kent?",
        "How do you make contacts when you know few people here yet?",
        "Comment nouer des contacts quand on connaît encore peu de monde ici ?",
    ),
    (
        "Een coach geeft tips om jezelf kort voor te stellen. Daarna oefen je met de andere "
        "deelnemers.",
        "A coach gives tips on introducing yourself briefly. Then you practise with the "
        "other participants.",
        "Un coach donne des conseils pour vous présenter brièvement. Ensuite, vous vous "
        "exercez avec les autres participants.",
    ),
    (
        "De website van de stad Leuven",
        "The City of Leuven's website",
        "Le site de la ville de Louvain",
    ),
    (
        "Activiteiten, verenigingen en vrijwilligerswerk.",
        "Activities, clubs and volunteering.",
        "Activités, associations et bénévolat.",
    ),
    (
        "Begin bij de mensen die je al kent: buren, vrijwilligers, andere ouders op school. "
        "Vertel hun wat voor werk je zoekt.",
        "Start with the people you already know: neighbours, volunteers, other parents at "
        "school. Tell them what kind of work you are looking for.",
        "Commencez par les personnes que vous connaissez déjà : voisins, bénévoles, autres "
        "parents à l'école. Dites-leur quel travail vous cherchez.",
    ),
    # Je cv en sollicitatiebrief
    (
        "Je cv en sollicitatiebrief",
        "Your CV and cover letter",
        "Votre CV et votre lettre de motivation",
    ),
    ("cv-en-sollicitatiebrief", "cv-and-cover-letter", "cv-et-lettre-de-motivation"),
    (
        "Een cv voor Belgische werkgevers",
        "A CV for Belgian employers",
        "Un CV pour les employeurs belges",
    ),
    (
        "Wat verwacht een Belgische werkgever in je cv en je brief?",
        "What does a Belgian employer expect in your CV and your letter?",
        "Qu'attend un employeur belge de votre CV et de votre lettre ?",
    ),
    (
        "We bekijken voorbeelden en bespreken wat je beter weglaat. Breng gerust je eigen cv mee.",
        "We look at examples and discuss what you had better leave out. Feel free to bring "
        "your own CV.",
        "Nous regardons des exemples et voyons ce qu'il vaut mieux omettre. N'hésitez pas à "
        "apporter votre CV.",
    ),
    ("Europass", "Europass", "Europass"),
    (
        "Maak gratis een cv in een Europees formaat.",
        "Make a free CV in a European format.",
        "Créez gratuitement un CV au format européen.",
    ),
    (
        "Houd je cv kort: twee pagina's is genoeg. Een foto is niet verplicht.",
        "Keep your CV short: two pages is enough. A photo is not required.",
        "Gardez votre CV court : deux pages suffisent. Une photo n'est pas obligatoire.",
    ),
    # Je diploma laten erkennen
    (
        "Je diploma laten erkennen",
        "Getting your degree recognised",
        "Faire reconnaître votre diplôme",
    ),
    ("diploma-laten-erkennen", "degree-recognition", "reconnaissance-du-diplome"),
    ("Buitenlandse diploma's", "Foreign degrees", "Diplômes étrangers"),
    (
        "Wanneer heb je een erkenning nodig, en hoe vraag je die aan?",
        "When do you need recognition, and how do you apply for it?",
        "Quand avez-vous besoin d'une reconnaissance, et comment la demander ?",
    ),
    (
        "We leggen het verschil uit tussen een erkenning van je niveau en een erkenning voor "
        "een bepaald beroep. Er is tijd voor je eigen vragen.",
        "We explain the difference between recognition of your level and recognition for a "
        "specific profession. There is time for your own questions.",
        "Nous expliquons la différence entre la reconnaissance de votre niveau et la "
        "reconnaissance pour une profession précise. Vous aurez le temps de poser vos "
        "questions.",
    ),
    # Oefenen voor je sollicitatiegesprek
    (
        "Oefenen voor je sollicitatiegesprek",
        "Practise your job interview",
        "S'entraîner à l'entretien d'embauche",
    ),
    ("sollicitatiegesprek-oefenen", "job-interview-practice", "entrainement-entretien-embauche"),
    ("Sollicitatiegesprekken", "Job interviews", "Entretiens d'embauche"),
    (
        "Oefen in kleine groepen de vragen die werkgevers vaak stellen.",
        "Practise the questions employers often ask, in small groups.",
        "Entraînez-vous en petits groupes aux questions que posent souvent les employeurs.",
    ),
    (
        "Een coach speelt de werkgever. Je hoort meteen wat goed ging en wat beter kan.",
        "A coach plays the employer. You hear straight away what went well and what could "
        "be better.",
        "Un coach joue le rôle de l'employeur. Vous savez tout de suite ce qui a bien marché "
        "et ce qui peut être amélioré.",
    ),
    # Nederlands aan tafel
    ("Nederlands aan tafel", "Dutch at the table", "Néerlandais à table"),
    ("nederlands-aan-tafel", "dutch-at-the-table", "neerlandais-a-table"),
    (
        "Nederlands praten over werk",
        "Talking about work in Dutch",
        "Parler de travail en néerlandais",
    ),
    (
        "Een kleine tafel om in het Nederlands over je werk te praten.",
        "A small table to talk about your work in Dutch.",
        "Une petite table pour parler de votre travail en néerlandais.",
    ),
    (
        "Deze sessie is in het Nederlands, op een rustig tempo. Er zijn maar twee plaatsen, "
        "zodat je veel aan het woord komt.",
        "This session is in Dutch, at a gentle pace. There are only two places, so you get "
        "to speak a lot.",
        "Cette séance a lieu en néerlandais, à un rythme tranquille. Il n'y a que deux "
        "places, pour que vous puissiez beaucoup parler.",
    ),
    # Werken als zelfstandige
    (
        "Werken als zelfstandige",
        "Working as a self-employed person",
        "Travailler comme indépendant",
    ),
    ("werken-als-zelfstandige", "self-employment", "travailler-comme-independant"),
    ("Je eigen zaak starten", "Starting your own business", "Lancer votre propre activité"),
    (
        "Wat heb je nodig om in België als zelfstandige te beginnen?",
        "What do you need to start out as a self-employed person in Belgium?",
        "De quoi avez-vous besoin pour vous lancer comme indépendant en Belgique ?",
    ),
    (
        "Een ondernemer vertelt hoe ze in Leuven begon. We overlopen de eerste stappen en "
        "waar je hulp vindt.",
        "An entrepreneur tells how she started out in Leuven. We go over the first steps and "
        "where to find help.",
        "Une entrepreneuse raconte ses débuts à Louvain. Nous passons en revue les "
        "premières étapes et les endroits où trouver de l'aide.",
    ),
]


def _build(*groups):
    """{language: {Dutch: translation}}; a Dutch string translated twice differently is
    a mistake, since wagtail-localize keys translations by the source text alone."""
    translations = {"en": {}, "fr": {}}
    for group in groups:
        for dutch, english, french in group:
            for language, text in (("en", english), ("fr", french)):
                known = translations[language].setdefault(dutch, text)
                if known != text:
                    raise ValueError(f"{dutch!r} has two {language} translations.")
    return translations


TRANSLATIONS = _build(TRAINEESHIP_TYPES, PARTNERS, EMPLOYERS, PROGRAMMES, CAFE)

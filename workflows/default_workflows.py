"""The workflows a new site starts with, as definition data, and the reviewer groups they name.

Two pathways from the seeds: the Level@work / @level2work coaching pathway and the
JobRoad matchmaking pathway with blind hiring. Names are Dutch, the source language,
marked with `gettext_noop`: they are extracted to the catalogues but stored as Dutch
data, and translated when shown (see `workflows.effects`). The shape is the one
`workflows.definitions` describes; `install_default_workflows` imports them.
"""

from django.utils.translation import gettext_noop as _

SCREENERS = "Screeners"
COACHES = "Coaches"
PLACEMENT_OFFICERS = "Placement officers"
PROGRAMME_MANAGERS = "Programme managers"
REVIEWER_GROUPS = (SCREENERS, COACHES, PLACEMENT_OFFICERS, PROGRAMME_MANAGERS)
# Not a group anyone is put in: a transition naming it may be performed by the employer
# the case is proposed to (a partner account), in the employer area. It exists as a group
# so that programme managers can choose it in the workflow editor.
EMPLOYERS = "Werkgevers"


# --- Coaching pathway (Level@work, @level2work) ---------------------------------------------

# States a case can be paused in: every active state after the application came in.
_COACHING_ACTIVE = [
    "screening",
    "intake",
    "orientation",
    "coaching",
    "traineeship",
    "placement",
    "aftercare",
]
_COACHING_OPEN = ["submitted", *_COACHING_ACTIVE, "on_hold"]

COACHING = {
    "name": _("Coachingtraject"),
    "description": _(
        "Voor hoogopgeleide nieuwkomers: screening, intake en trajectbepaling (leertraject "
        "of loopbaantraject), oriëntatie op de samenleving, coaching door een mentor, stage, "
        "plaatsing en nazorg."
    ),
    "states": [
        {
            "key": "submitted",
            "kind": "start",
            "staff_name": _("Aangemeld"),
            "applicant_name": _("Aanmelding ontvangen"),
            "applicant_description": _(
                "We hebben je aanmelding ontvangen. Een medewerker bekijkt ze zo snel mogelijk."
            ),
        },
        {
            "key": "screening",
            "kind": "active",
            "staff_name": _("Screening"),
            "applicant_name": _("In behandeling"),
            "applicant_description": _(
                "We kijken na of je aan de voorwaarden van het programma voldoet. Daarna hoor "
                "je van ons."
            ),
        },
        {
            "key": "intake",
            "kind": "active",
            "enrolled": True,
            "staff_name": _("Intake en trajectbepaling"),
            "applicant_name": _("Intake"),
            "applicant_description": _(
                "In een gesprek kiezen we samen je traject: een leertraject naar een diploma of "
                "een loopbaantraject naar een job."
            ),
        },
        {
            "key": "orientation",
            "kind": "active",
            "staff_name": _("Oriëntatie op de samenleving"),
            "applicant_name": _("Oriëntatie op de samenleving"),
            "applicant_description": _(
                "Je leert de samenleving en de arbeidsmarkt in België beter kennen. Daarna "
                "krijg je een mentor."
            ),
        },
        {
            "key": "coaching",
            "kind": "active",
            "staff_name": _("Coaching door mentor"),
            "applicant_name": _("Begeleiding door je mentor"),
            "applicant_description": _(
                "Je mentor helpt je op weg naar een job of een diploma, in persoonlijke "
                "gesprekken en in groepssessies."
            ),
        },
        {
            "key": "traineeship",
            "kind": "active",
            "staff_name": _("Stage"),
            "applicant_name": _("Stage"),
            "applicant_description": _(
                "Je loopt stage bij een werkgever. Je mentor volgt je stage op."
            ),
        },
        {
            "key": "placement",
            "kind": "active",
            "staff_name": _("Plaatsing"),
            "applicant_name": _("Aan het werk"),
            "applicant_description": _(
                "Je hebt een job gevonden. We houden contact om te horen hoe het gaat."
            ),
        },
        {
            "key": "aftercare",
            "kind": "active",
            "staff_name": _("Nazorg"),
            "applicant_name": _("Nazorg"),
            "applicant_description": _(
                "Je werkt en je mentor volgt op hoe het gaat. Met vragen kun je bij je mentor "
                "terecht."
            ),
        },
        {
            "key": "completed",
            "kind": "success",
            "staff_name": _("Afgerond"),
            "applicant_name": _("Traject afgerond"),
            "applicant_description": _("Je traject is met succes afgerond. Veel succes verder!"),
        },
        {
            "key": "enrolled_in_education",
            "kind": "success",
            "staff_name": _("Ingeschreven in een opleiding"),
            "applicant_name": _("Ingeschreven in een opleiding"),
            "applicant_description": _(
                "Je volgt een opleiding om je diploma aan te vullen. Daarmee is je traject bij "
                "ons afgerond."
            ),
        },
        {
            "key": "not_eligible",
            "kind": "closed",
            "staff_name": _("Niet geschikt"),
            "applicant_name": _("Geen deelname mogelijk"),
            "applicant_description": _(
                "Je voldoet niet aan de voorwaarden van dit programma. Neem contact met ons op "
                "als je wilt weten waar je wel terechtkunt."
            ),
        },
        {
            "key": "withdrawn",
            "kind": "closed",
            "staff_name": _("Stopgezet"),
            "applicant_name": _("Traject stopgezet"),
            "applicant_description": _(
                "Je traject is gestopt. Wil je later opnieuw beginnen, neem dan contact met ons op."
            ),
        },
        {
            "key": "on_hold",
            "kind": "active",
            "staff_name": _("Gepauzeerd"),
            "applicant_name": _("Tijdelijk gepauzeerd"),
            "applicant_description": _(
                "Je traject ligt even stil. We laten het je weten zodra het verdergaat."
            ),
        },
    ],
    "transitions": [
        {
            "key": "start_screening",
            "staff_name": _("Screening starten"),
            "applicant_name": _("We bekijken je aanmelding"),
            "from_states": ["submitted"],
            "to_state": "screening",
            "groups": [SCREENERS, PROGRAMME_MANAGERS],
            "form": "",
            "effects": [],
            "guards": [],
        },
        {
            "key": "screen_eligible",
            "staff_name": _("Geschikt: naar intake"),
            "applicant_name": _("Je aanmelding is goedgekeurd"),
            "from_states": ["screening"],
            "to_state": "intake",
            "groups": [SCREENERS, PROGRAMME_MANAGERS],
            "form": "screening",
            "effects": ["notify_applicant"],
            "guards": [],
        },
        {
            "key": "screen_not_eligible",
            "staff_name": _("Niet geschikt: afsluiten en doorverwijzen"),
            "applicant_name": _("Je kunt niet deelnemen aan dit programma"),
            "from_states": ["screening"],
            "to_state": "not_eligible",
            "groups": [SCREENERS, PROGRAMME_MANAGERS],
            "form": "screening",
            "effects": ["notify_applicant"],
            "guards": [],
        },
        {
            "key": "plan_programme",
            "staff_name": _("Traject bepaald: naar oriëntatie"),
            "applicant_name": _("Je traject is bepaald"),
            "from_states": ["intake"],
            "to_state": "orientation",
            "groups": [SCREENERS, COACHES, PROGRAMME_MANAGERS],
            # The note says which path: a learning path or a career path.
            "form": "note",
            "effects": ["notify_applicant"],
            "guards": [],
        },
        {
            "key": "assign_mentor",
            "staff_name": _("Mentor toewijzen"),
            "applicant_name": _("Je hebt een mentor"),
            # From coaching too: a new mentor takes over the case.
            "from_states": ["orientation", "coaching"],
            "to_state": "coaching",
            "groups": [COACHES, PROGRAMME_MANAGERS],
            "form": "assign_mentor",
            # Effects run in order and stop at a failure: the applicant's email goes first.
            "effects": ["notify_applicant", "notify_assignee"],
            "guards": [],
        },
        {
            "key": "start_traineeship",
            "staff_name": _("Stage starten"),
            "applicant_name": _("Je stage begint"),
            "from_states": ["coaching"],
            "to_state": "traineeship",
            "groups": [PLACEMENT_OFFICERS, PROGRAMME_MANAGERS],
            "form": "traineeship",
            "effects": ["notify_applicant"],
            "guards": [],
        },
        {
            # A traineeship without a job after it (a BIS carries no duty to hire).
            "key": "end_traineeship",
            "staff_name": _("Stage afgelopen: terug naar coaching"),
            "applicant_name": _("Je stage is afgelopen"),
            "from_states": ["traineeship"],
            "to_state": "coaching",
            "groups": [COACHES, PROGRAMME_MANAGERS],
            "form": "traineeship_end",
            "effects": ["notify_applicant", "issue_traineeship_certificate"],
            "guards": ["is_assignee"],
        },
        {
            "key": "record_placement",
            "staff_name": _("Job gevonden: plaatsing registreren"),
            "applicant_name": _("Je hebt een job gevonden"),
            "from_states": ["coaching", "traineeship"],
            "to_state": "placement",
            "groups": [PLACEMENT_OFFICERS, PROGRAMME_MANAGERS],
            "form": "placement",
            "effects": ["notify_applicant"],
            "guards": [],
        },
        {
            # The mentor does the aftercare, so the mentor starts it.
            "key": "start_aftercare",
            "staff_name": _("Nazorg starten"),
            "applicant_name": _("Je mentor volgt je eerste maanden in je job op"),
            "from_states": ["placement"],
            "to_state": "aftercare",
            "groups": [COACHES, PROGRAMME_MANAGERS],
            "form": "",
            "effects": [],
            "guards": ["is_assignee"],
        },
        {
            "key": "complete",
            "staff_name": _("Traject afronden"),
            "applicant_name": _("Je traject is afgerond"),
            "from_states": ["aftercare"],
            "to_state": "completed",
            "groups": [COACHES, PROGRAMME_MANAGERS],
            "form": "",
            "effects": ["notify_applicant", "issue_certificate"],
            "guards": ["is_assignee"],
        },
        {
            # From intake on, before a mentor is assigned: no assignee guard.
            "key": "enrol_in_education",
            "staff_name": _("Ingeschreven in een opleiding: afronden"),
            "applicant_name": _("Je bent ingeschreven in een opleiding"),
            "from_states": ["intake", "orientation", "coaching"],
            "to_state": "enrolled_in_education",
            "groups": [COACHES, PROGRAMME_MANAGERS],
            # The note says which programme, at which school.
            "form": "note",
            "effects": ["notify_applicant"],
            "guards": [],
        },
        {
            "key": "put_on_hold",
            "exit": True,
            "staff_name": _("Pauzeren"),
            "applicant_name": _("Je traject is gepauzeerd"),
            "from_states": list(_COACHING_ACTIVE),
            "to_state": "on_hold",
            "groups": [SCREENERS, COACHES, PROGRAMME_MANAGERS],
            "form": "reason",
            "effects": ["notify_applicant"],
            "guards": [],
        },
        {
            "key": "resume",
            "staff_name": _("Hervatten"),
            "applicant_name": _("Je traject gaat verder"),
            "from_states": ["on_hold"],
            "to_state": "@previous",
            "groups": [SCREENERS, COACHES, PROGRAMME_MANAGERS],
            "form": "",
            "effects": ["notify_applicant"],
            "guards": [],
        },
        {
            "key": "withdraw",
            "exit": True,
            "staff_name": _("Stopzetten"),
            "applicant_name": _("Je traject is stopgezet"),
            "from_states": list(_COACHING_OPEN),
            "to_state": "withdrawn",
            "groups": [SCREENERS, COACHES, PROGRAMME_MANAGERS],
            "form": "reason",
            "effects": ["notify_applicant"],
            "guards": [],
        },
        {
            # Internal: the applicant does not see notes.
            "key": "add_note",
            "staff_name": _("Notitie toevoegen"),
            "applicant_name": "",
            "from_states": list(_COACHING_OPEN),
            "to_state": "",
            "groups": list(REVIEWER_GROUPS),
            "form": "note",
            "effects": [],
            "guards": [],
        },
        {
            "key": "request_information",
            "staff_name": _("Informatie opvragen"),
            "applicant_name": _("We vragen je om meer informatie"),
            "from_states": list(_COACHING_OPEN),
            "to_state": "",
            "groups": [SCREENERS, COACHES, PROGRAMME_MANAGERS],
            "form": "request_information",
            "effects": ["notify_applicant"],
            "guards": [],
        },
    ],
}


# --- Matchmaking pathway (JobRoad, blind hiring) --------------------------------------------

_MATCHMAKING_ACTIVE = [
    "screening_day",
    "proposed",
    "open_interview",
    "workplace_visit",
    "hired",
    "aftercare",
]
_MATCHMAKING_OPEN = ["referred", *_MATCHMAKING_ACTIVE, "on_hold"]

MATCHMAKING = {
    "name": _("Matchmaking (JobRoad)"),
    "description": _(
        "Voor werkzoekenden die een verwijzer aanmeldt: screenings- en matchingdag, voorstel "
        "voor een vacature, open sollicitatiegesprek zonder cv (blind hiring), bezoek of proef "
        "op de werkplek, aanwerving en nazorg."
    ),
    "states": [
        {
            "key": "referred",
            "kind": "start",
            "staff_name": _("Aangemeld"),
            "applicant_name": _("Aanmelding ontvangen"),
            "applicant_description": _(
                "We hebben je aanmelding ontvangen. Je krijgt binnenkort een uitnodiging voor "
                "een screeningsdag."
            ),
        },
        {
            "key": "screening_day",
            "kind": "active",
            "enrolled": True,
            "staff_name": _("Screenings- en matchingdag"),
            "applicant_name": _("Screeningsdag"),
            "applicant_description": _(
                "We leren je kennen: je motivatie, je ervaring, wat je kunt en hoe je communiceert."
            ),
        },
        {
            "key": "proposed",
            "kind": "active",
            "staff_name": _("Voorgesteld voor een vacature"),
            "applicant_name": _("Voorgesteld aan een werkgever"),
            "applicant_description": _(
                "We stellen je voor aan een werkgever met een passende vacature. De werkgever "
                "nodigt je uit voor een gesprek."
            ),
        },
        {
            "key": "open_interview",
            "kind": "active",
            "staff_name": _("Open sollicitatiegesprek"),
            "applicant_name": _("Open sollicitatiegesprek"),
            "applicant_description": _(
                "Je hebt een gesprek met de werkgever, zonder cv: het gaat om wie je bent en "
                "wat je kunt."
            ),
        },
        {
            "key": "workplace_visit",
            "reveals_identity": True,
            "kind": "active",
            "staff_name": _("Werkplekbezoek of proef"),
            "applicant_name": _("Kennismaking op de werkplek"),
            "applicant_description": _(
                "Je bezoekt de werkplek of probeert de job uit. Zo weten jij en de werkgever of "
                "het klikt."
            ),
        },
        {
            "key": "hired",
            "reveals_identity": True,
            "kind": "active",
            "staff_name": _("Aangeworven"),
            "applicant_name": _("Aangeworven"),
            "applicant_description": _(
                "Je bent aangeworven. Een jobcoach volgt je de eerste maanden op."
            ),
        },
        {
            "key": "aftercare",
            "reveals_identity": True,
            "kind": "active",
            "staff_name": _("Nazorg"),
            "applicant_name": _("Nazorg"),
            "applicant_description": _(
                "Je werkt en je jobcoach volgt op hoe het gaat. Met vragen kun je bij je "
                "jobcoach terecht."
            ),
        },
        {
            "key": "completed",
            "reveals_identity": True,
            "kind": "success",
            "staff_name": _("Afgerond"),
            "applicant_name": _("Traject afgerond"),
            "applicant_description": _("Je traject is met succes afgerond. Veel succes verder!"),
        },
        {
            "key": "not_selected",
            "kind": "closed",
            "staff_name": _("Niet weerhouden"),
            "applicant_name": _("Geen match gevonden"),
            "applicant_description": _(
                "We vonden nu geen passende job. Neem contact met ons op als je wilt weten waar "
                "je verder terechtkunt."
            ),
        },
        {
            "key": "withdrawn",
            "kind": "closed",
            "staff_name": _("Stopgezet"),
            "applicant_name": _("Traject stopgezet"),
            "applicant_description": _(
                "Je traject is gestopt. Wil je later opnieuw beginnen, neem dan contact met ons op."
            ),
        },
        {
            "key": "on_hold",
            "kind": "active",
            "staff_name": _("Gepauzeerd"),
            "applicant_name": _("Tijdelijk gepauzeerd"),
            "applicant_description": _(
                "Je traject ligt even stil. We laten het je weten zodra het verdergaat."
            ),
        },
    ],
    "transitions": [
        {
            "key": "invite_to_screening_day",
            "staff_name": _("Uitnodigen voor de screeningsdag"),
            "applicant_name": _("Je bent uitgenodigd voor een screeningsdag"),
            "from_states": ["referred"],
            "to_state": "screening_day",
            "groups": [SCREENERS, PROGRAMME_MANAGERS],
            "form": "",
            "effects": ["notify_applicant"],
            "guards": [],
        },
        {
            "key": "propose_to_vacancy",
            "staff_name": _("Geschikt: voorstellen voor een vacature"),
            "applicant_name": _("We stellen je voor aan een werkgever"),
            "from_states": ["screening_day"],
            "to_state": "proposed",
            "groups": [SCREENERS, PLACEMENT_OFFICERS, PROGRAMME_MANAGERS],
            # Chooses the vacancy (the employer then sees the blind profile) and says why
            # the candidate fits it.
            "form": "propose",
            "effects": ["notify_applicant"],
            "guards": [],
        },
        {
            "key": "screen_not_selected",
            "staff_name": _("Niet geschikt: afsluiten en doorverwijzen"),
            "applicant_name": _("We hebben nu geen job voor je"),
            "from_states": ["screening_day"],
            "to_state": "not_selected",
            "groups": [SCREENERS, PROGRAMME_MANAGERS],
            "form": "screening",
            "effects": ["notify_applicant"],
            "guards": [],
        },
        {
            "key": "invite_to_interview",
            "staff_name": _("Open gesprek ingepland"),
            "applicant_name": _("Je bent uitgenodigd voor een open sollicitatiegesprek"),
            "from_states": ["proposed"],
            "to_state": "open_interview",
            "groups": [PLACEMENT_OFFICERS, PROGRAMME_MANAGERS, EMPLOYERS],
            "form": "interview_planned",
            "effects": ["notify_applicant"],
            "guards": ["is_proposed_to_employer"],
        },
        {
            "key": "interview_retained",
            "staff_name": _("Gesprek positief: naar bezoek of proef"),
            "applicant_name": _("De werkgever wil je beter leren kennen"),
            # From "proposed" too: an employer may record the interview without having
            # marked it planned first.
            "from_states": ["proposed", "open_interview"],
            "to_state": "workplace_visit",
            "groups": [PLACEMENT_OFFICERS, PROGRAMME_MANAGERS, EMPLOYERS],
            "form": "interview_outcome",
            "effects": ["notify_applicant"],
            "guards": ["is_proposed_to_employer"],
        },
        {
            "key": "interview_not_retained",
            "staff_name": _("Niet weerhouden: elders voorstellen"),
            "applicant_name": _("De werkgever heeft je niet gekozen; we zoeken verder"),
            "from_states": ["proposed", "open_interview"],
            "to_state": "proposed",
            "groups": [PLACEMENT_OFFICERS, PROGRAMME_MANAGERS, EMPLOYERS],
            "form": "interview_outcome",
            "effects": ["notify_applicant"],
            "guards": ["is_proposed_to_employer"],
        },
        {
            # After "not retained" (or an employer who does not answer): another vacancy.
            # An open proposal it replaces is closed.
            "key": "propose_to_other_vacancy",
            "staff_name": _("Voorstellen voor een andere vacature"),
            "applicant_name": _("We stellen je voor aan een andere werkgever"),
            "from_states": ["proposed"],
            "to_state": "proposed",
            "groups": [PLACEMENT_OFFICERS, PROGRAMME_MANAGERS],
            "form": "propose",
            "effects": ["notify_applicant"],
            "guards": [],
        },
        {
            "key": "visit_not_retained",
            "staff_name": _("Geen match na bezoek of proef: elders voorstellen"),
            "applicant_name": _("Het was geen match; we zoeken verder"),
            "from_states": ["workplace_visit"],
            "to_state": "proposed",
            "groups": [PLACEMENT_OFFICERS, PROGRAMME_MANAGERS],
            "form": "proposal_ended",
            "effects": ["notify_applicant"],
            "guards": [],
        },
        {
            # The placement form asks the contract: OCMW employment (article 60),
            # workplace learning, temp work or a regular contract.
            "key": "record_hire",
            "staff_name": _("Aanwerving registreren"),
            "applicant_name": _("Je bent aangeworven"),
            "from_states": ["workplace_visit"],
            "to_state": "hired",
            "groups": [PLACEMENT_OFFICERS, PROGRAMME_MANAGERS],
            "form": "placement",
            "effects": ["notify_applicant"],
            "guards": [],
        },
        {
            "key": "close_without_match",
            "staff_name": _("Geen match gevonden: afsluiten en doorverwijzen"),
            "applicant_name": _("We hebben nu geen job voor je"),
            "from_states": ["proposed"],
            "to_state": "not_selected",
            "groups": [PLACEMENT_OFFICERS, PROGRAMME_MANAGERS],
            "form": "screening",
            "effects": ["notify_applicant"],
            "guards": [],
        },
        {
            # The job coach chosen here does the aftercare and closes the case.
            "key": "start_aftercare",
            "staff_name": _("Nazorg starten: jobcoach toewijzen"),
            "applicant_name": _("Je jobcoach volgt je eerste maanden in je job op"),
            "from_states": ["hired"],
            "to_state": "aftercare",
            "groups": [PLACEMENT_OFFICERS, COACHES, PROGRAMME_MANAGERS],
            "form": "assign_mentor",
            "effects": ["notify_applicant", "notify_assignee"],
            "guards": [],
        },
        {
            "key": "complete",
            "staff_name": _("Traject afronden"),
            "applicant_name": _("Je traject is afgerond"),
            "from_states": ["aftercare"],
            "to_state": "completed",
            "groups": [COACHES, PROGRAMME_MANAGERS],
            "form": "",
            "effects": ["notify_applicant", "issue_certificate"],
            "guards": ["is_assignee"],
        },
        {
            "key": "put_on_hold",
            "exit": True,
            "staff_name": _("Pauzeren"),
            "applicant_name": _("Je traject is gepauzeerd"),
            "from_states": list(_MATCHMAKING_ACTIVE),
            "to_state": "on_hold",
            "groups": list(REVIEWER_GROUPS),
            "form": "reason",
            "effects": ["notify_applicant"],
            "guards": [],
        },
        {
            "key": "resume",
            "staff_name": _("Hervatten"),
            "applicant_name": _("Je traject gaat verder"),
            "from_states": ["on_hold"],
            "to_state": "@previous",
            "groups": list(REVIEWER_GROUPS),
            "form": "",
            "effects": ["notify_applicant"],
            "guards": [],
        },
        {
            "key": "withdraw",
            "exit": True,
            "staff_name": _("Stopzetten"),
            "applicant_name": _("Je traject is stopgezet"),
            "from_states": list(_MATCHMAKING_OPEN),
            "to_state": "withdrawn",
            "groups": list(REVIEWER_GROUPS),
            "form": "reason",
            "effects": ["notify_applicant"],
            "guards": [],
        },
        {
            # Internal: the applicant does not see notes.
            "key": "add_note",
            "staff_name": _("Notitie toevoegen"),
            "applicant_name": "",
            "from_states": list(_MATCHMAKING_OPEN),
            "to_state": "",
            "groups": list(REVIEWER_GROUPS),
            "form": "note",
            "effects": [],
            "guards": [],
        },
        {
            "key": "request_information",
            "staff_name": _("Informatie opvragen"),
            "applicant_name": _("We vragen je om meer informatie"),
            "from_states": list(_MATCHMAKING_OPEN),
            "to_state": "",
            "groups": list(REVIEWER_GROUPS),
            "form": "request_information",
            "effects": ["notify_applicant"],
            "guards": [],
        },
    ],
}

DEFAULT_WORKFLOWS = {"coaching": COACHING, "matchmaking": MATCHMAKING}

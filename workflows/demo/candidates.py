"""Demo candidates of the JobRoad matchmaking programme, proposed to Zorgnet Dijle's
vacancies so that the demo employer's area shows a pipeline: one waiting for an
invitation, one waiting too long, one invited to a workplace visit (identity revealed).

Every step goes through the engine, as staff and the employer would take it. Idempotent:
a candidate whose reference exists is left alone.
"""

import datetime
import uuid

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from forms.models import Application, PrivacyNotice
from programmes.models import ProgrammePage, VacancyPage
from workflows import engine
from workflows.models import Proposal

PROGRAMME = "jobroad-matchmaking"
STAFF = "placement@opstap.test"
SCREENER = "screener@opstap.test"
EMPLOYER = "employer@opstap.test"
ANSWERS = {
    "education": {"eqf_level": "4", "field_of_study": "Verpleegkunde", "recognition": "level"},
    "languages": {
        "nl_listening": "b1",
        "nl_reading": "a2",
        "nl_speaking": "b1",
        "nl_writing": "a2",
        "en_listening": "b2",
        "en_reading": "b2",
        "en_speaking": "b1",
        "en_writing": "b1",
    },
    "work": {
        "years_experience": 5,
        "sector": "Zorg",
        "last_job": "Zorgassistent in een ziekenhuis",
        "jobs_wanted": "Zorgkundige of logistiek medewerker in de zorg",
        "availability": "within_month",
        "working_time": "full_time",
        "preferred_path": "career",
    },
}
CANDIDATES = [
    # (reference, first name, last name, vacancy slug, days since proposed, outcome)
    ("JR-DEMO-00001", "Yonas", "Tesfay", "zorgkundige-thuiszorg", 3, ""),
    ("JR-DEMO-00002", "Olena", "Bondar", "zorgkundige-thuiszorg", 14, ""),
    (
        "JR-DEMO-00003",
        "Samir",
        "Haddad",
        "logistiek-medewerker-woonzorgcentrum",
        20,
        Proposal.Outcome.WORKPLACE_VISIT,
    ),
]


def seed_candidates(home):
    """The demo candidates and their proposals; needs the demo logins and programmes."""
    users = get_user_model().objects
    staff = users.filter(email=STAFF).first()
    screener = users.filter(email=SCREENER).first()
    employer = users.filter(email=EMPLOYER).first()
    programme = ProgrammePage.objects.filter(slug=PROGRAMME, locale=home.locale).first()
    notice = PrivacyNotice.objects.filter(locale=home.locale).order_by("-in_force_from").first()
    if None in (staff, screener, employer, programme, notice):
        return
    for reference, first_name, last_name, slug, days, outcome in CANDIDATES:
        vacancy = VacancyPage.objects.filter(slug=slug, locale=home.locale).first()
        if vacancy is None or Application.objects.filter(reference=reference).exists():
            continue
        with transaction.atomic():
            _candidate(reference, first_name, last_name, programme, notice, vacancy, days)
            case = Application.objects.get(reference=reference).case
            engine.perform(case, "invite_to_screening_day", screener)
            engine.perform(
                case,
                "propose_to_vacancy",
                staff,
                data={
                    "propose_to_vacancy-vacancy": str(vacancy.pk),
                    "propose_to_vacancy-reasons": "Ervaring in de zorg en gemotiveerd.",
                },
            )
            proposed_at = timezone.now() - datetime.timedelta(days=days)
            Proposal.objects.filter(case=case).update(proposed_at=proposed_at)
            if outcome:
                key = "interview_retained"
                engine.perform(
                    case, key, employer, data={f"{key}-outcome": outcome}, expected_state="proposed"
                )


def _candidate(reference, first_name, last_name, programme, notice, vacancy, days):
    email = f"{first_name.lower()}.{last_name.lower()}@voorbeeld.opstap.test"
    applicant = get_user_model().objects.filter(email=email).first() or (
        get_user_model().objects.create_user(email, first_name=first_name, last_name=last_name)
    )
    application = Application.objects.create(
        reference=reference,
        programme=programme,
        applicant=applicant,
        draft_public_id=uuid.uuid4(),
        first_name=first_name,
        last_name=last_name,
        email=email,
        phone="+32 470 00 00 00",
        language="nl",
        preferred_language="nl",
        form_version="2026-1",
        answers=ANSWERS,
        eligible=True,
        eligibility={"verdict": "eligible"},
        privacy_notice=notice,
        privacy_notice_version=notice.version,
        submitted_at=timezone.now() - datetime.timedelta(days=days + 10),
    )
    engine.open_case(application)

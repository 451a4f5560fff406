"""The coaching log: a coach records sessions on a case, individually or once for a
group; staff see them in the case history; the participant sees dates and topics, never
the notes; the reports count hours and sessions per participant and per topic."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.workflows.case_factories import make_case, make_reviewer
from tests.workflows.portal_factories import make_user
from workflows import coaching as coaching_log
from workflows import reports, retention
from workflows.default_workflows import COACHES, SCREENERS
from workflows.models import CoachingParticipant, CoachingSession

NOTE = "Amina twijfelt tussen twee sectoren; volgende keer netwerk bespreken."


@pytest.fixture
def coach(coaching):
    return make_reviewer(COACHES, coaching, email="coach@example.org")


def post_session(client, case, **data):
    values = {
        "coaching-held_on": timezone.localdate().isoformat(),
        "coaching-duration_minutes": "90",
        "coaching-topics": ["interview", "presenting"],
        "coaching-note": NOTE,
        "coaching-attended": "on",
    }
    values.update({f"coaching-{key}": value for key, value in data.items()})
    return client.post(reverse("cases:coaching", args=[case.pk]), values, follow=True)


def test_a_coach_records_an_individual_session_on_the_case(client, coach, coaching):
    case = make_case(coaching)
    client.force_login(coach)

    page = post_session(client, case).content.decode()

    session = CoachingSession.objects.get()
    assert session.kind == "individual"
    assert session.topics == ["interview", "presenting"]
    assert session.coach == coach
    assert "De coachingsessie staat in het dossier." in page
    # In the coaching panel and in the case history, with the note, for staff.
    assert "sollicitatiegesprek oefenen, jezelf voorstellen" in page
    assert "Coachingsessie (individueel)" in page
    assert NOTE in page
    assert "1 sessie; 1,5 uur coaching gekregen." in page


def test_a_group_session_is_recorded_once_and_appears_on_each_case(client, coach, coaching):
    amina, bohdan, chen = (make_case(coaching) for _ in range(3))
    client.force_login(coach)

    post_session(client, amina, others=[bohdan.pk, chen.pk], topics=["society"])

    session = CoachingSession.objects.get()
    assert session.kind == "group"
    assert set(session.participants.values_list("case", flat=True)) == {
        amina.pk,
        bohdan.pk,
        chen.pk,
    }
    for case in (bohdan, chen):
        page = client.get(reverse("cases:inspect", args=[case.pk])).content.decode()
        assert "Coachingsessie (in groep)" in page
        assert "(3 deelnemers)" in page


def test_someone_who_did_not_come_to_a_group_session_is_marked_absent(client, coach, coaching):
    amina, bohdan = make_case(coaching), make_case(coaching)
    client.force_login(coach)
    post_session(client, amina, others=[bohdan.pk])
    participant = CoachingParticipant.objects.get(case=bohdan)

    client.post(
        reverse("cases:coaching", args=[bohdan.pk]),
        {"participant": participant.pk, "attended": "0"},
    )

    participant.refresh_from_db()
    assert participant.attended is False
    assert coaching_log.per_case([bohdan]) == {}


def test_bad_input_says_what_to_fix_and_records_nothing(client, coach, coaching):
    case = make_case(coaching)
    client.force_login(coach)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()

    page = post_session(client, case, held_on=tomorrow, duration_minutes="2", topics=[])

    html = page.content.decode()
    assert "Deze datum ligt in de toekomst" in html
    assert "Een sessie duurt minstens 5 minuten." in html
    assert "Kies minstens één onderwerp." in html
    assert not CoachingSession.objects.exists()


def test_a_screener_sees_the_sessions_but_records_none(client, coach, coaching):
    case = make_case(coaching)
    screener = make_reviewer(SCREENERS, coaching, email="screener@example.org")
    client.force_login(screener)

    page = client.get(reverse("cases:inspect", args=[case.pk])).content.decode()
    assert "Coachingsessie noteren" not in page
    post_session(client, case)

    assert not CoachingSession.objects.exists()


def test_a_group_cannot_include_a_case_outside_the_coachs_programmes(
    client, coach, coaching, matchmaking
):
    mine, theirs = make_case(coaching), make_case(matchmaking)
    client.force_login(coach)

    html = post_session(client, mine, others=[theirs.pk]).content.decode()

    assert "Kijk de gegevens van de coachingsessie na." in html
    assert not CoachingSession.objects.exists()


def test_the_participant_sees_dates_and_topics_never_the_notes(client, coach, coaching):
    case = make_case(coaching)
    person = make_user("amina@example.org")
    case.application.applicant = person
    case.application.save()
    coaching_log.record_session(
        coach=coach,
        cases=[case],
        held_on=datetime.date(2026, 3, 2),
        duration_minutes=60,
        topics=["language"],
        note=NOTE,
    )
    client.force_login(person)

    page = client.get(
        reverse("portal:application", kwargs={"reference": case.application.reference})
    ).content.decode()
    export = client.get(reverse("portal:data_export")).content.decode()

    assert "taal oefenen" in page
    assert "2 maart 2026" in page
    assert NOTE not in page and NOTE not in export
    assert "coach@example.org" not in page
    assert "taal oefenen" in export


def test_reports_count_hours_and_sessions_per_participant_and_topic(coach, coaching):
    amina, bohdan = make_case(coaching), make_case(coaching)
    day = timezone.localdate()
    coaching_log.record_session(
        coach=coach, cases=[amina, bohdan], held_on=day, duration_minutes=120,
        topics=["interview", "network"],
    )  # fmt: skip
    coaching_log.record_session(
        coach=coach, cases=[amina], held_on=day, duration_minutes=60, topics=["interview"]
    )
    coaching_log.record_session(
        coach=coach, cases=[bohdan], held_on=day, duration_minutes=30, topics=["language"],
        absent=[bohdan],
    )  # fmt: skip
    selection = reports.Selection((coaching.pk,), day.replace(month=1, day=1), day)

    figures = reports.report(selection)["coaching"]

    assert figures["participants"] == 2
    assert figures["sessions_attended"] == 3  # Amina 2, Bohdan 1 (he missed one)
    assert figures["hours_received"] == 5  # 2 + 2 + 1
    assert figures["hours_per_participant"] == 2.5
    assert figures["sessions_held"] == 2  # the group session once; the missed one not
    assert figures["topics"] == [
        ("sollicitatiegesprek oefenen", 2, 3),
        ("netwerken", 1, 2),
    ]
    rows = {row["participant"]: row for row in reports.participant_rows(selection)}
    amina_row = rows[reports.pseudonym(amina.application.applicant_id)]
    assert (amina_row["coaching_sessions"], amina_row["coaching_hours"]) == (2, 3)
    bohdan_row = rows[reports.pseudonym(bohdan.application.applicant_id)]
    assert (bohdan_row["coaching_sessions"], bohdan_row["coaching_hours"]) == (1, 2)


def test_anonymising_a_case_erases_the_coaching_notes_and_keeps_the_hours(coach, coaching):
    case = make_case(coaching)
    coaching_log.record_session(
        coach=coach, cases=[case], held_on=timezone.localdate(), duration_minutes=45,
        topics=["other"], note=NOTE,
    )  # fmt: skip

    retention.anonymise_case(case, reason=retention.RETENTION)

    session = CoachingSession.objects.get()
    assert session.note == ""
    assert coaching_log.per_case([case]) == {case.pk: (1, 0.75)}

"""The case workflow engine: who may do what, what a transition records, and that a case
never moves twice or on stale information."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.models import ModelLogEntry

from programmes.models import PartnerPage, TraineeshipType
from tests.workflows.portal_factories import make_application, make_staff, make_user
from workflows import engine
from workflows.default_workflows import (
    COACHES,
    DEFAULT_WORKFLOWS,
    PLACEMENT_OFFICERS,
    PROGRAMME_MANAGERS,
    REVIEWER_GROUPS,
    SCREENERS,
)
from workflows.definitions import parse
from workflows.models import Case, Placement, ProgrammeScope, Traineeship

PROGRAMME_OF = {"coaching": "level2work", "matchmaking": "jobroad-matchmaking"}


def reviewer(group, programme, email=None):
    user = make_staff(email or f"{group.replace(' ', '-').lower()}@example.org")
    user.groups.add(Group.objects.get(name=group))
    ProgrammeScope.objects.create(user=user, programme=programme)
    return user


def new_case(programme, **application_fields):
    applicant = make_user(preferred_language=application_fields.pop("language", "nl"))
    application = make_application(applicant, programme=programme, **application_fields)
    return engine.open_case(application)


def put_in(case, state):
    Case.objects.filter(pk=case.pk).update(state=state)
    case.refresh_from_db()
    return case


@pytest.fixture
def level2work(demo):
    return demo["level2work"]["nl"]


@pytest.fixture
def case(level2work):
    return new_case(level2work)


# --- Opening -----------------------------------------------------------------------------


def test_a_new_application_opens_a_case_at_the_start_of_its_programmes_workflow(case):
    assert case.state == "submitted"
    assert case.workflow_version.workflow.slug == "coaching"
    (event,) = case.events.all()
    assert event.to_state == "submitted" and event.transition == ""


def test_a_case_keeps_the_workflow_version_it_started_with(case, level2work):
    workflow = case.workflow_version.workflow
    state = workflow.states.get(key="screening")
    state.staff_name = "Eerste gesprek"
    state.save()

    later = new_case(level2work)

    assert later.workflow_version.number == case.workflow_version.number + 1
    assert case.definition.state("screening").staff_name != "Eerste gesprek"
    assert later.definition.state("screening").staff_name == "Eerste gesprek"


# --- Guards, for every group and transition of both default workflows -----------------


def guard_table():
    rows = []
    for slug, data in DEFAULT_WORKFLOWS.items():
        for transition in parse(data).transitions:
            for group in REVIEWER_GROUPS:
                rows.append(
                    pytest.param(slug, transition, group, id=f"{slug}-{transition.key}-{group}")
                )
    return rows


@pytest.mark.parametrize(("slug", "transition", "group"), guard_table())
def test_each_group_may_perform_exactly_its_transitions(demo, slug, transition, group):
    programme = demo[PROGRAMME_OF[slug]]["nl"]
    user = reviewer(group, programme)
    case = put_in(new_case(programme), transition.from_states[0])
    if "is_assignee" in transition.guards:
        Case.objects.filter(pk=case.pk).update(assignee=user)
        case.refresh_from_db()

    allowed = engine.refusal(case, transition, user) is None

    assert allowed == (group in transition.groups)


def test_a_guarded_step_is_only_for_the_cases_own_mentor(demo, level2work):
    mentor = reviewer(COACHES, level2work, "mentor@example.org")
    other_coach = reviewer(COACHES, level2work, "andere-coach@example.org")
    case = put_in(new_case(level2work), "aftercare")
    Case.objects.filter(pk=case.pk).update(assignee=mentor)
    case.refresh_from_db()
    complete = case.definition.transition("complete")

    assert engine.refusal(case, complete, mentor) is None
    assert "begeleider" in engine.refusal(case, complete, other_coach)


def test_a_reviewer_of_another_programme_can_do_nothing(case, demo):
    outsider = reviewer(SCREENERS, demo["jobroad-matchmaking"]["nl"])

    assert engine.available_transitions(case, outsider) == []
    with pytest.raises(engine.TransitionRefused):
        engine.perform(case, "start_screening", outsider, expected_state="submitted")


def test_an_applicant_can_do_nothing(case):
    assert engine.available_transitions(case, case.application.applicant) == []


# --- Performing --------------------------------------------------------------------------


def test_a_transition_moves_the_case_and_records_who_did_it(case, level2work):
    screener = reviewer(SCREENERS, level2work)

    event = engine.perform(
        case,
        "start_screening",
        screener,
        data={"start_screening-comment": "Dossier volledig."},
        expected_state="submitted",
    )

    case.refresh_from_db()
    assert case.state == "screening"
    assert (event.from_state, event.to_state, event.actor) == ("submitted", "screening", screener)
    assert event.comment == "Dossier volledig."
    log = ModelLogEntry.objects.get(action="workflows.case.transition", object_id=str(case.pk))
    assert log.user == screener
    assert log.data["to_state"] == "screening"


def test_a_stale_page_gets_the_moved_on_message_and_changes_nothing(case, level2work):
    first = reviewer(SCREENERS, level2work, "eerste@example.org")
    second = reviewer(SCREENERS, level2work, "tweede@example.org")
    engine.perform(case, "start_screening", first, expected_state="submitted")

    stale = Case.objects.get(pk=case.pk)
    stale.state = "submitted"  # what the second reviewer's page still shows
    with pytest.raises(engine.CaseMovedOn, match="intussen verder gezet"):
        engine.perform(stale, "start_screening", second, expected_state="submitted")

    assert case.events.count() == 2


def test_a_transition_form_with_errors_changes_nothing(case, level2work):
    screener = reviewer(SCREENERS, level2work)
    put_in(case, "screening")

    with pytest.raises(engine.TransitionRefused) as refused:
        engine.perform(case, "screen_eligible", screener, data={}, expected_state="screening")

    assert "reasons" in refused.value.form.errors
    case.refresh_from_db()
    assert case.state == "screening"


def test_a_note_keeps_the_state(case, level2work):
    screener = reviewer(SCREENERS, level2work)

    engine.perform(
        case,
        "add_note",
        screener,
        data={"add_note-comment": "Belde terug."},
        expected_state="submitted",
    )

    case.refresh_from_db()
    assert case.state == "submitted"
    assert case.events.last().comment == "Belde terug."


def test_resuming_after_a_pause_returns_to_where_the_case_was(case, level2work):
    coach = reviewer(COACHES, level2work)
    put_in(case, "coaching")
    engine.perform(
        case, "put_on_hold", coach, data={"put_on_hold-comment": "Ziek."}, expected_state="coaching"
    )

    engine.perform(case, "resume", coach, expected_state="on_hold")

    case.refresh_from_db()
    assert case.state == "coaching"


def test_a_final_state_closes_the_case(case, level2work):
    screener = reviewer(SCREENERS, level2work)
    put_in(case, "screening")

    engine.perform(
        case,
        "screen_not_eligible",
        screener,
        data={"screen_not_eligible-reasons": "Diploma onder bachelorniveau."},
        expected_state="screening",
    )

    case.refresh_from_db()
    assert case.closed_at is not None
    assert engine.available_transitions(case, screener) == []


# --- Effects -----------------------------------------------------------------------------


def test_emails_go_out_only_after_commit_in_the_applicants_language(
    level2work, django_capture_on_commit_callbacks
):
    case = put_in(new_case(level2work, language="fr", preferred_language="fr"), "screening")
    screener = reviewer(SCREENERS, level2work)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        engine.perform(
            case,
            "screen_eligible",
            screener,
            data={"screen_eligible-reasons": "Voldoet."},
            expected_state="screening",
        )
        assert mail.outbox == []
    for callback in callbacks:
        callback()

    (message,) = mail.outbox
    assert message.to == [case.application.email]
    assert message.extra_headers["Content-Language"] == "fr"
    assert case.application.reference in message.subject


def test_effects_run_once_even_when_the_task_runs_twice(case, level2work):
    from workflows.tasks import run_effects

    put_in(case, "screening")
    screener = reviewer(SCREENERS, level2work)
    event = engine.perform(
        case,
        "screen_eligible",
        screener,
        data={"screen_eligible-reasons": "Voldoet."},
        expected_state="screening",
    )

    run_effects.call(event.pk)
    run_effects.call(event.pk)

    assert len(mail.outbox) == 1


def test_assigning_a_mentor_tells_the_mentor(case, level2work, django_capture_on_commit_callbacks):
    coach = reviewer(COACHES, level2work)
    put_in(case, "orientation")

    with django_capture_on_commit_callbacks(execute=True):
        engine.perform(
            case,
            "assign_mentor",
            coach,
            data={"assign_mentor-mentor": coach.pk},
            expected_state="orientation",
        )

    case.refresh_from_db()
    assert case.assignee == coach
    assert coach.email in [address for message in mail.outbox for address in message.to]


# --- Traineeships and placements -----------------------------------------------------------


def ibo():
    return TraineeshipType.objects.filter(abbreviation="IBO", locale__language_code="nl").first()


def employer():
    return PartnerPage.objects.filter(
        organisation_type="employer", locale__language_code="nl"
    ).first()


def test_a_traineeship_outside_its_types_duration_is_refused(case, level2work):
    officer = reviewer(PLACEMENT_OFFICERS, level2work)
    put_in(case, "coaching")
    kind = ibo()
    start = datetime.date(2026, 12, 1)
    too_long = start + datetime.timedelta(days=kind.max_duration_days + 10)

    with pytest.raises(engine.TransitionRefused) as refused:
        engine.perform(
            case,
            "start_traineeship",
            officer,
            data={
                "start_traineeship-traineeship_type": kind.pk,
                "start_traineeship-employer": employer().pk,
                "start_traineeship-starts_on": start.isoformat(),
                "start_traineeship-ends_on": too_long.isoformat(),
            },
            expected_state="coaching",
        )

    assert "Pas de data aan" in refused.value.form.errors["ends_on"][0]
    assert not Traineeship.objects.exists()


def test_a_traineeship_within_bounds_is_recorded(case, level2work):
    officer = reviewer(PLACEMENT_OFFICERS, level2work)
    put_in(case, "coaching")
    kind = ibo()
    start = datetime.date(2026, 12, 1)

    engine.perform(
        case,
        "start_traineeship",
        officer,
        data={
            "start_traineeship-traineeship_type": kind.pk,
            "start_traineeship-employer": employer().pk,
            "start_traineeship-starts_on": start.isoformat(),
            "start_traineeship-ends_on": (start + datetime.timedelta(days=59)).isoformat(),
        },
        expected_state="coaching",
    )

    traineeship = Traineeship.objects.get(case=case)
    assert traineeship.traineeship_type == kind
    assert traineeship.duration_days == 60


def test_a_placement_knows_whether_it_is_work_at_their_level(level2work):
    case = put_in(new_case(level2work, answers={"education": {"eqf_level": "7"}}), "coaching")
    officer = reviewer(PLACEMENT_OFFICERS, level2work)

    engine.perform(
        case,
        "record_placement",
        officer,
        data={
            "record_placement-employer": employer().pk,
            "record_placement-job_title": "Projectingenieur",
            "record_placement-contract_type": "permanent",
            "record_placement-starts_on": "2027-01-04",
            "record_placement-job_eqf_level": "7",
        },
        expected_state="coaching",
    )

    placement = Placement.objects.get(case=case)
    assert placement.at_level is True


# --- The worklist ----------------------------------------------------------------------


def test_the_worklist_holds_the_cases_a_reviewer_can_move(level2work, demo):
    screener = reviewer(SCREENERS, level2work)
    waiting = new_case(level2work)
    put_in(new_case(level2work), "coaching")  # the coaches' turn
    new_case(demo["jobroad-matchmaking"]["nl"])  # another programme

    assert list(engine.worklist(screener)) == [waiting]


def test_a_coach_sees_only_the_guarded_cases_assigned_to_them(level2work):
    mentor = reviewer(COACHES, level2work, "mentor@example.org")
    other = reviewer(COACHES, level2work, "ander@example.org")
    mine = put_in(new_case(level2work), "aftercare")
    Case.objects.filter(pk=mine.pk).update(assignee=mentor)

    assert mine in engine.worklist(mentor)
    assert mine not in engine.worklist(other)


def test_a_programme_manager_sees_everything_waiting_in_their_programmes(level2work):
    manager = reviewer(PROGRAMME_MANAGERS, level2work)
    cases = [new_case(level2work), put_in(new_case(level2work), "aftercare")]

    assert set(engine.worklist(manager)) >= set(cases)


# --- What the applicant sees ---------------------------------------------------------------


def test_the_portal_timeline_shows_applicant_facing_names_only(case, level2work):
    from workflows.portal import application_status

    screener = reviewer(SCREENERS, level2work)
    engine.perform(case, "start_screening", screener, expected_state="submitted")
    engine.perform(
        case, "add_note", screener, data={"add_note-comment": "Intern."}, expected_state="screening"
    )

    status = application_status(Case.objects.get(pk=case.pk).application)

    texts = [str(event.text) for event in status.timeline]
    assert "Intern." not in " ".join(texts)
    definition = case.definition
    assert str(status.label) == definition.state("screening").applicant_name
    assert len(texts) == 1 + bool(definition.transition("start_screening").applicant_name)


def test_submitting_the_wizard_opens_the_case_in_the_same_transaction(client, level2work):
    from forms.models import Application
    from tests.forms.wizard_helpers import Wizard

    wizard = Wizard(client, level2work)
    wizard.start()
    wizard.walk(["about", "origin", "education", "languages", "work", "documents", "privacy"])
    wizard.post("review", {})

    application = Application.objects.get()
    assert application.case.state == "submitted"
    assert application.case.programme == application.programme


def test_effects_that_failed_are_queued_again_and_run_once(case, level2work):
    from django.core.management import call_command

    from workflows.models import CaseEvent

    put_in(case, "screening")
    screener = reviewer(SCREENERS, level2work)
    event = engine.perform(
        case,
        "screen_eligible",
        screener,
        data={"screen_eligible-reasons": "Voldoet."},
        expected_state="screening",
    )  # the after-commit callback never runs here: as if the worker had failed
    CaseEvent.objects.filter(pk=event.pk).update(at=event.at - datetime.timedelta(minutes=10))

    call_command("retry_case_effects")
    call_command("retry_case_effects")

    assert len(mail.outbox) == 1
    assert CaseEvent.objects.get(pk=event.pk).effects_done == ["notify_applicant"]


def test_ending_a_completed_traineeship_records_it_as_completed(case, level2work):
    officer = reviewer(PLACEMENT_OFFICERS, level2work)
    mentor = reviewer(COACHES, level2work, "mentor@example.org")
    put_in(case, "coaching")
    Case.objects.filter(pk=case.pk).update(assignee=mentor)
    start = datetime.date(2026, 12, 1)
    engine.perform(
        case,
        "start_traineeship",
        officer,
        data={
            "start_traineeship-traineeship_type": ibo().pk,
            "start_traineeship-employer": employer().pk,
            "start_traineeship-starts_on": start.isoformat(),
            "start_traineeship-ends_on": (start + datetime.timedelta(days=59)).isoformat(),
        },
        expected_state="coaching",
    )

    engine.perform(
        case,
        "end_traineeship",
        mentor,
        data={"end_traineeship-completed": "on"},
        expected_state="traineeship",
    )

    assert Traineeship.objects.get(case=case).completed is True


def test_applications_that_came_in_without_a_workflow_get_their_case_on_assignment(
    level2work, django_capture_on_commit_callbacks
):
    from workflows.models import ProgrammeWorkflow

    assignment = ProgrammeWorkflow.objects.get(programme=level2work)
    workflow = assignment.workflow
    assignment.delete()
    waiting = make_application(make_user(), programme=level2work)

    with django_capture_on_commit_callbacks(execute=True):
        ProgrammeWorkflow.objects.create(programme=level2work, workflow=workflow)

    assert Case.objects.get(application=waiting).state == "submitted"

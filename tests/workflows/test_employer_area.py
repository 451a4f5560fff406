"""The employer area: an employer sees the blind profiles proposed to their own
organisation's vacancies, records the open interview's outcome through the case engine,
sees who the candidate is only from the step the workflow defines, and follows the
pipeline and the blind-hiring commitment of their vacancies."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from forms.steps import FORM_VERSION
from tests.workflows.case_factories import make_case, make_reviewer, put_in
from tests.workflows.partner_factories import make_employer, make_referrer
from tests.workflows.portal_factories import make_user
from tests.workflows.proposal_factories import placement_staff, propose, proposed_case
from tests.workflows.test_blind_profile import ANSWERS, EMAIL, HIDDEN, PHONE
from workflows import employer_area, engine
from workflows.blind_profile import pseudonym_code
from workflows.default_workflows import EMPLOYERS, SCREENERS
from workflows.models import CaseEvent, Proposal
from workflows.proposals import REVEAL_ACTION
from workflows.transition_forms import ProposeForm

TITLE = "Zorgkundige thuiszorg"


@pytest.fixture
def zorgnet(demo):
    return demo["zorgnet-dijle"]["nl"]


@pytest.fixture
def vacancy(demo):
    return demo["zorgkundige-thuiszorg"]["nl"]


@pytest.fixture
def second_vacancy(demo):
    return demo["logistiek-medewerker-woonzorgcentrum"]["nl"]


@pytest.fixture
def elsewhere(demo):
    """An open vacancy of another employer, Brugwerk Ingenieurs."""
    return demo["projectingenieur-infrastructuur"]["nl"]


@pytest.fixture
def employer(zorgnet):
    return make_employer(zorgnet, "hr@zorgnet.example").user


@pytest.fixture
def other_employer(demo):
    return make_employer(demo["brugwerk-ingenieurs"]["nl"], "hr@brugwerk.example").user


@pytest.fixture
def staff(matchmaking):
    return placement_staff(matchmaking)


@pytest.fixture
def proposal(matchmaking, vacancy, staff):
    """Zenobia (every hidden answer filled in) proposed for Zorgnet's home care job."""
    return proposed_case(
        matchmaking,
        vacancy,
        staff,
        first_name="Zenobia",
        last_name="Quarshie",
        email=EMAIL,
        phone=PHONE,
        form_version=FORM_VERSION,
        answers=ANSWERS,
    )


def url(name, proposal=None, **kwargs):
    if proposal is not None:
        kwargs["pk"] = proposal.pk
    return reverse(f"partner_area:{name}", kwargs=kwargs or None)


def page_text(response):
    """The page's words, without markup."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def hidden_in(text, proposal):
    folded = " ".join(text.split()).casefold()
    reference = proposal.case.application.reference
    return [value for value in [*HIDDEN, reference] if value.casefold() in folded]


def post_outcome(client, proposal, outcome, expected_state="proposed", **fields):
    return client.post(
        url("employer_record_outcome", proposal),
        {"outcome": outcome, "expected_state": expected_state, **fields},
    )


# --- Who gets in ---------------------------------------------------------------------------


def test_a_visitor_is_sent_to_sign_in(client, proposal):
    response = client.get(url("employer_proposal", proposal))

    assert response.status_code == 302
    assert "/my/inloggen/" in response["Location"]


def test_another_organisations_employer_finds_none_of_these_pages(client, proposal, other_employer):
    client.force_login(other_employer)

    for name in ("employer_proposal", "employer_proposal_pdf"):
        assert client.get(url(name, proposal)).status_code == 404, name
    assert client.get(url("employer_vacancy", pk=proposal.vacancy_id)).status_code == 404
    assert post_outcome(client, proposal, "workplace_visit").status_code == 404
    assert (
        client.post(url("employer_plan_interview", proposal), {"expected_state": "proposed"})
    ).status_code == 404
    proposal.case.refresh_from_db()
    assert proposal.case.state == "proposed"


def test_another_organisations_export_and_overview_hold_none_of_these_proposals(
    client, proposal, other_employer
):
    client.force_login(other_employer)
    code = pseudonym_code(proposal.case.application_id)

    overview = page_text(client.get(url("employer")))
    export = client.get(url("employer_export")).content.decode()

    assert TITLE not in overview
    assert code not in export
    assert TITLE not in export


def test_a_referrer_or_a_participant_finds_no_employer_page(client, proposal, zorgnet, demo):
    referrer = make_referrer(demo["ocmw-leuven"]["nl"], "coach@ocmw.example").user
    for user in (referrer, proposal.case.application.applicant):
        client.force_login(user)
        assert client.get(url("employer")).status_code == 404
        assert client.get(url("employer_proposal", proposal)).status_code == 404


def test_an_employer_gets_no_staff_page(client, proposal, employer):
    client.force_login(employer)

    for path in (
        reverse("wagtailadmin_home"),
        reverse("cases:index"),
        reverse("cases:inspect", args=[proposal.case_id]),
        reverse("cases:blind_profile", args=[proposal.case_id]),
    ):
        response = client.get(path)
        assert response.status_code == 302, path
        assert "/admin/login/" in response["Location"], path


# --- The pipeline and the commitment --------------------------------------------------------


def test_the_employer_sees_their_vacancies_with_the_pipeline(client, proposal, employer):
    client.force_login(employer)

    response = client.get(url("employer"))

    assert response.status_code == 200
    (row,) = [row for row in response.context["rows"] if row.source.pk == proposal.vacancy_id]
    assert row.pipeline.proposed == 1
    assert row.pipeline.invited == 0
    assert TITLE in page_text(response)
    assert "Logistiek medewerker woonzorgcentrum" in page_text(response)  # open, no one yet


def test_the_commitment_counts_the_invited_candidates(
    client, matchmaking, vacancy, staff, employer
):
    invited = proposed_case(matchmaking, vacancy, staff)
    proposed_case(matchmaking, vacancy, staff)
    client.force_login(employer)
    client.post(url("employer_plan_interview", invited), {"expected_state": "proposed"})

    _rows, total = employer_area.pipelines(invited.vacancy.get_parent().specific)

    assert (total.invited, total.proposed) == (1, 2)
    text = page_text(client.get(url("employer")))
    assert "1 van 2 voorgestelde kandidaten uitgenodigd" in text


def test_a_proposal_waiting_too_long_for_an_invitation_is_highlighted_in_words(
    client, proposal, employer
):
    Proposal.objects.filter(pk=proposal.pk).update(
        proposed_at=timezone.now() - datetime.timedelta(days=11)
    )
    client.force_login(employer)

    overview = page_text(client.get(url("employer")))
    listing_html = client.get(url("employer_vacancy", pk=proposal.vacancy_id)).content.decode()
    listing = " ".join(re.sub(r"<[^>]+>", " ", listing_html).split())
    detail = page_text(client.get(url("employer_proposal", proposal)))

    assert "Let op: 1 kandidaat wacht al langer dan 10 dagen op een uitnodiging." in overview
    assert "Let op: wacht al langer dan 10 dagen op een uitnodiging" in listing
    assert "employer-row--overdue" in listing_html
    assert "wacht al langer dan 10 dagen op een uitnodiging voor een open gesprek" in detail


def test_a_proposal_within_the_set_days_is_not_highlighted(client, proposal, employer, settings):
    settings.OPSTAP_INTERVIEW_WAIT_DAYS = 20
    Proposal.objects.filter(pk=proposal.pk).update(
        proposed_at=timezone.now() - datetime.timedelta(days=11)
    )
    client.force_login(employer)

    assert "Let op:" not in page_text(client.get(url("employer")))


def test_an_invited_candidate_is_never_overdue(proposal, employer):
    engine.perform(proposal.case, "invite_to_interview", employer, expected_state="proposed")
    proposal.refresh_from_db()
    proposal.proposed_at = timezone.now() - datetime.timedelta(days=30)

    assert not employer_area.is_overdue(proposal)


def test_the_vacancy_listing_makes_the_same_queries_for_one_or_many_proposals(
    client, matchmaking, vacancy, staff, employer
):
    proposed_case(matchmaking, vacancy, staff)
    client.force_login(employer)
    client.get(url("employer_vacancy", pk=vacancy.pk))  # caches (locales, menus) filled
    with CaptureQueriesContext(connection) as one:
        client.get(url("employer_vacancy", pk=vacancy.pk))
    for _ in range(3):
        proposed_case(matchmaking, vacancy, staff)
    with CaptureQueriesContext(connection) as four:
        client.get(url("employer_vacancy", pk=vacancy.pk))

    assert len(four) == len(one)


# --- Blind: nothing that says who the candidate is ------------------------------------------


def test_the_proposal_page_hides_every_identifying_answer(client, proposal, employer):
    client.force_login(employer)

    response = client.get(url("employer_proposal", proposal))

    assert response.status_code == 200
    text = page_text(response)
    assert pseudonym_code(proposal.case.application_id) in text
    assert "Boekhouding en fiscaliteit" in text  # what counts for the job is there
    assert hidden_in(response.content.decode(), proposal) == []  # attributes included


def test_the_pdf_hides_every_identifying_answer(client, proposal, employer):
    import pypdf

    client.force_login(employer)

    response = client.get(url("employer_proposal_pdf", proposal))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    pages = pypdf.PdfReader(io.BytesIO(response.content)).pages
    text = " ".join(page.extract_text() for page in pages)
    assert pseudonym_code(proposal.case.application_id) in text
    assert hidden_in(text, proposal) == []


def test_the_export_is_blind_and_neutralises_formulas(client, proposal, employer, vacancy):
    type(vacancy).objects.filter(pk=vacancy.pk).update(title="=HYPERLINK(1)")
    client.force_login(employer)

    response = client.get(url("employer_export"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = response.content.decode("utf-8-sig")
    assert hidden_in(content, proposal) == []
    heading, row = list(csv.reader(io.StringIO(content)))
    assert row[0] == pseudonym_code(proposal.case.application_id)
    assert row[1] == "'=HYPERLINK(1)"
    assert row[2] == "wacht op een uitnodiging"


# --- The open interview's outcome, through the engine --------------------------------------


def test_an_employer_invites_to_a_workplace_visit_as_any_transition_is_recorded(
    client, proposal, employer, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(employer)

    with django_capture_on_commit_callbacks(execute=True):
        response = post_outcome(client, proposal, "workplace_visit")

    assert response.status_code == 302
    case = proposal.case
    case.refresh_from_db()
    assert case.state == "workplace_visit"
    event = CaseEvent.objects.get(case=case, transition="interview_retained")
    assert event.actor == employer
    assert event.data["outcome"] == "workplace_visit"
    entry = ModelLogEntry.objects.filter(action="workflows.case.transition", object_id=case.pk)
    assert entry.get(data__event=event.pk).user == employer
    assert [message.to for message in mailoutbox] == [[EMAIL]]
    proposal.refresh_from_db()
    assert proposal.outcome == "workplace_visit"
    assert proposal.outcome_by == employer


def test_an_employer_invites_to_a_trial(client, proposal, employer):
    client.force_login(employer)

    post_outcome(client, proposal, "trial")

    proposal.refresh_from_db()
    assert proposal.outcome == "trial"
    assert proposal.case.state == "workplace_visit"


def test_not_retained_without_a_reason_says_how_to_fix_it(client, proposal, employer):
    client.force_login(employer)

    response = post_outcome(client, proposal, "not_retained")

    assert response.status_code == 200
    text = page_text(response)
    assert "<title>Fout: " in response.content.decode()
    assert "Er is een probleem" in text
    assert "Kies waarom de kandidaat niet weerhouden is." in text
    html = response.content.decode()
    assert html.index("error-summary") < html.index("<h1")  # at the top, each error a link
    assert 'href="#id_reason"' in html
    assert not CaseEvent.objects.filter(case=proposal.case, transition__startswith="interview")


def test_no_outcome_chosen_says_what_to_choose(client, proposal, employer):
    client.force_login(employer)

    response = client.post(url("employer_record_outcome", proposal), {"expected_state": "proposed"})

    assert "Kies de uitkomst van het gesprek." in page_text(response)


def test_another_reason_needs_a_sentence(client, proposal, employer):
    client.force_login(employer)

    response = post_outcome(client, proposal, "not_retained", reason="other")

    assert "Schrijf bij „andere reden” in een zin wat de reden is." in page_text(response)


def test_not_retained_sends_the_candidate_back_to_be_proposed_elsewhere(
    client, proposal, employer, staff, second_vacancy
):
    client.force_login(employer)

    post_outcome(
        client, proposal, "not_retained", reason="language", reason_details="Meer Nederlands"
    )

    proposal.refresh_from_db()
    assert proposal.case.state == "proposed"
    assert (proposal.outcome, proposal.reason) == ("not_retained", "language")
    assert proposal.reason_details == "Meer Nederlands"
    assert proposal.closed_at is not None
    again = propose(proposal.case, second_vacancy, staff, key="propose_to_other_vacancy")
    assert again.vacancy_id == second_vacancy.pk
    assert again.pk != proposal.pk


@pytest.mark.parametrize(
    "outcome,fields",
    [("workplace_visit", {}), ("not_retained", {"reason": "experience"})],
    ids=["onwards", "back-to-proposed"],
)
def test_a_double_click_moves_the_case_exactly_once(client, proposal, employer, outcome, fields):
    client.force_login(employer)

    first = post_outcome(client, proposal, outcome, **fields)
    second = client.post(
        url("employer_record_outcome", proposal),
        {"outcome": outcome, "expected_state": "proposed", **fields},
        follow=True,
    )

    assert first.status_code == 302
    moved = CaseEvent.objects.filter(case=proposal.case, transition__startswith="interview_")
    assert moved.count() == 1
    messages = [str(message) for message in second.context["messages"]]
    assert messages[-1] == str(employer_area.MOVED_ON)  # after the first click's thanks


def test_an_employer_marks_the_interview_planned(client, proposal, employer):
    client.force_login(employer)

    client.post(
        url("employer_plan_interview", proposal),
        {
            "expected_state": "proposed",
            "interview_on_0": "27",
            "interview_on_1": "3",
            "interview_on_2": "2027",
        },
    )

    proposal.refresh_from_db()
    assert proposal.case.state == "open_interview"
    assert proposal.interview_on == datetime.date(2027, 3, 27)
    assert proposal.was_invited


def test_a_half_filled_interview_date_says_how_to_fix_it(client, proposal, employer):
    client.force_login(employer)

    response = client.post(
        url("employer_plan_interview", proposal),
        {"expected_state": "proposed", "interview_on_0": "27"},
    )

    assert "Vul de datum helemaal in: dag, maand en jaar" in page_text(response)
    proposal.case.refresh_from_db()
    assert proposal.case.state == "proposed"


# --- The engine's rules for employers --------------------------------------------------------


def test_the_engine_lets_an_employer_take_only_the_interview_steps(proposal, employer):
    keys = {transition.key for transition in engine.available_transitions(proposal.case, employer)}

    assert keys == {"invite_to_interview", "interview_retained", "interview_not_retained"}


def test_the_engine_refuses_an_employer_of_another_organisation(proposal, other_employer):
    with pytest.raises(engine.TransitionRefused) as refused:
        engine.perform(
            proposal.case,
            "interview_retained",
            other_employer,
            data={"interview_retained-outcome": "trial"},
        )

    assert "niet voorgesteld voor een vacature van je organisatie" in refused.value.message


def test_the_engine_refuses_referrers_and_participants(proposal, demo):
    referrer = make_referrer(demo["ocmw-leuven"]["nl"]).user
    participant = proposal.case.application.applicant
    transition = proposal.case.definition.transition("interview_retained")

    for user in (referrer, participant):
        assert engine.refusal(proposal.case, transition, user) is not None
        assert engine.available_transitions(proposal.case, user) == []


def test_staff_put_in_the_employers_group_do_not_act_as_employers(matchmaking, proposal):
    screener = make_reviewer(SCREENERS, matchmaking)
    screener.groups.add(Group.objects.get(name=EMPLOYERS))
    transition = proposal.case.definition.transition("interview_retained")

    refusal = engine.refusal(proposal.case, transition, screener)

    assert refusal == "Je groep mag deze stap niet zetten."


def test_an_employer_cannot_act_once_the_proposal_is_replaced(proposal, employer, staff, elsewhere):
    propose(proposal.case, elsewhere, staff, key="propose_to_other_vacancy")

    assert engine.available_transitions(proposal.case, employer) == []


# --- Who the candidate is: only from the step the workflow defines -------------------------


def reveal_entries(case):
    return ModelLogEntry.objects.filter(action=REVEAL_ACTION, object_id=case.pk)


def test_the_identity_is_hidden_until_the_workflow_reveals_it_and_the_reveal_is_logged_once(
    client, proposal, employer, staff, zorgnet
):
    client.force_login(employer)
    before = page_text(client.get(url("employer_proposal", proposal)))

    post_outcome(client, proposal, "workplace_visit")
    after = page_text(client.get(url("employer_proposal", proposal)))
    client.get(url("employer_proposal", proposal))
    proposal.case.refresh_from_db()
    engine.perform(
        proposal.case,
        "record_hire",
        staff,
        data={
            "record_hire-employer": str(zorgnet.pk),
            "record_hire-job_title": "Zorgkundige",
            "record_hire-contract_type": "permanent",
            "record_hire-starts_on": "2027-01-04",
        },
    )

    assert "Zenobia" not in before and EMAIL not in before
    assert "Zenobia Quarshie" in after and EMAIL in after and PHONE in after
    proposal.refresh_from_db()
    assert proposal.identity_revealed_at is not None
    (entry,) = reveal_entries(proposal.case)
    assert entry.user == employer
    assert entry.data["proposal"] == proposal.pk
    assert proposal.hired_at is not None


def test_the_identity_is_hidden_again_when_the_visit_ends_without_a_match(
    client, proposal, employer, staff
):
    client.force_login(employer)
    post_outcome(client, proposal, "trial")
    proposal.case.refresh_from_db()
    engine.perform(
        proposal.case, "visit_not_retained", staff, data={"visit_not_retained-comment": "Geen klik"}
    )

    response = client.get(url("employer_proposal", proposal))
    text = page_text(response)

    assert "Zenobia" not in text
    assert hidden_in(response.content.decode(), proposal) == []


def test_a_closed_case_closes_its_proposal(proposal, staff):
    engine.perform(proposal.case, "withdraw", staff, data={"withdraw-comment": "Verhuisd"})

    proposal.refresh_from_db()
    assert proposal.closed_at is not None


# --- Staff propose for a chosen vacancy -----------------------------------------------------


def test_staff_choose_among_the_open_vacancies_of_employers(matchmaking, vacancy, staff, demo):
    case = put_in(make_case(matchmaking), "screening_day")
    form = ProposeForm(case=case, user=staff, prefix="p")
    choices = list(form.fields["vacancy"].queryset)

    assert vacancy in choices
    assert demo["projectingenieur-infrastructuur"]["nl"] in choices
    assert demo["bim-tekenaar"]["nl"] not in choices  # closed
    assert all(choice.locale_id == vacancy.locale_id for choice in choices)
    type(vacancy).objects.filter(pk=vacancy.pk).update(is_open=False)
    assert vacancy not in ProposeForm(case=case, user=staff, prefix="p").fields["vacancy"].queryset


def test_proposing_elsewhere_closes_the_open_proposal(proposal, staff, elsewhere):
    again = propose(proposal.case, elsewhere, staff, key="propose_to_other_vacancy")

    proposal.refresh_from_db()
    assert proposal.closed_at is not None
    assert Proposal.objects.filter(case=proposal.case, closed_at__isnull=True).get() == again


def test_proposing_needs_a_vacancy(matchmaking, staff):
    case = make_case(matchmaking)
    engine.perform(case, "invite_to_screening_day", staff)

    with pytest.raises(engine.TransitionRefused) as refused:
        engine.perform(case, "propose_to_vacancy", staff, data={})

    assert "Kies de vacature waarvoor je de kandidaat voorstelt." in str(
        refused.value.form.errors["vacancy"]
    )


# --- Languages --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "en", "fr", "ar", "uk"])
def test_the_employer_pages_answer_in_every_language(client, proposal, employer, language):
    client.force_login(employer)
    with translation.override(language):
        paths = [
            url("employer"),
            url("employer_vacancy", pk=proposal.vacancy_id),
            url("employer_proposal", proposal),
        ]

    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert f'lang="{language}"' in html
        if language == "ar":
            assert 'dir="rtl"' in html


def test_the_vacancy_shows_in_the_readers_language_where_translated(client, proposal, employer):
    client.force_login(employer)
    with translation.override("en"):
        response = client.get(url("employer"))

    assert "Home care assistant" in page_text(response)


# --- The demo -----------------------------------------------------------------------------------


def test_the_demo_employer_has_candidates_to_look_at(demo, client):
    from django.contrib.auth import get_user_model

    from workflows.demo.candidates import seed_candidates

    seed_candidates(demo["zorgnet-dijle"]["nl"])  # only its locale counts
    employer = get_user_model().objects.get(email="employer@opstap.test")
    client.force_login(employer)

    _rows, total = employer_area.pipelines(employer.partner_account.partner)

    assert (total.proposed, total.overdue, total.in_trial) == (3, 1, 1)
    assert client.get(url("employer")).status_code == 200


def test_a_new_user_is_not_an_employer(client, db):
    client.force_login(make_user("iemand@example.org"))

    assert client.get(url("employer")).status_code == 404


def test_staff_propose_for_a_vacancy_on_the_case_page(client, matchmaking, vacancy, staff):
    case = make_case(matchmaking)
    engine.perform(case, "invite_to_screening_day", staff)
    client.force_login(staff)

    page = client.get(reverse("cases:inspect", args=[case.pk])).content.decode()
    response = client.post(
        reverse("cases:transition", args=[case.pk]),
        {
            "transition": "propose_to_vacancy",
            "expected_state": "screening_day",
            "propose_to_vacancy-vacancy": str(vacancy.pk),
            "propose_to_vacancy-reasons": "Zorgervaring en rijbewijs.",
        },
    )

    assert "Zorgnet Dijle – Zorgkundige thuiszorg" in page
    assert response.status_code == 302
    (proposal,) = Proposal.objects.filter(case=case)
    assert (proposal.vacancy_id, proposal.proposed_by) == (vacancy.pk, staff)


def test_the_overview_makes_the_same_queries_for_one_or_many_proposals(
    client, matchmaking, vacancy, second_vacancy, staff, employer
):
    proposed_case(matchmaking, vacancy, staff)
    client.force_login(employer)
    client.get(url("employer"))  # caches (locales, menus) filled
    with CaptureQueriesContext(connection) as one:
        client.get(url("employer"))
    for target in (vacancy, second_vacancy, second_vacancy):
        proposed_case(matchmaking, target, staff)
    with CaptureQueriesContext(connection) as four:
        client.get(url("employer"))

    assert len(four) == len(one)


def test_the_employers_group_has_no_permissions_and_can_be_chosen_for_a_transition(db):
    from workflows.models import WorkflowTransition

    group = Group.objects.get(name=EMPLOYERS)

    assert not group.permissions.exists()
    assert not group.user_set.exists()
    assert group in WorkflowTransition._meta.get_field("groups").formfield().queryset


def test_staff_see_the_employers_outcome_on_the_case_page(client, proposal, employer, staff):
    client.force_login(employer)
    post_outcome(
        client, proposal, "not_retained", reason="mobility", reason_details="Geen bus 's nachts"
    )
    client.force_login(staff)

    text = page_text(client.get(reverse("cases:inspect", args=[proposal.case_id])))

    assert "Voorstellen aan werkgevers" in text
    assert "Niet weerhouden: vervoer of afstand – Geen bus &#x27;s nachts" in text

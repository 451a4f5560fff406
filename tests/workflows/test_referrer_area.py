"""The referrer area: a job coach refers a candidate, the candidate confirms by the link
in their language and continues in a pre-filled wizard, and the coach follows the
referral; only their own, and the progress only when the candidate shares it."""

import datetime
import re
import time
from unittest import mock

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from forms import referrals
from forms.models import ApplicationDraft, Referral
from tests.forms.referral_factories import make_referral
from tests.workflows.case_factories import make_case, put_in
from tests.workflows.partner_factories import make_employer, make_referrer

LINK_PATTERN = re.compile(r"http://testserver(/[a-z]+/aanmelden/doorverwezen/[^/\s]+/)")
LANGUAGES = ["nl", "en", "fr", "ar", "uk"]


@pytest.fixture
def programme(demo):
    return demo["jobroad-matchmaking"]["nl"]  # asks who refers


@pytest.fixture
def ocmw(demo):
    return demo["ocmw-leuven"]["nl"]


@pytest.fixture
def coach(ocmw):
    return make_referrer(
        ocmw, "els.peeters@ocmw-leuven.example", first_name="Els", last_name="Peeters"
    )


def url(name, language="nl", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def form_data(programme, **fields):
    return {
        "programme": str(programme.pk),
        "candidate_name": "Amina Al Haddad",
        "email": "amina@example.org",
        "phone": "",
        "language": "ar",
        "motivation": "Wil snel aan het werk in de zorg.",
        "coach_notes": "Heeft kinderopvang tot 16 uur.",
        "candidate_informed": "on",
        **fields,
    }


def refer(client, coach, programme, capture, **fields):
    client.force_login(coach.user)
    with capture(execute=True):
        return client.post(url("partner_area:refer"), form_data(programme, **fields))


def link_in(message):
    match = LINK_PATTERN.search(message.body)
    assert match, message.body
    return match.group(1)


# --- Referring ---------------------------------------------------------------------------


def test_a_referral_sends_the_candidate_a_message_in_their_language_with_a_working_link(
    client, coach, programme, django_capture_on_commit_callbacks
):
    response = refer(client, coach, programme, django_capture_on_commit_callbacks)

    referral = Referral.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("partner_area:referral", public_id=referral.public_id)
    assert (referral.referred_by, referral.organisation, referral.programme) == (
        coach.user,
        coach.partner,
        programme,
    )
    assert (referral.candidate_name, referral.email, referral.language) == (
        "Amina Al Haddad",
        "amina@example.org",
        "ar",
    )
    (message,) = mail.outbox
    assert message.to == ["amina@example.org"]
    assert message.extra_headers["Content-Language"] == "ar"
    assert "Els Peeters" in message.body and "OCMW" in message.body
    assert "Heeft kinderopvang" not in message.body  # the notes are for staff

    client.logout()
    page = client.get(link_in(message))
    assert page.status_code == 200
    content = page.content.decode()
    assert '<html lang="ar" dir="rtl"' in content
    assert "Els Peeters" in content


def test_after_referring_the_referrer_is_told_where_the_message_went(
    client, coach, programme, django_capture_on_commit_callbacks
):
    response = refer(client, coach, programme, django_capture_on_commit_callbacks)
    page = client.get(response["Location"]).content.decode()
    assert "Amina Al Haddad is doorverwezen. We stuurden een bericht naar amina@example.org" in page
    assert "Wacht op bevestiging" in page


def test_the_form_says_what_is_missing_and_how_to_fix_it(client, coach, programme):
    client.force_login(coach.user)
    response = client.post(url("partner_area:refer"), {"programme": "", "language": ""})

    assert response.status_code == 200
    content = response.content.decode()
    assert content.lstrip().startswith("<!DOCTYPE html>")
    assert re.search(r"<title>\s*Fout: ", content)
    assert "Er is een probleem" in content  # the error summary
    for message in [
        "Kies het programma waarvoor je de kandidaat doorverwijst.",
        "Vul de naam van de kandidaat in.",
        "Vul het e-mailadres of het telefoonnummer van de kandidaat in",
        "Kies de taal waarin we de kandidaat schrijven.",
        "Schrijf in een paar zinnen waarom dit programma bij de kandidaat past.",
        "Vink aan dat de kandidaat weet van de doorverwijzing.",
    ]:
        assert message in content, message
    assert 'href="#id_candidate_name"' in content  # each entry links to its field
    assert not Referral.objects.exists()


def test_a_wrong_email_address_or_phone_number_is_explained(client, coach, programme):
    client.force_login(coach.user)
    response = client.post(
        url("partner_area:refer"), form_data(programme, email="amina.example.org", phone="abc")
    )
    content = response.content.decode()
    assert "Vul een e-mailadres in met een @ en een domein" in content
    assert "Een telefoonnummer heeft alleen cijfers" in content
    assert not Referral.objects.exists()


def test_with_only_a_phone_number_the_referrer_sees_the_link_once(
    client, coach, programme, django_capture_on_commit_callbacks
):
    response = refer(
        client,
        coach,
        programme,
        django_capture_on_commit_callbacks,
        email="",
        phone="0470 12 34 56",
    )

    assert mail.outbox == []
    first = client.get(response["Location"]).content.decode()
    link = LINK_PATTERN.search(first)
    assert link and "Bezorg deze link aan de kandidaat" in first
    again = client.get(response["Location"]).content.decode()
    assert "Bezorg deze link aan de kandidaat" not in again
    assert LINK_PATTERN.search(again) is None

    client.logout()
    assert client.get(link.group(1)).status_code == 200


def test_referring_the_same_candidate_again_gives_the_waiting_referral(
    client, coach, programme, django_capture_on_commit_callbacks
):
    refer(client, coach, programme, django_capture_on_commit_callbacks)
    response = refer(
        client, coach, programme, django_capture_on_commit_callbacks, email="AMINA@example.org"
    )

    assert Referral.objects.count() == 1
    assert len(mail.outbox) == 1
    page = client.get(response["Location"]).content.decode()
    assert "is al doorverwezen naar dit programma en heeft nog niet bevestigd" in page


def test_a_candidate_a_colleague_already_referred_is_not_referred_twice(
    client, coach, programme, ocmw, django_capture_on_commit_callbacks
):
    colleague = make_referrer(ocmw, "collega@ocmw-leuven.example")
    theirs = make_referral(colleague, programme, email="amina@example.org")

    response = refer(client, coach, programme, django_capture_on_commit_callbacks)

    assert Referral.objects.get() == theirs
    assert response["Location"] == url("partner_area:referrer")
    page = client.get(response["Location"]).content.decode()
    assert "Iemand van je organisatie verwees deze kandidaat al door" in page


def test_a_bot_filling_the_hidden_field_refers_nobody(
    client, coach, programme, django_capture_on_commit_callbacks
):
    response = refer(
        client, coach, programme, django_capture_on_commit_callbacks, website="http://spam"
    )
    assert response.status_code == 302
    assert not Referral.objects.exists() and mail.outbox == []


def test_too_many_referrals_in_an_hour_are_refused_with_what_to_do(
    client, coach, programme, django_capture_on_commit_callbacks
):
    with mock.patch("workflows.views.referrer_area.REFERRALS_PER_REFERRER", (1, 3600)):
        refer(client, coach, programme, django_capture_on_commit_callbacks)
        response = refer(
            client, coach, programme, django_capture_on_commit_callbacks, email="b@example.org"
        )
    assert response.status_code == 200
    assert "probeer het over een uur opnieuw" in response.content.decode()
    assert Referral.objects.count() == 1


# --- The candidate confirms --------------------------------------------------------------


def confirm_link(referral, language=None):
    with translation.override(language or referral.language):
        return reverse(
            "forms:referral_confirm", kwargs={"token": referrals.confirmation_token(referral)}
        )


def test_confirming_opens_the_wizard_with_what_the_referrer_entered(client, coach, programme):
    referral = make_referral(coach, programme, phone="+32 470 12 34 56", language="fr")

    response = client.post(confirm_link(referral), {"shares_progress": "on"})

    referral.refresh_from_db()
    assert referral.confirmed_at is not None and referral.shares_progress
    with translation.override("fr"):
        wizard = url("forms:wizard", "fr", programme_id=programme.localized.pk)
    assert response.status_code == 302 and response["Location"] == wizard
    page = client.get(wizard).content.decode()
    assert 'value="Amina"' in page and 'value="Al Haddad"' in page
    assert 'value="amina@example.org"' in page and 'value="+32 470 12 34 56"' in page
    draft = ApplicationDraft.objects.get(pk=referral.draft_id)
    assert draft.email == "amina@example.org"  # now in the candidate's portal
    assert draft.wizard_state["step_data"]["about"]["about-preferred_language"] == ["fr"]
    assert draft.wizard_state["step_data"]["referral"] == {
        "referral-referring_organisation": [coach.partner.localized.title],
        "referral-coach_name": ["Els Peeters"],
        "referral-coach_email": ["els.peeters@ocmw-leuven.example"],
    }


def test_the_application_sent_from_a_referral_is_followed_by_the_referrer(
    client, coach, programme, django_capture_on_commit_callbacks
):
    from tests.forms.wizard_helpers import Wizard, valid_answers

    referral = make_referral(coach, programme, language="nl")
    client.post(confirm_link(referral), {"shares_progress": "on"})
    stored = ApplicationDraft.objects.get(pk=referral.draft_id).wizard_state["step_data"]
    typed = {
        step: {key.removeprefix(f"{step}-"): values[0] for key, values in fields.items()}
        for step, fields in stored.items()
    }
    answers = valid_answers()
    answers["about"] = {**answers["about"], **typed["about"]}
    answers["referral"] = {**typed["referral"], "coach_phone": ""}
    wizard = Wizard(client, programme)
    steps = ["about", "origin", "education", "languages", "work", "referral", "documents"]

    with django_capture_on_commit_callbacks(execute=True):
        wizard.walk([*steps, "privacy"], answers)
        response = wizard.post("review", {})

    assert response.status_code == 302 and "/verzonden/" in response["Location"]
    referral.refresh_from_db()
    application = referral.application
    assert application is not None
    assert (application.first_name, application.last_name) == ("Amina", "Al Haddad")
    assert application.answers["referral"]["coach_name"] == "Els Peeters"
    client.force_login(coach.user)
    state = application.case.definition.state(application.case.state)
    listing = client.get(url("partner_area:referrer")).content.decode()
    assert str(state.applicant_name) in listing


def test_the_confirmation_page_says_who_referred_and_for_what(client, coach, programme):
    referral = make_referral(coach, programme, language="nl")
    content = client.get(confirm_link(referral)).content.decode()
    assert "Els Peeters" in content and coach.partner.title in content
    assert programme.title in content
    assert "Wil snel aan het werk in de zorg." in content  # why, in the coach's words
    assert "mag zien hoe ver mijn aanmelding staat" in content
    assert "Heeft kinderopvang" not in content  # the coach's notes are for staff


def test_progress_is_not_shared_unless_the_candidate_ticks_the_box(client, coach, programme):
    referral = make_referral(coach, programme)
    client.post(confirm_link(referral), {})
    referral.refresh_from_db()
    assert referral.confirmed_at is not None and not referral.shares_progress


def test_a_candidate_who_says_no_is_erased_at_once(client, coach, programme):
    referral = make_referral(coach, programme)
    draft_id = referral.draft_id

    response = client.post(confirm_link(referral), {"decline": "1"})

    assert response.status_code == 200
    referral.refresh_from_db()
    assert referral.purged_at is not None and referral.candidate_name == ""
    assert not ApplicationDraft.objects.filter(pk=draft_id).exists()
    assert client.get(confirm_link(referral)).status_code == 404


def test_the_link_stops_working_after_the_confirmation_period(client, coach, programme, settings):
    settings.OPSTAP_REFERRAL_CONFIRM_DAYS = 14
    referral = make_referral(coach, programme)
    link = confirm_link(referral)
    fifteen_days_later = time.time() + 15 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=fifteen_days_later):
        assert client.get(link).status_code == 404
    assert (
        client.get(confirm_link(referral).replace("doorverwezen/", "doorverwezen/x")).status_code
        == 404
    )


def test_a_link_made_late_still_ends_with_the_referrals_period(client, coach, programme):
    referral = make_referral(coach, programme, days_ago=15)
    response = client.get(confirm_link(referral, "nl"))
    assert response.status_code == 404
    assert "Deze link werkt niet meer" in response.content.decode()


# --- Following referrals -----------------------------------------------------------------


def submitted_referral(coach, programme, *, shares_progress):
    referral = make_referral(coach, programme)
    referrals.confirm(referral, shares_progress=shares_progress)
    case = make_case(programme)
    referral.refresh_from_db()
    referrals.attach_application(referral.draft, case.application)
    return case


def test_a_candidate_who_shares_shows_the_cases_state_and_next_step(client, coach, programme):
    case = submitted_referral(coach, programme, shares_progress=True)
    state = case.definition.state(case.state)
    client.force_login(coach.user)

    content = client.get(url("partner_area:referrer")).content.decode()

    assert str(state.applicant_name) in content
    assert str(state.applicant_description) in content


def test_a_shared_case_that_moves_on_shows_its_new_state(client, coach, programme):
    case = submitted_referral(coach, programme, shares_progress=True)
    definition = case.definition
    later = next(
        state for state in definition.states if state.applicant_name and state.key != case.state
    )
    put_in(case, later.key)
    client.force_login(coach.user)
    assert str(later.applicant_name) in client.get(url("partner_area:referrer")).content.decode()


def test_a_candidate_who_does_not_share_shows_only_that_they_confirmed(client, coach, programme):
    case = submitted_referral(coach, programme, shares_progress=False)
    state = case.definition.state(case.state)
    client.force_login(coach.user)

    content = client.get(url("partner_area:referrer")).content.decode()

    assert "De kandidaat deelt de voortgang van de aanmelding niet met jou." in content
    assert str(state.applicant_description) not in content
    assert case.application.reference not in content


def test_the_applicant_sees_who_referred_them_and_can_stop_sharing(client, coach, programme):
    case = submitted_referral(coach, programme, shares_progress=True)
    application = case.application
    client.force_login(application.applicant)
    page = url("portal:application", reference=application.reference)
    content = client.get(page).content.decode()
    assert "Els Peeters" in content and "ziet de stap waarin je aanmelding is" in content

    response = client.post(
        url("portal:referral_sharing", reference=application.reference), {"shares_progress": "0"}
    )

    assert response.status_code == 302 and response["Location"] == page
    assert (
        "Els Peeters ziet niet meer hoe ver je aanmelding staat."
        in client.get(page).content.decode()
    )
    client.force_login(coach.user)
    listing = client.get(url("partner_area:referrer")).content.decode()
    assert "De kandidaat deelt de voortgang van de aanmelding niet met jou." in listing


def test_only_the_applicant_changes_what_their_referrer_sees(client, coach, programme):
    from tests.workflows.portal_factories import make_user

    case = submitted_referral(coach, programme, shares_progress=True)
    client.force_login(make_user("iemand@example.org"))
    response = client.post(
        url("portal:referral_sharing", reference=case.application.reference),
        {"shares_progress": "0"},
    )
    assert response.status_code == 404
    assert Referral.objects.get(application=case.application).shares_progress


def test_a_waiting_referral_says_until_when(client, coach, programme, settings):
    settings.OPSTAP_REFERRAL_CONFIRM_DAYS = 14
    make_referral(coach, programme)
    client.force_login(coach.user)
    content = client.get(url("partner_area:referrer")).content.decode()
    deadline = datetime.date.today() + datetime.timedelta(days=14)
    assert "Wacht op bevestiging" in content
    assert f"{deadline.day} " in content and str(deadline.year) in content


def test_the_list_takes_the_same_number_of_queries_for_more_referrals(client, coach, programme):
    submitted_referral(coach, programme, shares_progress=True)
    client.force_login(coach.user)
    client.get(url("partner_area:referrer"))
    with CaptureQueriesContext(connection) as few:
        client.get(url("partner_area:referrer"))
    for number in range(4):
        submitted_referral(coach, programme, shares_progress=number % 2 == 0)
        make_referral(coach, programme, email=f"kandidaat{number}@example.org")
    with CaptureQueriesContext(connection) as many:
        client.get(url("partner_area:referrer"))
    assert len(many) == len(few)


def test_a_referrer_withdraws_a_waiting_referral_and_it_is_erased(client, coach, programme):
    referral = make_referral(coach, programme)
    draft_id = referral.draft_id
    client.force_login(coach.user)
    withdraw = url("partner_area:withdraw_referral", public_id=referral.public_id)

    response = client.post(withdraw)
    client.post(withdraw)  # a double click

    referral.refresh_from_db()
    assert referral.purged_at is not None and referral.candidate_name == ""
    assert not ApplicationDraft.objects.filter(pk=draft_id).exists()
    page = client.get(response["Location"]).content.decode()
    assert "De doorverwijzing is ingetrokken." in page
    assert client.get(confirm_link(referral)).status_code == 404


def test_a_confirmed_referral_is_the_candidates_and_cannot_be_withdrawn(client, coach, programme):
    referral = make_referral(coach, programme)
    referrals.confirm(referral, shares_progress=False)
    client.force_login(coach.user)

    response = client.post(url("partner_area:withdraw_referral", public_id=referral.public_id))

    referral.refresh_from_db()
    assert referral.purged_at is None and referral.candidate_name
    assert (
        "De kandidaat bevestigde de doorverwijzing al."
        in client.get(response["Location"]).content.decode()
    )


# --- Only their own ----------------------------------------------------------------------


def test_a_referrer_never_sees_another_referrers_or_organisations_referral(
    client, coach, programme, ocmw, demo
):
    colleague = make_referrer(ocmw, "collega@ocmw-leuven.example")
    elsewhere = make_referrer(demo["zorgnet-dijle"]["nl"], "coach@zorgnet.example")
    theirs = make_referral(colleague, programme, candidate_name="Bohdan Kovalenko")
    other_organisation = make_referral(
        elsewhere, programme, candidate_name="Olena Shevchenko", email="olena@example.org"
    )
    client.force_login(coach.user)

    for referral in (theirs, other_organisation):
        detail = url("partner_area:referral", public_id=referral.public_id)
        assert client.get(detail).status_code == 404
        withdraw = url("partner_area:withdraw_referral", public_id=referral.public_id)
        assert client.post(withdraw).status_code == 404
        referral.refresh_from_db()
        assert referral.purged_at is None
    listing = client.get(url("partner_area:referrer")).content.decode()
    assert "Bohdan" not in listing and "Olena" not in listing


def test_an_employer_or_a_participant_does_not_find_the_referrer_area(
    client, coach, programme, demo
):
    from tests.workflows.portal_factories import make_user

    referral = make_referral(coach, programme)
    for user in (make_employer(demo["zorgnet-dijle"]["nl"]).user, make_user("iemand@example.org")):
        client.force_login(user)
        for path in (
            url("partner_area:referrer"),
            url("partner_area:refer"),
            url("partner_area:referral", public_id=referral.public_id),
        ):
            assert client.get(path).status_code == 404, path


def test_a_referrer_gets_no_staff_page(client, coach, programme):
    case = submitted_referral(coach, programme, shares_progress=True)
    client.force_login(coach.user)
    for path in (
        "/admin/",
        reverse("cases:index"),
        reverse("cases:inspect", args=[case.pk]),
        reverse("applications:index"),
        reverse("partner_accounts:index"),
    ):
        response = client.get(path)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], path


def test_a_visitor_is_asked_to_sign_in(client):
    response = client.get(url("partner_area:refer"))
    assert response.status_code == 302 and "/my/inloggen/" in response["Location"]


# --- Every language ----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_referral_pages_answer_in_each_language(client, coach, programme, language):
    referral = make_referral(coach, programme)
    client.force_login(coach.user)
    pages = [
        url("partner_area:referrer", language),
        url("partner_area:refer", language),
        url("partner_area:referral", language, public_id=referral.public_id),
        confirm_link(referral, language),
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        content = response.content.decode()
        direction = "rtl" if language == "ar" else "ltr"
        assert f'<html lang="{language}" dir="{direction}"' in content, path

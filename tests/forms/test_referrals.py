"""Referrals keep nothing about a candidate longer than needed: unconfirmed ones are erased
after their period (a stub stays for the counts), and a referral's personal fields go
with the application it became. Staff see who referred; the candidate's data export
says who referred them and what they agreed to share."""

import datetime
import json
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from cms.storage import private_storage
from forms import referrals
from forms.anonymisation import anonymise_application
from forms.models import ApplicationDraft, Referral
from tests.forms.referral_factories import make_referral
from tests.workflows.case_factories import make_case, make_reviewer
from tests.workflows.partner_factories import make_referrer
from tests.workflows.portal_factories import make_user
from workflows.default_workflows import SCREENERS
from workflows.retention import RETENTION, anonymise_case


@pytest.fixture
def programme(demo):
    return demo["jobroad-matchmaking"]["nl"]


@pytest.fixture
def coach(demo):
    return make_referrer(
        demo["ocmw-leuven"]["nl"], "els@ocmw.example", first_name="Els", last_name="Peeters"
    )


def with_upload(draft):
    """Give `draft` an uploaded CV, as the wizard stores one."""
    name = private_storage().save("drafts/cv-amina.pdf", ContentFile(b"%PDF-1.4"))
    draft.wizard_state["step_files"] = {
        "documents": {"documents-cv": {"tmp_name": name, "name": "cv.pdf", "size": 8}}
    }
    draft.save()
    return name


# --- Purging unconfirmed referrals -------------------------------------------------------


def test_an_unconfirmed_referral_is_erased_after_its_period_and_a_stub_stays(
    coach, programme, settings, django_capture_on_commit_callbacks
):
    settings.OPSTAP_REFERRAL_CONFIRM_DAYS = 14
    referral = make_referral(coach, programme, days_ago=15, phone="+32 470 12 34 56")
    draft_id = referral.draft_id
    upload = with_upload(referral.draft)

    with django_capture_on_commit_callbacks(execute=True):
        erased = referrals.purge_unconfirmed()

    assert erased == [referral]
    referral.refresh_from_db()
    assert referral.purged_at is not None
    for field in ("candidate_name", "email", "phone", "language", "motivation", "coach_notes"):
        assert getattr(referral, field) == "", field
    assert (referral.referred_by, referral.organisation, referral.programme) == (
        coach.user,
        coach.partner,
        programme,
    )
    assert referral.created_at < timezone.now() - datetime.timedelta(days=14)
    assert not ApplicationDraft.objects.filter(pk=draft_id).exists()
    assert not private_storage().exists(upload)


def test_a_referral_within_its_period_or_confirmed_is_kept(coach, programme, settings):
    settings.OPSTAP_REFERRAL_CONFIRM_DAYS = 14
    recent = make_referral(coach, programme, days_ago=13)
    confirmed = make_referral(coach, programme, days_ago=30, email="bohdan@example.org")
    referrals.confirm(confirmed, shares_progress=False)

    assert referrals.purge_unconfirmed() == []
    for referral in (recent, confirmed):
        referral.refresh_from_db()
        assert referral.purged_at is None and referral.candidate_name


def test_the_period_is_a_setting(coach, programme, settings):
    settings.OPSTAP_REFERRAL_CONFIRM_DAYS = 3
    referral = make_referral(coach, programme, days_ago=4)
    assert referrals.purge_unconfirmed() == [referral]


def test_the_command_erases_and_a_dry_run_changes_nothing(coach, programme, settings):
    settings.OPSTAP_REFERRAL_CONFIRM_DAYS = 14
    referral = make_referral(coach, programme, days_ago=20)

    dry = StringIO()
    call_command("purge_unconfirmed_referrals", "--dry-run", stdout=dry)
    referral.refresh_from_db()
    assert "Would erase 1 referral(s)" in dry.getvalue()
    assert referral.purged_at is None and referral.candidate_name == "Amina Al Haddad"
    assert ApplicationDraft.objects.filter(pk=referral.draft_id).exists()
    assert "Amina" not in dry.getvalue()  # never the candidate in a log

    out = StringIO()
    call_command("purge_unconfirmed_referrals", stdout=out)
    referral.refresh_from_db()
    assert "Erased 1 referral(s) not confirmed within 14 days." in out.getvalue()
    assert referral.purged_at is not None and referral.candidate_name == ""


def test_an_erased_referral_is_erased_once(coach, programme, settings):
    settings.OPSTAP_REFERRAL_CONFIRM_DAYS = 14
    make_referral(coach, programme, days_ago=20)
    referrals.purge_unconfirmed()
    assert referrals.purge_unconfirmed() == []


# --- Erasing with the application --------------------------------------------------------


def referral_with_case(coach, programme, **details):
    referral = make_referral(coach, programme, **details)
    referrals.confirm(referral, shares_progress=True)
    case = make_case(programme)
    referral.refresh_from_db()
    referrals.attach_application(referral.draft, case.application)
    referral.refresh_from_db()
    return referral, case


def test_submitting_the_draft_links_the_referral_to_its_application(coach, programme):
    referral, case = referral_with_case(coach, programme)
    assert referral.application == case.application


def test_an_unconfirmed_referral_is_never_linked_to_an_application(coach, programme):
    referral = make_referral(coach, programme)
    case = make_case(programme)
    referrals.attach_application(referral.draft, case.application)
    referral.refresh_from_db()
    assert referral.application is None


def test_anonymising_the_case_erases_the_referrals_personal_fields(coach, programme):
    referral, case = referral_with_case(coach, programme)

    anonymise_case(case, reason=RETENTION)

    referral.refresh_from_db()
    assert referral.purged_at is not None
    assert (referral.candidate_name, referral.email, referral.motivation) == ("", "", "")
    assert referral.coach_notes == ""
    assert referral.application == case.application  # the stub still counts


def test_anonymising_an_application_without_a_case_erases_its_referral(coach, programme):
    referral, case = referral_with_case(coach, programme)
    anonymise_application(case.application)
    referral.refresh_from_db()
    assert referral.candidate_name == "" and referral.purged_at is not None


def test_deleting_a_confirmed_draft_erases_what_the_referrer_wrote(coach, programme):
    from forms.drafts import discard_draft

    referral = make_referral(coach, programme)
    referrals.confirm(referral, shares_progress=False)
    discard_draft(referral.draft)
    referral.refresh_from_db()
    assert referral.draft is None and referral.candidate_name == ""


def test_a_person_who_asks_to_be_forgotten_loses_their_waiting_referrals_too(
    coach, programme, django_capture_on_commit_callbacks
):
    from workflows.models import DataErasureRequest
    from workflows.retention import finish_erasure

    person = make_user("amina@example.org")
    waiting = make_referral(coach, programme, email="Amina@example.org")
    request = DataErasureRequest.objects.create(user=person, requested_at=timezone.now())

    with django_capture_on_commit_callbacks(execute=True):
        finish_erasure(request, by=None)

    waiting.refresh_from_db()
    assert waiting.purged_at is not None and waiting.candidate_name == ""


# --- The database holds the rules --------------------------------------------------------


def test_a_referral_needs_an_email_address_or_a_phone_number(coach, programme):
    with pytest.raises(IntegrityError), transaction.atomic():
        Referral.objects.create(
            referred_by=coach.user,
            organisation=coach.partner,
            programme=programme,
            candidate_name="Amina",
            language="nl",
        )


def test_progress_is_shared_only_after_confirming(coach, programme):
    referral = make_referral(coach, programme)
    with pytest.raises(IntegrityError), transaction.atomic():
        Referral.objects.filter(pk=referral.pk).update(shares_progress=True)


def test_an_erased_referral_keeps_no_personal_field(coach, programme):
    referral = make_referral(coach, programme)
    with pytest.raises(IntegrityError), transaction.atomic():
        Referral.objects.filter(pk=referral.pk).update(purged_at=timezone.now())


# --- Staff, and the candidate's own data -------------------------------------------------


def test_the_case_page_shows_who_referred_and_the_coachs_notes(client, coach, programme):
    referral, case = referral_with_case(coach, programme)
    client.force_login(make_reviewer(SCREENERS, programme))

    content = client.get(reverse("cases:inspect", args=[case.pk])).content.decode()

    assert "Doorverwezen door" in content
    assert "Els Peeters" in content and coach.partner.title in content
    assert referral.coach_notes in content and referral.motivation in content


def test_the_candidates_data_export_says_who_referred_them_and_what_they_share(
    client, coach, programme
):
    referral, case = referral_with_case(coach, programme)
    applicant = case.application.applicant
    client.force_login(applicant)

    data = json.loads(client.get("/nl/my/gegevens.json").content)

    (entry,) = data["referrals"]
    assert entry["referred_by"] == "Els Peeters"
    assert entry["organisation"] == coach.partner.title
    assert entry["programme"] == programme.title
    assert entry["shares_progress_with_referrer"] is True
    assert entry["confirmed_at"]
    assert "coach_notes" not in entry and referral.coach_notes not in json.dumps(data)


def test_an_unconfirmed_referral_is_not_in_the_export_of_whoever_has_that_address(
    client, coach, programme
):
    make_referral(coach, programme, email="amina@example.org")
    client.force_login(make_user("amina@example.org"))
    data = json.loads(client.get("/nl/my/gegevens.json").content)
    assert data["referrals"] == []

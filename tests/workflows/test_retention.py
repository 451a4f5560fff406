"""Retention and erasure: a case closed longer ago than the retention period loses its
personal data and keeps its statistics; a participant's request to erase their data goes
to staff as an action on each case, and ends with nothing of them left."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms.storage import private_storage
from forms.models import Application, ApplicationDocument, ApplicationDraft
from programmes.models import Registration
from tests.programmes.appointment_factories import make_appointment
from tests.programmes.cafe_factories import RegistrationFactory
from tests.workflows.case_factories import make_case, make_reviewer
from tests.workflows.portal_factories import make_document, make_draft, make_user
from workflows import certificates, engine, retention
from workflows.certificate_documents import store_pdf
from workflows.default_workflows import COACHES, PROGRAMME_MANAGERS, SCREENERS
from workflows.models import Case, CaseEvent, Certificate, DataErasureRequest
from workflows.portal import request_erasure


def closed_case(programme, months_ago, **fields):
    case = make_case(programme, **fields)
    closed = retention.months_before(timezone.now(), months_ago)
    Case.objects.filter(pk=case.pk).update(state="withdrawn", closed_at=closed)
    case.refresh_from_db()
    return case


def with_history(case):
    coach = make_reviewer(COACHES, case.programme)
    engine.perform(case, "add_note", coach, data={"add_note-comment": "Amina belde: ziek."})
    assert case.events.filter(comment="Amina belde: ziek.").exists()
    document = make_document(case.application)
    return document


@pytest.fixture
def manager(coaching):
    return make_reviewer(PROGRAMME_MANAGERS, coaching, email="manager@example.org")


# --- Months --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (datetime.datetime(2026, 3, 31, 9), 1, datetime.datetime(2026, 2, 28, 9)),
        (datetime.datetime(2026, 1, 15), 24, datetime.datetime(2024, 1, 15)),
        (datetime.datetime(2026, 1, 15), 1, datetime.datetime(2025, 12, 15)),
        (datetime.datetime(2026, 5, 31), 3, datetime.datetime(2026, 2, 28)),
        (datetime.datetime(2028, 5, 29), 3, datetime.datetime(2028, 2, 29)),
    ],
)
def test_the_retention_period_counts_calendar_months(moment, months, expected):
    assert retention.months_before(moment, months) == expected


# --- Retention -----------------------------------------------------------------------------


def test_a_dry_run_lists_what_it_would_anonymise_and_changes_nothing(coaching, settings):
    settings.OPSTAP_CASE_RETENTION_MONTHS = 24
    old = closed_case(coaching, months_ago=25)
    closed_case(coaching, months_ago=23)
    make_case(coaching)  # open
    out = io.StringIO()

    call_command("anonymise_closed_cases", "--dry-run", stdout=out)

    assert old.application.reference in out.getvalue()
    assert "Would anonymise 1 case(s) closed more than 24 months ago." in out.getvalue()
    assert Application.objects.filter(anonymised_at__isnull=False).count() == 0


def test_retention_erases_the_person_and_keeps_the_statistics(
    coaching, settings, django_capture_on_commit_callbacks
):
    settings.OPSTAP_CASE_RETENTION_MONTHS = 24
    case = make_case(coaching, gender="female", age_band="30-54", nationality="SY")
    document = with_history(case)
    Case.objects.filter(pk=case.pk).update(closed_at=retention.months_before(timezone.now(), 30))
    stored = document.file.name
    statistics_before = Application.objects.filter(pk=case.application_id).values(
        "gender", "age_band", "nationality", "eligible", "submitted_at", "reference"
    )[0]
    states_before = list(case.events.values_list("from_state", "to_state", "at"))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("anonymise_closed_cases", stdout=io.StringIO())

    application = Application.objects.get(pk=case.application_id)
    assert application.anonymised_at is not None
    assert (application.first_name, application.last_name, application.email) == ("", "", "")
    assert application.phone == "" and application.answers == {} and application.eligibility == {}
    assert not ApplicationDocument.objects.filter(application=application).exists()
    assert not private_storage().exists(stored)
    assert not ApplicationDraft.objects.filter(public_id=application.draft_public_id).exists()
    # The history keeps its steps and dates, not what was written in them.
    assert list(case.events.values_list("from_state", "to_state", "at")) == states_before
    assert set(case.events.values_list("comment", flat=True)) == {""}
    # What the reports count stays.
    assert (
        Application.objects.filter(pk=case.application_id).values(*statistics_before)[0]
        == statistics_before
    )
    assert ModelLogEntry.objects.filter(
        action="workflows.case.anonymise", object_id=str(case.pk)
    ).exists()


def test_running_retention_twice_touches_each_case_once(coaching, settings):
    settings.OPSTAP_CASE_RETENTION_MONTHS = 12
    closed_case(coaching, months_ago=13)
    assert len(retention.apply_retention()) == 1
    assert retention.apply_retention() == []


def test_an_anonymised_case_can_take_no_more_steps(coaching):
    case = make_case(coaching)
    screener = make_reviewer(SCREENERS, coaching)
    retention.anonymise_case(case, reason=retention.ERASURE)

    assert engine.available_transitions(case, screener) == []
    assert case.closed_at is not None
    assert case not in engine.worklist(screener)


# --- Erasure on request -----------------------------------------------------------------


def test_the_request_shows_on_the_case_page_with_the_action(client, coaching, manager):
    case = make_case(coaching)
    request_erasure(case.application.applicant)
    client.force_login(manager)

    page = client.get(reverse("cases:inspect", args=[case.pk])).content.decode()

    assert "Verzoek om gegevens te wissen" in page
    assert reverse("cases:erase", args=[case.pk]) in page


def test_a_screener_sees_the_request_but_cannot_erase(client, coaching):
    case = make_case(coaching)
    request_erasure(case.application.applicant)
    screener = make_reviewer(SCREENERS, coaching)
    client.force_login(screener)

    page = client.get(reverse("cases:inspect", args=[case.pk])).content.decode()
    assert "Een programmaverantwoordelijke voert het verzoek uit." in page
    client.post(reverse("cases:erase", args=[case.pk]))

    assert Application.objects.get(pk=case.application_id).anonymised_at is None


def test_without_a_request_nothing_is_erased(client, coaching, manager):
    case = make_case(coaching)
    client.force_login(manager)

    answer = client.post(reverse("cases:erase", args=[case.pk]), follow=True)

    assert "vroeg niet om hun gegevens te wissen" in answer.content.decode()
    assert Application.objects.get(pk=case.application_id).anonymised_at is None


def test_erasing_the_last_case_erases_everything_and_closes_the_request(
    client, coaching, manager, django_capture_on_commit_callbacks
):
    case = make_case(coaching)
    person = case.application.applicant
    person.preferred_language = "fr"
    person.save()
    address = person.email
    with_history(case)
    make_draft(person, email=address)
    registration = RegistrationFactory(email=address, name="Amina Haddad")
    appointment = make_appointment(email=address, name="Amina Haddad")
    certificate, _created = certificates.issue(
        kind="programme",
        recipient=person,
        recipient_name="Amina Haddad",
        subject_key=f"case:{case.pk}",
        language="nl",
        details={"subject_title": coaching.title},
        programme=coaching,
        case=case,
    )
    store_pdf(certificate)
    pdf_name = Certificate.objects.get(pk=certificate.pk).pdf.name
    erasure, _created = request_erasure(person)
    mail.outbox.clear()
    client.force_login(manager)

    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(reverse("cases:erase", args=[case.pk]), follow=True)

    assert "Het was het laatste dossier van deze persoon" in answer.content.decode()
    erasure.refresh_from_db()
    assert erasure.handled_at is not None
    assert "het account" in erasure.note
    person.refresh_from_db()
    assert not person.is_active and not person.has_usable_password()
    assert address not in person.email and person.first_name == ""
    assert not ApplicationDraft.objects.filter(email__iexact=address).exists()
    registration.refresh_from_db()
    assert registration.name == "" and address not in registration.email
    certificate = Certificate.objects.get(pk=certificate.pk)
    assert certificate.revoked_at is not None and certificate.recipient_name == ""
    assert not certificate.pdf and not private_storage().exists(pdf_name)
    assert not Registration.objects.filter(email__iexact=address).exists()
    appointment.refresh_from_db()
    assert appointment.name == "" and address not in appointment.email
    assert "de afspraken bij het contactpunt (1)" in erasure.note
    # A last email, in their language, to the address they had.
    (done,) = mail.outbox
    assert done.to == [address]
    assert done.extra_headers["Content-Language"] == "fr"
    assert ModelLogEntry.objects.filter(
        action="workflows.erasure_request.handle", user=manager
    ).exists()


def test_a_person_with_two_cases_is_done_after_both(client, coaching, manager):
    first = make_case(coaching)
    person = first.application.applicant
    second = make_case(coaching)
    Application.objects.filter(pk=second.application_id).update(applicant=person)
    request_erasure(person)
    client.force_login(manager)

    answer = client.post(reverse("cases:erase", args=[first.pk]), follow=True)
    assert "Deze persoon heeft nog andere dossiers" in answer.content.decode()
    assert DataErasureRequest.objects.get(user=person).handled_at is None

    client.post(reverse("cases:erase", args=[second.pk]))
    assert DataErasureRequest.objects.filter(handled_at__isnull=False).count() == 1


def test_the_case_page_of_an_anonymised_case_says_so(client, coaching, manager):
    case = make_case(coaching)
    with_history(case)
    retention.anonymise_case(case, reason=retention.RETENTION)
    client.force_login(manager)

    page = client.get(reverse("cases:inspect", args=[case.pk])).content.decode()

    assert "De persoonsgegevens van dit dossier zijn gewist" in page
    assert "Amina belde" not in page
    assert CaseEvent.objects.filter(case=case).exclude(comment="").count() == 0


def test_a_request_of_someone_without_a_case_is_carried_out_from_the_request(
    client, django_user_model, django_capture_on_commit_callbacks
):
    person = make_user("olena@example.org")
    RegistrationFactory(email="olena@example.org", name="Olena Kovalenko")
    erasure, _created = request_erasure(person)
    admin = django_user_model.objects.create_superuser("beheer@example.org", "x" * 12)
    client.force_login(admin)
    page = client.get(reverse("data_erasure_requests:inspect", args=[erasure.pk]))
    assert "Alle gegevens van deze persoon wissen" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(reverse("data_erasure_requests:carry_out", args=[erasure.pk]))

    assert answer.status_code == 302
    erasure.refresh_from_db()
    assert erasure.handled_at is not None
    assert not Registration.objects.filter(email="olena@example.org").exists()
    person.refresh_from_db()
    assert not person.is_active


def test_staff_without_the_right_cannot_carry_out_a_request(client, coaching, manager):
    person = make_user("olena@example.org")
    erasure, _created = request_erasure(person)
    client.force_login(manager)

    client.post(reverse("data_erasure_requests:carry_out", args=[erasure.pk]))

    erasure.refresh_from_db()
    assert erasure.handled_at is None

"""A mail server that refuses or does not answer loses no email: the task is written
down, tried again later by the task backend, and shown to staff when it keeps failing."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cms import mail_delivery
from cms.models import UndeliveredMail
from tests.workflows.case_factories import COACHING_PROGRAMME, make_case, make_reviewer, put_in
from tests.workflows.portal_factories import make_user
from workflows import engine
from workflows.default_workflows import SCREENERS
from workflows.models import DataErasureRequest
from workflows.tasks import send_erasure_receipt

REFUSING = "tests.mail_backends.RefusingBackend"
SILENT = "tests.mail_backends.SilentBackend"


@pytest.fixture
def erasure_request(db):
    person = make_user("amina@example.org")
    return DataErasureRequest.objects.create(user=person, requested_at=timezone.now())


def make_due():
    UndeliveredMail.objects.filter(next_attempt_at__isnull=False).update(
        next_attempt_at=timezone.now() - datetime.timedelta(seconds=1)
    )


def retry_due():
    call_command("retry_undelivered_mail", stdout=io.StringIO())


def test_a_refused_email_is_kept_and_sent_once_the_server_is_back(settings, erasure_request):
    settings.EMAIL_BACKEND = REFUSING
    send_erasure_receipt.enqueue(erasure_request.pk)

    row = UndeliveredMail.objects.get()
    assert row.attempts == 1
    assert "SMTPConnectError" in row.last_error
    assert row.next_attempt_at - row.last_failed_at == datetime.timedelta(minutes=1)
    erasure_request.refresh_from_db()
    assert erasure_request.confirmation_sent_at is None  # rolled back, not marked sent

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    retry_due()  # not due yet: nothing happens
    assert mail.outbox == []
    make_due()
    retry_due()

    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert row.delivered_at is not None
    erasure_request.refresh_from_db()
    assert erasure_request.confirmation_sent_at is not None


def test_a_mail_server_that_does_not_answer_counts_too(settings, erasure_request):
    settings.EMAIL_BACKEND = SILENT
    send_erasure_receipt.enqueue(erasure_request.pk)
    assert "TimeoutError" in UndeliveredMail.objects.get().last_error


def test_the_pause_between_tries_grows(settings, erasure_request):
    settings.EMAIL_BACKEND = REFUSING
    send_erasure_receipt.enqueue(erasure_request.pk)
    pauses = []
    for _ in range(3):
        make_due()
        retry_due()
        row = UndeliveredMail.objects.get()
        pauses.append(row.next_attempt_at - row.last_failed_at)
    assert pauses == [datetime.timedelta(minutes=minutes) for minutes in (2, 4, 8)]
    assert UndeliveredMail.objects.get().attempts == 4


def test_after_the_last_try_it_waits_for_staff_who_see_it_and_retry(
    client, settings, erasure_request, django_user_model
):
    settings.OPSTAP_MAIL_ATTEMPTS = 3
    settings.EMAIL_BACKEND = REFUSING
    send_erasure_receipt.enqueue(erasure_request.pk)
    for _ in range(3):  # the third retry is not made: it gave up after three tries
        make_due()
        retry_due()
    row = UndeliveredMail.objects.get()
    assert row.attempts == 3 and row.next_attempt_at is None
    assert list(mail_delivery.given_up()) == [row]

    admin = django_user_model.objects.create_superuser("beheer@example.org", "x" * 12)
    client.force_login(admin)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 e-mail raakte na herhaalde pogingen niet weg" in dashboard
    listing = client.get(reverse("undelivered_mail:index")).content.decode()
    assert "Ontvangstbevestiging van een verzoek om gegevens te wissen" in listing
    assert "wacht op een medewerker" in listing

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    answer = client.post(reverse("undelivered_mail:retry", args=[row.pk]), follow=True)

    assert "Alles is verstuurd" in answer.content.decode()
    assert len(mail.outbox) == 1
    assert mail_delivery.given_up().count() == 0
    assert (
        "E-mails die niet vertrokken"
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_staff_without_the_permission_see_no_warning(client, settings, erasure_request):
    settings.EMAIL_BACKEND = REFUSING
    send_erasure_receipt.enqueue(erasure_request.pk)
    screener = make_reviewer(SCREENERS, email="screener@example.org")
    client.force_login(screener)

    assert (
        "E-mails die niet vertrokken"
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    assert client.post(reverse("undelivered_mail:retry_all")).status_code in (302, 403)
    assert UndeliveredMail.objects.get().attempts == 1


def test_a_case_email_that_failed_is_sent_later_and_only_once(
    settings, demo, django_capture_on_commit_callbacks
):
    coaching = demo[COACHING_PROGRAMME]["nl"]
    case = make_case(coaching)
    screener = make_reviewer(SCREENERS, coaching)
    put_in(case, "screening")
    settings.EMAIL_BACKEND = REFUSING
    with django_capture_on_commit_callbacks(execute=True):
        engine.perform(
            case,
            "request_information",
            screener,
            data={"request_information-message": "Stuur je diploma opnieuw, het is onleesbaar."},
        )
    case.refresh_from_db()
    assert case.events.count() == 2  # the step itself is done
    assert UndeliveredMail.objects.get().task_path == "workflows.tasks.run_effects"

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    make_due()
    retry_due()
    retry_due()

    assert len(mail.outbox) == 1
    assert "Stuur je diploma opnieuw" in mail.outbox[0].body


def test_a_task_backend_that_can_wait_gets_the_retry_queued_for_later(
    settings, erasure_request, django_capture_on_commit_callbacks
):
    from django_tasks import default_task_backend

    # Through the settings fixture, not a decorator: overrides must end in the order
    # they began, or the settings stay overridden for the tests after this one.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.EMAIL_BACKEND = REFUSING
    default_task_backend.clear()
    with django_capture_on_commit_callbacks(execute=True):
        send_erasure_receipt.call(erasure_request.pk)

    row = UndeliveredMail.objects.get()
    [queued] = default_task_backend.results
    assert queued.task.run_after == row.next_attempt_at
    assert queued.args == [erasure_request.pk]
    # The retry command leaves it to the backend.
    make_due()
    retry_due()
    assert len(default_task_backend.results) == 1


def test_a_cafe_confirmation_refused_by_the_mail_server_goes_out_later(
    settings, db, django_capture_on_commit_callbacks
):
    from programmes.registration import register
    from tests.programmes.cafe_factories import CafeSessionPageFactory

    session = CafeSessionPageFactory(capacity=2)
    settings.EMAIL_BACKEND = REFUSING
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(
            session, name="Amina Haddad", email="amina@example.org", language="nl"
        )

    assert registration.pk is not None  # the place is taken, whatever the mail server says
    assert UndeliveredMail.objects.get().task_path == "programmes.tasks.send_registration_email"

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    make_due()
    retry_due()

    (message,) = mail.outbox
    assert message.to == ["amina@example.org"]
    assert mail_delivery.given_up().count() == 0

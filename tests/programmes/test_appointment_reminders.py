"""The reminder the day before an appointment: queued by a daily command (cron), sent
once, in the person's language, never for a cancelled appointment or one without email."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.translation import gettext

from programmes import appointments
from programmes.models import Appointment
from programmes.tasks import deliver_appointment_email
from tests.programmes.appointment_factories import local, make_appointment, make_schedule

Status = Appointment.Status


@pytest.fixture
def schedule(db):
    return make_schedule(published=False)


def in_days(days, hour=9):
    return local(timezone.localdate() + datetime.timedelta(days=days), hour)


def test_the_command_reminds_tomorrows_appointments_once(schedule, capsys):
    tomorrow = make_appointment(schedule, in_days(1), email="morgen@example.org")
    make_appointment(schedule, in_days(2), email="overmorgen@example.org")
    make_appointment(schedule, in_days(0, 23), email="vandaag@example.org")

    call_command("send_appointment_reminders")
    call_command("send_appointment_reminders")

    assert [email.to for email in mail.outbox] == [["morgen@example.org"]]
    assert "Queued 1 reminder(s)." in capsys.readouterr().out
    tomorrow.refresh_from_db()
    assert tomorrow.reminder_sent_at is not None


def test_the_reminder_is_written_in_the_persons_language_with_the_ics_and_cancel_link(schedule):
    appointment = make_appointment(schedule, in_days(1, 14), email_language="uk")

    appointments.queue_due_reminders()

    (email,) = mail.outbox
    assert email.extra_headers["Content-Language"] == "uk"
    with translation.override("uk"):
        assert gettext("Morgen is je afspraak") in email.alternatives[0][0]
    assert "14:00" in email.subject
    assert email.attachments[0][0].endswith(".ics")
    token = appointments.cancel_token(appointment).split(":")[0]
    assert f"/uk/afspraak/{token}" in email.body


def test_a_language_the_site_no_longer_speaks_falls_back_to_dutch(schedule):
    make_appointment(schedule, in_days(1), email_language="tr")

    appointments.queue_due_reminders()

    assert mail.outbox[0].extra_headers["Content-Language"] == "nl"


def test_cancelled_and_phone_only_appointments_get_no_reminder(schedule):
    make_appointment(schedule, in_days(1), status=Status.CANCELLED)
    make_appointment(schedule, in_days(1, 10), email="", phone="+32 470 12 34 56")

    assert appointments.queue_due_reminders() == 0
    assert mail.outbox == []


def test_a_reminder_task_that_runs_after_a_cancellation_sends_nothing(schedule):
    appointment = make_appointment(schedule, in_days(1))
    appointment.status = Status.CANCELLED
    appointment.save()

    assert deliver_appointment_email(appointment.pk, "reminder") == "nothing to tell"
    assert mail.outbox == []


def test_a_reminder_too_late_is_not_sent(schedule):
    appointment = make_appointment(schedule, in_days(1))

    outcome = deliver_appointment_email(appointment.pk, "reminder", now=appointment.starts_at)

    assert outcome == "too late"
    assert mail.outbox == []


def test_the_reminders_also_run_as_a_task(schedule):
    from programmes.tasks import send_appointment_reminders

    make_appointment(schedule, in_days(1))

    send_appointment_reminders.enqueue()

    assert len(mail.outbox) == 1

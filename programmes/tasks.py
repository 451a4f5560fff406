"""Background work of the offer: the emails about café registrations and about
appointments at the contact desk.

A task only says "tell this person what changed"; what to tell is read from the database
when it runs. It sends only when the registration's status differs from the status the
person was last told about, and then records it, so running it twice (a retry, or two
changes in quick succession) sends one email. Tasks that send are `mail_task`s: a mail
server that refuses or does not answer loses nothing (cms.mail_delivery).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from cms.mail_delivery import mail_task
from programmes.emails import registration_email
from programmes.models import Appointment, Registration


def deliver_registration_news(registration_id):
    """Send the email this registration's status calls for, at most once per status."""
    with transaction.atomic():
        # Locked, so that two workers running the same task cannot both send.
        registration = (
            Registration.objects.select_for_update(of=("self",))
            .select_related("session")
            .filter(pk=registration_id)
            .first()
        )
        if registration is None:
            return "gone"
        if registration.status == registration.notified_status:
            return "up to date"
        message = registration_email(registration)
        if message is not None:
            # A failure raises and rolls back, so a retry sends it again.
            message.send()
        Registration.objects.filter(pk=registration.pk).update(notified_status=registration.status)
    return "sent" if message is not None else "nothing to tell"


@mail_task(label=_("Bericht over een inschrijving voor het café"))
def send_registration_email(registration_id):
    return deliver_registration_news(registration_id)


# --- Appointments at the contact desk ----------------------------------------------------
# Each task reads the appointment when it runs, sends only while the email still fits
# (a confirmation for a booked appointment, a reminder before it starts), and stamps
# when it went out, so a retry or a second run sends nothing twice.

AppointmentStatus = Appointment.Status
APPOINTMENT_EMAILS = {
    # kind: (the stamp it sets, the statuses it is sent in)
    "confirmed": ("confirmation_sent_at", {AppointmentStatus.BOOKED}),
    "reminder": ("reminder_sent_at", {AppointmentStatus.BOOKED}),
    "cancelled": ("cancellation_sent_at", {AppointmentStatus.CANCELLED}),
}


def deliver_appointment_email(appointment_id, kind, now=None):
    from programmes.appointment_emails import appointment_email

    now = now or timezone.now()
    stamp, statuses = APPOINTMENT_EMAILS[kind]
    with transaction.atomic():
        appointment = Appointment.objects.select_for_update().filter(pk=appointment_id).first()
        if appointment is None:
            return "gone"
        if getattr(appointment, stamp) is not None:
            return "already sent"
        if appointment.status not in statuses or not appointment.email:
            return "nothing to tell"
        if kind == "reminder" and appointment.starts_at <= now:
            return "too late"
        # A failure raises and rolls back, so a retry sends it again.
        appointment_email(appointment, kind).send()
        Appointment.objects.filter(pk=appointment.pk).update(**{stamp: now})
    return "sent"


@mail_task(label=_("Bevestiging van een afspraak aan het contactpunt"))
def send_appointment_confirmation(appointment_id):
    return deliver_appointment_email(appointment_id, "confirmed")


@mail_task(label=_("Herinnering aan een afspraak aan het contactpunt"))
def send_appointment_reminder(appointment_id):
    return deliver_appointment_email(appointment_id, "reminder")


@mail_task(label=_("Bericht dat een afspraak geannuleerd is"))
def send_appointment_cancellation(appointment_id):
    return deliver_appointment_email(appointment_id, "cancelled")


@task()
def send_appointment_reminders():
    """Queue tomorrow's reminders (also what the cron command does)."""
    from programmes.appointments import queue_due_reminders

    return queue_due_reminders()

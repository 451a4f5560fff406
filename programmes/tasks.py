"""Background work of the offer: the emails about café registrations.

A task only says "tell this person what changed"; what to tell is read from the database
when it runs. It sends only when the registration's status differs from the status the
person was last told about, and then records it, so running it twice (a retry, or two
changes in quick succession) sends one email.
"""

from django.db import transaction
from django_tasks import task

from programmes.emails import registration_email
from programmes.models import Registration


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


@task()
def send_registration_email(registration_id):
    return deliver_registration_news(registration_id)

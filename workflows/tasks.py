"""Background work of the participant portal: its emails.

A task gets ids, never secrets: the sign-in link is made when the email is written, so
no valid link waits in the task queue. Running a task twice is safe: a second sign-in
email holds a second link, and either one, once used, ends both; the receipt of an
erasure request is sent once, as recorded on the request.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from cms.mail_delivery import mail_task
from workflows.models import DataErasureRequest, PartnerAccount
from workflows.portal_emails import (
    erasure_done_email,
    erasure_requested_email,
    partner_invitation_email,
    sign_in_link_email,
)
from workflows.sign_in import may_sign_in_by_link


def deliver_sign_in_link(user_id, next_path=""):
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None or not may_sign_in_by_link(user):
        return "not allowed"
    sign_in_link_email(user, next_path).send()
    return "sent"


def deliver_erasure_receipt(erasure_request_id):
    with transaction.atomic():
        # Locked, so that two workers running the same task cannot both send.
        erasure_request = (
            DataErasureRequest.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(pk=erasure_request_id)
            .first()
        )
        if erasure_request is None or erasure_request.user is None:
            return "gone"
        if erasure_request.confirmation_sent_at is not None:
            return "already sent"
        # A failure raises and rolls back, so a retry sends it again.
        erasure_requested_email(erasure_request).send()
        DataErasureRequest.objects.filter(pk=erasure_request.pk).update(
            confirmation_sent_at=timezone.now()
        )
    return "sent"


def deliver_partner_invitation(account_id):
    account = (
        PartnerAccount.objects.select_related("user", "partner", "invited_by")
        .filter(pk=account_id)
        .first()
    )
    if account is None or not may_sign_in_by_link(account.user):
        return "not allowed"
    partner_invitation_email(account).send()
    return "sent"


@mail_task(label=_("Uitnodiging voor een verwijzer of werkgever"))
def send_partner_invitation(account_id):
    return deliver_partner_invitation(account_id)


@mail_task(label=_("Aanmeldlink voor Mijn Opstap"))
def send_sign_in_link(user_id, next_path=""):
    return deliver_sign_in_link(user_id, next_path)


@mail_task(label=_("Ontvangstbevestiging van een verzoek om gegevens te wissen"))
def send_erasure_receipt(erasure_request_id):
    return deliver_erasure_receipt(erasure_request_id)


@mail_task(label=_("Bericht dat gegevens gewist zijn"))
def send_erasure_done(address, language):
    erasure_done_email(address, language).send()
    return "sent"


@mail_task(label=_("Bericht over een stap in een dossier"))
def run_effects(event_id):
    """The after-commit effects of one case event; safe to run again."""
    from workflows.effects import run_effects as run
    from workflows.models import CaseEvent

    event = (
        CaseEvent.objects.select_related(
            "case__application__programme", "case__workflow_version", "case__assignee"
        )
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        return []
    return run(event)


@mail_task(label=_("Bericht dat een certificaat klaar is"))
def deliver_certificate(certificate_id):
    """Render a new certificate's PDF and tell its holder; safe to run again."""
    from workflows.certificate_documents import deliver
    from workflows.models import Certificate

    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is None:
        return "gone"
    deliver(certificate)
    return "delivered"


@task()
def run_certificate_batch(run_id):
    """A bulk certificate run; running it again continues without duplicates."""
    from workflows.certificate_runs import execute
    from workflows.models import CertificateRun

    run = CertificateRun.objects.filter(pk=run_id).first()
    if run is None:
        return "gone"
    execute(run)
    return run.status

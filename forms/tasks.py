"""Background work of the intake: its emails, each safe to run twice."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.mail_delivery import mail_task
from forms.emails import application_confirmation_email, resume_link_email
from forms.models import Application, ApplicationDraft


@mail_task(label=_("Bevestiging van een aanmelding"))
def send_application_confirmation(application_id):
    """Confirm an application to its applicant, once."""
    with transaction.atomic():
        application = (
            Application.objects.select_for_update(of=("self",))
            .select_related("programme")
            .filter(pk=application_id)
            .first()
        )
        if application is None:
            return "gone"
        if application.confirmation_sent_at is not None:
            return "already sent"
        # A failure raises and rolls back, so a retry sends it again.
        application_confirmation_email(application).send()
        Application.objects.filter(pk=application.pk).update(confirmation_sent_at=timezone.now())
    return "sent"


@mail_task(label=_("Link om een aanmelding verder in te vullen"))
def send_resume_link(draft_id, language):
    """Email a draft's resume link to the address given in its first step."""
    draft = ApplicationDraft.objects.select_related("programme").filter(pk=draft_id).first()
    if draft is None or not draft.email or draft.submitted_at is not None:
        return "nothing to send"
    resume_link_email(draft, language).send()
    return "sent"

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


@mail_task(label=_("Bericht aan een doorverwezen kandidaat"))
def send_referral_invitation(referral_id):
    """Send a referred candidate the link to confirm, once."""
    from forms.emails import referral_invitation_email
    from forms.models import Referral
    from forms.referrals import confirmation_url

    with transaction.atomic():
        referral = (
            Referral.objects.select_for_update(of=("self",))
            .select_related("referred_by", "organisation", "programme")
            .filter(pk=referral_id, purged_at__isnull=True, confirmed_at__isnull=True)
            .first()
        )
        if referral is None or not referral.email:
            return "nothing to send"
        if referral.invitation_sent_at is not None:
            return "already sent"
        # A failure raises and rolls back, so a retry sends it again.
        referral_invitation_email(referral, confirmation_url(referral)).send()
        Referral.objects.filter(pk=referral.pk).update(invitation_sent_at=timezone.now())
    return "sent"

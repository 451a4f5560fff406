"""Turning a visit to the contact desk into an application draft for the person.

The draft starts at the wizard's first step with what the appointment already knows
(name, email, phone, the language to write in), so the person only adds the rest; its
resume link goes to their email address, and staff see it to open the draft with them
at the desk. This lives in `forms`, which may read appointments (`programmes`); the
appointment itself knows nothing of drafts, and the link between the two is the entry
in the appointment's audit log.
"""

from functools import partial

from django.db import transaction
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from cms.languages import supported_language
from forms import drafts
from forms.emails import absolute_url
from forms.models import ApplicationDraft
from programmes.models import Appointment

LOG_ACTION = "forms.appointment.draft"
FIRST_STEP = drafts.FIRST_STEP


def appointment_answers(appointment):
    """The wizard's first step with what the appointment knows."""
    return {
        FIRST_STEP: drafts.first_step_answers(
            name=appointment.name,
            email=appointment.email,
            phone=appointment.phone,
            language=appointment.email_language,
        )
    }


def first_step_answers(appointment):
    """The wizard's first step as if typed in: the name split at its first space."""
    return {
        f"{FIRST_STEP}-{name}": [value]
        for name, value in appointment_answers(appointment)[FIRST_STEP].items()
        if value
    }


def drafts_started_from(appointment):
    """{programme id: draft public id} of the drafts started from this appointment."""
    entries = ModelLogEntry.objects.for_instance(appointment).filter(action=LOG_ACTION)
    return {
        entry.data.get("programme"): entry.data.get("draft")
        for entry in entries.order_by("timestamp", "pk")
    }


def start_draft(appointment, programme, *, user):
    """The open draft for the person and `programme` started from this appointment, made
    now if there is none. Returns (draft, created); a double click makes one draft."""
    from forms.tasks import send_resume_link

    programme = drafts.canonical_programme(programme)
    with transaction.atomic():
        # Locked, so that two clicks at once cannot both make a draft.
        appointment = Appointment.objects.select_for_update().get(pk=appointment.pk)
        earlier = drafts_started_from(appointment).get(programme.pk)
        if earlier:
            draft = ApplicationDraft.objects.filter(
                public_id=earlier, submitted_at__isnull=True
            ).first()
            if draft is not None:
                return draft, False
        language = supported_language(appointment.email_language)
        draft = drafts.prefilled_draft(
            programme,
            language=language,
            email=appointment.email,
            answers=appointment_answers(appointment),
        )
        log(
            appointment,
            LOG_ACTION,
            user=user,
            data={"programme": programme.pk, "draft": str(draft.public_id)},
        )
        if draft.email:
            transaction.on_commit(
                partial(send_resume_link.enqueue, draft.pk, language), robust=True
            )
    return draft, True


def resume_url(draft):
    """The draft's resume link, in the draft's language."""
    from django.utils import translation

    with translation.override(draft.language):
        return absolute_url(reverse("forms:resume", kwargs={"token": drafts.resume_token(draft)}))

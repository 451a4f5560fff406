"""What a participant sees in the portal: their applications and where they stand, their
drafts, café registrations and certificates, and everything we hold about them.

Every query here is scoped to one person. The views show nothing that does not come
through these functions, so another person's records answer "not found".
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from typing import NamedTuple

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Locale

from cms.languages import annotate_content_languages
from forms.drafts import drafts_of
from forms.models import Application, ApplicationDocument, ApplicationDraft
from programmes.models import Registration
from programmes.registration import cancel_path
from workflows import coaching
from workflows.certificates import certificates_of
from workflows.models import Case, DataErasureRequest

RegistrationStatus = Registration.Status


# --- Where an application stands ---------------------------------------------------------


class TimelineEvent(NamedTuple):
    when: datetime.datetime
    text: str


@dataclass(frozen=True)
class ApplicationStatus:
    """An application's state in the applicant's words: what it is, what happens next,
    and what happened so far (oldest first)."""

    label: str
    next_step: str
    timeline: list[TimelineEvent]


SUBMITTED = _("Ingediend")
SUBMITTED_NEXT_STEP = _("We bekijken je aanmelding. Je hoort binnen twee weken van ons.")


def application_status(application):
    """Where `application` stands, for the applicant: the applicant-facing name of its
    case's state, and only the steps the workflow shows applicants (never staff notes).
    """
    timeline = [TimelineEvent(application.submitted_at, _("Aanmelding ingediend"))]
    case = application.case if _has_case(application) else None
    if case is None:
        return ApplicationStatus(label=SUBMITTED, next_step=SUBMITTED_NEXT_STEP, timeline=timeline)
    definition = case.definition
    for event in case.events.all():
        if not event.transition or event.transition not in definition.transitions_by_key:
            continue
        name = definition.transition(event.transition).applicant_name
        if name:
            timeline.append(TimelineEvent(event.at, gettext(name)))
    state = definition.state(case.state)
    return ApplicationStatus(
        label=gettext(state.applicant_name) if state.applicant_name else SUBMITTED,
        next_step=gettext(state.applicant_description) if state.applicant_description else "",
        timeline=timeline,
    )


def _has_case(application):
    try:
        return application.case is not None
    except Case.DoesNotExist:
        return False


# --- A person's own records ----------------------------------------------------------------


def applications_of(user):
    return (
        Application.objects.filter(applicant=user)
        .select_related("programme", "case__workflow_version")
        .prefetch_related("documents", "case__events")
        .order_by("-submitted_at", "-pk")
    )


def documents_of(user):
    return ApplicationDocument.objects.filter(application__applicant=user).select_related(
        "application"
    )


def registrations_of(user):
    """Café registrations made with the person's email address (they need no account)."""
    return Registration.objects.filter(email__iexact=user.email).select_related("session")


def open_drafts_of(user):
    return drafts_of(user)


def draft_of(user, public_id):
    """The person's open draft with this id; None when there is none (or it is not theirs)."""
    return open_drafts_of(user).filter(public_id=public_id).first()


def localized_pages(pages):
    """{page pk: the page's live translation in the active language, else the page itself},
    in one query per page type, each marked with the language its text is in."""
    pages = [page for page in pages if page is not None]
    result = {page.pk: page for page in pages}
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        annotate_content_languages(result.values())
        return result
    by_model = defaultdict(list)
    for page in pages:
        if page.locale_id != locale.pk:
            by_model[type(page)].append(page)
    for model, group in by_model.items():
        translations = {
            translation.translation_key: translation
            for translation in model.objects.live().filter(
                locale=locale, translation_key__in={page.translation_key for page in group}
            )
        }
        for page in group:
            result[page.pk] = translations.get(page.translation_key, page)
    annotate_content_languages(result.values())
    return result


# --- The overview --------------------------------------------------------------------------


@dataclass(frozen=True)
class ApplicationRow:
    application: Application
    programme: object  # the programme page in the reader's language when translated
    status: ApplicationStatus


@dataclass(frozen=True)
class DraftRow:
    draft: ApplicationDraft
    programme: object


@dataclass(frozen=True)
class RegistrationRow:
    registration: Registration
    session: object  # the session page in the reader's language when translated
    is_upcoming: bool
    cancel_url: str

    @property
    def is_cancelled(self):
        return self.registration.status == RegistrationStatus.CANCELLED


def application_rows(user):
    applications = list(applications_of(user))
    programmes = localized_pages([application.programme for application in applications])
    return [
        ApplicationRow(
            application=application,
            programme=programmes[application.programme_id],
            status=application_status(application),
        )
        for application in applications
    ]


def application_row(user, reference):
    """One of the person's applications, by reference; None when it is not theirs."""
    application = applications_of(user).filter(reference=reference).first()
    if application is None:
        return None
    programme = localized_pages([application.programme])[application.programme_id]
    return ApplicationRow(application, programme, application_status(application))


def draft_rows(user):
    drafts = list(open_drafts_of(user))
    programmes = localized_pages([draft.programme for draft in drafts])
    return [DraftRow(draft=draft, programme=programmes[draft.programme_id]) for draft in drafts]


def registration_rows(user, now=None):
    """Upcoming sessions first (soonest first), then past ones (latest first)."""
    now = now or timezone.now()
    registrations = list(registrations_of(user))
    sessions = localized_pages([registration.session for registration in registrations])
    upcoming = sorted(
        (r for r in registrations if r.session.ends_at > now),
        key=lambda r: (r.session.starts_at, r.pk),
    )
    past = sorted(
        (r for r in registrations if r.session.ends_at <= now),
        key=lambda r: (r.session.starts_at, r.pk),
        reverse=True,
    )
    rows = []
    for registration in upcoming + past:
        is_upcoming = registration.session.ends_at > now
        can_cancel = is_upcoming and registration.status != RegistrationStatus.CANCELLED
        rows.append(
            RegistrationRow(
                registration=registration,
                session=sessions[registration.session_id],
                is_upcoming=is_upcoming,
                cancel_url=cancel_path(registration) if can_cancel else "",
            )
        )
    return rows


@dataclass(frozen=True)
class CertificateRow:
    certificate: object
    status: str

    @property
    def can_download(self):
        return not self.certificate.is_revoked and self.certificate.is_ready


def certificate_rows(user):
    """The person's certificates, newest first, each with its state in their words."""
    rows = []
    for certificate in certificates_of(user):
        if certificate.is_revoked:
            status = gettext("Ingetrokken")
        elif certificate.is_ready:
            status = gettext("Geldig")
        else:
            status = gettext("Wordt gemaakt")
        rows.append(CertificateRow(certificate=certificate, status=status))
    return rows


def open_erasure_request(user):
    return DataErasureRequest.objects.filter(user=user, handled_at__isnull=True).first()


def request_erasure(user, now=None):
    """Record that `user` asks us to erase their data, and email them a receipt.

    Returns (request, created). Asking again while a request is open (a double click)
    changes nothing and sends nothing.
    """
    existing = open_erasure_request(user)
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            erasure_request = DataErasureRequest.objects.create(
                user=user, requested_at=now or timezone.now()
            )
    except IntegrityError:  # the same request from a parallel click
        return open_erasure_request(user), False
    log(erasure_request, "workflows.erasure_request.create", user=user)
    from workflows.tasks import send_erasure_receipt

    transaction.on_commit(partial(send_erasure_receipt.enqueue, erasure_request.pk), robust=True)
    return erasure_request, True


# --- Everything we hold about a person -----------------------------------------------------


def _iso(value):
    return value.isoformat() if value else None


def _document_data(document):
    return {
        "kind": document.kind,
        "file_name": document.original_name,
        "content_type": document.content_type,
        "size": document.size,
    }


def _draft_files(draft):
    """The uploaded files' descriptions, without where we store them."""
    state = draft.wizard_state or {}
    return {
        step: {
            field: {key: value for key, value in meta.items() if key != "tmp_name"}
            for field, meta in files.items()
        }
        for step, files in (state.get("step_files") or {}).items()
    }


def _case_data(application):
    """The case's course as the person sees it, with their traineeships, jobs and
    coaching sessions (never the coach's notes)."""
    status = application_status(application)
    case = application.case if _has_case(application) else None
    return {
        "coaching": [
            {**session, "held_on": _iso(session["held_on"])}
            for session in coaching.for_participant([application]).get(application.pk, [])
        ],
        "timeline": [
            {"at": _iso(event.when), "what": str(event.text)} for event in status.timeline
        ],
        "traineeships": [
            {
                "type": str(traineeship.traineeship_type),
                "employer": traineeship.employer.title,
                "starts_on": _iso(traineeship.starts_on),
                "ends_on": _iso(traineeship.ends_on),
                "completed": traineeship.completed,
            }
            for traineeship in (case.traineeships.all() if case else [])
        ],
        "jobs": [
            {
                "employer": placement.employer.title,
                "job_title": placement.job_title,
                "contract_type": placement.contract_type,
                "starts_on": _iso(placement.starts_on),
                "ended_on": _iso(placement.ended_on),
                "at_their_level": placement.at_level,
            }
            for placement in (case.placements.all() if case else [])
        ],
    }


def _referral_data(user):
    # workflows.referrals reads case states through this module: imported when needed.
    from workflows.referrals import referral_data

    return referral_data(user)


def personal_data(user, now=None):
    """Everything the portal can show about `user`, as plain data for a JSON download."""
    now = now or timezone.now()
    applications = list(
        applications_of(user).prefetch_related(
            "case__traineeships__traineeship_type",
            "case__traineeships__employer",
            "case__placements__employer",
        )
    )
    drafts = list(open_drafts_of(user))
    registrations = list(registrations_of(user))
    return {
        "exported_at": now.isoformat(),
        "profile": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "preferred_language": user.preferred_language,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
        },
        "applications": [
            {
                "reference": application.reference,
                "programme": application.programme.title,
                "status": str(application_status(application).label),
                "submitted_at": _iso(application.submitted_at),
                "first_name": application.first_name,
                "last_name": application.last_name,
                "email": application.email,
                "phone": application.phone,
                "language": application.language,
                "preferred_language": application.preferred_language,
                "form_version": application.form_version,
                "answers": application.answers,
                "eligible": application.eligible,
                "eligibility": application.eligibility,
                "privacy_notice_version": application.privacy_notice_version,
                "legal_basis": application.legal_basis,
                "declined_questions": application.declined_questions,
                "documents": [_document_data(document) for document in application.documents.all()],
                **_case_data(application),
            }
            for application in applications
        ],
        "drafts": [
            {
                "programme": draft.programme.title,
                "email": draft.email,
                "language": draft.language,
                "created_at": _iso(draft.created_at),
                "updated_at": _iso(draft.updated_at),
                "answers": (draft.wizard_state or {}).get("step_data", {}),
                "files": _draft_files(draft),
            }
            for draft in drafts
        ],
        "cafe_registrations": [
            {
                "session": registration.session.title,
                "starts_at": _iso(registration.session.starts_at),
                "name": registration.name,
                "email": registration.email,
                "language": registration.language,
                "access_needs": registration.access_needs,
                "status": registration.status,
                "registered_at": _iso(registration.created_at),
                "consented_at": _iso(registration.consented_at),
                "checked_in_at": _iso(registration.checked_in_at),
            }
            for registration in registrations
        ],
        "certificates": [
            {
                "number": certificate.number,
                "kind": certificate.kind,
                "for": certificate.subject_title,
                "holder_name": certificate.recipient_name,
                "language": certificate.language,
                "verification_code": certificate.display_code,
                "issued_at": _iso(certificate.issued_at),
                "revoked_at": _iso(certificate.revoked_at),
                "details": certificate.details,
            }
            for certificate in certificates_of(user)
        ],
        "referrals": _referral_data(user),
        "data_erasure_requests": [
            {
                "requested_at": _iso(erasure.requested_at),
                "handled_at": _iso(erasure.handled_at),
            }
            for erasure in DataErasureRequest.objects.filter(user=user)
        ],
    }

"""Issuing, revoking and checking certificates.

A certificate is issued once per holder and subject ("case:12", "session:40"): asking
again returns the one already there, so effects, bulk runs and double clicks never make
a second. Its number comes from a locked counter in the same transaction, so numbers
have no gaps. What it prints is frozen in `details`, in the holder's language; the PDF
is rendered from that later (`workflows.certificate_documents`), once.

The issuers raise `NotIssued` with a reason staff can act on.
"""

import logging
import secrets

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Locale

from cms.languages import supported_language
from forms.submission import next_reference, participant_for
from programmes.models import CafeSessionPage, Registration
from programmes.registration import canonical_session
from workflows.models import Certificate
from workflows.permissions import scoped_programme_ids

logger = logging.getLogger(__name__)

Kind = Certificate.Kind

# Crockford's base32: no I, L, O or U, so a code read aloud or typed is not misread.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 28  # 28 × 5 = 140 random bits
NUMBER_PREFIX = "CERT"
# Changes when a template changes in a way that matters; stored on every certificate.
TEMPLATE_VERSION = "2026-12"


class NotIssued(Exception):
    """Why no certificate was issued, in words staff can act on."""

    def __init__(self, reason):
        super().__init__(str(reason))
        self.reason = reason


# --- Codes -------------------------------------------------------------------------------


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def normalise_code(text):
    """The code as stored, from what someone typed (any case, spaces, dashes, O for 0);
    "" when it cannot be a code."""
    code = "".join(str(text or "").upper().split()).replace("-", "").translate(_CONFUSABLE)
    if len(code) != CODE_LENGTH or any(char not in CODE_ALPHABET for char in code):
        return ""
    return code


def masked_name(name):
    """The first letter of each part of a name: enough to match the paper in your hand,
    too little to learn who holds it. "Amina Khalil" → "A•••• K•••••"."""
    return " ".join(part[0] + "•" * (len(part) - 1) for part in str(name).split())


# --- Who may see which -------------------------------------------------------------------


def certificates_of(user):
    """The holder's own certificates, newest first."""
    if not user.is_authenticated:
        return Certificate.objects.none()
    return Certificate.objects.filter(recipient=user).select_related("replaced_by")


def certificates_for(user):
    """The certificates staff member `user` may see: those of their programmes, and the
    café's when they may see café registrations."""
    from programmes.registration_admin import can_see_registrations

    if not (user.is_active and user.is_staff and user.has_perm("workflows.view_certificate")):
        return Certificate.objects.none()
    programme_ids = scoped_programme_ids(user)
    if programme_ids is None:
        return Certificate.objects.all()
    visible = Q(programme_id__in=programme_ids)
    if can_see_registrations(user):
        visible |= Q(kind__in=[Kind.SESSION, Kind.SERIES])
    return Certificate.objects.filter(visible)


# --- Issuing -----------------------------------------------------------------------------


def issue(*, kind, recipient, recipient_name, subject_key, language, details, **fields):
    """The valid certificate of `recipient` for `subject_key`: made now when there is
    none. Returns (certificate, created)."""
    existing = Certificate.objects.valid().filter(recipient=recipient, subject_key=subject_key)
    found = existing.first()
    if found is not None:
        return found, False
    # Asks for a revoked one, not for "any": another worker may have issued a valid one
    # since the query above.
    if not fields.get("replaces") and (
        Certificate.objects.filter(
            recipient=recipient, subject_key=subject_key, revoked_at__isnull=False
        ).exists()
    ):
        raise NotIssued(
            _(
                "Het certificaat hiervoor werd ingetrokken. Reik een gecorrigeerd certificaat "
                "uit vanaf het ingetrokken certificaat als dat nodig is."
            )
        )
    now = timezone.now()
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                kind=kind,
                number=next_reference(NUMBER_PREFIX, timezone.localdate(now).year),
                code=new_code(),
                recipient=recipient,
                recipient_name=recipient_name,
                subject_key=subject_key,
                language=supported_language(language),
                template_version=TEMPLATE_VERSION,
                details=details,
                issued_at=now,
                **fields,
            )
    except IntegrityError:
        # Issued at the same moment by another worker: theirs is the one (the counter
        # rolled back with ours, so no number is lost).
        found = existing.first()
        if found is None:
            raise
        return found, False
    return certificate, True


def _localized(item, language):
    """The live translation of a page or snippet in `language`, or the item itself."""
    if item is None:
        return None
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or item.locale_id == locale.pk:
        return item
    translation = item.get_translation_or_none(locale)
    if translation is None or not getattr(translation, "live", True):
        return item
    return translation.specific if hasattr(translation, "specific") else translation


def _partners(partner_pages):
    return [
        {"name": partner.title, "logo_id": partner.logo_id}
        for partner in partner_pages
        if partner is not None
    ]


def _signatory(page, localized):
    return {
        "signatory_name": page.certificate_signatory,
        "signatory_role": localized.certificate_signatory_role or page.certificate_signatory_role,
    }


def _programme_details(programme, language):
    localized = _localized(programme, language)
    partners = [
        item.partner
        for item in programme.programme_partners.select_related("partner").order_by("sort_order")
    ]
    return {
        "subject_title": localized.title,
        "programme_title": localized.title,
        "partners": _partners(partners),
        **_signatory(programme, localized),
    }


def _application_language(application):
    return supported_language(application.preferred_language or application.language)


def issue_programme_certificate(case, *, issued_by=None, run=None):
    """The completion certificate of a case that reached a success state."""
    state = case.definition.states_by_key.get(case.state)
    if state is None or state.kind != "success":
        raise NotIssued(_("Dit dossier is nog niet met succes afgerond."))
    application = case.application
    language = _application_language(application)
    completed_at = case.closed_at or case.state_entered_at
    details = {
        **_programme_details(case.programme, language),
        "completed_on": timezone.localdate(completed_at).isoformat(),
        "started_on": timezone.localdate(case.opened_at).isoformat(),
    }
    return issue(
        kind=Kind.PROGRAMME,
        recipient=application.applicant,
        recipient_name=application.full_name,
        subject_key=f"case:{case.pk}",
        language=language,
        details=details,
        programme=case.programme,
        case=case,
        issued_by=issued_by,
        run=run,
    )


def issue_traineeship_certificates(case, *, issued_by=None, run=None):
    """A certificate for every completed traineeship of the case; returns the new ones."""
    issued = []
    application = case.application
    language = _application_language(application)
    for traineeship in case.traineeships.filter(completed=True).select_related(
        "traineeship_type", "employer"
    ):
        traineeship_type = _localized(traineeship.traineeship_type, language)
        details = {
            **_programme_details(case.programme, language),
            "subject_title": str(traineeship_type),
            "traineeship_type": str(traineeship_type),
            "employer": traineeship.employer.title,
            "started_on": traineeship.starts_on.isoformat(),
            "completed_on": traineeship.ends_on.isoformat(),
        }
        certificate, created = issue(
            kind=Kind.TRAINEESHIP,
            recipient=application.applicant,
            recipient_name=application.full_name,
            subject_key=f"traineeship:{traineeship.pk}",
            language=language,
            details=details,
            programme=case.programme,
            case=case,
            traineeship=traineeship,
            issued_by=issued_by,
            run=run,
        )
        if created:
            issued.append(certificate)
    return issued


def _participant_of(registration):
    first_name, _space, last_name = registration.name.strip().partition(" ")
    return participant_for(registration.email, first_name, last_name, registration.language)


def _series_details(series, language):
    localized = _localized(series, language)
    return {"series_title": localized.title, **_signatory(series, localized)}


def issue_session_certificate(registration, *, issued_by=None, run=None):
    """The attendance certificate of one session, for someone checked in at it."""
    if registration.checked_in_at is None:
        raise NotIssued(_("Niet aanwezig gemeld op deze sessie."))
    session = canonical_session(registration.session)
    series = session.get_parent().specific
    language = supported_language(registration.language)
    localized = _localized(session, language)
    details = {
        **_series_details(series, language),
        "subject_title": localized.title,
        "session_topic": localized.topic,
        "completed_on": timezone.localdate(session.starts_at).isoformat(),
        "partners": _partners(host.partner for host in session.hosts.select_related("partner")),
    }
    return issue(
        kind=Kind.SESSION,
        recipient=_participant_of(registration),
        recipient_name=registration.name,
        subject_key=f"session:{session.pk}",
        language=language,
        details=details,
        session=session,
        series=series,
        issued_by=issued_by,
        run=run,
    )


def attended_sessions(email, series):
    """The sessions of `series` the person with this address was checked in at."""
    return CafeSessionPage.objects.filter(
        pk__in=Registration.objects.filter(email__iexact=email, checked_in_at__isnull=False).values(
            "session"
        ),
        translation_key__in=CafeSessionPage.objects.child_of(series).values("translation_key"),
    ).order_by("starts_at")


def issue_series_certificate(registration, series, *, issued_by=None, run=None):
    """The series certificate, once the person attended the number of sessions the series
    page asks for. Returns (certificate, created), or (None, False) when not yet due."""
    needed = series.certificate_after_sessions
    if not needed:
        return None, False
    sessions = list(attended_sessions(registration.email, series))
    if len(sessions) < needed:
        return None, False
    language = supported_language(registration.language)
    series_details = _series_details(series, language)
    details = {
        **series_details,
        "subject_title": series_details["series_title"],
        "sessions_attended": len(sessions),
        "started_on": timezone.localdate(sessions[0].starts_at).isoformat(),
        "completed_on": timezone.localdate(sessions[-1].starts_at).isoformat(),
        "partners": [],
    }
    return issue(
        kind=Kind.SERIES,
        recipient=_participant_of(registration),
        recipient_name=registration.name,
        subject_key=f"series:{series.pk}",
        language=language,
        details=details,
        series=series,
        issued_by=issued_by,
        run=run,
    )


def issue_attendance_certificates(registration, *, issued_by=None, run=None):
    """The session's certificate and, when due, the series'; returns the new ones."""
    issued = []
    certificate, created = issue_session_certificate(registration, issued_by=issued_by, run=run)
    if created:
        issued.append(certificate)
    series = certificate.series.specific if certificate.series_id else None
    if series is not None:
        series_certificate, created = issue_series_certificate(
            registration, series, issued_by=issued_by, run=run
        )
        if created:
            issued.append(series_certificate)
    return issued


# --- Revoking and correcting -------------------------------------------------------------


def revoke(certificate, *, by, reason):
    """Revoke with a reason; the record stays, and the verify page says "revoked".
    Returns False when it was revoked already."""
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("A revocation needs a reason.")
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.revoked_at is not None:
            return False
        locked.revoked_at = timezone.now()
        locked.revoked_by = by
        locked.revocation_reason = reason
        locked.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
        log(locked, "workflows.certificate.revoke", user=by, data={"reason": reason})
    certificate.revoked_at = locked.revoked_at
    certificate.revoked_by = by
    certificate.revocation_reason = reason
    return True


def reissue(certificate, *, by, reason, recipient_name):
    """Revoke `certificate` and issue a corrected one in its place (a corrected name, or
    the subject's current titles); returns the new certificate."""
    with transaction.atomic():
        if not revoke(certificate, by=by, reason=reason):
            raise NotIssued(_("Dit certificaat werd al ingetrokken of vervangen."))
        corrected, _created = issue(
            kind=certificate.kind,
            recipient=certificate.recipient,
            recipient_name=recipient_name.strip() or certificate.recipient_name,
            subject_key=certificate.subject_key,
            language=certificate.language,
            details=certificate.details,
            programme=certificate.programme,
            case=certificate.case,
            traineeship=certificate.traineeship,
            session=certificate.session,
            series=certificate.series,
            issued_by=by,
            replaces=certificate,
        )
        log(
            corrected,
            "workflows.certificate.reissue",
            user=by,
            data={"replaces": certificate.number},
        )
    return corrected


# --- Checking ----------------------------------------------------------------------------


def find_by_code(text):
    code = normalise_code(text)
    if not code:
        return None
    return Certificate.objects.filter(code=code).first()

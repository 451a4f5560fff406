"""How long we keep what we know about a person, and erasing it.

Two roads lead to the same anonymisation of a case (`anonymise_case`):

- Retention: a case closed more than OPSTAP_CASE_RETENTION_MONTHS ago
  (`manage.py anonymise_closed_cases`, daily; `--dry-run` lists what it would touch).
- Erasure: a participant asked for it in /my/. The request shows on each of their case
  pages, where staff who manage the programme carry it out ("Gegevens wissen"). When the
  person's last case is done, the rest follows (`finish_erasure`): open drafts, referrals
  that did not become an application, café registrations, contact-desk appointments, the
  name and PDF of their certificates, and the account itself. Then the request is marked
  handled and the person gets a last email.

What stays: the case's states and dates, traineeships and placements (no personal
fields), the application's report columns, and the audit log (which names cases by
reference only). That is what the outcome reports count.
"""

import calendar
import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from forms.anonymisation import anonymise_application
from forms.drafts import discard_draft, drafts_of
from forms.models import Application
from forms.referrals import erase_referrals_of
from programmes.appointments import anonymise_appointments
from programmes.registration import anonymise_registrations
from workflows.models import Case, Certificate, CoachingSession, DataErasureRequest

RETENTION = "retention"
ERASURE = "erasure"
REASONS = {
    RETENTION: _("bewaartermijn verstreken"),
    ERASURE: _("op verzoek van de deelnemer"),
}


def months_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    """The same day and time `months` calendar months earlier (the 31st becomes the last
    day of a shorter month)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def cases_due(now=None, months=None):
    """Closed cases past the retention period whose personal data is still there."""
    months = settings.OPSTAP_CASE_RETENTION_MONTHS if months is None else months
    cutoff = months_before(now or timezone.now(), months)
    return (
        Case.objects.filter(closed_at__lt=cutoff, application__anonymised_at__isnull=True)
        .select_related("application", "programme")
        .order_by("closed_at", "pk")
    )


def anonymise_case(case, *, reason, by=None, now=None) -> bool:
    """Erase the personal data of `case`, closing it if it was open; False when that was
    done before. One transaction: a failure leaves the case as it was."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = (
            Case.objects.select_for_update(of=("self",))
            .select_related("application")
            .get(pk=case.pk)
        )
        if not anonymise_application(locked.application, now):
            return False
        if locked.closed_at is None:
            locked.closed_at = now
            locked.save(update_fields=["closed_at"])
        # Staff notes and what transition forms recorded can name the person; so can a
        # coaching note (of a group session too: it is one note for all).
        locked.events.update(comment="", data={})
        CoachingSession.objects.filter(participants__case=locked).update(note="")
        log(locked, "workflows.case.anonymise", user=by, data={"reason": reason})
    case.refresh_from_db()
    return True


def apply_retention(now=None, months=None, dry_run=False):
    """Anonymise every case past the retention period, each in its own transaction.
    Returns the cases concerned (with a dry run: the cases it would anonymise)."""
    due = list(cases_due(now, months))
    if not dry_run:
        for case in due:
            anonymise_case(case, reason=RETENTION, now=now)
    return due


# --- Erasure on request ---------------------------------------------------------------------


def open_request_for(case):
    """The open erasure request of the person whose case this is, if any."""
    return DataErasureRequest.objects.filter(
        user_id=case.application.applicant_id, handled_at__isnull=True
    ).first()


def erase_case(case, *, by, now=None):
    """Carry out the person's erasure request on this case; when it was their last case
    with personal data, erase the rest too. Returns the request when that finished it."""
    request = open_request_for(case)
    anonymise_case(case, reason=ERASURE, by=by, now=now)
    if request is None:
        return None
    remaining = Application.objects.filter(applicant_id=request.user_id, anonymised_at__isnull=True)
    if remaining.exists():
        return None
    return finish_erasure(request, by=by, now=now)


def finish_erasure(erasure_request, *, by, now=None):
    """Erase what is left of the person once their cases are done, and close the request.

    Idempotent: a request handled already is returned as it is.
    """
    from workflows.tasks import send_erasure_done

    now = now or timezone.now()
    with transaction.atomic():
        request = (
            DataErasureRequest.objects.select_for_update(of=("self",))
            .select_related("user")
            .get(pk=erasure_request.pk)
        )
        if request.handled_at is not None or request.user is None:
            return request
        user = request.user
        address, language = user.email, user.preferred_language
        for application in Application.objects.filter(applicant=user, anonymised_at=None):
            case = Case.objects.filter(application=application).first()
            if case is not None:
                anonymise_case(case, reason=ERASURE, by=by, now=now)
            else:  # an application that never got a case (programme without a workflow)
                anonymise_application(application, now)
        for draft in drafts_of(user):
            discard_draft(draft)
        erase_referrals_of(address, now)
        registrations = anonymise_registrations(address)
        appointments = anonymise_appointments(address, now)
        certificates = _erase_certificates(user, by=by, now=now)
        _erase_account(user)
        request.handled_at = now
        request.note = "\n".join(
            filter(
                None,
                [request.note, _erasure_summary(registrations, appointments, certificates)],
            )
        )
        request.save(update_fields=["handled_at", "note"])
        log(request, "workflows.erasure_request.handle", user=by)
        transaction.on_commit(lambda: send_erasure_done.enqueue(address, language), robust=True)
    return request


def _erase_certificates(user, *, by, now):
    """A certificate of someone who asked to be forgotten can no longer prove anything:
    it is revoked, its PDF deleted and its name emptied (also in the audit log's labels)."""
    certificates = list(Certificate.objects.filter(recipient=user))
    names = [certificate.pdf.name for certificate in certificates if certificate.pdf]
    reason = str(_("gegevens gewist op verzoek van de houder"))
    Certificate.objects.filter(pk__in=[c.pk for c in certificates], revoked_at=None).update(
        revoked_at=now, revoked_by=by, revocation_reason=reason
    )
    # The record stays frozen for everything else; these fields hold the person.
    Certificate.objects.filter(pk__in=[c.pk for c in certificates]).update(
        recipient_name="", pdf="", sha256="", recipient=None
    )
    ModelLogEntry.objects.filter(
        content_type__model="certificate",
        content_type__app_label="workflows",
        object_id__in=[str(c.pk) for c in certificates],
    ).update(label="")
    storage = Certificate._meta.get_field("pdf").storage
    transaction.on_commit(lambda: [storage.delete(name) for name in names])
    return len(certificates)


def _erase_account(user):
    if user.is_staff:
        return  # staff accounts are not a participant's data; never erased this way
    user.email = f"gewist-{user.pk}@invalid"
    user.first_name = user.last_name = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()


def _erasure_summary(registrations, appointments, certificates):
    return str(
        _(
            "Gewist: de aanmeldingen en dossiers, de inschrijvingen voor het café "
            "(%(registrations)s), de afspraken bij het contactpunt (%(appointments)s), de "
            "certificaten (%(certificates)s) en het account."
        )
        % {
            "registrations": registrations,
            "appointments": appointments,
            "certificates": certificates,
        }
    )

"""Bulk certificate runs: every checked-in attendee of a café session, or a cohort of
cases, issued in the background with progress staff can follow.

`execute` walks the whole list each time it runs: whoever has a certificate keeps it
(and gets a PDF if a killed worker left it without), whoever has none gets one. So a
run can be started again, or resumed after a crash, without duplicates; numbers come
from the locked counter, so they have no gaps either.
"""

import logging
from functools import partial

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from cms.languages import supported_language
from programmes.models import Registration
from programmes.registration import canonical_session
from workflows import certificates
from workflows.certificate_documents import deliver
from workflows.models import Case, Certificate, CertificateRun

logger = logging.getLogger(__name__)

Status = CertificateRun.Status


def checked_in_registrations(session):
    return (
        Registration.objects.filter(session=canonical_session(session), checked_in_at__isnull=False)
        .exclude(status=Registration.Status.CANCELLED)
        .order_by("name", "pk")
    )


def _queue(run):
    from workflows.tasks import run_certificate_batch

    transaction.on_commit(partial(run_certificate_batch.enqueue, run.pk))


def start_session_run(session, *, by):
    """Queue certificates for everyone checked in at `session` (and their series
    certificates when due)."""
    session = canonical_session(session)
    run = CertificateRun.objects.create(
        kind=CertificateRun.Kind.SESSION,
        title=session.title,
        session=session,
        requested_by=by,
        total=checked_in_registrations(session).count(),
    )
    _queue(run)
    return run


def start_cohort_run(programme, cases, *, by, title):
    """Queue completion certificates for `cases` of `programme`."""
    case_ids = sorted(cases.filter(programme=programme).values_list("pk", flat=True))
    run = CertificateRun.objects.create(
        kind=CertificateRun.Kind.COHORT,
        title=title,
        programme=programme,
        case_ids=case_ids,
        requested_by=by,
        total=len(case_ids),
    )
    _queue(run)
    return run


def restart(run):
    """Queue the same run again: it issues only what is still missing."""
    CertificateRun.objects.filter(pk=run.pk).update(status=Status.QUEUED, finished_at=None)
    run.status = Status.QUEUED
    _queue(run)


def _targets(run):
    """(name, issue) for each person in the run; `issue` returns the certificates the
    person should have, whether issued now or before."""
    if run.kind == CertificateRun.Kind.SESSION:
        for registration in checked_in_registrations(run.session):
            yield registration.name, partial(_attendance, registration, run)
    else:
        cases = Case.objects.filter(pk__in=run.case_ids).select_related(
            "application__applicant", "programme", "workflow_version"
        )
        for case in cases.order_by("pk"):
            yield case.application.full_name, partial(_completion, case, run)


def _attendance(registration, run):
    certificates.issue_attendance_certificates(registration, issued_by=run.requested_by, run=run)
    return Certificate.objects.valid().filter(
        recipient__email__iexact=registration.email,
        subject_key__in=[f"session:{run.session_id}", f"series:{run.session.get_parent().pk}"],
    )


def _completion(case, run):
    certificate, _created = certificates.issue_programme_certificate(
        case, issued_by=run.requested_by, run=run
    )
    return [certificate]


def _staff_language(run):
    user = run.requested_by
    return supported_language(getattr(user, "preferred_language", "") if user else "")


def execute(run):
    CertificateRun.objects.filter(pk=run.pk).update(
        status=Status.RUNNING, started_at=timezone.now(), processed=0, problems=[], error=""
    )
    targets = list(_targets(run))
    problems = []
    with translation.override(_staff_language(run)):
        CertificateRun.objects.filter(pk=run.pk).update(total=len(targets))
        for position, (name, issue_for) in enumerate(targets, start=1):
            try:
                for certificate in issue_for():
                    deliver(certificate)
            except certificates.NotIssued as refusal:
                problems.append({"name": name, "reason": str(refusal.reason)})
            except Exception as error:  # one person's failure must not stop the run
                logger.exception("Certificate run %s failed for %s", run.pk, name)
                problems.append(
                    {
                        "name": name,
                        "reason": gettext(
                            "Er ging iets mis bij het maken van het certificaat (%(error)s). "
                            "Start de reeks later opnieuw; wie al een certificaat heeft, "
                            "krijgt geen tweede."
                        )
                        % {"error": type(error).__name__},
                    }
                )
            CertificateRun.objects.filter(pk=run.pk).update(
                processed=position,
                issued=Certificate.objects.filter(run=run).count(),
                problems=problems,
            )
    CertificateRun.objects.filter(pk=run.pk).update(status=Status.DONE, finished_at=timezone.now())
    run.refresh_from_db()
    return run

"""Two workers issue certificates for the same café session at the same moment (a run
started twice): every attendee gets exactly one, and the numbers have no gaps. Needs
PostgreSQL (row locks between connections); skipped on SQLite. The test commits for real;
the demo site is put back afterwards."""

import threading

import pytest
from django.db import connection, connections

from workflows import certificate_runs
from workflows.models import Certificate, CertificateRun

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite has no row locks and serialises every writer",
    ),
]

ATTENDEES = 6


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_runs_at_once_issue_one_certificate_each_without_gaps(demo_site_restored_afterwards):
    from tests.workflows.certificate_helpers import attendee, past_session

    session = past_session()
    for number in range(ATTENDEES):
        attendee(session, name=f"Deelnemer {number}")
    runs = [
        CertificateRun.objects.create(kind=CertificateRun.Kind.SESSION, title="t", session=session)
        for _ in range(2)
    ]
    start = threading.Barrier(len(runs))
    errors = []

    def work(run):
        try:
            start.wait(timeout=30)
            certificate_runs.execute(CertificateRun.objects.get(pk=run.pk))
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(run,)) for run in runs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    issued = Certificate.objects.filter(session=session)
    assert issued.count() == ATTENDEES
    assert issued.values("recipient").distinct().count() == ATTENDEES
    numbers = sorted(
        int(number.rsplit("-", 1)[1]) for number in issued.values_list("number", flat=True)
    )
    assert numbers == list(range(numbers[0], numbers[0] + ATTENDEES))
    for run in runs:
        run.refresh_from_db()
        assert run.status == CertificateRun.Status.DONE and run.problems == []

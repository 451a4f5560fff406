"""Certificates in the admin: the scoped listing, revoking and correcting one, and bulk
runs for a café session's attendees and for a cohort of cases, which can run again
without duplicates and say whom they could not issue for."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from tests.workflows.case_factories import (
    make_case,
    make_reviewer,
    put_in,
)
from tests.workflows.certificate_helpers import (
    attendee,
    completed_case,
    past_session,
    series_with_sessions,
)
from workflows import certificate_runs, certificates
from workflows.default_workflows import COACHES, PROGRAMME_MANAGERS, SCREENERS
from workflows.models import Certificate, CertificateRun

User = get_user_model()


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("beheer@example.org", "geheim-wachtwoord")


def certificate_page(certificate):
    return reverse("issued_certificates:inspect", args=[certificate.pk])


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


# --- The listing and a certificate's page ------------------------------------------------


def test_staff_list_only_the_certificates_of_their_programmes(
    client, coaching, matchmaking, django_capture_on_commit_callbacks
):
    mine = Certificate.objects.get(
        case=completed_case(coaching, django_capture_on_commit_callbacks, last_name="Mijnen")
    )
    theirs = Certificate.objects.get(
        case=completed_case(matchmaking, django_capture_on_commit_callbacks, last_name="Anders")
    )
    client.force_login(make_reviewer(COACHES, coaching))

    html = client.get(reverse("issued_certificates:index")).content.decode()

    assert mine.number in html and "Mijnen" in html
    assert theirs.number not in html and "Anders" not in html
    assert client.get(certificate_page(theirs), follow=True).status_code == 404


def test_a_manager_revokes_with_a_reason_and_it_is_logged(
    client, coaching, django_capture_on_commit_callbacks
):
    certificate = Certificate.objects.get(
        case=completed_case(coaching, django_capture_on_commit_callbacks)
    )
    manager = make_reviewer(PROGRAMME_MANAGERS, coaching)
    client.force_login(manager)
    revoke = reverse("issued_certificates:revoke", args=[certificate.pk])

    without_reason = client.post(revoke, {"reason": ""})
    assert without_reason.status_code == 200
    assert "Schrijf waarom je dit certificaat intrekt." in without_reason.content.decode()
    certificate.refresh_from_db()
    assert not certificate.is_revoked

    response = client.post(revoke, {"reason": "Dubbel uitgereikt."}, follow=True)

    assert "Het certificaat is ingetrokken." in messages_of(response)
    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revoked_by == manager
    assert ModelLogEntry.objects.filter(
        action="workflows.certificate.revoke", object_id=str(certificate.pk)
    ).exists()


def test_a_coach_may_see_but_not_revoke(client, coaching, django_capture_on_commit_callbacks):
    certificate = Certificate.objects.get(
        case=completed_case(coaching, django_capture_on_commit_callbacks)
    )
    client.force_login(make_reviewer(COACHES, coaching))

    page = client.get(certificate_page(certificate)).content.decode()
    response = client.post(
        reverse("issued_certificates:revoke", args=[certificate.pk]), {"reason": "Zomaar."}
    )

    assert "Certificaat intrekken" not in page
    assert response.status_code == 302  # Wagtail: back to the dashboard, with a message
    certificate.refresh_from_db()
    assert not certificate.is_revoked


def test_a_manager_issues_a_corrected_certificate(
    client, coaching, django_capture_on_commit_callbacks
):
    old = Certificate.objects.get(
        case=completed_case(coaching, django_capture_on_commit_callbacks, first_name="Amna")
    )
    client.force_login(make_reviewer(PROGRAMME_MANAGERS, coaching))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("issued_certificates:reissue", args=[old.pk]),
            {"reason": "Voornaam verkeerd.", "recipient_name": "Amina Haddad"},
            follow=True,
        )

    old.refresh_from_db()
    corrected = old.replaced_by
    assert corrected.recipient_name == "Amina Haddad"
    assert corrected.is_ready
    assert response.request["PATH_INFO"] == certificate_page(corrected)


# --- Bulk runs ---------------------------------------------------------------------------


def test_a_session_run_issues_for_every_checked_in_attendee_once(
    client, superuser, django_capture_on_commit_callbacks
):
    session = past_session()
    for name in ("Amal", "Bohdan", "Chadia"):
        attendee(session, name=name)
    session.registrations.create(
        name="Niet gekomen", email="weg@example.org", language="nl", consented_at=timezone.now()
    )
    client.force_login(superuser)
    url = reverse("issued_certificates:session", args=[session.pk])

    confirm = client.get(url).content.decode()
    assert "Amal" in confirm and "Niet gekomen" not in confirm
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    run = CertificateRun.objects.get()
    response = client.get(reverse("issued_certificates:run", args=[run.pk]))

    assert run.status == CertificateRun.Status.DONE
    assert (run.total, run.processed, run.issued, run.problems) == (3, 3, 3, [])
    assert "3 van 3 verwerkt" in response.content.decode()
    assert Certificate.objects.filter(session=session).count() == 3
    assert all(certificate.is_ready for certificate in Certificate.objects.all())

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("issued_certificates:run_restart", args=[run.pk]))
    run.refresh_from_db()
    assert run.status == CertificateRun.Status.DONE
    assert Certificate.objects.filter(session=session).count() == 3


def test_a_run_says_whom_it_could_not_issue_for_and_why(superuser, db):
    session = past_session()
    attendee(session, name="Amal")
    revoked = attendee(session, name="Bohdan")
    (certificate,) = certificates.issue_attendance_certificates(revoked)
    certificates.revoke(certificate, by=superuser, reason="Fout.")

    run = certificate_runs.execute(
        CertificateRun.objects.create(
            kind=CertificateRun.Kind.SESSION, title="Test", session=session, requested_by=superuser
        )
    )

    assert run.issued == 1
    (problem,) = run.problems
    assert problem["name"] == "Bohdan"
    assert "ingetrokken" in problem["reason"]


def test_a_run_killed_half_way_resumes_without_duplicates_or_gaps(superuser, db, monkeypatch):
    session = past_session()
    for name in ("Amal", "Bohdan", "Chadia", "Dmytro"):
        attendee(session, name=name)
    run = CertificateRun.objects.create(
        kind=CertificateRun.Kind.SESSION, title="Test", session=session, requested_by=superuser
    )
    real_deliver = certificate_runs.deliver
    delivered = []

    def dying_deliver(certificate):
        if len(delivered) == 2:
            raise SystemExit("worker killed")  # not an Exception: the run stops here
        delivered.append(certificate)
        real_deliver(certificate)

    monkeypatch.setattr(certificate_runs, "deliver", dying_deliver)
    with pytest.raises(SystemExit):
        certificate_runs.execute(run)
    monkeypatch.setattr(certificate_runs, "deliver", real_deliver)

    certificate_runs.execute(run)

    issued = Certificate.objects.filter(session=session).order_by("number")
    assert issued.count() == 4
    assert all(certificate.is_ready for certificate in issued)
    numbers = [int(certificate.number.rsplit("-", 1)[1]) for certificate in issued]
    assert numbers == list(range(numbers[0], numbers[0] + 4))


def test_a_series_certificate_comes_out_of_the_session_run_that_makes_it_due(superuser, db):
    series, sessions = series_with_sessions(2, certificate_after_sessions=2)
    for session in sessions:
        attendee(session, email="amal@example.org", name="Amal")
        certificate_runs.execute(
            CertificateRun.objects.create(
                kind=CertificateRun.Kind.SESSION,
                title=session.title,
                session=session,
                requested_by=superuser,
            )
        )

    kinds = sorted(Certificate.objects.values_list("kind", flat=True))
    assert kinds == ["series", "session", "session"]


def test_a_cohort_run_issues_for_the_completed_cases_of_the_period(
    client, coaching, django_capture_on_commit_callbacks
):
    done = [make_case(coaching, last_name=f"Klaar{i}") for i in range(2)]
    for case in done:
        put_in(case, "completed", closed_at=timezone.now())
    busy = put_in(make_case(coaching, last_name="Bezig"), "coaching")
    manager = make_reviewer(PROGRAMME_MANAGERS, coaching)
    client.force_login(manager)
    url = reverse("issued_certificates:cohort")
    today = timezone.localdate().isoformat()
    choice = {"programme": coaching.pk, "closed_from": today, "closed_until": today}

    preview = client.get(url, choice).content.decode()
    assert "Klaar0" in preview and "Klaar1" in preview and "Bezig" not in preview
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, choice)

    run = CertificateRun.objects.get()
    assert run.issued == 2 and run.problems == []
    assert set(Certificate.objects.values_list("case", flat=True)) == {c.pk for c in done}
    assert not Certificate.objects.filter(case=busy).exists()


def test_an_empty_cohort_says_how_to_find_one(client, coaching):
    client.force_login(make_reviewer(PROGRAMME_MANAGERS, coaching))

    response = client.post(reverse("issued_certificates:cohort"), {"programme": coaching.pk})

    assert response.status_code == 400
    assert "Geen afgeronde dossiers in deze keuze" in response.content.decode()
    assert not CertificateRun.objects.exists()


def test_a_screener_cannot_start_runs(client, coaching):
    client.force_login(make_reviewer(SCREENERS, coaching))
    session = past_session()
    attendee(session)

    cohort = client.get(reverse("issued_certificates:cohort"), follow=True)
    from_session = client.post(
        reverse("issued_certificates:session", args=[session.pk]), follow=True
    )

    for response in (cohort, from_session):
        assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
        assert "geen toegang" in " ".join(messages_of(response))
    assert not CertificateRun.objects.exists()


def test_the_progress_bar_reads_the_runs_status(client, superuser, db):
    run = CertificateRun.objects.create(
        kind=CertificateRun.Kind.SESSION,
        title="Test",
        session=past_session(),
        requested_by=superuser,
        status=CertificateRun.Status.RUNNING,
        total=4,
        processed=1,
    )
    client.force_login(superuser)

    page = client.get(reverse("issued_certificates:run", args=[run.pk])).content.decode()
    status = client.get(reverse("issued_certificates:run_status", args=[run.pk])).json()

    assert '<progress id="certificate-run-progress" max="100" value="25"' in page
    assert status["percent"] == 25 and status["finished"] is False
    assert status["summary"] == "bezig: 1 van 4 verwerkt, 0 nieuwe certificaten."


def test_a_session_page_offers_the_certificates_action(client, superuser, db):
    session = past_session()
    client.force_login(superuser)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[session.pk])).content.decode()

    assert reverse("issued_certificates:session", args=[session.pk]) in html


def test_the_session_run_page_says_who_also_gets_the_series_certificate(client, superuser, db):
    series, (session,) = series_with_sessions(1, certificate_after_sessions=3)
    attendee(session, name="Amal")
    client.force_login(superuser)

    html = client.get(reverse("issued_certificates:session", args=[session.pk])).content.decode()

    assert f"Wie zo 3 sessies van {series.title} bijwoonde" in html

"""Certificates in public: the holder sees and downloads theirs in /my/, anyone checks one
by its code, and nobody else gets at a PDF."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.workflows.case_factories import make_reviewer
from tests.workflows.certificate_helpers import attendee, completed_case, past_session
from tests.workflows.portal_factories import make_user
from workflows import certificates
from workflows.certificate_documents import store_pdf
from workflows.default_workflows import COACHES
from workflows.models import Certificate
from workflows.views.certificates import VERIFY_LIMIT


@pytest.fixture
def issued(db):
    registration = attendee(past_session(title="Netwerken in Leuven"), name="Amina Khalil")
    (certificate,) = certificates.issue_attendance_certificates(registration)
    store_pdf(certificate)
    return certificate


def verify_path(certificate, language="nl"):
    with translation.override(language):
        return reverse("certificates:verify", kwargs={"code": certificate.code})


def download_path(certificate):
    with translation.override("nl"):
        return reverse("portal:certificate", kwargs={"pk": certificate.pk})


# --- The verify page ---------------------------------------------------------------------


def test_the_verify_page_says_valid_with_the_name_masked(client, issued):
    response = client.get(verify_path(issued))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit certificaat is geldig" in html
    assert "A•••• K•••••" in html
    assert "Netwerken in Leuven" in html
    assert "Amina" not in html and "Khalil" not in html
    assert issued.recipient.email not in html
    assert issued.number not in html  # nothing beyond what the page promises


def test_the_verify_page_says_revoked_after_a_revocation(client, issued):
    certificates.revoke(issued, by=None, reason="Fout uitgereikt.")

    html = client.get(verify_path(issued)).content.decode()

    assert "Dit certificaat is ingetrokken" in html
    assert "Fout uitgereikt" not in html  # the reason is for staff


def test_the_verify_page_speaks_the_readers_language(client, issued):
    html = client.get(verify_path(issued, "en")).content.decode()

    assert "This certificate is valid" in html


def test_a_typed_code_leads_to_its_page(client, issued):
    typed = issued.display_code.lower()

    response = client.get(reverse("certificates:verify_start"), {"code": typed})

    assert response.status_code == 302
    assert response["Location"] == verify_path(issued)


def test_a_mistyped_code_says_how_to_fix_it(client, db):
    response = client.get(reverse("certificates:verify_start"), {"code": "ABC"})

    assert response.status_code == 200
    assert "Dit is geen geldige verificatiecode" in response.content.decode()


def test_an_unknown_code_is_not_found_with_a_way_forward(client, db):
    response = client.get(reverse("certificates:verify", kwargs={"code": "0" * 28}))

    assert response.status_code == 404
    html = response.content.decode()
    assert "We vinden geen certificaat met deze code" in html
    assert 'name="code"' in html


def test_the_verify_page_is_rate_limited_per_address(client, issued):
    for _ in range(VERIFY_LIMIT):
        assert client.get(verify_path(issued)).status_code == 200

    response = client.get(verify_path(issued))

    assert response.status_code == 429
    assert "Probeer het over 10 minuten opnieuw" in response.content.decode()
    other_address = client.get(verify_path(issued), REMOTE_ADDR="192.0.2.9")
    assert other_address.status_code == 200


# --- The holder's portal -----------------------------------------------------------------


def test_the_holder_sees_the_certificate_in_the_portal_and_downloads_it(client, issued):
    client.force_login(issued.recipient)

    overview = client.get(reverse("portal:overview")).content.decode()
    assert "Netwerken in Leuven" in overview
    assert issued.display_code in overview
    assert download_path(issued) in overview

    response = client.get(download_path(issued))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_certificate_still_being_made_says_so(client, db):
    (certificate,) = certificates.issue_attendance_certificates(attendee(past_session()))
    client.force_login(certificate.recipient)

    overview = client.get(reverse("portal:overview")).content.decode()

    assert "We maken je certificaat nu" in overview
    assert client.get(download_path(certificate)).status_code == 404


def test_a_revoked_certificate_shows_revoked_and_is_not_downloaded(client, issued):
    certificates.revoke(issued, by=None, reason="Fout.")
    client.force_login(issued.recipient)

    overview = client.get(reverse("portal:overview")).content.decode()

    assert "Ingetrokken" in overview
    assert download_path(issued) not in overview
    assert client.get(download_path(issued)).status_code == 404


def test_another_participant_cannot_download_it(client, issued):
    client.force_login(make_user())

    assert client.get(download_path(issued)).status_code == 404


def test_an_anonymous_visitor_is_asked_to_sign_in(client, issued):
    response = client.get(download_path(issued))

    assert response.status_code == 302
    assert "/my/inloggen/" in response["Location"]


def test_the_data_export_holds_the_certificates(client, issued):
    client.force_login(issued.recipient)

    data = client.get(reverse("portal:data_export")).json()

    (exported,) = data["certificates"]
    assert exported["number"] == issued.number
    assert exported["verification_code"] == issued.display_code


# --- Staff downloads ---------------------------------------------------------------------


def admin_download_path(certificate):
    return reverse("issued_certificates:download", args=[certificate.pk])


def test_staff_of_the_programme_download_it_and_others_get_not_found(
    client, coaching, matchmaking, django_capture_on_commit_callbacks
):
    case = completed_case(coaching, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(case=case)

    client.force_login(make_reviewer(COACHES, coaching))
    assert client.get(admin_download_path(certificate)).status_code == 200

    client.force_login(make_reviewer(COACHES, matchmaking))
    # (An admin 404 passes the language middleware's detour to /nl/ first.)
    assert client.get(admin_download_path(certificate), follow=True).status_code == 404

    client.force_login(case.application.applicant)  # no admin access at all
    assert client.get(admin_download_path(certificate)).status_code == 302

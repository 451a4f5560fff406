"""Certificates: issued by the workflow and by attendance, one per holder and subject,
rendered once to a PDF that prints the right things in the holder's language and script,
and immutable afterwards except for a revocation."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from fontTools.ttLib import TTFont

from cms.pdf import RefusedURL, static_files_url_fetcher
from programmes.models import PartnerPage, TraineeshipType
from tests.workflows.case_factories import make_case, make_reviewer, put_in
from tests.workflows.certificate_helpers import (
    attendee,
    completed_case,
    embedded_font_names,
    embedded_images,
    past_session,
    pdf_page_count,
    pdf_text,
    qr_codes,
    series_with_sessions,
)
from workflows import certificates, engine
from workflows.certificate_documents import certificate_html, store_pdf, verify_url
from workflows.certificates import CODE_ALPHABET, CODE_LENGTH, NotIssued
from workflows.default_workflows import COACHES
from workflows.models import Certificate


def pdf_of(certificate):
    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as handle:
        return handle.read()


# --- Issued by the workflow --------------------------------------------------------------


def test_completing_a_case_issues_its_certificate_and_emails_the_holder(
    coaching, django_capture_on_commit_callbacks
):
    case = completed_case(
        coaching, django_capture_on_commit_callbacks, first_name="Amina", last_name="Haddad"
    )

    certificate = Certificate.objects.get(case=case)
    assert certificate.kind == Certificate.Kind.PROGRAMME
    assert certificate.recipient == case.application.applicant
    assert certificate.recipient_name == "Amina Haddad"
    assert certificate.programme == coaching
    assert certificate.is_ready
    assert len(certificate.sha256) == 64
    certificate_mail = [m for m in mail.outbox if certificate.number in m.body]
    assert len(certificate_mail) == 1
    assert certificate_mail[0].to == [case.application.email]


def test_the_pdf_prints_the_name_the_programme_the_date_and_the_code(
    coaching, django_capture_on_commit_callbacks
):
    case = completed_case(
        coaching, django_capture_on_commit_callbacks, first_name="Amina", last_name="Haddad"
    )
    certificate = Certificate.objects.get(case=case)
    content = pdf_of(certificate)
    text = pdf_text(content)

    assert pdf_page_count(content) == 1
    assert "Amina Haddad" in text
    assert coaching.title in text
    completed_on = datetime.date.fromisoformat(certificate.details["completed_on"])
    assert f"{completed_on.day} " in text and str(completed_on.year) in text
    assert certificate.display_code in text
    assert certificate.number in text


def test_the_qr_code_on_the_pdf_opens_the_verify_page(coaching, django_capture_on_commit_callbacks):
    case = completed_case(coaching, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(case=case)

    assert qr_codes(pdf_of(certificate)) == [verify_url(certificate)]
    assert verify_url(certificate).endswith(f"/certificaat/{certificate.code}/")


def test_the_pdf_is_in_the_holders_language_with_dates_in_that_language(
    coaching, django_capture_on_commit_callbacks
):
    case = completed_case(coaching, django_capture_on_commit_callbacks, preferred_language="fr")
    certificate = Certificate.objects.get(case=case)
    months = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre",
    ]  # fmt: skip
    completed_on = datetime.date.fromisoformat(certificate.details["completed_on"])

    assert certificate.language == "fr"
    assert months[completed_on.month - 1] in pdf_text(pdf_of(certificate))
    (message,) = [m for m in mail.outbox if certificate.number in m.body]
    assert message.extra_headers["Content-Language"] == "fr"


def test_a_second_completion_effect_issues_no_second_certificate(
    coaching, django_capture_on_commit_callbacks
):
    case = completed_case(coaching, django_capture_on_commit_callbacks)

    again, created = certificates.issue_programme_certificate(case)

    assert not created
    assert Certificate.objects.filter(case=case).count() == 1
    assert again == Certificate.objects.get(case=case)


def test_a_case_that_did_not_succeed_gets_no_certificate(coaching):
    case = put_in(make_case(coaching), "coaching")

    with pytest.raises(NotIssued, match="niet met succes afgerond"):
        certificates.issue_programme_certificate(case)


def test_a_completed_traineeship_issues_a_traineeship_certificate(
    coaching, django_capture_on_commit_callbacks
):
    certificate = _end_traineeship(coaching, django_capture_on_commit_callbacks, completed=True)

    assert certificate.kind == Certificate.Kind.TRAINEESHIP
    text = pdf_text(pdf_of(certificate))
    assert certificate.details["employer"] in text
    assert certificate.details["traineeship_type"] in text


def test_a_stopped_traineeship_issues_nothing(coaching, django_capture_on_commit_callbacks):
    assert _end_traineeship(coaching, django_capture_on_commit_callbacks, completed=False) is None


def _end_traineeship(programme, capture, *, completed):
    case = make_case(programme)
    coach = make_reviewer(COACHES, programme)
    put_in(case, "traineeship", assignee=coach)
    kind = TraineeshipType.objects.filter(locale__language_code="nl").first()
    employer = PartnerPage.objects.filter(
        organisation_type="employer", locale__language_code="nl"
    ).first()
    start = datetime.date(2026, 9, 1)
    case.traineeships.create(
        traineeship_type=kind,
        employer=employer,
        starts_on=start,
        ends_on=start + datetime.timedelta(days=kind.min_duration_days or 20),
    )
    data = {"end_traineeship-completed": "on"} if completed else {}
    with capture(execute=True):
        engine.perform(case, "end_traineeship", coach, data=data, expected_state="traineeship")
    return Certificate.objects.filter(case=case, kind=Certificate.Kind.TRAINEESHIP).first()


# --- Issued for café attendance ----------------------------------------------------------


def test_an_attendee_gets_a_session_certificate_in_the_language_they_registered_in(db):
    session = past_session(title="Solliciteren in België")
    registration = attendee(session, name="Olena Shevchenko", language="en")

    (certificate,) = certificates.issue_attendance_certificates(registration)
    store_pdf(certificate)

    assert certificate.kind == Certificate.Kind.SESSION
    assert certificate.language == "en"
    assert certificate.recipient.email == registration.email
    assert "Solliciteren in België" in pdf_text(pdf_of(certificate))


def test_someone_not_checked_in_gets_no_attendance_certificate(db):
    registration = past_session().registrations.create(
        name="Sami", email="sami@example.org", language="nl", consented_at=timezone.now()
    )

    with pytest.raises(NotIssued, match="Niet aanwezig"):
        certificates.issue_attendance_certificates(registration)


def test_the_series_certificate_comes_with_the_session_that_reaches_the_number(db):
    series, sessions = series_with_sessions(3, certificate_after_sessions=3)
    issued = []
    for session in sessions:  # checked in at one session after the other
        registration = attendee(session, email="amal@example.org")
        issued.append(certificates.issue_attendance_certificates(registration))

    assert [len(batch) for batch in issued] == [1, 1, 2]
    series_certificate = issued[2][1]
    assert series_certificate.kind == Certificate.Kind.SERIES
    assert series_certificate.details["sessions_attended"] == 3
    assert series_certificate.series_id == series.pk


# --- Names in any script -----------------------------------------------------------------


FONTS = "static/vendor/fonts/"
FONT_FILES = {
    "Opstap-Latin": ["noto-sans-latin-400-normal.woff2", "noto-sans-latin-700-normal.woff2"],
    "Opstap-Latin-Ext": ["noto-sans-latin-ext-400-normal.woff2"],
    "Opstap-Cyrillic": ["noto-sans-cyrillic-400-normal.woff2"],
    "Opstap-Cyrillic-Ext": ["noto-sans-cyrillic-ext-400-normal.woff2"],
    "Opstap-Arabic": ["DejaVuSans.ttf"],
}


def _covered_by(font_names):
    """The characters the embedded fonts' source files hold glyphs for."""
    characters = set()
    for name in font_names:
        family = re.sub(r"-(Bold|Regular)$", "", name)
        for file_name in FONT_FILES.get(family, []):
            characters |= set(TTFont(FONTS + file_name)["cmap"].getBestCmap())
    return characters


@pytest.mark.parametrize(
    ("name", "language"),
    [("أمينة الحداد", "ar"), ("Олена Шевченко", "uk"), ("Zoë Ćurić-Nguyễn", "nl")],
)
def test_names_in_arabic_cyrillic_and_latin_print_with_real_glyphs(db, name, language):
    registration = attendee(past_session(), name=name, language=language)
    (certificate,) = certificates.issue_attendance_certificates(registration)
    store_pdf(certificate)
    content = pdf_of(certificate)

    fonts = embedded_font_names(content)
    # Only our own fonts: no fallback to whatever the machine has, and every letter of
    # the name has a glyph in one of them (no missing-glyph boxes).
    assert fonts and all(font.startswith("Opstap-") for font in fonts), fonts
    covered = _covered_by(fonts)
    assert all(ord(char) in covered for char in name if not char.isspace())
    assert name in pdf_text(content) or name.replace(" ", "") in pdf_text(content).replace(" ", "")


def test_an_arabic_certificate_reads_right_to_left(db):
    registration = attendee(past_session(), name="أمينة الحداد", language="ar")
    (certificate,) = certificates.issue_attendance_certificates(registration)

    assert 'dir="rtl"' in certificate_html(certificate)


def test_a_name_that_looks_like_code_prints_as_text(db):
    registration = attendee(past_session(), name="<script>alert(1)</script> Amina")
    (certificate,) = certificates.issue_attendance_certificates(registration)

    html = certificate_html(certificate)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Amina" in html
    store_pdf(certificate)
    assert "<script>alert(1)</script> Amina" in pdf_text(pdf_of(certificate))


# --- What the renderer may load ----------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "https://example.org/logo.png",
        "http://127.0.0.1:8000/static/css/site.css",
        "https://opstap.invalid/static/../../cms/settings/base.py",
        "https://opstap.invalid/media/original_images/logo.png",
        "data:text/html,<b>hi</b>",
    ],
)
def test_the_certificate_renderer_fetches_nothing_but_our_static_files(url):
    with pytest.raises(RefusedURL):
        static_files_url_fetcher().fetch(url)


def test_the_certificate_renderer_serves_our_own_static_files():
    response = static_files_url_fetcher().fetch(
        "https://opstap.invalid/static/certificates/certificate.css"
    )
    assert b"@font-face" in response.read()


# --- Numbers, codes and the record -------------------------------------------------------


def test_numbers_follow_each_other_and_codes_are_long_and_random(db):
    session = past_session()
    issued = [certificates.issue_attendance_certificates(attendee(session))[0] for _ in range(3)]

    numbers = [int(certificate.number.rsplit("-", 1)[1]) for certificate in issued]
    assert numbers == list(range(numbers[0], numbers[0] + 3))
    codes = {certificate.code for certificate in issued}
    assert len(codes) == 3
    for code in codes:
        assert len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET)
    # 28 characters of a 32-letter alphabet: 140 random bits.
    assert CODE_LENGTH * 5 >= 128


def test_a_typed_code_is_found_whatever_its_case_dashes_and_look_alike_letters(db):
    (certificate,) = certificates.issue_attendance_certificates(attendee(past_session()))
    typed = certificate.display_code.lower().replace("0", "o").replace("1", "l")

    assert certificates.find_by_code(f"  {typed} ") == certificate
    assert certificates.find_by_code("not a code") is None


def test_an_issued_certificate_does_not_change(db):
    (certificate,) = certificates.issue_attendance_certificates(attendee(past_session()))
    certificate.recipient_name = "Someone Else"

    with pytest.raises(ValueError, match="does not change"):
        certificate.save()
    with pytest.raises(ValueError, match="does not change"):
        certificate.save(update_fields=["recipient_name"])


def test_the_pdf_is_rendered_once(db):
    (certificate,) = certificates.issue_attendance_certificates(attendee(past_session()))
    assert store_pdf(certificate) is True
    first_hash = certificate.sha256

    assert store_pdf(Certificate.objects.get(pk=certificate.pk)) is False
    assert Certificate.objects.get(pk=certificate.pk).sha256 == first_hash


# --- Revoking and correcting -------------------------------------------------------------


def test_revoking_keeps_the_record_with_who_and_why(db):
    staff = make_reviewer(COACHES)
    (certificate,) = certificates.issue_attendance_certificates(attendee(past_session()))

    assert certificates.revoke(certificate, by=staff, reason="Niet aanwezig geweest.")
    assert not certificates.revoke(certificate, by=staff, reason="Nog eens.")

    certificate.refresh_from_db()
    assert certificate.is_revoked
    assert certificate.revoked_by == staff
    assert certificate.revocation_reason == "Niet aanwezig geweest."


def test_a_revocation_needs_a_reason(db):
    (certificate,) = certificates.issue_attendance_certificates(attendee(past_session()))

    with pytest.raises(ValueError):
        certificates.revoke(certificate, by=None, reason="  ")


def test_a_corrected_certificate_replaces_the_revoked_one(db):
    staff = make_reviewer(COACHES)
    (old,) = certificates.issue_attendance_certificates(attendee(past_session(), name="Amna"))

    corrected = certificates.reissue(
        old, by=staff, reason="Naam verkeerd gespeld.", recipient_name="Amina"
    )

    old.refresh_from_db()
    assert old.is_revoked and old.replaced_by == corrected
    assert corrected.replaces == old
    assert corrected.recipient_name == "Amina"
    assert corrected.number != old.number and corrected.code != old.code
    assert corrected.subject_key == old.subject_key


def test_a_revoked_certificate_is_not_silently_issued_again(db):
    registration = attendee(past_session())
    (certificate,) = certificates.issue_attendance_certificates(registration)
    certificates.revoke(certificate, by=None, reason="Fout.")

    with pytest.raises(NotIssued, match="ingetrokken"):
        certificates.issue_attendance_certificates(registration)


def test_the_hosts_logos_are_printed_from_our_own_renditions(db):
    from wagtail_factories import ImageFactory

    from tests.programmes.cafe_factories import PartnerPageFactory, host

    partner = PartnerPageFactory(title="Logopartner", logo=ImageFactory())
    registration = attendee(past_session(hosts=[host(partner)]))
    (certificate,) = certificates.issue_attendance_certificates(registration)
    store_pdf(certificate)

    assert certificate.details["partners"] == [{"name": "Logopartner", "logo_id": partner.logo_id}]
    assert len(embedded_images(pdf_of(certificate))) >= 1

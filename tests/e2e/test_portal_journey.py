"""Journey 4: a participant signs in to Mijn Opstap by an emailed link, follows their case
and downloads their certificate; the public verify page says valid, then revoked."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from cms.demo.seed import DEMO_PASSWORD
from programmes.models import ProgrammePage
from tests.e2e.browser import email_to, link_in, sign_in_to_admin, staff_context
from tests.workflows.case_factories import COACHING_PROGRAMME, make_case, make_reviewer, put_in
from workflows import engine
from workflows.default_workflows import COACHES

pytestmark = pytest.mark.e2e


def completed_case():
    """A case its coach completes through the engine: the certificate is issued."""
    programme = ProgrammePage.objects.get(slug=COACHING_PROGRAMME, locale__language_code="nl")
    case = make_case(programme, first_name="Mariam", last_name="Saleh")
    coach = make_reviewer(COACHES, programme)
    put_in(case, "aftercare", assignee=coach)
    engine.perform(case, "complete", coach, data={}, expected_state="aftercare")
    case.refresh_from_db()
    return case


def test_participant_downloads_their_certificate_and_anyone_can_verify_it(page, new_context):
    case = completed_case()
    certificate = case.certificates.get()
    email = case.application.email
    with translation.override("nl"):
        verify_url = reverse("certificates:verify", kwargs={"code": certificate.code})

    page.goto("/nl/my/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanmelden bij Mijn Opstap")
    page.get_by_label(re.compile("e-mailadres", re.I)).fill(email)
    page.get_by_role("button", name="Stuur me een link").click()
    page.goto(link_in(email_to(email, containing="/my/inloggen/link/"), "/my/inloggen/link/"))
    page.get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn Opstap")
    expect(page.locator("#aanmeldingen")).to_contain_text(case.application.reference)
    page.get_by_role("link", name=f"Bekijk aanmelding {case.application.reference}").click()
    timeline = page.locator(".portal-timeline")
    expect(timeline).to_contain_text("Aanmelding ingediend")
    expect(timeline).to_contain_text("Je traject is afgerond")

    page.goto("/nl/my/#certificaten")
    certificates = page.locator("#certificaten")
    expect(certificates).to_contain_text(certificate.number)
    with page.expect_download() as download_info:
        certificates.get_by_role("link", name=re.compile("Download het certificaat")).click()
    pdf = download_info.value
    assert pdf.suggested_filename.endswith(".pdf")
    with open(pdf.path(), "rb") as downloaded:
        assert downloaded.read(5) == b"%PDF-"

    verifier = new_context().new_page()  # an employer, say, with nothing but the code
    verifier.goto(verify_url)
    expect(verifier.get_by_role("heading", name="Dit certificaat is geldig")).to_be_visible()

    staff = staff_context(new_context).new_page()
    sign_in_to_admin(staff, "admin@opstap.test", DEMO_PASSWORD)
    staff.goto(f"/admin/certificaten/inspect/{certificate.pk}/")
    revoke = staff.locator("details.case-action").filter(has_text="Intrekken")
    revoke.locator("summary").click()
    revoke.get_by_label("Reden").fill("Uitgereikt op de verkeerde naam.")
    revoke.get_by_role("button", name="Certificaat intrekken").click()
    staff.wait_for_load_state()

    verifier.reload()
    expect(verifier.get_by_role("heading", name="Dit certificaat is ingetrokken")).to_be_visible()
    expect(verifier.get_by_role("heading", name="Dit certificaat is geldig")).to_have_count(0)
    certificate.refresh_from_db()
    assert certificate.is_revoked

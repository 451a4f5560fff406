"""axe-core finds no serious or critical accessibility problem on the public pages, every
step of the application wizard and the participant's portal, in Dutch and in Arabic
(right to left)."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from programmes.models import (
    CafeSessionPage,
    PartnerIndexPage,
    ProgrammePage,
    VacancyIndexPage,
)
from tests.e2e.browser import (
    axe_violations,
    current_step,
    describe,
    email_to,
    fill_step,
    link_in,
    wizard_button,
)
from tests.e2e.test_portal_journey import completed_case
from tests.forms.wizard_helpers import valid_answers
from tests.workflows.case_factories import COACHING_PROGRAMME

pytestmark = pytest.mark.e2e

LANGUAGES = ["nl", "ar"]


class Findings:
    """axe's serious and critical violations, page by page, asserted at the end so one
    run shows every page that fails."""

    def __init__(self):
        self.pages = {}

    def check(self, page, name):
        expect(page.locator("html")).to_have_attribute("lang", page.url.split("/")[3])
        violations = axe_violations(page)
        if violations:
            self.pages[f"{name} ({page.url})"] = describe(violations)

    def assert_none(self):
        assert self.pages == {}, "\n\n".join(
            f"{name}:\n{found}" for name, found in self.pages.items()
        )


def localized(model, language, **filters):
    return model.objects.live().filter(locale__language_code=language, **filters).first()


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages(axe_context, language):
    case = completed_case()
    certificate = case.certificates.get()
    session = localized(CafeSessionPage, language, starts_at__gt=timezone.now())
    with translation.override(language):
        pages = {
            "home": f"/{language}/",
            "programme": localized(ProgrammePage, language, slug=COACHING_PROGRAMME).url,
            "café session": session.url,
            "partner index": localized(PartnerIndexPage, language).url,
            "vacancy list": localized(VacancyIndexPage, language).url,
            "verify start": reverse("certificates:verify_start"),
            "verify": reverse("certificates:verify", kwargs={"code": certificate.code}),
        }
    page = axe_context.new_page()
    findings = Findings()
    for name, path in pages.items():
        page.goto(path)
        findings.check(page, name)
    # A form's errors are part of the page too.
    page.goto(pages["café session"])
    page.locator(".cafe-registration__form button[type=submit]").click()
    expect(page.locator(".error-summary, [role=alert]").first).to_be_visible()
    findings.check(page, "café session with errors")
    findings.assert_none()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_wizard_step(axe_context, language):
    answers = valid_answers()
    answers["about"]["email"] = f"axe.wizard.{language}@example.org"
    programme = localized(ProgrammePage, language, slug=COACHING_PROGRAMME)
    page = axe_context.new_page()
    findings = Findings()
    with translation.override(language):
        page.goto(reverse("forms:apply", kwargs={"programme_id": programme.pk}))
    findings.check(page, "start")
    page.locator("main form button[type=submit]").click()

    wizard_button(page, "next").click()  # nothing filled in: the errors
    expect(page.locator(".error-summary")).to_be_visible()
    findings.check(page, "about, with errors")
    while (step := current_step(page)) != "review":
        findings.check(page, step)
        fill_step(page, step, answers[step])
        wizard_button(page, "next").click()
        expect(page.locator('input[name$="-current_step"]')).not_to_have_value(step)
    findings.check(page, "review")
    wizard_button(page, "next").click()
    expect(page.locator(".confirmation-panel__reference")).to_be_visible()
    findings.check(page, "submitted")
    findings.assert_none()


@pytest.mark.parametrize("language", LANGUAGES)
def test_portal_pages(axe_context, language):
    case = completed_case()
    email = case.application.email
    page = axe_context.new_page()
    findings = Findings()
    page.goto(f"/{language}/my/")
    findings.check(page, "sign in")
    page.locator("main form input[type=email]").fill(email)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(f"/{language}/my/inloggen/verstuurd/", ignore_case=True)
    findings.check(page, "sign-in link sent")
    page.goto(link_in(email_to(email, containing="/my/inloggen/link/"), "/my/inloggen/link/"))
    findings.check(page, "sign-in link")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#certificaten")).to_be_visible()
    findings.check(page, "overview")
    page.locator(f'a[href$="/aanmeldingen/{case.application.reference}/"]').click()
    expect(page.locator(".portal-timeline")).to_be_visible()
    findings.check(page, "application")
    findings.assert_none()


def sign_in_by_link(page, email, language):
    page.goto(f"/{language}/my/inloggen/")
    page.locator("main form input[type=email]").fill(email)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(f"/{language}/my/inloggen/verstuurd/", ignore_case=True)
    page.goto(link_in(email_to(email, containing="/my/inloggen/link/"), "/my/inloggen/link/"))
    page.locator("main form button[type=submit]").click()


@pytest.mark.parametrize("language", LANGUAGES)
def test_referrer_and_employer_areas(axe_context, language):
    from programmes.models import PartnerPage, VacancyPage
    from tests.workflows.partner_factories import make_employer, make_referrer
    from tests.workflows.proposal_factories import proposed_case

    matchmaking = ProgrammePage.objects.get(slug="jobroad-matchmaking", locale__language_code="nl")
    zorgnet = PartnerPage.objects.get(slug="zorgnet-dijle", locale__language_code="nl")
    vacancy = VacancyPage.objects.child_of(zorgnet).live().first()
    proposal = proposed_case(matchmaking, vacancy)
    referrer = make_referrer(
        PartnerPage.objects.get(slug="ocmw-leuven", locale__language_code="nl"),
        f"axe.verwijzer.{language}@example.org",
        preferred_language=language,
    )
    employer = make_employer(
        zorgnet, f"axe.werkgever.{language}@example.org", preferred_language=language
    )
    findings = Findings()

    page = axe_context.new_page()
    sign_in_by_link(page, referrer.user.email, language)
    expect(page).to_have_url(f"/{language}/partner/verwijzer/")
    findings.check(page, "referrer: referrals")
    with translation.override(language):
        page.goto(reverse("partner_area:refer"))
    findings.check(page, "referrer: refer")
    page.locator("main form.public-form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    findings.check(page, "referrer: refer, with errors")
    page.context.clear_cookies()

    sign_in_by_link(page, employer.user.email, language)
    expect(page).to_have_url(f"/{language}/partner/werkgever/")
    findings.check(page, "employer: vacancies")
    with translation.override(language):
        page.goto(reverse("partner_area:employer_vacancy", kwargs={"pk": vacancy.pk}))
        findings.check(page, "employer: a vacancy's candidates")
        page.goto(reverse("partner_area:employer_proposal", kwargs={"pk": proposal.pk}))
    findings.check(page, "employer: a proposal")
    page.locator(
        f'form[action$="/voorstellen/{proposal.pk}/uitkomst/"] button[type=submit]'
    ).click()
    expect(page.locator(".error-summary")).to_be_visible()
    findings.check(page, "employer: a proposal, with errors")
    findings.assert_none()

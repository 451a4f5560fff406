"""Journey 3: reviewers take a case from the worklist to completed in the admin, each in
their own browser: screening, a mentor, a traineeship, a placement, aftercare."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from cms.demo.seed import DEMO_PASSWORD
from programmes.models import ProgrammePage, TraineeshipType
from tests.e2e.browser import perform_step, sign_in_to_admin, staff_context
from tests.workflows.case_factories import COACHING_PROGRAMME, make_case
from workflows.models import Placement, Traineeship

pytestmark = pytest.mark.e2e


def expect_state(page, state):
    expect(page.locator(".messages")).to_contain_text(f"het dossier staat nu in „{state}”")


def test_reviewers_take_a_case_from_the_worklist_to_completed(new_context):
    programme = ProgrammePage.objects.get(slug=COACHING_PROGRAMME, locale__language_code="nl")
    case = make_case(programme, first_name="Yusuf", last_name="Demir")
    reference = case.application.reference
    today = datetime.date.today()
    ibo = TraineeshipType.objects.get(abbreviation="IBO", locale__language_code="nl")

    screener = staff_context(new_context).new_page()
    sign_in_to_admin(screener, "screener@opstap.test", DEMO_PASSWORD)
    worklist = screener.locator("#waiting-for-you-section")
    worklist.get_by_role("link", name=re.compile(re.escape(reference))).click()
    expect(screener.get_by_role("heading", level=1)).to_contain_text("Yusuf Demir")
    perform_step(screener, "Screening starten")
    expect_state(screener, "Screening")
    perform_step(
        screener,
        "Geschikt: naar intake",
        {"Waarom deze beslissing?": "Bachelor in de bouwkunde, minder dan vijf jaar in België."},
    )
    expect_state(screener, "Intake en trajectbepaling")

    coach = staff_context(new_context).new_page()
    sign_in_to_admin(coach, "coach@opstap.test", DEMO_PASSWORD)
    coach.goto(f"/admin/dossiers/inspect/{case.pk}/")
    perform_step(
        coach,
        "Traject bepaald: naar oriëntatie",
        {"Opmerking": "Oriëntatie eerst, daarna een stage in de bouw."},
    )
    expect_state(coach, "Oriëntatie op de samenleving")
    perform_step(coach, "Mentor toewijzen", {"Begeleider": "Colette"})
    expect_state(coach, "Coaching door mentor")

    placement = staff_context(new_context).new_page()
    sign_in_to_admin(placement, "placement@opstap.test", DEMO_PASSWORD)
    placement.goto("/admin/dossiers/")
    placement.get_by_role("link", name=reference, exact=True).click()
    perform_step(
        placement,
        "Stage starten",
        {
            "Begint op": today.isoformat(),
            "Eindigt op": (today + datetime.timedelta(days=60)).isoformat(),
            "Soort stage": str(ibo.pk),  # 4 weeks to 6 months
        }
        | _first_options(placement, "Stage starten", "Werkgever"),
    )
    expect_state(placement, "Stage")
    perform_step(
        placement,
        "Job gevonden: plaatsing registreren",
        {"Functie": "Werfleider", "Begint op": (today + datetime.timedelta(days=61)).isoformat()}
        | _first_options(placement, "Job gevonden: plaatsing registreren", "Werkgever"),
    )
    expect_state(placement, "Plaatsing")

    coach.reload()
    perform_step(coach, "Nazorg starten")
    expect_state(coach, "Nazorg")
    perform_step(coach, "Traject afronden")
    expect_state(coach, "Afgerond")
    expect(coach.locator("main")).to_contain_text("Dit dossier is afgerond")

    case.refresh_from_db()
    assert case.state == "completed"
    assert case.assignee.email == "coach@opstap.test"
    assert Traineeship.objects.filter(case=case).count() == 1
    assert Placement.objects.get(case=case).job_title == "Werfleider"
    assert case.certificates.exists()


def _first_options(page, action_name, *labels):
    """{label: the value of its first real option} for the selects of an action's form."""
    action = page.locator("details.case-action").filter(
        has=page.locator(".case-action__name", has_text=re.compile(f"^{re.escape(action_name)}$"))
    )
    return {
        label: action.get_by_label(label)
        .locator("option:not([value=''])")
        .first.get_attribute("value")
        for label in labels
    }

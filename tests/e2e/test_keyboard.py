"""The application wizard by keyboard alone: a sensible tab order, a visible focus on
everything that takes it, errors announced and linked to their fields."""

import re

import pytest
from playwright.sync_api import expect

from programmes.models import ProgrammePage
from tests.e2e.browser import current_step, keyboard_fill_step, tab_to
from tests.forms.wizard_helpers import valid_answers
from tests.workflows.case_factories import COACHING_PROGRAMME

pytestmark = pytest.mark.e2e


def press_enter(page):
    """Enter on a link or a button that loads the next page."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def fields_in_page_order(page, step):
    names = page.locator("form.wizard__form").evaluate(
        """(form, step) => [...form.elements]
            .filter(element => element.name.startsWith(step + "-") && element.type !== "hidden")
            .map(element => element.name)""",
        step,
    )
    return list(dict.fromkeys(names))


def test_an_applicant_completes_the_wizard_with_the_keyboard_alone(page):
    programme = ProgrammePage.objects.get(slug=COACHING_PROGRAMME, locale__language_code="nl")
    answers = valid_answers()
    answers["about"]["email"] = "keyboard@example.org"
    page.goto(programme.url)
    tab_to(page, lambda element: "/aanmelden/" in element["href"])
    press_enter(page)
    tab_to(page, lambda element: element["text"] == "Start je aanmelding")
    press_enter(page)
    assert current_step(page) == "about"

    # Nothing filled in: the errors are announced, and each links to its field.
    tab_to(page, lambda element: element["primary"])
    press_enter(page)
    expect(page).to_have_title(re.compile(r"^Fout: "))
    summary = page.locator(".error-summary")
    expect(summary).to_have_attribute("role", "alert")
    first_error = summary.get_by_role("link").first
    error_text = first_error.inner_text()
    field = page.locator(first_error.get_attribute("href"))
    tab_to(page, lambda element: element["tag"] == "A" and element["text"] == error_text)
    page.keyboard.press("Enter")
    expect(field).to_be_focused()
    expect(field).to_have_attribute("aria-invalid", "true")
    messages = [
        page.locator(f"#{identifier}").inner_text()
        for identifier in field.get_attribute("aria-describedby").split()
    ]
    assert any(error_text in message for message in messages), messages

    passed = []
    while (step := current_step(page)) != "review":
        in_page_order = fields_in_page_order(page, step)
        on_this_step = keyboard_fill_step(page, step, answers[step])
        in_tab_order = [element["name"] for element in on_this_step if element["name"]]
        in_tab_order = [name for name in dict.fromkeys(in_tab_order) if name in in_page_order]
        assert in_tab_order == in_page_order[: len(in_tab_order)], step
        passed += on_this_step
        expect(page.locator('input[name$="-current_step"]')).not_to_have_value(step)
    keyboard_fill_step(page, "review", {})

    expect(page.locator(".confirmation-panel__reference")).to_be_visible()
    # (The body holds the focus when a page has just loaded: nothing to see there.)
    invisible = [e for e in passed if e["tag"] != "BODY" and not e["visible"]]
    assert invisible == [], f"Focus not visible on: {invisible[:5]}"

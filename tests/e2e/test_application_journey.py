"""Journey 2: an applicant applies in Arabic, uploads a diploma, stops half-way, resumes
by the emailed link in another browser, goes back a step, and submits."""

import re

import pytest
from playwright.sync_api import expect

from forms.models import Application
from tests.e2e.browser import current_step, email_to, fill_step, link_in, wizard_button
from tests.forms.wizard_helpers import valid_answers
from tests.workflows.portal_factories import PDF_BYTES

pytestmark = pytest.mark.e2e


def test_applicant_applies_in_arabic_resumes_elsewhere_and_submits(page, new_context):
    answers = valid_answers()
    answers["about"].update(email="amina.arabic@example.org", preferred_language="ar")

    page.goto("/ar/programmas/level2work/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.locator('a[href*="/ar/aanmelden/"]').first.click()
    page.locator("main form button[type=submit]").click()

    # Up to the documents; a step shown only for some answers may be left out.
    visited = []
    while (step := current_step(page)) != "documents":
        visited.append(step)
        fill_step(page, step, answers[step])
        wizard_button(page, "next").click()
        expect(page.locator('input[name$="-current_step"]')).not_to_have_value(step)
    assert visited[:3] == ["about", "origin", "education"]
    page.locator('[name="documents-diploma"]').set_input_files(
        files=[{"name": "diploma-amina.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}]
    )
    wizard_button(page, "later").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("main")).to_contain_text("amina.arabic@example.org")

    # Another device: nothing in common with the first browser but the emailed link.
    message = email_to("amina.arabic@example.org")
    elsewhere = new_context().new_page()
    elsewhere.goto(link_in(message, "/aanmelden/verder/"))
    expect(elsewhere).to_have_url(re.compile(r"/ar/aanmelden/\d+/formulier/$"))
    expect(elsewhere.locator("html")).to_have_attribute("lang", "ar")
    expect(elsewhere.locator(".stored-file")).to_contain_text("diploma-amina.pdf")

    wizard_button(elsewhere, "back").click()
    previous = visited[-1]
    expect(elsewhere.locator('input[name$="-current_step"]')).to_have_value(previous)
    typed = next(name for name, value in answers[previous].items() if len(value) > 2)
    expect(elsewhere.locator(f'[name="{previous}-{typed}"]')).to_have_value(
        answers[previous][typed]
    )
    wizard_button(elsewhere, "next").click()  # the step before, unchanged
    wizard_button(elsewhere, "next").click()  # documents: the diploma is kept
    fill_step(elsewhere, "privacy", answers["privacy"])
    wizard_button(elsewhere, "next").click()
    expect(elsewhere.locator("main")).to_contain_text("diploma-amina.pdf")  # check your answers
    wizard_button(elsewhere, "next").click()

    reference = elsewhere.locator(".confirmation-panel__reference")
    expect(reference).to_have_text(re.compile(r"^\S+-\d{4}-\d+$"))
    application = Application.objects.get(email="amina.arabic@example.org")
    assert reference.inner_text() == application.reference
    assert application.language == "ar"
    assert [document.original_name for document in application.documents.all()] == [
        "diploma-amina.pdf"
    ]

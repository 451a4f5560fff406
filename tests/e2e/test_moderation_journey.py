"""Journey 5: an editor changes a programme page and submits it for moderation; a
moderator approves it, and syncs the translations through wagtail-localize, published."""

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from cms.demo.seed import DEMO_PASSWORD, MODERATION_WORKFLOW
from programmes.models import ProgrammePage
from tests.e2e.browser import sign_in_to_admin, staff_context
from tests.workflows.case_factories import COACHING_PROGRAMME

pytestmark = pytest.mark.e2e

NEW_SUMMARY = "Begeleiding naar werk op je niveau, nu ook in Tienen en Aarschot."


def test_a_moderated_change_reaches_every_language(new_context):
    programme = ProgrammePage.objects.get(slug=COACHING_PROGRAMME, locale__language_code="nl")
    translations = {
        language: programme.get_translation(Locale.objects.get(language_code=language)).url
        for language in ("en", "fr", "ar")
    }
    visitor = new_context().new_page()

    editor = staff_context(new_context).new_page()
    sign_in_to_admin(editor, "editor@opstap.test", DEMO_PASSWORD)
    editor.goto(f"/admin/pages/{programme.pk}/edit/")
    editor.locator('textarea[name="summary"]').fill(NEW_SUMMARY)
    editor.locator("footer .w-dropdown__toggle").click()
    editor.get_by_role("button", name=f"Stuur door naar {MODERATION_WORKFLOW}").click()
    expect(editor.locator(".messages")).to_contain_text("ter goedkeuring ingediend")
    visitor.goto(programme.url)
    expect(visitor.locator("main")).not_to_contain_text(NEW_SUMMARY)  # not before approval

    moderator = staff_context(new_context).new_page()
    sign_in_to_admin(moderator, "moderator@opstap.test", DEMO_PASSWORD)
    awaiting_review = moderator.locator("section, .panel").filter(
        has_text="In afwachting van jouw beoordeling"
    )
    awaiting_review.get_by_role("link", name=programme.title).first.click()
    moderator.locator("footer .w-dropdown__toggle").click()
    moderator.get_by_role("button", name="Goedkeuren en publiceren", exact=True).click()
    expect(moderator.locator(".messages")).to_be_visible()
    visitor.goto(programme.url)
    expect(visitor.locator("main")).to_contain_text(NEW_SUMMARY)

    moderator.goto(f"/admin/pages/{programme.pk}/edit/")
    moderator.locator('[aria-label="Acties"]').first.click()
    moderator.get_by_role("link", name="Synchroniseer vertaalde pagina's").click()
    moderator.get_by_label("Direct publiceren").check()
    moderator.get_by_role("button", name="Verzenden").click()
    moderator.wait_for_load_state()

    # The new text shows in the source language until a translator translates it.
    for language, url in translations.items():
        visitor.goto(url)
        expect(visitor.locator("html")).to_have_attribute("lang", language)
        expect(visitor.locator("main")).to_contain_text(NEW_SUMMARY)
    programme.refresh_from_db()
    assert programme.summary == NEW_SUMMARY
    approved = programme.workflow_states.get(status="approved")
    assert approved.requested_by.email == "editor@opstap.test"

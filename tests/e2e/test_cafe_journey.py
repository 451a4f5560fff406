"""Journey 1: a visitor finds an upcoming café session, registers, and cancels by the
link in the confirmation email."""

import re

import pytest
from playwright.sync_api import expect

from programmes.models import Registration
from tests.e2e.browser import email_to, link_in

pytestmark = pytest.mark.e2e


def test_visitor_registers_for_a_cafe_session_and_cancels_by_the_emailed_link(page):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/en/$"))  # the browser asks for English first

    page.get_by_role("navigation", name=re.compile("language", re.I)).get_by_role(
        "link", name="Nederlands"
    ).click()
    expect(page).to_have_url(re.compile(r"/nl/$"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")

    page.get_by_role("link", name="Jumpstart Café", exact=True).first.click()
    expect(page.get_by_role("heading", name="Volgende sessies")).to_be_visible()
    page.locator(".cafe-session-list").get_by_role("link").first.click()
    session_title = page.get_by_role("heading", level=1).inner_text()

    page.get_by_label("Je naam").fill("Olena Kovalenko")
    page.get_by_label("Je e-mailadres").fill("olena.cafe@example.org")
    page.get_by_label(re.compile("Ik ga akkoord")).check()
    page.get_by_role("button", name="Schrijf me in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Je bent ingeschreven")
    expect(page.get_by_role("link", name=session_title)).to_be_visible()
    registration = Registration.objects.get(email="olena.cafe@example.org")
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.language == "nl"

    confirmation = email_to("olena.cafe@example.org")
    page.goto(link_in(confirmation, "/annuleren/"))
    page.get_by_role("button", name="Ja, annuleer mijn inschrijving").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Je inschrijving is geannuleerd")
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED

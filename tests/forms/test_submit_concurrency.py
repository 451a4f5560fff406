"""Submitting one draft from several requests at once (a double click, a flaky network's
replays): one application, one reference, and every request told where it is.

Needs PostgreSQL (row locks between connections); skipped on SQLite. The test commits
for real; the demo site is put back afterwards (tests/conftest.py).
"""

import threading

import pytest
from django.db import connection, connections
from django.test import Client

from forms.models import Application
from tests.forms.wizard_helpers import Wizard

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite has no row locks and serialises every writer",
    ),
]

CLICKS = 4
STEPS = ["about", "origin", "education", "languages", "work", "documents", "privacy"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_four_submits_of_one_draft_at_once_make_one_application(
    demo_site_restored_afterwards, client
):
    from wagtail.models import Page

    programme = Page.objects.get(slug="level2work", locale__language_code="nl").specific
    wizard = Wizard(client, programme)
    wizard.start()
    wizard.walk(STEPS)
    payload = wizard.payload("review", {})
    start = threading.Barrier(CLICKS)
    answers, errors = [], []

    def click():
        try:
            browser = Client()
            browser.cookies = client.cookies
            start.wait(timeout=30)
            response = browser.post(wizard.url, payload)
            answers.append((response.status_code, response.get("Location")))
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click) for _ in range(CLICKS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert Application.objects.count() == 1
    submitted = f"/nl/aanmelden/{programme.pk}/verzonden/"
    assert answers == [(302, submitted)] * CLICKS

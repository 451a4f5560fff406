"""The booking pages keep to the Content Security Policy (no inline script, style or
event handlers), label every field, and are linked from the contact desk page."""

import re

import pytest
from django.urls import reverse

from programmes import appointments
from tests.programmes.appointment_factories import local, make_schedule, tomorrow


@pytest.fixture
def schedule(db):
    return make_schedule(languages=("nl", "ar"))


def booking_pages(client, schedule):
    appointment = appointments.book(
        schedule,
        local(tomorrow(), 9, 30),
        topic="work",
        language="nl",
        name="Amina",
        email="amina@example.org",
        email_language="nl",
    )
    slot = appointments.slot_key(local(tomorrow(), 9, 0))
    return {
        "slots": "/nl/afspraak/",
        "slots in Arabic": "/ar/afspraak/",
        "form": f"/nl/afspraak/moment/{slot}/",
        "form in Arabic": f"/ar/afspraak/moment/{slot}/",
        "confirmation": reverse("appointments:booked"),
        "cancel": appointments.cancel_path(appointment),
        "broken link": "/nl/afspraak/niet-geldig/annuleren/",
    }


def assert_csp_clean(response, name):
    html = response.content.decode()
    header = response.headers.get("Content-Security-Policy", "")
    assert "script-src 'self'" in header and "'unsafe-inline'" not in header, name
    assert [tag for tag in re.findall(r"<script\b[^>]*>", html) if "src=" not in tag] == [], name
    assert "<style" not in html, name
    assert re.search(r"\sstyle=\"", html) is None, name
    assert re.search(r"\son[a-z]+=\"", html) is None, name


def test_the_booking_pages_keep_to_the_content_security_policy(client, schedule):
    for name, path in booking_pages(client, schedule).items():
        response = client.get(path)
        assert response.status_code in (200, 404), name
        assert_csp_clean(response, name)


def test_the_form_with_errors_keeps_to_the_policy_and_labels_every_field(client, schedule):
    slot = appointments.slot_key(local(tomorrow(), 9, 0))

    response = client.post(f"/nl/afspraak/moment/{slot}/", {"name": ""})

    assert_csp_clean(response, "form with errors")
    html = response.content.decode()
    for field_id in re.findall(r'<(?:input|select|textarea)[^>]*\sid="([^"]+)"', html):
        if field_id.startswith(("id_topic_", "site-search")):
            continue  # radios sit inside their own label; the search box has its own
        assert f'for="{field_id}"' in html, field_id
    # Every entry of the error summary leads to its field.
    for target in re.findall(r"error-summary__list.*?</ul>", html, re.S):
        for anchor in re.findall(r'href="#([^"]+)"', target):
            assert f'id="{anchor}"' in html, anchor


def test_the_contact_desk_page_links_to_booking_an_appointment(client, demo, schedule):
    html = client.get(demo["contact"]["nl"].url).content.decode()

    assert 'href="/nl/afspraak/"' in html

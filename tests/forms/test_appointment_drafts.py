"""Turning a visit to the contact desk into an application draft: the person's details
filled in, the resume link emailed, one draft however often staff click, and only for
staff who may handle appointments."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from forms.appointment_drafts import LOG_ACTION, first_step_answers
from forms.models import ApplicationDraft
from tests.programmes.appointment_factories import make_appointment

User = get_user_model()


@pytest.fixture
def moderator(db):
    return User.objects.get(email="moderator@opstap.test")


@pytest.fixture
def programme(demo):
    return demo["level2work"]["nl"]


@pytest.fixture
def appointment(db):
    return make_appointment(name="Amina Al Haddad", phone="+32 470 12 34 56", email_language="fr")


def start(client, appointment, programme, capture):
    with capture(execute=True):
        return client.post(
            reverse("appointment_application_draft", args=[appointment.pk]),
            {"programme": programme.pk},
        )


def test_staff_start_a_draft_with_the_persons_details_and_it_is_emailed(
    client, moderator, appointment, programme, django_capture_on_commit_callbacks
):
    client.force_login(moderator)

    response = start(client, appointment, programme, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    draft = ApplicationDraft.objects.get(programme=programme, email="amina@example.org")
    page = client.get(response["Location"]).content.decode()
    assert "De link om verder te gaan is gemaild naar amina@example.org." in page
    assert draft.language == "fr"
    assert draft.wizard_state["step_data"]["about"] == {
        "about-first_name": ["Amina"],
        "about-last_name": ["Al Haddad"],
        "about-email": ["amina@example.org"],
        "about-phone": ["+32 470 12 34 56"],
        "about-preferred_language": ["fr"],
    }
    assert "/fr/aanmelden/verder/" in page
    (email,) = mail.outbox
    assert email.to == ["amina@example.org"]
    entry = ModelLogEntry.objects.for_instance(appointment).get(action=LOG_ACTION)
    assert entry.user_id == moderator.pk
    assert entry.data == {"programme": programme.pk, "draft": str(draft.public_id)}


def test_starting_twice_finds_the_same_draft_and_emails_once(
    client, moderator, appointment, programme, django_capture_on_commit_callbacks
):
    client.force_login(moderator)

    start(client, appointment, programme, django_capture_on_commit_callbacks)
    response = start(client, appointment, programme, django_capture_on_commit_callbacks)

    assert ApplicationDraft.objects.filter(email="amina@example.org").count() == 1
    assert len(mail.outbox) == 1
    assert "staat nog open" in client.get(response["Location"]).content.decode()


def test_the_resume_link_opens_the_wizard_with_the_details_filled_in(
    client, moderator, appointment, programme, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    response = start(client, appointment, programme, django_capture_on_commit_callbacks)
    link = client.get(response["Location"]).context["resume_url"]
    client.logout()

    wizard = client.get(
        link.split("testserver", 1)[-1].replace("http://127.0.0.1:8000", ""), follow=True
    )

    html = wizard.content.decode()
    assert wizard.status_code == 200
    assert 'value="Amina"' in html and 'value="Al Haddad"' in html


def test_a_phone_only_visit_gets_a_draft_without_email(
    client, moderator, programme, django_capture_on_commit_callbacks
):
    appointment = make_appointment(email="", phone="+32 470 00 00 00", name="Bohdan")
    client.force_login(moderator)

    start(client, appointment, programme, django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert first_step_answers(appointment) == {
        "about-first_name": ["Bohdan"],
        "about-phone": ["+32 470 00 00 00"],
        "about-preferred_language": ["nl"],
    }


def test_a_draft_not_started_from_this_appointment_is_not_shown(
    client, moderator, appointment, programme
):
    other = ApplicationDraft.objects.create(programme=programme, email="x@example.org")
    client.force_login(moderator)

    url = reverse("appointment_application_draft", args=[appointment.pk])
    html = client.get(url, {"draft": str(other.public_id)}).content.decode()

    assert "aanmelden/verder" not in html
    assert 'name="programme"' in html


def test_staff_who_may_not_change_appointments_cannot_start_a_draft(
    client, appointment, programme, django_capture_on_commit_callbacks
):
    client.force_login(User.objects.get(email="editor@opstap.test"))

    response = start(client, appointment, programme, django_capture_on_commit_callbacks)

    assert response.status_code in (302, 403)
    assert not ApplicationDraft.objects.filter(email="amina@example.org").exists()


def test_the_day_list_offers_to_start_an_application(client, moderator):
    from django.utils import timezone

    from tests.programmes.appointment_factories import local

    appointment = make_appointment(starts_at=local(timezone.localdate(), 9))
    client.force_login(moderator)

    html = client.get(reverse("desk_appointments:index")).content.decode()

    assert reverse("appointment_application_draft", args=[appointment.pk]) in html


@pytest.mark.parametrize("value", ["", "99999999999999999999", "x", "-1"])
def test_a_programme_that_is_no_choice_is_refused_with_a_message(
    client, moderator, appointment, value
):
    client.force_login(moderator)

    response = client.post(
        reverse("appointment_application_draft", args=[appointment.pk]), {"programme": value}
    )

    assert response.status_code == 200
    assert "Kies " in response.content.decode()
    assert not ApplicationDraft.objects.filter(email="amina@example.org").exists()

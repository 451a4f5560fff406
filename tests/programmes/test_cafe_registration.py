"""Registering for a Jumpstart Café session: places, the waiting list, the window,
confirmation page and emails, cancelling and promotion from the waiting list."""

import datetime
import re

import icalendar
import pytest
from django.core import mail, signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from programmes.models import Registration
from programmes.registration import (
    AlreadyRegistered,
    CancelOutcome,
    RegistrationClosed,
    cancel,
    cancel_path,
    canonical_session,
    fill_free_places,
    register,
    registration_for_cancel_token,
    waiting_list_position,
)
from programmes.tasks import deliver_registration_news
from tests.programmes.cafe_factories import (
    CafeSessionPageFactory,
    RegistrationFactory,
    translate,
)
from tests.programmes.cafe_links import cancel_links_in

Status = Registration.Status
SECRET_LINK = "https://meet.example.org/jumpstart-geheim"


def form_data(**overrides):
    data = {
        "name": "Amina Haddad",
        "email": "amina@example.org",
        "language": "nl",
        "access_needs": "",
        "privacy_consent": "on",
    }
    data.update(overrides)
    return data


def person(number, **extra):
    return {
        "name": f"Persoon {number}",
        "email": f"persoon{number}@example.org",
        "language": "nl",
        **extra,
    }


@pytest.fixture
def session(db):
    return CafeSessionPageFactory(capacity=2)


@pytest.fixture
def online_session(db):
    return CafeSessionPageFactory(online=True, capacity=1)


def post_registration(client, page, capture, **overrides):
    with capture(execute=True):
        return client.post(page.url, form_data(**overrides))


# --- Places and the waiting list ------------------------------------------------------


def test_the_first_people_get_a_confirmed_place(session):
    first = register(session, **person(1))
    second = register(session, **person(2))

    assert first.status == second.status == Status.CONFIRMED


def test_the_person_after_the_last_place_joins_the_waiting_list(session):
    register(session, **person(1))
    register(session, **person(2))

    third = register(session, **person(3))

    assert third.status == Status.WAITLISTED
    assert waiting_list_position(third) == 1


def test_the_waiting_list_keeps_the_order_of_arrival(session):
    register(session, **person(1))
    register(session, **person(2))
    waiting = [register(session, **person(number)) for number in (3, 4, 5)]

    assert [waiting_list_position(registration) for registration in waiting] == [1, 2, 3]


def test_registering_through_a_translation_shares_the_places_of_the_original(session):
    english = translate(session, "en", title="Your network in Leuven")
    register(session, **person(1))
    register(english, **person(2))

    through_english = register(english, **person(3))

    assert canonical_session(english).pk == session.pk
    assert through_english.session_id == session.pk
    assert through_english.status == Status.WAITLISTED


def test_the_canonical_session_is_the_translation_created_first(session):
    french = translate(session, "fr")

    assert canonical_session(french) == session
    assert canonical_session(session) == session


def test_email_addresses_are_stored_in_lower_case(session):
    registration = register(session, **person(1, email="  Amina@Example.ORG "))

    assert registration.email == "amina@example.org"


# --- The registration window ----------------------------------------------------------


def test_before_the_window_opens_the_page_says_when_registration_opens(client, db):
    opens_at = timezone.now() + datetime.timedelta(days=3)
    page = CafeSessionPageFactory(registration_opens_at=opens_at)

    html = client.get(page.url).content.decode()

    assert "Inschrijven voor deze sessie kan vanaf" in html
    assert 'name="email"' not in html


def test_registering_before_the_window_opens_is_refused_with_the_opening_date(
    client, db, django_capture_on_commit_callbacks
):
    page = CafeSessionPageFactory(registration_opens_at=timezone.now() + datetime.timedelta(days=3))

    response = post_registration(client, page, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert not Registration.objects.exists()
    assert "kan pas vanaf" in client.get(response.url).content.decode()


def test_after_the_window_closes_the_form_is_replaced_by_a_message(client, db):
    page = CafeSessionPageFactory(
        registration_closes_at=timezone.now() - datetime.timedelta(hours=1)
    )

    html = client.get(page.url).content.decode()

    assert "Inschrijven voor deze sessie is gesloten." in html
    assert 'name="email"' not in html


def test_a_registration_posted_after_closing_gets_the_message_not_an_error(
    client, db, django_capture_on_commit_callbacks
):
    page = CafeSessionPageFactory(
        registration_closes_at=timezone.now() - datetime.timedelta(hours=1)
    )

    response = post_registration(client, page, django_capture_on_commit_callbacks)
    followed = client.get(response.url)

    assert response.status_code == 302
    assert followed.status_code == 200
    assert "is gesloten, dus je inschrijving is niet verwerkt" in followed.content.decode()
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_register_refuses_once_the_window_has_closed(session):
    with pytest.raises(RegistrationClosed):
        register(session, **person(1), now=session.starts_at + datetime.timedelta(minutes=1))


# --- One place per email address ------------------------------------------------------


def test_the_same_email_cannot_register_twice_for_a_session(
    client, session, django_capture_on_commit_callbacks
):
    post_registration(client, session, django_capture_on_commit_callbacks)

    response = post_registration(client, session, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Je bent al ingeschreven voor deze sessie met dit e-mailadres." in html
    assert "Fout: " in html.split("</title>")[0]
    assert Registration.objects.filter(session=session).count() == 1


def test_the_same_email_in_other_capitals_is_the_same_person(
    client, session, django_capture_on_commit_callbacks
):
    post_registration(client, session, django_capture_on_commit_callbacks)

    response = post_registration(
        client, session, django_capture_on_commit_callbacks, email="AMINA@Example.org"
    )

    assert "Je bent al ingeschreven voor deze sessie met dit e-mailadres." in (
        response.content.decode()
    )
    assert Registration.objects.filter(session=session).count() == 1


def test_register_refuses_an_email_that_already_has_a_place(session):
    register(session, **person(1))

    with pytest.raises(AlreadyRegistered):
        register(session, **person(1, email="PERSOON1@example.org"))


def test_after_cancelling_the_same_email_can_register_again(session):
    first = register(session, **person(1))
    cancel(first)

    again = register(session, **person(1))

    assert again.status == Status.CONFIRMED


def test_the_database_refuses_a_second_active_registration_for_one_email(session):
    RegistrationFactory(session=session, email="amina@example.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(session=session, email="amina@example.org")


# --- The form -------------------------------------------------------------------------


def test_a_form_with_mistakes_lists_them_above_the_form(
    client, session, django_capture_on_commit_callbacks
):
    response = post_registration(
        client, session, django_capture_on_commit_callbacks, email="geen-adres", privacy_consent=""
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Er is een probleem" in html
    assert 'href="#id_email"' in html
    assert "Vul een e-mailadres in met een @ en een domein" in html
    assert "Vink aan dat je akkoord gaat met het gebruik van je gegevens." in html
    assert not Registration.objects.exists()


def test_the_email_language_is_the_language_of_the_page_by_default(client, session):
    english = translate(session, "en")

    html = client.get(english.url).content.decode()

    assert re.search(r'<option value="en" selected>', html)


def test_a_filled_honeypot_looks_accepted_but_stores_nothing(
    client, session, django_capture_on_commit_callbacks
):
    response = post_registration(
        client, session, django_capture_on_commit_callbacks, website="http://spam.example"
    )

    assert response.status_code == 302
    assert response.url == reverse("programmes:registration_done")
    assert client.get(response.url).status_code == 200
    assert not Registration.objects.exists()
    assert mail.outbox == []


# --- Confirmation page and emails -----------------------------------------------------


def test_after_registering_the_confirmation_page_says_you_have_a_place(
    client, session, django_capture_on_commit_callbacks
):
    response = post_registration(client, session, django_capture_on_commit_callbacks)

    page = client.get(response.url)

    assert response.url == reverse("programmes:registration_done")
    assert "Je bent ingeschreven" in page.content.decode()


def test_the_confirmation_page_shows_the_online_link_to_a_confirmed_person(
    client, online_session, django_capture_on_commit_callbacks
):
    response = post_registration(client, online_session, django_capture_on_commit_callbacks)

    assert SECRET_LINK in client.get(response.url).content.decode()


def test_the_confirmation_page_shows_the_waiting_list_position_without_the_link(
    client, online_session, django_capture_on_commit_callbacks
):
    RegistrationFactory(session=online_session)

    response = post_registration(client, online_session, django_capture_on_commit_callbacks)
    html = client.get(response.url).content.decode()

    assert "Je staat op de wachtlijst" in html
    assert 'class="cafe-confirmation__number">1<' in html
    assert SECRET_LINK not in html


def test_the_online_link_is_never_on_the_public_session_page(client, online_session):
    english = translate(online_session, "en")

    for page in (online_session, english):
        assert SECRET_LINK not in client.get(page.url).content.decode()


def test_the_confirmation_email_has_the_online_link_and_a_cancel_link(
    client, online_session, django_capture_on_commit_callbacks
):
    post_registration(client, online_session, django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    registration = Registration.objects.get()
    assert email.to == ["amina@example.org"]
    assert SECRET_LINK in email.body
    assert SECRET_LINK in email.alternatives[0][0]
    # The signed link carries the second it was made: compare what it opens, not its text.
    token = re.search(r"http://testserver/nl/cafe/inschrijving/([^/]+)/annuleren/", email.body)
    assert registration_for_cancel_token(token.group(1)) == registration


def test_the_confirmation_email_is_written_in_the_chosen_language(
    client, session, django_capture_on_commit_callbacks
):
    english = translate(session, "en", title="Your network in Leuven")

    post_registration(client, session, django_capture_on_commit_callbacks, language="en")

    email = mail.outbox[0]
    with translation.override("en"):
        weekday = date_format(timezone.localtime(session.starts_at), "l")
    assert email.extra_headers["Content-Language"] == "en"
    assert '<html lang="en"' in email.alternatives[0][0]
    assert "Your network in Leuven" in email.subject
    assert weekday.lower() in email.body.lower()
    assert "http://testserver" + english.url in email.body
    assert "http://testserver/en/cafe/inschrijving/" in email.body


def test_the_confirmation_email_carries_the_session_as_a_calendar_event(
    client, online_session, django_capture_on_commit_callbacks
):
    post_registration(client, online_session, django_capture_on_commit_callbacks)

    filename, content, mimetype = mail.outbox[0].attachments[0]
    event = icalendar.Calendar.from_ical(content).events[0]
    assert filename.endswith(".ics")
    assert mimetype == "text/calendar"
    assert str(event["summary"]) == online_session.title
    assert event.start == online_session.starts_at
    assert str(online_session.translation_key) in str(event["uid"])
    assert SECRET_LINK in str(event["description"])


def test_the_waiting_list_email_has_neither_the_online_link_nor_a_calendar_event(
    client, online_session, django_capture_on_commit_callbacks
):
    RegistrationFactory(session=online_session)

    post_registration(client, online_session, django_capture_on_commit_callbacks)

    email = mail.outbox[0]
    assert "wachtlijst" in email.subject
    assert SECRET_LINK not in email.body
    assert SECRET_LINK not in email.alternatives[0][0]
    assert email.attachments == []


def test_the_news_about_a_registration_is_emailed_only_once(session):
    registration = RegistrationFactory(session=session)

    deliver_registration_news(registration.pk)
    deliver_registration_news(registration.pk)

    assert len(mail.outbox) == 1
    registration.refresh_from_db()
    assert registration.notified_status == Status.CONFIRMED


# --- Cancelling and promotion ---------------------------------------------------------


def test_cancelling_a_place_promotes_the_first_on_the_waiting_list(
    session, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        leaving = register(session, **person(1))
        register(session, **person(2))
        first_waiting = register(session, **person(3, language="fr"))
        second_waiting = register(session, **person(4))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert cancel(leaving) is CancelOutcome.CANCELLED

    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.status == Status.CONFIRMED
    assert second_waiting.status == Status.WAITLISTED
    assert waiting_list_position(second_waiting) == 1
    assert sorted(email.to[0] for email in mail.outbox) == [
        "persoon1@example.org",
        "persoon3@example.org",
    ]


def test_the_promoted_person_is_emailed_in_their_language(
    session, django_capture_on_commit_callbacks
):
    leaving = RegistrationFactory(session=session, notified_status=Status.CONFIRMED)
    RegistrationFactory(session=session, notified_status=Status.CONFIRMED)
    waiting = RegistrationFactory(
        session=session,
        language="fr",
        status=Status.WAITLISTED,
        notified_status=Status.WAITLISTED,
        email="lea@example.org",
    )

    with django_capture_on_commit_callbacks(execute=True):
        cancel(leaving)

    promoted = next(email for email in mail.outbox if email.to == ["lea@example.org"])
    with translation.override("fr"):
        weekday = date_format(timezone.localtime(session.starts_at), "l")
    assert promoted.extra_headers["Content-Language"] == "fr"
    assert weekday.lower() in promoted.body.lower()
    assert cancel_links_in(promoted.body, language="fr") == {waiting.pk}
    assert promoted.attachments, "a new place comes with the calendar event"


def test_more_places_go_to_the_waiting_list(session):
    register(session, **person(1))
    register(session, **person(2))
    waiting = [register(session, **person(number)) for number in (3, 4, 5)]
    session.capacity = 4
    session.save_revision().publish()

    promoted = fill_free_places(session)

    assert [registration.pk for registration in promoted] == [waiting[0].pk, waiting[1].pk]


def test_cancelling_twice_is_harmless(session, django_capture_on_commit_callbacks):
    registration = RegistrationFactory(session=session, notified_status=Status.CONFIRMED)

    with django_capture_on_commit_callbacks(execute=True):
        first = cancel(registration)
        second = cancel(registration)

    assert (first, second) == (CancelOutcome.CANCELLED, CancelOutcome.ALREADY_CANCELLED)
    assert len(mail.outbox) == 1


def test_the_cancel_link_asks_before_it_cancels(
    client, session, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(session=session, notified_status=Status.CONFIRMED)
    link = cancel_path(registration)

    asked = client.get(link)
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(link)

    assert asked.status_code == 200
    assert "Ja, annuleer mijn inschrijving" in asked.content.decode()
    assert done.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED
    assert "Je inschrijving is geannuleerd" in client.get(done.url).content.decode()
    assert "geannuleerd" in mail.outbox[0].subject


def test_using_the_cancel_link_twice_is_harmless(client, session):
    registration = RegistrationFactory(session=session)
    link = cancel_path(registration)
    client.post(link)

    again = client.post(link)
    page = client.get(link)

    assert again.status_code == 302
    assert page.status_code == 200
    assert "Je inschrijving is geannuleerd" in page.content.decode()
    assert Registration.objects.get().status == Status.CANCELLED


def test_a_tampered_cancel_link_shows_a_friendly_page(client, session):
    registration = RegistrationFactory(session=session)
    token = cancel_path(registration).split("/")[-3]
    other_pk = RegistrationFactory(session=session).pk
    # Another registration's number with this registration's signature.
    forged = ":".join([signing.b64_encode(str(other_pk).encode()).decode(), *token.split(":")[1:]])

    for bad in (token[:-2] + "xx", forged, "1"):
        response = client.get(reverse("programmes:cancel_registration", args=[bad]))
        assert response.status_code == 404
        assert "Deze link werkt niet" in response.content.decode()
        assert client.post(reverse("programmes:cancel_registration", args=[bad])).status_code == 404
    assert not Registration.objects.filter(status=Status.CANCELLED).exists()


def test_the_cancel_link_is_not_the_registration_number(session):
    registration = RegistrationFactory(session=session)

    token = cancel_path(registration).split("/")[-3]

    assert token != str(registration.pk)
    assert len(token) > 20


# --- After the session ----------------------------------------------------------------


def test_a_session_that_has_ended_shows_its_resources_instead_of_the_form(client, db):
    page = CafeSessionPageFactory(
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=timezone.now() - datetime.timedelta(days=2, hours=-2),
        resources=[
            (
                "link",
                {
                    "url": "https://www.vdab.be/",
                    "title": "Vacatures bij VDAB",
                    "description": "De vacatures van de Vlaamse arbeidsbemiddeling.",
                },
            ),
            ("note", "<p>Veel bedrijven zoeken mensen in de zorg.</p>"),
        ],
    )

    html = client.get(page.url).content.decode()

    assert 'id="documenten"' in html
    assert 'href="https://www.vdab.be/"' in html
    assert "Veel bedrijven zoeken mensen in de zorg." in html
    assert 'name="email"' not in html


def test_many_registrations_from_one_place_wait_an_hour(
    client, db, django_capture_on_commit_callbacks, settings
):
    settings.OPSTAP_CAFE_REGISTRATIONS_PER_IP_HOUR = 2
    session = CafeSessionPageFactory(capacity=10)
    for number in (1, 2):
        post_registration(client, session, django_capture_on_commit_callbacks, **person(number))

    response = post_registration(client, session, django_capture_on_commit_callbacks, **person(3))
    elsewhere = client.post(session.url, form_data(**person(4)), REMOTE_ADDR="192.0.2.44")

    assert response.status_code == 302
    followed = client.get(response["Location"])
    assert "Probeer het over een uur opnieuw" in followed.content.decode()
    assert session.registrations.count() == 3  # two from here, one from elsewhere
    assert elsewhere.status_code == 302

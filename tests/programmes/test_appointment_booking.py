"""Booking an appointment at the contact desk without an account: the free moments, the
form and its messages, desks in parallel, the confirmation with its .ics and cancel
link, cancelling, and the emails in the person's language."""

import datetime
import re

import icalendar
import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from programmes import appointments
from programmes.models import Appointment, WeeklyOpening
from tests.programmes.appointment_factories import (
    book_tomorrow,
    local,
    make_schedule,
    person,
    tomorrow,
)

Status = Appointment.Status


@pytest.fixture
def schedule(db):
    return make_schedule(languages=("nl", "en", "ar"))


def form_data(**overrides):
    data = {
        "topic": "work",
        "language": "nl",
        "name": "Amina Haddad",
        "email": "amina@example.org",
        "phone": "",
        "question": "",
        "privacy_consent": "on",
    }
    data.update(overrides)
    return data


def book_url(moment, language="nl"):
    with translation.override(language):
        return reverse("appointments:book", args=[appointments.slot_key(moment)])


def post_booking(client, capture, moment, site_language="nl", **overrides):
    with capture(execute=True):
        return client.post(book_url(moment, site_language), form_data(**overrides))


def cancel_tokens_in(text):
    return re.findall(r"/afspraak/([^/\s\"']+)/annuleren/", text)


# --- Booking and desks ---------------------------------------------------------------------


def test_booking_takes_the_first_free_desk_and_a_second_person_the_next(db):
    schedule = make_schedule(desks=2)

    first = book_tomorrow(schedule)
    second = book_tomorrow(schedule, email="tweede@example.org")

    assert (first.desk, second.desk) == (1, 2)
    assert first.status == second.status == Status.BOOKED


def test_a_slot_with_every_desk_taken_is_refused(db):
    schedule = make_schedule(desks=1)
    book_tomorrow(schedule)

    with pytest.raises(appointments.SlotFull):
        book_tomorrow(schedule, email="tweede@example.org")

    assert Appointment.objects.filter(schedule=schedule).count() == 1


def test_the_database_refuses_a_second_appointment_at_the_same_desk_and_moment(schedule):
    first = book_tomorrow(schedule)

    with pytest.raises(IntegrityError), transaction.atomic():
        Appointment.objects.create(
            schedule=schedule,
            starts_at=first.starts_at,
            ends_at=first.ends_at,
            desk=first.desk,
            topic="other",
            language="nl",
            email_language="nl",
            name="Tweede",
            email="tweede@example.org",
            consented_at=first.consented_at,
        )


def test_a_cancelled_appointment_frees_its_desk(schedule):
    first = book_tomorrow(schedule)
    appointments.cancel(first)

    again = book_tomorrow(schedule, email="tweede@example.org")

    assert again.desk == 1


def test_the_same_person_cannot_book_the_same_moment_twice(db):
    schedule = make_schedule(desks=2)
    book_tomorrow(schedule)

    with pytest.raises(appointments.AlreadyBooked):
        book_tomorrow(schedule, email="  PERSOON1@example.org ")


def test_a_language_not_spoken_at_that_moment_is_refused(schedule):
    with pytest.raises(appointments.LanguageNotSpoken):
        book_tomorrow(schedule, language="uk")


def test_a_moment_that_is_not_a_slot_is_refused(schedule):
    with pytest.raises(appointments.SlotUnavailable):
        book_tomorrow(schedule, 9, 10)


# --- The public pages ----------------------------------------------------------------------


def test_the_page_lists_the_free_moments_per_day_with_a_link_to_book_each(client, schedule):
    book_tomorrow(schedule, 9, 0)

    html = client.get("/nl/afspraak/").content.decode()

    assert book_url(local(tomorrow(), 9, 30)) in html
    assert book_url(local(tomorrow(), 9, 0)) not in html  # taken


def test_the_page_can_show_only_the_moments_in_one_language(client, db):
    schedule = make_schedule(weekdays=[tomorrow().weekday()], languages=("nl",))
    WeeklyOpening.objects.create(
        schedule=schedule,
        weekday=tomorrow().weekday(),
        opens=datetime.time(14, 0),
        closes=datetime.time(14, 30),
        languages=["ar"],
    )

    html = client.get("/nl/afspraak/", {"taal": "ar"}).content.decode()

    assert book_url(local(tomorrow(), 14, 0)) in html
    assert book_url(local(tomorrow(), 9, 0)) not in html


def test_without_a_published_schedule_the_page_says_to_call_or_mail(client, db):
    make_schedule(published=False)
    from programmes.models import AppointmentSchedule

    AppointmentSchedule.objects.update(is_published=False)

    response = client.get("/nl/afspraak/")

    assert response.status_code == 200
    assert "Er zijn nu geen vrije momenten om online te boeken." in response.content.decode()


def test_the_form_offers_only_the_languages_spoken_at_that_moment(client, schedule):
    html = client.get(book_url(local(tomorrow(), 9, 0))).content.decode()

    assert '<option value="ar">' in html
    assert 'value="uk"' not in html


def test_booking_on_the_site_confirms_and_emails_an_ics_and_a_cancel_link(
    client, schedule, django_capture_on_commit_callbacks
):
    moment = local(tomorrow(), 10, 0)

    response = post_booking(client, django_capture_on_commit_callbacks, moment)

    assert response.status_code == 302
    assert response["Location"] == reverse("appointments:booked")
    appointment = Appointment.objects.get(schedule=schedule)
    assert (appointment.starts_at, appointment.topic) == (moment, "work")
    page = client.get(response["Location"]).content.decode()
    assert "Je afspraak staat vast" in page
    assert appointments.cancel_path(appointment).rsplit("/", 3)[0] in page

    (email,) = mail.outbox
    assert email.to == ["amina@example.org"]
    assert "Je afspraak aan het contactpunt" in email.subject
    assert "10:00" in email.body
    [token] = cancel_tokens_in(email.body)
    assert appointments.appointment_for_cancel_token(token) == appointment
    filename, content, mimetype = email.attachments[0]
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == moment
    assert Appointment.objects.get().confirmation_sent_at is not None


def test_the_confirmation_is_written_in_the_language_of_the_conversation(
    client, schedule, django_capture_on_commit_callbacks
):
    post_booking(client, django_capture_on_commit_callbacks, local(tomorrow(), 9, 0), language="ar")

    (email,) = mail.outbox
    assert Appointment.objects.get().email_language == "ar"
    assert email.extra_headers["Content-Language"] == "ar"
    assert 'dir="rtl"' in email.alternatives[0][0]


def test_a_language_the_site_does_not_speak_gets_emails_in_the_language_of_the_site(
    client, db, django_capture_on_commit_callbacks
):
    make_schedule(languages=("es",))

    post_booking(
        client, django_capture_on_commit_callbacks, local(tomorrow(), 9, 0), "en", language="es"
    )

    appointment = Appointment.objects.get()
    assert (appointment.language, appointment.email_language) == ("es", "en")
    assert mail.outbox[0].extra_headers["Content-Language"] == "en"


def test_booking_with_only_a_phone_number_sends_no_email(
    client, schedule, django_capture_on_commit_callbacks
):
    response = post_booking(
        client,
        django_capture_on_commit_callbacks,
        local(tomorrow(), 9, 0),
        email="",
        phone="+32 470 12 34 56",
    )

    assert response.status_code == 302
    assert Appointment.objects.get().phone == "+32 470 12 34 56"
    assert mail.outbox == []
    page = client.get(response["Location"]).content.decode()
    assert "we sturen geen bevestiging" in page


def test_an_empty_form_says_what_to_fill_in_with_an_error_summary(client, schedule):
    response = client.post(
        book_url(local(tomorrow(), 9, 0)), {"topic": "", "name": "", "language": ""}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "error-summary" in html
    assert "<title>Fout: " in html
    assert "Vul je e-mailadres of je telefoonnummer in" in html
    assert "Kies waarover je wilt praten." in html
    assert "Vink aan dat je akkoord gaat" in html
    assert not Appointment.objects.exists()


def test_a_phone_number_with_letters_is_refused_with_an_example(client, schedule):
    response = client.post(
        book_url(local(tomorrow(), 9, 0)), form_data(email="", phone="bel me maar")
    )

    assert "bijvoorbeeld +32 470 12 34 56" in response.content.decode()
    assert not Appointment.objects.exists()


def test_a_slot_taken_meanwhile_sends_the_person_back_to_choose_another(
    client, db, django_capture_on_commit_callbacks
):
    schedule = make_schedule(desks=1)
    moment = local(tomorrow(), 9, 0)
    book_tomorrow(schedule)

    response = post_booking(client, django_capture_on_commit_callbacks, moment)

    assert response.status_code == 302
    assert response["Location"] == reverse("appointments:slots")
    page = client.get(response["Location"]).content.decode()
    assert "Dit moment is niet meer vrij." in page


def test_a_filled_honeypot_is_answered_as_a_success_and_stores_nothing(client, schedule):
    response = client.post(book_url(local(tomorrow(), 9, 0)), form_data(website="spam"))

    assert response.status_code == 302
    assert not Appointment.objects.exists()


def test_many_bookings_from_one_address_are_slowed_down(
    client, db, django_capture_on_commit_callbacks
):
    make_schedule(closes=datetime.time(17, 0))
    for number in range(10):
        post_booking(
            client,
            django_capture_on_commit_callbacks,
            local(tomorrow(), 9, 0) + datetime.timedelta(minutes=30 * number),
            email=f"persoon{number}@example.org",
        )

    response = post_booking(
        client, django_capture_on_commit_callbacks, local(tomorrow(), 16, 0), email="x@example.org"
    )

    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Er werden van hier veel afspraken na elkaar gemaakt." in page
    assert not Appointment.objects.filter(email="x@example.org").exists()


def test_an_unknown_moment_is_not_found(client, schedule):
    assert client.get("/nl/afspraak/moment/20270328T0230/").status_code == 404
    assert client.get("/nl/afspraak/moment/niets/").status_code == 404


def test_the_arabic_pages_read_right_to_left(client, schedule):
    for path in ("/ar/afspraak/", book_url(local(tomorrow(), 9, 0), "ar")):
        assert 'dir="rtl"' in client.get(path).content.decode()


# --- Cancelling ----------------------------------------------------------------------------


def test_the_cancel_link_asks_first_then_cancels_and_emails_in_the_persons_language(
    client, schedule, django_capture_on_commit_callbacks
):
    appointment = book_tomorrow(schedule, email_language="fr")
    path = appointments.cancel_path(appointment)

    assert "Ja, annuleer mijn afspraak" in client.get(path).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path)

    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == Status.CANCELLED
    (email,) = mail.outbox
    assert email.extra_headers["Content-Language"] == "fr"
    with translation.override("fr"):
        from django.utils.translation import gettext

        assert gettext("Je afspraak aan het contactpunt is geannuleerd") in email.subject
    assert "/fr/afspraak/\n" in email.body  # the link to book again, in French
    calendar = icalendar.Calendar.from_ical(email.attachments[0][1])
    assert calendar["method"] == "CANCEL"
    assert "Je afspraak is geannuleerd" in client.get(path).content.decode()


def test_cancelling_twice_sends_one_email(client, schedule, django_capture_on_commit_callbacks):
    appointment = book_tomorrow(schedule)
    path = appointments.cancel_path(appointment)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(path)
        client.post(path)

    assert len(mail.outbox) == 1


def test_a_past_appointment_can_no_longer_be_cancelled(schedule):
    appointment = book_tomorrow(schedule)

    outcome = appointments.cancel(appointment, now=appointment.starts_at)

    assert outcome is appointments.CancelOutcome.TOO_LATE
    assert Appointment.objects.get().status == Status.BOOKED


def test_a_tampered_cancel_link_says_it_does_not_work(client, schedule):
    appointment = book_tomorrow(schedule)
    token = appointments.cancel_token(appointment)

    response = client.get(f"/nl/afspraak/{token}x/annuleren/")

    assert response.status_code == 404
    assert "Deze link werkt niet" in response.content.decode()


def test_the_cancel_link_of_a_cafe_registration_does_not_open_an_appointment(schedule):
    from django.core import signing

    from programmes.registration import CANCEL_SALT

    appointment = book_tomorrow(schedule)

    assert (
        appointments.appointment_for_cancel_token(signing.dumps(appointment.pk, salt=CANCEL_SALT))
        is None
    )


def test_person_helper_books_in_dutch(schedule):
    assert person()["email_language"] == "nl"


# --- Erasure -------------------------------------------------------------------------------


def test_erasing_a_person_keeps_the_visit_but_not_who_it_was_and_frees_future_desks(schedule):
    from programmes.models import Appointment as Model
    from tests.programmes.appointment_factories import make_appointment

    past = make_appointment(
        schedule, local(tomorrow(), 9, 0) - datetime.timedelta(days=7), status=Status.ATTENDED
    )
    coming = book_tomorrow(schedule, email="amina@example.org", phone="+32 470 12 34 56")
    other = book_tomorrow(schedule, 10, 0, email="iemand@example.org")

    assert appointments.anonymise_appointments("Amina@example.org") == 2

    past, coming, other = (Model.objects.get(pk=item.pk) for item in (past, coming, other))
    assert (past.name, past.phone, past.status) == ("", "", Status.ATTENDED)
    assert past.email.endswith("@invalid")
    assert coming.status == Status.CANCELLED and coming.phone == ""
    assert other.name == "Persoon 1"
    assert mail.outbox == []


def test_the_page_names_the_days_the_desk_is_closed(client, schedule):
    from tests.programmes.appointment_factories import add_exception

    closed = tomorrow() + datetime.timedelta(days=2)
    add_exception(schedule, closed, note="Feestdag")

    html = client.get("/nl/afspraak/").content.decode()

    assert "Het contactpunt is gesloten op:" in html
    assert "Feestdag" in html
    assert book_url(local(closed, 9, 0)) not in html

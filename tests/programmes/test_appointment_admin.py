"""The contact desk in the admin: the schedule as a snippet with its weekly hours and
exceptions, the day's appointments, and marking a visit attended or missed (audited,
for staff who may change appointments)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from programmes.models import Appointment, AppointmentSchedule
from tests.programmes.appointment_factories import local, make_appointment, make_schedule

User = get_user_model()
Status = Appointment.Status
INDEX = "desk_appointments:index"


@pytest.fixture
def admin_user(db):
    return User.objects.get(email="admin@opstap.test")


@pytest.fixture
def moderator(db):
    """The demo's moderator: keeps the contact desk, its agenda and appointments."""
    return User.objects.get(email="moderator@opstap.test")


@pytest.fixture
def editor(db):
    return User.objects.get(email="editor@opstap.test")


def today_at(hour, minute=0):
    return local(timezone.localdate(), hour, minute)


def with_languages(fields, languages):
    """Form data for the schedule's admin form; languages are ticked boxes (a list)."""
    return {**nested_form_data(fields), **languages}


def visit(client, appointment, status):
    return client.post(
        reverse("desk_appointments:record_visit", args=[appointment.pk]), {"status": status}
    )


def test_the_list_shows_todays_appointments_unless_another_day_is_chosen(client, admin_user):
    schedule = make_schedule(published=False)
    today = make_appointment(schedule, today_at(9), name="Vandaag Persoon")
    later = make_appointment(
        schedule, today_at(9) + datetime.timedelta(days=2), name="Later Persoon"
    )
    client.force_login(admin_user)

    html = client.get(reverse(INDEX)).content.decode()
    other_day = client.get(
        reverse(INDEX), {"day": timezone.localtime(later.starts_at).date().isoformat()}
    ).content.decode()

    assert today.name in html and later.name not in html
    assert later.name in other_day and today.name not in other_day


def test_the_list_takes_the_same_number_of_queries_for_more_appointments(
    client, admin_user, django_assert_max_num_queries
):
    schedule = make_schedule(published=False, desks=20)
    client.force_login(admin_user)
    make_appointment(schedule, today_at(9), email="een@example.org")
    client.get(reverse(INDEX))
    with django_assert_max_num_queries(60) as few:
        client.get(reverse(INDEX))
    for number in range(2, 12):
        make_appointment(schedule, today_at(9), desk=number, email=f"{number}@example.org")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse(INDEX))


def test_staff_mark_a_visit_attended_and_it_is_in_the_audit_log(client, moderator):
    appointment = make_appointment(starts_at=today_at(9))
    client.force_login(moderator)

    response = visit(client, appointment, "attended")

    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == Status.ATTENDED
    entry = ModelLogEntry.objects.get(action="programmes.appointment.attended")
    assert (entry.user_id, entry.object_id) == (moderator.pk, str(appointment.pk))


def test_a_visit_marked_twice_is_logged_once_and_can_be_corrected(client, admin_user):
    appointment = make_appointment(starts_at=today_at(9))
    client.force_login(admin_user)

    visit(client, appointment, "missed")
    visit(client, appointment, "missed")
    visit(client, appointment, "attended")

    appointment.refresh_from_db()
    assert appointment.status == Status.ATTENDED
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(appointment.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["programmes.appointment.missed", "programmes.appointment.attended"]


def test_staff_without_the_right_to_change_appointments_are_refused(client, editor):
    appointment = make_appointment(starts_at=today_at(9))
    client.force_login(editor)

    response = visit(client, appointment, "attended")

    assert response.status_code == 403
    assert "Je mag geen bezoeken aanduiden" in response.content.decode()
    assert Appointment.objects.get().status == Status.BOOKED


def test_a_visit_is_marked_from_the_day_of_the_appointment_only(client, admin_user):
    appointment = make_appointment(starts_at=today_at(9) + datetime.timedelta(days=1))
    client.force_login(admin_user)

    response = visit(client, appointment, "attended")

    assert Appointment.objects.get().status == Status.BOOKED
    assert "duid dan aan of de persoon kwam" in client.get(response["Location"]).content.decode()


def test_a_cancelled_appointment_is_not_marked(client, admin_user):
    appointment = make_appointment(starts_at=today_at(9), status=Status.CANCELLED)
    client.force_login(admin_user)

    visit(client, appointment, "attended")

    assert Appointment.objects.get().status == Status.CANCELLED


def test_a_status_other_than_attended_or_missed_is_refused(client, admin_user):
    appointment = make_appointment(starts_at=today_at(9))
    client.force_login(admin_user)

    visit(client, appointment, "cancelled")

    assert Appointment.objects.get().status == Status.BOOKED


def test_staff_publish_a_schedule_with_weekly_hours_and_a_closed_day(client, moderator):
    client.force_login(moderator)
    url = reverse("wagtailsnippets_programmes_appointmentschedule:add")

    response = client.post(
        url,
        with_languages(
            {
                "name": "Contactpunt Gent",
                "is_published": "on",
                "slot_minutes": 20,
                "booking_horizon_days": 14,
                "minimum_notice_hours": 1,
                "weekly_hours": inline_formset(
                    [
                        {
                            "weekday": 0,
                            "opens": "09:00",
                            "closes": "11:00",
                            "desks": 2,
                        }
                    ]
                ),
                "exceptions": inline_formset(
                    [{"date": "2027-01-04", "kind": "closed", "desks": 1, "note": "Feestdag"}]
                ),
            },
            {"weekly_hours-0-languages": ["nl", "ar"]},
        ),
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    schedule = AppointmentSchedule.objects.get(name="Contactpunt Gent")
    (opening,) = schedule.weekly_hours.all()
    assert (opening.desks, opening.languages) == (2, ["nl", "ar"])
    assert schedule.exceptions.get().note == "Feestdag"


def test_extra_hours_without_hours_are_refused_with_a_message(client, admin_user):
    client.force_login(admin_user)

    response = client.post(
        reverse("wagtailsnippets_programmes_appointmentschedule:add"),
        with_languages(
            {
                "name": "Contactpunt Gent",
                "slot_minutes": 30,
                "booking_horizon_days": 14,
                "minimum_notice_hours": 1,
                "weekly_hours": inline_formset([]),
                "exceptions": inline_formset([{"date": "2027-01-04", "kind": "extra", "desks": 1}]),
            },
            {"exceptions-0-languages": ["nl"]},
        ),
    )

    assert response.status_code == 200
    assert "Vul in vanaf hoe laat het loket open is" in response.content.decode()
    assert not AppointmentSchedule.objects.filter(name="Contactpunt Gent").exists()


def test_the_demo_moderators_keep_the_desk(db):
    moderators = Group.objects.get(name="Moderators")

    assert moderators.permissions.filter(codename="change_appointment").exists()
    assert AppointmentSchedule.objects.filter(is_published=True).exists()


def test_staff_cannot_remove_both_the_email_address_and_the_phone_number(client, admin_user):
    appointment = make_appointment(starts_at=today_at(9))
    client.force_login(admin_user)

    response = client.post(
        reverse("desk_appointments:edit", args=[appointment.pk]),
        {"name": "Amina", "email": "", "phone": "", "question": ""},
    )

    assert response.status_code == 200
    assert "Vul een e-mailadres of een telefoonnummer in" in response.content.decode()
    assert Appointment.objects.get().email == "amina@example.org"


def test_the_dashboard_lists_todays_appointments_for_the_desk_staff(client, moderator):
    make_appointment(starts_at=today_at(14), name="Bohdan Vandaag")
    make_appointment(starts_at=today_at(9) + datetime.timedelta(days=1), name="Morgen Iemand")

    client.force_login(moderator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Afspraken vandaag (1)" in html
    assert "Bohdan Vandaag" in html and "Morgen Iemand" not in html


def test_the_dashboard_has_no_appointments_panel_for_staff_who_do_not_handle_them(client, editor):
    make_appointment(starts_at=today_at(14), name="Bohdan Vandaag")

    client.force_login(editor)

    assert "Afspraken vandaag" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_staff_cancel_for_someone_who_phones_and_the_person_is_told(
    client, moderator, django_capture_on_commit_callbacks
):
    from django.core import mail

    appointment = make_appointment(starts_at=today_at(9) + datetime.timedelta(days=1))
    client.force_login(moderator)
    url = reverse("desk_appointments:cancel", args=[appointment.pk])

    assert (
        reverse("desk_appointments:cancel", args=[appointment.pk])
        in client.get(
            reverse(INDEX), {"day": timezone.localtime(appointment.starts_at).date().isoformat()}
        ).content.decode()
    )
    assert "Ja, annuleer de afspraak" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)

    assert response.status_code == 302
    assert Appointment.objects.get().status == Status.CANCELLED
    entry = ModelLogEntry.objects.get(action="programmes.appointment.cancel")
    assert entry.user_id == moderator.pk
    assert [email.to for email in mail.outbox] == [["amina@example.org"]]


def test_a_past_appointment_is_not_cancelled_by_staff(client, admin_user):
    appointment = make_appointment(starts_at=today_at(9) - datetime.timedelta(days=1))
    client.force_login(admin_user)
    url = reverse("desk_appointments:cancel", args=[appointment.pk])

    assert "annuleren kan niet meer" in client.get(url).content.decode()
    client.post(url)

    assert Appointment.objects.get().status == Status.BOOKED


def test_staff_who_may_not_change_appointments_cannot_cancel_them(client, editor):
    appointment = make_appointment(starts_at=today_at(9) + datetime.timedelta(days=1))
    client.force_login(editor)

    client.post(reverse("desk_appointments:cancel", args=[appointment.pk]))

    assert Appointment.objects.get().status == Status.BOOKED

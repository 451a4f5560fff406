"""Schedules of the contact desk and appointments in them, for tests."""

import datetime

from django.utils import timezone

from programmes import appointments
from programmes.models import Appointment, AppointmentSchedule, ScheduleException, WeeklyOpening

EVERY_DAY = range(7)


def make_schedule(
    *,
    weekdays=EVERY_DAY,
    opens=datetime.time(9, 0),
    closes=datetime.time(12, 0),
    desks=1,
    languages=("nl", "en"),
    slot_minutes=30,
    published=True,
    horizon_days=28,
    notice_hours=0,
    name="Testloket",
):
    """A schedule open `opens`–`closes` on `weekdays`; the only published one when
    `published` (the demo's is taken offline, so the public pages show this one)."""
    if published:
        AppointmentSchedule.objects.update(is_published=False)
    schedule = AppointmentSchedule.objects.create(
        name=name,
        is_published=published,
        slot_minutes=slot_minutes,
        booking_horizon_days=horizon_days,
        minimum_notice_hours=notice_hours,
    )
    for weekday in weekdays:
        WeeklyOpening.objects.create(
            schedule=schedule,
            weekday=weekday,
            opens=opens,
            closes=closes,
            desks=desks,
            languages=list(languages),
        )
    return schedule


def add_exception(schedule, day, kind="closed", opens=None, closes=None, **fields):
    return ScheduleException.objects.create(
        schedule=schedule, date=day, kind=kind, opens=opens, closes=closes, **fields
    )


def local(day, hour, minute=0):
    return datetime.datetime.combine(
        day, datetime.time(hour, minute), tzinfo=appointments.desk_time_zone()
    )


def tomorrow():
    return timezone.localdate() + datetime.timedelta(days=1)


def person(number=1, **extra):
    return {
        "topic": "work",
        "language": "nl",
        "name": f"Persoon {number}",
        "email": f"persoon{number}@example.org",
        "email_language": "nl",
        **extra,
    }


def book_tomorrow(schedule, hour=9, minute=0, **details):
    """Book the slot at hour:minute tomorrow (the clock says now: book at least 0 hours
    ahead, so tomorrow is always in the window)."""
    return appointments.book(schedule, local(tomorrow(), hour, minute), **{**person(), **details})


def make_appointment(schedule=None, starts_at=None, **fields):
    """An appointment stored as is (no slot checks): for admin and permission tests."""
    schedule = schedule or make_schedule(published=False)
    starts_at = starts_at or local(tomorrow(), 9, 0)
    values = {
        "topic": "work",
        "language": "nl",
        "email_language": "nl",
        "name": "Amina Haddad",
        "email": "amina@example.org",
        "consented_at": timezone.now(),
        **fields,
    }
    return Appointment.objects.create(
        schedule=schedule,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(minutes=schedule.slot_minutes),
        **values,
    )

"""The last desk of a slot under real concurrency: never two people at one desk.

Needs PostgreSQL (row locks between connections); skipped on SQLite. The test commits
for real, so the database is flushed afterwards; the demo site is put back once the
module is done (see `demo_site_restored_afterwards` in tests/conftest.py).
"""

import threading

import pytest
from django.db import connection, connections

from programmes import appointments
from programmes.models import Appointment
from tests.programmes.appointment_factories import local, make_schedule, person, tomorrow

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite has no row locks and serialises every writer",
    ),
]

PEOPLE = 12
DESKS = 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twelve_people_booking_the_last_two_desks_at_once_get_two_appointments(
    demo_site_restored_afterwards,
):
    schedule = make_schedule(desks=DESKS)
    moment = local(tomorrow(), 9, 0)
    start = threading.Barrier(PEOPLE)
    booked, full, errors = [], [], []

    def book_one(number):
        try:
            start.wait(timeout=30)
            booked.append(appointments.book(schedule, moment, **person(number)))
        except appointments.SlotFull:
            full.append(number)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book_one, args=(number,)) for number in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert len(booked) == DESKS and len(full) == PEOPLE - DESKS
    desks = sorted(
        Appointment.objects.filter(schedule=schedule, starts_at=moment).values_list(
            "desk", flat=True
        )
    )
    assert desks == [1, 2]

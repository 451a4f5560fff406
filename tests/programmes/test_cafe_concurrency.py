"""The last places of a session under real concurrency: never more people than places.

Needs PostgreSQL (row locks between connections); skipped on SQLite. The test commits
for real, so the database is flushed afterwards; the demo site is put back once the
module is done (see `demo_site_restored_afterwards` in tests/conftest.py).
"""

import threading

import pytest
from django.db import connection, connections

from programmes.models import Registration
from programmes.registration import register
from tests.programmes.cafe_factories import CafeSessionPageFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite has no row locks and serialises every writer",
    ),
]

PEOPLE = 20
CAPACITY = 3


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_people_at_once_never_take_more_than_the_three_places(
    demo_site_restored_afterwards,
):
    session = CafeSessionPageFactory(capacity=CAPACITY)
    start = threading.Barrier(PEOPLE)
    errors = []

    def register_one(number):
        try:
            start.wait(timeout=30)
            register(
                session,
                name=f"Persoon {number}",
                email=f"persoon{number}@example.org",
                language="nl",
            )
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register_one, args=(number,)) for number in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    statuses = list(Registration.objects.filter(session=session).values_list("status", flat=True))
    assert len(statuses) == PEOPLE
    assert statuses.count(Registration.Status.CONFIRMED) == CAPACITY
    assert statuses.count(Registration.Status.WAITLISTED) == PEOPLE - CAPACITY

"""The last places of a session under real concurrency: never more people than places.

Needs PostgreSQL (row locks between connections); skipped on SQLite. The test commits
for real, so the database is flushed afterwards; the demo site is put back once the
module is done, for the tests that run after it.
"""

import threading

import pytest
from django.db import connection, connections
from django.db.models.signals import post_save
from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

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


@pytest.fixture(scope="module")
def _demo_site_restored_afterwards(django_db_setup, django_db_blocker):
    """Puts the demo site back after the flush that ends a transactional test.

    Module-scoped, so that it is torn down after the test's flush. The snapshot also
    becomes the test's serialized rollback data: the flush then leaves out the
    post-migrate signal, so restoring the snapshot collides with nothing.
    """
    with django_db_blocker.unblock():
        snapshot = connection.creation.serialize_db_to_string()
    original = getattr(connection, "_test_serialized_contents", None)
    connection._test_serialized_contents = snapshot
    yield
    # wagtail-localize re-synchronises trees when a LocaleSynchronization is saved, even
    # while loading raw data whose locales may not be back yet; the snapshot is in sync.
    post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    try:
        with django_db_blocker.unblock():
            connection.creation.deserialize_db_from_string(snapshot)
    finally:
        post_save.connect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    if original is None:
        del connection._test_serialized_contents
    else:
        connection._test_serialized_contents = original


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_people_at_once_never_take_more_than_the_three_places(
    _demo_site_restored_afterwards,
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

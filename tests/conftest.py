"""Shared test set-up: the demo site is loaded once per test database, as `make run` does.

Each test then runs inside a transaction that is rolled back, so tests can change the
demo site freely without seeing each other's changes.
"""

import pytest
from django.core.cache import cache


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from cms.demo.seed import seed

    with django_db_blocker.unblock():
        seed(site_hostname="testserver", site_port=80)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language: a request made by an earlier
    test (to /ar/..., say) leaves its language active in the thread."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def demo(db):
    """The demo site's pages, by Dutch slug and language: demo["een-loket"]["fr"]."""
    from wagtail.models import Page

    pages = {}
    for page in Page.objects.filter(depth__gt=1).select_related("locale").specific():
        source = page.get_translations(inclusive=True).filter(locale__language_code="nl").first()
        pages.setdefault(source.slug, {})[page.locale.language_code] = page
    return pages


@pytest.fixture(scope="module")
def demo_site_restored_afterwards(django_db_setup, django_db_blocker):
    """Puts the demo site back after the flush that ends a transactional test; for
    modules of tests that commit for real (concurrency on PostgreSQL).

    Module-scoped, so that it is torn down after the test's flush. The snapshot also
    becomes the test's serialized rollback data: the flush then leaves out the
    post-migrate signal, so restoring the snapshot collides with nothing.
    """
    from django.db import connection
    from django.db.models.signals import post_save
    from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

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

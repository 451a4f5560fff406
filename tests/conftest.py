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


@pytest.fixture
def demo(db):
    """The demo site's pages, by Dutch slug and language: demo["een-loket"]["fr"]."""
    from wagtail.models import Page

    pages = {}
    for page in Page.objects.filter(depth__gt=1).select_related("locale").specific():
        source = page.get_translations(inclusive=True).filter(locale__language_code="nl").first()
        pages.setdefault(source.slug, {})[page.locale.language_code] = page
    return pages

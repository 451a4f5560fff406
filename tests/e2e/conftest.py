"""Browser tests: the demo site served by a live server, Debian's Chromium driven by
Playwright, axe-core injected into pages, and a screenshot of every open page when a
test fails (in var/e2e/).

The journeys commit for real, as a browser's requests must be visible to the server's
own database connection (on PostgreSQL it is a different connection). So the tests in
this folder share one live server and one committed demo site, and the demo site is put
back as it was when the folder is done: the rest of the suite never sees their data.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.e2e.browser import AXE_SCRIPT

CHROMIUM = Path(os.environ.get("OPSTAP_CHROMIUM", "/usr/bin/chromium"))
# Without the networking switches Debian's Chromium keeps trying to reach Google's
# services and floods the log with refused connections.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "e2e"
# Playwright's expect() waits this long (ms) for what it expects before failing.
TIMEOUT_MS = 15_000


def pytest_collection_modifyitems(config, items):
    """Without Chromium the browser tests are skipped, before the demo site is loaded."""
    if os.access(CHROMIUM, os.X_OK):
        return
    skip = pytest.mark.skip(
        reason=f"Chromium is not installed at {CHROMIUM} (apt-get install chromium); "
        "the browser tests never download a browser."
    )
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(skip)


# --- Playwright beside Django ------------------------------------------------------------


@pytest.fixture(scope="package")
def _django_beside_playwright():
    """Playwright's synchronous API keeps an event loop running in the test's thread, and
    Django refuses database calls from a thread with a running loop. The tests make no
    async calls, so the check is lifted while the browser runs, and only then."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def playwright(_django_beside_playwright):
    """pytest-playwright's, for this folder only: stopped when the folder is done, so the
    rest of the suite runs without its event loop."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="package")
def browser(playwright):
    """Debian's Chromium, headless; pytest-playwright's `new_context`, `context` and `page`
    open their contexts in it."""
    from playwright.sync_api import expect

    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
    )
    # A page that is not as expected fails in seconds rather than after half a minute.
    expect.set_options(timeout=TIMEOUT_MS)
    yield browser
    browser.close()


@pytest.fixture
def browser_context_args(site_url):
    """Every context opens the live server's pages; its browser asks for English first
    (Playwright's default locale) unless the test gives it another `locale`."""
    return {"base_url": site_url, "viewport": {"width": 1280, "height": 900}}


@pytest.fixture(autouse=True)
def _screenshots_on_failure(request, new_context, browser):
    """When the test has failed, each page still open is saved to var/e2e/<test>-<n>.png,
    before pytest-playwright closes the contexts; an earlier run's are removed first."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.nodeid.split("::", 1)[-1])
    for earlier in SCREENSHOTS.glob(f"{name}-*.png"):
        earlier.unlink(missing_ok=True)
    yield
    report = getattr(request.node, "e2e_call_report", None)
    if report is None or not report.failed:
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pages = [page for context in browser.contexts for page in context.pages]
    for number, page in enumerate(pages, start=1):
        try:
            page.screenshot(path=SCREENSHOTS / f"{name}-{number}.png", full_page=True)
        except Exception as error:  # a crashed page must not hide the test's own failure
            print(f"No screenshot of {page.url}: {error}")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.e2e_call_report = report
    return report


# --- The live server on a committed demo site --------------------------------------------


@pytest.fixture(scope="package")
def transactional_db(django_db_setup, django_db_blocker, _django_beside_playwright):
    """In this folder: the demo site, committed, shared by the folder's tests and put back
    as it was when they are done. (pytest-django creates the test database for the tests
    that ask for a fixture by this name; its own would empty the database after each
    test, and loading the demo site again takes half a minute.)"""
    with django_db_blocker.unblock():
        snapshot = _snapshot()
    yield
    with django_db_blocker.unblock():
        _restore(snapshot)


@pytest.fixture(scope="package")
def site_url(transactional_db):
    """The live server's address."""
    from django.test.utils import override_settings
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost:0")
    # Emailed links (cancel, resume, sign in) point at the live server.
    links = override_settings(WAGTAILADMIN_BASE_URL=server.url)
    links.enable()
    server._live_server_modified_settings.enable()
    yield server.url
    server._live_server_modified_settings.disable()
    links.disable()
    server.stop()


@pytest.fixture(autouse=True)
def _database(transactional_db, django_db_blocker):
    """The test and the live server's threads use the database outside any transaction:
    what the browser changes is committed, as in production."""
    with django_db_blocker.unblock():
        yield


def _snapshot():
    from django.db import connection

    return connection.creation.serialize_db_to_string()


def _restore(snapshot):
    """Empties the database and loads the snapshot back, as a transactional test with a
    serialized rollback would."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.models.signals import post_save
    from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

    # Sequences are left as they are (as a transactional test's own flush does): the
    # snapshot's rows come back with their ids, and new rows must not reuse them.
    call_command(
        "flush", verbosity=0, interactive=False, inhibit_post_migrate=True, reset_sequences=False
    )
    # wagtail-localize re-synchronises trees when a LocaleSynchronization is saved, even
    # while loading raw data whose locales may not be back yet; the snapshot is in sync.
    post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    try:
        connection.creation.deserialize_db_from_string(snapshot)
    finally:
        post_save.connect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)


# --- Accessibility -------------------------------------------------------------------------


@pytest.fixture
def axe_context(new_context):
    """A browser context for axe checks. The public site's Content Security Policy allows
    only our own scripts, so the context bypasses it to let axe-core be injected; the
    pages themselves are unchanged."""
    if not AXE_SCRIPT.exists():
        pytest.skip(f"axe-core is not installed ({AXE_SCRIPT}): run `make assets`.")
    return new_context(bypass_csp=True)

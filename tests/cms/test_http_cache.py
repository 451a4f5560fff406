"""The shared HTTP cache: what may be kept for everyone, and purges that keep it right.

The first tests read the headers the application sends; the last ones put a real
Varnish (Debian's package, with the project's VCL) in front of a live server, and are
skipped where varnishd is not installed.
"""

import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings as django_settings
from wagtail.models import Site

from programmes.registration import register
from tests.programmes.cafe_factories import CafeSessionPageFactory
from tests.workflows.portal_factories import make_user

CACHE_CONTROL = re.compile(r"public.*s-maxage=600|s-maxage=600.*public")


def is_shared(response):
    return bool(CACHE_CONTROL.search(response.get("Cache-Control", "")))


# --- What the application lets a shared cache keep ----------------------------------------


def test_an_anonymous_page_without_a_form_may_be_kept_for_everyone(client, demo):
    response = client.get("/nl/")
    assert response.status_code == 200
    assert is_shared(response)
    assert "max-age=0" in response["Cache-Control"]  # browsers ask again each time


def test_a_page_with_a_form_is_never_shared(client, demo):
    session = CafeSessionPageFactory()
    response = client.get(session.url)
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert not is_shared(response)


def test_nothing_is_shared_for_someone_signed_in(client, demo):
    client.force_login(make_user())
    assert not is_shared(client.get("/nl/"))


@pytest.mark.parametrize("path", ["/nl/bestaat-niet/", "/admin/login/", "/healthz"])
def test_errors_the_admin_and_health_checks_are_never_shared(client, demo, path):
    assert not is_shared(client.get(path))


def test_the_setting_at_zero_shares_nothing(client, demo, settings):
    settings.OPSTAP_SHARED_CACHE_SECONDS = 0
    assert not is_shared(client.get("/nl/"))


# --- What is purged, and when -------------------------------------------------------------


@pytest.fixture
def purged(settings, django_capture_on_commit_callbacks):
    """The URLs purged through Wagtail's frontend cache, after the commit."""
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:1",
        }
    }
    urls = []
    with mock.patch("cms.http_cache.purging.purge_urls_from_cache", side_effect=urls.extend):
        yield urls


def roots(*languages):
    site = Site.objects.get(is_default_site=True)
    return {f"{site.root_url}/{code}/" for code in languages}


def test_publishing_a_page_purges_its_own_language_only(
    demo, purged, django_capture_on_commit_callbacks
):
    programme = demo["level2work"]["en"]
    with django_capture_on_commit_callbacks(execute=True):
        programme.title = "Level2Work, renewed"
        programme.save_revision().publish()
    assert set(purged) == roots("en")


def test_a_registration_purges_the_places_left(demo, purged, django_capture_on_commit_callbacks):
    session = CafeSessionPageFactory(capacity=5)
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        register(session, name="Amina Haddad", email="amina@example.org", language="nl")
    assert set(purged) == roots("nl")


def test_nothing_is_purged_without_a_shared_cache(
    demo, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {}
    with (
        mock.patch("cms.http_cache.purging.purge_urls_from_cache") as purge,
        django_capture_on_commit_callbacks(execute=True),
    ):
        demo["level2work"]["nl"].save_revision().publish()
    purge.assert_not_called()


# --- A real Varnish in front of a live server ---------------------------------------------

VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
needs_varnish = pytest.mark.skipif(
    not Path(VARNISHD).exists(),
    reason="varnishd is not installed (apt-get install varnish; .ci/run installs it)",
)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url, cookie=None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (127.0.0.1)
        return response.headers.get("X-Cache"), response.read().decode()


@pytest.fixture
def varnish(live_server, tmp_path):
    backend = re.match(r"http://([^:/]+):(\d+)", live_server.url)
    vcl = (Path(django_settings.BASE_DIR) / "cms" / "http_cache" / "varnish.vcl").read_text()
    config = tmp_path / "opstap.vcl"
    config.write_text(vcl.replace("BACKEND_HOST", "127.0.0.1").replace("BACKEND_PORT", backend[2]))
    port = free_port()
    process = subprocess.Popen(
        [VARNISHD, "-F", "-j", "none", "-n", str(tmp_path / "work"),
         "-a", f"127.0.0.1:{port}", "-f", str(config), "-s", "malloc,32m"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=5)  # noqa: S310
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(process.stderr.read().decode()) from None
            time.sleep(0.2)
    yield url, port
    process.terminate()
    process.wait(timeout=20)


@needs_varnish
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_through_varnish_a_publish_shows_at_once_and_forms_are_never_shared(
    demo_site_restored_afterwards, varnish, settings
):
    url, port = varnish
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": url,
        }
    }
    # Purges name the site's own address: the one visitors reach Varnish at here.
    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=port)
    from wagtail.models import Page

    home = Page.objects.get(depth=2, locale__language_code="nl").specific

    assert fetch(f"{url}/nl/")[0] == "miss"
    assert fetch(f"{url}/nl/")[0] == "hit"
    assert fetch(f"{url}/en/")[0] == "miss"
    assert fetch(f"{url}/en/")[0] == "hit"

    home.title = "Opstap, nieuw gepubliceerd"
    home.save_revision().publish()

    state, html = fetch(f"{url}/nl/")
    assert state == "miss" and "Opstap, nieuw gepubliceerd" in html
    assert fetch(f"{url}/nl/")[0] == "hit"
    assert fetch(f"{url}/en/")[0] == "hit"  # English was not touched

    # A page with a form: never kept, each visitor their own CSRF token.
    session = CafeSessionPageFactory()
    session_path = session.url

    tokens = set()
    for _visitor in range(2):
        state, html = fetch(f"{url}{session_path}")
        assert state == "miss"
        tokens.add(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1])
    assert len(tokens) == 2
    # Signed-in people always reach the application.
    assert fetch(f"{url}/nl/", cookie="sessionid=whatever")[0] == "miss"

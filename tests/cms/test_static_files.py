"""Static files in production: collected under hashed names with gzip and Brotli copies,
and served by WhiteNoise with far-future, immutable cache headers."""

import runpy

import pytest
from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.http import HttpResponseNotFound
from django.test import RequestFactory, override_settings
from whitenoise.middleware import WhiteNoiseMiddleware

STATIC_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
ONE_YEAR = 60 * 60 * 24 * 365


@pytest.fixture
def production_settings(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "static-files-test-" + "x" * 50)
    monkeypatch.setenv("ALLOWED_HOSTS", "opstap.example.org")
    monkeypatch.delenv("REDIS_URL", raising=False)
    return runpy.run_module("cms.settings.production", run_name="production_settings")


def test_production_serves_static_files_through_whitenoise(production_settings):
    middleware = production_settings["MIDDLEWARE"]

    assert middleware[0] == "django.middleware.security.SecurityMiddleware"
    assert middleware[1] == "whitenoise.middleware.WhiteNoiseMiddleware"
    assert production_settings["STORAGES"]["staticfiles"]["BACKEND"] == STATIC_STORAGE


def test_production_shares_its_cache_between_processes_without_redis(production_settings):
    backend = production_settings["CACHES"]["default"]["BACKEND"]

    assert backend != "django.core.cache.backends.locmem.LocMemCache"


@pytest.fixture
def collected(tmp_path):
    """The project's own static files collected as in production, into a tmp dir."""
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": STATIC_STORAGE}}
    with override_settings(
        STATIC_ROOT=tmp_path,
        STORAGES=storages,
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
        DEBUG=False,
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield tmp_path


def serve(path, **headers):
    middleware = WhiteNoiseMiddleware(lambda request: HttpResponseNotFound())
    return middleware(RequestFactory().get(path, **headers))


def test_a_hashed_static_file_is_cached_for_a_year_and_immutable(collected):
    url = staticfiles_storage.url("css/site.css")
    assert url != "/static/css/site.css"  # the name carries the content's hash

    response = serve(url)

    assert response.status_code == 200
    cache_control = {
        part.strip().partition("=")[0]: part.strip().partition("=")[2]
        for part in response["Cache-Control"].split(",")
    }
    assert int(cache_control["max-age"]) >= ONE_YEAR
    assert "immutable" in cache_control
    assert "public" in cache_control


def test_a_static_file_has_compressed_copies_and_is_sent_compressed(collected):
    hashed_name = staticfiles_storage.stored_name("css/site.css")

    assert (collected / f"{hashed_name}.gz").exists()
    assert (collected / f"{hashed_name}.br").exists()
    gzip_response = serve(staticfiles_storage.url("css/site.css"), HTTP_ACCEPT_ENCODING="gzip")
    assert gzip_response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in gzip_response["Vary"]


def test_pages_link_the_hashed_static_files_in_production(collected, client, demo):
    with override_settings(
        STATIC_ROOT=collected,
        STORAGES={**settings.STORAGES, "staticfiles": {"BACKEND": STATIC_STORAGE}},
    ):
        html = client.get("/nl/").content.decode()

    assert staticfiles_storage.url("css/site.css") in html
    assert 'href="/static/css/site.css"' not in html

"""Error pages are friendly, translated and lead somewhere."""

import pytest
from django.test import Client, override_settings
from django.urls import path


def broken_view(request):
    raise RuntimeError("a bug")


urlpatterns = []


def test_not_found_page_is_translated_and_offers_a_way_on(client, db):
    response = client.get("/fr/cette-page-n-existe-pas/")

    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "Cette page" in html
    assert 'href="/fr/"' in html


def test_not_found_page_in_arabic_reads_right_to_left(client, db):
    html = client.get("/ar/missing/").content.decode()
    assert '<html lang="ar" dir="rtl"' in html


@pytest.fixture
def urls_with_a_broken_view(settings):
    from django.conf.urls.i18n import i18n_patterns

    import cms.urls

    module = type(cms)("broken_urls")
    module.urlpatterns = [
        *i18n_patterns(path("broken/", broken_view), prefix_default_language=True),
        *cms.urls.urlpatterns,
    ]
    module.handler404 = cms.urls.handler404
    module.handler500 = cms.urls.handler500
    import sys

    sys.modules["broken_urls"] = module
    settings.ROOT_URLCONF = "broken_urls"
    yield
    del sys.modules["broken_urls"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", "Er ging iets mis aan onze kant"),
        ("en", "Something went wrong on our side"),
        ("uk", 'dir="ltr"'),
        ("ar", 'dir="rtl"'),
    ],
)
@override_settings(DEBUG=False)
def test_server_error_page_is_translated(db, urls_with_a_broken_view, language, expected):
    client = Client(raise_request_exception=False)

    response = client.get(f"/{language}/broken/")

    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert expected in html

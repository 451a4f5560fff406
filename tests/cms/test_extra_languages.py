"""A language Django does not know can be added by setting, right-to-left included."""

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

from cms.settings.languages import EXTRA_LANG_INFO, languages_bidi, parse_languages

WITH_DARI_PASHTO_TIGRINYA = parse_languages("nl,en,fr,ar,uk,prs,ps,ti")


@pytest.fixture
def more_languages(settings, db, tmp_path):
    # Django serves a language only when it has a catalogue for it; a new language
    # starts with an empty one (`make messages LANGS=prs`).
    for code in ("prs", "ps", "ti"):
        messages = tmp_path / code / "LC_MESSAGES"
        messages.mkdir(parents=True)
        with open(messages / "django.mo", "wb") as mo_file:
            write_mo(mo_file, Catalog(locale=None))
    settings.LOCALE_PATHS = [*settings.LOCALE_PATHS, tmp_path]
    settings.LANGUAGES = WITH_DARI_PASHTO_TIGRINYA
    settings.WAGTAIL_CONTENT_LANGUAGES = WITH_DARI_PASHTO_TIGRINYA
    for code in ("prs", "ps", "ti"):
        Locale.objects.get_or_create(language_code=code)


@pytest.mark.parametrize("code", sorted(EXTRA_LANG_INFO))
def test_django_describes_the_added_language(code):
    info = translation.get_language_info(code)
    assert info["name_local"] == EXTRA_LANG_INFO[code]["name_local"]
    assert info["bidi"] == EXTRA_LANG_INFO[code]["bidi"]


def test_pashto_and_dari_join_django_right_to_left_languages():
    assert {"prs", "ps", "ar"} <= set(settings.LANGUAGES_BIDI)
    assert "ti" not in languages_bidi()


def test_wagtail_names_the_added_locales(more_languages):
    assert Locale.objects.get(language_code="prs").language_name_local == "دری"
    with translation.override("en"):
        assert Locale.objects.get(language_code="ti").language_name == "Tigrinya"


@pytest.mark.parametrize(("code", "direction"), [("prs", "rtl"), ("ps", "rtl"), ("ti", "ltr")])
def test_an_added_language_serves_pages_in_its_direction(client, more_languages, code, direction):
    response = client.get(f"/{code}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{code}" dir="{direction}"' in html
    # Nothing is translated into it yet: the Dutch home page, clearly marked.
    assert "translation-notice--untranslated" in html


def test_a_language_without_a_catalogue_is_reported_by_the_system_checks(settings):
    from cms.checks import check_language_catalogues

    settings.LANGUAGES = WITH_DARI_PASHTO_TIGRINYA
    messages = check_language_catalogues(None)

    assert [message.id for message in messages] == ["opstap.W001"] * 3
    assert "make messages LANGS=prs" in messages[0].hint


def test_the_switcher_offers_the_added_languages(client, more_languages):
    html = client.get("/nl/").content.decode()
    assert 'href="/prs/" hreflang="prs" lang="prs" dir="rtl">دری</a>' in html

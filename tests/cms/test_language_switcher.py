"""The language switcher: on every page, every language, never a dead end."""

import re

import pytest
from django.conf import settings
from wagtail.models import Page

from cms.models import ContentPage

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def switcher_links(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {code: href for href, code in re.findall(r'href="([^"]+)" hreflang="([^"]+)"', nav)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_switcher_link_on_every_page_resolves(client, demo, language):
    for versions in demo.values():
        page = versions[language]
        links = switcher_links(client.get(page.url).content.decode())

        assert set(links) == set(LANGUAGES) - {language}
        for code, url in links.items():
            response = client.get(url)
            assert response.status_code == 200, f"{page.url} → {code}: {url}"
            assert f'<html lang="{code}"' in response.content.decode()


def test_switcher_leads_to_the_same_page_in_the_other_language(client, demo):
    links = switcher_links(client.get(demo["een-loket"]["nl"].url).content.decode())
    assert links["fr"] == demo["een-loket"]["fr"].url
    assert links["en"] == demo["een-loket"]["en"].url


def test_switcher_marks_the_current_language_and_names_each_in_its_own_script(client, demo):
    html = client.get(demo["home"]["uk"].url).content.decode()

    assert '<span class="language-switcher__current" aria-current="true" lang="uk"' in html
    assert ">Українська</span>" in html
    assert 'lang="ar" dir="rtl">العربيّة</a>' in html


def test_switcher_falls_back_to_the_nearest_translated_ancestor(client, demo):
    # A Dutch page created outside the admin has no copies in other languages yet.
    parent = demo["een-loket"]["nl"]
    child = parent.add_child(
        instance=ContentPage(title="Nieuwe pagina", slug="nieuwe-pagina", locale=parent.locale)
    )
    child.save_revision().publish()
    assert not Page.objects.filter(translation_key=child.translation_key).exclude(pk=child.pk)

    links = switcher_links(client.get(child.url).content.decode())

    assert links["fr"] == demo["een-loket"]["fr"].url
    assert client.get(links["fr"]).status_code == 200


def test_switcher_on_search_keeps_the_query(client, db):
    html = client.get("/nl/search/", {"q": "stage"}).content.decode()
    assert switcher_links(html)["fr"] == "/fr/search/?q=stage"


def test_switcher_on_a_missing_page_leads_to_each_language_home(client, db):
    response = client.get("/en/does-not-exist/")
    assert response.status_code == 404
    assert switcher_links(response.content.decode())["fr"] == "/fr/"

"""Every page type renders in every language, marked for what it is."""

import re

import pytest
from django.conf import settings

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PAGES_BY_TYPE = {
    "HomePage": "home",
    "ContentPage": "een-loket",
    "ContactDeskPage": "contact",
    "NewsIndexPage": "nieuws",
    "NewsPage": "stages-werkgever",
}


def html_attribute(html, tag, attribute):
    match = re.search(rf"<{tag}\b[^>]*\b{attribute}=\"([^\"]*)\"", html)
    return match.group(1) if match else None


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGES_BY_TYPE)
def test_every_page_type_renders_in_every_language(client, demo, page_type, language):
    page = demo[PAGES_BY_TYPE[page_type]][language]
    assert type(page).__name__ == page_type

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert html_attribute(html, "html", "lang") == language
    expected_direction = "rtl" if language == "ar" else "ltr"
    assert html_attribute(html, "html", "dir") == expected_direction
    assert f'<h1 class="utrecht-heading-1">{page.title}</h1>' in html


def test_root_redirects_to_the_readers_language(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-BE,fr;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_root_falls_back_to_dutch_for_an_unsupported_language(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de")
    assert response["Location"] == "/nl/"


def test_dutch_page_carries_no_translation_notice(client, demo):
    html = client.get(demo["een-loket"]["nl"].url).content.decode()
    assert "translation-notice" not in html


def test_translated_page_says_it_is_a_translation_and_links_the_dutch_text(client, demo):
    html = client.get(demo["een-loket"]["en"].url).content.decode()

    assert "translation-notice--translation" in html
    assert "This is a translation. The Dutch text is the official version." in html
    assert f'href="{demo["een-loket"]["nl"].url}"' in html


def test_untranslated_page_shows_the_dutch_text_under_a_clear_notice(client, demo):
    arabic_alias = demo["een-loket"]["ar"]
    assert arabic_alias.alias_of_id == demo["een-loket"]["nl"].pk

    response = client.get(arabic_alias.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "translation-notice--untranslated" in html
    assert "Eén loket" in html  # the Dutch title, shown as it is


def test_news_index_lists_news_of_its_own_language_newest_first(client, demo):
    html = client.get(demo["nieuws"]["fr"].url).content.decode()

    titles = re.findall(r'<h2 class="utrecht-heading-3"><a [^>]*>([^<]+)</a>', html)
    assert titles == [
        "Des entreprises s&#x27;engagent à rencontrer chaque candidat",
        "Des stages pour connaître un employeur",
        "Le Jumpstart Café redémarre",
    ]


def test_news_index_pagination_ignores_a_page_number_out_of_range(client, demo):
    response = client.get(demo["nieuws"]["nl"].url, {"page": "999"})
    assert response.status_code == 200
    assert "Bedrijven beloven elke kandidaat te ontmoeten" in response.content.decode()


def test_home_page_shows_the_latest_news_in_its_language(client, demo):
    html = client.get(demo["home"]["en"].url).content.decode()
    assert "Companies promise to meet every candidate" in html
    assert "Bedrijven beloven" not in html


def test_page_rendering_does_not_grow_queries_with_the_number_of_news_items(
    client, demo, django_assert_max_num_queries
):
    index = demo["nieuws"]["nl"]
    client.get(index.url)  # warm caches that are filled once per process
    with django_assert_max_num_queries(30):
        response = client.get(index.url)
    assert response.status_code == 200


def test_every_page_has_a_skip_link_landmarks_and_one_main_heading(client, demo):
    html = client.get(demo["contact"]["nl"].url).content.decode()

    assert '<a class="utrecht-skip-link' in html and 'href="#main"' in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html and "<nav" in html
    assert html.count("<h1") == 1


def test_pages_load_nothing_from_other_hosts(client, demo):
    html = client.get(demo["home"]["nl"].url).content.decode()
    external = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    assert [url for url in external if "testserver" not in url] == []


def test_dutch_text_inside_an_arabic_page_is_marked_as_dutch(client, demo):
    # The Arabic home page is translated; the news under it is not yet.
    html = client.get(demo["home"]["ar"].url).content.decode()

    assert '<li class="card" lang="nl" dir="ltr">' in html
    assert '<li lang="nl" dir="ltr"><a class="utrecht-link" href="/ar/een-loket/"' in html


def test_an_untranslated_page_marks_its_text_as_dutch(client, demo):
    html = client.get(demo["contact"]["uk"].url).content.decode()
    assert '<header class="page-header" lang="nl" dir="ltr">' in html
    assert '<div class="page-body" lang="nl" dir="ltr">' in html


def test_a_translated_page_needs_no_language_marks(client, demo):
    html = client.get(demo["een-loket"]["fr"].url).content.decode()
    assert 'lang="nl" dir="ltr"' not in html.split('<main id="main"')[1]

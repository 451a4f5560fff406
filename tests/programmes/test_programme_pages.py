"""The public pages of the offer: programmes, partners and vacancies, in every language,
with the apply rule, the listing filters, and listings whose cost does not grow."""

import datetime
import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from programmes.choices import OrganisationType
from programmes.models import VacancyLanguage, WorkingTime
from tests.programmes.programme_factories import (
    LogoFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    VacancyIndexPageFactory,
    VacancyPageFactory,
    dutch_home,
    in_language,
    language_requirements,
    offer_site,
)

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PAGE_KINDS = [
    "programme_index",
    "programme",
    "partner_index",
    "employer",
    "vacancy_index",
    "vacancy",
]


def html_attribute(html, tag, attribute):
    match = re.search(rf"<{tag}\b[^>]*\b{attribute}=\"([^\"]*)\"", html)
    return match.group(1) if match else None


def main_of(html):
    return html.split('id="main"', 1)[1]


@pytest.fixture
def site(db):
    """The offer in Dutch only."""
    return offer_site(translated=False)


@pytest.fixture
def translated_site(db):
    """The offer in Dutch, with an alias in every other language."""
    return offer_site()


# --- Every page in every language ----------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_of_the_offer_renders_in_every_language(client, translated_site, language):
    for kind in PAGE_KINDS:
        page = in_language(translated_site[kind], language)

        response = client.get(page.url)

        assert response.status_code == 200, kind
        html = response.content.decode()
        assert html_attribute(html, "html", "lang") == language
        assert html_attribute(html, "html", "dir") == ("rtl" if language == "ar" else "ltr")
        assert re.search(
            rf'<h1 class="utrecht-heading-1"[^>]*>{re.escape(escape(page.title))}</h1>', html
        ), kind
        if language != "nl":
            # Not translated yet: the Dutch text is marked as Dutch for screen readers.
            assert 'lang="nl" dir="ltr"' in html.split("<main", 1)[1], kind


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_programme_page_shows_everything_a_newcomer_needs(client, translated_site, language):
    page = in_language(translated_site["programme"], language)

    html = main_of(client.get(page.url).content.decode())

    assert page.summary in html
    assert "Voor nieuwkomers met een diploma hoger onderwijs." in html
    assert '<ol class="pathway"' in html
    assert html.index("Kennismaking") < html.index("Screening") < html.index("Stage")
    assert "Individuele beroepsopleiding" in html and "(IBO)" in html
    assert "1.175" in html and "deelnemers" in html
    assert "<details" in html and "Moet ik Nederlands spreken?" in html
    assert f"/{language}/programmes/{page.pk}/eligibility/" in html


def test_programme_page_states_the_rules_in_plain_words(client, site):
    html = main_of(client.get(site["programme"].url).content.decode())

    assert "hoogstens 5 jaar geleden" in html
    assert "van buiten de Europese Unie" in html
    assert "minstens van niveau 6 – bachelor" in html
    assert "Het hoeft niet erkend te zijn in België." in html
    assert "A2 – basis" in html


def test_traineeship_duration_is_given_in_weeks_and_what_follows(client, site):
    html = main_of(client.get(site["programme"].url).content.decode())

    assert "minstens 4 weken, hoogstens 26 weken" in html
    assert "Je krijgt een vergoeding." in html
    assert "De werkgever neemt je daarna in dienst." in html


def test_a_short_traineeship_is_counted_in_days(client, site):
    site["traineeship"].min_duration_days = 1
    site["traineeship"].max_duration_days = 5
    site["traineeship"].paid = False
    site["traineeship"].employment_after = False
    site["traineeship"].save()

    html = main_of(client.get(site["programme"].url).content.decode())

    assert "hoogstens 5 dagen" in html
    assert "Deze stage is niet betaald." in html


@pytest.mark.parametrize("language", ["nl", "en", "ar"])
def test_partners_are_listed_in_order_and_link_the_readers_version(
    client, translated_site, language
):
    page = in_language(translated_site["programme"], language)

    html = main_of(client.get(page.url).content.decode())

    coach_url = in_language(translated_site["coach"], language).url
    employer_url = in_language(translated_site["employer"], language).url
    assert html.index(f'href="{coach_url}"') < html.index(f'href="{employer_url}"')


def test_untranslated_text_is_marked_dutch_but_the_interface_is_not(client, translated_site):
    page = in_language(translated_site["programme"], "en")

    html = main_of(client.get(page.url).content.decode())

    assert '<details class="faq__item" lang="nl" dir="ltr">' in html
    assert '<ol class="pathway" lang="nl" dir="ltr">' in html
    assert '<section class="programme-section" aria-labelledby="programme-rules">' in html


def test_partner_roles_are_shown_by_their_label(client, site):
    html = main_of(client.get(site["programme"].url).content.decode())

    assert "– coaching" in html
    assert "– werkgever" in html


# --- The apply button ----------------------------------------------------------------------


def _window(site, opens, closes):
    programme = site["programme"]
    programme.applications_open_on = opens
    programme.applications_close_on = closes
    programme.save_revision().publish()
    return programme


def test_open_window_shows_the_apply_button(client, site):
    today = timezone.localdate()
    programme = _window(
        site, today - datetime.timedelta(days=1), today + datetime.timedelta(days=1)
    )

    html = main_of(client.get(programme.url).content.decode())

    assert f'href="/nl/aanmelden/{programme.pk}/"' in html


def test_closed_window_says_so_and_offers_no_button(client, site):
    today = timezone.localdate()
    programme = _window(
        site, today - datetime.timedelta(days=30), today - datetime.timedelta(days=1)
    )

    html = main_of(client.get(programme.url).content.decode())

    assert "Aanmelden is gesloten." in html
    assert "/aanmelden/" not in html


def test_window_not_open_yet_says_when_it_opens(client, site):
    opens = timezone.localdate() + datetime.timedelta(days=3)
    programme = _window(site, opens, None)

    html = main_of(client.get(programme.url).content.decode())

    assert "Aanmelden kan vanaf " in html
    assert str(opens.year) in html
    assert "/aanmelden/" not in html


def test_the_eligibility_check_is_offered_even_when_closed(client, site):
    today = timezone.localdate()
    programme = _window(site, None, today - datetime.timedelta(days=1))

    html = main_of(client.get(programme.url).content.decode())

    assert f"/nl/programmes/{programme.pk}/eligibility/" in html


def test_programme_index_lists_programmes_with_their_window(client, site):
    html = main_of(client.get(site["programme_index"].url).content.decode())

    assert site["programme"].title in html
    assert site["programme"].summary in html
    assert "Aanmelden kan tot en met" in html


# --- Partners ------------------------------------------------------------------------------


def test_partner_index_filters_by_organisation_type(client, site):
    url = site["partner_index"].url

    html = main_of(client.get(url, {"type": OrganisationType.COACHING}).content.decode())

    assert "Coachhuis" in html
    assert "Technopolis Leuven" not in html
    assert f'<option value="{OrganisationType.COACHING}" selected>' in html


def test_partner_index_ignores_an_unknown_type(client, site):
    html = main_of(client.get(site["partner_index"].url, {"type": "nonsense"}).content.decode())

    assert "Coachhuis" in html and "Technopolis Leuven" in html


def test_partner_index_filter_is_a_plain_get_form(client, site):
    html = main_of(client.get(site["partner_index"].url).content.decode())

    form = re.search(r"<form class=\"listing-filter\"[^>]*>", html).group(0)
    assert 'method="get"' in form
    assert 'name="type"' in html
    assert '<button class="utrecht-button utrecht-button--primary-action" type="submit">' in html


def test_partner_index_pagination_keeps_the_filter(client, db):
    index = PartnerIndexPageFactory(parent=dutch_home())
    for _ in range(index.items_per_page + 1):
        PartnerPageFactory(parent=index, organisation_type=OrganisationType.COACHING)

    html = client.get(index.url, {"type": OrganisationType.COACHING}).content.decode()

    assert 'href="?type=coaching&amp;page=2"' in html


def test_partner_page_shows_its_programmes_and_open_vacancies(client, translated_site):
    employer = in_language(translated_site["employer"], "en")

    html = main_of(client.get(employer.url).content.decode())

    assert "https://partner.example/" in html
    assert "We werken al jaren met nieuwkomers." in html
    assert f'href="{in_language(translated_site["programme"], "en").url}"' in html
    assert f'href="{in_language(translated_site["vacancy"], "en").url}"' in html


def test_a_partner_that_does_not_hire_shows_no_vacancy_section(client, site):
    html = main_of(client.get(site["coach"].url).content.decode())
    assert 'id="partner-vacancies"' not in html


# --- Vacancies -----------------------------------------------------------------------------


def test_vacancy_list_card_shows_role_employer_level_languages_place_hours_and_badge(client, site):
    html = main_of(client.get(site["vacancy_index"].url).content.decode())

    card = html.split(">Data-analist<", 1)[1].split("</li>", 1)[0]
    assert "Technopolis Leuven" in card
    assert "6 – bachelor" in card
    assert "Nederlands (minstens B1 – zelfstandig)" in card
    assert "Leuven" in card
    assert "38 uur per week" in card
    assert "Blind hiring" in card
    assert "Zonder cv: elke voorgestelde kandidaat krijgt een open gesprek." in card


def test_vacancy_page_explains_the_blind_hiring_commitment(client, translated_site):
    html = main_of(client.get(in_language(translated_site["vacancy"], "nl").url).content.decode())

    assert "Technopolis Leuven" in html
    assert "Je werkt in een klein team." in html
    assert "elke kandidaat die we voorstellen uit te nodigen voor een open gesprek" in html
    assert "Je stuurt geen cv." in html


def test_vacancy_page_explains_blind_hiring_in_the_readers_language(client, translated_site):
    html = main_of(client.get(in_language(translated_site["vacancy"], "en").url).content.decode())

    assert "Technopolis Leuven" in html
    assert "Je werkt in een klein team." in html  # the vacancy text is not yet translated
    assert "CV" in html


def test_a_vacancy_without_blind_hiring_has_no_badge(client, site):
    vacancy = site["vacancy"]
    vacancy.blind_hiring = False
    vacancy.save_revision().publish()

    html = main_of(client.get(vacancy.url).content.decode())

    assert "blind-hiring" not in html


@pytest.fixture
def vacancies(site):
    """Three more vacancies at one employer, each different in one way."""
    employer = site["employer"]
    return {
        "master": VacancyPageFactory(parent=employer, title="Onderzoeker", eqf_level=7),
        "english": VacancyPageFactory(
            parent=employer,
            title="Support engineer",
            eqf_level=5,
            language_requirements=language_requirements(("en", "b2"), model=VacancyLanguage),
        ),
        "part_time": VacancyPageFactory(
            parent=employer,
            title="Boekhouder",
            eqf_level=5,
            working_time=WorkingTime.PART_TIME,
            hours_per_week=19,
        ),
    }


def listed_titles(client, index, query):
    html = main_of(client.get(index.url, query).content.decode())
    return set(re.findall(r'<h2 class="utrecht-heading-3"><a [^>]*>([^<]*)</a>', html))


def test_vacancy_level_filter_shows_that_level_and_higher(client, site, vacancies):
    titles = listed_titles(client, site["vacancy_index"], {"level": "6"})

    assert {"Data-analist", "Onderzoeker"} <= titles
    assert not {"Support engineer", "Boekhouder"} & titles


def test_vacancy_language_filter(client, site, vacancies):
    titles = listed_titles(client, site["vacancy_index"], {"language": "en"})

    assert "Support engineer" in titles
    assert not {"Data-analist", "Onderzoeker", "Boekhouder"} & titles


def test_vacancy_working_time_filter(client, site, vacancies):
    titles = listed_titles(client, site["vacancy_index"], {"working_time": "part_time"})

    assert "Boekhouder" in titles
    assert not {"Data-analist", "Onderzoeker", "Support engineer"} & titles


def test_vacancy_filters_combine(client, site, vacancies):
    titles = listed_titles(
        client, site["vacancy_index"], {"level": "5", "working_time": "full_time", "language": "nl"}
    )

    assert "Data-analist" in titles
    assert not {"Support engineer", "Boekhouder", "Onderzoeker"} & titles


def test_a_bad_filter_value_says_how_to_fix_it(client, site, vacancies):
    response = client.get(site["vacancy_index"].url, {"level": "99"})

    assert response.status_code == 200
    assert "Kies een niveau uit de lijst." in response.content.decode()


def test_closed_vacancies_are_not_listed(client, site, vacancies):
    vacancies["master"].is_open = False
    vacancies["master"].save_revision().publish()

    assert "Onderzoeker" not in listed_titles(client, site["vacancy_index"], {})


def test_vacancy_pagination_keeps_the_filters(client, site):
    index = site["vacancy_index"]
    for _ in range(index.items_per_page + 1):
        VacancyPageFactory(parent=site["employer"], working_time=WorkingTime.PART_TIME)

    html = client.get(index.url, {"working_time": "part_time"}).content.decode()

    assert 'href="?working_time=part_time&amp;page=2"' in html


# --- Listings cost the same, whatever their length -------------------------------------------


def queries_to_render(client, url):
    client.get(url)  # warms the caches a visitor after the first one finds warm
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_partner_index_queries_do_not_grow_with_the_partners(client, db):
    index = PartnerIndexPageFactory(parent=dutch_home())

    def add_partners(count):
        for _ in range(count):
            PartnerPageFactory(parent=index, logo=LogoFactory(), publish=False)

    add_partners(10)
    with_10 = queries_to_render(client, index.url)
    add_partners(90)
    with_100 = queries_to_render(client, index.url)

    assert with_100 == with_10


def test_vacancy_list_queries_do_not_grow_with_the_vacancies(client, db):
    home = dutch_home()
    index = VacancyIndexPageFactory(parent=home)
    partners = PartnerIndexPageFactory(parent=home)
    employers = [PartnerPageFactory(parent=partners) for _ in range(5)]

    def add_vacancies(count):
        for number in range(count):
            VacancyPageFactory(
                parent=employers[number % len(employers)],
                blind_hiring=number % 2 == 0,
                language_requirements=language_requirements(
                    ("nl", "b1"), ("en", "b2"), model=VacancyLanguage
                ),
            )

    add_vacancies(10)
    with_10 = queries_to_render(client, index.url)
    add_vacancies(90)
    with_100 = queries_to_render(client, index.url)

    assert with_100 == with_10


def test_vacancy_list_finds_all_employers_in_one_query(db, site, vacancies):
    from programmes.models import VacancyPage
    from programmes.vacancy_listing import employers_of

    listed = list(VacancyPage.objects.live().filter(locale=site["vacancy"].locale))

    with CaptureQueriesContext(connection) as queries:
        employers = employers_of(listed)

    assert len(queries) == 1
    assert employers[site["vacancy"].pk] == site["employer"]
    assert employers[vacancies["master"].pk] == site["employer"]

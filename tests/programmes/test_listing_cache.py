"""Listings kept rendered (cms.listing_cache): the café's sessions, the partners, the
vacancies and the home page's news are rendered once for every visitor, and never show
what has changed since: a registration, a publish, another filter, page or language, or
a session that has ended."""

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from programmes.models import PartnerIndexPage, Registration, VacancyIndexPage
from tests.programmes.cafe_factories import (
    CafeSeriesPageFactory,
    CafeSessionPageFactory,
    RegistrationFactory,
    in_days,
    translate,
)
from tests.programmes.programme_factories import PartnerPageFactory


@pytest.fixture
def series(db):
    return CafeSeriesPageFactory(title="Jumpstart Cachecafé")


def upcoming_section(response):
    assert response.status_code == 200
    return response.content.decode().split('id="cafe-upcoming-title"')[1].split("</section>")[0]


def listing_queries(client, url, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def test_the_second_visitor_gets_the_sessions_without_their_queries(client, series):
    CafeSessionPageFactory(parent=series, capacity=3)
    first = listing_queries(client, series.url)
    second = listing_queries(client, series.url)

    counts = [
        sum("programmes_registration" in sql for sql in queries) for queries in (first, second)
    ]
    assert counts == [1, 0]
    assert len(second) < len(first)


def test_a_registration_shows_at_once_in_the_places_left(client, series):
    session = CafeSessionPageFactory(parent=series, capacity=3, title="Netwerkavond")
    assert "Nog 3 plaatsen vrij" in upcoming_section(client.get(series.url))

    RegistrationFactory(session=session)
    assert "Nog 2 plaatsen vrij" in upcoming_section(client.get(series.url))

    Registration.objects.filter(session=session).update(status=Registration.Status.CANCELLED)
    Registration.objects.get(session=session).save()  # a cancellation is saved
    assert "Nog 3 plaatsen vrij" in upcoming_section(client.get(series.url))


def test_a_published_session_shows_at_once(client, series):
    CafeSessionPageFactory(parent=series, title="Eerste", starts_at=in_days(3))
    assert "Nieuwe sessie" not in upcoming_section(client.get(series.url))

    CafeSessionPageFactory(parent=series, title="Nieuwe sessie", starts_at=in_days(4))

    assert "Nieuwe sessie" in upcoming_section(client.get(series.url))


def test_each_filter_and_each_page_has_its_own_listing(client, series):
    CafeSessionPageFactory(parent=series, title="Ter plaatse", format="in_person")
    CafeSessionPageFactory(
        parent=series, title="Op afstand", format="online", online_link="https://meet.example.org/x"
    )
    everything = upcoming_section(client.get(series.url))
    online = upcoming_section(client.get(series.url, {"format": "online"}))
    wrong = upcoming_section(client.get(series.url, {"format": "per-duif"}))

    assert "Ter plaatse" in everything and "Op afstand" in everything
    assert "Ter plaatse" not in online and "Op afstand" in online
    assert "utrecht-form-field-error-message" in wrong
    assert "utrecht-form-field-error-message" not in upcoming_section(client.get(series.url))


def test_each_language_has_its_own_listing(client, series):
    session = CafeSessionPageFactory(parent=series, title="Netwerkavond")
    english_series = translate(series, "en", title="Jumpstart Cache Café")
    translate(session, "en", title="Networking evening")

    dutch = upcoming_section(client.get(series.url))
    english = upcoming_section(client.get(english_series.url))

    assert "Netwerkavond" in dutch and "Networking evening" not in dutch
    assert "Networking evening" in english and "Volgende sessies" not in english


def test_a_session_that_has_ended_leaves_the_list_within_the_listing_time(client, series, settings):
    ends_at = timezone.now() + datetime.timedelta(minutes=5)
    CafeSessionPageFactory(
        parent=series,
        title="Bijna voorbij",
        starts_at=ends_at - datetime.timedelta(hours=2),
        ends_at=ends_at,
    )
    assert "Bijna voorbij" in upcoming_section(client.get(series.url))

    later = ends_at + datetime.timedelta(seconds=settings.OPSTAP_LISTING_CACHE_SECONDS)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert "Bijna voorbij" not in upcoming_section(client.get(series.url))


def test_a_published_partner_shows_at_once_in_the_partner_index(client, demo):
    index = PartnerIndexPage.objects.live().get(locale__language_code="nl")
    client.get(index.url)

    PartnerPageFactory(parent=index, title="Aaa Nieuwe Partner")

    assert "Aaa Nieuwe Partner" in client.get(index.url).content.decode()


def test_an_unpublished_vacancy_leaves_the_vacancy_list_at_once(client, demo):
    index = VacancyIndexPage.objects.live().get(locale__language_code="nl")
    html = client.get(index.url).content.decode()
    vacancy = next(
        page
        for page in index.get_site().root_page.get_descendants().live().specific()
        if type(page).__name__ == "VacancyPage" and page.locale.language_code == "nl"
    )
    assert vacancy.title in html

    vacancy.unpublish()

    assert vacancy.title not in client.get(index.url).content.decode()


def test_a_preview_and_an_odd_address_are_never_kept(client, series, settings):
    from cms.listing_cache import QUERY_STRING_LENGTH, listing_context

    request = mock.Mock(GET={}, META={"QUERY_STRING": "x" * (QUERY_STRING_LENGTH + 1)})
    request.is_preview = False
    assert listing_context(request, series, dict)["listing_seconds"] == 0

    request = mock.Mock(GET={}, META={"QUERY_STRING": ""}, is_preview=True)
    assert listing_context(request, series, dict)["listing_seconds"] == 0

    request = mock.Mock(GET={}, META={"QUERY_STRING": "page=2"}, is_preview=False)
    kept = listing_context(request, series, dict)["listing_seconds"]
    assert kept == settings.OPSTAP_LISTING_CACHE_SECONDS > 0


def search_results_section(client, query):
    html = client.get("/nl/search/", {"q": query}).content.decode()
    return html.split('class="search-results"')[1].split("</section>")[0]


def test_a_published_page_is_found_at_once_by_a_search_made_before(client, demo):
    index = PartnerIndexPage.objects.live().get(locale__language_code="nl")
    assert "Zoekbaarpartner Leuven" not in search_results_section(client, "Zoekbaarpartner")

    PartnerPageFactory(parent=index, title="Zoekbaarpartner Leuven")

    assert "Zoekbaarpartner Leuven" in search_results_section(client, "Zoekbaarpartner")


# --- A programme's page -----------------------------------------------------------------


@pytest.fixture
def programme_site(db):
    from tests.programmes.programme_factories import offer_site

    return offer_site(translated=False)


def test_a_programme_page_is_served_again_without_its_rows_queries(client, programme_site):
    programme = programme_site["programme"]
    first = listing_queries(client, programme.url)
    second = listing_queries(client, programme.url)

    rows = ("programmepartner", "programmetraineeshiptype", "programmelanguagerequirement")
    assert all(any(table in sql for sql in first) for table in rows)
    assert not any(table in sql for sql in second for table in rows)


def test_a_renamed_partner_shows_at_once_on_the_programme_page(client, programme_site):
    programme, coach = programme_site["programme"], programme_site["coach"]
    assert "Coachhuis" in client.get(programme.url).content.decode()

    coach.title = "Coachhuis Leuven"
    coach.save_revision().publish()

    assert "Coachhuis Leuven" in client.get(programme.url).content.decode()


def test_the_apply_button_goes_when_the_window_closes_within_the_listing_time(
    client, programme_site, settings
):
    programme = programme_site["programme"]
    programme.applications_close_on = timezone.localdate()
    programme.save_revision().publish()
    apply_link = f'href="/nl/aanmelden/{programme.pk}/"'
    assert apply_link in client.get(programme.url).content.decode()

    tomorrow = timezone.now() + datetime.timedelta(days=1)
    with mock.patch("django.utils.timezone.now", return_value=tomorrow):
        html = client.get(programme.url).content.decode()

    assert apply_link not in html
    assert "Aanmelden is gesloten." in html

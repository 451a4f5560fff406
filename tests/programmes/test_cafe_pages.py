"""The café's public pages: a session's facts, a series' listing with filters and
pagination, and the series' calendar feed."""

import datetime

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from programmes.models import Registration
from tests.programmes.cafe_factories import (
    CafeSeriesPageFactory,
    CafeSessionPageFactory,
    PartnerPageFactory,
    RegistrationFactory,
    host,
    in_days,
    translate,
)

SECRET_LINK = "https://meet.example.org/jumpstart-geheim"


@pytest.fixture
def series(db):
    return CafeSeriesPageFactory(title="Jumpstart Testcafé")


def feed_url(series, language="nl"):
    with translation.override(language):
        return reverse("programmes:series_calendar", args=[series.pk])


def past(days_ago, **kwargs):
    starts_at = in_days(-days_ago)
    return {"starts_at": starts_at, "ends_at": starts_at + datetime.timedelta(hours=2), **kwargs}


def listed_titles(html):
    upcoming = html.split('id="cafe-upcoming-title"')[1].split("</section>")[0]
    return [
        part.split("</a>")[0].split(">")[-1]
        for part in upcoming.split('<h3 class="utrecht-heading-3">')[1:]
    ]


# --- A session's page -----------------------------------------------------------------


def test_the_session_page_shows_when_where_and_in_which_language(client, series):
    starts_at = timezone.make_aware(datetime.datetime(2031, 3, 4, 18, 30))
    page = CafeSessionPageFactory(
        parent=series,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        session_language="fr",
    )

    html = client.get(page.url).content.decode()

    assert "4 maart 2031, 18:30" in html
    assert "20:30" in html
    assert "(Belgische tijd)" in html
    assert "International House Leuven" in html
    assert "Voorbeeldstraat 1, 3000 Leuven" in html
    assert "Frans" in html
    assert "Ter plaatse" in html
    assert "Je netwerk in Leuven" in html


def test_the_times_are_brussels_time_whatever_the_server_stores(client, series):
    starts_at = datetime.datetime(2031, 7, 1, 16, 30, tzinfo=datetime.UTC)  # 18:30 in summer
    page = CafeSessionPageFactory(
        parent=series, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=2)
    )

    html = client.get(page.url).content.decode()

    assert "1 juli 2031, 18:30" in html


def test_the_session_page_names_hosts_and_coaches_in_the_reader_language(client, series):
    house = PartnerPageFactory(title="Internationaal Huis")
    coach = PartnerPageFactory(title="Talent Coaching")
    translate(house, "en", title="International House")
    page = CafeSessionPageFactory(parent=series, hosts=[host(house), host(coach, role="coach")])
    english = translate(page, "en")

    dutch_html = client.get(page.url).content.decode()
    english_html = client.get(english.url).content.decode()

    assert "Internationaal Huis" in dutch_html
    assert "(gastheer)" in dutch_html and "Talent Coaching" in dutch_html
    assert "International House" in english_html
    assert "Internationaal Huis" not in english_html


def test_the_session_page_shows_the_places_left(client, series):
    page = CafeSessionPageFactory(parent=series, capacity=5)
    RegistrationFactory.create_batch(2, session=page)
    RegistrationFactory(session=page, status=Registration.Status.CANCELLED)

    html = client.get(page.url).content.decode()

    assert "Nog 3 plaatsen vrij" in html


def test_a_full_session_offers_the_waiting_list(client, series):
    page = CafeSessionPageFactory(parent=series, capacity=1)
    RegistrationFactory(session=page)

    html = client.get(page.url).content.decode()

    assert "Alle plaatsen zijn bezet" in html
    assert "Zet me op de wachtlijst" in html


def test_a_translation_shows_the_places_left_of_the_original(client, series):
    page = CafeSessionPageFactory(parent=series, capacity=5)
    english = translate(page, "en")
    RegistrationFactory.create_batch(4, session=page)

    html = client.get(english.url).content.decode()

    assert "1 place left" in html


def test_an_online_session_says_the_link_comes_with_the_confirmation(client, series):
    page = CafeSessionPageFactory(parent=series, online=True)

    html = client.get(page.url).content.decode()

    assert "krijgt de link in de bevestiging" in html
    assert SECRET_LINK not in html


# --- A series' listing ----------------------------------------------------------------


def test_the_series_lists_upcoming_sessions_in_date_order(client, series):
    CafeSessionPageFactory(parent=series, title="Later", starts_at=in_days(20))
    CafeSessionPageFactory(parent=series, title="Eerst", starts_at=in_days(5))
    CafeSessionPageFactory(parent=series, title="Voorbij", **past(5))

    html = client.get(series.url).content.decode()

    assert listed_titles(html) == ["Eerst", "Later"]


def test_the_series_shows_places_left_on_each_session(client, series):
    page = CafeSessionPageFactory(parent=series, capacity=3)
    RegistrationFactory(session=page)

    html = client.get(series.url).content.decode()

    assert "Nog 2 plaatsen vrij" in html


def test_the_series_shows_the_last_past_sessions_with_a_link_to_their_resources(client, series):
    resources = [("link", {"url": "https://www.vdab.be/", "title": "VDAB", "description": ""})]
    with_resources = CafeSessionPageFactory(
        parent=series, title="Arbeidsmarkt", resources=resources, **past(3)
    )
    CafeSessionPageFactory(parent=series, title="Netwerken", **past(10))
    for days in (20, 30):
        CafeSessionPageFactory(parent=series, title=f"Oud {days}", **past(days))

    html = client.get(series.url).content.decode()
    past_section = html.split('id="cafe-past-title"')[1]

    assert f'href="{with_resources.url}#documenten"' in past_section
    assert "Netwerken" in past_section
    assert "Oud 30" not in past_section


def test_the_series_filters_by_format(client, series):
    CafeSessionPageFactory(parent=series, title="Ter plaatse")
    CafeSessionPageFactory(parent=series, title="Online", online=True)

    html = client.get(series.url, {"format": "online"}).content.decode()

    assert listed_titles(html) == ["Online"]


def test_the_series_filters_by_the_language_of_the_session(client, series):
    CafeSessionPageFactory(parent=series, title="In het Engels", session_language="en")
    CafeSessionPageFactory(parent=series, title="In het Arabisch", session_language="ar")

    html = client.get(series.url, {"language": "ar"}).content.decode()

    assert listed_titles(html) == ["In het Arabisch"]


def test_the_series_filters_by_month(client, series):
    soon, later = in_days(3), in_days(40)
    CafeSessionPageFactory(parent=series, title="Binnenkort", starts_at=soon)
    CafeSessionPageFactory(parent=series, title="Later", starts_at=later)

    month = timezone.localtime(later).strftime("%Y-%m")
    html = client.get(series.url, {"month": month}).content.decode()

    assert listed_titles(html) == ["Later"]


def test_the_month_filter_offers_only_months_with_upcoming_sessions(client, series):
    soon, later = in_days(3), in_days(40)
    CafeSessionPageFactory(parent=series, starts_at=soon)
    CafeSessionPageFactory(parent=series, starts_at=later)
    CafeSessionPageFactory(parent=series, **past(70))

    html = client.get(series.url).content.decode()
    month_select = html.split('name="month"')[1].split("</select>")[0]

    values = [part.split('"')[0] for part in month_select.split('value="')[1:] if part[0] != '"']
    assert values == [
        timezone.localtime(soon).strftime("%Y-%m"),
        timezone.localtime(later).strftime("%Y-%m"),
    ]


def test_a_month_without_sessions_is_explained_and_the_other_filters_still_apply(client, series):
    CafeSessionPageFactory(parent=series, title="Online", online=True)
    CafeSessionPageFactory(parent=series, title="Ter plaatse")

    html = client.get(series.url, {"month": "1999-01", "format": "online"}).content.decode()

    assert "In die maand zijn er geen sessies meer." in html
    assert listed_titles(html) == ["Online"]


def test_the_listing_is_paginated_and_the_pages_keep_the_filters(client, series):
    for number in range(series.sessions_per_page + 2):
        CafeSessionPageFactory(
            parent=series, title=f"Online {number:02}", online=True, starts_at=in_days(number + 1)
        )
    CafeSessionPageFactory(parent=series, title="Ter plaatse")

    first = client.get(series.url, {"format": "online"}).content.decode()
    second = client.get(series.url, {"format": "online", "page": 2}).content.decode()

    assert len(listed_titles(first)) == series.sessions_per_page
    assert "format=online&amp;page=2" in first
    assert listed_titles(second) == ["Online 10", "Online 11"]


def test_a_page_number_out_of_range_shows_the_last_page(client, series):
    CafeSessionPageFactory(parent=series, title="Enige")

    response = client.get(series.url, {"page": 99})

    assert response.status_code == 200
    assert listed_titles(response.content.decode()) == ["Enige"]


def test_the_listing_needs_as_many_queries_for_100_sessions_as_for_10(client, db, settings):
    settings.OPSTAP_LISTING_CACHE_SECONDS = 0  # the listing's own queries, not its cache
    partners = [PartnerPageFactory(), PartnerPageFactory()]
    counts = []
    for number_of_sessions in (10, 100):
        series = CafeSeriesPageFactory()
        for number in range(number_of_sessions):
            session = CafeSessionPageFactory(
                parent=series,
                publish=False,
                starts_at=in_days(number % 60 + 1),
                hosts=[host(partners[0]), host(partners[1], role="coach")],
            )
            RegistrationFactory(session=session)
        for days in (5, 15, 25, 35):
            CafeSessionPageFactory(parent=series, publish=False, **past(days))
        client.get(series.url)  # warm the caches that do not depend on the sessions
        with CaptureQueriesContext(connection) as queries:
            response = client.get(series.url)
        assert response.status_code == 200
        assert len(listed_titles(response.content.decode())) == 10
        counts.append(len(queries))

    assert counts[0] == counts[1]


# --- The series' calendar feed --------------------------------------------------------


def test_the_series_page_links_to_its_calendar_feed(client, series):
    html = client.get(series.url).content.decode()

    assert f'href="{feed_url(series)}"' in html


def test_the_feed_has_the_upcoming_and_recent_sessions_without_online_links(client, series):
    CafeSessionPageFactory(parent=series, title="Volgende", online=True)
    CafeSessionPageFactory(parent=series, title="Vorige week", **past(7))
    CafeSessionPageFactory(parent=series, title="Lang geleden", **past(200))

    response = client.get(feed_url(series))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    titles = sorted(str(event["summary"]) for event in calendar.events)
    assert titles == ["Volgende", "Vorige week"]
    assert SECRET_LINK.encode() not in response.content


def test_a_session_keeps_its_calendar_uid_in_every_language(client, series):
    page = CafeSessionPageFactory(parent=series)
    english = translate(page, "en", title="Networking")

    dutch_feed = icalendar.Calendar.from_ical(client.get(feed_url(series)).content)
    english_feed = icalendar.Calendar.from_ical(
        client.get(feed_url(english.get_parent(), "en")).content
    )

    dutch_event, english_event = dutch_feed.events[0], english_feed.events[0]
    assert str(dutch_event["uid"]) == str(english_event["uid"])
    assert str(page.translation_key) in str(dutch_event["uid"])
    assert str(english_event["summary"]) == "Networking"
    assert dutch_event.start == page.starts_at

"""The site-wide pieces kept in the cache (cms.site_cache): the menu, the language links,
the page at an address, the footer's settings. Right after an editor's change they show
it; they never show another language's text; nothing about the visitor is kept."""

import re

import pytest
from wagtail.models import Locale, Page, PageViewRestriction, Site

from cms import site_cache
from cms.models import ContactDeskSettings, ContentPage
from programmes.models import CafeSessionPage
from tests.programmes.cafe_factories import in_days


def menu_titles(html):
    nav = re.search(r'<nav class="main-navigation".*?</nav>', html, re.S).group(0)
    return re.findall(r'<a class="utrecht-link" href="[^"]+"[^>]*>([^<]+)</a>', nav)


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def menu_page(demo):
    return demo["een-loket"]["nl"]


def test_a_new_title_is_in_the_menu_right_after_publishing(client, menu_page):
    assert menu_page.title in menu_titles(html_of(client, "/nl/"))

    menu_page.title = "Eén loket voor alles"
    menu_page.save_revision().publish()

    assert "Eén loket voor alles" in menu_titles(html_of(client, "/nl/"))


def test_a_saved_draft_leaves_the_menu_as_it_was(client, menu_page):
    html_of(client, "/nl/")

    menu_page.title = "Nog niet gepubliceerd"
    menu_page.save_revision()

    assert "Nog niet gepubliceerd" not in menu_titles(html_of(client, "/nl/"))


def test_an_unpublished_page_leaves_the_menu_at_once(client, menu_page):
    html_of(client, "/nl/")

    menu_page.unpublish()

    assert menu_page.title not in menu_titles(html_of(client, "/nl/"))


def test_a_deleted_page_leaves_the_menu_at_once(client, demo):
    home = demo["home"]["nl"]
    page = home.add_child(
        instance=ContentPage(title="Tijdelijk", slug="tijdelijk", show_in_menus=True)
    )
    page.save_revision().publish()
    assert "Tijdelijk" in menu_titles(html_of(client, "/nl/"))

    page.delete()

    assert "Tijdelijk" not in menu_titles(html_of(client, "/nl/"))


def test_each_language_has_its_own_menu(client, demo):
    home = demo["home"]["nl"]
    dutch = home.add_child(
        instance=ContentPage(title="Werken in België", slug="werken", show_in_menus=True)
    )
    dutch.save_revision().publish()
    arabic = dutch.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.title = "العمل في بلجيكا"
    arabic.save_revision().publish()
    html_of(client, "/nl/")
    html_of(client, "/ar/")

    dutch.title = "Werken in Vlaanderen"
    dutch.save_revision().publish()
    dutch_menu = menu_titles(html_of(client, "/nl/"))
    arabic_menu = menu_titles(html_of(client, "/ar/"))

    assert "Werken in Vlaanderen" in dutch_menu
    assert "العمل في بلجيكا" not in dutch_menu
    assert "العمل في بلجيكا" in arabic_menu
    assert "Werken in Vlaanderen" not in arabic_menu


def test_a_translation_published_later_replaces_its_language_link(client, demo):
    dutch = demo["een-loket"]["nl"]
    child = dutch.add_child(instance=ContentPage(title="Nieuw", slug="nieuw-loket"))
    child.save_revision().publish()
    switcher = r'href="([^"]+)" hreflang="fr"'
    assert re.search(switcher, html_of(client, child.url)).group(1) == demo["een-loket"]["fr"].url

    french = child.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.save_revision().publish()

    assert re.search(switcher, html_of(client, child.url)).group(1) == french.url


def test_a_page_moved_elsewhere_is_served_at_its_new_address_only(client, demo):
    page = demo["een-loket"]["nl"]
    old_url = page.url
    html_of(client, old_url)

    page.slug = "een-enkel-loket"
    page.save_revision().publish()
    page.refresh_from_db()

    assert client.get(old_url).status_code == 404
    assert html_of(client, page.url)


def test_an_unpublished_page_is_no_longer_served_from_the_cache(client, demo):
    page = demo["een-loket"]["nl"]
    html_of(client, page.url)

    page.unpublish()

    assert client.get(page.url).status_code == 404


def test_a_new_contact_desk_phone_is_in_the_footer_right_after_saving(client, demo):
    html_of(client, "/nl/")
    desk = ContactDeskSettings.for_site(Site.objects.get(is_default_site=True))

    desk.phone = "+32 16 99 99 99"
    desk.save()

    assert "+32 16 99 99 99" in html_of(client, "/nl/")


def test_a_page_made_private_leaves_the_listings_at_once(client, demo):
    session = (
        CafeSessionPage.objects.live()
        .filter(locale__language_code="nl", ends_at__gt=in_days(0))
        .first()
    )
    series_url = session.get_parent().url
    assert session.title in html_of(client, series_url)

    PageViewRestriction.objects.create(
        page=session, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )

    assert session.title not in html_of(client, series_url)


def test_the_places_left_are_counted_for_every_visitor(client, demo):
    from tests.programmes.cafe_factories import RegistrationFactory

    session = (
        CafeSessionPage.objects.live()
        .filter(locale__language_code="nl", ends_at__gt=in_days(0), capacity__gte=3)
        .first()
    )
    before = html_of(client, session.url)

    RegistrationFactory(session=session)

    after = html_of(client, session.url)
    places = re.compile(r"(\d+) (?:plaats|plaatsen) vrij")
    assert int(places.search(after).group(1)) == int(places.search(before).group(1)) - 1


def test_the_cache_keeps_no_visitor_specific_page(client, demo, admin_user):
    """A signed-in editor's visit puts nothing in the cache another visitor is shown."""
    client.force_login(admin_user)
    signed_in = html_of(client, "/nl/")
    client.logout()

    anonymous = html_of(client, "/nl/")

    assert "wagtail-userbar" in signed_in
    assert "wagtail-userbar" not in anonymous


def test_an_entry_is_computed_once_until_something_changes(db):
    calls = []

    def compute():
        calls.append(1)
        return "menu"

    assert site_cache.get_or_set("test", (1, "nl"), compute) == "menu"
    assert site_cache.get_or_set("test", (1, "nl"), compute) == "menu"
    assert site_cache.get_or_set("test", (1, "ar"), compute) == "menu"
    assert len(calls) == 2

    site_cache.invalidate()
    site_cache.get_or_set("test", (1, "nl"), compute)

    assert len(calls) == 3


def test_a_changed_page_anywhere_renews_the_cache(db, demo):
    before = site_cache.generation()

    Page.objects.get(pk=demo["nieuws"]["nl"].pk).specific.save_revision().publish()

    assert site_cache.generation() != before


def test_clear_site_cache_renews_the_cache_after_a_change_without_signals(client, demo):
    from django.core.management import call_command

    page = demo["een-loket"]["nl"]
    html_of(client, "/nl/")
    # A bulk update, as an import does it: no signal tells the cache.
    Page.objects.filter(pk=page.pk).update(title="Loket na import")
    assert "Loket na import" not in menu_titles(html_of(client, "/nl/"))

    call_command("clear_site_cache", stdout=None)

    assert "Loket na import" in menu_titles(html_of(client, "/nl/"))

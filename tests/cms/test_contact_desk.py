"""The contact desk page shows the desk's address, contacts and hours in each language."""

from wagtail.models import Site

from cms.models import ContactDeskSettings


def test_contact_page_shows_address_phone_email_and_hours(client, demo):
    html = client.get(demo["contact"]["nl"].url).content.decode()

    assert "Professor Van Overstraetenplein 1" in html
    assert 'href="tel:+3216270000"' in html
    assert 'href="mailto:contact@opstap.example"' in html
    assert "dinsdag" in html and "09:00" in html and "12:30" in html
    assert "(op afspraak)" in html


def test_weekday_names_follow_the_readers_language(client, demo):
    french = client.get(demo["contact"]["fr"].url).content.decode()
    ukrainian = client.get(demo["contact"]["uk"].url).content.decode()

    assert "mardi" in french
    assert "вівторок" in ukrainian


def test_an_unfilled_desk_says_so_instead_of_showing_blanks(client, demo):
    desk = ContactDeskSettings.for_site(Site.objects.get(is_default_site=True))
    desk.street = desk.city = ""
    desk.opening_hours = []
    desk.save()

    html = client.get(demo["contact"]["en"].url).content.decode()

    assert "The address of the contact desk has not been filled in yet." in html


def test_footer_carries_the_desk_on_every_page(client, demo):
    html = client.get(demo["nieuws"]["ar"].url).content.decode()
    assert 'href="mailto:contact@opstap.example"' in html

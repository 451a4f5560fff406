"""Signing in to the participant portal with a one-time link sent by email."""

import datetime
import re
import time
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import translation

from tests.programmes.cafe_factories import RegistrationFactory
from tests.workflows.portal_factories import make_staff, make_user
from workflows import sign_in
from workflows.tasks import deliver_sign_in_link

User = get_user_model()

SIGN_IN = "/nl/my/inloggen/"
PORTAL = "/nl/my/"
LINK_PATTERN = re.compile(r"http://testserver(/[a-z]+/my/inloggen/link/[^/\s]+/(?:\?next=\S+)?)")


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


def ask_for_link(client, capture, email):
    with capture():
        return client.post(SIGN_IN, {"email": email}, follow=True)


def link_in(message):
    match = LINK_PATTERN.search(message.body)
    assert match, message.body
    return match.group(1)


def token_of(path):
    return path.split("/link/")[1].split("/")[0]


def is_signed_in(client):
    return client.get(PORTAL).status_code == 200


# --- Asking for a link ---------------------------------------------------------------


def test_the_answer_is_the_same_for_known_unknown_and_staff_addresses(client, db, capture):
    make_user("amina@example.org")
    make_staff("admin.medewerker@example.org")

    pages = []
    for email in ("amina@example.org", "niemand@example.org", "admin.medewerker@example.org"):
        response = ask_for_link(client, capture, email)
        assert response.status_code == 200
        assert response.redirect_chain == [(reverse("portal:sign_in_sent"), 302)]
        pages.append(response.content.decode().replace(email, "ADDRESS"))

    assert pages[0] == pages[1] == pages[2]
    assert "Als we het adres ADDRESS kennen, sturen we je een link" in pages[0]


def test_only_a_known_participant_gets_a_link(client, db, capture):
    make_user("amina@example.org")
    make_staff("admin.medewerker@example.org")
    make_user("weg@example.org", is_active=False)

    for email in (
        "amina@example.org",
        "niemand@example.org",
        "admin.medewerker@example.org",
        "weg@example.org",
    ):
        ask_for_link(client, capture, email)

    assert [message.to for message in mail.outbox] == [["amina@example.org"]]


def test_a_superuser_without_the_staff_flag_gets_no_link_either(client, db, capture):
    make_user("baas@example.org", is_superuser=True)

    ask_for_link(client, capture, "baas@example.org")

    assert mail.outbox == []


def test_the_address_is_matched_whatever_its_capitals(client, db, capture):
    make_user("amina@example.org")

    ask_for_link(client, capture, "  Amina@Example.ORG ")

    assert [message.to for message in mail.outbox] == [["amina@example.org"]]


def test_the_link_email_is_in_the_participants_language(client, db, capture):
    make_user("olena@example.org", preferred_language="uk")

    ask_for_link(client, capture, "olena@example.org")

    message = mail.outbox[0]
    assert message.extra_headers["Content-Language"] == "uk"
    assert link_in(message).startswith("/uk/my/inloggen/link/")
    html = message.alternatives[0][0]
    assert 'lang="uk"' in html
    assert link_in(message) in html


def test_a_link_email_says_how_long_it_works(client, db, capture, settings):
    settings.OPSTAP_SIGN_IN_LINK_MINUTES = 20
    make_user("amina@example.org")

    ask_for_link(client, capture, "amina@example.org")

    assert "De link werkt 20 minuten en maar één keer." in mail.outbox[0].body


def test_someone_who_registered_for_the_cafe_gets_an_account_and_a_link(client, db, capture):
    RegistrationFactory(email="yusuf@example.org", language="ar")

    ask_for_link(client, capture, "yusuf@example.org")

    user = User.objects.get(email="yusuf@example.org")
    assert user.preferred_language == "ar"
    assert not user.has_usable_password()
    assert not user.is_staff
    assert [message.to for message in mail.outbox] == [["yusuf@example.org"]]
    assert link_in(mail.outbox[0]).startswith("/ar/my/")


def test_nobody_gets_an_account_for_an_address_we_hold_nothing_about(client, db, capture):
    ask_for_link(client, capture, "niemand@example.org")

    assert not User.objects.filter(email="niemand@example.org").exists()


def test_an_empty_address_gets_a_message_that_says_how_to_fix_it(client, db):
    response = client.post(SIGN_IN, {"email": ""})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Vul je e-mailadres in, bijvoorbeeld naam@voorbeeld.be." in page
    assert "<title>Fout: " in page


def test_a_filled_in_honeypot_gets_the_same_answer_and_no_mail(client, db, capture):
    make_user("amina@example.org")

    with capture():
        response = client.post(SIGN_IN, {"email": "amina@example.org", "website": "spam"})

    assert response.status_code == 302
    assert response.url == reverse("portal:sign_in_sent")
    assert mail.outbox == []


# --- Rate limits -----------------------------------------------------------------------


def test_at_most_five_links_an_hour_go_to_one_address(client, db, capture):
    make_user("amina@example.org")

    answers = [ask_for_link(client, capture, "amina@example.org") for _ in range(6)]

    assert len(mail.outbox) == 5
    assert answers[5].redirect_chain == answers[0].redirect_chain
    assert answers[5].content == answers[0].content


def test_the_address_limit_lifts_after_an_hour(client, db, capture):
    make_user("amina@example.org")
    now = time.time()
    with mock.patch("time.time", return_value=now):
        for _ in range(6):
            ask_for_link(client, capture, "amina@example.org")
    with mock.patch("time.time", return_value=now + 3601):
        ask_for_link(client, capture, "amina@example.org")

    assert len(mail.outbox) == 6


def test_at_most_twenty_requests_an_hour_come_from_one_ip_address(client, db, capture):
    for number in range(21):
        make_user(f"persoon{number}@example.org")

    for number in range(21):
        with capture():
            client.post(
                SIGN_IN, {"email": f"persoon{number}@example.org"}, REMOTE_ADDR="203.0.113.7"
            )

    assert len(mail.outbox) == 20
    assert "persoon20@example.org" not in [message.to[0] for message in mail.outbox]


def test_another_ip_address_is_counted_apart(client, db, capture):
    for number in range(21):
        make_user(f"persoon{number}@example.org")
    for number in range(20):
        with capture():
            client.post(
                SIGN_IN, {"email": f"persoon{number}@example.org"}, REMOTE_ADDR="203.0.113.7"
            )

    with capture():
        client.post(SIGN_IN, {"email": "persoon20@example.org"}, REMOTE_ADDR="198.51.100.4")

    assert len(mail.outbox) == 21


# --- Using the link ---------------------------------------------------------------------


@pytest.fixture
def amina(db):
    return make_user("amina@example.org")


@pytest.fixture
def link(client, amina, capture):
    ask_for_link(client, capture, "amina@example.org")
    return link_in(mail.outbox[-1])


def test_opening_the_link_shows_a_button_and_does_not_sign_in(client, link):
    response = client.get(link)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Je meldt je aan als amina@example.org." in page
    assert 'method="post"' in page
    assert not is_signed_in(client)


def test_opening_the_link_twice_does_not_use_it_up(client, link):
    client.get(link)
    client.get(link)

    response = client.post(link)

    assert response.status_code == 302
    assert response.url == PORTAL


def test_pressing_the_button_signs_in_and_opens_the_portal(client, link, amina):
    response = client.post(link, follow=True)

    assert response.redirect_chain[-1] == (PORTAL, 302)
    assert response.status_code == 200
    assert "Mijn Opstap" in response.content.decode()
    assert int(client.session["_auth_user_id"]) == amina.pk
    amina.refresh_from_db()
    assert amina.last_login is not None


def test_a_link_works_only_once(client, link):
    client.post(link)
    client.post(reverse("portal:sign_out"))

    response = client.post(link)

    assert response.status_code == 400
    assert "Deze link is al gebruikt" in response.content.decode()
    assert not is_signed_in(client)


def test_a_used_link_is_refused_on_opening_too(client, link):
    client.post(link)

    response = client.get(link)

    assert response.status_code == 400
    assert "Deze link is al gebruikt" in response.content.decode()


def test_an_older_link_stops_working_once_a_newer_one_is_used(client, amina, capture):
    ask_for_link(client, capture, "amina@example.org")
    ask_for_link(client, capture, "amina@example.org")
    first, second = (link_in(message) for message in mail.outbox)

    client.post(second)
    client.post(reverse("portal:sign_out"))

    assert client.post(first).status_code == 400


def test_a_link_expires_after_the_configured_minutes(client, link, settings):
    settings.OPSTAP_SIGN_IN_LINK_MINUTES = 30
    later = time.time() + 31 * 60

    with mock.patch("django.core.signing.time.time", return_value=later):
        response = client.post(link)

    assert response.status_code == 400
    page = response.content.decode()
    assert "Deze link is verlopen" in page
    assert reverse("portal:sign_in") in page
    assert not is_signed_in(client)


def test_a_link_still_works_just_before_it_expires(client, link, settings):
    settings.OPSTAP_SIGN_IN_LINK_MINUTES = 30
    later = time.time() + 29 * 60

    with mock.patch("django.core.signing.time.time", return_value=later):
        response = client.post(link)

    assert response.status_code == 302


def test_a_tampered_link_shows_a_friendly_page_with_a_way_to_a_new_link(client, link):
    token = token_of(link)
    tampered = link.replace(token, token[:-3] + ("abc" if not token.endswith("abc") else "xyz"))

    for response in (client.get(tampered), client.post(tampered)):
        assert response.status_code == 400
        page = response.content.decode()
        assert "Deze link werkt niet" in page
        assert "Vraag een nieuwe link" in page
    assert not is_signed_in(client)


def test_a_made_up_link_is_refused(client, db):
    response = client.get(reverse("portal:sign_in_link", kwargs={"token": "niet-echt"}))

    assert response.status_code == 400


def test_a_link_for_someone_who_became_staff_does_not_sign_in(client, link, amina):
    amina.is_staff = True
    amina.save()

    response = client.post(link)

    assert response.status_code == 400
    assert not is_signed_in(client)


def test_a_link_for_a_deactivated_account_does_not_sign_in(client, link, amina):
    amina.is_active = False
    amina.save()

    assert client.post(link).status_code == 400


def test_a_link_for_another_purpose_is_refused(client, amina):
    from django.core import signing

    token = signing.dumps({"u": amina.pk, "s": "x"}, salt="programmes.registration.cancel")

    response = client.post(reverse("portal:sign_in_link", kwargs={"token": token}))

    assert response.status_code == 400


def test_the_link_brings_you_back_to_the_page_you_asked_for(client, amina, capture):
    wanted = "/nl/my/gegevens/verwijderen/"
    sign_in_url = client.get(wanted).url
    assert sign_in_url == f"{SIGN_IN}?next={wanted}"

    form = client.get(sign_in_url).content.decode()
    assert f'value="{wanted}"' in form
    with capture():
        client.post(SIGN_IN, {"email": "amina@example.org", "next": wanted})
    link = link_in(mail.outbox[0])

    response = client.post(link)

    assert response.url == wanted


def test_a_next_address_on_another_site_is_ignored(client, amina, capture):
    with capture():
        client.post(SIGN_IN, {"email": "amina@example.org", "next": "https://evil.example/"})
    link = link_in(mail.outbox[0])

    assert "evil" not in link
    assert client.post(link + "?next=//evil.example/").url == PORTAL


def test_only_the_first_of_two_simultaneous_uses_signs_in(rf, amina):
    token = sign_in.make_token(amina)
    stale_copy = User.objects.get(pk=amina.pk)
    User.objects.filter(pk=amina.pk).update(
        last_login=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    )

    # The second use read the user before the first one signed in.
    with mock.patch.object(sign_in, "check_token", return_value=sign_in.LinkCheck(user=stale_copy)):
        outcome = sign_in.sign_in(rf.post("/"), token)

    assert outcome.problem is sign_in.LinkProblem.USED


def test_signing_out_needs_a_post(client, link):
    client.post(link)

    assert client.get(reverse("portal:sign_out")).status_code == 405
    assert is_signed_in(client)

    response = client.post(reverse("portal:sign_out"), follow=True)

    assert response.redirect_chain[-1][0] == SIGN_IN
    assert "Je bent afgemeld." in response.content.decode()
    assert not is_signed_in(client)


def test_a_signed_in_participant_asking_for_the_sign_in_page_goes_to_the_portal(client, amina):
    client.force_login(amina)

    assert client.get(SIGN_IN).url == PORTAL


def test_the_sign_in_task_sends_nothing_to_staff(db):
    staff = make_staff()

    assert deliver_sign_in_link(staff.pk) == "not allowed"
    assert mail.outbox == []


def test_the_sign_in_pages_work_in_arabic_right_to_left(client, link):
    with translation.override("ar"):
        sign_in_page = client.get("/ar/my/inloggen/")
    arabic_link = link.replace("/nl/", "/ar/", 1)
    for response in (sign_in_page, client.get(arabic_link)):
        assert response.status_code == 200
        assert '<html lang="ar" dir="rtl"' in response.content.decode()

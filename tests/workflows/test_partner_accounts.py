"""Partner accounts: staff invite a referrer or an employer, who signs in with the
emailed link and sees only their own area."""

import re
import time
from unittest import mock

import pytest
from django.core import mail
from django.utils import translation

from tests.workflows.case_factories import make_reviewer
from tests.workflows.partner_factories import make_employer, make_referrer
from tests.workflows.portal_factories import make_staff, make_user
from workflows import partner_accounts
from workflows.default_workflows import PROGRAMME_MANAGERS, SCREENERS
from workflows.models import PartnerAccount

INVITE = "/admin/partner_accounts/new/"
LINK_PATTERN = re.compile(r"http://testserver(/[a-z]+/my/inloggen/link/[^/\s]+/)")


@pytest.fixture
def manager(demo):
    return make_reviewer(PROGRAMME_MANAGERS, demo["jobroad-matchmaking"]["nl"])


def invite_as(client, user, capture, **fields):
    client.force_login(user)
    data = {
        "email": "els.peeters@ocmw-leuven.example",
        "first_name": "Els",
        "last_name": "Peeters",
        "preferred_language": "fr",
        "role": "referrer",
        **fields,
    }
    with capture(execute=True):
        return client.post(INVITE, data)


def link_in(message):
    match = LINK_PATTERN.search(message.body)
    assert match, message.body
    return match.group(1)


# --- Inviting ----------------------------------------------------------------------------


def test_a_programme_manager_invites_a_referrer_who_gets_the_link_in_their_language(
    client, demo, manager, django_capture_on_commit_callbacks
):
    ocmw = demo["ocmw-leuven"]["nl"]
    response = invite_as(client, manager, django_capture_on_commit_callbacks, partner=ocmw.pk)

    assert response.status_code == 302
    account = PartnerAccount.objects.get(user__email="els.peeters@ocmw-leuven.example")
    assert (account.partner, account.role, account.invited_by) == (ocmw, "referrer", manager)
    assert not account.user.is_staff and not account.user.has_usable_password()
    (message,) = mail.outbox
    assert message.to == ["els.peeters@ocmw-leuven.example"]
    assert message.extra_headers["Content-Language"] == "fr"
    assert "OCMW" in message.body and "/fr/my/inloggen/link/" in message.body


def test_staff_and_known_participants_cannot_be_invited_and_are_told_why(
    client, demo, manager, django_capture_on_commit_callbacks
):
    make_staff("collega@example.org")
    make_user("amina@example.org")
    ocmw = demo["ocmw-leuven"]["nl"]

    for email, message in [
        ("collega@example.org", "hoort bij een medewerker"),
        ("Amina@example.org", "hoort bij een deelnemer"),
    ]:
        response = invite_as(
            client, manager, django_capture_on_commit_callbacks, partner=ocmw.pk, email=email
        )
        assert response.status_code == 200
        assert message in response.content.decode()
    invited = ["collega@example.org", "amina@example.org"]
    assert not PartnerAccount.objects.filter(user__email__in=invited).exists()
    assert mail.outbox == []


def test_a_screener_may_not_invite(client, demo, django_capture_on_commit_callbacks):
    screener = make_reviewer(SCREENERS, demo["jobroad-matchmaking"]["nl"])
    response = invite_as(
        client, screener, django_capture_on_commit_callbacks, partner=demo["ocmw-leuven"]["nl"].pk
    )
    assert response.status_code in (302, 403)
    assert not PartnerAccount.objects.filter(user__email="els.peeters@ocmw-leuven.example").exists()


def test_the_invitation_link_works_for_days_but_only_once(
    client, demo, manager, django_capture_on_commit_callbacks, settings
):
    invite_as(
        client, manager, django_capture_on_commit_callbacks, partner=demo["ocmw-leuven"]["nl"].pk
    )
    client.logout()
    link = link_in(mail.outbox[0])
    three_days_later = time.time() + 3 * 24 * 3600

    with mock.patch("django.core.signing.time.time", return_value=three_days_later):
        response = client.post(link)
    assert response.status_code == 302
    assert response["Location"] == "/fr/partner/verwijzer/"

    client.logout()
    assert client.post(link).status_code == 400  # used


def test_an_invitation_link_expires_after_the_configured_days(
    client, demo, manager, django_capture_on_commit_callbacks, settings
):
    invite_as(
        client, manager, django_capture_on_commit_callbacks, partner=demo["ocmw-leuven"]["nl"].pk
    )
    client.logout()
    eight_days_later = time.time() + 8 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=eight_days_later):
        response = client.post(link_in(mail.outbox[0]))
    assert response.status_code == 400
    assert "verlopen" in response.content.decode() or response.context["problem"] == "expired"


def test_an_ordinary_sign_in_link_still_expires_after_minutes(db):
    from workflows import sign_in

    user = make_user()
    token = sign_in.make_token(user)
    later = time.time() + 31 * 60
    with mock.patch("django.core.signing.time.time", return_value=later):
        assert sign_in.check_token(token).problem == sign_in.LinkProblem.EXPIRED


def test_sending_the_invitation_again_gives_a_fresh_link(
    client, demo, manager, django_capture_on_commit_callbacks
):
    account = make_referrer(demo["ocmw-leuven"]["nl"])
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/partner_accounts/{account.pk}/opnieuw-uitnodigen/")
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == [account.user.email]


# --- Each in their own area --------------------------------------------------------------


def test_a_referrer_sees_the_referrer_area_and_is_sent_there_from_the_portal(client, demo):
    account = make_referrer(demo["ocmw-leuven"]["nl"])
    client.force_login(account.user)

    area = client.get("/nl/partner/verwijzer/")
    assert area.status_code == 200
    assert "OCMW Leuven" in area.content.decode()
    portal = client.get("/nl/my/")
    assert portal.status_code == 302 and portal["Location"] == "/nl/partner/verwijzer/"
    assert client.get("/nl/partner/werkgever/").status_code == 404
    assert client.get("/admin/").status_code == 302  # to the admin's sign-in


def test_an_employer_sees_only_the_employer_area(client, demo):
    account = make_employer(demo["zorgnet-dijle"]["nl"])
    client.force_login(account.user)

    assert client.get("/nl/partner/werkgever/").status_code == 200
    assert client.get("/nl/partner/verwijzer/").status_code == 404
    assert client.get("/nl/my/gegevens.json")["Location"] == "/nl/partner/werkgever/"


def test_participants_and_staff_find_no_partner_area(client, demo):
    for user in (make_user(), make_staff("medewerker@example.org", is_superuser=True)):
        client.force_login(user)
        assert client.get("/nl/partner/verwijzer/").status_code == 404
        assert client.get("/nl/partner/werkgever/").status_code == 404


def test_visitors_are_asked_to_sign_in(client, db):
    response = client.get("/nl/partner/werkgever/")
    assert response.status_code == 302
    assert response["Location"].startswith("/nl/my/inloggen/?next=")


def test_a_deactivated_partner_account_is_signed_out_of_the_area(client, demo):
    account = make_referrer(demo["ocmw-leuven"]["nl"])
    client.force_login(account.user)
    account.user.is_active = False
    account.user.save()
    assert client.get("/nl/partner/verwijzer/").status_code == 302


@pytest.mark.parametrize("language", ["nl", "en", "fr", "ar", "uk"])
def test_the_area_speaks_every_language(client, demo, language):
    account = make_referrer(demo["ocmw-leuven"]["nl"])
    client.force_login(account.user)
    with translation.override(language):
        response = client.get(f"/{language}/partner/verwijzer/")
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()


def test_account_of_is_none_for_staff_even_with_an_account(demo):
    staff = make_staff("medewerker@example.org")
    PartnerAccount.objects.create(
        user=staff, partner=demo["ocmw-leuven"]["nl"], role=partner_accounts.Role.REFERRER
    )
    assert partner_accounts.account_of(staff) is None

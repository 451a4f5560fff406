"""Staff can turn on two-factor sign-in: after the password, a code from an authenticator
app (or a single-use backup code) is asked before the admin opens."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from cms import two_factor

PASSWORD = "een-lang-wachtwoord"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        "redacteur@example.org", PASSWORD, is_staff=True, is_superuser=True
    )


def app_code(device):
    """The code the authenticator app shows right now."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def with_two_factor(user):
    """Turn it on as the account screen does; returns (app device, backup codes)."""
    device = two_factor.new_app_device(user)
    codes = two_factor.turn_on(user, device, app_code(device))
    # The code just used cannot be used twice: the next sign-in needs the next one.
    device.refresh_from_db()
    device.last_t -= 1
    device.save()
    return device, codes


def sign_in(client, password=PASSWORD, next_url=None):
    url = reverse("wagtailadmin_login")
    data = {"username": "redacteur@example.org", "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(url, data)


def is_signed_in(client):
    return client.get(reverse("wagtailadmin_home")).status_code == 200


def test_without_two_factor_the_password_signs_in(client, staff):
    assert sign_in(client).status_code == 302
    assert is_signed_in(client)


def test_turning_it_on_shows_a_qr_code_then_asks_a_code_and_gives_backup_codes(client, staff):
    client.force_login(staff)
    page = client.get(reverse("two_factor_on"))
    html = page.content.decode()
    assert "<svg" in html
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    assert two_factor.secret_for_typing(device) in html
    # Reloading shows the same QR code: someone may be scanning it.
    client.get(reverse("two_factor_on"))
    assert TOTPDevice.objects.filter(user=staff).count() == 1

    wrong = client.post(reverse("two_factor_on"), {"code": "000000"})
    assert "Deze code klopt niet" in wrong.content.decode()
    assert not two_factor.is_enabled(staff)

    device.throttle_reset()
    done = client.post(reverse("two_factor_on"), {"code": app_code(device)})

    assert two_factor.is_enabled(staff)
    html = done.content.decode()
    assert "Tweestapsaanmelding staat aan" in html
    codes = list(StaticToken.objects.filter(device__user=staff).values_list("token", flat=True))
    assert len(codes) == 10
    assert all(code in html for code in codes)
    assert done["Cache-Control"].startswith("max-age=0")  # never_cache: not kept anywhere
    assert ModelLogEntry.objects.filter(action="cms.two_factor.enable").count() == 1
    # The session that turned it on stays signed in.
    assert is_signed_in(client)


def test_with_two_factor_the_password_alone_does_not_sign_in(client, staff):
    device, _codes = with_two_factor(staff)

    answer = sign_in(client, next_url="/admin/pages/")

    assert answer["Location"] == reverse("two_factor_sign_in")
    assert not is_signed_in(client)
    wrong = client.post(reverse("two_factor_sign_in"), {"code": "123456"})
    assert wrong.status_code == 200
    assert "Deze code klopt niet" in wrong.content.decode()
    assert not is_signed_in(client)

    device.throttle_reset()
    right = client.post(reverse("two_factor_sign_in"), {"code": app_code(device)})

    assert right["Location"] == "/admin/pages/"
    assert is_signed_in(client)


def test_a_backup_code_works_once_and_says_how_many_are_left(client, staff):
    _device, codes = with_two_factor(staff)

    sign_in(client)
    # Typed as read aloud: capitals and a space do not matter.
    spaced = f"{codes[0][:4].upper()} {codes[0][4:]}"
    answer = client.post(reverse("two_factor_sign_in"), {"code": spaced}, follow=True)
    assert "je hebt er nog 9" in answer.content.decode()
    assert is_signed_in(client)

    client.logout()
    sign_in(client)
    again = client.post(reverse("two_factor_sign_in"), {"code": codes[0]})
    assert again.status_code == 200
    assert not is_signed_in(client)


@override_settings(OTP_TOTP_THROTTLE_FACTOR=60, OTP_STATIC_THROTTLE_FACTOR=60)
def test_guessing_codes_is_slowed_down(client, staff):
    device, codes = with_two_factor(staff)
    sign_in(client)
    client.post(reverse("two_factor_sign_in"), {"code": "111111"})

    # Right after a wrong guess even the right code waits.
    answer = client.post(reverse("two_factor_sign_in"), {"code": app_code(device)})

    assert "Te veel foute codes na elkaar" in answer.content.decode()
    assert not is_signed_in(client)


def test_the_code_step_expires(client, staff, settings):
    device, _codes = with_two_factor(staff)
    sign_in(client)
    session = client.session
    session[two_factor.PENDING_SESSION_KEY]["at"] -= settings.OPSTAP_TWO_FACTOR_MINUTES * 60 + 1
    session.save()

    answer = client.post(reverse("two_factor_sign_in"), {"code": app_code(device)}, follow=True)

    assert answer.redirect_chain[-1][0] == reverse("wagtailadmin_login")
    assert "de tijd om de code te typen is voorbij" in answer.content.decode()
    assert not is_signed_in(client)


def test_the_code_step_without_a_password_first_goes_to_sign_in(client):
    answer = client.get(reverse("two_factor_sign_in"))
    assert answer["Location"] == reverse("wagtailadmin_login")


def test_a_session_from_before_two_factor_was_turned_on_is_signed_out(client, staff):
    assert sign_in(client).status_code == 302
    with_two_factor(staff)  # turned on from another browser

    answer = client.get(reverse("wagtailadmin_explore_root"))

    assert answer.status_code == 302
    assert answer["Location"].startswith(reverse("wagtailadmin_login"))
    assert "_auth_user_id" not in client.session


def test_a_sign_in_link_elsewhere_is_not_followed(client, staff):
    device, _codes = with_two_factor(staff)
    sign_in(client, next_url="https://elders.example.net/")
    device.throttle_reset()
    answer = client.post(reverse("two_factor_sign_in"), {"code": app_code(device)})
    assert answer["Location"] == reverse("wagtailadmin_home")


@override_settings(OTP_TOTP_THROTTLE_FACTOR=0, OTP_STATIC_THROTTLE_FACTOR=0)
def test_turning_it_off_or_new_backup_codes_need_a_code(client, staff):
    device, codes = with_two_factor(staff)
    sign_in(client)
    client.post(reverse("two_factor_sign_in"), {"code": codes[0]})

    refused = client.post(reverse("two_factor"), {"code": "000000", "action": "off"})
    assert "Deze code klopt niet" in refused.content.decode()
    assert two_factor.is_enabled(staff)

    renewed = client.post(reverse("two_factor"), {"code": codes[1], "action": "codes"})
    new_codes = set(StaticToken.objects.filter(device__user=staff).values_list("token", flat=True))
    assert len(new_codes) == 10 and not new_codes & set(codes)
    assert all(code in renewed.content.decode() for code in new_codes)

    off = client.post(reverse("two_factor"), {"code": new_codes.pop(), "action": "off"})
    assert off.status_code == 302
    assert not two_factor.is_enabled(staff)
    assert ModelLogEntry.objects.filter(action="cms.two_factor.disable").count() == 1


def test_the_account_page_says_whether_it_is_on(client, staff):
    client.force_login(staff)
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    assert reverse("two_factor") in account
    assert "Bescherm je account" in account
    page = client.get(reverse("two_factor")).content.decode()
    assert reverse("two_factor_on") in page


def test_an_administrator_can_turn_it_off_for_a_lost_phone(client, staff):
    device, _codes = with_two_factor(staff)

    call_command("reset_two_factor", "Redacteur@example.org")

    assert not two_factor.is_enabled(staff)
    assert sign_in(client).status_code == 302
    assert is_signed_in(client)

"""Two-factor sign-in for staff, on django-otp.

A staff member turns it on in their account: they scan a QR code with an authenticator
app, confirm with a code it shows, and get ten single-use backup codes. From then on a
password alone no longer signs them in: the sign-in view keeps the person "pending" in
the session (not signed in) until a code from the app or a backup code is given. A
session that somehow is signed in without that second step (one opened before two-factor
sign-in was turned on) is signed out by `TwoFactorRequiredMiddleware`.

Guessing is throttled by django-otp itself: each wrong code doubles the wait before the
next one is checked.
"""

import base64
import time

import segno
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils.functional import LazyObject
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

BACKUP_CODE_COUNT = 10
PENDING_SESSION_KEY = "opstap_two_factor_pending"
APP_DEVICE_NAME = "authenticator"
BACKUP_DEVICE_NAME = "backup"
_CACHE_KEY = "two-factor-enabled:{pk}"


# --- Whether it is on -----------------------------------------------------------------------


def is_enabled(user) -> bool:
    """Whether this user signs in with a second factor (cached: asked on every request)."""
    if not getattr(user, "pk", None):
        return False
    key = _CACHE_KEY.format(pk=user.pk)
    enabled = cache.get(key)
    if enabled is None:
        enabled = user_has_device(user, confirmed=True)
        cache.set(key, enabled, timeout=3600)
    return enabled


def _forget(user) -> None:
    cache.delete(_CACHE_KEY.format(pk=user.pk))


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


# --- Turning it on and off ------------------------------------------------------------------


def new_app_device(user) -> TOTPDevice:
    """The not yet confirmed authenticator of this user, made on first asking.

    The same one is shown until it is confirmed, so reloading the page does not change
    the QR code someone is scanning.
    """
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def qr_code_svg(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_inline(scale=5, title="")


def secret_for_typing(device: TOTPDevice) -> str:
    """The secret as the app asks for it when the QR code cannot be scanned."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def turn_on(user, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the authenticator with a code it shows: two-factor sign-in is then on.

    Returns the new backup codes (shown once), or None when the code is wrong.
    """
    if device.user_id != user.pk or not device.verify_token(normalise(code)):
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _replace_backup_codes(user)
        _log(user, "cms.two_factor.enable", by=user)
    _forget(user)
    return codes


def new_backup_codes(user) -> list[str]:
    """Ten fresh backup codes; the old ones stop working."""
    with transaction.atomic():
        codes = _replace_backup_codes(user)
        _log(user, "cms.two_factor.backup_codes", by=user)
    return codes


def _replace_backup_codes(user) -> list[str]:
    # The same device keeps its id: a session verified with a backup code stays verified.
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=BACKUP_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def turn_off(user, by) -> None:
    """Remove every second factor of `user`: by themselves, or by an administrator when a
    phone is lost (`manage.py reset_two_factor`)."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        _log(user, "cms.two_factor.disable", by=by)
    _forget(user)


def _log(user, action, by):
    # request.user comes wrapped twice (by Django and by django-otp); Wagtail's audit log
    # finds the log model by the instance's class, so it needs the user itself.
    while isinstance(user, LazyObject):
        user.pk  # noqa: B018 (evaluates the lazy object)
        user = user._wrapped
    log(instance=user, action=action, user=by)


# --- Checking a code ------------------------------------------------------------------------


def normalise(code: str) -> str:
    """Codes are read aloud and copied: spaces and dashes do not count, nor capitals."""
    return "".join(code.split()).replace("-", "").lower()


def check_code(user, code: str):
    """The device that accepts `code` (an app code or a backup code), or None.

    A backup code is used up by this.
    """
    code = normalise(code)
    if not code:
        return None
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            if device.verify_token(code):
                return device
    return None


def is_throttled(user) -> bool:
    """Whether every second factor of `user` is waiting out the wrong codes before it."""
    devices = list(devices_for_user(user, confirmed=True))
    return bool(devices) and not any(device.verify_is_allowed()[0] for device in devices)


# --- Between the password and the code ------------------------------------------------------


def start_pending(request, user, *, remember: bool, next_url: str) -> None:
    """The password was right: remember who is signing in, without signing them in."""
    request.session.cycle_key()
    request.session[PENDING_SESSION_KEY] = {
        "user": user.pk,
        "backend": user.backend,
        "remember": remember,
        "next": next_url,
        "at": time.time(),
    }


def pending(request):
    """(user, details) of the sign-in waiting for its code, or (None, None) when there
    is none or it took longer than OPSTAP_TWO_FACTOR_MINUTES."""
    details = request.session.get(PENDING_SESSION_KEY)
    if not isinstance(details, dict):
        return None, None
    if time.time() - details.get("at", 0) > settings.OPSTAP_TWO_FACTOR_MINUTES * 60:
        request.session.pop(PENDING_SESSION_KEY, None)
        return None, None
    user = get_user_model().objects.filter(pk=details.get("user"), is_active=True).first()
    if user is None:
        return None, None
    return user, details


def end_pending(request) -> None:
    request.session.pop(PENDING_SESSION_KEY, None)


class TwoFactorRequiredMiddleware:
    """Signs out a session of a user with two-factor sign-in on that was never verified
    with a code, and sends them to the sign-in page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            # No session, nobody signed in: the session and user are not even loaded.
            return self.get_response(request)
        user = request.user
        if user.is_authenticated and not user.is_verified() and is_enabled(user):
            auth_logout(request)
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        return self.get_response(request)

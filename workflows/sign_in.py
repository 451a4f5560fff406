"""Signing in to the participant portal with a one-time link sent by email.

A link carries a signed, timestamped token: the person's id and a stamp of their last
sign-in. Signing in changes the stamp, so a link works once; the timestamp makes it
expire after OPSTAP_SIGN_IN_LINK_MINUTES. Staff never get a link: they sign in to the
admin with their password (and, where set up, a second factor).

Asking for a link never tells whether the address is known: the answer is the same,
and a link goes out only when the address belongs to a participant.
"""

import datetime
import enum
from dataclasses import dataclass
from functools import partial
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language

from cms import ratelimit
from forms.models import Application, ApplicationDraft
from programmes.models import Registration
from programmes.registration import normalise_email

SALT = "workflows.sign_in.link"
BACKEND = "django.contrib.auth.backends.ModelBackend"

# (requests, seconds): how often one may ask for a link.
LINKS_PER_EMAIL = (5, 60 * 60)
LINKS_PER_IP_ADDRESS = (20, 60 * 60)


class LinkProblem(enum.Enum):
    INVALID = "invalid"  # incomplete, tampered with, or for an account that may not use it
    EXPIRED = "expired"
    USED = "used"


@dataclass(frozen=True)
class LinkCheck:
    user: object = None
    problem: LinkProblem | None = None

    @property
    def ok(self):
        return self.problem is None


def link_lifetime():
    return datetime.timedelta(minutes=settings.OPSTAP_SIGN_IN_LINK_MINUTES)


def may_sign_in_by_link(user):
    """Active participants only; staff sign in to the admin with their password."""
    return user.is_active and not user.is_staff and not user.is_superuser


def _sign_in_stamp(user):
    """Changes when the person signs in (or their address changes): used links stop."""
    last_login = user.last_login
    moment = last_login.astimezone(datetime.UTC).strftime("%Y%m%d%H%M%S%f") if last_login else ""
    return salted_hmac(
        SALT, f"{user.pk}|{user.email.lower()}|{moment}", algorithm="sha256"
    ).hexdigest()[:32]


def invitation_lifetime():
    return datetime.timedelta(days=settings.OPSTAP_PARTNER_INVITATION_DAYS)


def make_token(user, *, invitation=False):
    """An invitation's link lives for days, as it waits in an inbox; it works once, as
    any other link."""
    payload = {"u": user.pk, "s": _sign_in_stamp(user)}
    if invitation:
        payload["i"] = 1
    return signing.dumps(payload, salt=SALT)


def _payload(token):
    try:
        return signing.loads(token, salt=SALT, max_age=link_lifetime())
    except signing.SignatureExpired:
        payload = signing.loads(token, salt=SALT, max_age=invitation_lifetime())
        if isinstance(payload, dict) and payload.get("i") == 1:
            return payload
        raise


def check_token(token):
    """Whether `token` would sign someone in now, without using it up."""
    try:
        payload = _payload(token)
    except signing.SignatureExpired:
        return LinkCheck(problem=LinkProblem.EXPIRED)
    except signing.BadSignature:
        return LinkCheck(problem=LinkProblem.INVALID)
    pk = payload.get("u") if isinstance(payload, dict) else None
    if not isinstance(pk, int) or isinstance(pk, bool):
        return LinkCheck(problem=LinkProblem.INVALID)
    user = get_user_model().objects.filter(pk=pk).first()
    if user is None or not may_sign_in_by_link(user):
        return LinkCheck(problem=LinkProblem.INVALID)
    if not constant_time_compare(str(payload.get("s", "")), _sign_in_stamp(user)):
        return LinkCheck(problem=LinkProblem.USED)
    return LinkCheck(user=user)


def sign_in(request, token):
    """Use the link: sign its person in to this browser. Of two uses at the same time
    (a double click, two tabs), only the first succeeds."""
    check = check_token(token)
    if not check.ok:
        return check
    user = check.user
    claimed = (
        get_user_model()
        .objects.filter(pk=user.pk, last_login=user.last_login)
        .update(last_login=timezone.now())
    )
    if not claimed:
        return LinkCheck(problem=LinkProblem.USED)
    login(request, user, backend=BACKEND)
    return LinkCheck(user=user)


def safe_next_path(value):
    """`value` when it is a path on this site, else ""."""
    if not value or not value.startswith("/") or value.startswith("//"):
        return ""
    return value if url_has_allowed_host_and_scheme(value, allowed_hosts=None) else ""


def link_path(user, next_path="", *, invitation=False):
    """The path of a fresh sign-in link for `user`, in the active language."""
    path = reverse("portal:sign_in_link", kwargs={"token": make_token(user, invitation=invitation)})
    next_path = safe_next_path(next_path)
    return f"{path}?{urlencode({'next': next_path})}" if next_path else path


def _supported_language(code):
    codes = [language for language, _name in settings.LANGUAGES]
    return code if code in codes else None


def _language_on_record(email):
    """The language of the person's latest application, registration or draft; "" when
    there is a record without one; None when we hold nothing for this address."""
    records = (
        Application.objects.filter(email__iexact=email)
        .order_by("-submitted_at")
        .values_list("preferred_language", flat=True),
        Registration.objects.filter(email__iexact=email)
        .order_by("-created_at")
        .values_list("language", flat=True),
        ApplicationDraft.objects.filter(email__iexact=email, user__isnull=True)
        .order_by("-updated_at")
        .values_list("language", flat=True),
    )
    for languages in records:
        found = list(languages[:1])
        if found:
            return _supported_language(found[0]) or ""
    return None


def participant_for(email, language=None):
    """The participant who may get a link at `email`, or None.

    Someone who registered for a café or applied, but never signed in, gets an account
    now, without a password, in the language they used with us.
    """
    users = get_user_model().objects
    user = users.filter(email__iexact=email).first()
    if user is None:
        recorded = _language_on_record(email)
        if recorded is None:
            return None
        language = (
            recorded or _supported_language(language or get_language()) or settings.LANGUAGE_CODE
        )
        try:
            with transaction.atomic():
                user = users.create_user(email=email, preferred_language=language)
        except IntegrityError:  # created by a parallel request
            user = users.filter(email__iexact=email).first()
    if user is None or not may_sign_in_by_link(user):
        return None
    return user


def request_link(email, *, ip_address, language=None, next_path=""):
    """Send a sign-in link to `email` if it belongs to a participant and the limits allow.

    Returns True when a link was queued. The caller must answer the same either way.
    """
    email = normalise_email(email)
    if not ratelimit.allow("sign_in_link.ip", ip_address or "unknown", *LINKS_PER_IP_ADDRESS):
        return False
    if not ratelimit.allow("sign_in_link.email", email, *LINKS_PER_EMAIL):
        return False
    user = participant_for(email, language)
    if user is None:
        return False
    from workflows.tasks import send_sign_in_link

    # robust: a queue that is down must not turn the answer page into an error.
    transaction.on_commit(
        partial(send_sign_in_link.enqueue, user.pk, safe_next_path(next_path)), robust=True
    )
    return True

"""Partner accounts: inviting a referrer or an employer, and keeping each in their area.

A partner account belongs to someone outside our staff. They sign in with the portal's
one-time link and see one area of the site, for their own organisation only: everything
else answers as if it did not exist.
"""

from functools import partial, wraps

from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from workflows.models import PartnerAccount

Role = PartnerAccount.Role

AREA_URL_NAMES = {Role.REFERRER: "partner_area:referrer", Role.EMPLOYER: "partner_area:employer"}


class InvitationRefused(Exception):
    """The address belongs to someone who cannot become a partner account."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def account_of(user):
    """The partner account of `user`, or None; read once per request."""
    if not getattr(user, "is_authenticated", False):
        return None
    cached = getattr(user, "_partner_account", False)
    if cached is False:
        cached = (
            PartnerAccount.objects.select_related("partner").filter(user=user).first()
            if user.is_active and not user.is_staff
            else None
        )
        user._partner_account = cached
    return cached


def area_path(account):
    """The start page of the account's area, in the active language."""
    return reverse(AREA_URL_NAMES[account.role])


def partner_area(role):
    """A view decorator: signed-in partner accounts of `role` only, passing the account
    as `request.partner_account`. Others signed in get a 404 (not even whether the page
    exists); visitors are sent to sign in."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), reverse("portal:sign_in"))
            account = account_of(request.user)
            if account is None or account.role != role:
                raise Http404
            request.partner_account = account
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def refusal_for(email):
    """Why `email` cannot get a partner account, or None. A partner account sees only its
    area, so an address we already know (staff, a participant, another partner's person)
    is refused rather than turned into one: their own records would vanish from view."""
    user = get_user_model().objects.filter(email__iexact=email.strip()).first()
    if user is None:
        return None
    if user.is_staff or user.is_superuser:
        return _("Dit adres hoort bij een medewerker. Nodig een ander adres uit.")
    if PartnerAccount.objects.filter(user=user).exists():
        return _("Dit adres heeft al een partneraccount. Zoek het op in de lijst en pas het aan.")
    return _(
        "Dit adres hoort bij een deelnemer. Nodig de persoon uit met het e-mailadres van het werk."
    )


def invite(*, email, first_name, last_name, partner, role, language, invited_by):
    """Make the account of a referrer or employer and email them a sign-in link."""
    from workflows.tasks import send_partner_invitation

    users = get_user_model().objects
    email = users.normalize_email(email.strip())
    refused = refusal_for(email)
    if refused:
        raise InvitationRefused(refused)
    with transaction.atomic():
        user = users.create_user(
            email=email, first_name=first_name, last_name=last_name,
            preferred_language=language,
        )  # fmt: skip
        account = PartnerAccount.objects.create(
            user=user, partner=partner, role=role, invited_by=invited_by,
            invited_at=timezone.now(),
        )  # fmt: skip
        transaction.on_commit(partial(send_partner_invitation.enqueue, account.pk), robust=True)
    return account


def send_again(account, *, by):
    """A new invitation with a fresh link, for someone whose link expired."""
    from workflows.tasks import send_partner_invitation

    log(instance=account, action="workflows.partner_account.invited_again", user=by)
    transaction.on_commit(partial(send_partner_invitation.enqueue, account.pk), robust=True)

"""Registering for a café session: places, the waiting list, cancelling and attendance.

Every language version of a session shares one set of places: registrations hang off
the session's canonical page (see `canonical_session`). Whatever changes who has a place
locks that page's row first, so two people can never take the last place at once.
"""

import enum
from dataclasses import dataclass
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from cms import site_cache
from cms.languages import localized_versions
from cms.signed_links import id_from_signed, signed_id
from programmes.models import CafeSessionPage, Registration

CANCEL_SALT = "programmes.registration.cancel"
# The registration the visitor just made, for the confirmation page that follows.
LAST_REGISTRATION_SESSION_KEY = "programmes.cafe.last_registration"

Status = Registration.Status


class RegistrationClosed(Exception):
    """Registration for the session is not open (not yet, or no longer)."""


class AlreadyRegistered(Exception):
    """This email address already holds a place (or a spot on the waiting list)."""


class CancelOutcome(enum.Enum):
    CANCELLED = "cancelled"
    ALREADY_CANCELLED = "already_cancelled"
    SESSION_ENDED = "session_ended"


def canonical_session(page):
    """The session page registrations belong to: of all pages sharing `page`'s
    translation key (translations and aliases), the one created first."""
    cached = getattr(page, "_canonical_session", None)
    if cached is not None:
        return cached
    if page.pk is None:  # a preview of a session that was never saved
        return page
    canonical = (
        CafeSessionPage.objects.filter(translation_key=page.translation_key).order_by("pk").first()
    )
    if canonical is None or canonical.pk == page.pk:
        canonical = page
    page._canonical_session = canonical
    return canonical


def normalise_email(email):
    return email.strip().lower()


def confirmed_count(session):
    if session.pk is None:
        return 0
    return Registration.objects.filter(session=session, status=Status.CONFIRMED).count()


def places_left(session):
    """Free places in the (canonical) session; never below zero."""
    return max(session.capacity - confirmed_count(session), 0)


def registration_state(page, now=None):
    """One of "open", "not_yet_open", "closed" or "ended", for the page in front of you."""
    now = now or timezone.now()
    session = canonical_session(page)
    if page.ends_at <= now:
        return "ended"
    if session.registration_is_open(now):
        return "open"
    if session.registration_opens_at and now < session.registration_opens_at:
        return "not_yet_open"
    return "closed"


def waiting_list_position(registration):
    """1 for the first person on the waiting list; None when not on it."""
    if registration.status != Status.WAITLISTED:
        return None
    ahead = Registration.objects.filter(
        session_id=registration.session_id, status=Status.WAITLISTED
    ).filter(
        Q(created_at__lt=registration.created_at)
        | Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def _lock_session(session_pk):
    # Locks the session's own row only (not Wagtail's page row). On SQLite this is a
    # no-op: its transactions start IMMEDIATE there, which serialises writers anyway.
    return CafeSessionPage.objects.select_for_update(of=("self",)).get(pk=session_pk)


def _send_news_after_commit(*registrations):
    """Email each person about their (new) status once the change is committed."""
    from programmes.tasks import send_registration_email

    for registration in registrations:
        # robust: a queue that is down must not turn a saved registration into an error.
        transaction.on_commit(
            partial(send_registration_email.enqueue, registration.pk), robust=True
        )


def register(page, *, name, email, language, access_needs="", now=None):
    """Register someone for the session `page` (any language version of it).

    Returns the Registration: confirmed while there are places, waitlisted after.
    Raises RegistrationClosed or AlreadyRegistered.
    """
    now = now or timezone.now()
    session = canonical_session(page)
    email = normalise_email(email)
    try:
        with transaction.atomic():
            locked = _lock_session(session.pk)
            if not locked.registration_is_open(now):
                raise RegistrationClosed
            active = Registration.objects.filter(session=locked).exclude(status=Status.CANCELLED)
            if active.filter(email=email).exists():
                raise AlreadyRegistered
            confirmed = active.filter(status=Status.CONFIRMED).count()
            registration = Registration.objects.create(
                session=locked,
                name=name.strip(),
                email=email,
                language=language,
                access_needs=access_needs.strip(),
                consented_at=now,
                status=Status.CONFIRMED if confirmed < locked.capacity else Status.WAITLISTED,
            )
            _send_news_after_commit(registration)
    except IntegrityError as error:
        # The partial unique constraint: the same address registered in a parallel request.
        raise AlreadyRegistered from error
    return registration


def _promote_from_waiting_list(session, now):
    """Give free places to the waiting list, first come first served. The caller holds
    the lock on `session`. Nobody is promoted into a session that has already begun."""
    if session.starts_at <= now:
        return []
    registrations = Registration.objects.filter(session=session)
    confirmed = registrations.filter(status=Status.CONFIRMED).count()
    promoted = []
    while confirmed < session.capacity:
        next_in_line = (
            registrations.filter(status=Status.WAITLISTED).order_by("created_at", "pk").first()
        )
        if next_in_line is None:
            break
        next_in_line.status = Status.CONFIRMED
        next_in_line.save(update_fields=["status", "status_changed_at"])
        log(next_in_line, "programmes.registration.promote")
        promoted.append(next_in_line)
        confirmed += 1
    return promoted


def fill_free_places(page, now=None):
    """Promote people from the waiting list into free places (for example after the
    session's capacity was raised). Returns the promoted registrations."""
    now = now or timezone.now()
    session = canonical_session(page)
    with transaction.atomic():
        locked = _lock_session(session.pk)
        promoted = _promote_from_waiting_list(locked, now)
        _send_news_after_commit(*promoted)
    return promoted


def cancel(registration, *, user=None, now=None):
    """Cancel a registration; a freed place goes to the next person on the waiting list.

    Safe to repeat: cancelling a cancelled registration changes nothing.
    """
    now = now or timezone.now()
    with transaction.atomic():
        session = _lock_session(registration.session_id)
        current = Registration.objects.get(pk=registration.pk)
        if current.status == Status.CANCELLED:
            outcome = CancelOutcome.ALREADY_CANCELLED
        elif session.ends_at <= now:
            outcome = CancelOutcome.SESSION_ENDED
        else:
            current.status = Status.CANCELLED
            current.checked_in_at = None
            current.save(update_fields=["status", "checked_in_at", "status_changed_at"])
            log(current, "programmes.registration.cancel", user=user)
            promoted = _promote_from_waiting_list(session, now)
            _send_news_after_commit(current, *promoted)
            outcome = CancelOutcome.CANCELLED
    registration.status = current.status
    registration.checked_in_at = current.checked_in_at
    return outcome


def check_in(registration, *, user, now=None):
    """Record that the person came. Returns False when there was nothing to do (already
    checked in, or cancelled); a double click logs one check-in."""
    now = now or timezone.now()
    changed = (
        Registration.objects.filter(pk=registration.pk, checked_in_at__isnull=True)
        .exclude(status=Status.CANCELLED)
        .update(checked_in_at=now)
    )
    if changed:
        registration.checked_in_at = now
        log(
            registration,
            "programmes.registration.check_in",
            user=user,
            data={"checked_in_at": now.isoformat()},
        )
    return bool(changed)


def undo_check_in(registration, *, user):
    """Take back a check-in made by mistake. Returns False when there was none."""
    changed = Registration.objects.filter(pk=registration.pk, checked_in_at__isnull=False).update(
        checked_in_at=None
    )
    if changed:
        registration.checked_in_at = None
        log(registration, "programmes.registration.undo_check_in", user=user)
    return bool(changed)


def cancel_token(registration):
    """The secret part of a registration's cancel link."""
    return signed_id(registration.pk, CANCEL_SALT)


def registration_for_cancel_token(token):
    """The registration a cancel link is for, or None for a link that was tampered with."""
    pk = id_from_signed(token, CANCEL_SALT)
    if pk is None:
        return None
    return Registration.objects.select_related("session").filter(pk=pk).first()


def cancel_path(registration):
    """The cancel link's path, in the active language."""
    return reverse("programmes:cancel_registration", kwargs={"token": cancel_token(registration)})


def session_context(page, request):
    """What a session page shows besides its own fields: the registration form or why
    there is none, places left, hosts and coaches, and whether to show the resources."""
    from programmes.registration_forms import RegistrationForm

    def facts():
        host_rows = [host for host in page.hosts.all().select_related("partner") if host.partner_id]
        partners = localized_versions([host.partner for host in host_rows])
        hosts = [
            {"role": host.get_role_display(), "partner": partners[host.partner_id]}
            for host in host_rows
        ]
        return canonical_session(page), hosts

    # Which page holds the registrations and who hosts change only when an editor
    # publishes: from the site cache. The places left are counted each time.
    page._canonical_session, hosts = site_cache.for_page(request, "session-facts", page, facts)
    session = canonical_session(page)
    state = registration_state(page)
    left = places_left(session)
    return {
        "form": RegistrationForm() if state == "open" else None,
        "registration_state": state,
        "registration_opens_at": session.registration_opens_at,
        "registration_closes_at": session.registration_closes,
        "places_left": left,
        "is_full": left == 0,
        "show_places": state != "ended",
        "hosts": hosts,
        "show_resources": state == "ended" and bool(page.resources),
    }


@dataclass(frozen=True)
class Confirmation:
    """What the confirmation page shows about the registration just made."""

    registration: Registration
    session: CafeSessionPage  # in the visitor's language where there is a translation
    waiting_list_position: int | None

    @property
    def is_confirmed(self):
        return self.registration.status == Status.CONFIRMED

    @property
    def cancel_url(self):
        return cancel_path(self.registration)

    @property
    def online_link(self):
        """Only a confirmed person of an online or hybrid session gets the link."""
        if self.is_confirmed and self.registration.session.is_online:
            return self.registration.session.online_link
        return ""


def remember_registration(request, registration):
    request.session[LAST_REGISTRATION_SESSION_KEY] = registration.pk


def last_registration(request):
    """The confirmation of the registration this visitor just made, or None."""
    pk = request.session.get(LAST_REGISTRATION_SESSION_KEY)
    if not isinstance(pk, int):
        return None
    registration = Registration.objects.select_related("session").filter(pk=pk).first()
    if registration is None or registration.status == Status.CANCELLED:
        return None
    return Confirmation(
        registration=registration,
        session=registration.session.localized,
        waiting_list_position=waiting_list_position(registration),
    )


def anonymise_registrations(email):
    """Erase a person's name, address and access needs from their café registrations
    (they asked us to forget them); attendance stays for the café's figures. Returns how
    many registrations there were."""
    registrations = list(Registration.objects.filter(email__iexact=normalise_email(email)))
    for registration in registrations:
        registration.name = ""
        registration.email = f"gewist-{registration.pk}@invalid"
        registration.access_needs = ""
        registration.save(update_fields=["name", "email", "access_needs"])
    return len(registrations)

"""The emails about a café registration, each written in the language the person chose.

Which email to send follows from the registration's status and the status the person
was last told about (`notified_status`): see `message_kind`.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation

from programmes.calendars import registration_calendar, registration_calendar_filename
from programmes.models import Registration
from programmes.registration import cancel_path, waiting_list_position

Status = Registration.Status

CONFIRMED = "confirmed"
PROMOTED = "promoted"  # from the waiting list to a place
WAITLISTED = "waitlisted"
CANCELLED = "cancelled"


def message_kind(registration):
    """The email this registration's news calls for, or None when there is nothing new
    to tell (or nothing worth telling, such as cancelling before any email was sent)."""
    status, told = registration.status, registration.notified_status
    if status == told:
        return None
    if status == Status.CONFIRMED:
        return PROMOTED if told == Status.WAITLISTED else CONFIRMED
    if status == Status.WAITLISTED:
        return WAITLISTED
    if status == Status.CANCELLED and told:
        return CANCELLED
    return None


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def page_absolute_url(page):
    parts = page.get_url_parts()
    return absolute_url(parts[2]) if parts else ""


def _render(name, context):
    return render_to_string(f"email/programmes/{name}", context)


def registration_email(registration, kind=None):
    """The email for `registration`'s current status, or None when there is none to send."""
    kind = kind or message_kind(registration)
    if kind is None:
        return None
    with translation.override(registration.language), timezone.override(settings.TIME_ZONE):
        canonical = registration.session
        session = canonical.localized  # the version in the person's language, if any
        has_place = registration.status == Status.CONFIRMED
        series = session.get_parent()
        session_url = page_absolute_url(session)
        context = {
            "kind": kind,
            "registration": registration,
            "session": session,
            "session_url": session_url,
            "series_url": page_absolute_url(series) if series else "",
            "cancel_url": absolute_url(cancel_path(registration)) if kind != CANCELLED else "",
            "online_link": canonical.online_link if has_place and canonical.is_online else "",
            "waiting_list_position": waiting_list_position(registration),
            "site_name": settings.WAGTAIL_SITE_NAME,
            "language_code": registration.language,
        }
        subject = " ".join(_render(f"registration_{kind}_subject.txt", context).split())
        message = EmailMultiAlternatives(
            subject=subject,
            body=_render(f"registration_{kind}.txt", context),
            to=[registration.email],
            headers={"Content-Language": registration.language},
        )
        message.attach_alternative(_render(f"registration_{kind}.html", context), "text/html")
        if has_place:
            ics = registration_calendar(registration, session=session, url=session_url)
            message.attach(
                registration_calendar_filename(session), ics.decode("utf-8"), "text/calendar"
            )
    return message

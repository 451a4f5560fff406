"""Café sessions as iCalendar: one event per session, the confirmation's attachment and
a series' public feed.

An event's UID comes from the session's translation key, so every language version of a
session, and every later copy of the feed, updates the same event in a calendar.
"""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from programmes.models import Registration

# How long an ended session stays in a series' feed.
RECENT_SESSIONS_KEPT = datetime.timedelta(days=60)
PRODUCT_ID = "-//Opstap//Jumpstart Café//NL"


def _uid_domain():
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "opstap"


def session_uid(session):
    return f"cafe-session-{session.translation_key}@{_uid_domain()}"


def _local(moment):
    return timezone.localtime(moment, ZoneInfo(settings.TIME_ZONE))


def session_event(session, *, url="", online_link=""):
    """An iCalendar event for `session`; the online link only when it is given."""
    event = icalendar.Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", _local(session.starts_at))
    event.add("dtend", _local(session.ends_at))
    event.add("summary", session.title)
    if session.last_published_at:
        event.add("last-modified", session.last_published_at.astimezone(datetime.UTC))

    place = ", ".join(part for part in (session.venue_name, session.venue_address) if part)
    if session.is_online and not session.is_in_person:
        place = online_link or _("Online")
    if place:
        event.add("location", place)

    lines = [session.topic, session.intro]
    lines.append(
        _("Vorm: %(format)s. Taal: %(language)s.")
        % {
            "format": session.get_format_display(),
            "language": session.get_session_language_display(),
        }
    )
    if online_link:
        lines.append(_("Online deelnemen: %(link)s") % {"link": online_link})
    if url:
        lines.append(url)
        event.add("url", url)
    event.add("description", "\n\n".join(line for line in lines if line))
    return event


def _calendar(events, *, name=""):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    starts = []
    for event in events:
        calendar.add_component(event)
        starts.append(event.start.date())
    if starts:
        # The time zone's rules for a year around the events: enough, and short.
        year = datetime.timedelta(days=366)
        calendar.add_missing_timezones(first_date=min(starts) - year, last_date=max(starts) + year)
    return calendar


def registration_calendar(registration, *, session=None, url=""):
    """The .ics attached to a confirmation: the online link for confirmed people only."""
    session = session or registration.session
    canonical = registration.session
    online_link = (
        canonical.online_link
        if registration.status == Registration.Status.CONFIRMED and canonical.is_online
        else ""
    )
    return _calendar([session_event(session, url=url, online_link=online_link)]).to_ical()


def registration_calendar_filename(session):
    return f"{slugify(session.title) or 'cafe'}.ics"


def series_calendar(series, request, now=None):
    """The series' public feed: its upcoming and recently ended sessions, no links to
    online sessions (those are for registered people only)."""
    now = now or timezone.now()
    sessions = (
        series.sessions()
        .filter(ends_at__gte=now - RECENT_SESSIONS_KEPT)
        .order_by("starts_at", "pk")
    )
    events = []
    for session in sessions:
        path = session.get_url(request)
        events.append(session_event(session, url=request.build_absolute_uri(path) if path else ""))
    return _calendar(events, name=series.title)


def series_calendar_response(series, request):
    response = HttpResponse(
        series_calendar(series, request).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{slugify(series.slug) or "cafe"}.ics"'
    return response


def appointment_uid(appointment):
    return f"contact-desk-appointment-{appointment.pk}@{_uid_domain()}"


def appointment_calendar(appointment, *, summary, location="", description="", cancelled=False):
    """The .ics of an appointment at the contact desk; a cancelled one cancels the event
    in the person's calendar (same UID, METHOD:CANCEL)."""
    event = icalendar.Event()
    event.add("uid", appointment_uid(appointment))
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", _local(appointment.starts_at))
    event.add("dtend", _local(appointment.ends_at))
    event.add("summary", summary)
    # Each change to the event (a cancellation) must outrank the one before it.
    event.add("sequence", 1 if cancelled else 0)
    if cancelled:
        event.add("status", "CANCELLED")
    if location:
        event.add("location", location)
    if description:
        event.add("description", description)
    calendar = _calendar([event])
    if cancelled:
        calendar["method"] = "CANCEL"
    return calendar.to_ical()

"""The emails about an appointment at the contact desk: confirmation, reminder and
cancellation, each in the person's language, the first two with the appointment as .ics."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext
from wagtail.models import Site

from cms.languages import supported_language
from cms.models import ContactDeskSettings
from programmes.appointments import cancel_path, desk_time_zone
from programmes.calendars import appointment_calendar

CONFIRMED = "confirmed"
REMINDER = "reminder"
CANCELLED = "cancelled"


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def contact_desk():
    """The contact desk's settings of the default site, or None."""
    site = Site.objects.filter(is_default_site=True).first()
    return ContactDeskSettings.for_site(site) if site else None


def desk_address(desk):
    if desk is None or not desk.has_address:
        return ""
    return ", ".join(
        part for part in (desk.name, desk.street, f"{desk.postcode} {desk.city}".strip()) if part
    )


def appointment_email(appointment, kind):
    """The email of `kind` for `appointment`, written in the person's language."""
    language = supported_language(appointment.email_language)
    with translation.override(language), timezone.override(desk_time_zone()):
        desk = contact_desk()
        address = desk_address(desk)
        context = {
            "kind": kind,
            "appointment": appointment,
            "starts_at": timezone.localtime(appointment.starts_at),
            "ends_at": timezone.localtime(appointment.ends_at),
            "topic": appointment.get_topic_display(),
            "conversation_language": appointment.language_name,
            "desk": desk,
            "address": address,
            "cancel_url": absolute_url(cancel_path(appointment)) if kind != CANCELLED else "",
            "book_url": absolute_url(reverse("appointments:slots")),
            "site_name": settings.WAGTAIL_SITE_NAME,
            "language_code": language,
        }
        name = f"email/programmes/appointment_{kind}"
        subject = " ".join(render_to_string(f"{name}_subject.txt", context).split())
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string(f"{name}.txt", context),
            to=[appointment.email],
            headers={"Content-Language": language},
        )
        message.attach_alternative(render_to_string(f"{name}.html", context), "text/html")
        summary = gettext("Afspraak aan het contactpunt")
        ics = appointment_calendar(
            appointment,
            summary=summary,
            location=address,
            description=appointment.get_topic_display(),
            cancelled=kind == CANCELLED,
        )
        message.attach(
            f"{slugify(summary) or 'afspraak'}.ics", ics.decode("utf-8"), "text/calendar"
        )
    return message

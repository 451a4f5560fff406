"""Booking an appointment at the contact desk: the free moments, the form, the
confirmation and the cancel link. No account needed; the cancel link is signed."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from cms import ratelimit
from cms.languages import supported_language
from programmes import appointments
from programmes.appointment_emails import contact_desk
from programmes.appointment_forms import AppointmentForm, LanguageFilterForm

# Bookings from one address per hour: a family or a desk computer books a few, a script
# filling the agenda does not get far.
BOOKINGS_PER_IP_ADDRESS = (10, 60 * 60)


def _slot_gone(request):
    messages.error(
        request,
        _("Dit moment is niet meer vrij. Je afspraak is niet gemaakt: kies een ander moment."),
    )
    return redirect("appointments:slots")


def _email_language(spoken):
    """The emails go out in the language of the conversation when the site speaks it,
    otherwise in the language the person used the site in."""
    codes = [code for code, _name in settings.LANGUAGES]
    return spoken if spoken in codes else supported_language(translation.get_language())


@never_cache
@require_GET
def slots(request):
    """The free moments of the coming weeks, per day, optionally for one language."""
    schedule = appointments.published_schedule()
    context = {"schedule": schedule, "desk": contact_desk()}
    if schedule is not None:
        every_slot = appointments.bookable_slots(schedule)
        languages = sorted({code for slot in every_slot for code in slot.languages})
        filter_form = LanguageFilterForm(request.GET or None, languages=languages)
        language = filter_form.language if request.GET else ""
        chosen = [slot for slot in every_slot if not language or language in slot.languages]
        context.update(
            {
                "filter_form": filter_form,
                "language": language,
                "days": appointments.slots_by_day(chosen),
                "has_any_slot": bool(every_slot),
                "closed_days": appointments.closed_days(schedule),
            }
        )
    return render(request, "programmes/appointment_slots.html", context)


def _bookable(schedule, slot_key):
    moment = appointments.moment_for_slot_key(slot_key)
    if schedule is None or moment is None:
        raise Http404
    return appointments.find_slot(schedule, moment)


@never_cache
@require_http_methods(["GET", "POST"])
def book(request, slot_key):
    """The form for one moment: GET shows it, POST books."""
    schedule = appointments.published_schedule()
    try:
        slot = _bookable(schedule, slot_key)
    except (appointments.SlotUnavailable, appointments.SlotFull):
        return _slot_gone(request)
    form_options = {"languages": slot.languages, "initial_language": translation.get_language()}
    if request.method == "GET":
        form = AppointmentForm(**form_options)
    else:
        if not ratelimit.allow(
            "appointment.ip", ratelimit.client_ip_address(request), *BOOKINGS_PER_IP_ADDRESS
        ):
            messages.error(
                request,
                _(
                    "Er werden van hier veel afspraken na elkaar gemaakt. Probeer het over een "
                    "uur opnieuw, of bel of mail het contactpunt."
                ),
            )
            return redirect("appointments:slots")
        form = AppointmentForm(request.POST, **form_options)
        if form.is_probably_a_bot:
            # Answer as if it worked, so that the bot learns nothing; nothing is stored.
            return redirect("appointments:booked")
        if form.is_valid():
            details = form.booking_details()
            try:
                appointment = appointments.book(
                    schedule,
                    slot.starts_at,
                    email_language=_email_language(details["language"]),
                    **details,
                )
            except (appointments.SlotFull, appointments.SlotUnavailable):
                return _slot_gone(request)
            except appointments.LanguageNotSpoken:
                form.add_error("language", form.fields["language"].error_messages["invalid_choice"])
            except appointments.AlreadyBooked:
                form.add_error(
                    "email",
                    _(
                        "Je hebt op dit moment al een afspraak. De bevestiging staat in je "
                        "mailbox; kijk ook bij je spam. Wil je iemand anders aanmelden? Gebruik "
                        "dan het e-mailadres of telefoonnummer van die persoon."
                    ),
                )
            else:
                appointments.remember_appointment(request, appointment)
                return redirect("appointments:booked")
    return render(
        request,
        "programmes/appointment_form.html",
        {"form": form, "slot": slot, "desk": contact_desk()},
    )


@never_cache
@require_GET
def booked(request):
    """The confirmation right after booking."""
    appointment = appointments.last_appointment(request)
    return render(
        request,
        "programmes/appointment_confirmation.html",
        {
            "appointment": appointment,
            "cancel_url": appointments.cancel_path(appointment) if appointment else "",
            "desk": contact_desk(),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def cancel(request, token):
    """The cancel link from the email or the confirmation: GET asks, POST cancels."""
    appointment = appointments.appointment_for_cancel_token(token)
    if appointment is None:
        return render(request, "programmes/appointment_link_invalid.html", status=404)
    if request.method == "POST":
        outcome = appointments.cancel(appointment)
        if outcome is appointments.CancelOutcome.CANCELLED:
            message = _("Je afspraak is geannuleerd.")
            if appointment.email:
                message += " " + _("Je krijgt nog een e-mail ter bevestiging.")
            messages.success(request, message)
        elif outcome is appointments.CancelOutcome.TOO_LATE:
            messages.error(
                request, _("Deze afspraak is al begonnen of voorbij, dus annuleren kan niet meer.")
            )
        return redirect(request.path)
    status = appointment.Status
    return render(
        request,
        "programmes/appointment_cancel.html",
        {
            "appointment": appointment,
            "is_cancelled": appointment.status == status.CANCELLED,
            "is_over": appointment.status != status.BOOKED,
            "desk": contact_desk(),
        },
    )

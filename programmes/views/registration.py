"""Café registration: the form posted on a session page, its confirmation, cancelling;
and a series' calendar feed."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from cms import ratelimit
from programmes.calendars import series_calendar_response
from programmes.models import CafeSeriesPage
from programmes.registration import (
    AlreadyRegistered,
    CancelOutcome,
    RegistrationClosed,
    cancel,
    canonical_session,
    last_registration,
    register,
    registration_for_cancel_token,
    registration_state,
    remember_registration,
)
from programmes.registration_forms import RegistrationForm


def _not_open_message(page):
    state = registration_state(page)
    if state == "not_yet_open":
        opens_at = formats.date_format(
            canonical_session(page).registration_opens_at, "DATETIME_FORMAT", use_l10n=True
        )
        return _(
            "Inschrijven voor deze sessie kan pas vanaf %(opens_at)s. Je inschrijving is niet "
            "verwerkt: probeer het dan opnieuw."
        ) % {"opens_at": opens_at}
    if state == "ended":
        return _("Deze sessie is voorbij, dus inschrijven kan niet meer.")
    return _(
        "Inschrijven voor deze sessie is gesloten, dus je inschrijving is niet verwerkt. "
        "Kijk bij de andere sessies van de reeks of er nog plaats is."
    )


def registrations_per_ip_address():
    """(registrations, seconds) from one address: a family or a class registers together,
    a script filling the waiting list does not get far. A setting, for a desk where staff
    register many people from one computer."""
    return (settings.OPSTAP_CAFE_REGISTRATIONS_PER_IP_HOUR, 60 * 60)


def register_for_session(request, page):
    """Handle the registration form of the session `page` (POST, from its serve())."""
    if registration_state(page) != "open":
        messages.error(request, _not_open_message(page))
        return redirect(page.get_url(request))
    address = ratelimit.client_ip_address(request)
    if not ratelimit.allow("cafe_registration.ip", address, *registrations_per_ip_address()):
        messages.error(
            request,
            _(
                "Er kwamen van hier veel inschrijvingen na elkaar. Probeer het over een uur "
                "opnieuw, of vraag het contactpunt om je in te schrijven."
            ),
        )
        return redirect(page.get_url(request))
    form = RegistrationForm(request.POST)
    if form.is_probably_a_bot:
        # Answer as if it worked, so that the bot learns nothing; nothing is stored.
        return redirect("programmes:registration_done")
    if form.is_valid():
        try:
            registration = register(page, **form.registration_details())
        except RegistrationClosed:
            messages.error(request, _not_open_message(page))
            return redirect(page.get_url(request))
        except AlreadyRegistered:
            form.add_already_registered_error()
        else:
            remember_registration(request, registration)
            return redirect("programmes:registration_done")
    context = page.get_context(request)
    context["form"] = form
    return TemplateResponse(request, page.get_template(request), context)


@never_cache
@require_GET
def registration_done(request):
    """The confirmation shown right after registering: a place, or the waiting list."""
    return render(
        request,
        "programmes/registration_confirmation.html",
        {"confirmation": last_registration(request)},
    )


@never_cache
@require_http_methods(["GET", "POST"])
def cancel_registration(request, token):
    """The cancel link from the email: GET asks to confirm, POST cancels."""
    registration = registration_for_cancel_token(token)
    if registration is None:
        return render(request, "programmes/registration_link_invalid.html", status=404)
    if request.method == "POST":
        outcome = cancel(registration)
        if outcome is CancelOutcome.CANCELLED:
            messages.success(
                request,
                _("Je inschrijving is geannuleerd. Je krijgt nog een e-mail ter bevestiging."),
            )
        elif outcome is CancelOutcome.SESSION_ENDED:
            messages.error(request, _("Deze sessie is al voorbij, dus annuleren kan niet meer."))
        return redirect(request.path)
    session = registration.session
    return render(
        request,
        "programmes/registration_cancel.html",
        {
            "registration": registration,
            "session": session.localized,
            "is_cancelled": registration.status == registration.Status.CANCELLED,
            "session_has_ended": session.has_ended,
        },
    )


@require_GET
def series_calendar(request, series_id):
    """The public iCalendar feed of a café series (its upcoming and recent sessions)."""
    series = get_object_or_404(CafeSeriesPage.objects.live().public(), pk=series_id)
    return series_calendar_response(series, request)

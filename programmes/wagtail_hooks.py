"""Admin wiring of the offer: traineeship types as snippets, registrations per session."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from programmes.models import TraineeshipType


class TraineeshipTypeViewSet(SnippetViewSet):
    model = TraineeshipType
    icon = "calendar-alt"
    menu_label = _("Soorten stages")
    list_display = ["name", "abbreviation", "min_duration_days", "max_duration_days", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "abbreviation"]
    inspect_view_enabled = True


register_snippet(TraineeshipTypeViewSet)


# --- Café registrations: the "Inschrijvingen" screen, check-in audit, session links ---
# (imports here rather than at the top: this section is appended to a shared file)
from django.utils.translation import gettext_lazy as _  # noqa: E402
from wagtail import hooks  # noqa: E402
from wagtail.admin.widgets import Button  # noqa: E402

from programmes.models import CafeSessionPage  # noqa: E402
from programmes.registration import fill_free_places  # noqa: E402
from programmes.registration_admin import (  # noqa: E402
    can_see_registrations,
    registration_viewset,
    registrations_index_url,
)


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return registration_viewset


@hooks.register("register_log_actions")
def register_registration_log_actions(actions):
    actions.register_action(
        "programmes.registration.check_in", _("Aanwezig gemeld"), _("Aanwezig gemeld")
    )
    actions.register_action(
        "programmes.registration.undo_check_in",
        _("Aanwezigheid ongedaan gemaakt"),
        _("Aanwezigheid ongedaan gemaakt"),
    )
    actions.register_action(
        "programmes.registration.cancel", _("Inschrijving geannuleerd"), _("Geannuleerd")
    )
    actions.register_action(
        "programmes.registration.promote",
        _("Van de wachtlijst naar een plaats"),
        _("Van de wachtlijst naar een plaats gegaan"),
    )


@hooks.register("register_page_header_buttons")
def registrations_of_session_button(page, user, view_name, next_url=None):
    if not issubclass(page.specific_class or type(page), CafeSessionPage):
        return
    if not can_see_registrations(user):
        return
    yield Button(
        _("Inschrijvingen"),
        registrations_index_url(page),
        icon_name="group",
        priority=68,
    )


@hooks.register("after_publish_page")
def fill_free_places_after_publish(request, page):
    # More places (a raised capacity) go to the waiting list straight away.
    if isinstance(page, CafeSessionPage):
        fill_free_places(page)


# --- Appointments at the contact desk: its schedule, the day's appointments, audit ---
from wagtail.snippets.models import register_snippet as _register_snippet  # noqa: E402

from programmes.appointment_admin import (  # noqa: E402
    appointment_schedule_viewset,
    appointment_viewset,
)

_register_snippet(appointment_schedule_viewset)


@hooks.register("register_admin_viewset")
def register_appointment_viewset():
    return appointment_viewset


@hooks.register("register_log_actions")
def register_appointment_log_actions(actions):
    actions.register_action(
        "programmes.appointment.book", _("Afspraak gemaakt"), _("Afspraak gemaakt")
    )
    actions.register_action(
        "programmes.appointment.cancel", _("Afspraak geannuleerd"), _("Afspraak geannuleerd")
    )
    actions.register_action(
        "programmes.appointment.attended", _("Gekomen"), _("Als gekomen aangeduid")
    )
    actions.register_action(
        "programmes.appointment.missed", _("Niet gekomen"), _("Als niet gekomen aangeduid")
    )


@hooks.register("construct_homepage_panels")
def add_todays_appointments_panel(request, panels):
    from programmes.appointment_admin import todays_appointments_panel

    panel = todays_appointments_panel(request.user)
    if panel is not None:
        panels.append(panel)

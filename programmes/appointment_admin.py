"""The admin's side of the contact desk: its schedule as a snippet, and the day's
appointments, where staff mark each visit attended or missed.

Other apps add actions to an appointment's row through the `register_appointment_buttons`
hook (the intake app's "start an application" lives in `forms`, which may read
appointments; this app may not import it)."""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminDateInput, ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from programmes.admin_denial import action_denied
from programmes.appointments import (
    CancelOutcome,
    can_record_visit,
    cancel,
    desk_time_zone,
    record_visit,
)
from programmes.models import Appointment, AppointmentSchedule

VIEWSET_NAME = "desk_appointments"
BUTTONS_HOOK = "register_appointment_buttons"
Status = Appointment.Status


class AppointmentScheduleViewSet(SnippetViewSet):
    model = AppointmentSchedule
    icon = "time"
    menu_label = _("Agenda van het contactpunt")
    list_display = ["name", "is_published", "slot_minutes", "booking_horizon_days"]
    inspect_view_enabled = False


class AppointmentPermissionPolicy(ModelPermissionPolicy):
    """Appointments are booked through the public form, where a slot is never booked
    twice; staff at the desk use that form for someone on the phone too."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Appointment, AppointmentPermissionPolicy(Appointment))


def appointment_permission_policy():
    return policy_registry.get_by_type(Appointment)


def can_record_visits(user):
    """Marking a visit attended or missed changes the appointment."""
    return appointment_permission_policy().user_has_permission(user, "change")


def can_see_appointments(user):
    return appointment_permission_policy().user_has_any_permission(
        user, ["view", "change", "delete"]
    )


def local_time(value):
    return date_format(timezone.localtime(value, desk_time_zone()), "H:i")


class AppointmentFilterSet(WagtailFilterSet):
    day = django_filters.DateFilter(
        label=_("Dag"),
        field_name="starts_at",
        lookup_expr="date",
        widget=AdminDateInput,
    )

    class Meta:
        model = Appointment
        fields = ["day", "status", "topic", "schedule"]


class VisitColumn(Column):
    """Whether the person came, with buttons to mark it for staff who may."""

    cell_template_name = "programmes/appointment_visit_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        index_url = reverse(f"{VIEWSET_NAME}:index")
        query = request.GET.copy() if request else None
        if query:
            query.pop("_w_filter_fragment", None)
        context.update(
            {
                "csrf_token": get_token(request) if request else "",
                "can_record": request is not None
                and can_record_visits(request.user)
                and can_record_visit(instance),
                "visit_url": reverse(f"{VIEWSET_NAME}:record_visit", args=[instance.pk]),
                "next_url": f"{index_url}?{query.urlencode()}" if query else index_url,
                "is_attended": instance.status == Status.ATTENDED,
                "is_missed": instance.status == Status.MISSED,
            }
        )
        return context


class AppointmentIndexView(generic.IndexView):
    def get_filterset_kwargs(self):
        """The day's appointments unless another day is asked for."""
        kwargs = super().get_filterset_kwargs()
        if "day" not in self.request.GET:
            data = self.request.GET.copy()
            data["day"] = timezone.localdate().isoformat()
            kwargs["data"] = data
        return kwargs

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("schedule")

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if (
            instance.status == Status.BOOKED
            and instance.starts_at > timezone.now()
            and can_record_visits(self.request.user)
        ):
            buttons.append(
                ListingButton(
                    _("Annuleren"),
                    url=reverse(f"{VIEWSET_NAME}:cancel", args=[instance.pk]),
                    icon_name="cross",
                    priority=45,
                )
            )
        for hook in hooks.get_hooks(BUTTONS_HOOK):
            buttons.extend(hook(instance, self.request.user) or [])
        return buttons

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        row["status"] = item.get_status_display()
        row["topic"] = item.get_topic_display()
        row["starts_at"] = timezone.localtime(item.starts_at).strftime("%Y-%m-%d %H:%M")
        return row


class VisitForm(forms.Form):
    status = forms.ChoiceField(choices=[(Status.ATTENDED, ""), (Status.MISSED, "")])
    next = forms.CharField(required=False)


class RecordVisitView(View):
    """POST: mark the appointment attended or missed, then back to the list."""

    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        if not can_record_visits(request.user):
            return action_denied(
                request,
                title=gettext("Je mag geen bezoeken aanduiden"),
                explanation=gettext(
                    "Aanduiden of iemand kwam, wijzigt een afspraak. Vraag een beheerder om je "
                    "het recht te geven om afspraken te wijzigen."
                ),
                back_url=reverse("wagtailadmin_home"),
                back_label=gettext("Terug naar het dashboard"),
            )
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, pk):
        appointment = get_object_or_404(Appointment, pk=pk)
        form = VisitForm(request.POST)
        if not form.is_valid():
            messages.error(request, gettext("Kies „gekomen” of „niet gekomen”."))
        elif appointment.status == Status.CANCELLED:
            messages.error(
                request,
                gettext("%(name)s heeft geannuleerd; er valt niets aan te duiden.")
                % {"name": appointment.name},
            )
        elif not can_record_visit(appointment):
            messages.error(
                request,
                gettext(
                    "De afspraak van %(name)s is pas op %(day)s; duid dan aan of de persoon kwam."
                )
                % {
                    "name": appointment.name,
                    "day": date_format(timezone.localtime(appointment.starts_at), "DATE_FORMAT"),
                },
            )
        elif record_visit(appointment, form.cleaned_data["status"], user=request.user):
            messages.success(
                request,
                gettext("%(name)s: %(status)s.")
                % {"name": appointment.name, "status": appointment.get_status_display()},
            )
        next_url = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = reverse(f"{VIEWSET_NAME}:index")
        return redirect(next_url)


class CancelAppointmentView(WagtailAdminTemplateMixin, TemplateView):
    """Cancel for someone who phones or walks in: GET asks, POST cancels (the person gets
    the cancellation email, and the desk is free again)."""

    template_name = "programmes/appointment_cancel_admin.html"
    page_title = _("Afspraak annuleren")
    header_icon = "date"
    http_method_names = ["get", "post"]

    def dispatch(self, request, pk):
        if not can_record_visits(request.user):
            raise PermissionDenied
        self.appointment = get_object_or_404(Appointment, pk=pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.appointment.name

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "appointment": self.appointment,
            "starts_at": timezone.localtime(self.appointment.starts_at, desk_time_zone()),
            "can_cancel": self.appointment.status == Status.BOOKED
            and self.appointment.starts_at > timezone.now(),
            "index_url": appointments_of_day_url(
                timezone.localtime(self.appointment.starts_at, desk_time_zone()).date()
            ),
        }

    def post(self, request, pk):
        outcome = cancel(self.appointment, user=request.user)
        name = self.appointment.name
        if outcome is CancelOutcome.CANCELLED:
            messages.success(
                request, gettext("De afspraak van %(name)s is geannuleerd.") % {"name": name}
            )
        elif outcome is CancelOutcome.TOO_LATE:
            messages.error(
                request,
                gettext(
                    "De afspraak van %(name)s is al begonnen of voorbij; annuleren kan niet meer."
                )
                % {"name": name},
            )
        return redirect(self.get_context_data()["index_url"])


class AppointmentViewSet(ModelViewSet):
    model = Appointment
    icon = "date"
    menu_label = _("Afspraken")
    menu_order = 255
    add_to_admin_menu = True
    index_view_class = AppointmentIndexView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_per_page = 50
    ordering = ["starts_at", "desk", "pk"]
    list_display = [
        "name",
        Column(
            "starts_at",
            label=_("Uur"),
            accessor=lambda appointment: (
                f"{local_time(appointment.starts_at)}–{local_time(appointment.ends_at)}"
            ),
            sort_key="starts_at",
        ),
        "topic",
        Column("language", label=_("Taal"), accessor="language_name"),
        Column(
            "contact",
            label=_("Contact"),
            accessor=lambda appointment: " · ".join(
                part for part in (appointment.email, appointment.phone) if part
            ),
        ),
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            sort_key="status",
            primary=lambda appointment: appointment.status == Status.ATTENDED,
        ),
        VisitColumn("visit", label=_("Gekomen?")),
    ]
    filterset_class = AppointmentFilterSet
    search_fields = ["name", "email", "phone"]
    list_export = ["starts_at", "name", "email", "phone", "topic", "language", "status", "question"]
    export_headings = {
        "starts_at": _("Begint om"),
        "name": _("Naam"),
        "email": _("E-mailadres"),
        "phone": _("Telefoon"),
        "topic": _("Onderwerp"),
        "language": _("Taal"),
        "status": _("Status"),
        "question": _("Vraag"),
    }
    export_filename = "afspraken"
    form_fields = ["name", "email", "phone", "question"]
    inspect_view_fields = [
        "starts_at",
        "ends_at",
        "desk",
        "name",
        "email",
        "phone",
        "topic",
        "language",
        "email_language",
        "question",
        "status",
        "created_at",
        "status_changed_at",
        "consented_at",
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("visit/<int:pk>/", RecordVisitView.as_view(), name="record_visit"),
            path("cancel/<int:pk>/", CancelAppointmentView.as_view(), name="cancel"),
        ]


appointment_viewset = AppointmentViewSet(VIEWSET_NAME)
appointment_schedule_viewset = AppointmentScheduleViewSet()


class TodaysAppointmentsPanel(Component):
    """The dashboard's "Afspraken vandaag": the day's appointments at the desk, in order,
    with whether each person came, for staff who handle them."""

    name = "todays_appointments"
    template_name = "programmes/appointment_dashboard_panel.html"
    order = 60

    def __init__(self, appointments):
        self.appointments = appointments

    def get_context_data(self, parent_context=None):
        return {
            "appointments": [
                {
                    "appointment": appointment,
                    "time": local_time(appointment.starts_at),
                    "url": reverse(f"{VIEWSET_NAME}:inspect", args=[appointment.pk]),
                }
                for appointment in self.appointments
            ],
            "count": len(self.appointments),
            "index_url": appointments_of_day_url(),
        }


def todays_appointments_panel(user, today=None):
    """The panel for `user`, or None when they do not handle appointments or there are
    none today."""
    if not can_see_appointments(user):
        return None
    today = today or timezone.localdate()
    appointments = list(
        Appointment.objects.filter(starts_at__date=today)
        .exclude(status=Status.CANCELLED)
        .order_by("starts_at", "desk", "pk")
    )
    return TodaysAppointmentsPanel(appointments) if appointments else None


def appointments_of_day_url(day=None):
    day = day or timezone.localdate()
    return f"{reverse(f'{VIEWSET_NAME}:index')}?day={day.isoformat()}"

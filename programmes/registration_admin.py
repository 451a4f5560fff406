"""The admin's registrations screen: attendees per session, the waiting list, check-in
at the door, and exports to CSV and XLSX."""

import datetime

import django_filters
from django.contrib import messages
from django.db.models import Min
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from programmes.admin_denial import action_denied
from programmes.models import CafeSessionPage, Registration
from programmes.registration import canonical_session, check_in, fill_free_places, undo_check_in

VIEWSET_NAME = "registrations"


class RegistrationPermissionPolicy(ModelPermissionPolicy):
    """Nobody adds registrations in the admin: they come in through the public form,
    where the places and the waiting list are kept."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Registration, RegistrationPermissionPolicy(Registration))


def registration_permission_policy():
    return policy_registry.get_by_type(Registration)


def can_check_in(user):
    """Checking people in changes their registration: the model's change permission."""
    return registration_permission_policy().user_has_permission(user, "change")


def can_see_registrations(user):
    return registration_permission_policy().user_has_any_permission(
        user, ["view", "change", "delete"]
    )


def session_label(session):
    starts_at = timezone.localtime(session.starts_at)
    return f"{session.title} – {date_format(starts_at, 'SHORT_DATETIME_FORMAT')}"


def registrations_index_url(session_page):
    """The registrations of a session (any language version of it), in the admin."""
    session = canonical_session(session_page)
    return f"{reverse(f'{VIEWSET_NAME}:index')}?session={session.pk}"


def canonical_sessions(request=None):
    """The sessions registrations point at: the first page of each translation key."""
    first_of_each = (
        CafeSessionPage.objects.order_by()
        .values("translation_key")
        .annotate(first=Min("pk"))
        .values("first")
    )
    return CafeSessionPage.objects.filter(pk__in=first_of_each).order_by("-starts_at")


class SessionChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return session_label(obj)


class SessionFilter(django_filters.ModelChoiceFilter):
    field_class = SessionChoiceField


class RegistrationFilterSet(WagtailFilterSet):
    session = SessionFilter(label=_("Sessie"), queryset=canonical_sessions)
    checked_in = django_filters.BooleanFilter(
        label=_("Aanwezig gemeld"),
        field_name="checked_in_at",
        lookup_expr="isnull",
        exclude=True,
    )

    class Meta:
        model = Registration
        fields = ["status", "session"]

    @classmethod
    def filter_for_lookup(cls, field, lookup_type):
        filter_class, params = super().filter_for_lookup(field, lookup_type)
        if filter_class is django_filters.BooleanFilter:
            from wagtail.admin.widgets import BooleanRadioSelect

            params.setdefault("widget", BooleanRadioSelect)
        return filter_class, params


class CheckInColumn(Column):
    """When the person was checked in, with a button to check in (or undo) for staff
    who may."""

    cell_template_name = "programmes/registration_check_in_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        query = request.GET.copy() if request else {}
        if query:
            query.pop("_w_filter_fragment", None)
        index_url = reverse(f"{VIEWSET_NAME}:index")
        context.update(
            {
                "csrf_token": get_token(request) if request else "",
                "can_check_in": request is not None and can_check_in(request.user),
                "is_cancelled": instance.status == Registration.Status.CANCELLED,
                "check_in_url": reverse(f"{VIEWSET_NAME}:check_in", args=[instance.pk]),
                "next_url": f"{index_url}?{query.urlencode()}" if query else index_url,
                "checked_in_at": (
                    timezone.localtime(instance.checked_in_at) if instance.checked_in_at else None
                ),
            }
        )
        return context


def _local_spreadsheet_datetime(value):
    # Staff read times in Brussels time; a spreadsheet cell has no time zone.
    return timezone.make_naive(value) if timezone.is_aware(value) else value


def _local_text_datetime(value):
    return (
        timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if timezone.is_aware(value) else value
    )


class RegistrationIndexView(generic.IndexView):
    custom_value_preprocess = {
        datetime.datetime: {
            SpreadsheetExportMixin.FORMAT_XLSX: _local_spreadsheet_datetime,
            SpreadsheetExportMixin.FORMAT_CSV: _local_text_datetime,
        },
        **SpreadsheetExportMixin.custom_value_preprocess,
    }

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("session")

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        row["status"] = item.get_status_display()
        row["language"] = item.get_language_display()
        row["session"] = session_label(item.session)
        return row


class RegistrationDeleteView(generic.DeleteView):
    def delete_action(self):
        session = self.object.session
        super().delete_action()
        # A deleted place is a free place: it goes to the waiting list, as with cancelling.
        fill_free_places(session)


class CheckInView(PermissionCheckedMixin, View):
    """POST: check the person in (or, with "undo", take it back) and return to the list."""

    model = Registration
    permission_required = "change"
    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        # A plain 403 with an explanation, rather than Wagtail's redirect to the dashboard:
        # at the door, staff need to know why the button did nothing.
        if not can_check_in(request.user):
            return action_denied(
                request,
                title=gettext("Je mag niemand aanwezig melden"),
                explanation=gettext(
                    "Aanwezig melden wijzigt een inschrijving. Vraag een beheerder om je het "
                    "recht te geven om inschrijvingen te wijzigen."
                ),
                back_url=reverse("registrations:index"),
                back_label=gettext("Terug naar de inschrijvingen"),
            )
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, pk):
        registration = get_object_or_404(Registration.objects.select_related("session"), pk=pk)
        if registration.status == Registration.Status.CANCELLED:
            messages.error(
                request,
                gettext("%(name)s heeft geannuleerd en kan dus niet aanwezig gemeld worden.")
                % {"name": registration.name},
            )
        elif request.POST.get("undo"):
            if undo_check_in(registration, user=request.user):
                messages.success(
                    request,
                    gettext("%(name)s is niet meer aanwezig gemeld.") % {"name": registration.name},
                )
        elif check_in(registration, user=request.user):
            messages.success(
                request,
                gettext("%(name)s is aanwezig gemeld om %(time)s.")
                % {
                    "name": registration.name,
                    "time": date_format(timezone.localtime(registration.checked_in_at), "H:i"),
                },
            )
        else:
            messages.info(
                request,
                gettext("%(name)s was al aanwezig gemeld.") % {"name": registration.name},
            )
        next_url = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = reverse(f"{VIEWSET_NAME}:index")
        return redirect(next_url)


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Inschrijvingen")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = RegistrationIndexView
    delete_view_class = RegistrationDeleteView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_per_page = 50
    ordering = ["created_at", "pk"]  # arrival: the waiting list reads top to bottom
    list_display = [
        "name",
        "email",
        Column(
            "session",
            label=_("Sessie"),
            accessor=lambda registration: session_label(registration.session),
            sort_key="session__starts_at",
        ),
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            sort_key="status",
            primary=lambda registration: registration.status == Registration.Status.CONFIRMED,
        ),
        DateColumn("created_at", label=_("Ingeschreven op"), sort_key="created_at"),
        CheckInColumn("checked_in_at", label=_("Aanwezig"), sort_key="checked_in_at"),
    ]
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email"]
    list_export = [
        "name",
        "email",
        "language",
        "session",
        "status",
        "created_at",
        "checked_in_at",
        "access_needs",
    ]
    export_headings = {
        "name": _("Naam"),
        "email": _("E-mailadres"),
        "language": _("Taal"),
        "session": _("Sessie"),
        "status": _("Status"),
        "created_at": _("Ingeschreven op"),
        "checked_in_at": _("Aanwezig gemeld op"),
        "access_needs": _("Toegankelijkheid"),
    }
    export_filename = "inschrijvingen"
    form_fields = ["name", "language", "access_needs"]
    inspect_view_fields = [
        "name",
        "email",
        "language",
        "session",
        "status",
        "access_needs",
        "consented_at",
        "created_at",
        "status_changed_at",
        "checked_in_at",
    ]

    @property
    def check_in_view(self):
        return CheckInView.as_view()

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("check-in/<int:pk>/", self.check_in_view, name="check_in"),
        ]


registration_viewset = RegistrationViewSet(VIEWSET_NAME)

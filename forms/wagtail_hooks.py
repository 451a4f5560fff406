"""Admin wiring of the intake: privacy notices as snippets, and submitted applications.

Applications come in only through the wizard and are never deleted here (erasure has its
own procedure); staff with the change permission may correct the contact details.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from forms.models import Application, PrivacyNotice


class PrivacyNoticeViewSet(SnippetViewSet):
    model = PrivacyNotice
    icon = "lock"
    menu_label = _("Privacyverklaringen")
    list_display = ["title", "version", "in_force_from", "requires_consent", "locale"]
    list_filter = ["locale"]
    inspect_view_enabled = True


register_snippet(PrivacyNoticeViewSet)


class ApplicationPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Application, ApplicationPermissionPolicy(Application))


class ApplicationViewSet(ModelViewSet):
    model = Application
    icon = "form"
    menu_label = _("Aanmeldingen")
    add_to_admin_menu = False
    menu_order = 210
    list_display = ["reference", "full_name", "programme", "submitted_at", "eligible"]
    list_filter = ["programme", "eligible"]
    search_fields = ["reference", "first_name", "last_name", "email"]
    ordering = ["-submitted_at"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["first_name", "last_name", "email", "phone"]
    inspect_view_fields = [
        "reference",
        "programme",
        "first_name",
        "last_name",
        "email",
        "phone",
        "preferred_language",
        "submitted_at",
        "eligible",
        "privacy_notice_version",
        "form_version",
    ]


application_viewset = ApplicationViewSet("applications")


@hooks.register("register_admin_viewset")
def register_application_viewset():
    return application_viewset


# --- Contact-desk appointments: start an application draft for the visitor -------------
from django.urls import path, reverse  # noqa: E402
from wagtail.admin.widgets import ListingButton  # noqa: E402

from forms.appointment_draft_views import AppointmentDraftView  # noqa: E402
from forms.appointment_drafts import LOG_ACTION  # noqa: E402
from programmes.appointment_admin import BUTTONS_HOOK, can_record_visits  # noqa: E402
from programmes.models import Appointment  # noqa: E402


@hooks.register("register_admin_urls")
def register_appointment_draft_url():
    return [
        path(
            "appointments/<int:pk>/application/",
            AppointmentDraftView.as_view(),
            name="appointment_application_draft",
        )
    ]


@hooks.register(BUTTONS_HOOK)
def appointment_draft_button(appointment, user):
    if appointment.status == Appointment.Status.CANCELLED or not can_record_visits(user):
        return []
    return [
        ListingButton(
            _("Aanmelding starten"),
            url=reverse("appointment_application_draft", args=[appointment.pk]),
            icon_name="form",
            priority=40,
        )
    ]


@hooks.register("register_log_actions")
def register_appointment_draft_log_action(actions):
    actions.register_action(LOG_ACTION, _("Aanmelding gestart"), _("Aanmelding gestart"))


@hooks.register("register_log_actions")
def register_referral_log_actions(actions):
    actions.register_action(
        "forms.referral.create", _("Kandidaat doorverwezen"), _("Kandidaat doorverwezen")
    )
    actions.register_action(
        "forms.referral.confirm",
        _("Doorverwijzing bevestigd door de kandidaat"),
        _("Doorverwijzing bevestigd door de kandidaat"),
    )
    actions.register_action(
        "forms.referral.decline",
        _("Doorverwijzing geweigerd door de kandidaat"),
        _("Doorverwijzing geweigerd door de kandidaat"),
    )
    actions.register_action(
        "forms.referral.sharing",
        _("Delen met de verwijzer gewijzigd door de kandidaat"),
        _("Delen met de verwijzer gewijzigd door de kandidaat"),
    )
    actions.register_action(
        "forms.referral.withdraw",
        _("Doorverwijzing ingetrokken door de verwijzer"),
        _("Doorverwijzing ingetrokken door de verwijzer"),
    )

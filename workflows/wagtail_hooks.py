"""Admin wiring of the workflows app: participants' requests to erase their data; cases,
the reviewers' dashboard, workflows and who works on which programme."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from forms.models import Application
from programmes.models import CafeSessionPage
from workflows import retention
from workflows.certificate_admin import certificate_viewset, may_start_session_run
from workflows.models import DataErasureRequest
from workflows.permissions import is_programme_manager
from workflows.report_admin import OutcomeReportView


class DataErasureRequestPermissionPolicy(ModelPermissionPolicy):
    """Requests come from participants in their portal; nobody adds them in the admin, and
    nobody deletes one: it is the record that the person asked."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)


erasure_policy = DataErasureRequestPermissionPolicy(DataErasureRequest)
register_permission_policy(DataErasureRequest, erasure_policy)


class DataErasureRequestFilterSet(WagtailFilterSet):
    open = django_filters.BooleanFilter(
        field_name="handled_at", lookup_expr="isnull", label=_("Nog niet afgehandeld")
    )

    class Meta:
        model = DataErasureRequest
        fields = []


class DataErasureRequestInspectView(generic.InspectView):
    template_name = "workflows/admin/erasure_request.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.object
        context["may_carry_out"] = (
            request.handled_at is None
            and request.user_id is not None
            and erasure_policy.user_has_permission(self.request.user, "change")
        )
        context["open_cases"] = Application.objects.filter(
            applicant_id=request.user_id, anonymised_at__isnull=True
        ).count()
        context["carry_out_url"] = reverse("data_erasure_requests:carry_out", args=[request.pk])
        return context


class CarryOutErasureView(View):
    """POST: carry out a request at once (`workflows.retention.finish_erasure`)."""

    http_method_names = ["post"]

    def post(self, request, pk):
        if not erasure_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        erasure_request = get_object_or_404(DataErasureRequest, pk=pk)
        if erasure_request.handled_at is not None:
            messages.info(request, gettext("Dit verzoek was al afgehandeld."))
        else:
            retention.finish_erasure(erasure_request, by=request.user)
            messages.success(
                request,
                gettext(
                    "Alle gegevens van deze persoon zijn gewist en het verzoek is afgehandeld. "
                    "De persoon krijgt een laatste e-mail."
                ),
            )
        return redirect("data_erasure_requests:inspect", pk)


class DataErasureRequestViewSet(ModelViewSet):
    model = DataErasureRequest
    icon = "bin"
    menu_label = _("Verzoeken om gegevens te wissen")
    add_to_admin_menu = True
    menu_order = 290
    list_display = ["user", "requested_at", "handled_at"]
    filterset_class = DataErasureRequestFilterSet
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    ordering = ["handled_at", "requested_at"]
    # Staff record when and how a request was handled; what was asked stays as it was.
    form_fields = ["handled_at", "note"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["user", "requested_at", "handled_at", "note", "confirmation_sent_at"]
    list_export = ["requested_at", "handled_at", "note"]
    inspect_view_class = DataErasureRequestInspectView

    @property
    def carry_out_view(self):
        return CarryOutErasureView.as_view()

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/uitvoeren/", self.carry_out_view, name="carry_out"),
        ]


data_erasure_request_viewset = DataErasureRequestViewSet("data_erasure_requests")


@hooks.register("register_admin_viewset")
def register_data_erasure_request_viewset():
    return data_erasure_request_viewset


@hooks.register("register_log_actions")
def register_portal_log_actions(actions):
    actions.register_action(
        "workflows.erasure_request.create",
        _("Verzoek om gegevens te wissen"),
        _("Verzoek om gegevens te wissen ingediend"),
    )
    actions.register_action(
        "workflows.erasure_request.handle",
        _("Verzoek om gegevens te wissen uitgevoerd"),
        _("Verzoek om gegevens te wissen uitgevoerd"),
    )


# --- Case handling: the cases listing and case page, the dashboard, workflows and scopes ---
# (imports here rather than at the top: this section is appended to a shared file)
from workflows.admin_views import case_viewset, waiting_for_you_panel  # noqa: E402
from workflows.workflow_admin import CaseAdministrationGroup  # noqa: E402


@hooks.register("register_admin_viewset")
def register_case_viewset():
    return case_viewset


@hooks.register("register_admin_viewset")
def register_case_administration():
    return CaseAdministrationGroup()


@hooks.register("construct_homepage_panels")
def add_waiting_for_you_panel(request, panels):
    panel = waiting_for_you_panel(request)
    if panel is not None:
        panels.append(panel)


@hooks.register("register_log_actions")
def register_case_log_actions(actions):
    actions.register_action(
        "workflows.case.transition",
        _("Stap in een dossier"),
        _("Stap in het dossier gezet"),
    )
    actions.register_action(
        "workflows.case.coaching",
        _("Coachingsessie genoteerd"),
        _("Coachingsessie genoteerd of aangepast"),
    )
    actions.register_action(
        "workflows.case.anonymise",
        _("Persoonsgegevens gewist"),
        _("Persoonsgegevens van het dossier gewist"),
    )
    actions.register_action(
        "workflows.case.view",
        _("Dossier geopend"),
        _("Dossier geopend"),
    )
    actions.register_action(
        "workflows.proposal.identity_revealed",
        _("Identiteit getoond aan de werkgever"),
        _("Naam en contactgegevens van de kandidaat getoond aan de werkgever"),
    )
    actions.register_action(
        "workflows.case.document",
        _("Document van een dossier gedownload"),
        _("Document gedownload"),
    )


# --- Certificates ------------------------------------------------------------------------


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return certificate_viewset


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions):
    actions.register_action(
        "workflows.certificate.revoke",
        _("Certificaat ingetrokken"),
        _("Certificaat ingetrokken"),
    )
    actions.register_action(
        "workflows.certificate.reissue",
        _("Verbeterd certificaat uitgereikt"),
        _("Verbeterd certificaat uitgereikt"),
    )
    actions.register_action(
        "workflows.certificate.download",
        _("Certificaat gedownload door een medewerker"),
        _("Certificaat gedownload"),
    )


@hooks.register("register_page_header_buttons")
def certificate_button_for_sessions(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, CafeSessionPage) and may_start_session_run(user):
        yield Button(
            _("Certificaten uitreiken"),
            url=reverse(f"{certificate_viewset.name}:session", args=[page.pk]),
            icon_name="doc-full-inverse",
            priority=80,
        )


# --- Outcome reports ---------------------------------------------------------------------


class OutcomeReportMenuItem(MenuItem):
    def is_shown(self, request):
        return is_programme_manager(request.user)


@hooks.register("register_admin_urls")
def register_outcome_report_url():
    return [path("rapporten/resultaten/", OutcomeReportView.as_view(), name="outcome_report")]


@hooks.register("register_reports_menu_item")
def register_outcome_report_menu_item():
    return OutcomeReportMenuItem(
        _("Resultaten voor financiers"),
        reverse("outcome_report"),
        icon_name="table",
        order=50,
    )


# --- Partner accounts: referrers and employers --------------------------------------------
from workflows.partner_account_admin import partner_account_viewset  # noqa: E402


@hooks.register("register_admin_viewset")
def register_partner_account_viewset():
    return partner_account_viewset


@hooks.register("register_log_actions")
def register_partner_account_log_actions(actions):
    actions.register_action(
        "workflows.partner_account.invited_again",
        _("Opnieuw uitgenodigd"),
        _("Nieuwe uitnodiging verstuurd"),
    )

"""Admin wiring of the workflows app: participants' requests to erase their data."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from workflows.models import DataErasureRequest


class DataErasureRequestPermissionPolicy(ModelPermissionPolicy):
    """Requests come from participants in their portal; nobody adds them in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)


register_permission_policy(
    DataErasureRequest, DataErasureRequestPermissionPolicy(DataErasureRequest)
)


class DataErasureRequestFilterSet(WagtailFilterSet):
    open = django_filters.BooleanFilter(
        field_name="handled_at", lookup_expr="isnull", label=_("Nog niet afgehandeld")
    )

    class Meta:
        model = DataErasureRequest
        fields = []


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
    inspect_view_enabled = True
    inspect_view_fields = ["user", "requested_at", "handled_at", "note", "confirmation_sent_at"]
    list_export = ["requested_at", "handled_at", "note"]

    def get_queryset(self, request):
        return DataErasureRequest.objects.select_related("user")


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

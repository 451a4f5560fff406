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

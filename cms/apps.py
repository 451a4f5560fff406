"""The cms app: users, site pages, contact desk settings and search."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Website")

    def ready(self):
        from cms import checks  # noqa: F401 (registers the system checks)
        from cms.site_cache import connect_signals

        connect_signals()


class OpstapUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with the forms of the custom user (preferred language)."""

    user_viewset = "cms.viewsets.UserViewSet"

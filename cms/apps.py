"""The cms app: users, site pages, contact desk settings and search."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class CmsConfig(AppConfig):
    # Two configs live here; without this Django would use a plain AppConfig for "cms"
    # and ready() below would never run.
    default = True
    name = "cms"
    verbose_name = _("Website")

    def ready(self):
        from cms import checks  # noqa: F401 (registers the system checks)
        from cms.http_cache.receivers import connect_signals as connect_http_cache
        from cms.site_cache import connect_signals

        connect_signals()
        connect_http_cache()


class OpstapUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with the forms of the custom user (preferred language)."""

    user_viewset = "cms.viewsets.UserViewSet"

"""The cms app: users, site pages, contact desk settings and search."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Website")

    def ready(self):
        from cms import checks  # noqa: F401 (registers the system checks)

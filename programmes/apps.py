from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programma's")

    def ready(self):
        from programmes.receivers import connect_signals

        connect_signals()

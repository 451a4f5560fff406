from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    name = "workflows"
    verbose_name = _("Dossiers")

    def ready(self):
        from forms.signals import application_submitted
        from workflows.receivers import open_case_for_application

        application_submitted.connect(
            open_case_for_application, dispatch_uid="workflows.open_case_for_application"
        )

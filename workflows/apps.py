from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    name = "workflows"
    verbose_name = _("Dossiers")

    def ready(self):
        from django.db.models.signals import post_save

        from forms.signals import application_submitted
        from workflows.models import ProgrammeWorkflow
        from workflows.receivers import open_case_for_application, open_cases_on_assignment

        application_submitted.connect(
            open_case_for_application, dispatch_uid="workflows.open_case_for_application"
        )
        post_save.connect(
            open_cases_on_assignment,
            sender=ProgrammeWorkflow,
            dispatch_uid="workflows.open_cases_on_assignment",
        )

"""Where workflows listens to the apps upstream: a submitted application opens a case."""

import logging

from django.db import transaction

from workflows.engine import NoWorkflow, open_case, open_missing_cases

logger = logging.getLogger(__name__)


def open_case_for_application(sender, application, **kwargs):
    # Runs inside the submit's transaction: the application and its case are saved
    # together or not at all.
    try:
        open_case(application)
    except NoWorkflow:
        # The application is kept; staff see it without a case and assign a workflow.
        logger.warning(
            "Programme %s has no workflow: application %s has no case.",
            application.programme_id,
            application.reference,
        )


def open_cases_on_assignment(sender, instance, raw=False, **kwargs):
    # A programme that just got a workflow: its applications that waited get their case.
    # Not while loading data as it is (fixtures, a restored snapshot): nothing waited.
    if raw:
        return
    programme_id = instance.programme_id
    transaction.on_commit(lambda: open_missing_cases(programme_id))

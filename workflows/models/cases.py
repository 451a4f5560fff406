"""Cases: one application on its way through a workflow, with its history; and which
programmes each reviewer works on."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Case(models.Model):
    """An application's journey. Only `workflows.engine` changes `state`."""

    application = models.OneToOneField(
        "forms.Application", on_delete=models.PROTECT, related_name="case"
    )
    # The application's programme, kept here so that scoping a reviewer is one filter.
    programme = models.ForeignKey(
        "programmes.ProgrammePage",
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("programma"),
    )
    workflow_version = models.ForeignKey(
        "workflows.WorkflowVersion", on_delete=models.PROTECT, related_name="cases"
    )
    state = models.CharField(_("toestand"), max_length=50, db_index=True)
    previous_state = models.CharField(max_length=50, blank=True, editable=False)
    state_entered_at = models.DateTimeField(_("in deze toestand sinds"), default=timezone.now)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_cases",
        verbose_name=_("begeleider"),
    )
    opened_at = models.DateTimeField(_("geopend op"), default=timezone.now)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["state_entered_at", "pk"]
        indexes = [
            models.Index(fields=["programme", "state", "state_entered_at"]),
            # The listing's and the worklist's order: the first page of 50,000 cases
            # without sorting them all.
            models.Index(fields=["state_entered_at", "id"], name="case_longest_waiting"),
        ]

    def __str__(self):
        return f"{self.application.reference}"

    @property
    def definition(self):
        return self.workflow_version.parsed()

    @property
    def current_state(self):
        return self.definition.state(self.state)


class CaseEvent(models.Model):
    """One step in a case's history: who did what, when, from where to where, and why."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    transition = models.CharField(max_length=50, blank=True)  # "" for the opening event
    from_state = models.CharField(max_length=50, blank=True)
    to_state = models.CharField(max_length=50)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(default=timezone.now, db_index=True)
    comment = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    effects_done = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        verbose_name = _("stap in het dossier")
        verbose_name_plural = _("stappen in het dossier")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.case}: {self.transition or 'open'} → {self.to_state}"


class ProgrammeScope(models.Model):
    """A reviewer works on a programme: they see its cases and nothing else."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="programme_scopes",
        verbose_name=_("medewerker"),
    )
    programme = models.ForeignKey(
        "programmes.ProgrammePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("programma"),
    )

    class Meta:
        verbose_name = _("programma van een medewerker")
        verbose_name_plural = _("programma's van medewerkers")
        constraints = [
            models.UniqueConstraint(fields=["user", "programme"], name="one_scope_per_programme")
        ]

    def __str__(self):
        return f"{self.user} – {self.programme}"

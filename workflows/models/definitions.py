"""Workflow definitions as programme managers edit them, their frozen versions, and which
programme follows which workflow."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from workflows import definitions

STATE_KIND_CHOICES = [
    (definitions.START, _("begin")),
    (definitions.ACTIVE, _("lopend")),
    (definitions.SUCCESS, _("geslaagd einde")),
    (definitions.CLOSED, _("afgesloten")),
]


class Workflow(ClusterableModel):
    """A case workflow: states and the transitions between them.

    Saving makes a new version when the definition changed; running cases keep theirs.
    """

    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("sleutel"), unique=True)
    description = models.TextField(_("uitleg"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        InlinePanel("states", heading=_("Toestanden"), label=_("toestand")),
        InlinePanel("transitions", heading=_("Overgangen"), label=_("overgang")),
        InlinePanel("programmes", heading=_("Programma's"), label=_("programma")),
    ]

    class Meta:
        verbose_name = _("workflow")
        verbose_name_plural = _("workflows")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def as_definition(self):
        """This workflow as definition data (the JSON export)."""
        return {
            "name": self.name,
            "states": [state.as_data() for state in self.states.all()],
            "transitions": [transition.as_data() for transition in self.transitions.all()],
        }

    def current_version(self):
        """The latest frozen version, made now if the definition changed since."""
        data = self.as_definition()
        with transaction.atomic():
            latest = self.versions.select_for_update().order_by("-number").first()
            if latest is not None and latest.definition == data:
                return latest
            return self.versions.create(
                number=(latest.number + 1) if latest else 1, definition=data
            )


def _keys(text):
    return [part.strip() for part in (text or "").split(",") if part.strip()]


class WorkflowState(Orderable):
    workflow = ParentalKey(Workflow, on_delete=models.CASCADE, related_name="states")
    key = models.SlugField(_("sleutel"), max_length=50)
    kind = models.CharField(_("soort"), max_length=10, choices=STATE_KIND_CHOICES)
    staff_name = models.CharField(_("naam voor medewerkers"), max_length=120)
    applicant_name = models.CharField(
        _("naam voor de deelnemer"),
        max_length=120,
        blank=True,
        help_text=_("Zo ziet de deelnemer deze stap op de persoonlijke pagina."),
    )
    applicant_description = models.CharField(
        _("uitleg voor de deelnemer"),
        max_length=255,
        blank=True,
        help_text=_("Wat er nu gebeurt, in één zin."),
    )
    enrolled = models.BooleanField(
        _("ingestapt"),
        default=False,
        help_text=_(
            "Aan: wie deze toestand bereikt, telt in de rapporten als deelnemer van het "
            "programma (bijvoorbeeld de intake na de screening)."
        ),
    )

    reveals_identity = models.BooleanField(
        _("toont de identiteit aan de werkgever"),
        default=False,
        help_text=_(
            "Aan: vanaf deze toestand ziet de werkgever aan wie het dossier is voorgesteld "
            "de naam en de contactgegevens van de kandidaat (bijvoorbeeld na het open "
            "gesprek). Daarvoor ziet de werkgever alleen het blind profiel."
        ),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("toestand")
        verbose_name_plural = _("toestanden")
        constraints = [models.UniqueConstraint(fields=["workflow", "key"], name="state_key_unique")]

    def __str__(self):
        return self.staff_name

    def as_data(self):
        data = {
            "key": self.key,
            "kind": self.kind,
            "staff_name": self.staff_name,
            "applicant_name": self.applicant_name,
            "applicant_description": self.applicant_description,
            "enrolled": self.enrolled,
        }
        # Only when set: definitions from before employers saw identities stay equal, so
        # saving them makes no new version.
        if self.reveals_identity:
            data["reveals_identity"] = True
        return data


class WorkflowTransition(Orderable, ClusterableModel):
    workflow = ParentalKey(Workflow, on_delete=models.CASCADE, related_name="transitions")
    key = models.SlugField(_("sleutel"), max_length=50)
    staff_name = models.CharField(_("naam voor medewerkers"), max_length=120)
    applicant_name = models.CharField(
        _("naam voor de deelnemer"),
        max_length=120,
        blank=True,
        help_text=_("Leeg: de deelnemer ziet deze stap niet in de tijdlijn."),
    )
    from_states = models.CharField(
        _("vanuit toestanden"),
        max_length=500,
        help_text=_("Sleutels van toestanden, met komma's gescheiden."),
    )
    to_state = models.CharField(
        _("naar toestand"),
        max_length=50,
        blank=True,
        help_text=_(
            "Sleutel van de nieuwe toestand. Leeg: de toestand blijft (een notitie). "
            "@previous: terug naar de vorige toestand."
        ),
    )
    groups = ParentalManyToManyField(Group, verbose_name=_("groepen"), blank=True)
    form = models.CharField(_("formulier"), max_length=50, blank=True)
    effects = models.CharField(
        _("gevolgen"), max_length=255, blank=True, help_text=_("Met komma's gescheiden.")
    )
    guards = models.CharField(
        _("extra voorwaarden"), max_length=255, blank=True, help_text=_("Met komma's gescheiden.")
    )
    is_exit = models.BooleanField(
        _("uitweg"),
        default=False,
        help_text=_(
            "Aan: een uitweg die bijna altijd kan (stopzetten, pauzeren); zet het dossier "
            "niet op iemands werklijst."
        ),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("overgang")
        verbose_name_plural = _("overgangen")
        constraints = [
            models.UniqueConstraint(fields=["workflow", "key"], name="transition_key_unique")
        ]

    def __str__(self):
        return self.staff_name

    def as_data(self):
        return {
            "key": self.key,
            "staff_name": self.staff_name,
            "applicant_name": self.applicant_name,
            "from_states": _keys(self.from_states),
            "to_state": self.to_state,
            "groups": sorted(group.name for group in self.groups.all()),
            "form": self.form,
            "effects": _keys(self.effects),
            "guards": _keys(self.guards),
            "exit": self.is_exit,
        }


class WorkflowVersion(models.Model):
    """A workflow's definition frozen at one moment; cases point here, never at the
    editable definition, so editing a workflow never changes a running case."""

    workflow = models.ForeignKey(Workflow, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    definition = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("workflowversie")
        verbose_name_plural = _("workflowversies")
        constraints = [
            models.UniqueConstraint(fields=["workflow", "number"], name="workflow_version_unique")
        ]

    def __str__(self):
        return f"{self.workflow} v{self.number}"

    def parsed(self):
        cached = getattr(self, "_parsed", None)
        if cached is None:
            cached = self._parsed = definitions.parse(self.definition)
        return cached


class ProgrammeWorkflow(Orderable):
    """Which workflow a programme's new cases follow (like Wagtail's WorkflowPage)."""

    workflow = ParentalKey(Workflow, on_delete=models.CASCADE, related_name="programmes")
    programme = models.OneToOneField(
        "programmes.ProgrammePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("programma"),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("programma met deze workflow")
        verbose_name_plural = _("programma's met deze workflow")

    def __str__(self):
        return f"{self.programme} → {self.workflow}"

    def clean(self):
        super().clean()
        if (
            self.programme_id
            and self.programme.pk
            != self.programme.get_translations(inclusive=True)
            .order_by("pk")
            .values_list("pk", flat=True)
            .first()
        ):
            raise ValidationError(
                {"programme": _("Kies het programma in de brontaal (Nederlands).")}
            )

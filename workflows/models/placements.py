"""What a case leads to: traineeships and placements in work, recorded by transitions."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from programmes.choices import EQFLevel


class Traineeship(models.Model):
    case = models.ForeignKey(
        "workflows.Case", on_delete=models.CASCADE, related_name="traineeships"
    )
    traineeship_type = models.ForeignKey(
        "programmes.TraineeshipType", on_delete=models.PROTECT, verbose_name=_("soort stage")
    )
    employer = models.ForeignKey(
        "programmes.PartnerPage", on_delete=models.PROTECT, verbose_name=_("werkgever")
    )
    starts_on = models.DateField(_("begint op"))
    ends_on = models.DateField(_("eindigt op"))
    completed = models.BooleanField(_("voltooid"), default=False)

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_on__lte=models.F("ends_on")),
                name="traineeship_starts_before_it_ends",
            )
        ]

    def __str__(self):
        return f"{self.traineeship_type} – {self.employer}"

    @property
    def duration_days(self):
        return (self.ends_on - self.starts_on).days + 1


class Placement(models.Model):
    class ContractType(models.TextChoices):
        PERMANENT = "permanent", _("vast contract")
        FIXED_TERM = "fixed_term", _("contract van bepaalde duur")
        OCMW_EMPLOYMENT = "ocmw_employment", _("tewerkstelling via het OCMW (artikel 60)")
        WORKPLACE_LEARNING = "workplace_learning", _("werkplekleren")
        TEMP_WORK = "temp_work", _("uitzendwerk")

    case = models.ForeignKey("workflows.Case", on_delete=models.CASCADE, related_name="placements")
    employer = models.ForeignKey(
        "programmes.PartnerPage", on_delete=models.PROTECT, verbose_name=_("werkgever")
    )
    job_title = models.CharField(_("functie"), max_length=120)
    contract_type = models.CharField(
        _("soort contract"), max_length=30, choices=ContractType.choices
    )
    starts_on = models.DateField(_("begint op"))
    job_eqf_level = models.PositiveSmallIntegerField(
        _("niveau van de job"), choices=EQFLevel.choices, null=True, blank=True
    )
    # Work at their level: the job's EQF level is at least the diploma's.
    at_level = models.BooleanField(_("werk op niveau"), null=True)
    ended_on = models.DateField(
        _("job beëindigd op"), null=True, blank=True, help_text=_("Leeg: de job loopt nog.")
    )

    class Meta:
        verbose_name = _("plaatsing")
        verbose_name_plural = _("plaatsingen")
        ordering = ["starts_on"]

    def __str__(self):
        return f"{self.job_title} – {self.employer}"

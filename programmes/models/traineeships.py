"""Kinds of work-based learning, with the durations Flemish rules allow."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin


class TraineeshipType(TranslatableMixin, models.Model):
    """A kind of traineeship (IBO, BIS, ...), kept as data: the rules change over time."""

    name = models.CharField(_("naam"), max_length=120)
    abbreviation = models.CharField(
        _("afkorting"), max_length=20, blank=True, help_text=_("Bijvoorbeeld IBO of BIS.")
    )
    description = models.TextField(_("uitleg"), blank=True)
    min_duration_days = models.PositiveSmallIntegerField(_("minimale duur (dagen)"), default=1)
    max_duration_days = models.PositiveSmallIntegerField(_("maximale duur (dagen)"))
    employment_after = models.BooleanField(
        _("gevolgd door een aanwerving"),
        default=False,
        help_text=_("De werkgever neemt de deelnemer daarna in dienst."),
    )
    paid = models.BooleanField(_("vergoed"), default=False)

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("soort stage")
        verbose_name_plural = _("soorten stages")
        ordering = ["max_duration_days", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_duration_days__lte=models.F("max_duration_days")),
                name="traineeship_type_min_not_above_max",
            ),
            models.CheckConstraint(
                condition=models.Q(min_duration_days__gte=1), name="traineeship_type_min_positive"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name

    def clean(self):
        super().clean()
        if (
            self.min_duration_days is not None
            and self.max_duration_days is not None
            and self.min_duration_days > self.max_duration_days
        ):
            raise ValidationError(
                {
                    "max_duration_days": _(
                        "De maximale duur moet minstens even lang zijn als de minimale duur."
                    )
                }
            )

    @property
    def duration_in_weeks(self):
        """(minimum, maximum) in whole weeks, for durations people count in weeks."""
        return self.min_duration_days // 7, self.max_duration_days // 7

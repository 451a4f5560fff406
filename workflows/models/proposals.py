"""Proposals: a matchmaking candidate put forward for one employer's vacancy, and what the
employer did with it (the open interview without a CV, its outcome, a hire)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Proposal(models.Model):
    """One candidate (a case) proposed for one vacancy.

    Written only by the transitions of `workflows.engine` (their forms and follow-up), so
    that every step is also in the case history. A case has at most one open proposal:
    its state (proposed, open interview, visit or trial, hired) is the state of that
    proposal, and an employer's outcome moves the whole case.
    """

    class Outcome(models.TextChoices):
        WORKPLACE_VISIT = "workplace_visit", _("uitgenodigd voor een bezoek op de werkplek")
        TRIAL = "trial", _("uitgenodigd voor een proefperiode")
        NOT_RETAINED = "not_retained", _("niet weerhouden")

    class Reason(models.TextChoices):
        LANGUAGE = "language", _("taal")
        EXPERIENCE = "experience", _("ervaring")
        AVAILABILITY = "availability", _("beschikbaarheid")
        MOBILITY = "mobility", _("vervoer of afstand")
        OTHER = "other", _("andere reden")

    RETAINED = (Outcome.WORKPLACE_VISIT, Outcome.TRIAL)

    case = models.ForeignKey("workflows.Case", on_delete=models.CASCADE, related_name="proposals")
    # The source (Dutch) vacancy page; its translations share its translation key.
    vacancy = models.ForeignKey(
        "programmes.VacancyPage",
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("vacature"),
    )
    proposed_at = models.DateTimeField(_("voorgesteld op"), default=timezone.now)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("voorgesteld door"),
    )
    interview_planned_at = models.DateTimeField(_("gesprek ingepland op"), null=True, blank=True)
    interview_on = models.DateField(_("datum van het gesprek"), null=True, blank=True)
    outcome = models.CharField(
        _("uitkomst van het open gesprek"), max_length=20, choices=Outcome.choices, blank=True
    )
    reason = models.CharField(_("reden"), max_length=20, choices=Reason.choices, blank=True)
    reason_details = models.TextField(_("toelichting"), blank=True)
    outcome_at = models.DateTimeField(_("uitkomst geregistreerd op"), null=True, blank=True)
    outcome_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uitkomst geregistreerd door"),
    )
    hired_at = models.DateTimeField(_("aangeworven op"), null=True, blank=True)
    identity_revealed_at = models.DateTimeField(
        _("identiteit getoond aan de werkgever op"), null=True, blank=True
    )
    # Set when the proposal no longer waits for the employer: not retained, no match after
    # the visit, proposed elsewhere instead, or the case closed.
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)

    class Meta:
        verbose_name = _("voorstel aan een werkgever")
        verbose_name_plural = _("voorstellen aan werkgevers")
        ordering = ["-proposed_at", "-pk"]
        constraints = [
            # One case state for the whole case: two open proposals would let one
            # employer's outcome move a case another employer is still considering.
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(closed_at__isnull=True),
                name="one_open_proposal_per_case",
            ),
            models.CheckConstraint(
                condition=Q(outcome="", outcome_at__isnull=True)
                | (~Q(outcome="") & Q(outcome_at__isnull=False)),
                name="proposal_outcome_has_a_moment",
            ),
            models.CheckConstraint(
                condition=~Q(outcome="not_retained") | Q(closed_at__isnull=False),
                name="proposal_not_retained_is_closed",
            ),
            models.CheckConstraint(
                condition=Q(reason="") | Q(outcome="not_retained"),
                name="proposal_reason_only_when_not_retained",
            ),
        ]
        indexes = [models.Index(fields=["vacancy", "closed_at"])]

    def __str__(self):
        return f"{self.case} → {self.vacancy.title}"

    @property
    def is_open(self):
        return self.closed_at is None

    @property
    def was_invited(self):
        """The employer kept the blind-hiring commitment: the candidate was invited to
        (or already had) the open interview."""
        return self.interview_planned_at is not None or bool(self.outcome)

    @property
    def identity_shown(self):
        """Whether the employer may see who the candidate is now: from the step the
        workflow reveals it, while the proposal runs or after a hire."""
        return self.identity_revealed_at is not None and (
            self.closed_at is None or self.hired_at is not None
        )

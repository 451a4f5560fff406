"""The coaching log: sessions a coach held, individually or in a group, on cases."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class CoachingTopic(models.TextChoices):
    INTERVIEW = "interview", _("sollicitatiegesprek oefenen")
    PRESENTING = "presenting", _("jezelf voorstellen")
    APPLICATION = "application", _("sollicitatiebrief of cv schrijven")
    SOCIETY = "society", _("wegwijs in de samenleving")
    LANGUAGE = "language", _("taal oefenen")
    NETWORK = "network", _("netwerken")
    ORIENTATION = "orientation", _("loopbaan en beroepskeuze")
    OTHER = "other", _("iets anders")


class CoachingSession(models.Model):
    """One session, recorded once: a group session lists all its participants, and
    appears on each of their cases. The note is for staff only."""

    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", _("individueel")
        GROUP = "group", _("in groep")

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="coaching_sessions",
        verbose_name=_("coach"),
    )
    held_on = models.DateField(_("datum"), db_index=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duur in minuten"), validators=[MinValueValidator(5), MaxValueValidator(480)]
    )
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    # The topics, as CoachingTopic values (several per session).
    topics = models.JSONField(_("onderwerpen"), default=list)
    note = models.TextField(_("notitie voor medewerkers"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("coachingsessie")
        verbose_name_plural = _("coachingsessies")
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(duration_minutes__gte=5, duration_minutes__lte=480),
                name="coaching_session_duration_5_to_480_minutes",
            )
        ]

    def __str__(self):
        return f"{self.held_on:%Y-%m-%d} {self.get_kind_display()}"

    @property
    def topic_labels(self):
        labels = dict(CoachingTopic.choices)
        return [labels.get(topic, topic) for topic in self.topics]


class CoachingParticipant(models.Model):
    """A case in a session, and whether the participant came."""

    session = models.ForeignKey(
        CoachingSession, on_delete=models.CASCADE, related_name="participants"
    )
    case = models.ForeignKey("workflows.Case", on_delete=models.CASCADE, related_name="coaching")
    attended = models.BooleanField(_("aanwezig"), default=True)

    class Meta:
        verbose_name = _("deelnemer aan een coachingsessie")
        verbose_name_plural = _("deelnemers aan coachingsessies")
        constraints = [
            models.UniqueConstraint(fields=["session", "case"], name="one_place_per_session")
        ]

    def __str__(self):
        return f"{self.session} – {self.case}"

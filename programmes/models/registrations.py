"""Registrations for café sessions: confirmed places, the waiting list, attendance."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.models.users import language_choices


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("bevestigd")
        WAITLISTED = "waitlisted", _("op de wachtlijst")
        CANCELLED = "cancelled", _("geannuleerd")

    # Always the session's original page, whichever translation the person used, so
    # that every language shares one set of places.
    session = models.ForeignKey(
        "programmes.CafeSessionPage",
        verbose_name=_("sessie"),
        on_delete=models.CASCADE,  # personal data goes with the session it was given for
        related_name="registrations",
    )
    name = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mailadres"))
    language = models.CharField(
        _("taal"),
        max_length=10,
        choices=language_choices,
        help_text=_("De taal van de e-mails over deze inschrijving."),
    )
    access_needs = models.TextField(_("toegankelijkheid"), blank=True)
    consented_at = models.DateTimeField(_("akkoord met de privacyverklaring op"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONFIRMED
    )
    created_at = models.DateTimeField(_("ingeschreven op"), auto_now_add=True)
    status_changed_at = models.DateTimeField(_("status gewijzigd op"), auto_now=True)
    checked_in_at = models.DateTimeField(_("aanwezig gemeld op"), null=True, blank=True)
    # The status the person was last told about by email; makes notifications idempotent.
    notified_status = models.CharField(max_length=20, blank=True, editable=False)

    class Meta:
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")
        ordering = ["session", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "email"],
                condition=~models.Q(status="cancelled"),
                name="one_active_registration_per_email_and_session",
            ),
            models.CheckConstraint(
                condition=models.Q(checked_in_at__isnull=True) | ~models.Q(status="cancelled"),
                name="cancelled_registration_not_checked_in",
            ),
        ]
        indexes = [models.Index(fields=["session", "status", "created_at"])]

    def __str__(self):
        return f"{self.name} – {self.session}"

    @property
    def attended(self):
        return self.checked_in_at is not None

"""Emails the mail server did not take: kept until a retry delivers them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UndeliveredMail(models.Model):
    """One background task that could not send its email (the mail server refused or
    did not answer), with what is needed to run it again. Tasks get ids, not contents,
    so nothing of the message itself is kept here."""

    task_path = models.CharField(_("taak"), max_length=200)
    arguments = models.JSONField(_("argumenten"), default=list)
    # task_path and arguments as one string: at most one open row per email.
    key = models.CharField(max_length=255, editable=False)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    last_error = models.TextField(_("laatste fout"), blank=True)
    first_failed_at = models.DateTimeField(_("eerst mislukt op"))
    last_failed_at = models.DateTimeField(_("laatst mislukt op"))
    next_attempt_at = models.DateTimeField(_("volgende poging"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("toch verstuurd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("niet verstuurde e-mail")
        verbose_name_plural = _("niet verstuurde e-mails")
        ordering = ["-last_failed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"],
                condition=models.Q(delivered_at__isnull=True),
                name="one_open_row_per_undelivered_mail",
            )
        ]
        indexes = [models.Index(fields=["delivered_at", "next_attempt_at"])]

    def __str__(self):
        return f"{self.task_path} {self.arguments}"

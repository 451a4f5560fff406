"""What participants ask for from their portal: the erasure of their personal data."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DataErasureRequest(models.Model):
    """A participant's request to delete the personal data we hold about them.

    The record outlives the account it was made from (the user becomes empty), so that
    we can show when a request came in and when it was handled.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="data_erasure_requests",
        verbose_name=_("deelnemer"),
    )
    requested_at = models.DateTimeField(_("gevraagd op"), default=timezone.now, db_index=True)
    handled_at = models.DateTimeField(
        _("afgehandeld op"),
        null=True,
        blank=True,
        help_text=_("Vul in wanneer de gegevens gewist zijn of het verzoek afgehandeld is."),
    )
    note = models.TextField(
        _("notitie"),
        blank=True,
        help_text=_("Wat er gewist is, of waarom iets bewaard moet blijven."),
    )
    # Set once the confirmation email went out; makes sending it idempotent.
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("verzoek om gegevens te wissen")
        verbose_name_plural = _("verzoeken om gegevens te wissen")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            # A double click, or asking again while we are busy, makes no second request.
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(handled_at__isnull=True),
                name="one_open_erasure_request_per_user",
            )
        ]

    def __str__(self):
        who = self.user.email if self.user_id else _("gewiste deelnemer")
        return f"{who} ({timezone.localtime(self.requested_at):%Y-%m-%d})"

    @property
    def is_handled(self):
        return self.handled_at is not None

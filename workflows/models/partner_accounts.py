"""People of partner organisations who work with us from outside: the job coaches who
refer candidates, and the employers who interview the candidates we propose."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PartnerAccount(models.Model):
    """Links a person's account (never staff) to one partner organisation, in one role.

    The role decides the only area of the site they see: the referrer area or the
    employer area. They sign in with the same one-time email link as participants.
    """

    class Role(models.TextChoices):
        REFERRER = "referrer", _("verwijzer")
        EMPLOYER = "employer", _("werkgever")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="partner_account",
        verbose_name=_("persoon"),
    )
    # The source (Dutch) page of the organisation; its translations share its key.
    partner = models.ForeignKey(
        "programmes.PartnerPage",
        on_delete=models.PROTECT,
        related_name="accounts",
        verbose_name=_("organisatie"),
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uitgenodigd door"),
    )
    invited_at = models.DateTimeField(_("uitgenodigd op"), default=timezone.now)

    class Meta:
        verbose_name = _("partneraccount")
        verbose_name_plural = _("partneraccounts")
        ordering = ["partner__title", "user__email"]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}, {self.partner.title})"

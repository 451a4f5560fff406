"""The privacy notice applicants read before they apply, one version at a time."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from cms.blocks import RICH_TEXT_FEATURES


class LegalBasis(models.TextChoices):
    """Why we may process an applicant's data (GDPR article 6(1))."""

    CONSENT = "consent", _("toestemming (art. 6.1.a AVG)")
    CONTRACT = "contract", _("overeenkomst (art. 6.1.b AVG)")
    LEGAL_OBLIGATION = "legal_obligation", _("wettelijke verplichting (art. 6.1.c AVG)")
    PUBLIC_TASK = "public_task", _("taak van algemeen belang (art. 6.1.e AVG)")
    LEGITIMATE_INTEREST = "legitimate_interest", _("gerechtvaardigd belang (art. 6.1.f AVG)")


class PrivacyNotice(TranslatableMixin, models.Model):
    """One version of the notice, in one language.

    A new version is a new notice, never an edit of the old one: every application
    records the version its applicant agreed to.
    """

    version = models.CharField(
        _("versie"), max_length=20, help_text=_("Bijvoorbeeld 2026-11. Elke versie één keer.")
    )
    title = models.CharField(_("titel"), max_length=120)
    body = RichTextField(_("tekst"), features=RICH_TEXT_FEATURES)
    agreement_label = models.CharField(
        _("tekst bij het vinkje"),
        max_length=255,
        help_text=_("Bijvoorbeeld: Ik heb de privacyverklaring gelezen."),
    )
    requires_consent = models.BooleanField(
        _("vraagt toestemming"),
        default=False,
        help_text=_(
            "Aan: het vinkje is een toestemming (die de deelnemer later kan intrekken). Uit: "
            "het vinkje bevestigt alleen dat de deelnemer de verklaring las."
        ),
    )
    legal_basis = models.CharField(
        _("rechtsgrond"),
        max_length=30,
        choices=LegalBasis.choices,
        default=LegalBasis.PUBLIC_TASK,
        help_text=_(
            "Waarom we de gegevens mogen verwerken. Overheden steunen meestal op een taak van "
            "algemeen belang, niet op toestemming. Elke aanmelding bewaart de rechtsgrond."
        ),
    )
    in_force_from = models.DateField(_("geldt vanaf"), default=timezone.localdate)

    override_translatable_fields = [
        SynchronizedField("version"),
        SynchronizedField("legal_basis"),
        SynchronizedField("in_force_from"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("privacyverklaring")
        verbose_name_plural = _("privacyverklaringen")
        ordering = ["-in_force_from", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "locale"], name="privacy_notice_one_version_per_language"
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.version})"

    @classmethod
    def current(cls, locale=None, today=None):
        """The notice in force today, in `locale` if it was translated, else in the
        default language; None when no notice was published."""
        today = today or timezone.localdate()
        notices = cls.objects.filter(in_force_from__lte=today).select_related("locale")
        latest = notices.order_by("-in_force_from", "-pk").first()
        if latest is None:
            return None
        translations = {
            notice.locale_id: notice
            for notice in notices.filter(translation_key=latest.translation_key)
        }
        for candidate in (locale, _active_locale(), Locale.get_default()):
            if candidate is not None and candidate.pk in translations:
                return translations[candidate.pk]
        return latest


def _active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None

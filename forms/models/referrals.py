"""Referrals: a job coach of a partner organisation puts a candidate forward for a programme."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# What a referral holds about the candidate; erased when it is purged or anonymised.
PERSONAL_FIELDS = ("candidate_name", "email", "phone", "language", "motivation", "coach_notes")


class ReferralQuerySet(models.QuerySet):
    def erase_personal_data(self, now=None):
        """Empty the candidate's fields of these referrals, keeping the stub that reports
        count (who referred, for which programme, when). Returns how many changed."""
        return self.filter(purged_at__isnull=True).update(
            **dict.fromkeys(PERSONAL_FIELDS, ""), purged_at=now or timezone.now()
        )


class Referral(models.Model):
    """A candidate referred by a referrer (a partner account) for a programme.

    It waits for the candidate to confirm, by the emailed (or handed-over) link, within
    OPSTAP_REFERRAL_CONFIRM_DAYS days; unconfirmed, everything about the candidate is
    erased (`forms.referrals.purge_unconfirmed`). Confirmed, it opens the pre-filled
    draft, and later points at the application that draft became.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The person who referred; kept (as nobody) when their account goes, for the counts.
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="referrals_made",
        verbose_name=_("verwezen door"),
    )
    # The organisation's source (Dutch) page, as partner accounts name it.
    organisation = models.ForeignKey(
        "programmes.PartnerPage",
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name=_("organisatie"),
    )
    # The programme's first translation, which drafts and applications belong to.
    programme = models.ForeignKey(
        "programmes.ProgrammePage",
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name=_("programma"),
    )
    candidate_name = models.CharField(_("naam van de kandidaat"), max_length=150, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    language = models.CharField(_("taal"), max_length=10, blank=True)
    motivation = models.TextField(_("waarom dit programma"), blank=True)
    # For staff only: never shown to the candidate.
    coach_notes = models.TextField(_("notities van de begeleider"), blank=True)
    created_at = models.DateTimeField(_("verwezen op"), default=timezone.now, db_index=True)
    invitation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    shares_progress = models.BooleanField(
        _("deelt de voortgang met de verwijzer"),
        default=False,
        help_text=_("De kandidaat koos dit zelf bij het bevestigen."),
    )
    draft = models.OneToOneField(
        "forms.ApplicationDraft",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referral",
    )
    application = models.OneToOneField(
        "forms.Application",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referral",
        verbose_name=_("aanmelding"),
    )
    purged_at = models.DateTimeField(_("persoonsgegevens gewist op"), null=True, blank=True)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # Until erased, the candidate can be reached; once erased, nothing is left.
            models.CheckConstraint(
                condition=(
                    Q(purged_at__isnull=True) & (~Q(email="") | ~Q(phone=""))
                    | Q(purged_at__isnull=False, **dict.fromkeys(PERSONAL_FIELDS, ""))
                ),
                name="referral_reachable_until_erased",
            ),
            models.CheckConstraint(
                condition=Q(shares_progress=False) | Q(confirmed_at__isnull=False),
                name="referral_shares_only_when_confirmed",
            ),
            models.CheckConstraint(
                condition=Q(application__isnull=True) | Q(confirmed_at__isnull=False),
                name="referral_application_only_when_confirmed",
            ),
            # One waiting referral per organisation, programme and candidate: a double
            # click, or a colleague who refers the same person, finds the first one.
            models.UniqueConstraint(
                fields=["organisation", "programme", "email"],
                condition=Q(confirmed_at__isnull=True, purged_at__isnull=True) & ~Q(email=""),
                name="one_waiting_referral_per_email",
            ),
            models.UniqueConstraint(
                fields=["organisation", "programme", "phone"],
                condition=Q(confirmed_at__isnull=True, purged_at__isnull=True) & ~Q(phone=""),
                name="one_waiting_referral_per_phone",
            ),
        ]

    def __str__(self):
        return f"{self.programme} ({self.created_at:%Y-%m-%d})"

    @property
    def confirm_by(self):
        """Until when the candidate can confirm; after that the referral is purged."""
        import datetime

        return self.created_at + datetime.timedelta(days=settings.OPSTAP_REFERRAL_CONFIRM_DAYS)

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    @property
    def is_erased(self):
        return self.purged_at is not None

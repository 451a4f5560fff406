"""Certificates: immutable records of what someone completed, with a PDF rendered once,
and the bulk runs that issue them for a session's attendees or a cohort of cases."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.storage import private_storage


def certificate_path(instance, filename):
    # The number is public (it is printed); the file name adds nothing guessable to it,
    # and the storage has no URLs anyway.
    return f"certificates/{instance.issued_at:%Y/%m}/{instance.number}.pdf"


class CertificateQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(revoked_at__isnull=True)


class Certificate(models.Model):
    """What was completed, by whom, as printed. Nothing here changes after issue except
    the rendered PDF (once), the notification stamp and a revocation."""

    class Kind(models.TextChoices):
        PROGRAMME = "programme", _("programma afgerond")
        TRAINEESHIP = "traineeship", _("stage voltooid")
        SESSION = "session", _("deelname aan een cafésessie")
        SERIES = "series", _("deelname aan een cafereeks")

    # Fields a save may still write after issue; everything else is frozen.
    MUTABLE_FIELDS = frozenset(
        {
            "pdf",
            "sha256",
            "rendered_at",
            "notified_at",
            "revoked_at",
            "revoked_by",
            "revocation_reason",
        }
    )

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    number = models.CharField(_("nummer"), max_length=20, unique=True)
    code = models.CharField(_("verificatiecode"), max_length=40, unique=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="certificates",
        verbose_name=_("houder"),
    )
    recipient_name = models.CharField(_("naam van de houder"), max_length=200)
    # What it is for, as one key ("case:12", "session:40"): at most one valid
    # certificate per holder and key, which makes issuing idempotent.
    subject_key = models.CharField(max_length=60, editable=False)
    programme = models.ForeignKey(
        "programmes.ProgrammePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("programma"),
    )
    case = models.ForeignKey(
        "workflows.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("dossier"),
    )
    traineeship = models.ForeignKey(
        "workflows.Traineeship",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("stage"),
    )
    session = models.ForeignKey(
        "programmes.CafeSessionPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sessie"),
    )
    series = models.ForeignKey(
        "programmes.CafeSeriesPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reeks"),
    )
    language = models.CharField(_("taal"), max_length=10)
    template_version = models.CharField(_("versie van het sjabloon"), max_length=20)
    # The plain data the PDF prints (titles in the certificate's language, dates, the
    # signatory, partners): a snapshot, so a later page edit never changes a certificate.
    details = models.JSONField(_("gegevens"), default=dict)
    pdf = models.FileField(
        _("PDF"), storage=private_storage, upload_to=certificate_path, blank=True, max_length=200
    )
    sha256 = models.CharField(_("SHA-256 van de PDF"), max_length=64, blank=True)
    rendered_at = models.DateTimeField(_("PDF gemaakt op"), null=True, blank=True)
    notified_at = models.DateTimeField(_("houder verwittigd op"), null=True, blank=True)
    issued_at = models.DateTimeField(_("uitgereikt op"), default=timezone.now, db_index=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uitgereikt door"),
    )
    run = models.ForeignKey(
        "workflows.CertificateRun",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("uitgereikt in de reeks"),
    )
    replaces = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("vervangt"),
    )
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ingetrokken door"),
    )
    revocation_reason = models.TextField(_("reden van intrekking"), blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificaat")
        verbose_name_plural = _("certificaten")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "subject_key"],
                condition=models.Q(revoked_at__isnull=True),
                name="one_valid_certificate_per_holder_and_subject",
            ),
            models.CheckConstraint(
                condition=models.Q(revoked_at__isnull=True) | ~models.Q(revocation_reason=""),
                name="revoked_certificate_has_a_reason",
            ),
        ]
        indexes = [models.Index(fields=["programme", "issued_at"])]

    def __str__(self):
        return f"{self.number} – {self.recipient_name}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            update_fields = kwargs.get("update_fields")
            if update_fields is None or not set(update_fields) <= self.MUTABLE_FIELDS:
                raise ValueError(
                    "An issued certificate does not change: revoke it and issue a corrected one."
                )
        super().save(*args, **kwargs)

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def is_ready(self):
        return bool(self.pdf)

    @property
    def subject_title(self):
        return self.details.get("subject_title", "")

    @property
    def display_code(self):
        """The code in groups of four, as printed: easier to read out and type."""
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))


class CertificateRun(models.Model):
    """A bulk issue in the background: every checked-in attendee of a session, or a cohort
    of cases. Running it again issues only what is missing."""

    class Kind(models.TextChoices):
        SESSION = "session", _("aanwezigen van een cafésessie")
        COHORT = "cohort", _("groep dossiers")

    class Status(models.TextChoices):
        QUEUED = "queued", _("in de wachtrij")
        RUNNING = "running", _("bezig")
        DONE = "done", _("klaar")
        FAILED = "failed", _("mislukt")

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("omschrijving"), max_length=250)
    session = models.ForeignKey(
        "programmes.CafeSessionPage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sessie"),
    )
    programme = models.ForeignKey(
        "programmes.ProgrammePage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("programma"),
    )
    # The cases of a cohort, fixed when the run was asked for.
    case_ids = models.JSONField(default=list, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("gevraagd door"),
    )
    created_at = models.DateTimeField(_("gevraagd op"), default=timezone.now)
    started_at = models.DateTimeField(_("gestart op"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(_("te verwerken"), default=0)
    processed = models.PositiveIntegerField(_("verwerkt"), default=0)
    issued = models.PositiveIntegerField(_("nieuw uitgereikt"), default=0)
    # [{"name": ..., "reason": ...}] for everyone the run could not issue for.
    problems = models.JSONField(_("niet gelukt"), default=list, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("reeks certificaten")
        verbose_name_plural = _("reeksen certificaten")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def percent(self):
        return round(100 * self.processed / self.total) if self.total else 100

    @property
    def is_finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)

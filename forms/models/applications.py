"""Submitted applications, their uploaded documents, and the counters behind references."""

import pathlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.storage import private_storage
from forms.statistics import AgeBand, EducationBand, Gender


def document_path(instance, filename):
    """A random stored name: the original name, which people choose, is kept apart."""
    suffix = pathlib.Path(filename).suffix.lower()[:5]
    return f"applications/{timezone.now():%Y/%m}/{secrets.token_hex(16)}{suffix}"


class Application(models.Model):
    """A submitted application: the answers as asked, with the eligibility verdict."""

    reference = models.CharField(_("referentie"), max_length=24, unique=True)
    programme = models.ForeignKey(
        "programmes.ProgrammePage",
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("programma"),
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("aanvrager"),
    )
    # The draft it was submitted from: a replayed submit finds this application again.
    draft_public_id = models.UUIDField(unique=True, editable=False)
    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("achternaam"), max_length=100)
    email = models.EmailField(_("e-mailadres"))
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    language = models.CharField(
        _("taal van de aanmelding"), max_length=10, help_text=_("De taal van het formulier.")
    )
    preferred_language = models.CharField(
        _("voorkeurstaal"), max_length=10, help_text=_("Voor e-mails en documenten.")
    )
    form_version = models.CharField(_("versie van het formulier"), max_length=20)
    answers = models.JSONField(_("antwoorden"), default=dict)
    eligible = models.BooleanField(
        _("komt in aanmerking"), null=True, help_text=_("Leeg: nog niet zeker.")
    )
    eligibility = models.JSONField(_("toetsing aan de voorwaarden"), default=dict)
    privacy_notice = models.ForeignKey(
        "forms.PrivacyNotice",
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("privacyverklaring"),
    )
    privacy_notice_version = models.CharField(_("versie van de privacyverklaring"), max_length=20)
    legal_basis = models.CharField(_("rechtsgrond"), max_length=30, blank=True)
    # The sensitive questions the applicant chose not to answer ("Zeg ik liever niet"),
    # as "step.field"; kept when the personal fields are anonymised.
    declined_questions = models.JSONField(
        _("vragen die niet beantwoord werden"), default=list, blank=True
    )
    submitted_at = models.DateTimeField(_("ingediend op"), default=timezone.now, db_index=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Set when the personal fields, answers and documents were erased (the retention
    # period ran out, or the person asked): forms.anonymisation.
    anonymised_at = models.DateTimeField(
        _("persoonsgegevens gewist op"), null=True, blank=True, editable=False
    )

    # What reports count, read from the answers on submit (forms.statistics); kept when
    # the personal fields above are anonymised.
    gender = models.CharField(_("geslacht"), max_length=20, choices=Gender.choices, blank=True)
    age_band = models.CharField(
        _("leeftijdsgroep"), max_length=10, choices=AgeBand.choices, blank=True
    )
    education_band = models.CharField(
        _("opleidingsniveau (ISCED)"), max_length=10, choices=EducationBand.choices, blank=True
    )
    eqf_level = models.PositiveSmallIntegerField(_("EQF-niveau van het diploma"), null=True)
    nationality = models.CharField(_("nationaliteit"), max_length=2, blank=True)
    third_country_national = models.BooleanField(_("onderdaan van een derde land"), null=True)
    registered_jobseeker = models.BooleanField(_("ingeschreven als werkzoekende"), null=True)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["programme", "submitted_at"])]

    def __str__(self):
        return self.reference

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()


class ApplicationDocument(models.Model):
    class Kind(models.TextChoices):
        DIPLOMA = "diploma", _("diploma")
        CV = "cv", _("cv")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    file = models.FileField(storage=private_storage, upload_to=document_path, max_length=200)
    original_name = models.CharField(_("bestandsnaam"), max_length=255)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        constraints = [
            models.UniqueConstraint(fields=["application", "kind"], name="one_document_per_kind")
        ]

    def __str__(self):
        return self.original_name


class ReferenceCounter(models.Model):
    """The last number handed out per programme code and year: L2W-2026-00042."""

    code = models.CharField(max_length=6)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["code", "year"], name="one_counter_per_code_and_year")
        ]

    def __str__(self):
        return f"{self.code}-{self.year}: {self.last_number}"

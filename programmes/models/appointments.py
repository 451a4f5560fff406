"""Appointments at the contact desk: its schedule (weekly hours and exceptions) and the
appointments people book in it."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from cms.models.users import language_choices

# Languages staff may speak at the desk, beyond the site's own: the target group's.
DESK_LANGUAGE_CODES = [
    "nl", "en", "fr", "de", "es", "ar", "uk", "ru", "tr", "fa", "prs", "ps", "ti", "kmr",
]  # fmt: skip


def desk_language_choices():
    """Each language the desk may speak, named in the reader's language (admin)."""
    return [
        (code, translation.get_language_info(code)["name_translated"])
        for code in DESK_LANGUAGE_CODES
    ]


def language_name_local(code):
    """A language in its own name ("العربية"), so everyone finds theirs."""
    try:
        return translation.get_language_info(code)["name_local"]
    except KeyError:
        return code


class LanguageListField(models.JSONField):
    """A list of language codes, chosen with checkboxes in the admin."""

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=desk_language_choices,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            error_messages={
                "required": _("Kies minstens één taal die aan het loket gesproken wordt.")
            },
        )


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("maandag")
    TUESDAY = 1, _("dinsdag")
    WEDNESDAY = 2, _("woensdag")
    THURSDAY = 3, _("donderdag")
    FRIDAY = 4, _("vrijdag")
    SATURDAY = 5, _("zaterdag")
    SUNDAY = 6, _("zondag")


def _check_hours(opens, closes, *, required):
    errors = {}
    if required and opens is None:
        errors["opens"] = _("Vul in vanaf hoe laat het loket open is, bijvoorbeeld 09:00.")
    if required and closes is None:
        errors["closes"] = _("Vul in tot hoe laat het loket open is, bijvoorbeeld 12:30.")
    if (opens is None) != (closes is None) and not errors:
        field = "closes" if closes is None else "opens"
        errors[field] = _("Vul beide uren in, of laat beide leeg voor de hele dag.")
    if opens is not None and closes is not None and closes <= opens:
        errors["closes"] = _("Het sluitingsuur moet na het openingsuur liggen, bijvoorbeeld 12:00.")
    if errors:
        raise ValidationError(errors)


class AppointmentSchedule(ClusterableModel):
    """When the desk takes appointments: a weekly pattern, exceptions, and how long and
    how far ahead an appointment is."""

    name = models.CharField(
        _("naam"), max_length=120, help_text=_("Bijvoorbeeld Contactpunt Leuven.")
    )
    is_published = models.BooleanField(
        _("online te boeken"),
        default=False,
        help_text=_("Alleen een gepubliceerde agenda toont vrije momenten op de site."),
    )
    slot_minutes = models.PositiveSmallIntegerField(
        _("duur van een afspraak (minuten)"),
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(240)],
    )
    booking_horizon_days = models.PositiveSmallIntegerField(
        _("hoeveel dagen vooruit te boeken"),
        default=28,
        validators=[MinValueValidator(1), MaxValueValidator(180)],
    )
    minimum_notice_hours = models.PositiveSmallIntegerField(
        _("ten minste zoveel uur op voorhand"),
        default=2,
        validators=[MaxValueValidator(168)],
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("is_published"),
        MultiFieldPanel(
            [
                FieldPanel("slot_minutes"),
                FieldPanel("booking_horizon_days"),
                FieldPanel("minimum_notice_hours"),
            ],
            heading=_("Afspraken"),
        ),
        InlinePanel("weekly_hours", heading=_("Elke week"), label=_("Openingsmoment")),
        InlinePanel(
            "exceptions",
            heading=_("Uitzonderingen"),
            label=_("Uitzondering"),
            help_text=_(
                "Een gesloten dag (zonder uren: de hele dag) of extra uren. Extra uren op "
                "een moment dat al in het weekschema staat, vervangen dat moment."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("agenda van het contactpunt")
        verbose_name_plural = _("agenda's van het contactpunt")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(slot_minutes__gte=5), name="appointment_slot_at_least_5_minutes"
            )
        ]

    def __str__(self):
        return self.name


class WeeklyOpening(Orderable):
    schedule = ParentalKey(
        AppointmentSchedule, on_delete=models.CASCADE, related_name="weekly_hours"
    )
    weekday = models.PositiveSmallIntegerField(_("dag"), choices=Weekday.choices)
    opens = models.TimeField(_("open vanaf"))
    closes = models.TimeField(_("open tot"))
    desks = models.PositiveSmallIntegerField(
        _("loketten tegelijk"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("Hoeveel mensen tegelijk een afspraak kunnen hebben."),
    )
    languages = LanguageListField(_("talen"), default=list)

    panels = [
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("desks"),
        FieldPanel("languages"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("openingsmoment")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes__gt=models.F("opens")),
                name="weekly_opening_closes_after_opens",
            ),
            models.CheckConstraint(
                condition=models.Q(desks__gte=1), name="weekly_opening_has_a_desk"
            ),
        ]

    def clean(self):
        super().clean()
        _check_hours(self.opens, self.closes, required=True)


class ScheduleException(Orderable):
    class Kind(models.TextChoices):
        CLOSED = "closed", _("gesloten")
        EXTRA = "extra", _("extra uren")

    schedule = ParentalKey(AppointmentSchedule, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField(_("datum"))
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices, default=Kind.CLOSED)
    opens = models.TimeField(_("vanaf"), null=True, blank=True)
    closes = models.TimeField(_("tot"), null=True, blank=True)
    desks = models.PositiveSmallIntegerField(
        _("loketten tegelijk"), default=1, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    languages = LanguageListField(_("talen"), default=list, blank=True)
    note = models.CharField(
        _("reden"), max_length=200, blank=True, help_text=_("Bijvoorbeeld Feestdag.")
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("desks"),
        FieldPanel("languages"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("uitzondering")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(opens__isnull=True, closes__isnull=True, kind="closed")
                    | models.Q(opens__isnull=False, closes__gt=models.F("opens"))
                ),
                name="schedule_exception_hours_make_sense",
            ),
        ]

    def clean(self):
        super().clean()
        _check_hours(self.opens, self.closes, required=self.kind == self.Kind.EXTRA)
        if self.kind == self.Kind.EXTRA and not self.languages:
            raise ValidationError(
                {"languages": _("Kies minstens één taal die aan het loket gesproken wordt.")}
            )


class Appointment(models.Model):
    class Status(models.TextChoices):
        BOOKED = "booked", _("geboekt")
        CANCELLED = "cancelled", _("geannuleerd")
        ATTENDED = "attended", _("gekomen")
        MISSED = "missed", _("niet gekomen")

    class Topic(models.TextChoices):
        PROGRAMME = "programme", _("Vragen over een programma")
        APPLYING = "applying", _("Hulp bij je aanmelding")
        WORK = "work", _("Werk zoeken en je loopbaan")
        DIPLOMA = "diploma", _("Je diploma laten erkennen")
        DUTCH = "dutch", _("Nederlands leren")
        OTHER = "other", _("Iets anders")

    schedule = models.ForeignKey(
        AppointmentSchedule,
        verbose_name=_("agenda"),
        on_delete=models.CASCADE,  # personal data goes with the schedule it was given for
        related_name="appointments",
    )
    starts_at = models.DateTimeField(_("begint om"))
    ends_at = models.DateTimeField(_("eindigt om"))
    desk = models.PositiveSmallIntegerField(_("loket"), default=1)
    topic = models.CharField(_("onderwerp"), max_length=20, choices=Topic.choices)
    language = models.CharField(
        _("taal van het gesprek"), max_length=10, choices=desk_language_choices
    )
    email_language = models.CharField(
        _("taal van de e-mails"), max_length=10, choices=language_choices
    )
    name = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    question = models.TextField(_("vraag"), blank=True)
    consented_at = models.DateTimeField(_("akkoord met de privacyverklaring op"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.BOOKED
    )
    created_at = models.DateTimeField(_("geboekt op"), auto_now_add=True)
    status_changed_at = models.DateTimeField(_("status gewijzigd op"), null=True, blank=True)
    # When each email went out; makes sending them idempotent.
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    cancellation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        ordering = ["starts_at", "desk", "pk"]
        constraints = [
            # The database's word that a desk is never booked twice at one moment.
            models.UniqueConstraint(
                fields=["schedule", "starts_at", "desk"],
                condition=~models.Q(status="cancelled"),
                name="one_appointment_per_desk_and_slot",
            ),
            models.CheckConstraint(
                condition=~models.Q(email="", phone=""),
                name="appointment_has_email_or_phone",
                violation_error_message=_(
                    "Vul een e-mailadres of een telefoonnummer in, zodat we de persoon kunnen "
                    "bereiken."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="appointment_ends_after_it_starts",
            ),
            models.CheckConstraint(condition=models.Q(desk__gte=1), name="appointment_desk_from_1"),
        ]
        indexes = [models.Index(fields=["starts_at", "status"])]

    def __str__(self):
        return f"{self.name} – {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def language_name(self):
        return language_name_local(self.language)

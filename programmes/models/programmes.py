"""Programmes: who they are for, their eligibility rules, pathway and partners."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import RICH_TEXT_FEATURES, KeyFigureBlock, QuestionAnswerBlock
from cms.listing_cache import listing_context
from cms.site_cache import ViewRestrictionsFromCache, public_pages
from programmes.blocks import PathwayStepBlock
from programmes.choices import CEFRLevel, EQFLevel, OriginRule, ProgrammeLanguage
from programmes.eligibility import Rules
from programmes.models.signatories import CertificateSignatory, certificate_panel


class ProgrammeIndexPage(ViewRestrictionsFromCache, Page):
    intro = models.TextField(_("inleiding"), blank=True)

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["programmes.ProgrammePage"]
    max_count_per_parent = 1
    template = "programmes/programme_index_page.html"

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("programmaoverzicht")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = (
            public_pages(ProgrammePage.objects.live())
            .child_of(self)
            .select_related("locale", "alias_of__locale")
            .order_by("title")
        )
        return context


class ProgrammePage(CertificateSignatory, ViewRestrictionsFromCache, Page):
    summary = models.TextField(_("samenvatting"), help_text=_("Twee of drie zinnen."))
    audience = RichTextField(_("voor wie"), blank=True, features=RICH_TEXT_FEATURES)

    max_years_in_belgium = models.PositiveSmallIntegerField(
        _("hoogstens zoveel jaar in België"),
        null=True,
        blank=True,
        help_text=_("Jaren sinds de eerste inschrijving in België. Leeg: geen voorwaarde."),
    )
    origin_rule = models.CharField(
        _("herkomst"), max_length=20, choices=OriginRule.choices, default=OriginRule.ANY
    )
    min_eqf_level = models.PositiveSmallIntegerField(
        _("minimaal diplomaniveau"),
        choices=EQFLevel.choices,
        null=True,
        blank=True,
        help_text=_("Op de EQF-schaal; 6 is een bachelor. Leeg: geen voorwaarde."),
    )
    diploma_recognition_required = models.BooleanField(
        _("diploma moet erkend zijn"),
        default=False,
        help_text=_("Uit: het diploma telt, erkend of niet."),
    )

    pathway = StreamField(
        [("step", PathwayStepBlock())], blank=True, verbose_name=_("het traject, stap voor stap")
    )
    key_figures = StreamField(
        [("figure", KeyFigureBlock())], blank=True, verbose_name=_("kerncijfers")
    )
    faq = StreamField(
        [("question", QuestionAnswerBlock())], blank=True, verbose_name=_("veelgestelde vragen")
    )
    applications_open_on = models.DateField(_("aanmelden kan vanaf"), null=True, blank=True)
    applications_close_on = models.DateField(_("aanmelden kan tot en met"), null=True, blank=True)
    reference_code = models.CharField(
        _("code voor referenties"),
        max_length=6,
        default="OPS",
        validators=[
            RegexValidator(
                r"^[A-Z0-9]{2,6}$",
                _("Gebruik 2 tot 6 hoofdletters of cijfers, bijvoorbeeld L2W."),
            )
        ],
        help_text=_("Begin van het referentienummer van een aanmelding, bijvoorbeeld L2W."),
    )
    offers_path_choice = models.BooleanField(
        _("keuze tussen leertraject en loopbaantraject"),
        default=False,
        help_text=_("Aan: wie zich aanmeldt, kiest welk traject de voorkeur heeft."),
    )
    asks_referral = models.BooleanField(
        _("vraagt naar de doorverwijzer"),
        default=False,
        help_text=_(
            "Aan: het aanmeldformulier vraagt naar de organisatie die doorverwijst en de "
            "jobcoach (voor matchmaking)."
        ),
    )

    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types = []
    template = "programmes/programme_page.html"
    # A code, not text: every language's page numbers its applications the same way.
    override_translatable_fields = [
        SynchronizedField("reference_code"),
        SynchronizedField("certificate_signatory"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("audience"),
        MultiFieldPanel(
            [
                FieldPanel("max_years_in_belgium"),
                FieldPanel("origin_rule"),
                FieldPanel("min_eqf_level"),
                FieldPanel("diploma_recognition_required"),
            ],
            heading=_("Wie kan meedoen"),
        ),
        InlinePanel("language_requirements", label=_("minimaal taalniveau")),
        FieldPanel("pathway"),
        InlinePanel("traineeship_types", label=_("soorten stages")),
        InlinePanel("programme_partners", label=_("partners")),
        FieldPanel("key_figures"),
        FieldPanel("faq"),
        MultiFieldPanel(
            [
                FieldPanel("applications_open_on"),
                FieldPanel("applications_close_on"),
                FieldPanel("reference_code"),
                FieldPanel("offers_path_choice"),
                FieldPanel("asks_referral"),
            ],
            heading=_("Aanmelden"),
        ),
        certificate_panel(),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("audience"),
        index.SearchField("pathway"),
        index.SearchField("faq"),
    ]

    class Meta:
        verbose_name = _("programma")
        verbose_name_plural = _("programma's")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(applications_open_on__isnull=True)
                | models.Q(applications_close_on__isnull=True)
                | models.Q(applications_open_on__lte=models.F("applications_close_on")),
                name="programme_window_opens_before_it_closes",
            )
        ]

    def clean(self):
        super().clean()
        if (
            self.applications_open_on
            and self.applications_close_on
            and self.applications_open_on > self.applications_close_on
        ):
            raise ValidationError(
                {"applications_close_on": _("De einddatum moet op of na de begindatum liggen.")}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The page's content changes only when an editor publishes; whether one can apply
        # changes with the date: kept rendered like a listing (cms.listing_cache).
        context.update(listing_context(request, self, self.programme_facts))
        return context

    def programme_facts(self):
        """The traineeships and partners in the reader's language, and the inline rows
        the eligibility rules read, fetched together."""
        from cms.languages import annotate_content_languages, localized_versions
        from cms.site_cache import locale_code

        # The inline rows in three queries, whatever their number: the eligibility rules
        # read the language requirements several times while the page renders.
        prefetch_related_objects(
            [self],
            "language_requirements",
            Prefetch(
                "traineeship_types",
                queryset=ProgrammeTraineeshipType.objects.select_related(
                    "traineeship_type"
                ).order_by("sort_order", "pk"),
            ),
            Prefetch(
                "programme_partners",
                # pk after sort_order: rows saved without an order keep the order added.
                queryset=ProgrammePartner.objects.select_related("partner").order_by(
                    "sort_order", "pk"
                ),
            ),
        )
        types = [item.traineeship_type for item in self.traineeship_types.all()]
        localized_types = localized_versions(types)
        traineeships = []
        for traineeship_type in types:
            localized = localized_types[traineeship_type.pk]
            localized.content_language = locale_code(localized.locale_id)
            traineeships.append(localized)
        links = list(self.programme_partners.all())
        localized_partners = localized_versions([link.partner for link in links])
        partner_links = [
            (localized_partners[link.partner_id], link.get_role_display())
            for link in links
            if localized_partners[link.partner_id].live
        ]
        annotate_content_languages([partner for partner, _role in partner_links])
        return {"traineeships": traineeships, "partner_links": partner_links}

    def applications_open(self, today=None):
        """True while the application window is open; no dates means always open."""
        today = today or timezone.localdate()
        if self.applications_open_on and today < self.applications_open_on:
            return False
        return not (self.applications_close_on and today > self.applications_close_on)

    def eligibility_rules(self):
        """The programme's conditions, in the form `programmes.eligibility` evaluates."""
        return Rules(
            max_years_in_belgium=self.max_years_in_belgium,
            origin_rule=self.origin_rule,
            min_eqf_level=self.min_eqf_level,
            diploma_recognition_required=self.diploma_recognition_required,
            min_language_levels=tuple(
                (requirement.language, requirement.min_level)
                for requirement in self.language_requirements.all()
            ),
        )

    @property
    def has_eligibility_rules(self):
        rules = self.eligibility_rules()
        return bool(
            rules.max_years_in_belgium is not None
            or rules.origin_rule != OriginRule.ANY
            or rules.min_eqf_level is not None
            or rules.min_language_levels
        )


class ProgrammeLanguageRequirement(Orderable):
    programme = ParentalKey(
        ProgrammePage, on_delete=models.CASCADE, related_name="language_requirements"
    )
    language = models.CharField(_("taal"), max_length=5, choices=ProgrammeLanguage.choices)
    min_level = models.CharField(_("minimumniveau"), max_length=10, choices=CEFRLevel.choices)

    panels = [FieldPanel("language"), FieldPanel("min_level")]

    class Meta(Orderable.Meta):
        verbose_name = _("minimaal taalniveau")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "language"], name="one_level_per_programme_language"
            )
        ]


class ProgrammeTraineeshipType(Orderable):
    programme = ParentalKey(
        ProgrammePage, on_delete=models.CASCADE, related_name="traineeship_types"
    )
    traineeship_type = models.ForeignKey(
        "programmes.TraineeshipType",
        verbose_name=_("soort stage"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("traineeship_type")]

    class Meta(Orderable.Meta):
        verbose_name = _("soort stage")


class ProgrammePartner(Orderable):
    class Role(models.TextChoices):
        # A fixed list, translated once: the partner rows are shared by every
        # translation of a programme page, so free text here would stay in Dutch.
        COORDINATOR = "coordinator", _("coördinator")
        ORGANISER = "organiser", _("organisator")
        CO_ORGANISER = "co_organiser", _("organiseert mee")
        REFERRER = "referrer", _("verwijzer")
        EMPLOYER = "employer", _("werkgever")
        EDUCATION = "education", _("onderwijspartner")
        LANGUAGE_CLASSES = "language_classes", _("lessen Nederlands")
        INTEGRATION = "integration", _("integratie en inburgering")
        ORIENTATION = "orientation", _("oriëntatie op de samenleving")
        WELCOME = "welcome", _("onthaal")
        SCREENING = "screening", _("screening")
        COACHING = "coaching", _("coaching")

    programme = ParentalKey(
        ProgrammePage, on_delete=models.CASCADE, related_name="programme_partners"
    )
    partner = models.ForeignKey(
        "programmes.PartnerPage",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    role = models.CharField(_("rol"), max_length=30, choices=Role.choices, blank=True)

    panels = [FieldPanel("partner"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")

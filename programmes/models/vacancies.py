"""Vacancies that employer partners offer, with their blind-hiring commitment."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES
from cms.listing_cache import listing_context
from cms.site_cache import ViewRestrictionsFromCache, public_pages
from programmes.choices import CEFRLevel, EQFLevel, ProgrammeLanguage
from programmes.models.partners import CONTENT_LANGUAGE_FIELDS, choice_label


class WorkingTime(models.TextChoices):
    FULL_TIME = "full_time", _("voltijds")
    PART_TIME = "part_time", _("deeltijds")


class VacancyIndexPage(ViewRestrictionsFromCache, Page):
    """All open vacancies of all employer partners, in the reader's language."""

    intro = models.TextField(_("inleiding"), blank=True)

    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "programmes/vacancy_index_page.html"
    items_per_page = 20

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("vacatureoverzicht")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(request, self, lambda: self.vacancy_listing(request)))
        return context

    def vacancy_listing(self, request):
        """A page of open vacancies, filtered by the visitor's choices."""
        from programmes.vacancy_listing import VacancyFilterForm, employers_of, vacancy_cards

        form = VacancyFilterForm(request.GET or None)
        vacancies = (
            public_pages(VacancyPage.objects.live())
            .filter(locale_id=self.locale_id, is_open=True)
            .prefetch_related("language_requirements")
            # What a card shows; not the description, the only long text.
            .only(*VacancyPage.card_fields, *CONTENT_LANGUAGE_FIELDS)
            .select_related("alias_of")
            .order_by("-first_published_at", "-pk")
        )
        if form.is_valid():
            vacancies = form.filter(vacancies)
        paginator = Paginator(vacancies, self.items_per_page)
        try:
            page = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            page = paginator.page(1)
        page.object_list = list(page.object_list)
        employers = employers_of(page.object_list)
        return {
            "vacancies": page,
            "employers": employers,
            "cards": vacancy_cards(request, page.object_list, employers),
            "filter_form": form,
        }


class VacancyPage(ViewRestrictionsFromCache, Page):
    summary = models.TextField(_("korte beschrijving"), blank=True)
    description = RichTextField(_("de job"), blank=True, features=RICH_TEXT_FEATURES)
    eqf_level = models.PositiveSmallIntegerField(
        _("niveau"),
        choices=EQFLevel.choices,
        null=True,
        blank=True,
        help_text=_("Het opleidingsniveau waarop de job ligt (6 is een bachelor)."),
    )
    location = models.CharField(_("plaats"), max_length=120, blank=True)
    working_time = models.CharField(
        _("werkregime"), max_length=20, choices=WorkingTime.choices, default=WorkingTime.FULL_TIME
    )
    hours_per_week = models.PositiveSmallIntegerField(_("uren per week"), null=True, blank=True)
    blind_hiring = models.BooleanField(
        _("blind hiring"),
        default=False,
        help_text=_(
            "De werkgever nodigt elke voorgestelde kandidaat uit voor een open gesprek, zonder cv."
        ),
    )
    is_open = models.BooleanField(_("open"), default=True)

    parent_page_types = ["programmes.PartnerPage"]
    subpage_types = []
    template = "programmes/vacancy_page.html"
    # The columns a card in the vacancy list needs (the path finds the employer).
    card_fields = (
        "title",
        "path",
        "url_path",
        "summary",
        "eqf_level",
        "location",
        "working_time",
        "hours_per_week",
        "blind_hiring",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("eqf_level"),
                FieldPanel("location"),
                FieldPanel("working_time"),
                FieldPanel("hours_per_week"),
            ],
            heading=_("De job"),
        ),
        InlinePanel("language_requirements", label=_("gevraagde talen")),
        MultiFieldPanel(
            [FieldPanel("blind_hiring"), FieldPanel("is_open")], heading=_("Aanwerving")
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("location"),
        index.FilterField("is_open"),
        index.FilterField("eqf_level"),
    ]

    class Meta:
        verbose_name = _("vacature")
        verbose_name_plural = _("vacatures")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours_per_week__isnull=True)
                | models.Q(hours_per_week__gte=1, hours_per_week__lte=60),
                name="vacancy_hours_per_week_plausible",
            )
        ]

    @property
    def employer(self):
        return self.get_parent().specific

    def get_eqf_level_display(self):
        return choice_label(EQFLevel, self.eqf_level)

    def get_working_time_display(self):
        return choice_label(WorkingTime, self.working_time)


class VacancyLanguage(Orderable):
    vacancy = ParentalKey(
        VacancyPage, on_delete=models.CASCADE, related_name="language_requirements"
    )
    language = models.CharField(_("taal"), max_length=5, choices=ProgrammeLanguage.choices)
    min_level = models.CharField(_("minimumniveau"), max_length=10, choices=CEFRLevel.choices)

    panels = [FieldPanel("language"), FieldPanel("min_level")]

    def get_language_display(self):
        return choice_label(ProgrammeLanguage, self.language)

    def get_min_level_display(self):
        return choice_label(CEFRLevel, self.min_level)

    class Meta(Orderable.Meta):
        verbose_name = _("gevraagde taal")

"""Partner organisations: who hosts, coaches, refers, trains and hires."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES
from cms.listing_cache import listing_context
from cms.site_cache import ViewRestrictionsFromCache, public_pages
from programmes.choices import OrganisationType


class PartnerIndexPage(ViewRestrictionsFromCache, Page):
    intro = models.TextField(_("inleiding"), blank=True)

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["programmes.PartnerPage"]
    max_count_per_parent = 1
    template = "programmes/partner_index_page.html"
    items_per_page = 24
    # The rendition of a logo on a partner card (at most the card's 96 pixels high); the
    # template's image tag names the same filter.
    logo_filter = "max-240x96"

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("partneroverzicht")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(request, self, lambda: self.partner_listing(request)))
        return context

    def partner_listing(self, request):
        """A page of partners, filtered by the kind of organisation."""
        partners = (
            public_pages(PartnerPage.objects.live())
            .child_of(self)
            .select_related("logo", "locale", "alias_of__locale")
            .prefetch_related(
                # The logos' renditions for the cards in one query, as an image queryset's
                # prefetch_renditions() does: one query, not one a logo, when Wagtail's
                # cache of renditions is cold.
                Prefetch(
                    "logo__renditions",
                    queryset=get_image_model()
                    .get_rendition_model()
                    .objects.filter(filter_spec=self.logo_filter),
                    to_attr="prefetched_renditions",
                )
            )
            .order_by("title")
        )
        chosen_type = request.GET.get("type", "")
        if chosen_type in OrganisationType.values:
            partners = partners.filter(organisation_type=chosen_type)
        else:
            chosen_type = ""
        paginator = Paginator(partners, self.items_per_page)
        try:
            page = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            page = paginator.page(1)
        return {
            "partners": page,
            "organisation_types": OrganisationType.choices,
            "chosen_type": chosen_type,
        }


class PartnerPage(ViewRestrictionsFromCache, Page):
    organisation_type = models.CharField(
        _("soort organisatie"), max_length=30, choices=OrganisationType.choices
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    summary = models.TextField(
        _("korte voorstelling"), blank=True, help_text=_("Eén of twee zinnen voor overzichten.")
    )
    description = RichTextField(_("beschrijving"), blank=True, features=RICH_TEXT_FEATURES)

    parent_page_types = ["programmes.PartnerIndexPage"]
    subpage_types = ["programmes.VacancyPage"]
    template = "programmes/partner_page.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("organisation_type"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("summary"),
        FieldPanel("description"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("organisation_type"),
    ]

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    @property
    def is_employer(self):
        return self.organisation_type == OrganisationType.EMPLOYER

    def programmes(self):
        """The live programmes in this page's language that name this partner."""
        from programmes.models.programmes import ProgrammePage

        return (
            public_pages(ProgrammePage.objects.live())
            .filter(
                locale_id=self.locale_id,
                programme_partners__partner__translation_key=self.translation_key,
            )
            .distinct()
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        from programmes.models.vacancies import VacancyPage

        context = super().get_context(request, *args, **kwargs)
        context["partner_programmes"] = self.programmes()
        context["open_vacancies"] = (
            public_pages(VacancyPage.objects.live()).child_of(self).filter(is_open=True)
        )
        return context

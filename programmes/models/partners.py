"""Partner organisations: who hosts, coaches, refers, trains and hires."""

import functools
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Prefetch
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from cms import site_cache
from cms.blocks import RICH_TEXT_FEATURES
from cms.listing_cache import listing_context
from cms.site_cache import ViewRestrictionsFromCache, public_pages
from cms.templatetags.opstap import lang_attributes
from programmes.choices import OrganisationType

# The characters Django's reverse() leaves as they are in a page's path.
_URL_SAFE = RFC3986_SUBDELIMS + "/~:@"


@functools.lru_cache(maxsize=64)
def _choice_labels(choices, language):
    return {value: str(label) for value, label in choices.choices}


def choice_label(choices, value):
    """What `get_FOO_display()` returns for `value` of the TextChoices/IntegerChoices
    `choices`, in the active language. Django's hashes every (lazy, so translated
    again) label of the field's choices on each call; these are translated once per
    language."""
    return _choice_labels(choices, translation.get_language()).get(value, value)


# The columns `set_content_languages` reads, for a queryset's `only()` with
# `select_related("alias_of")`.
CONTENT_LANGUAGE_FIELDS = ("locale", "alias_of__locale")


def set_content_languages(pages):
    """Set `cms.languages.content_language`'s answer on each page, from the locale ids
    already fetched, so that `lang_attributes` does not work it out again per page."""
    for page in pages:
        locale_id = page.alias_of.locale_id if page.alias_of_id else page.locale_id
        page._content_language = site_cache.locale_code(locale_id)


class LangAttributes(dict):
    """{language code: `lang_attributes(code)`}, each worked out once."""

    def __missing__(self, code):
        self[code] = value = lang_attributes(code)
        return value


def page_urls(request, pages):
    """{page.pk: page.get_url(request)} for many pages.

    Wagtail reverses its serve URL (under the page's language) for every page; a page
    below the same site root gets the same prefix, so it is asked once per site root and
    the rest of each path is added as reverse() would quote it.
    """
    urls = {}
    prefixes = {}
    append_slash = getattr(settings, "WAGTAIL_APPEND_SLASH", True)
    for page in pages:
        root_paths = page._get_relevant_site_root_paths(request)
        if not append_slash or len({root_path[0] for root_path in root_paths}) != 1:
            urls[page.pk] = page.get_url(request)
            continue
        root = root_paths[0]
        rest = quote(page.url_path[len(root.root_path) :], safe=_URL_SAFE)
        prefix = prefixes.get(root)
        if prefix is None:
            url = page.get_url(request)
            urls[page.pk] = url
            if url and url.endswith(rest):
                prefixes[root] = url[: len(url) - len(rest)]
            continue
        urls[page.pk] = prefix + rest
    return urls


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
            # What a card shows; not the description, the only long text.
            .only(*PartnerCard.fields, *CONTENT_LANGUAGE_FIELDS)
            .select_related("logo", "alias_of")
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
        page.object_list = list(page.object_list)
        set_content_languages(page.object_list)
        urls = page_urls(request, page.object_list)
        lang_attributes_of = LangAttributes()
        return {
            "partners": page,
            "cards": [
                PartnerCard(
                    partner=partner,
                    url=urls[partner.pk],
                    lang_attributes=lang_attributes_of[partner._content_language],
                    organisation_type=capfirst(partner.get_organisation_type_display()),
                )
                for partner in page.object_list
            ],
            "organisation_types": OrganisationType.choices,
            "chosen_type": chosen_type,
        }


@dataclass
class PartnerCard:
    """What a partner's card shows, worked out in Python rather than per card in the
    template."""

    # The columns a card needs.
    fields = ("title", "url_path", "organisation_type", "logo", "summary")

    partner: "PartnerPage"
    url: str
    lang_attributes: str
    organisation_type: str


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

    def get_organisation_type_display(self):
        return choice_label(OrganisationType, self.organisation_type)

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

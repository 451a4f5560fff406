"""The site's general pages: home, content pages, news and the contact desk."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.listing_cache import listing_context
from cms.site_cache import ViewRestrictionsFromCache, public_pages


class BasePage(ViewRestrictionsFromCache, Page):
    """Fields every page of the site has: a short introduction and a free body."""

    intro = models.TextField(
        _("inleiding"),
        blank=True,
        help_text=_("Eén of twee zinnen die zeggen waar de pagina over gaat."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("inhoud"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True


class HomePage(BasePage):
    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: each page type that may sit under the home page names it in its
    # parent_page_types, so cms needs to know nothing of the apps built on it.
    template = "cms/home_page.html"

    class Meta:
        verbose_name = _("startpagina")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(request, self, self.news_listing))
        return context

    def news_listing(self):
        news = (
            public_pages(NewsPage.objects.live())
            .filter(locale_id=self.locale_id)
            .select_related("locale", "alias_of__locale")
            .order_by("-date", "-pk")
        )
        return {"latest_news": list(news[:3])}


class ContentPage(BasePage):
    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    subpage_types = ["cms.ContentPage"]
    template = "cms/content_page.html"

    class Meta:
        verbose_name = _("inhoudspagina")


class NewsIndexPage(BasePage):
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsPage"]
    max_count_per_parent = 1
    template = "cms/news_index_page.html"
    items_per_page = 10

    class Meta:
        verbose_name = _("nieuwsoverzicht")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = (
            public_pages(NewsPage.objects.live())
            .child_of(self)
            .order_by("-date", "-pk")
            .select_related("image", "locale", "alias_of__locale")
        )
        paginator = Paginator(news, self.items_per_page)
        try:
            context["news_items"] = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            context["news_items"] = paginator.page(1)
        return context


class NewsPage(BasePage):
    date = models.DateField(_("datum"), default=timezone.localdate)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("afbeelding"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []
    template = "cms/news_page.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.FilterField("date")]

    class Meta:
        verbose_name = _("nieuwsbericht")
        verbose_name_plural = _("nieuwsberichten")


class ContactDeskPage(BasePage):
    """Shows the contact desk settings (address, hours) beside the page's own text."""

    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "cms/contact_desk_page.html"

    class Meta:
        verbose_name = _("contactpuntpagina")

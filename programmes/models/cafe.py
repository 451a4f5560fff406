"""The networking café: a series of sessions people register for one by one."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import RICH_TEXT_FEATURES, BodyBlock
from cms.site_cache import ViewRestrictionsFromCache, public_pages
from programmes.blocks import ResourcesBlock
from programmes.choices import SESSION_LANGUAGES, SessionFormat
from programmes.models.signatories import CertificateSignatory, certificate_panel


class CafeSeriesPage(RoutablePageMixin, CertificateSignatory, ViewRestrictionsFromCache, Page):
    """A series of café sessions; lists the upcoming ones (their calendar feed is served
    by programmes.urls, as Wagtail's page routes cannot end in ".ics")."""

    intro = models.TextField(_("inleiding"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("inhoud"))
    certificate_after_sessions = models.PositiveSmallIntegerField(
        _("certificaat voor de reeks na zoveel sessies"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Wie zoveel sessies van deze reeks bijwoonde, krijgt een certificaat voor de "
            "reeks. Leeg: geen certificaat voor de reeks, wel per sessie."
        ),
    )

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["programmes.CafeSessionPage"]
    template = "programmes/cafe_series_page.html"
    sessions_per_page = 10

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        certificate_panel(FieldPanel("certificate_after_sessions")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    override_translatable_fields = [
        SynchronizedField("certificate_after_sessions"),
        SynchronizedField("certificate_signatory"),
    ]

    class Meta:
        verbose_name = _("cafereeks")
        verbose_name_plural = _("cafereeksen")

    def sessions(self):
        return (
            public_pages(CafeSessionPage.objects.live())
            .child_of(self)
            .select_related("locale", "alias_of__locale")
        )

    @path("")
    def upcoming_sessions(self, request):
        from cms.listing_cache import listing_context
        from programmes.session_listing import session_listing

        context = listing_context(
            request,
            self,
            lambda: session_listing(self, request),
            tokens=("registrations",),  # the places left
        )
        return self.render(request, context_overrides=context)


class CafeSessionPage(ViewRestrictionsFromCache, Page):
    topic = models.CharField(_("onderwerp"), max_length=200, blank=True)
    intro = models.TextField(_("inleiding"), blank=True)
    body = RichTextField(_("programma"), blank=True, features=RICH_TEXT_FEATURES)
    starts_at = models.DateTimeField(_("begint op"))
    ends_at = models.DateTimeField(_("eindigt op"))
    format = models.CharField(
        _("vorm"), max_length=20, choices=SessionFormat.choices, default=SessionFormat.IN_PERSON
    )
    venue_name = models.CharField(_("plaats"), max_length=200, blank=True)
    venue_address = models.CharField(_("adres"), max_length=250, blank=True)
    online_link = models.URLField(
        _("link naar de online sessie"),
        blank=True,
        help_text=_("Alleen zichtbaar voor wie een bevestigde plaats heeft, en in de bevestiging."),
    )
    capacity = models.PositiveIntegerField(_("aantal plaatsen"), default=20)
    registration_opens_at = models.DateTimeField(
        _("inschrijven kan vanaf"), null=True, blank=True, help_text=_("Leeg: meteen.")
    )
    registration_closes_at = models.DateTimeField(
        _("inschrijven kan tot"),
        null=True,
        blank=True,
        help_text=_("Leeg: tot de sessie begint."),
    )
    session_language = models.CharField(
        _("taal van de sessie"), max_length=10, choices=SESSION_LANGUAGES, default="en"
    )
    resources = StreamField(
        ResourcesBlock(),
        blank=True,
        verbose_name=_("documenten en links van de sessie"),
        help_text=_("Wordt getoond zodra de sessie voorbij is."),
    )

    parent_page_types = ["programmes.CafeSeriesPage"]
    subpage_types = []
    template = "programmes/cafe_session_page.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("topic"),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("starts_at"),
                FieldPanel("ends_at"),
                FieldPanel("format"),
                FieldPanel("session_language"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("online_link"),
            ],
            heading=_("Wanneer en waar"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldPanel("registration_opens_at"),
                FieldPanel("registration_closes_at"),
            ],
            heading=_("Inschrijven"),
        ),
        InlinePanel("hosts", label=_("gastheren en coaches")),
        FieldPanel("resources"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("topic"),
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("starts_at"),
        index.FilterField("format"),
        index.FilterField("session_language"),
    ]

    class Meta:
        verbose_name = _("cafésessie")
        verbose_name_plural = _("cafésessies")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="cafe_session_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1), name="cafe_session_has_a_place"
            ),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("Het einde moet na het begin liggen.")
        if self.format in (SessionFormat.ONLINE, SessionFormat.HYBRID) and not self.online_link:
            errors["online_link"] = _(
                "Een online sessie heeft een link nodig: vul het webadres van de sessie in."
            )
        if self.format in (SessionFormat.IN_PERSON, SessionFormat.HYBRID) and not self.venue_name:
            errors["venue_name"] = _("Een sessie ter plaatse heeft een plaats nodig.")
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at <= self.registration_opens_at
        ):
            errors["registration_closes_at"] = _("Inschrijven moet sluiten nadat het opengaat.")
        if errors:
            raise ValidationError(errors)

    @property
    def has_ended(self):
        return self.ends_at <= timezone.now()

    @property
    def is_online(self):
        return self.format in (SessionFormat.ONLINE, SessionFormat.HYBRID)

    @property
    def is_in_person(self):
        return self.format in (SessionFormat.IN_PERSON, SessionFormat.HYBRID)

    @property
    def registration_closes(self):
        return self.registration_closes_at or self.starts_at

    def registration_is_open(self, now=None):
        now = now or timezone.now()
        if self.registration_opens_at and now < self.registration_opens_at:
            return False
        return now < self.registration_closes

    @property
    def duration(self):
        return self.ends_at - self.starts_at if self.ends_at else datetime.timedelta(0)

    def get_context(self, request, *args, **kwargs):
        from programmes.registration import session_context

        context = super().get_context(request, *args, **kwargs)
        context.update(session_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            from programmes.views.registration import register_for_session

            return register_for_session(request, self)
        return super().serve(request, *args, **kwargs)


class SessionHost(Orderable):
    class Role(models.TextChoices):
        HOST = "host", _("gastheer")
        COACH = "coach", _("coach")

    session = ParentalKey(CafeSessionPage, on_delete=models.CASCADE, related_name="hosts")
    partner = models.ForeignKey(
        "programmes.PartnerPage",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    role = models.CharField(_("rol"), max_length=10, choices=Role.choices, default=Role.HOST)

    panels = [FieldPanel("partner"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("gastheer of coach")

"""The contact desk: address, phone, email and opening hours, set once per site."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from cms.blocks import OpeningHoursBlock


@register_setting(icon="home")
class ContactDeskSettings(BaseSiteSetting):
    """Facts about the desk that do not change with the language; weekday names and the
    surrounding text are translated where they are shown."""

    name = models.CharField(_("naam van het loket"), max_length=120, blank=True)
    street = models.CharField(_("straat en nummer"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("gemeente"), max_length=100, blank=True)
    phone = models.CharField(
        _("telefoon"),
        max_length=40,
        blank=True,
        help_text=_("Met landcode, bijvoorbeeld +32 16 27 00 00."),
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    opening_hours = StreamField(
        [("hours", OpeningHoursBlock())], blank=True, verbose_name=_("openingsuren")
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("street"), FieldPanel("postcode"), FieldPanel("city")],
            heading=_("Adres"),
        ),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Bereikbaarheid")),
        FieldPanel("opening_hours"),
    ]

    class Meta:
        verbose_name = _("contactpunt")

    @property
    def has_address(self):
        return bool(self.street and self.city)

    @property
    def phone_href(self):
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")

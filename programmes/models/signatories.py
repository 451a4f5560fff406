"""Who signs the certificates of a programme or café series."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class CertificateSignatory(models.Model):
    """The person whose name and role a certificate prints above the signature line.

    The name is the same in every language; the role is translated with the page.
    """

    certificate_signatory = models.CharField(
        _("ondertekend door"),
        max_length=150,
        blank=True,
        help_text=_("Naam van wie de certificaten ondertekent, bijvoorbeeld de coördinator."),
    )
    certificate_signatory_role = models.CharField(
        _("functie van wie ondertekent"),
        max_length=150,
        blank=True,
        help_text=_("Bijvoorbeeld: coördinator Jumpstart Café."),
    )

    class Meta:
        abstract = True


def certificate_panel(*extra):
    return MultiFieldPanel(
        [*extra, FieldPanel("certificate_signatory"), FieldPanel("certificate_signatory_role")],
        heading=_("Certificaten"),
    )

"""A certificate's PDF and the email that says it is ready.

The PDF is rendered from the certificate's frozen data with autoescaping (a name is
printed as text, whatever it holds), by WeasyPrint with a fetcher that loads only our
static files. It is rendered once: the file and its SHA-256 are written on the record
and never again.
"""

import base64
import datetime
import hashlib
from functools import partial

import segno
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_bidi

from cms.pdf import static_files_url_fetcher, write_pdf
from workflows.models import Certificate
from workflows.portal_emails import absolute_url, email_message

# A logo is shown at most this size (pixels) on paper; larger files only weigh more.
LOGO_RENDITION = "max-600x240|format-png"


def verify_url(certificate):
    """The public page that checks this certificate, in the certificate's language."""
    with translation.override(certificate.language):
        return absolute_url(reverse("certificates:verify", kwargs={"code": certificate.code}))


def qr_svg(url):
    # segno draws the SVG itself from the URL's bits: no text of anyone's gets into it.
    svg = segno.make(url, error="m").svg_inline(scale=4, border=0)
    return mark_safe(svg)  # noqa: S308  # nosec B308 B703


def _date(value):
    if not value:
        return ""
    # "5 december 2026", with the month in the active language.
    return formats.date_format(datetime.date.fromisoformat(value), "j F Y")


def _logo(image_id):
    """A partner's logo as a data: URI, so the PDF needs no address outside our static
    files; "" when the image is gone or unreadable."""
    from wagtail.images import get_image_model

    image = get_image_model().objects.filter(pk=image_id).first() if image_id else None
    if image is None:
        return ""
    try:
        rendition = image.get_rendition(LOGO_RENDITION)
        with rendition.file.open("rb") as handle:
            data = base64.b64encode(handle.read()).decode("ascii")
    except (OSError, ValueError):
        return ""
    return f"data:image/png;base64,{data}"


def certificate_context(certificate):
    """The template's data, all of it from the record; call inside the certificate's
    language."""
    details = dict(certificate.details)
    details["partners"] = [
        {"name": partner.get("name", ""), "logo": _logo(partner.get("logo_id"))}
        for partner in details.get("partners", [])
    ]
    url = verify_url(certificate)
    return {
        # Plain values only: the template cannot reach the record or anything behind it.
        "certificate": {
            "number": certificate.number,
            "display_code": certificate.display_code,
            "kind": certificate.kind,
        },
        "holder_name": certificate.recipient_name,
        "details": details,
        "completed_on": _date(details.get("completed_on")),
        "started_on": _date(details.get("started_on")),
        "ends_on": _date(details.get("ends_on")),
        "issued_on": formats.date_format(timezone.localdate(certificate.issued_at), "j F Y"),
        "verify_url": url,
        "qr_svg": qr_svg(url),
        "language_code": certificate.language,
        "direction": "rtl" if get_language_bidi() else "ltr",
    }


def certificate_html(certificate):
    with (
        translation.override(certificate.language),
        timezone.override(settings.TIME_ZONE),
    ):
        return render_to_string(
            f"certificates/{certificate.kind}.html", certificate_context(certificate)
        )


def certificate_pdf(certificate):
    return write_pdf(certificate_html(certificate), static_files_url_fetcher())


def store_pdf(certificate):
    """Render the PDF and keep it with its hash, unless that was done before."""
    if certificate.pdf:
        return False
    content = certificate_pdf(certificate)
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.pdf:  # another worker was first
            certificate.pdf, certificate.sha256 = locked.pdf, locked.sha256
            return False
        locked.sha256 = hashlib.sha256(content).hexdigest()
        locked.rendered_at = timezone.now()
        locked.pdf.save(f"{locked.number}.pdf", ContentFile(content), save=False)
        locked.save(update_fields=["pdf", "sha256", "rendered_at"])
    certificate.pdf, certificate.sha256 = locked.pdf, locked.sha256
    certificate.rendered_at = locked.rendered_at
    return True


def notify_holder(certificate):
    """Tell the holder, in the certificate's language, that it is in their portal; once."""
    with transaction.atomic():
        locked = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("recipient")
            .get(pk=certificate.pk)
        )
        if locked.notified_at is not None or locked.recipient is None or locked.revoked_at:
            return False
        language = locked.language
        with translation.override(language), timezone.override(settings.TIME_ZONE):
            context = {
                "certificate": locked,
                "holder_name": locked.recipient_name,
                "subject_title": locked.subject_title,
                "site_name": settings.WAGTAIL_SITE_NAME,
                "language_code": language,
                "portal_url": absolute_url(reverse("portal:overview")) + "#certificaten",
                "verify_url": verify_url(locked),
            }
            email_message(
                "certificate_issued", context, to=locked.recipient.email, language=language
            ).send()
        locked.notified_at = timezone.now()
        locked.save(update_fields=["notified_at"])
    certificate.notified_at = locked.notified_at
    return True


def deliver_later(certificates):
    """Queue the delivery of new certificates, once the transaction that issued them
    has committed."""
    from workflows.tasks import deliver_certificate

    for certificate in certificates:
        transaction.on_commit(partial(deliver_certificate.enqueue, certificate.pk))


def deliver(certificate):
    """Everything after issue: the PDF, then the email saying it is ready."""
    store_pdf(certificate)
    notify_holder(certificate)

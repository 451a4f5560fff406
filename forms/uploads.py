"""Uploads in the application wizard: PDF, JPEG or PNG, recognised by their content.

A file's name and the content type the browser sends say nothing about what is inside;
a renamed program or web page must not reach a reviewer's screen. So the first bytes
decide, and images must also open in Pillow.
"""

import math
import warnings

from django import forms
from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from PIL import Image

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
ACCEPTED_CONTENT_TYPES = (PDF, JPEG, PNG)

PDF_SIGNATURE = b"%PDF-"
JPEG_SIGNATURE = b"\xff\xd8\xff"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PILLOW_FORMATS = {JPEG: "JPEG", PNG: "PNG"}

BYTES_PER_MB = 1024 * 1024


def sniff_content_type(fileobj):
    """ "application/pdf", "image/jpeg" or "image/png" by content; None for anything else.

    The file is left at its start, ready to be read again or saved.
    """
    fileobj.seek(0)
    head = fileobj.read(len(PNG_SIGNATURE))
    fileobj.seek(0)
    if head.startswith(PDF_SIGNATURE):
        return PDF
    if head.startswith(JPEG_SIGNATURE):
        content_type = JPEG
    elif head.startswith(PNG_SIGNATURE):
        content_type = PNG
    else:
        return None
    try:
        # An image too large to decode safely is refused like any unreadable image.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(fileobj) as image:
                image_format = image.format
                image.verify()
    except Exception:
        return None
    finally:
        fileobj.seek(0)
    return content_type if image_format == PILLOW_FORMATS[content_type] else None


def max_upload_mb():
    return settings.OPSTAP_UPLOAD_MAX_MB


def megabytes(size):
    """A size in bytes as megabytes with one decimal, rounded up and written the way the
    active language writes numbers: 1,3 in Dutch. Rounded up, so a file just over the
    limit never reads as the limit itself."""
    return formats.number_format(math.ceil(size * 10 / BYTES_PER_MB) / 10, 1)


class UploadField(forms.FileField):
    """A PDF, JPEG or PNG of at most OPSTAP_UPLOAD_MAX_MB megabytes.

    After cleaning, the file's `content_type` is the type its content shows, not the one
    the browser sent.
    """

    widget = forms.FileInput(attrs={"accept": ",".join(ACCEPTED_CONTENT_TYPES)})
    default_error_messages = {
        "required": _("Kies een bestand: een PDF, of een foto als JPEG of PNG."),
        "invalid": _(
            "Het bestand kwam niet goed door. Kies het opnieuw; lukt het niet, probeer dan "
            "een andere browser."
        ),
        "missing": _(
            "Het bestand kwam niet goed door. Kies het opnieuw; lukt het niet, probeer dan "
            "een andere browser."
        ),
        "empty": _(
            "Dit bestand is leeg. Open het op je toestel om te zien of het goed bewaard is, "
            "en kies het opnieuw. Of maak een nieuwe foto."
        ),
        "max_length": _(
            "De naam van dit bestand is te lang. Geef het een kortere naam, bijvoorbeeld "
            "diploma.pdf, en kies het opnieuw."
        ),
        "too_big": _(
            "Dit bestand is %(size)s MB. Kies een bestand van hoogstens %(max)s MB, of maak "
            "het kleiner (bijvoorbeeld door het te scannen met een lagere resolutie)."
        ),
        "wrong_type": _(
            "Dit bestand is geen PDF, JPEG of PNG. Bewaar het als PDF of maak er een foto "
            "van, en kies het opnieuw."
        ),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 255)
        super().__init__(**kwargs)

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        limit = max_upload_mb()
        if upload.size > limit * BYTES_PER_MB:
            raise forms.ValidationError(
                self.error_messages["too_big"],
                code="too_big",
                params={"size": megabytes(upload.size), "max": limit},
            )
        content_type = sniff_content_type(upload)
        if content_type is None:
            raise forms.ValidationError(self.error_messages["wrong_type"], code="wrong_type")
        upload.content_type = content_type
        return upload

"""Uploads in the application wizard: a PDF, JPEG or PNG, known by what is inside it,
never by its name or what the browser says it is."""

import io

import pytest
from django import forms
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.test import override_settings
from django.utils import translation
from PIL import Image

from forms.uploads import UploadField, sniff_content_type

SMALL_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    b"trailer << /Root 1 0 R >>\n"
    b"%%EOF\n"
)
WINDOWS_PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
WEB_PAGE = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG_IMAGE = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def image_bytes(image_format):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), color=(200, 30, 30)).save(buffer, format=image_format)
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def refusal(field, file):
    with translation.override("nl"), pytest.raises(forms.ValidationError) as error:
        field.clean(file)
    return " ".join(str(message) for message in error.value.messages)


WRONG_TYPE = (
    "Dit bestand is geen PDF, JPEG of PNG. Bewaar het als PDF of maak er een foto van, en "
    "kies het opnieuw."
)


# --- Recognising the content ---------------------------------------------------------


def test_a_pdf_is_recognised_by_its_first_bytes():
    assert sniff_content_type(io.BytesIO(SMALL_PDF)) == "application/pdf"


def test_a_png_made_with_pillow_is_recognised():
    assert sniff_content_type(io.BytesIO(image_bytes("PNG"))) == "image/png"


def test_a_jpeg_made_with_pillow_is_recognised():
    assert sniff_content_type(io.BytesIO(image_bytes("JPEG"))) == "image/jpeg"


def test_a_windows_program_is_not_recognised():
    assert sniff_content_type(io.BytesIO(WINDOWS_PROGRAM)) is None


def test_a_web_page_and_an_svg_are_not_recognised():
    assert sniff_content_type(io.BytesIO(WEB_PAGE)) is None
    assert sniff_content_type(io.BytesIO(SVG_IMAGE)) is None


def test_an_image_signature_followed_by_rubbish_is_not_recognised():
    broken_png = b"\x89PNG\r\n\x1a\n" + b"not really an image" * 10
    broken_jpeg = b"\xff\xd8\xff\xe0" + b"not really an image" * 10

    assert sniff_content_type(io.BytesIO(broken_png)) is None
    assert sniff_content_type(io.BytesIO(broken_jpeg)) is None


@pytest.mark.parametrize("content", [SMALL_PDF, image_bytes("PNG"), WINDOWS_PROGRAM])
def test_sniffing_leaves_the_file_at_its_start(content):
    file = io.BytesIO(content)
    file.seek(5)

    sniff_content_type(file)

    assert file.tell() == 0
    assert file.read() == content


# --- The upload field ----------------------------------------------------------------


def test_a_pdf_is_accepted_and_marked_as_pdf():
    field = UploadField()

    file = field.clean(upload("diploma.pdf", SMALL_PDF))

    assert file.content_type == "application/pdf"
    assert file.read() == SMALL_PDF


@pytest.mark.parametrize(
    "image_format, content_type", [("PNG", "image/png"), ("JPEG", "image/jpeg")]
)
def test_a_photo_is_accepted_whatever_its_name_and_browser_type(image_format, content_type):
    field = UploadField()

    file = field.clean(upload("scan.pdf", image_bytes(image_format), "application/pdf"))

    assert file.content_type == content_type


def test_a_renamed_program_is_refused_with_a_way_to_fix_it():
    file = upload("diploma.pdf", WINDOWS_PROGRAM, "application/pdf")

    assert refusal(UploadField(), file) == WRONG_TYPE


@pytest.mark.parametrize("content", [WEB_PAGE, SVG_IMAGE])
def test_a_web_page_or_svg_named_png_is_refused(content):
    file = upload("photo.png", content, "image/png")

    assert refusal(UploadField(), file) == WRONG_TYPE


@override_settings(OPSTAP_UPLOAD_MAX_MB=1)
def test_a_file_over_the_limit_says_its_size_and_the_limit():
    oversized = SMALL_PDF + b"0" * (int(1.2 * 1024 * 1024) - len(SMALL_PDF))

    message = refusal(UploadField(), upload("diploma.pdf", oversized, "application/pdf"))

    assert message == (
        "Dit bestand is 1,2 MB. Kies een bestand van hoogstens 1 MB, of maak het kleiner "
        "(bijvoorbeeld door het te scannen met een lagere resolutie)."
    )


@override_settings(OPSTAP_UPLOAD_MAX_MB=1)
def test_a_file_just_over_the_limit_never_reads_as_the_limit():
    just_over = SMALL_PDF + b"0" * (1024 * 1024 + 1 - len(SMALL_PDF))

    message = refusal(UploadField(), upload("diploma.pdf", just_over))

    assert message.startswith("Dit bestand is 1,1 MB.")


@override_settings(OPSTAP_UPLOAD_MAX_MB=1)
def test_a_file_of_exactly_the_limit_is_accepted():
    at_limit = SMALL_PDF + b"0" * (1024 * 1024 - len(SMALL_PDF))

    assert UploadField().clean(upload("diploma.pdf", at_limit)).content_type == "application/pdf"


def test_an_empty_file_is_refused_with_a_way_to_fix_it():
    message = refusal(UploadField(), upload("diploma.pdf", b""))

    assert message == (
        "Dit bestand is leeg. Open het op je toestel om te zien of het goed bewaard is, en "
        "kies het opnieuw. Of maak een nieuwe foto."
    )


def test_an_optional_upload_may_be_left_out():
    assert UploadField(required=False).clean(None) is None


def test_the_file_picker_offers_only_pdf_jpeg_and_png():
    html = UploadField().widget.render("diploma", None)

    assert 'type="file"' in html
    assert 'accept="application/pdf,image/jpeg,image/png"' in html


def test_a_file_kept_in_storage_is_checked_again_like_a_new_upload():
    # The wizard re-checks kept files from storage, wrapped as formtools does.
    storage = InMemoryStorage()
    name = storage.save("drafts/abc123.png", ContentFile(image_bytes("PNG")))
    kept = UploadedFile(
        file=storage.open(name),
        name="foto diploma.png",
        content_type="image/png",
        size=storage.size(name),
        charset=None,
    )

    file = UploadField().clean(kept)

    assert file.content_type == "image/png"
    assert file.name == "foto diploma.png"
    assert file.tell() == 0

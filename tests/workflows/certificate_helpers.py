"""Builders and readers for the certificate tests: a completed case, checked-in café
attendees, and the text, fonts and QR code of a PDF."""

import io

from django.utils import timezone

from programmes.models import Registration
from tests.programmes.cafe_factories import (
    CafeSeriesPageFactory,
    CafeSessionPageFactory,
    RegistrationFactory,
    in_days,
)
from tests.workflows.case_factories import make_case, make_reviewer, put_in
from workflows import engine
from workflows.default_workflows import COACHES


def completed_case(programme, capture, **application_fields):
    """A case its coach moves to "completed" through the engine, effects run."""
    case = make_case(programme, **application_fields)
    coach = make_reviewer(COACHES, programme)
    put_in(case, "aftercare", assignee=coach)
    with capture(execute=True):
        engine.perform(case, "complete", coach, data={}, expected_state="aftercare")
    case.refresh_from_db()
    return case


def past_session(series=None, days_ago=7, **fields):
    fields.setdefault("starts_at", in_days(-days_ago))
    if series is not None:
        fields["parent"] = series
    return CafeSessionPageFactory(**fields)


def attendee(session, **fields):
    registration = RegistrationFactory(session=session, **fields)
    Registration.objects.filter(pk=registration.pk).update(checked_in_at=timezone.now())
    registration.refresh_from_db()
    return registration


def series_with_sessions(count, *, certificate_after_sessions=None):
    series = CafeSeriesPageFactory(certificate_after_sessions=certificate_after_sessions)
    sessions = [past_session(series, days_ago=7 * (count - i)) for i in range(count)]
    return series, sessions


# --- Reading a PDF -----------------------------------------------------------------------


def pdf_text(content):
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def pdf_page_count(content):
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(content)).pages)


def embedded_font_names(content):
    """The fonts the PDF embeds, without their subset prefix ("ABCDEF+")."""
    from pypdf import PdfReader

    names = set()
    for page in PdfReader(io.BytesIO(content)).pages:
        fonts = page["/Resources"].get("/Font", {})
        for font in fonts.values():
            base = str(font.get_object()["/BaseFont"]).lstrip("/")
            names.add(base.split("+", 1)[-1])
    return names


def qr_codes(content):
    """The texts of the QR codes on the PDF's first page, as a scanner reads them."""
    import pypdfium2
    import zxingcpp

    image = pypdfium2.PdfDocument(content)[0].render(scale=3).to_pil()
    return [barcode.text for barcode in zxingcpp.read_barcodes(image)]


def embedded_images(content):
    from pypdf import PdfReader

    return [image for page in PdfReader(io.BytesIO(content)).pages for image in page.images]

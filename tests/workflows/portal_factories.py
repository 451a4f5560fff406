"""Small builders for the portal's tests: participants, their applications, drafts and
documents, on the demo site's Dutch programme pages."""

import itertools
import uuid

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.models import Locale

from forms.models import Application, ApplicationDocument, ApplicationDraft, PrivacyNotice
from programmes.models import ProgrammePage

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

_numbers = itertools.count(1)


def make_user(email=None, **fields):
    email = email or f"deelnemer{next(_numbers)}@example.org"
    fields.setdefault("first_name", "Amina")
    fields.setdefault("last_name", "Haddad")
    return get_user_model().objects.create_user(email=email, **fields)


def make_staff(email="medewerker@example.org", **fields):
    return make_user(email, is_staff=True, **fields)


def privacy_notice():
    notice = PrivacyNotice.objects.filter(locale=Locale.get_default()).first()
    if notice is None:
        notice = PrivacyNotice.objects.create(
            version="test-1",
            title="Privacyverklaring",
            body="<p>We gebruiken je gegevens alleen voor je aanmelding.</p>",
            agreement_label="Ik heb de privacyverklaring gelezen.",
            locale=Locale.get_default(),
        )
    return notice


def dutch_programmes():
    return ProgrammePage.objects.filter(locale__language_code="nl").order_by("pk")


def dutch_programme():
    return dutch_programmes().first()


def make_application(applicant, *, programme=None, reference=None, **fields):
    notice = privacy_notice()
    values = {
        "reference": reference or f"TST-2026-{next(_numbers):05d}",
        "programme": programme or dutch_programme(),
        "applicant": applicant,
        "draft_public_id": uuid.uuid4(),
        "first_name": applicant.first_name or "Amina",
        "last_name": applicant.last_name or "Haddad",
        "email": applicant.email,
        "language": "nl",
        "preferred_language": applicant.preferred_language,
        "form_version": "2026-1",
        "answers": {
            "about": {"first_name": "Amina", "last_name": "Haddad", "country": "SY"},
            "education": {"eqf_level": 6, "diploma_recognised": False},
        },
        "eligible": True,
        "eligibility": {"verdict": "eligible"},
        "privacy_notice": notice,
        "privacy_notice_version": notice.version,
    }
    values.update(fields)
    return Application.objects.create(**values)


def make_draft(user=None, *, programme=None, email="", wizard_state=None, language="nl"):
    return ApplicationDraft.objects.create(
        programme=programme or dutch_programme(),
        user=user,
        email=email,
        language=language,
        wizard_state=wizard_state
        if wizard_state is not None
        else {
            "step": "about",
            "step_data": {"about": {"first_name": ["Amina"], "city": ["Leuven"]}},
            "step_files": {},
        },
    )


def make_document(application, *, kind="diploma", name="diploma-amina.pdf", content=PDF_BYTES):
    document = ApplicationDocument(
        application=application,
        kind=kind,
        original_name=name,
        content_type="application/pdf",
        size=len(content),
    )
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document

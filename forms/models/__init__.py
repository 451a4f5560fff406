"""The intake's records: drafts that resume, applications, their documents, privacy notices."""

from .applications import Application, ApplicationDocument, ReferenceCounter
from .drafts import ApplicationDraft
from .privacy import PrivacyNotice

__all__ = [
    "Application",
    "ApplicationDocument",
    "ApplicationDraft",
    "PrivacyNotice",
    "ReferenceCounter",
]

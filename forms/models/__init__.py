"""The intake's records: drafts that resume, applications, their documents, privacy notices
and referrals."""

from .applications import Application, ApplicationDocument, ReferenceCounter
from .drafts import ApplicationDraft
from .privacy import PrivacyNotice
from .referrals import Referral

__all__ = [
    "Application",
    "ApplicationDocument",
    "ApplicationDraft",
    "PrivacyNotice",
    "ReferenceCounter",
    "Referral",
]

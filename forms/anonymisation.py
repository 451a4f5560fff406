"""Erasing the personal data of an application, keeping what the statistics count.

The reference, programme, dates, eligibility outcome and the report columns stay (see
forms.statistics); names, contact details, every answer, the eligibility explanation,
the uploaded documents, the draft they came from and what a referrer wrote about the
person go. Files are deleted only once the transaction commits, so a failure halfway
loses no file of a record that stays.
"""

from django.db import transaction
from django.utils import timezone

from cms.storage import private_storage
from forms.drafts import discard_draft
from forms.models import ApplicationDraft
from forms.referrals import erase_for_application

PERSONAL_FIELDS = ["first_name", "last_name", "email", "phone", "answers", "eligibility"]


def anonymise_application(application, now=None):
    """Erase `application`'s personal data; False when that was done before."""
    if application.anonymised_at is not None:
        return False
    names = [document.file.name for document in application.documents.all()]
    application.documents.all().delete()
    for draft in ApplicationDraft.objects.filter(public_id=application.draft_public_id):
        discard_draft(draft)
    application.first_name = application.last_name = ""
    application.email = application.phone = ""
    application.answers = {}
    application.eligibility = {}
    application.anonymised_at = now or timezone.now()
    application.save(update_fields=[*PERSONAL_FIELDS, "anonymised_at"])
    erase_for_application(application, application.anonymised_at)
    storage = private_storage()
    transaction.on_commit(lambda: [storage.delete(name) for name in names])
    return True

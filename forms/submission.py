"""Submitting an application: once, completely, with its eligibility snapshot.

`submit_application` is the only way an Application comes to be. It runs in one
transaction with the draft row locked, so a double click or a replayed request gives
back the application the first one made.
"""

from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation

from cms.models import User
from forms.models import Application, ApplicationDocument, ApplicationDraft, ReferenceCounter
from forms.referrals import attach_application
from forms.signals import application_submitted
from forms.statistics import statistics_from_answers
from forms.steps import FORM_VERSION, declined_questions, facts_from_answers
from programmes.eligibility import evaluate

DOCUMENT_FIELDS = {
    "diploma": ApplicationDocument.Kind.DIPLOMA,
    "cv": ApplicationDocument.Kind.CV,
}


class ApplicationsClosed(Exception):
    """The programme stopped taking applications; the draft is kept."""


def next_reference(code, year):
    """The next readable reference for a programme code and year: L2W-2026-00042."""
    counter, _created = ReferenceCounter.objects.select_for_update().get_or_create(
        code=code, year=year
    )
    ReferenceCounter.objects.filter(pk=counter.pk).update(last_number=F("last_number") + 1)
    counter.refresh_from_db(fields=["last_number"])
    return f"{code}-{year}-{counter.last_number:05d}"


def eligibility_snapshot(programme, answers, today, language):
    """The verdict of `programmes.eligibility.evaluate` on the answers, with each rule's
    explanation in the applicant's language and in Dutch for staff."""
    rules = programme.eligibility_rules()
    verdict = evaluate(rules, facts_from_answers(answers, today), today)

    def explained(outcome):
        with translation.override(language):
            in_language = str(outcome.explanation)
        with translation.override("nl"):
            in_dutch = str(outcome.explanation)
        return {
            "rule": outcome.rule,
            "status": outcome.status,
            "explanation": in_language,
            "explanation_nl": in_dutch,
        }

    return verdict.eligible, {
        "checked_on": today.isoformat(),
        "eligible": verdict.eligible,
        "outcomes": [explained(outcome) for outcome in verdict.outcomes],
    }


def participant_for(email, first_name, last_name, language):
    """The participant account for an email address, made the first time it is needed
    (an application, a café certificate)."""
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        return user
    try:
        with transaction.atomic():
            return User.objects.create_user(
                email=email,
                first_name=first_name,
                last_name=last_name,
                preferred_language=language,
            )
    except IntegrityError:
        # Made at the same moment elsewhere (two submits, two certificate runs).
        return User.objects.get(email__iexact=email)


def submit_application(draft, step_forms, *, today=None, language=None):
    """Save the application from the wizard's validated `step_forms` ({step: form}).

    Returns the application; the same one again when the draft was submitted before.
    """
    today = today or timezone.localdate()
    language = language or translation.get_language()
    try:
        with transaction.atomic():
            return _submit(draft, step_forms, today, language)
    except IntegrityError:
        # Two submits of one draft raced past the lock (only possible without row
        # locks); the database kept one application, and that is the answer.
        existing = Application.objects.filter(draft_public_id=draft.public_id).first()
        if existing is None:
            raise
        return existing


def _submit(draft, step_forms, today, language):
    draft = (
        ApplicationDraft.objects.select_for_update().select_related("programme").get(pk=draft.pk)
    )
    if draft.submitted_at is not None:
        return Application.objects.get(draft_public_id=draft.public_id)
    programme = draft.programme
    if not programme.applications_open(today):
        raise ApplicationsClosed

    answers = {step: form.answers() for step, form in step_forms.items() if step != "review"}
    about = answers["about"]
    preferred_language = about.get("preferred_language") or language
    eligible, eligibility = eligibility_snapshot(programme, answers, today, preferred_language)
    notice = step_forms["privacy"].context.privacy_notice
    application = Application.objects.create(
        reference=next_reference(programme.reference_code, today.year),
        programme=programme,
        applicant=participant_for(
            about["email"], about["first_name"], about["last_name"], preferred_language
        ),
        draft_public_id=draft.public_id,
        first_name=about["first_name"],
        last_name=about["last_name"],
        email=about["email"],
        phone=about.get("phone") or "",
        language=language,
        preferred_language=preferred_language,
        form_version=FORM_VERSION,
        answers=answers,
        eligible=eligible,
        eligibility=eligibility,
        privacy_notice=notice,
        privacy_notice_version=notice.version,
        legal_basis=notice.legal_basis,
        declined_questions=declined_questions(answers),
        **statistics_from_answers(answers, today),
    )
    documents = step_forms.get("documents")
    if documents is not None:
        for field, kind in DOCUMENT_FIELDS.items():
            upload = documents.cleaned_data.get(field)
            if upload:
                upload.seek(0)
                ApplicationDocument.objects.create(
                    application=application,
                    kind=kind,
                    file=File(upload, name=upload.name),
                    original_name=upload.name,
                    content_type=upload.content_type or "",
                    size=upload.size,
                )
    draft.submitted_at = timezone.now()
    draft.user = application.applicant if draft.user_id is None else draft.user
    draft.save(update_fields=["submitted_at", "user"])
    attach_application(draft, application)
    application_submitted.send(sender=Application, application=application)
    transaction.on_commit(lambda: _queue_confirmation(application.pk))
    return application


def _queue_confirmation(application_id):
    from forms.tasks import send_application_confirmation

    send_application_confirmation.enqueue(application_id)

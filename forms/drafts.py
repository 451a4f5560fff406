"""Drafts of applications: finding a person's draft, resume links, discarding and purging.

A draft belongs to the browser session that started it, to the signed-in participant
whose draft it is, and to whoever opens its emailed resume link (which binds it to that
browser). Nothing else finds a draft: its id in a URL is not enough.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone

from cms.storage import private_storage
from forms.models import ApplicationDraft, Referral

SESSION_KEY = "application_drafts"
# The wizard's first step, where a pre-filled draft opens.
FIRST_STEP = "about"
RESUME_SALT = "forms.draft.resume"


def retention_days():
    return settings.OPSTAP_DRAFT_RETENTION_DAYS


def bind_to_session(request, draft):
    """Let this browser open `draft`: one draft per programme per browser."""
    bound = dict(request.session.get(SESSION_KEY, {}))
    bound[str(draft.programme_id)] = str(draft.public_id)
    request.session[SESSION_KEY] = bound


def unbind_from_session(request, draft):
    bound = dict(request.session.get(SESSION_KEY, {}))
    if bound.get(str(draft.programme_id)) == str(draft.public_id):
        del bound[str(draft.programme_id)]
        request.session[SESSION_KEY] = bound


def draft_for(request, programme):
    """The open or just-submitted draft this browser or participant has for `programme`."""
    public_id = request.session.get(SESSION_KEY, {}).get(str(programme.pk))
    drafts = ApplicationDraft.objects.filter(programme=programme)
    if public_id:
        draft = drafts.filter(public_id=public_id).first()
        if draft is not None:
            return draft
    if request.user.is_authenticated:
        return drafts.filter(user=request.user, submitted_at__isnull=True).first()
    return None


def owned_by(draft, user):
    """True when `user` may open `draft` from their portal."""
    if not user.is_authenticated:
        return False
    if draft.user_id == user.pk:
        return True
    return bool(draft.email) and draft.email.lower() == (user.email or "").lower()


def drafts_of(user):
    """A participant's open drafts, newest first."""
    from django.db.models import Q

    return (
        ApplicationDraft.objects.filter(submitted_at__isnull=True)
        .filter(Q(user=user) | Q(email__iexact=user.email))
        .select_related("programme")
        .order_by("-updated_at")
    )


def canonical_programme(page):
    """The programme page drafts belong to: the first of its translations."""
    from programmes.models import ProgrammePage

    return (
        ProgrammePage.objects.filter(translation_key=page.translation_key).order_by("pk").first()
        or page
    )


def first_step_answers(*, name, email="", phone="", language=""):
    """The wizard's first step ("about") as someone else already knows it: the name split
    at its first space, and the language to write in."""
    from cms.languages import supported_language

    first_name, _space, last_name = name.strip().partition(" ")
    return {
        "first_name": first_name,
        "last_name": last_name.strip(),
        "email": email,
        "phone": phone,
        "preferred_language": supported_language(language),
    }


def prefilled_draft(programme, *, language, answers, email=""):
    """A new draft for `programme` that opens at its first step with `answers` ({step:
    {field: value}}) filled in as if typed, for a person who is not here yet (a visit to
    the contact desk, a referral). Blank answers stay blank."""
    step_data = {
        step: {f"{step}-{field}": [value] for field, value in fields.items() if value}
        for step, fields in answers.items()
    }
    return ApplicationDraft.objects.create(
        programme=canonical_programme(programme),
        email=email,
        language=language,
        wizard_state={
            "step": FIRST_STEP,
            "step_data": step_data,
            "step_files": {},
            "extra_data": {},
        },
    )


def resume_token(draft):
    """The secret part of a draft's resume link."""
    return signing.dumps({"d": str(draft.public_id), "s": draft.resume_secret}, salt=RESUME_SALT)


def draft_for_resume_token(token):
    """The draft a resume link opens, or None when the link is unknown or out of date."""
    try:
        payload = signing.loads(
            token, salt=RESUME_SALT, max_age=datetime.timedelta(days=retention_days())
        )
    except signing.BadSignature:
        return None
    draft = ApplicationDraft.objects.filter(public_id=payload.get("d")).first()
    if draft is None or draft.resume_secret != payload.get("s"):
        return None
    return draft


def discard_draft(draft):
    """Delete a draft and the files uploaded to it."""
    names = draft.stored_files()
    # A referral whose draft never became an application keeps nothing of the candidate.
    Referral.objects.filter(draft=draft, application__isnull=True).erase_personal_data()
    draft.delete()
    storage = private_storage()
    transaction.on_commit(lambda: [storage.delete(name) for name in names])


def purge_abandoned_drafts(now=None, days=None):
    """Delete drafts untouched for `days` (default: the retention setting), with their
    files; submitted drafts too, as their answers now live in the application."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=days if days is not None else retention_days())
    count = 0
    for draft in ApplicationDraft.objects.filter(updated_at__lt=cutoff).iterator():
        discard_draft(draft)
        count += 1
    return count

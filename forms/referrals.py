"""Referring a candidate: the referral, the candidate's link, confirming, purging, erasing.

A referrer (the job coach of a partner organisation) fills in a short form. That makes a
`Referral` and a draft of the application, pre-filled with what the referrer knows, and
sends the candidate a link in their language. The candidate confirms (and chooses
whether the referrer may follow their progress) and continues in the wizard. Without
confirmation within OPSTAP_REFERRAL_CONFIRM_DAYS days, everything about the candidate is
erased and a stub stays for the counts.

Who referred is a user and an organisation (PartnerPage): this app stays upstream of
`workflows`, where partner accounts live.
"""

import datetime
from functools import partial

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.log_actions import log

from cms.languages import supported_language
from forms import drafts
from forms.emails import absolute_url
from forms.models import Referral

CONFIRM_SALT = "forms.referral.confirm"
REFERRAL_STEP = "referral"


def confirm_days():
    return settings.OPSTAP_REFERRAL_CONFIRM_DAYS


def person_name(user):
    if user is None:
        return ""
    return user.get_full_name().strip() or user.email


# --- Referring ---------------------------------------------------------------------------


def draft_answers(*, referrer, organisation, programme, candidate_name, email, phone, language):
    """The wizard's answers the referral already knows: the candidate's name, contact and
    language, and, where the programme asks it, who refers them."""
    answers = {
        drafts.FIRST_STEP: drafts.first_step_answers(
            name=candidate_name, email=email, phone=phone, language=language
        )
    }
    if programme.asks_referral:
        with translation.override(supported_language(language)):
            organisation_name = organisation.localized.title
        answers[REFERRAL_STEP] = {
            "referring_organisation": organisation_name,
            "coach_name": person_name(referrer),
            "coach_email": referrer.email if referrer else "",
        }
    return answers


def waiting_referral(organisation, programme, *, email, phone):
    """The organisation's referral of this candidate for `programme` that still waits for
    confirmation, if any."""
    same_person = Q()
    if email:
        same_person |= Q(email__iexact=email)
    if phone:
        same_person |= Q(phone=phone)
    if not same_person:
        return None
    return (
        Referral.objects.filter(
            same_person,
            organisation=organisation,
            programme=drafts.canonical_programme(programme),
            confirmed_at__isnull=True,
            purged_at__isnull=True,
        )
        .order_by("pk")
        .first()
    )


def refer(
    *,
    referrer,
    organisation,
    programme,
    candidate_name,
    email="",
    phone="",
    language,
    motivation="",
    coach_notes="",
):
    """Refer a candidate; the candidate gets the link by email when there is an address.

    Returns (referral, created). The same candidate, referred again by the organisation
    for the same programme while the first referral waits, gives that referral back.
    """
    from forms.tasks import send_referral_invitation

    programme = drafts.canonical_programme(programme)
    language = supported_language(language)
    existing = waiting_referral(organisation, programme, email=email, phone=phone)
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            # The email address goes on the draft only once the candidate confirms, so
            # that their portal does not offer a draft they have not agreed to.
            draft = drafts.prefilled_draft(
                programme,
                language=language,
                answers=draft_answers(
                    referrer=referrer,
                    organisation=organisation,
                    programme=programme,
                    candidate_name=candidate_name,
                    email=email,
                    phone=phone,
                    language=language,
                ),
            )
            referral = Referral.objects.create(
                referred_by=referrer,
                organisation=organisation,
                programme=programme,
                candidate_name=candidate_name,
                email=email,
                phone=phone,
                language=language,
                motivation=motivation,
                coach_notes=coach_notes,
                draft=draft,
            )
            log(referral, "forms.referral.create", user=referrer)
            if email:
                transaction.on_commit(
                    partial(send_referral_invitation.enqueue, referral.pk), robust=True
                )
    except IntegrityError:
        # The same referral, made at the same moment (a double click).
        existing = waiting_referral(organisation, programme, email=email, phone=phone)
        if existing is None:
            raise
        return existing, False
    return referral, True


# --- The candidate's link ----------------------------------------------------------------


def confirmation_token(referral):
    return signing.dumps(str(referral.public_id), salt=CONFIRM_SALT)


def confirmation_url(referral):
    """The link for the candidate, in their language."""
    with translation.override(supported_language(referral.language)):
        return absolute_url(
            reverse("forms:referral_confirm", kwargs={"token": confirmation_token(referral)})
        )


def referral_for_token(token, now=None):
    """The referral a candidate's link opens, or None when the link is unknown, out of date
    or its referral was erased."""
    try:
        public_id = signing.loads(
            token, salt=CONFIRM_SALT, max_age=datetime.timedelta(days=confirm_days())
        )
    except signing.BadSignature:
        return None
    referral = (
        Referral.objects.select_related("referred_by", "organisation", "programme", "draft")
        .filter(public_id=public_id, purged_at__isnull=True)
        .first()
    )
    if referral is None or (now or timezone.now()) >= referral.confirm_by:
        return None
    return referral


def confirm(referral, *, shares_progress, now=None):
    """The candidate agrees to the referral, choosing whether the referrer may follow their
    progress. Confirming again keeps the first date and takes the latest choice."""
    now = now or timezone.now()
    with transaction.atomic():
        referral = Referral.objects.select_for_update().get(pk=referral.pk)
        first_time = referral.confirmed_at is None
        referral.confirmed_at = referral.confirmed_at or now
        referral.shares_progress = shares_progress
        referral.save(update_fields=["confirmed_at", "shares_progress"])
        draft = referral.draft
        if draft is not None and not draft.email and referral.email:
            draft.email = referral.email
            draft.save(update_fields=["email", "updated_at"])
        log(
            referral,
            "forms.referral.confirm",
            data={"shares_progress": shares_progress, "first_time": first_time},
        )
    return referral


def change_sharing(referral, *, shares_progress, by):
    """The candidate changes their mind about what the referrer may follow."""
    if referral.shares_progress == shares_progress or not referral.is_confirmed:
        return
    Referral.objects.filter(pk=referral.pk, confirmed_at__isnull=False).update(
        shares_progress=shares_progress
    )
    referral.shares_progress = shares_progress
    log(referral, "forms.referral.sharing", user=by, data={"shares_progress": shares_progress})


def decline(referral, now=None):
    """The candidate does not want this referral: it is erased now, not after the period."""
    erase(referral, now=now)
    log(referral, "forms.referral.decline")


def withdraw(referral, *, by, now=None):
    """The referrer takes back a referral the candidate has not confirmed (a wrong address,
    a link that got lost): it is erased now. False when it was confirmed or erased before;
    from confirmation on, the application is the candidate's."""
    with transaction.atomic():
        referral = Referral.objects.select_for_update().get(pk=referral.pk)
        if referral.is_confirmed or referral.is_erased:
            return False
        erase(referral, now=now)
        log(referral, "forms.referral.withdraw", user=by)
    return True


# --- Erasing -----------------------------------------------------------------------------


def erase(referral, now=None):
    """Erase everything about the candidate in `referral`, and its draft unless that was
    submitted (then the application holds the answers, and its own retention applies)."""
    now = now or timezone.now()
    with transaction.atomic():
        referral = Referral.objects.select_for_update().get(pk=referral.pk)
        if referral.draft is not None and not referral.draft.is_submitted:
            drafts.discard_draft(referral.draft)
        Referral.objects.filter(pk=referral.pk).erase_personal_data(now)
    referral.refresh_from_db()
    return referral


def referrals_due(now=None, days=None):
    """Referrals nobody confirmed within the period whose candidate is still on record."""
    days = confirm_days() if days is None else days
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    return (
        Referral.objects.filter(
            confirmed_at__isnull=True, purged_at__isnull=True, created_at__lte=cutoff
        )
        .select_related("programme")
        .order_by("created_at", "pk")
    )


def purge_unconfirmed(now=None, days=None, dry_run=False):
    """Erase every referral past its period without confirmation, each in its own
    transaction. Returns the referrals concerned (with a dry run: those it would erase)."""
    due = list(referrals_due(now, days))
    if not dry_run:
        for referral in due:
            erase(referral, now=now)
    return due


def erase_referrals_of(email, now=None):
    """A person asked to be forgotten: the referrals with their address that did not become
    an application go now (those that did go with the application)."""
    if not email:
        return 0
    waiting = Referral.objects.filter(
        email__iexact=email, purged_at__isnull=True, application__isnull=True
    )
    for referral in waiting:
        erase(referral, now=now)
    return len(waiting)


def erase_for_application(application, now=None):
    """An application's personal data goes (retention, erasure): its referral's too."""
    return Referral.objects.filter(application=application).erase_personal_data(now)


def referral_for_staff(application):
    """The referral an application came from, with who referred, for the case page."""
    return (
        Referral.objects.select_related("referred_by", "organisation")
        .filter(application=application)
        .first()
    )


def attach_application(draft, application):
    """The confirmed referral of `draft` now points at the application it became."""
    Referral.objects.filter(draft=draft, confirmed_at__isnull=False).update(application=application)

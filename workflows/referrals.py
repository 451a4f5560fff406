"""What a referrer sees of their referrals, and what a candidate's data says about theirs.

A referrer sees only the referrals they made for their own organisation; of each, what
they wrote and where it stands. How far the candidate's application got (the case's
state in the applicant's words, and the next step) shows only when the candidate chose
to share it on confirming; otherwise only that they confirmed.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext

from forms.models import Referral
from forms.referrals import person_name
from workflows.portal import application_status, localized_pages


class Stage:
    WAITING = "waiting"
    CONFIRMED = "confirmed"
    NOT_SHARED = "not_shared"
    SUBMITTED = "submitted"
    NOT_CONFIRMED = "not_confirmed"
    ERASED = "erased"


@dataclass(frozen=True)
class ReferralStatus:
    stage: str
    label: str
    next_step: str


def referrals_of(account):
    """The referrals the person of `account` made for their organisation, newest first."""
    return (
        Referral.objects.filter(referred_by=account.user, organisation=account.partner)
        .select_related("programme", "application__case__workflow_version")
        .prefetch_related("application__case__events")
        .order_by("-created_at", "-pk")
    )


def referral_of(account, public_id):
    """One of the account's referrals; None when it is someone else's."""
    return referrals_of(account).filter(public_id=public_id).first()


def referral_status(referral):
    """Where `referral` stands, in the referrer's words."""
    if referral.is_erased:
        if not referral.is_confirmed:
            return ReferralStatus(
                Stage.NOT_CONFIRMED,
                gettext("Niet bevestigd"),
                gettext(
                    "De kandidaat bevestigde de doorverwijzing niet. We wisten de gegevens van "
                    "de kandidaat."
                ),
            )
        return ReferralStatus(
            Stage.ERASED,
            gettext("Gegevens gewist"),
            gettext("De gegevens van deze kandidaat zijn gewist."),
        )
    if not referral.is_confirmed:
        return ReferralStatus(
            Stage.WAITING,
            gettext("Wacht op bevestiging"),
            gettext(
                "De kandidaat moet de doorverwijzing bevestigen voor %(date)s. Anders wissen "
                "we de gegevens van de kandidaat."
            )
            % {"date": formats.date_format(referral.confirm_by, "DATE_FORMAT")},
        )
    if not referral.shares_progress:
        return ReferralStatus(
            Stage.NOT_SHARED,
            gettext("Bevestigd"),
            gettext("De kandidaat deelt de voortgang van de aanmelding niet met jou."),
        )
    if referral.application is None:
        return ReferralStatus(
            Stage.CONFIRMED,
            gettext("Aanmelding in opmaak"),
            gettext("De kandidaat bevestigde en vult het aanmeldformulier in."),
        )
    status = application_status(referral.application)
    return ReferralStatus(Stage.SUBMITTED, str(status.label), str(status.next_step))


@dataclass(frozen=True)
class ReferralRow:
    referral: Referral
    programme: object  # the programme page in the reader's language when translated
    status: ReferralStatus


def referral_rows(referrals):
    referrals = list(referrals)
    programmes = localized_pages([referral.programme for referral in referrals])
    return [
        ReferralRow(referral, programmes[referral.programme_id], referral_status(referral))
        for referral in referrals
    ]


# --- A candidate's own data ------------------------------------------------------------------


def referral_behind(application):
    """The confirmed referral `application` came from, while its data is there; or None."""
    return (
        Referral.objects.select_related("referred_by", "organisation")
        .filter(application=application, confirmed_at__isnull=False, purged_at__isnull=True)
        .first()
    )


def referrals_about(user):
    """The referrals of `user` as a candidate: the ones they confirmed or that became their
    application, found by the application or the email address they confirmed with."""
    return (
        Referral.objects.filter(
            Q(application__applicant=user) | Q(email__iexact=user.email, confirmed_at__isnull=False)
        )
        .select_related("referred_by", "organisation", "programme")
        .order_by("created_at", "pk")
    )


def referral_data(user):
    """Who referred `user`, for what, and what they agreed to share: for the data export.
    The coach's notes are for staff only, as the coaching notes are."""

    def iso(value):
        return value.isoformat() if value else None

    return [
        {
            "referred_by": person_name(referral.referred_by),
            "organisation": referral.organisation.title,
            "programme": referral.programme.title,
            "referred_at": iso(referral.created_at),
            "name": referral.candidate_name,
            "email": referral.email,
            "phone": referral.phone,
            "language": referral.language,
            "why_this_programme": referral.motivation,
            "confirmed_at": iso(referral.confirmed_at),
            "shares_progress_with_referrer": referral.shares_progress,
        }
        for referral in referrals_about(user)
    ]

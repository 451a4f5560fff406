"""The referred candidate's page: who referred them and for what; confirm (and choose
whether the referrer may follow their progress), then on to the pre-filled wizard; or
say no, and everything about them is erased."""

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from forms import drafts, referrals
from forms.referral_forms import ReferralConfirmForm

DECLINE = "decline"


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    referral = referrals.referral_for_token(token)
    if referral is None:
        return render(request, "forms/referral_link_invalid.html", status=404)
    referrer_name = referrals.person_name(referral.referred_by)
    organisation = referral.organisation.localized
    form = ReferralConfirmForm(
        request.POST if request.method == "POST" else None,
        referrer_name=referrer_name,
        organisation_name=organisation.title,
        initial={"shares_progress": referral.shares_progress},
    )
    if request.method == "POST":
        if DECLINE in request.POST:
            referrals.decline(referral)
            return render(request, "forms/referral_declined.html")
        if form.is_valid():
            referral = referrals.confirm(
                referral, shares_progress=form.cleaned_data["shares_progress"]
            )
            return _into_the_wizard(request, referral)
    return render(
        request,
        "forms/referral_confirm.html",
        {
            "form": form,
            "referral": referral,
            "referrer_name": referrer_name,
            "organisation": organisation,
            "programme": referral.programme.localized,
        },
    )


def _into_the_wizard(request, referral):
    draft = referral.draft
    programme = referral.programme.localized
    if draft is None:
        # The draft was deleted after confirming (by the candidate, or untouched too long).
        return redirect("forms:apply", programme_id=programme.pk)
    drafts.bind_to_session(request, draft)
    if draft.is_submitted:
        return redirect("forms:submitted", programme_id=programme.pk)
    return redirect("forms:wizard", programme_id=programme.pk)

"""The referrer area: their referrals and where each stands, one referral, and the form
to refer a candidate. Every page is for referrers of the signed-in person's organisation
only, and shows only that person's referrals: anything else answers "not found"."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cms import ratelimit
from forms import referrals
from forms.referral_forms import CandidateReferralForm, programmes_open_for_referral
from workflows.partner_accounts import Role, partner_area
from workflows.referrals import referral_of, referral_rows, referrals_of

REFERRALS_PER_PAGE = 20
# Referrals one person may make per hour: a busy coach refers a handful; a stolen
# session or a script does not get far.
REFERRALS_PER_REFERRER = (30, 60 * 60)
# The link of a referral without an email address, shown once right after referring.
LINK_SESSION_KEY = "referral_link_to_hand_over"


@never_cache
@partner_area(Role.REFERRER)
@require_GET
def referrals_list(request):
    page = Paginator(referrals_of(request.partner_account), REFERRALS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "workflows/partner_area/referrer.html",
        {"page_obj": page, "rows": referral_rows(page.object_list)},
    )


@never_cache
@partner_area(Role.REFERRER)
@require_http_methods(["GET", "POST"])
def refer(request):
    account = request.partner_account
    form_options = {"programmes": programmes_open_for_referral()}
    if request.method == "GET":
        form = CandidateReferralForm(**form_options)
    else:
        form = CandidateReferralForm(request.POST, **form_options)
        if form.is_probably_a_bot:
            return redirect("partner_area:referrer")
        if not ratelimit.allow("referral.user", str(request.user.pk), *REFERRALS_PER_REFERRER):
            form.add_error(
                None,
                _(
                    "Je verwees het voorbije uur al veel kandidaten door. Wat je invulde, is "
                    "niet verstuurd: probeer het over een uur opnieuw."
                ),
            )
        elif form.is_valid():
            referral, created = referrals.refer(
                referrer=request.user, organisation=account.partner, **form.referral_details()
            )
            return _after_referring(request, referral, created)
    return render(
        request,
        "workflows/partner_area/refer.html",
        {"form": form, "confirm_days": referrals.confirm_days()},
    )


def _after_referring(request, referral, created):
    name = referral.candidate_name
    if not created and referral.referred_by_id != request.user.pk:
        # A colleague's referral: theirs to follow, so not shown here.
        messages.info(
            request,
            _(
                "Iemand van je organisatie verwees deze kandidaat al door naar dit programma. "
                "Die doorverwijzing wacht nog op bevestiging; er is geen tweede gemaakt."
            ),
        )
        return redirect("partner_area:referrer")
    if not created:
        messages.info(
            request,
            _(
                "%(name)s is al doorverwezen naar dit programma en heeft nog niet bevestigd. "
                "Er is geen tweede doorverwijzing gemaakt."
            )
            % {"name": name},
        )
    elif referral.email:
        messages.success(
            request,
            _("%(name)s is doorverwezen. We stuurden een bericht naar %(email)s om te bevestigen.")
            % {"name": name, "email": referral.email},
        )
    else:
        messages.success(request, _("%(name)s is doorverwezen.") % {"name": name})
        request.session[LINK_SESSION_KEY] = {
            str(referral.public_id): referrals.confirmation_url(referral)
        }
    return redirect("partner_area:referral", public_id=referral.public_id)


@never_cache
@partner_area(Role.REFERRER)
@require_GET
def referral_detail(request, public_id):
    referral = referral_of(request.partner_account, public_id)
    if referral is None:
        raise Http404
    (row,) = referral_rows([referral])
    # Shown once: a link to the candidate's application does not stay on screen.
    link = request.session.pop(LINK_SESSION_KEY, {}).get(str(referral.public_id), "")
    return render(
        request,
        "workflows/partner_area/referral.html",
        {
            "referral": referral,
            "row": row,
            "link_to_hand_over": link if not referral.is_erased else "",
        },
    )


@never_cache
@partner_area(Role.REFERRER)
@require_POST
def withdraw(request, public_id):
    """Take back a referral the candidate has not confirmed: it is erased now."""
    referral = referral_of(request.partner_account, public_id)
    if referral is None:
        raise Http404
    if referrals.withdraw(referral, by=request.user):
        messages.success(
            request,
            _("De doorverwijzing is ingetrokken. We wisten wat je over de kandidaat invulde."),
        )
    elif referral.is_confirmed and not referral.is_erased:
        messages.info(
            request,
            _(
                "De kandidaat bevestigde de doorverwijzing al. Wil de kandidaat toch niet "
                "meedoen? Vraag het de kandidaat zelf te laten weten, of neem contact met ons op."
            ),
        )
    # Withdrawn before (a double click): nothing more to say.
    return redirect("partner_area:referral", public_id=referral.public_id)

"""The portal's pages: the overview, one application, documents, drafts and personal data.

Every page is for the signed-in person only and finds records through `workflows.portal`,
which scopes each query to them: another person's record answers "not found".
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from forms.documents import document_response
from forms.drafts import discard_draft
from forms.models import ApplicationDraft
from forms.referrals import change_sharing, person_name
from workflows import coaching, partner_accounts, portal
from workflows.answers import answer_groups
from workflows.referrals import referral_behind


def portal_login_required(view):
    """Signed-in participants only. Anonymous visitors go to the portal's own sign-in
    page, not to the admin's; referrers and employers go to their own area."""

    @login_required(login_url=reverse_lazy("portal:sign_in"))
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        account = partner_accounts.account_of(request.user)
        if account is not None:
            return redirect(partner_accounts.area_path(account))
        return view(request, *args, **kwargs)

    return wrapped


@never_cache
@portal_login_required
@require_GET
def overview(request):
    user = request.user
    return render(
        request,
        "workflows/portal_overview.html",
        {
            "applications": portal.application_rows(user),
            "drafts": portal.draft_rows(user),
            "registrations": portal.registration_rows(user),
            "certificates": portal.certificate_rows(user),
            "erasure_request": portal.open_erasure_request(user),
        },
    )


@never_cache
@portal_login_required
@require_GET
def application_detail(request, reference):
    row = portal.application_row(request.user, reference)
    if row is None:
        raise Http404
    return render(
        request,
        "workflows/portal_application.html",
        {
            "row": row,
            "application": row.application,
            "answer_groups": answer_groups(row.application),
            "documents": list(row.application.documents.all()),
            "coaching_sessions": coaching.for_participant([row.application]).get(
                row.application.pk, []
            ),
            "referral": referral_behind(row.application),
        },
    )


@never_cache
@portal_login_required
@require_POST
def referral_sharing(request, reference):
    """The applicant lets the referrer follow their progress, or stops that."""
    row = portal.application_row(request.user, reference)
    referral = referral_behind(row.application) if row else None
    if referral is None:
        raise Http404
    shares_progress = request.POST.get("shares_progress") == "1"
    change_sharing(referral, shares_progress=shares_progress, by=request.user)
    if shares_progress:
        message = _("%(name)s ziet nu hoe ver je aanmelding staat.")
    else:
        message = _("%(name)s ziet niet meer hoe ver je aanmelding staat.")
    messages.success(request, message % {"name": person_name(referral.referred_by)})
    return redirect("portal:application", reference=reference)


@never_cache
@portal_login_required
@require_GET
def document_download(request, pk):
    return document_response(get_object_or_404(portal.documents_of(request.user), pk=pk))


@never_cache
@portal_login_required
@require_http_methods(["GET", "POST"])
def draft_delete(request, public_id):
    """GET asks to confirm; POST deletes the draft and its uploaded files."""
    draft = portal.draft_of(request.user, public_id)
    if draft is None:
        if (
            request.method == "POST"
            and not ApplicationDraft.objects.filter(public_id=public_id).exists()
        ):
            # Already deleted, by a double click or in another tab.
            messages.success(request, _("Je aanmelding in opmaak is verwijderd."))
            return redirect("portal:overview")
        raise Http404
    if request.method == "POST":
        discard_draft(draft)
        messages.success(request, _("Je aanmelding in opmaak is verwijderd."))
        return redirect("portal:overview")
    programme = portal.localized_pages([draft.programme])[draft.programme_id]
    return render(
        request,
        "workflows/portal_draft_delete.html",
        {"draft": draft, "programme": programme},
    )


@never_cache
@portal_login_required
@require_GET
def data_export(request):
    """Everything we hold about the person, as a JSON file."""
    now = timezone.now()
    response = JsonResponse(
        portal.personal_data(request.user, now=now),
        encoder=DjangoJSONEncoder,
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    filename = f"opstap-mijn-gegevens-{timezone.localdate(now):%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@never_cache
@portal_login_required
@require_http_methods(["GET", "POST"])
def erasure_request(request):
    """GET explains what erasing means; POST records the request and sends a receipt."""
    if request.method == "POST":
        portal.request_erasure(request.user)
        return redirect("portal:erasure_requested")
    return render(
        request,
        "workflows/portal_erasure.html",
        {"erasure_request": portal.open_erasure_request(request.user)},
    )


@never_cache
@portal_login_required
@require_GET
def erasure_requested(request):
    open_request = portal.open_erasure_request(request.user)
    if open_request is None:
        return redirect("portal:erasure_request")
    return render(
        request,
        "workflows/portal_erasure_requested.html",
        {"erasure_request": open_request},
    )

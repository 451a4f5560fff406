"""Certificates in public: the page anyone uses to check one, and the holder's download.

The verify page shows whether a certificate is valid or revoked, the holder's name
partly masked, what it is for and when it was issued: nothing else. It is rate limited
per address, and codes carry 140 random bits, so guessing finds nothing.
"""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from cms import ratelimit
from workflows.certificate_forms import VerifyForm
from workflows.certificates import certificates_of, find_by_code, masked_name
from workflows.views.portal import portal_login_required

# Enough for an employer checking a pile of applications; too few to try codes.
VERIFY_LIMIT = 30
VERIFY_WINDOW_SECONDS = 10 * 60


def _over_limit(request):
    return not ratelimit.allow(
        "certificate-verify",
        ratelimit.client_ip_address(request),
        VERIFY_LIMIT,
        VERIFY_WINDOW_SECONDS,
    )


@require_GET
def verify_start(request):
    """Type a code; a valid one leads to its page."""
    form = VerifyForm(request.GET or None)
    if request.GET and form.is_valid():
        return redirect("certificates:verify", code=form.cleaned_data["code"])
    return render(request, "workflows/certificate_verify_start.html", {"form": form})


@never_cache
@require_GET
def verify(request, code):
    if _over_limit(request):
        return render(
            request,
            "workflows/certificate_verify_limited.html",
            {"minutes": VERIFY_WINDOW_SECONDS // 60},
            status=429,
        )
    certificate = find_by_code(code)
    if certificate is None:
        return render(
            request,
            "workflows/certificate_verify_start.html",
            {"form": VerifyForm(), "not_found": True},
            status=404,
        )
    return render(
        request,
        "workflows/certificate_verify.html",
        {
            "certificate": certificate,
            "masked_name": masked_name(certificate.recipient_name),
            "subject_title": certificate.subject_title,
        },
    )


@never_cache
@portal_login_required
@require_GET
def download(request, pk):
    """The holder's PDF: theirs only, valid and rendered, or "not found"."""
    certificate = get_object_or_404(certificates_of(request.user).valid(), pk=pk)
    if not certificate.pdf:
        raise Http404(_("Je certificaat wordt nog gemaakt. Probeer het over een minuut opnieuw."))
    return certificate_file_response(certificate)


def certificate_file_response(certificate):
    response = FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"{certificate.number}.pdf",
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response

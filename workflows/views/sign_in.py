"""Signing in to the portal: ask for a link, open it, confirm with a button; signing out."""

from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from cms import ratelimit
from workflows import partner_accounts
from workflows.portal_forms import SignInForm
from workflows.sign_in import check_token, link_lifetime, request_link, safe_next_path
from workflows.sign_in import sign_in as use_link

# The address the visitor typed, shown back on the answer page to catch typos.
SENT_TO_SESSION_KEY = "workflows.sign_in.sent_to"


def _next_path(request):
    return safe_next_path(request.POST.get("next") or request.GET.get("next", ""))


def _after_sign_in(request):
    account = partner_accounts.account_of(request.user)
    default = partner_accounts.area_path(account) if account else "portal:overview"
    return _next_path(request) or default


@never_cache
@require_http_methods(["GET", "POST"])
def sign_in(request):
    """Ask for a sign-in link. The answer is the same whether we know the address or not."""
    if request.user.is_authenticated:
        return redirect(_after_sign_in(request))
    if request.method == "POST":
        form = SignInForm(request.POST)
        if form.is_probably_a_bot:
            return redirect("portal:sign_in_sent")
        if form.is_valid():
            email = form.cleaned_data["email"]
            request_link(
                email,
                ip_address=ratelimit.client_ip_address(request),
                language=get_language(),
                next_path=_next_path(request),
            )
            request.session[SENT_TO_SESSION_KEY] = email
            return redirect("portal:sign_in_sent")
    else:
        form = SignInForm(initial={"next": _next_path(request)})
    return render(request, "workflows/sign_in.html", {"form": form})


@never_cache
@require_http_methods(["GET"])
def sign_in_sent(request):
    return render(
        request,
        "workflows/sign_in_sent.html",
        {
            "email": request.session.get(SENT_TO_SESSION_KEY, ""),
            "minutes": int(link_lifetime().total_seconds() // 60),
        },
    )


def _link_problem(request, problem):
    return render(
        request,
        "workflows/sign_in_link_invalid.html",
        {
            "problem": problem.value,
            "minutes": int(link_lifetime().total_seconds() // 60),
            "next": _next_path(request),
        },
        status=400,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def sign_in_link(request, token):
    """The emailed link. GET only shows a button, so that mail scanners that open links
    do not use it up; the button's POST signs in."""
    if request.method == "POST":
        check = use_link(request, token)
        if not check.ok:
            return _link_problem(request, check.problem)
        return redirect(_after_sign_in(request))
    check = check_token(token)
    if not check.ok:
        return _link_problem(request, check.problem)
    return render(
        request,
        "workflows/sign_in_link.html",
        {"email": check.user.email, "next": _next_path(request)},
    )


@require_POST
def sign_out(request):
    logout(request)
    messages.success(request, _("Je bent afgemeld. Tot ziens!"))
    return redirect("portal:sign_in")

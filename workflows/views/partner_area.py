"""The start pages of the referrer area and the employer area."""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from workflows.partner_accounts import Role, partner_area


@never_cache
@partner_area(Role.REFERRER)
@require_GET
def referrer(request):
    return render(request, "workflows/partner_area/referrer.html", {})


@never_cache
@partner_area(Role.EMPLOYER)
@require_GET
def employer(request):
    return render(request, "workflows/partner_area/employer.html", {})

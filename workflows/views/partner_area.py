"""The start page of the employer area (the referrer area is in `referrer_area`)."""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from workflows.partner_accounts import Role, partner_area


@never_cache
@partner_area(Role.EMPLOYER)
@require_GET
def employer(request):
    return render(request, "workflows/partner_area/employer.html", {})

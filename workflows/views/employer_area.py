"""The employer area: the organisation's vacancies with their pipeline, the candidates
proposed to one vacancy, one proposal (blind profile, the open interview's outcome, the
identity once revealed), the blind PDF and the CSV export. The rules live in
`workflows.employer_area`; another organisation's records answer 404."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from workflows import employer_area
from workflows.blind_profile import blind_profile, profile_html, profile_pdf
from workflows.partner_accounts import Role, partner_area
from workflows.report_exports import csv_response

PROPOSALS_PER_PAGE = 25


def _partner(request):
    return request.partner_account.partner


def _proposal_or_404(request, pk):
    proposal = employer_area.find_proposal(_partner(request), pk)
    if proposal is None:
        raise Http404
    return proposal


def _private(response):
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@never_cache
@partner_area(Role.EMPLOYER)
@require_GET
def overview(request):
    rows, total = employer_area.pipelines(_partner(request))
    return render(
        request,
        "workflows/partner_area/employer.html",
        {"rows": rows, "total": total, "wait_days": employer_area.wait_days()},
    )


@never_cache
@partner_area(Role.EMPLOYER)
@require_GET
def vacancy(request, pk):
    partner = _partner(request)
    source = employer_area.find_vacancy(partner, pk)
    if source is None:
        raise Http404
    proposals = (
        employer_area.proposals_of(partner)
        .filter(vacancy=source)
        .order_by(F("closed_at").asc(nulls_first=True), "proposed_at", "pk")  # open first
    )
    page = Paginator(proposals, PROPOSALS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "workflows/partner_area/employer_vacancy.html",
        {
            "vacancy": employer_area.translated([source])[source.pk],
            "rows": employer_area.proposal_rows(page.object_list),
            "page_obj": page,
            "wait_days": employer_area.wait_days(),
        },
    )


def _render_proposal(request, proposal, *, outcome_form=None, interview_form=None):
    case, user = proposal.case, request.user
    steps = employer_area.employer_steps(proposal, user)
    if outcome_form is None and steps.get(employer_area.OUTCOME_FORM):
        outcome_form = employer_area.EmployerOutcomeForm(case=case, user=user)
    if interview_form is None and steps.get(employer_area.PLANNED_FORM):
        interview_form = employer_area.EmployerInterviewForm(case=case, user=user)
    # The error summary goes at the top of the page, before everything else.
    failed_form = next(
        (form for form in (outcome_form, interview_form) if form is not None and form.errors),
        None,
    )
    return render(
        request,
        "workflows/partner_area/employer_proposal.html",
        {
            "proposal": proposal,
            "vacancy": employer_area.translated([proposal.vacancy])[proposal.vacancy_id],
            "profile": blind_profile(case.application),
            "identity": employer_area.identity(proposal),
            "stage": employer_area.stage_of(proposal),
            "overdue": employer_area.is_overdue(proposal),
            "wait_days": employer_area.wait_days(),
            "outcome_form": outcome_form,
            "interview_form": interview_form,
            "expected_state": case.state,
            "failed_form": failed_form,
        },
    )


@never_cache
@partner_area(Role.EMPLOYER)
@require_GET
def proposal(request, pk):
    return _render_proposal(request, _proposal_or_404(request, pk))


def _take_step(request, pk, step, form_name):
    proposal = _proposal_or_404(request, pk)
    expected_state = request.POST.get("expected_state") or None
    try:
        step(proposal, request.user, request.POST, expected_state)
    except employer_area.StepRefused as refused:
        if refused.form is not None:
            return _render_proposal(request, proposal, **{form_name: refused.form})
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Bedankt, dat staat nu in het dossier van de kandidaat."))
    return redirect(reverse("partner_area:employer_proposal", args=[proposal.pk]))


@partner_area(Role.EMPLOYER)
@require_POST
def record_outcome(request, pk):
    return _take_step(request, pk, employer_area.record_outcome, "outcome_form")


@partner_area(Role.EMPLOYER)
@require_POST
def plan_interview(request, pk):
    return _take_step(request, pk, employer_area.plan_interview, "interview_form")


@never_cache
@partner_area(Role.EMPLOYER)
@require_GET
def proposal_pdf(request, pk):
    proposal = _proposal_or_404(request, pk)
    profile = blind_profile(proposal.case.application)
    html = profile_html(profile, for_pdf=True)
    response = HttpResponse(
        profile_pdf(html, base_url=request.build_absolute_uri("/")),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'attachment; filename="{profile.filename}"'
    return _private(response)


@never_cache
@partner_area(Role.EMPLOYER)
@require_GET
def export(request):
    filename = f"pipeline-{timezone.localdate().isoformat()}"  # ASCII in every language
    return _private(csv_response(employer_area.export_rows(_partner(request)), filename))

"""The employer area's rules: an organisation's vacancies with the pipeline of candidates
proposed to them, one proposal as the employer sees it (blind until the workflow reveals
who it is), and the employer's steps, which go through `workflows.engine` like any other.

An employer only ever reaches proposals through `proposals_of(partner)`: anything else
is, as far as they can tell, not there.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.forms import DayMonthYearField, PublicFormMixin
from programmes.models import VacancyPage
from workflows import engine
from workflows.blind_profile import pseudonym_code
from workflows.models import Proposal
from workflows.permissions import employer_proposals, employer_vacancies
from workflows.transition_forms import InterviewOutcomeForm, TransitionForm

OUTCOME_FORM = "interview_outcome"
PLANNED_FORM = "interview_planned"


class Stage(models.TextChoices):
    WAITING = "waiting", _("wacht op een uitnodiging")
    PLANNED = "planned", _("gesprek ingepland")
    IN_TRIAL = "in_trial", _("bezoek of proef")
    HIRED = "hired", _("aangeworven")
    NOT_RETAINED = "not_retained", _("niet weerhouden")
    ENDED = "ended", _("afgesloten")


def stage_of(proposal):
    if proposal.hired_at:
        return Stage.HIRED
    if proposal.outcome == Proposal.Outcome.NOT_RETAINED:
        return Stage.NOT_RETAINED
    if proposal.closed_at:
        return Stage.ENDED
    if proposal.outcome:
        return Stage.IN_TRIAL
    if proposal.interview_planned_at:
        return Stage.PLANNED
    return Stage.WAITING


def wait_days():
    return settings.OPSTAP_INTERVIEW_WAIT_DAYS


def is_overdue(proposal, now=None):
    """Still waiting for an invitation after the number of days the commitment allows."""
    now = now or timezone.now()
    return (
        proposal.closed_at is None
        and not proposal.was_invited
        and proposal.proposed_at < now - datetime.timedelta(days=wait_days())
    )


# --- What the employer sees -------------------------------------------------------------


def proposals_of(partner):
    """The organisation's proposals, with what every listing needs in the same query."""
    return employer_proposals(partner).select_related("case__application", "vacancy")


def find_proposal(partner, pk):
    """One proposal of the organisation, or None (another's does not exist for them)."""
    return (
        proposals_of(partner)
        .select_related("case__workflow_version", "case__application__programme")
        .filter(pk=pk)
        .first()
    )


def translated(vacancies):
    """{source vacancy pk: the live page in the active language, or the source}."""
    sources = {vacancy.translation_key: vacancy for vacancy in vacancies}
    shown = {vacancy.pk: vacancy for vacancy in vacancies}
    locale = Locale.get_active()
    for page in VacancyPage.objects.live().filter(translation_key__in=list(sources), locale=locale):
        shown[sources[page.translation_key].pk] = page
    return shown


@dataclass
class Pipeline:
    """Counts for a set of proposals: what the employer reads per vacancy and in total."""

    proposed: int = 0
    waiting: int = 0
    planned: int = 0
    interviewed: int = 0
    in_trial: int = 0
    hired: int = 0
    invited: int = 0
    overdue: int = 0

    def add(self, proposal, now):
        stage = stage_of(proposal)
        self.proposed += 1
        self.waiting += stage == Stage.WAITING
        self.planned += stage == Stage.PLANNED
        self.interviewed += bool(proposal.outcome)
        self.in_trial += stage == Stage.IN_TRIAL
        self.hired += stage == Stage.HIRED
        self.invited += proposal.was_invited
        self.overdue += is_overdue(proposal, now)


@dataclass
class VacancyPipeline:
    source: VacancyPage
    page: VacancyPage  # in the reader's language where translated
    pipeline: Pipeline = field(default_factory=Pipeline)


def pipelines(partner, now=None):
    """(one VacancyPipeline per vacancy, by title; the organisation's total Pipeline).

    Open vacancies and closed ones that had proposals; three queries however many."""
    now = now or timezone.now()
    by_vacancy = defaultdict(list)
    for proposal in employer_proposals(partner).only(
        "vacancy_id", "proposed_at", "interview_planned_at", "outcome", "hired_at", "closed_at"
    ):
        by_vacancy[proposal.vacancy_id].append(proposal)
    vacancies = [
        vacancy
        for vacancy in employer_vacancies(partner).order_by("title", "pk")
        if vacancy.is_open or vacancy.pk in by_vacancy
    ]
    shown = translated(vacancies)
    rows, total = [], Pipeline()
    for vacancy in vacancies:
        row = VacancyPipeline(source=vacancy, page=shown[vacancy.pk])
        for proposal in by_vacancy[vacancy.pk]:
            row.pipeline.add(proposal, now)
            total.add(proposal, now)
        rows.append(row)
    return rows, total


def find_vacancy(partner, pk):
    return employer_vacancies(partner).filter(pk=pk).first()


@dataclass
class ProposalRow:
    proposal: Proposal
    code: str
    stage: str
    stage_label: str
    overdue: bool


def proposal_rows(proposals, now=None):
    now = now or timezone.now()
    return [
        ProposalRow(
            proposal=proposal,
            code=pseudonym_code(proposal.case.application_id),
            stage=stage_of(proposal),
            stage_label=str(stage_of(proposal).label),
            overdue=is_overdue(proposal, now),
        )
        for proposal in proposals
    ]


@dataclass(frozen=True)
class Identity:
    name: str
    email: str
    phone: str


def identity(proposal):
    """Who the candidate is, once the workflow revealed it to this employer; else None."""
    application = proposal.case.application
    if not proposal.identity_shown or application.anonymised_at is not None:
        return None
    return Identity(application.full_name, application.email, application.phone)


# --- The employer's steps, through the engine --------------------------------------------


class EmployerOutcomeForm(PublicFormMixin, InterviewOutcomeForm):
    """The interview's outcome as the employer gives it: all three answers in one
    question; the transition follows from the answer."""

    split_by_transition = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["comment"]
        self.fields["outcome"].label = _("Wat is de uitkomst van het open gesprek?")
        self.fields["reason_details"].help_text = _(
            "Wat kan de kandidaat verbeteren? Hun begeleider bespreekt het met hen. Schrijf "
            "geen gegevens over gezondheid, afkomst of geloof."
        )


class EmployerInterviewForm(PublicFormMixin, TransitionForm):
    interview_on = DayMonthYearField(
        label=_("Op welke dag is het gesprek?"),
        required=False,
        help_text=_("Bijvoorbeeld 27 3 2027. Nog geen datum? Laat dit leeg."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["comment"]


class StepRefused(Exception):
    """The employer's step could not be taken; `message` says why, `form` shows errors."""

    def __init__(self, message, form=None, moved_on=False):
        super().__init__(message)
        self.message = message
        self.form = form
        self.moved_on = moved_on


MOVED_ON = _(
    "Voor deze kandidaat is intussen al een stap gezet, misschien door een dubbele klik of "
    "door een collega. Hieronder zie je wat nu geldt."
)


def employer_steps(proposal, user):
    """The transitions the employer may take on this proposal now, by the form they ask."""
    case = proposal.case
    if proposal.closed_at is not None:
        return {}
    steps = {}
    for transition in engine.available_transitions(case, user):
        steps.setdefault(transition.form, []).append(transition)
    return steps


def _perform(proposal, user, transition, cleaned_data, expected_state):
    data = {
        f"{transition.key}-{name}": value.isoformat() if hasattr(value, "isoformat") else value
        for name, value in cleaned_data.items()
        if value not in (None, "")
    }
    case = proposal.case
    try:
        return engine.perform(case, transition.key, user, data=data, expected_state=expected_state)
    except engine.CaseMovedOn as moved:
        raise StepRefused(str(MOVED_ON), moved_on=True) from moved
    except engine.TransitionRefused as refused:
        proposal.refresh_from_db()
        if proposal.closed_at is not None or proposal.outcome:
            raise StepRefused(str(MOVED_ON), moved_on=True) from refused
        raise StepRefused(refused.message) from refused


def _moved_on_unless(proposal, expected_state):
    if expected_state and proposal.case.state != expected_state:
        raise StepRefused(str(MOVED_ON), moved_on=True)


def record_outcome(proposal, user, data, expected_state):
    """The employer records the open interview: the case moves exactly once (to the visit
    or trial, or back to be proposed elsewhere). Returns the CaseEvent."""
    form = EmployerOutcomeForm(data, case=proposal.case, user=user)
    if not form.is_valid():
        raise StepRefused(str(_("Kijk je antwoorden na.")), form=form)
    _moved_on_unless(proposal, expected_state)
    outcome = form.cleaned_data["outcome"]
    for transition in employer_steps(proposal, user).get(OUTCOME_FORM, []):
        offered = engine.transition_form(proposal.case, transition, user).fields["outcome"]
        if outcome in {value for value, _label in offered.choices}:
            return _perform(proposal, user, transition, form.cleaned_data, expected_state)
    if proposal.outcome or proposal.closed_at is not None:
        raise StepRefused(str(MOVED_ON), moved_on=True)
    raise StepRefused(str(_("Je kunt voor deze kandidaat nu geen uitkomst registreren.")))


def plan_interview(proposal, user, data, expected_state):
    """The employer says the open interview is planned (the commitment is kept)."""
    form = EmployerInterviewForm(data, case=proposal.case, user=user)
    if not form.is_valid():
        raise StepRefused(str(_("Kijk je antwoorden na.")), form=form)
    _moved_on_unless(proposal, expected_state)
    transitions = employer_steps(proposal, user).get(PLANNED_FORM, [])
    if not transitions:
        if proposal.was_invited or proposal.closed_at is not None:
            raise StepRefused(str(MOVED_ON), moved_on=True)
        raise StepRefused(str(_("Je kunt voor deze kandidaat nu geen gesprek inplannen.")))
    return _perform(proposal, user, transitions[0], form.cleaned_data, expected_state)


# --- The CSV export -----------------------------------------------------------------------


def _date(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return formats.date_format(value, "Y-m-d")


def export_rows(partner, now=None):
    """The organisation's pipeline as table rows: blind (a pseudonym code, never a name)."""
    now = now or timezone.now()
    yield [
        str(_("Kandidaat (code)")),
        str(_("Vacature")),
        str(_("Stand")),
        str(_("Te lang zonder uitnodiging")),
        str(_("Voorgesteld op")),
        str(_("Gesprek ingepland op")),
        str(_("Datum van het gesprek")),
        str(_("Uitkomst")),
        str(_("Uitkomst op")),
        str(_("Aangeworven op")),
    ]
    proposals = list(proposals_of(partner).order_by("vacancy__title", "proposed_at", "pk"))
    shown = translated(
        list({proposal.vacancy_id: proposal.vacancy for proposal in proposals}.values())
    )
    for row in proposal_rows(proposals, now):
        proposal = row.proposal
        yield [
            row.code,
            shown[proposal.vacancy_id].title,
            row.stage_label,
            str(_("ja")) if row.overdue else "",
            _date(proposal.proposed_at),
            _date(proposal.interview_planned_at),
            _date(proposal.interview_on),
            proposal.get_outcome_display() if proposal.outcome else "",
            _date(proposal.outcome_at),
            _date(proposal.hired_at),
        ]

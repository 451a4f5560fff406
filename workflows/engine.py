"""The only code that changes a case's state.

`available_transitions(case, user)` says what a user may do now; `perform(...)` does one
transition: it checks the guard, validates the transition's form, locks the case row,
refuses a stale expected state, records the event in the case history and in Wagtail's
audit log, and queues the transition's effects (emails, certificates) to run after
commit. `open_case` starts a case when an application comes in.
"""

from django.db import transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from workflows import definitions, proposals
from workflows.guards import GUARDS
from workflows.models import Case, CaseEvent, ProgrammeWorkflow, WorkflowVersion
from workflows.permissions import (
    acting_groups,
    employer_account,
    is_programme_manager,
    is_proposed_to,
    scoped_programme_ids,
)
from workflows.transition_forms import FORMS


class TransitionRefused(Exception):
    """The transition cannot happen; `message` says why, for the person who tried."""

    def __init__(self, message, form=None):
        super().__init__(message)
        self.message = message
        self.form = form


class CaseMovedOn(TransitionRefused):
    """Someone else moved the case since the page was loaded."""


class NoWorkflow(Exception):
    """The programme has no workflow assigned."""


def _in_scope(case, user):
    programme_ids = scoped_programme_ids(user)
    return programme_ids is None or case.programme_id in programme_ids


def refusal(case, transition, user):
    """Why `user` may not perform `transition` on `case` now, or None when they may.

    Staff act within their programmes. An employer (a partner account, never a referrer
    or a participant) acts only on a case proposed to their organisation, and only in
    transitions open to the employers' group, whatever guards the definition names.
    """
    employer = employer_account(user) if user.is_active else None
    if employer is not None:
        if not is_proposed_to(case, employer.partner):
            return _("Deze kandidaat is nu niet voorgesteld voor een vacature van je organisatie.")
    elif not (user.is_active and user.is_staff):
        return _("Alleen medewerkers kunnen een dossier behandelen.")
    elif not _in_scope(case, user):
        return _("Dit dossier hoort bij een programma waarvoor je niet werkt.")
    if case.application.anonymised_at is not None:
        return _("De persoonsgegevens van dit dossier zijn gewist: het dossier is gesloten.")
    if case.state not in transition.from_states:
        return _("Deze stap kan niet vanuit de huidige toestand van het dossier.")
    if not user.is_superuser and not (set(transition.groups) & acting_groups(user)):
        return _("Je groep mag deze stap niet zetten.")
    for guard in transition.guards:
        check, message = GUARDS[guard]
        if not check(case, user):
            return str(message)
    return None


def available_transitions(case, user):
    """The transitions `user` may perform on `case` now, in the definition's order."""
    return [
        transition
        for transition in case.definition.transitions_from(case.state)
        if refusal(case, transition, user) is None
    ]


def transition_form(case, transition, user, data=None):
    """The (bound, when `data` is given) form `transition` asks for."""
    return FORMS[transition.form](
        data, case=case, user=user, transition=transition, prefix=transition.key
    )


def perform(case, transition_key, user, *, data=None, expected_state=None):
    """Perform a transition; returns the new CaseEvent or raises TransitionRefused."""
    definition = case.definition
    if transition_key not in definition.transitions_by_key:
        raise TransitionRefused(_("Deze stap bestaat niet in de workflow van dit dossier."))
    transition = definition.transition(transition_key)
    reason = refusal(case, transition, user)
    if reason and expected_state and case.state != expected_state:
        raise CaseMovedOn(_moved_on_message())
    if reason:
        raise TransitionRefused(reason)
    form = transition_form(case, transition, user, data or {})
    if not form.is_valid():
        raise TransitionRefused(_("Kijk de gegevens van deze stap na."), form=form)

    with transaction.atomic():
        locked = (
            Case.objects.select_for_update(of=("self",))
            .select_related("workflow_version", "application")
            .get(pk=case.pk)
        )
        if expected_state is not None and locked.state != expected_state:
            raise CaseMovedOn(_moved_on_message())
        reason = refusal(locked, transition, user)
        if reason:
            raise TransitionRefused(reason)
        form.case = locked
        from_state = locked.state
        to_state = _target(locked, transition)
        now = timezone.now()
        event = CaseEvent(
            case=locked,
            transition=transition.key,
            from_state=from_state,
            to_state=to_state,
            actor=user,
            at=now,
            comment=form.cleaned_data.get("comment", ""),
            data=form.event_data(),
        )
        form.apply(locked, event)
        if to_state != from_state:
            if transition.to_state != definitions.PREVIOUS:
                locked.previous_state = from_state
            locked.state = to_state
            locked.state_entered_at = now
            if definition.state(to_state).is_final:
                locked.closed_at = now
        locked.save()
        event.save()
        proposals.follow_transition(locked, event, user)
        log(
            instance=locked,
            action="workflows.case.transition",
            user=user,
            data={
                "transition": transition.key,
                "from_state": from_state,
                "to_state": to_state,
                "event": event.pk,
            },
        )
        if transition.effects:
            transaction.on_commit(lambda: _queue_effects(event.pk))
    case.refresh_from_db()
    return event


def _moved_on_message():
    return _(
        "Dit dossier is intussen verder gezet door iemand anders. Bekijk de nieuwe toestand "
        "en kies opnieuw."
    )


def _target(case, transition):
    if transition.to_state == definitions.STAY:
        return case.state
    if transition.to_state == definitions.PREVIOUS:
        return case.previous_state or case.definition.start_state.key
    return transition.to_state


def _queue_effects(event_id):
    from workflows.tasks import run_effects

    run_effects.enqueue(event_id)


def open_case(application):
    """Start the case of a new application in its programme's workflow."""
    assignment = (
        ProgrammeWorkflow.objects.select_related("workflow")
        .filter(programme=application.programme)
        .first()
    )
    if assignment is None:
        raise NoWorkflow(application.programme)
    version = assignment.workflow.current_version()
    start = version.parsed().start_state.key
    case = Case.objects.create(
        application=application,
        programme=application.programme,
        workflow_version=version,
        state=start,
        state_entered_at=application.submitted_at,
        opened_at=application.submitted_at,
    )
    CaseEvent.objects.create(case=case, to_state=start, at=application.submitted_at)
    return case


def open_missing_cases(programme_id):
    """Open the cases of a programme's applications that came in while it had no
    workflow; returns how many were opened."""
    from forms.models import Application

    waiting = Application.objects.filter(programme_id=programme_id, case__isnull=True)
    opened = 0
    for application in waiting.select_related("programme").order_by("submitted_at"):
        with transaction.atomic():
            open_case(application)
        opened += 1
    return opened


def worklist(user):
    """The open cases in which `user` can act now, oldest waiting first.

    One queryset for the dashboard's count and its list: for every workflow version,
    the states that have a transition this user's groups may perform.
    """
    from workflows.permissions import cases_for

    cases = cases_for(user).filter(closed_at__isnull=True)
    groups = acting_groups(user)
    stands_in = is_programme_manager(user)  # passes "is_assignee" guards
    condition = Q(pk__in=[])
    # The versions with a case here, each found by looking for its first case through the
    # version's index: written as "in (these cases' versions)" or as Exists(), PostgreSQL
    # may read every open case to collect them.
    first_case = cases.filter(workflow_version=OuterRef("pk")).order_by().values("pk")[:1]
    versions = (
        WorkflowVersion.objects.annotate(first_case=Subquery(first_case))
        .filter(first_case__isnull=False)
        .only("pk", "definition")
    )
    for version in versions:
        states, assignee_states = set(), set()
        for transition in version.parsed().transitions:
            if not transition.is_work:
                continue  # a note, or a way out such as withdrawing, is not work waiting
            if not (user.is_superuser or set(transition.groups) & groups):
                continue
            target = assignee_states if "is_assignee" in transition.guards else states
            target.update(transition.from_states)
        if stands_in:
            states |= assignee_states
        elif assignee_states:
            condition |= Q(workflow_version=version, state__in=assignee_states, assignee=user)
        condition |= Q(workflow_version=version, state__in=states)
    return cases.filter(condition).order_by("state_entered_at", "pk")

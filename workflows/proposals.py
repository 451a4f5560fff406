"""What a transition means for a case's open proposal to an employer, besides what its
form records: the reveal of the candidate's identity at the step the workflow defines,
and the end of the proposal when the case closes. Called by `workflows.engine.perform`
inside its transaction, with the case row locked."""

from wagtail.log_actions import log

REVEAL_ACTION = "workflows.proposal.identity_revealed"


def follow_transition(case, event, user):
    """Bring the case's open proposal in line with the state the case just reached."""
    proposal = case.proposals.select_related("vacancy").filter(closed_at__isnull=True).first()
    if proposal is None:
        return
    state = case.definition.states_by_key.get(event.to_state)
    if state is None:
        return
    if state.is_final:
        proposal.closed_at = event.at
        proposal.save(update_fields=["closed_at"])
    elif state.reveals_identity and proposal.identity_revealed_at is None:
        reveal_identity(proposal, case, event, user)


def reveal_identity(proposal, case, event, user):
    """From now on the employer sees who the candidate is; logged once, with the step."""
    proposal.identity_revealed_at = event.at
    proposal.save(update_fields=["identity_revealed_at"])
    log(
        instance=case,
        action=REVEAL_ACTION,
        user=user,
        data={
            "proposal": proposal.pk,
            "vacancy": proposal.vacancy_id,
            "vacancy_title": proposal.vacancy.title,
            "state": event.to_state,
            "event": event.pk,
        },
    )

"""Matchmaking candidates proposed to an employer's vacancy, as staff propose them."""

from tests.workflows.case_factories import make_case, make_reviewer
from workflows import engine
from workflows.default_workflows import PROGRAMME_MANAGERS


def placement_staff(programme):
    """A programme manager of `programme`: may take every staff step of matchmaking."""
    return make_reviewer(PROGRAMME_MANAGERS, programme)


def propose(case, vacancy, staff, key="propose_to_vacancy"):
    """Propose the case (at the screening day, or back at "proposed") for `vacancy`."""
    engine.perform(
        case,
        key,
        staff,
        data={f"{key}-vacancy": str(vacancy.pk), f"{key}-reasons": "Past goed bij de job."},
    )
    return case.proposals.get(closed_at__isnull=True)


def proposed_case(programme, vacancy, staff=None, **application_fields):
    """A new matchmaking case proposed for `vacancy`; returns its open Proposal."""
    staff = staff or placement_staff(programme)
    case = make_case(programme, **application_fields)
    engine.perform(case, "invite_to_screening_day", staff)
    return propose(case, vacancy, staff)

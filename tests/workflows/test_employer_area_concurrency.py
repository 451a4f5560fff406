"""An employer's double click, or two colleagues at once, on the open interview's outcome:
the case moves exactly once and the other click is told the candidate has moved on.
Needs PostgreSQL (row locks between connections); skipped on SQLite. The test commits for
real; the demo site is put back afterwards."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections

from tests.workflows.partner_factories import make_employer
from tests.workflows.proposal_factories import proposed_case
from workflows import employer_area
from workflows.models import CaseEvent, Proposal

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite has no row locks and serialises every writer",
    ),
]


ANSWERS = [
    {"outcome": "workplace_visit"},  # the case moves on to the visit
    {"outcome": "not_retained", "reason": "language"},  # the case stays "proposed"
]


def click_twice_at_once(zorgnet, proposal, employer_pk, answer):
    """Two requests with the same expected state, let go at the same moment."""
    start = threading.Barrier(2)
    outcomes, errors = [], []

    def click():
        try:
            user = get_user_model().objects.get(pk=employer_pk)
            mine = employer_area.find_proposal(zorgnet, proposal.pk)
            start.wait(timeout=30)
            employer_area.record_outcome(mine, user, answer, expected_state="proposed")
            outcomes.append("moved")
        except employer_area.StepRefused as refused:
            outcomes.append("moved on" if refused.moved_on else refused.message)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes, errors


# One test for both answers: the module's demo snapshot is restored once, after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_clicks_at_once_record_the_outcome_once(demo_site_restored_afterwards):
    from programmes.models import PartnerPage, ProgrammePage, VacancyPage

    programme = ProgrammePage.objects.get(slug="jobroad-matchmaking", locale__language_code="nl")
    vacancy = VacancyPage.objects.get(slug="zorgkundige-thuiszorg", locale__language_code="nl")
    zorgnet = PartnerPage.objects.get(slug="zorgnet-dijle", locale__language_code="nl")
    employer_pk = make_employer(zorgnet, "hr@zorgnet.example").user_id

    for answer in ANSWERS:
        proposal = proposed_case(programme, vacancy)

        outcomes, errors = click_twice_at_once(zorgnet, proposal, employer_pk, answer)

        assert errors == []
        assert sorted(outcomes) == ["moved", "moved on"], answer
        events = CaseEvent.objects.filter(case=proposal.case, transition__startswith="interview_")
        assert events.count() == 1, answer
        assert Proposal.objects.get(pk=proposal.pk).outcome == answer["outcome"]

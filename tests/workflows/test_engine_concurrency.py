"""Two reviewers act on the same case at the same moment: exactly one succeeds, and the
other is told the case has moved on. Needs PostgreSQL (row locks between connections);
skipped on SQLite. The test commits for real; the demo site is put back afterwards."""

import threading

import pytest
from django.db import connection, connections

from workflows import engine
from workflows.default_workflows import SCREENERS
from workflows.models import Case, CaseEvent

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite has no row locks and serialises every writer",
    ),
]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_reviewers_at_once_move_the_case_once(demo_site_restored_afterwards):
    from programmes.models import ProgrammePage
    from tests.workflows.test_engine import new_case, reviewer

    programme = ProgrammePage.objects.get(slug="level2work", locale__language_code="nl")
    case = new_case(programme)
    reviewers = [reviewer(SCREENERS, programme, f"screener{n}@example.org") for n in (1, 2)]
    start = threading.Barrier(len(reviewers))
    outcomes, errors = [], []

    def act(user):
        try:
            mine = Case.objects.get(pk=case.pk)
            start.wait(timeout=30)
            engine.perform(mine, "start_screening", user, expected_state="submitted")
            outcomes.append("moved")
        except engine.CaseMovedOn:
            outcomes.append("moved on")
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=act, args=(user,)) for user in reviewers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert sorted(outcomes) == ["moved", "moved on"]
    assert CaseEvent.objects.filter(case=case, transition="start_screening").count() == 1

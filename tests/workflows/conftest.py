"""The demo programmes the workflow tests work on, by the default workflow they follow."""

import pytest

from tests.workflows.case_factories import COACHING_PROGRAMME, MATCHMAKING_PROGRAMME


@pytest.fixture
def coaching(demo):
    return demo[COACHING_PROGRAMME]["nl"]


@pytest.fixture
def matchmaking(demo):
    return demo[MATCHMAKING_PROGRAMME]["nl"]

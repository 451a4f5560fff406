"""The cases listing's pages: a page's cases are chosen first and read with their related
rows after (`workflows.admin_views.CasePaginator`), so every page must still hold the
cases of that page, in the listing's order, and only cases the reviewer may see."""

import pytest
from django.urls import reverse

from tests.workflows.case_factories import days_ago, make_case, make_reviewer, put_in
from workflows import engine
from workflows.default_workflows import SCREENERS
from workflows.models import Case

INDEX = "cases:index"


@pytest.fixture
def screener(coaching):
    return make_reviewer(SCREENERS, coaching, email="screener-pages@example.org")


def listed(response):
    return [case.pk for case in response.context["object_list"]]


def test_the_worklists_second_page_continues_in_waiting_order(
    client, screener, coaching, matchmaking
):
    for days in range(30):
        put_in(make_case(coaching), "submitted", state_entered_at=days_ago(days + 1))
    elsewhere = put_in(make_case(matchmaking), "submitted", state_entered_at=days_ago(100))
    client.force_login(screener)

    first = client.get(reverse(INDEX), {"waiting": "true"})
    second = client.get(reverse(INDEX), {"waiting": "true", "p": 2})

    waiting = list(engine.worklist(screener).values_list("pk", flat=True))
    assert len(waiting) >= 30
    assert listed(first) == waiting[:25]
    assert listed(second) == waiting[25:50]
    assert elsewhere.pk not in listed(first) + listed(second)


def test_a_page_sorted_on_another_column_keeps_that_order(client, screener, coaching):
    for _number in range(30):
        make_case(coaching)
    client.force_login(screener)

    response = client.get(reverse(INDEX), {"ordering": "-application__reference", "p": 2})

    references = [case.application.reference for case in response.context["object_list"]]
    assert references == sorted(references, reverse=True)
    everything = Case.objects.filter(programme=coaching).order_by("-application__reference")
    assert references == [case.application.reference for case in everything[25:50]]


def test_a_page_shows_each_case_with_its_own_programme_state_and_applicant(
    client, screener, coaching
):
    case = put_in(make_case(coaching, first_name="Olena", last_name="Kovalenko"), "screening")
    client.force_login(screener)

    response = client.get(reverse(INDEX))

    (shown,) = [item for item in response.context["object_list"] if item.pk == case.pk]
    assert shown.application.full_name == "Olena Kovalenko"
    assert shown.programme.pk == coaching.pk
    assert shown.state == "screening"
    assert shown.definition.state("screening") is not None

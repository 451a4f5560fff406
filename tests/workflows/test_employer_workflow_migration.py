"""A site that installed the matchmaking workflow before employers had an area gets the
employer steps from the data migration, exactly as a new site gets them from the
defaults; running it twice changes nothing more."""

import importlib

from django.apps import apps
from django.contrib.auth.models import Group

from workflows.default_workflows import EMPLOYERS, MATCHMAKING
from workflows.models import Workflow, WorkflowState, WorkflowTransition

migration = importlib.import_module("workflows.migrations.0008_employers_in_matchmaking")

# What the matchmaking workflow looked like before (commit f5a8592).
BEFORE = {
    "propose_to_vacancy": {"form": "screening"},
    "invite_to_interview": {"form": "", "guards": ""},
    "interview_retained": {"from_states": "open_interview", "guards": ""},
    "interview_not_retained": {"from_states": "open_interview", "guards": ""},
    "visit_not_retained": {"form": "reason"},
}


def as_before(workflow):
    workflow.transitions.filter(key="propose_to_other_vacancy").delete()
    WorkflowState.objects.filter(workflow=workflow).update(reveals_identity=False)
    employers = Group.objects.get(name=EMPLOYERS)
    for transition in WorkflowTransition.objects.filter(workflow=workflow):
        WorkflowTransition.groups.through.objects.filter(
            workflowtransition_id=transition.pk, group=employers
        ).delete()
        for name, value in BEFORE.get(transition.key, {}).items():
            setattr(transition, name, value)
        transition.save()
    for position, transition in enumerate(workflow.transitions.order_by("sort_order")):
        WorkflowTransition.objects.filter(pk=transition.pk).update(sort_order=position)


def definition(workflow):
    workflow = Workflow.objects.get(pk=workflow.pk)  # no cached rows
    return workflow.as_definition()


def shipped():
    """MATCHMAKING as `as_definition` shapes it."""
    return {
        "states": [
            {**state, "reveals_identity": True} if state.get("reveals_identity") else state
            for state in MATCHMAKING["states"]
        ],
        "transitions": MATCHMAKING["transitions"],
    }


def test_an_installed_matchmaking_workflow_gets_the_employer_steps(db):
    workflow = Workflow.objects.get(slug="matchmaking")
    as_before(workflow)

    migration.bring_employers_in(apps, None)

    data, expected = definition(workflow), shipped()
    assert [t["key"] for t in data["transitions"]] == [t["key"] for t in expected["transitions"]]
    for got, want in zip(data["transitions"], expected["transitions"], strict=True):
        for name in ("from_states", "to_state", "form", "guards", "effects"):
            assert got[name] == want[name], (got["key"], name)
        assert got["groups"] == sorted(want["groups"]), got["key"]
    revealing = {state["key"] for state in data["states"] if state.get("reveals_identity")}
    assert revealing == {"workplace_visit", "hired", "aftercare", "completed"}


def test_the_migration_run_twice_changes_nothing_more(db):
    workflow = Workflow.objects.get(slug="matchmaking")
    as_before(workflow)
    migration.bring_employers_in(apps, None)
    once = definition(workflow)

    migration.bring_employers_in(apps, None)

    assert definition(workflow) == once

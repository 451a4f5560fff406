"""Workflow definitions as data: the rules of a sound graph, and the defaults that ship."""

import copy
import json

import pytest

from workflows.default_workflows import (
    COACHING,
    DEFAULT_WORKFLOWS,
    EMPLOYERS,
    MATCHMAKING,
    PROGRAMME_MANAGERS,
    REVIEWER_GROUPS,
)
from workflows.definitions import START, Definition, parse, problems

DEFAULTS = pytest.mark.parametrize(
    "definition", [COACHING, MATCHMAKING], ids=["coaching", "matchmaking"]
)


def small_workflow():
    """A sound three-state workflow: new -> busy -> done, with a note along the way."""
    return {
        "name": "Klein",
        "states": [
            {"key": "new", "kind": "start", "staff_name": "Nieuw"},
            {"key": "busy", "kind": "active", "staff_name": "Bezig"},
            {"key": "done", "kind": "success", "staff_name": "Klaar"},
        ],
        "transitions": [
            {"key": "begin", "staff_name": "Beginnen", "from_states": ["new"], "to_state": "busy"},
            {
                "key": "finish",
                "staff_name": "Afronden",
                "from_states": ["busy"],
                "to_state": "done",
            },
            {
                "key": "note",
                "staff_name": "Notitie",
                "from_states": ["new", "busy"],
                "form": "note",
            },
        ],
    }


def the_one_problem(data, **registries):
    (problem,) = problems(data, **registries)
    return problem


# --- The defaults that ship -----------------------------------------------------------------


def test_the_defaults_are_the_coaching_and_matchmaking_pathways():
    assert DEFAULT_WORKFLOWS == {"coaching": COACHING, "matchmaking": MATCHMAKING}


@DEFAULTS
def test_default_workflow_has_no_problems(definition):
    assert problems(definition) == []


@DEFAULTS
def test_default_workflow_uses_only_registered_forms_effects_and_guards(definition):
    from workflows.effects import EFFECTS
    from workflows.guards import GUARDS
    from workflows.transition_forms import FORMS

    assert problems(definition, forms=FORMS, effects=EFFECTS, guards=GUARDS) == []


@DEFAULTS
def test_default_workflow_has_exactly_one_start_state(definition):
    starts = [state["key"] for state in definition["states"] if state["kind"] == START]

    assert len(starts) == 1


@DEFAULTS
def test_applicants_see_a_name_for_every_state_after_the_start(definition):
    parsed = parse(definition)

    unnamed = [
        state.key
        for state in parsed.states
        if state != parsed.start_state and not state.applicant_name.strip()
    ]

    assert unnamed == []


@DEFAULTS
def test_applicants_read_what_happens_next_in_every_state(definition):
    undescribed = [
        state["key"]
        for state in definition["states"]
        if not state.get("applicant_description", "").strip()
    ]

    assert undescribed == []


@DEFAULTS
def test_every_transition_is_performed_by_reviewer_groups(definition):
    for transition in parse(definition).transitions:
        assert transition.groups, transition.key
        assert set(transition.groups) <= {*REVIEWER_GROUPS, EMPLOYERS}, transition.key


def test_employers_act_only_on_the_open_interview_and_only_on_their_proposals():
    employer_steps = {
        transition.key: transition
        for transition in parse(MATCHMAKING).transitions
        if EMPLOYERS in transition.groups
    }

    assert set(employer_steps) == {
        "invite_to_interview",
        "interview_retained",
        "interview_not_retained",
    }
    for transition in employer_steps.values():
        assert "is_proposed_to_employer" in transition.guards


def test_matchmaking_reveals_the_identity_from_the_workplace_visit_on():
    revealing = {state.key for state in parse(MATCHMAKING).states if state.reveals_identity}

    assert revealing == {"workplace_visit", "hired", "aftercare", "completed"}


def test_matchmaking_proposes_for_a_chosen_vacancy_and_again_after_not_retained():
    parsed = parse(MATCHMAKING)

    assert parsed.transition("propose_to_vacancy").form == "propose"
    again = parsed.transition("propose_to_other_vacancy")
    assert again.form == "propose"
    assert again.from_states == ("proposed",)
    assert parsed.transition("interview_not_retained").to_state == "proposed"


@DEFAULTS
def test_programme_managers_may_perform_every_transition(definition):
    missing = [
        transition.key
        for transition in parse(definition).transitions
        if PROGRAMME_MANAGERS not in transition.groups
    ]

    assert missing == []


@DEFAULTS
def test_internal_notes_are_hidden_from_the_applicant(definition):
    assert parse(definition).transition("add_note").applicant_name == ""


@DEFAULTS
def test_a_case_on_hold_resumes_where_it_was(definition):
    parsed = parse(definition)

    assert parsed.transition("put_on_hold").to_state == "on_hold"
    assert parsed.transition("resume").to_state == "@previous"
    assert "on_hold" not in parsed.transition("put_on_hold").from_states


@DEFAULTS
def test_every_open_state_can_be_withdrawn(definition):
    parsed = parse(definition)
    open_states = {state.key for state in parsed.states if not state.is_final}

    assert set(parsed.transition("withdraw").from_states) == open_states


def test_matchmaking_interview_leads_to_a_visit_or_back_to_proposing():
    parsed = parse(MATCHMAKING)

    outcomes = {
        transition.to_state
        for transition in parsed.transitions_from("open_interview")
        if transition.form == "interview_outcome"
    }

    assert outcomes == {"workplace_visit", "proposed"}


def test_matchmaking_hire_records_the_placement():
    assert parse(MATCHMAKING).transition("record_hire").form == "placement"


# --- The rules of a sound graph -------------------------------------------------------------


def test_a_sound_workflow_has_no_problems():
    assert problems(small_workflow()) == []


def test_a_second_start_state_is_reported():
    data = small_workflow()
    data["states"][1]["kind"] = "start"

    assert "2" in the_one_problem(data)


def test_a_workflow_without_start_state_is_reported():
    data = small_workflow()
    data["states"][0]["kind"] = "active"

    found = problems(data)

    assert any("0" in problem for problem in found)


def test_a_state_of_unknown_kind_is_reported():
    data = small_workflow()
    data["states"][1]["kind"] = "waiting"

    assert any("busy" in problem for problem in problems(data))


def test_an_unreachable_state_is_reported():
    data = small_workflow()
    data["states"].append({"key": "forgotten", "kind": "active", "staff_name": "Vergeten"})

    assert "forgotten" in the_one_problem(data)


def test_a_state_reached_only_from_an_unreachable_state_is_reported_too():
    data = small_workflow()
    data["states"] += [
        {"key": "island", "kind": "active", "staff_name": "Eiland"},
        {"key": "beyond", "kind": "active", "staff_name": "Voorbij"},
    ]
    data["transitions"].append(
        {"key": "cross", "staff_name": "Over", "from_states": ["island"], "to_state": "beyond"}
    )

    found = problems(data)

    assert len(found) == 2
    assert any("island" in problem for problem in found)
    assert any("beyond" in problem for problem in found)


def test_a_transition_leaving_a_closed_state_is_reported():
    data = small_workflow()
    data["states"].append({"key": "stopped", "kind": "closed", "staff_name": "Gestopt"})
    data["transitions"] += [
        {"key": "stop", "staff_name": "Stop", "from_states": ["busy"], "to_state": "stopped"},
        {"key": "reopen", "staff_name": "Heropen", "from_states": ["stopped"], "to_state": "busy"},
    ]

    problem = the_one_problem(data)

    assert "reopen" in problem
    assert "stopped" in problem


def test_a_transition_leaving_a_success_state_is_reported():
    data = small_workflow()
    data["transitions"].append(
        {"key": "again", "staff_name": "Opnieuw", "from_states": ["done"], "to_state": "busy"}
    )

    assert "again" in the_one_problem(data)


def test_a_note_on_a_closed_case_is_reported():
    data = small_workflow()
    data["transitions"][2]["from_states"].append("done")

    assert "note" in the_one_problem(data)


def test_a_transition_from_an_unknown_state_is_reported():
    data = small_workflow()
    data["transitions"][1]["from_states"] = ["busy", "ghost"]

    problem = the_one_problem(data)

    assert "finish" in problem
    assert "ghost" in problem


def test_a_transition_to_an_unknown_state_is_reported():
    data = small_workflow()
    data["transitions"][1]["to_state"] = "nowhere"

    found = problems(data)

    assert any("finish" in problem and "nowhere" in problem for problem in found)
    # Nothing else leads to "done" any more, so that is reported as well.
    assert any("done" in problem for problem in found)


def test_a_transition_from_no_state_at_all_is_reported():
    data = small_workflow()
    data["transitions"][2]["from_states"] = []

    assert "note" in the_one_problem(data)


def test_a_duplicate_state_key_is_reported():
    data = small_workflow()
    data["states"].append({"key": "busy", "kind": "active", "staff_name": "Nog eens bezig"})

    assert any("busy" in problem for problem in problems(data))


def test_a_duplicate_transition_key_is_reported():
    data = small_workflow()
    data["transitions"].append(
        {"key": "begin", "staff_name": "Nog eens", "from_states": ["busy"], "to_state": "busy"}
    )

    assert "begin" in the_one_problem(data)


def test_an_unknown_form_is_reported_when_the_forms_are_known():
    data = small_workflow()
    data["transitions"][0]["form"] = "questionnaire"

    assert "questionnaire" in the_one_problem(data, forms={"": None, "note": None})


def test_an_unknown_effect_is_reported_when_the_effects_are_known():
    data = small_workflow()
    data["transitions"][1]["effects"] = ["notify_applicant", "send_flowers"]

    assert "send_flowers" in the_one_problem(data, effects={"notify_applicant": None})


def test_an_unknown_guard_is_reported_when_the_guards_are_known():
    data = small_workflow()
    data["transitions"][1]["guards"] = ["is_full_moon"]

    assert "is_full_moon" in the_one_problem(data, guards={"is_assignee": None})


def test_forms_effects_and_guards_are_not_checked_without_registries():
    data = small_workflow()
    data["transitions"][1].update(form="anything", effects=["anything"], guards=["anything"])

    assert problems(data) == []


def test_a_transition_that_stays_is_accepted():
    data = small_workflow()
    data["transitions"].append(
        {"key": "ask", "staff_name": "Vragen", "from_states": ["busy"], "to_state": ""}
    )

    assert problems(data) == []


def test_a_transition_back_to_the_previous_state_is_accepted():
    data = small_workflow()
    data["states"].append({"key": "paused", "kind": "active", "staff_name": "Gepauzeerd"})
    data["transitions"] += [
        {"key": "pause", "staff_name": "Pauze", "from_states": ["busy"], "to_state": "paused"},
        {
            "key": "resume",
            "staff_name": "Verder",
            "from_states": ["paused"],
            "to_state": "@previous",
        },
    ]

    assert problems(data) == []


# --- Parsing --------------------------------------------------------------------------------


def test_parse_gives_the_start_state():
    assert parse(small_workflow()).start_state.key == "new"


def test_parse_gives_the_transitions_from_a_state_in_order():
    definition = parse(small_workflow())

    assert [t.key for t in definition.transitions_from("new")] == ["begin", "note"]
    assert [t.key for t in definition.transitions_from("busy")] == ["finish", "note"]
    assert definition.transitions_from("done") == []


def test_parse_finds_states_and_transitions_by_key():
    definition = parse(small_workflow())

    assert definition.state("busy").staff_name == "Bezig"
    assert definition.transition("finish").to_state == "done"
    assert definition.state("done").is_final
    assert not definition.transition("note").changes_state


def test_parse_falls_back_to_the_key_for_a_missing_staff_name():
    data = small_workflow()
    del data["states"][1]["staff_name"]

    assert parse(data).state("busy").staff_name == "busy"


def test_parse_reads_comma_separated_lists_as_the_admin_stores_them():
    data = small_workflow()
    data["transitions"][2]["from_states"] = "new, busy"
    data["transitions"][2]["groups"] = "Screeners,Coaches"

    note = parse(data).transition("note")

    assert note.from_states == ("new", "busy")
    assert note.groups == ("Screeners", "Coaches")


@DEFAULTS
def test_a_json_round_trip_parses_to_an_equal_definition(definition):
    round_tripped = json.loads(json.dumps(definition))

    assert parse(round_tripped) == parse(definition)
    assert isinstance(parse(round_tripped), Definition)


def test_parsing_leaves_the_default_data_untouched():
    before = copy.deepcopy(COACHING)

    parse(COACHING)
    problems(COACHING)

    assert before == COACHING

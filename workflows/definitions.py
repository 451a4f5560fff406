"""Workflow definitions as plain data: states, transitions, and the rules of their graph.

A definition is what a programme manager edits in the admin and what JSON export and
import carry; every case keeps the version it started with (see WorkflowVersion). This
module reads no database: `parse` turns the JSON-shaped dict into frozen dataclasses and
`problems` lists what makes a graph unusable, in words a manager can act on.

The shape:

    {"name": "...", "states": [{"key", "kind", "staff_name", "applicant_name",
      "applicant_description", "enrolled": false, "reveals_identity": false}],
     "transitions": [{"key", "staff_name", "applicant_name", "from_states": [...],
      "to_state": "<key>" | "" (stays) | "@previous" (back to where it was),
      "groups": [...], "form": "<form key>", "effects": [...], "guards": [...],
      "exit": false}]}
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

START, ACTIVE, SUCCESS, CLOSED = "start", "active", "success", "closed"
STATE_KINDS = (START, ACTIVE, SUCCESS, CLOSED)
STAY = ""  # a transition without a new state: a note, a request for information
PREVIOUS = "@previous"  # back to the state before the last move (resume after "on hold")


@dataclass(frozen=True)
class State:
    key: str
    kind: str
    staff_name: str
    applicant_name: str = ""
    applicant_description: str = ""
    # Reaching this state makes the applicant a participant of the programme (reports
    # count them as enrolled).
    enrolled: bool = False
    # From this state on, the employer the case is proposed to sees who the candidate is
    # (name and contact details); before, only the blind profile.
    reveals_identity: bool = False

    @property
    def is_final(self):
        return self.kind in (SUCCESS, CLOSED)


@dataclass(frozen=True)
class Transition:
    key: str
    staff_name: str
    from_states: tuple[str, ...]
    to_state: str = STAY
    applicant_name: str = ""
    groups: tuple[str, ...] = ()
    form: str = ""
    effects: tuple[str, ...] = ()
    guards: tuple[str, ...] = ()
    # A way out that is open from (almost) anywhere, such as withdrawing or pausing: not a
    # step of the pathway, so it puts no case on anyone's worklist.
    exit: bool = False

    @property
    def changes_state(self):
        return self.to_state != STAY

    @property
    def is_work(self):
        """Whether a case where this transition is possible waits for someone."""
        return self.changes_state and not self.exit


@dataclass(frozen=True)
class Definition:
    name: str
    states: tuple[State, ...]
    transitions: tuple[Transition, ...]
    states_by_key: dict = field(default_factory=dict, compare=False, repr=False)
    transitions_by_key: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        self.states_by_key.update({state.key: state for state in self.states})
        self.transitions_by_key.update({t.key: t for t in self.transitions})

    @property
    def start_state(self):
        return next(state for state in self.states if state.kind == START)

    def state(self, key):
        return self.states_by_key[key]

    def transition(self, key):
        return self.transitions_by_key[key]

    def transitions_from(self, state_key):
        return [t for t in self.transitions if state_key in t.from_states]


def _tuple(value):
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    return tuple(value or ())


def parse(data):
    """The definition in `data` (as exported to JSON), as frozen dataclasses."""
    return Definition(
        name=data.get("name", ""),
        states=tuple(
            State(
                key=state["key"],
                kind=state["kind"],
                staff_name=state.get("staff_name") or state["key"],
                applicant_name=state.get("applicant_name", ""),
                applicant_description=state.get("applicant_description", ""),
                enrolled=bool(state.get("enrolled", False)),
                reveals_identity=bool(state.get("reveals_identity", False)),
            )
            for state in data.get("states", [])
        ),
        transitions=tuple(
            Transition(
                key=transition["key"],
                staff_name=transition.get("staff_name") or transition["key"],
                from_states=_tuple(transition.get("from_states")),
                to_state=transition.get("to_state") or STAY,
                applicant_name=transition.get("applicant_name", ""),
                groups=_tuple(transition.get("groups")),
                form=transition.get("form", ""),
                effects=_tuple(transition.get("effects")),
                guards=_tuple(transition.get("guards")),
                exit=bool(transition.get("exit", False)),
            )
            for transition in data.get("transitions", [])
        ),
    )


def problems(data, *, forms=(), effects=(), guards=()):
    """What makes the definition in `data` unusable, as sentences; [] when it is sound.

    One start state; unique keys; transitions between known states; every state
    reachable from the start; nothing leaves a closed or success state; and, when the
    registries are given, only known forms, effects and guards.
    """
    found = []
    states = data.get("states", [])
    transitions = data.get("transitions", [])
    keys = [state.get("key", "") for state in states]
    known = set(keys)

    for key in sorted({key for key in keys if keys.count(key) > 1}):
        found.append(_("De toestand „%(key)s” staat er meer dan eens in.") % {"key": key})
    transition_keys = [transition.get("key", "") for transition in transitions]
    for key in sorted({key for key in transition_keys if transition_keys.count(key) > 1}):
        found.append(_("De overgang „%(key)s” staat er meer dan eens in.") % {"key": key})
    for state in states:
        if state.get("kind") not in STATE_KINDS:
            found.append(
                _("De toestand „%(key)s” heeft geen geldige soort.") % {"key": state.get("key")}
            )
    starts = [state.get("key", "") for state in states if state.get("kind") == START]
    if len(starts) != 1:
        found.append(
            _("Een workflow heeft precies één begintoestand; deze heeft er %(count)s.")
            % {"count": len(starts)}
        )
    final = {state.get("key", "") for state in states if state.get("kind") in (SUCCESS, CLOSED)}

    edges = {}
    for transition in transitions:
        key = transition.get("key", "")
        sources = _tuple(transition.get("from_states"))
        target = transition.get("to_state") or STAY
        if not sources:
            found.append(
                _("De overgang „%(key)s” vertrekt uit geen enkele toestand.") % {"key": key}
            )
        for source in sources:
            if source not in known:
                found.append(
                    _("De overgang „%(key)s” vertrekt uit „%(state)s”, een onbekende toestand.")
                    % {"key": key, "state": source}
                )
            elif source in final:
                found.append(
                    _(
                        "De overgang „%(key)s” vertrekt uit „%(state)s”: uit een afgesloten "
                        "toestand vertrekt niets meer."
                    )
                    % {"key": key, "state": source}
                )
        if target not in (STAY, PREVIOUS) and target not in known:
            found.append(
                _("De overgang „%(key)s” gaat naar „%(state)s”, een onbekende toestand.")
                % {"key": key, "state": target}
            )
        form = transition.get("form", "")
        for registry, values in (
            (forms, (form,) if form else ()),
            (effects, _tuple(transition.get("effects"))),
            (guards, _tuple(transition.get("guards"))),
        ):
            for item in values:
                if registry and item not in registry:
                    found.append(
                        _("De overgang „%(key)s” gebruikt „%(item)s”, dat niet bestaat.")
                        % {"key": key, "item": item}
                    )
        for source in sources:
            # "@previous" only returns to a state the case was in: it reaches nothing new.
            if target not in (STAY, PREVIOUS):
                edges.setdefault(source, set()).add(target)

    if len(starts) == 1:
        reached, todo = {starts[0]}, [starts[0]]
        while todo:
            for target in edges.get(todo.pop(), ()):
                if target in known and target not in reached:
                    reached.add(target)
                    todo.append(target)
        for key in keys:
            if key not in reached:
                found.append(
                    _("De toestand „%(key)s” is vanuit het begin niet te bereiken.") % {"key": key}
                )
    return found

"""Random and hostile input to every public form, every wizard step and every transition
form (hypothesis): never a server error, and a refused form always says what to fix.

Values mix what people type by mistake with what attackers send: empty and huge
strings, NUL bytes, markup, SQL, right-to-left marks, dates that do not exist, numbers
that overflow, and lists where one value is expected.
"""

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms.steps import STEPS
from programmes.models import CafeSessionPage
from tests.forms.wizard_helpers import Wizard, valid_answers
from tests.programmes.cafe_factories import CafeSessionPageFactory
from tests.workflows.case_factories import make_case, put_in
from workflows.default_workflows import DEFAULT_WORKFLOWS

HOSTILE = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "a\x00b",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            '=HYPERLINK("http://x")',
            "\u202egnp.exe",
            "٣١/١٢/٢٠٢٦",
            "31 2 2026",
            "99999999999999999999",
            "-1",
            "1e309",
            "on",
            "2026-02-30",
            "x" * 5000,
        ]
    ),
)
EXAMPLES = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def form_data(names):
    """Values for some of `names` (and an unknown field), each one or several."""
    value = st.one_of(HOSTILE, st.lists(HOSTILE, min_size=2, max_size=3))
    return st.dictionaries(st.sampled_from([*names, "onbekend"]), value, max_size=len(names) + 1)


def assert_answered(response, *, context=""):
    assert response.status_code < 500, context
    if response.status_code == 200 and response.context is not None:
        form = response.context.get("form")
        if form is not None and getattr(form, "errors", None):
            # The error summary leads to each field with a message on how to fix it.
            assert "error-summary" in response.content.decode(), context


@pytest.fixture
def programme(demo):
    return demo["level2work"]["nl"]


@EXAMPLES
@given(data=form_data(["email", "next", "website"]))
def test_the_sign_in_form(client, db, data):
    assert_answered(client.post("/nl/my/inloggen/", data), context=str(data))


@EXAMPLES
@given(code=HOSTILE)
def test_the_certificate_verify_form(client, db, code):
    assert_answered(client.get("/nl/certificaat/", {"code": code}), context=repr(code))


@EXAMPLES
@given(data=form_data(["q", "page"]))
def test_search(client, db, data):
    assert_answered(client.get("/nl/search/", data), context=str(data))


@EXAMPLES
@given(
    data=form_data(
        ["years_in_belgium", "nationality", "country_of_origin", "eqf_level", "recognition",
         "first_registration_0", "first_registration_1", "first_registration_2", "dutch"]
    )
)  # fmt: skip
def test_the_eligibility_check(client, programme, data):
    assert_answered(
        client.get(f"/nl/programmes/{programme.pk}/eligibility/", data), context=str(data)
    )


@EXAMPLES
@given(data=form_data(["name", "email", "language", "access_needs", "consent", "website"]))
def test_cafe_registration(client, db, data):
    session = CafeSessionPage.objects.live().filter(locale__language_code="nl").first()
    session = session or CafeSessionPageFactory()
    assert_answered(client.post(session.url, data), context=str(data))


@EXAMPLES
@given(
    data=form_data(
        ["topic", "language", "name", "email", "phone", "question", "privacy_consent", "website"]
    )
)
def test_appointment_booking(client, db, data):
    from cms import ratelimit
    from programmes import appointments

    ratelimit.reset("appointment.ip", "127.0.0.1")  # every example reaches the form
    slot = appointments.bookable_slots(appointments.published_schedule())[0]
    assert_answered(client.post(f"/nl/afspraak/moment/{slot.key}/", data), context=str(data))


@EXAMPLES
@given(data=form_data(["taal"]))
def test_appointment_slots_filter(client, db, data):
    assert_answered(client.get("/nl/afspraak/", data), context=str(data))


STEP_NAMES = [name for name, _form in STEPS]


@pytest.mark.parametrize(
    "step", [name for name in STEP_NAMES if name not in ("documents", "review")]
)
def test_every_wizard_step(client, programme, step):
    wizard = Wizard(client, programme)
    wizard.start()
    answers = valid_answers()
    order = STEP_NAMES
    # Reach the step with good answers, then throw everything at it.
    for earlier in order[: order.index(step)]:
        if earlier in ("documents", "review", "referral"):
            continue
        wizard.post(earlier, answers[earlier])
    names = list(answers.get(step, {})) or ["x"]

    @EXAMPLES
    @given(data=form_data(names))
    def hostile(data):
        with translation.override("nl"):
            response = wizard.post(step, data)
        assert_answered(response, context=f"{step}: {data}")

    hostile()


def transitions_with_forms():
    seen = {}
    for slug, definition in DEFAULT_WORKFLOWS.items():
        for transition in definition["transitions"]:
            if transition.get("form") and transition["form"] not in seen:
                from_state = transition["from_states"][0]
                seen[transition["form"]] = (slug, transition["key"], from_state)
    return sorted(seen.values())


@pytest.mark.parametrize(("workflow", "transition", "state"), transitions_with_forms())
def test_every_transition_form(client, demo, django_user_model, workflow, transition, state):
    from django.urls import reverse

    from workflows.transition_forms import FORMS

    programme = demo["level2work" if workflow == "coaching" else "jobroad-matchmaking"]["nl"]
    client.force_login(django_user_model.objects.create_superuser("s@example.org", "x"))
    form_key = next(
        t["form"] for t in DEFAULT_WORKFLOWS[workflow]["transitions"] if t["key"] == transition
    )
    names = [f"{transition}-{name}" for name in FORMS[form_key].base_fields]

    @EXAMPLES
    @given(data=form_data(names))
    def hostile(data):
        case = put_in(make_case(programme), state)
        response = client.post(
            reverse("cases:transition", args=[case.pk]),
            {"transition": transition, "expected_state": state, **data},
        )
        assert response.status_code < 500, f"{transition}: {data}"

    hostile()

"""The programme managers' admin: editing a workflow checks its graph, JSON export and
import, and which programmes each staff member works on."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from tests.workflows.case_factories import COACHING_PROGRAMME, make_case, make_reviewer
from workflows.default_workflows import PROGRAMME_MANAGERS, SCREENERS
from workflows.models import ProgrammeScope, Workflow

User = get_user_model()


@pytest.fixture
def coaching_programme(demo):
    return demo[COACHING_PROGRAMME]["nl"]


@pytest.fixture
def manager(coaching_programme):
    return make_reviewer(PROGRAMME_MANAGERS, coaching_programme, first_name="Mira")


@pytest.fixture
def workflow(db):
    return Workflow.objects.get(slug="coaching")


def edit_url(workflow):
    return reverse("workflows_admin:edit", args=[workflow.pk])


def edit_form_data(client, workflow):
    """What the edit form posts when nothing is changed."""
    response = client.get(edit_url(workflow))
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="w-editor-form")


def json_upload(data, name="workflow.json"):
    return SimpleUploadedFile(
        name, json.dumps(data).encode("utf-8"), content_type="application/json"
    )


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


# --- Editing -----------------------------------------------------------------------------


def test_a_programme_manager_lists_and_opens_the_workflows(client, manager, workflow):
    client.force_login(manager)

    listing = client.get(reverse("workflows_admin:index"))
    edit = client.get(edit_url(workflow))

    assert listing.status_code == 200
    assert workflow.name in listing.content.decode()
    assert edit.status_code == 200
    assert reverse("workflows_admin:export", args=[workflow.pk]) in edit.content.decode()


def test_a_reviewer_who_is_not_a_manager_cannot_edit_workflows(
    client, coaching_programme, workflow
):
    screener = make_reviewer(SCREENERS, coaching_programme)
    client.force_login(screener)

    response = client.get(edit_url(workflow))

    assert response.status_code in (302, 403)
    assert edit_url(workflow) not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_saving_an_unchanged_sound_workflow_works(client, manager, workflow):
    client.force_login(manager)
    data = edit_form_data(client, workflow)
    data["name"] = "Coachingtraject (nieuw)"

    response = client.post(edit_url(workflow), data)

    assert response.status_code == 302
    workflow.refresh_from_db()
    assert workflow.name == "Coachingtraject (nieuw)"


def test_the_edit_form_rejects_a_graph_with_two_start_states(client, manager, workflow):
    client.force_login(manager)
    data = edit_form_data(client, workflow)
    assert data["states-1-kind"] != "start"
    data["states-1-kind"] = "start"

    response = client.post(edit_url(workflow), data)

    assert response.status_code == 200
    assert "precies één begintoestand" in response.content.decode()
    assert workflow.states.filter(kind="start").count() == 1


def test_the_edit_form_rejects_a_transition_to_an_unknown_state(client, manager, workflow):
    client.force_login(manager)
    data = edit_form_data(client, workflow)
    data["transitions-0-to_state"] = "nergens"

    response = client.post(edit_url(workflow), data)

    assert response.status_code == 200
    assert "„nergens”, een onbekende toestand" in response.content.decode()
    assert not workflow.transitions.filter(to_state="nergens").exists()


def test_a_new_transition_is_checked_with_the_rest_of_the_graph(client, manager, workflow):
    client.force_login(manager)
    data = edit_form_data(client, workflow)
    number = int(data["transitions-TOTAL_FORMS"])
    data["transitions-TOTAL_FORMS"] = str(number + 1)
    data.update(
        {
            f"transitions-{number}-key": "terugbellen",
            f"transitions-{number}-staff_name": "Terugbellen",
            f"transitions-{number}-from_states": "ergens",
            f"transitions-{number}-to_state": "",
            f"transitions-{number}-ORDER": str(number + 1),
            f"transitions-{number}-DELETE": "",
            f"transitions-{number}-id": "",
        }
    )

    response = client.post(edit_url(workflow), data)

    assert response.status_code == 200
    assert "„terugbellen” vertrekt uit „ergens”, een onbekende toestand" in (
        response.content.decode()
    )
    assert not workflow.transitions.filter(key="terugbellen").exists()


def test_a_workflow_with_cases_cannot_be_deleted(client, coaching_programme, workflow):
    make_case(coaching_programme)
    client.force_login(User.objects.get(email="admin@opstap.test"))

    response = client.post(reverse("workflows_admin:delete", args=[workflow.pk]), follow=True)

    assert Workflow.objects.filter(pk=workflow.pk).exists()
    assert any("kan dus niet weg" in message for message in messages_of(response))


# --- JSON export and import --------------------------------------------------------------


def test_exporting_then_importing_makes_the_same_workflow(client, manager, workflow):
    client.force_login(manager)

    exported = client.get(reverse("workflows_admin:export", args=[workflow.pk]))
    assert exported.status_code == 200
    assert exported["Content-Disposition"] == 'attachment; filename="workflow-coaching.json"'
    data = json.loads(exported.content)
    assert data["slug"] == "coaching"
    response = client.post(
        reverse("workflows_admin:import"),
        {"file": json_upload(data), "slug": "coaching-kopie"},
    )

    copy = Workflow.objects.get(slug="coaching-kopie")
    assert response.status_code == 302
    assert response["Location"] == edit_url(copy)
    assert copy.as_definition() == workflow.as_definition()
    assert copy.description == workflow.description


def test_importing_refuses_a_slug_that_exists(client, manager, workflow):
    client.force_login(manager)
    data = json.loads(client.get(reverse("workflows_admin:export", args=[workflow.pk])).content)

    response = client.post(reverse("workflows_admin:import"), {"file": json_upload(data)})

    assert response.status_code == 200
    assert "Er bestaat al een workflow met de sleutel „coaching”" in response.content.decode()
    assert Workflow.objects.filter(slug="coaching").count() == 1


def test_importing_refuses_a_broken_graph(client, manager, workflow):
    client.force_login(manager)
    data = json.loads(client.get(reverse("workflows_admin:export", args=[workflow.pk])).content)
    data["states"].append({"key": "tweede_begin", "kind": "start", "staff_name": "Opnieuw"})

    response = client.post(
        reverse("workflows_admin:import"), {"file": json_upload(data), "slug": "kapot"}
    )

    assert response.status_code == 200
    assert "precies één begintoestand" in response.content.decode()
    assert not Workflow.objects.filter(slug="kapot").exists()


def test_importing_refuses_a_file_that_is_not_json(client, manager):
    client.force_login(manager)

    response = client.post(
        reverse("workflows_admin:import"),
        {"file": SimpleUploadedFile("workflow.json", b"{niet: json"), "slug": "x"},
    )

    assert response.status_code == 200
    assert "geen geldige JSON" in response.content.decode()


def test_importing_refuses_a_file_of_the_wrong_shape_without_an_error_page(
    client, manager, workflow
):
    client.force_login(manager)
    data = json.loads(client.get(reverse("workflows_admin:export", args=[workflow.pk])).content)
    data["transitions"][0]["groups"] = 5

    response = client.post(
        reverse("workflows_admin:import"), {"file": json_upload(data), "slug": "vorm"}
    )

    assert response.status_code == 200
    assert "„groups” leeg of van de verkeerde soort" in response.content.decode()
    assert not Workflow.objects.filter(slug="vorm").exists()


# --- Who works on which programme --------------------------------------------------------


def test_a_manager_gives_a_staff_member_a_programme_and_takes_it_away(
    client, manager, coaching_programme
):
    colleague = User.objects.create_user("collega@example.org", first_name="Colette", is_staff=True)
    client.force_login(manager)

    added = client.post(
        reverse("programme_scopes:add"),
        {"user": colleague.pk, "programme": coaching_programme.pk},
    )
    scope = ProgrammeScope.objects.get(user=colleague)
    deleted = client.post(reverse("programme_scopes:delete", args=[scope.pk]))

    assert added.status_code == 302
    assert scope.programme == coaching_programme
    assert deleted.status_code == 302
    assert not ProgrammeScope.objects.filter(user=colleague).exists()


def test_a_programme_given_twice_is_refused_with_a_clear_message(
    client, manager, coaching_programme
):
    client.force_login(manager)

    response = client.post(
        reverse("programme_scopes:add"),
        {"user": manager.pk, "programme": coaching_programme.pk},
    )

    assert response.status_code == 200
    assert "werkt al voor" in response.content.decode()
    assert ProgrammeScope.objects.filter(user=manager).count() == 1

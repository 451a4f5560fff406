"""Editors submit page changes; moderators approve them; only then do they go live."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import ContentPage


@pytest.fixture
def editor(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(email="editor@opstap.test")


@pytest.fixture
def moderator(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(email="moderator@opstap.test")


def edit_form(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "body": streamfield([("paragraph", rich_text("<p>Nieuwe tekst over het loket.</p>"))]),
        "seo_title": "",
        "search_description": "",
    }
    data.update(changes)
    return nested_form_data(data)


def test_editor_submits_and_moderator_approves_then_the_change_is_live(
    client, demo, editor, moderator
):
    page = demo["een-loket"]["nl"]

    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {**edit_form(page, title="Eén loket voor iedereen"), "action-submit": "Submit"},
    )
    assert response.status_code == 302

    page.refresh_from_db()
    assert page.title == "Eén loket"  # not live until approved
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    visitor = Client()
    assert "Eén loket voor iedereen" not in visitor.get(page.url).content.decode()

    client.force_login(moderator)
    task_state = state.current_task_state
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", task_state.pk],
        ),
        {"comment": "Goed zo."},
    )
    assert response.status_code == 302

    page.refresh_from_db()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert page.title == "Eén loket voor iedereen"
    assert page.live and not page.has_unpublished_changes
    assert "Eén loket voor iedereen" in visitor.get(page.url).content.decode()


def test_editor_cannot_publish_without_approval(client, demo, editor):
    page = demo["een-loket"]["nl"]
    client.force_login(editor)

    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {**edit_form(page, title="Zonder goedkeuring"), "action-publish": "Publish"},
    )

    assert Page.objects.get(pk=page.pk).title == "Eén loket"


def test_moderator_sees_the_submission_waiting_on_the_dashboard(client, demo, editor, moderator):
    page = demo["contact"]["nl"]
    client.force_login(editor)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {**edit_form(page), "action-submit": "Submit"},
    )

    client.force_login(moderator)
    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert "Contactpunt" in response.content.decode()


def test_editor_can_add_a_content_page_under_the_home_page(client, demo, editor):
    home = demo["home"]["nl"]
    client.force_login(editor)

    response = client.post(
        reverse("wagtailadmin_pages:add", args=["cms", "contentpage", home.pk]),
        {
            **edit_form(ContentPage(title="Taalcafé", slug="taalcafe", intro="")),
            "action-submit": "Submit",
        },
    )

    assert response.status_code == 302
    created = ContentPage.objects.get(slug="taalcafe", locale=home.locale)
    assert not created.live

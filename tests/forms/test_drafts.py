"""Drafts: how two tabs' saves combine, who may open a draft, and how long one is kept."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.utils import timezone

from cms.models import User
from cms.storage import private_storage
from forms.drafts import (
    discard_draft,
    draft_for_resume_token,
    owned_by,
    purge_abandoned_drafts,
    resume_token,
)
from forms.models import ApplicationDraft
from forms.wizard_storage import merge


def state(step, **step_data):
    return {"step": step, "step_data": step_data, "step_files": {}, "extra_data": {}}


def test_a_save_keeps_the_steps_another_tab_saved_meanwhile():
    base = state("origin", about={"about-first_name": ["Amina"]})
    ours = state("education", about={"about-first_name": ["Aminah"]})
    theirs = state(
        "languages",
        about={"about-first_name": ["Amina"]},
        education={"education-field_of_study": ["Chemie"]},
    )

    merged = merge(base, ours, theirs)

    assert merged["step_data"] == {
        "about": {"about-first_name": ["Aminah"]},
        "education": {"education-field_of_study": ["Chemie"]},
    }
    assert merged["step"] == "education"


def test_a_save_that_changed_nothing_leaves_the_other_tab_current_step():
    base = state("origin")
    merged = merge(base, state("origin"), state("work"))

    assert merged["step"] == "work"


@pytest.fixture
def draft(demo):
    return ApplicationDraft.objects.create(
        programme=demo["level2work"]["nl"], email="amina@example.org", language="nl"
    )


def test_a_resume_link_opens_its_draft_until_the_secret_changes(draft):
    token = resume_token(draft)
    assert draft_for_resume_token(token) == draft

    draft.resume_secret = "a-new-secret"
    draft.save()

    assert draft_for_resume_token(token) is None


def test_a_participant_owns_the_drafts_made_with_their_address(draft):
    amina = User.objects.create_user(email="Amina@example.org")
    someone_else = User.objects.create_user(email="someone@example.org")

    assert owned_by(draft, amina)
    assert not owned_by(draft, someone_else)
    assert not owned_by(draft, AnonymousUser())


def test_purging_removes_old_drafts_with_their_files_and_keeps_recent_ones(
    draft, demo, django_capture_on_commit_callbacks
):
    name = private_storage().save("application-drafts/test/x.pdf", ContentFile(b"%PDF-1.4"))
    draft.wizard_state = {
        "step_files": {"documents": {"documents-diploma": {"tmp_name": name, "name": "d.pdf"}}}
    }
    draft.save()
    ApplicationDraft.objects.filter(pk=draft.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=31)
    )
    recent = ApplicationDraft.objects.create(programme=draft.programme, language="nl")

    with django_capture_on_commit_callbacks(execute=True):
        assert purge_abandoned_drafts() == 1

    assert list(ApplicationDraft.objects.all()) == [recent]
    assert not private_storage().exists(name)


def test_discarding_a_draft_deletes_its_files(draft, django_capture_on_commit_callbacks):
    name = private_storage().save("application-drafts/test/y.pdf", ContentFile(b"%PDF-1.4"))
    draft.wizard_state = {"step_files": {"documents": {"documents-cv": {"tmp_name": name}}}}

    with django_capture_on_commit_callbacks(execute=True):
        discard_draft(draft)

    assert not private_storage().exists(name)


def test_the_purge_command_reports_what_it_deleted(draft, capsys):
    from django.core.management import call_command

    call_command("purge_drafts", days=0)

    assert "Deleted 1 draft(s)." in capsys.readouterr().out

"""The demo site loads once and a second run changes nothing."""

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page, Revision
from wagtail_localize.models import Translation

from cms.demo.seed import DemoContentError, ensure_translation, seed


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_second_run_changes_nothing(db):
    before = row_counts()
    latest_revision = Revision.objects.order_by("-pk").values_list("pk", flat=True).first()

    seed(site_hostname="testserver", site_port=80)

    assert row_counts() == before
    assert Revision.objects.order_by("-pk").values_list("pk", flat=True).first() == latest_revision


def test_command_prints_the_site_the_admin_and_the_logins(db, capsys):
    call_command("seed_demo", "--site-url", "http://127.0.0.1:8000")

    out = capsys.readouterr().out
    assert "Site:  http://127.0.0.1:8000/" in out
    assert "Admin: http://127.0.0.1:8000/admin/" in out
    assert "Login: editor@opstap.test / opstap-demo  (Editors)" in out
    assert "Login: moderator@opstap.test / opstap-demo  (Moderators)" in out


def test_demo_content_is_translated_through_wagtail_localize(demo):
    for slug, versions in demo.items():
        source = versions["nl"]
        for language in ("en", "fr"):
            translated = versions[language]
            assert translated.alias_of_id is None, f"{slug} is not translated into {language}"
            translation = Translation.objects.get(
                source__object_id=source.translation_key, target_locale__language_code=language
            )
            total, translated = translation.get_progress()
            assert total == translated > 0


def test_untranslated_languages_mirror_the_dutch_tree_as_aliases(demo):
    assert demo["home"]["ar"].alias_of_id is None  # the home page is translated
    for slug in ("een-loket", "contact", "nieuws", "stages-werkgever"):
        assert demo[slug]["ar"].alias_of_id == demo[slug]["nl"].pk
        assert demo[slug]["uk"].alias_of_id == demo[slug]["nl"].pk


def test_groups_and_the_moderation_workflow_exist(db):
    from django.contrib.auth.models import Group
    from wagtail.models import Workflow

    root = Page.get_first_root_node()
    workflow = Workflow.objects.get(name="Moderators approval")
    assert root.get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]
    editors = Group.objects.get(name="Editors")
    assert not editors.page_permissions.filter(permission__codename="publish_page").exists()


def test_a_missing_translation_stops_the_seed_with_the_string_to_add(demo):
    with pytest.raises(DemoContentError, match="no uk translation for: 'Eén loket'"):
        ensure_translation(demo["een-loket"]["nl"], demo["home"]["uk"].locale, {"en": {}})


@override_settings(SETTINGS_MODULE="cms.settings.production")
def test_refuses_demo_logins_on_a_production_site(db):
    with pytest.raises(CommandError, match="--no-logins"):
        call_command("seed_demo")

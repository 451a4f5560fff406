"""The public "Can I take part?" check: asked in the reader's language, answered on the
same page, and nothing of the answers kept."""

import datetime
import logging

import pytest
from django.apps import apps
from django.conf import settings
from django.utils import timezone, translation
from django.utils.html import escape

from programmes.choices import CEFRLevel
from programmes.eligibility import evaluate
from programmes.eligibility_forms import EligibilityCheckForm
from tests.programmes.programme_factories import (
    CafeSeriesPageFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    dutch_home,
    in_language,
    language_requirements,
    level2work_programme,
    translate_everywhere,
)

CHECKED_LANGUAGES = ["nl", "en", "ar"]


@pytest.fixture
def programme(db):
    """@level2work's rules (5 years, outside the EU, a bachelor, Dutch A2), in every
    language, next to a café series and another programme."""
    home = dutch_home()
    index = ProgrammeIndexPageFactory(parent=home)
    programme = level2work_programme(index, title="Level2Work Leuven")
    other = ProgrammePageFactory(parent=index, title="Taal en werk")
    cafe = CafeSeriesPageFactory(parent=home, title="Jumpstart Café Leuven")
    translate_everywhere(programme, other, cafe)
    return programme


def check_url(page):
    return f"/{page.locale.language_code}/programmes/{page.pk}/eligibility/"


def answers(**changes):
    """Answers meeting every rule of the fixture's programme; `changes` adjust them."""
    registered = timezone.localdate() - datetime.timedelta(days=400)
    data = {
        "registered": "yes",
        "first_registration_0": str(registered.day),
        "first_registration_1": str(registered.month),
        "first_registration_2": str(registered.year),
        "nationality": "SY",
        "other_nationality": "",
        "country_of_origin": "",
        "eqf_level": "7",
        "language_nl": "b1",
        "website": "",
    }
    data.update(changes)
    return data


def explanations(page, data, language):
    """The explanations the check should show, in `language`, for answers `data`."""
    with translation.override(language):
        form = EligibilityCheckForm(page, data)
        assert form.is_valid(), form.errors
        verdict = evaluate(page.eligibility_rules(), form.facts(), timezone.localdate())
        return [str(outcome.explanation) for outcome in verdict.outcomes]


@pytest.mark.parametrize("language", CHECKED_LANGUAGES)
def test_form_asks_only_what_the_rules_need(client, programme, language):
    page = in_language(programme, language)

    html = client.get(check_url(page)).content.decode()

    for name in ("registered", "first_registration_0", "nationality", "eqf_level", "language_nl"):
        assert f'name="{name}"' in html
    assert 'name="diploma_recognised"' not in html  # this programme takes any diploma
    assert 'name="language_en"' not in html


def test_a_programme_with_one_language_rule_asks_one_question(client, db):
    index = ProgrammeIndexPageFactory(parent=dutch_home())
    page = ProgrammePageFactory(
        parent=index, language_requirements=language_requirements(("en", CEFRLevel.B2))
    )

    html = client.get(check_url(page)).content.decode()

    assert 'name="language_en"' in html
    for name in ("registered", "nationality", "eqf_level", "diploma_recognised"):
        assert f'name="{name}"' not in html


def test_recognition_is_asked_only_when_the_programme_requires_it(client, db):
    index = ProgrammeIndexPageFactory(parent=dutch_home())
    page = level2work_programme(index, diploma_recognition_required=True)

    html = client.get(check_url(page)).content.decode()

    assert 'name="diploma_recognised"' in html


@pytest.mark.parametrize("language", CHECKED_LANGUAGES)
def test_each_rules_explanation_is_shown_in_the_readers_language(client, programme, language):
    page = in_language(programme, language)
    # One rule met (years), one missed (education), one not known (Dutch), one met (origin).
    data = answers(eqf_level="5", language_nl="unknown")

    response = client.post(check_url(page), data)

    assert response.status_code == 200
    html = response.content.decode()
    expected = explanations(page, data, language)
    assert len(expected) == 4
    for explanation in expected:
        assert escape(explanation) in html
    assert f'lang="{language}"' in html


def test_all_rules_met_says_so(client, programme):
    html = client.post(check_url(programme), answers()).content.decode()

    assert "Je voldoet aan de voorwaarden" in html
    assert "Je voldoet niet aan alle voorwaarden" not in html
    assert html.count("outcome--met") == 4


def test_a_missed_rule_suggests_the_cafe_other_programmes_and_the_desk(client, programme, demo):
    html = client.post(check_url(programme), answers(nationality="FR")).content.decode()

    assert "Je voldoet niet aan alle voorwaarden" in html
    assert "outcome--missed" in html
    assert "Jumpstart Café Leuven" in html
    assert "Taal en werk" in html
    assert f'href="{demo["contact"]["nl"].url}"' in html


@pytest.mark.parametrize("language", ["en", "ar"])
def test_suggestions_link_the_readers_language_versions(client, programme, language):
    page = in_language(programme, language)

    html = client.post(check_url(page), answers(eqf_level="4")).content.decode()

    result = html.split('id="result"')[1].split('class="eligibility-form')[0]
    assert "Jumpstart Café Leuven" in result
    assert f'href="/{language}/' in result
    assert 'href="/nl/' not in result


def test_the_cafe_is_not_pushed_when_every_rule_is_met(client, programme):
    html = client.post(check_url(programme), answers()).content.decode()
    assert "Jumpstart Café Leuven" not in html


def test_unknown_answers_give_an_unsure_result_that_points_to_the_desk(client, programme, demo):
    html = client.post(check_url(programme), answers(language_nl="unknown")).content.decode()

    assert "We weten het nog niet zeker" in html
    assert "outcome--unknown" in html
    assert f'href="{demo["contact"]["nl"].url}"' in html


def test_not_registered_yet_meets_the_years_rule(client, programme):
    data = answers(registered="not_yet", first_registration_0="", first_registration_1="")

    html = client.post(check_url(programme), {**data, "first_registration_2": ""})

    assert "Je voldoet aan de voorwaarden" in html.content.decode()


def test_nothing_is_stored(client, programme):
    def row_counts():
        return {model._meta.label: model._base_manager.count() for model in apps.get_models()}

    before = row_counts()

    response = client.post(check_url(programme), answers(nationality="FR"))

    assert response.status_code == 200
    assert row_counts() == before
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert "no-store" in response["Cache-Control"]


def test_the_answers_are_not_logged(client, programme, caplog):
    caplog.set_level(logging.DEBUG)

    client.post(check_url(programme), answers(nationality="SY", eqf_level="5"))

    logged = "\n".join(record.getMessage() for record in caplog.records)
    for trace in ("nationality", "eqf_level", "first_registration", "Syri"):
        assert trace not in logged


def test_a_filled_honeypot_gets_no_verdict(client, programme):
    html = client.post(check_url(programme), answers(website="http://spam.example")).content
    assert b'id="result"' not in html


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"first_registration_2": ""},
            "Vul de datum helemaal in: dag, maand en jaar, bijvoorbeeld 27 3 2021.",
        ),
        (
            {
                "first_registration_0": "31",
                "first_registration_1": "2",
                "first_registration_2": "2020",
            },
            "Vul een echte datum in als dag, maand en jaar, bijvoorbeeld 27 3 2021.",
        ),
        (
            {"first_registration_0": "", "first_registration_1": "", "first_registration_2": ""},
            "Vul de datum van je eerste inschrijving in als dag, maand en jaar",
        ),
        ({"nationality": "XX"}, "Kies je nationaliteit uit de lijst."),
        ({"country_of_origin": "XX"}, "Kies je land van herkomst uit de lijst."),
        ({"nationality": ""}, "Kies je nationaliteit."),
        ({"eqf_level": ""}, "Kies het niveau van je hoogste diploma."),
    ],
)
def test_bad_input_gives_the_error_summary_and_the_fields_message(
    client, programme, changes, message
):
    response = client.post(check_url(programme), answers(**changes))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Er is een probleem" in html
    assert html.count(escape(message)) == 2  # in the summary and beside the field
    assert "<title>Fout: " in html
    assert 'id="result"' not in html


def test_a_registration_date_in_the_future_is_refused_with_a_way_to_fix_it(client, programme):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    data = answers(
        first_registration_0=str(tomorrow.day),
        first_registration_1=str(tomorrow.month),
        first_registration_2=str(tomorrow.year),
    )

    html = client.post(check_url(programme), data).content.decode()

    assert "ligt in de toekomst" in html
    assert "<title>Fout: " in html


def test_error_summary_links_lead_to_the_fields(client, programme):
    data = answers(nationality="XX", eqf_level="", first_registration_2="")

    html = client.post(check_url(programme), data).content.decode()

    for anchor in ("id_nationality", "id_eqf_level_0", "id_first_registration_0"):
        assert f'href="#{anchor}"' in html
        assert f'id="{anchor}"' in html


@pytest.mark.parametrize("language", ["en", "ar"])
def test_bad_input_in_other_languages_gives_errors_not_a_crash(client, programme, language):
    page = in_language(programme, language)
    data = answers(first_registration_0="31", first_registration_1="2", first_registration_2="2020")

    response = client.post(check_url(page), {**data, "nationality": "XX"})

    assert response.status_code == 200
    html = response.content.decode()
    with translation.override(language):
        from django.utils.translation import gettext

        prefix = gettext("Fout: ")
    assert f"<title>{escape(prefix)}" in html
    assert "error-summary" in html


def test_the_first_visit_has_no_error_title(client, programme):
    html = client.get(check_url(programme)).content.decode()
    assert "<title>Fout: " not in html
    assert "Er is een probleem" not in html


def test_a_draft_programme_is_not_found(client, db):
    index = ProgrammeIndexPageFactory(parent=dutch_home())
    draft = ProgrammePageFactory(parent=index, live=False, publish=False, max_years_in_belgium=5)

    assert client.get(check_url(draft)).status_code == 404
    assert client.post(check_url(draft), answers()).status_code == 404


def test_an_unknown_page_is_not_found(client, db):
    assert client.get("/nl/programmes/999999/eligibility/").status_code == 404


def test_a_page_that_is_not_a_programme_is_not_found(client, demo):
    assert client.get(check_url(demo["contact"]["nl"])).status_code == 404


def test_a_restricted_programme_is_not_found(client, programme):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=programme, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )

    assert client.get(check_url(programme)).status_code == 404


def test_the_check_of_another_languages_version_leads_to_the_readers_version(client, programme):
    english = in_language(programme, "en")

    response = client.get(f"/fr/programmes/{english.pk}/eligibility/")

    assert response.status_code == 302
    assert response["Location"] == check_url(in_language(programme, "fr"))


def test_a_programme_without_rules_says_everyone_can_take_part(client, db):
    index = ProgrammeIndexPageFactory(parent=dutch_home())
    page = ProgrammePageFactory(parent=index)

    html = client.get(check_url(page)).content.decode()

    assert "Dit programma heeft geen voorwaarden: iedereen kan meedoen." in html
    assert "<form" not in html.split('id="main"')[1]

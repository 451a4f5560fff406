"""The application wizard's steps: what each asks, what it says when an answer is missing
or wrong, and how the answers become eligibility facts. No step reads the database."""

import datetime
import json
import types

import pytest
from django.conf.locale import LANG_INFO
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from forms.steps import (
    FORM_VERSION,
    STEPS,
    AboutYouForm,
    DocumentsForm,
    EducationForm,
    LanguagesForm,
    OriginForm,
    PrivacyForm,
    ReferralForm,
    ReviewForm,
    StepContext,
    WorkForm,
    facts_from_answers,
    step_applies,
)
from programmes.choices import OriginRule
from programmes.eligibility import Rules, evaluate

TODAY = datetime.date(2026, 11, 2)
# Arabic in its own name, as Django's language information writes it.
ARABIC = LANG_INFO["ar"]["name_local"]
SMALL_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _in_dutch():
    with translation.override("nl"):
        yield


def programme(**changes):
    return types.SimpleNamespace(**{"offers_path_choice": False, "asks_referral": False, **changes})


def privacy_notice(**changes):
    values = {
        "version": "2026-11",
        "title": "Privacyverklaring",
        "body": "<p>Wat we met je gegevens doen.</p>",
        "agreement_label": "Ik heb de privacyverklaring gelezen.",
        "requires_consent": False,
    }
    return types.SimpleNamespace(**{**values, **changes})


def context(programme_changes=None, **changes):
    values = {
        "programme": programme(**(programme_changes or {})),
        "privacy_notice": privacy_notice(),
        "today": TODAY,
        "language": "nl",
    }
    return StepContext(**{**values, **changes})


def date_parts(name, day):
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def about_data(**changes):
    return {
        "first_name": "Amal",
        "last_name": "Haddad",
        "email": "amal@voorbeeld.be",
        "phone": "",
        **date_parts("date_of_birth", datetime.date(1990, 7, 14)),
        "gender": "woman",
        "preferred_language": "ar",
        **changes,
    }


def origin_data(**changes):
    return {
        "nationality": "SY",
        "other_nationality": "",
        "country_of_origin": "SY",
        "registered": "yes",
        **date_parts("first_registration", datetime.date(2023, 3, 27)),
        "right_to_work": "yes",
        "jobseeker": "yes",
        **changes,
    }


def education_data(**changes):
    return {
        "eqf_level": "7",
        "field_of_study": "Burgerlijk ingenieur",
        "diploma_country": "SY",
        "diploma_year": "2015",
        "recognition": "level",
        **changes,
    }


def languages_data(**changes):
    levels = {"nl": "a2", "fr": "pre_a1", "en": "b2"}
    data = {
        f"{language}_{skill}": level
        for language, level in levels.items()
        for skill in ("listening", "reading", "speaking", "writing")
    }
    data.update({"other_language": "", **{f"other_{skill}": "" for skill in SKILL_NAMES}})
    data.update(changes)
    return data


SKILL_NAMES = ("listening", "reading", "speaking", "writing")


def work_data(**changes):
    return {
        "years_experience": "6",
        "sector": "bouw",
        "last_job": "werfleider",
        "jobs_wanted": "Ingenieur of werfleider",
        "availability": "now",
        "working_time": "full_time",
        **changes,
    }


def referral_data(**changes):
    return {
        "referring_organisation": "VDAB Leuven",
        "coach_name": "Sara Peeters",
        "coach_email": "sara.peeters@voorbeeld.be",
        "coach_phone": "",
        **changes,
    }


def valid_forms(step_context=None):
    """Every step filled in well, validated: {step name: form}."""
    step_context = step_context or context()
    data = {
        "about": about_data(),
        "origin": origin_data(),
        "education": education_data(),
        "languages": languages_data(),
        "work": work_data(),
        "referral": referral_data(),
        "documents": {},
        "privacy": {"agree": "on"},
        "review": {},
    }
    forms = {}
    for name, form_class in STEPS:
        files = (
            {"diploma": SimpleUploadedFile("diploma.pdf", SMALL_PDF)}
            if name == "documents"
            else None
        )
        form = form_class(data[name], files, context=step_context)
        assert form.is_valid(), (name, form.errors)
        forms[name] = form
    return forms


def errors(form, field="__all__"):
    form.is_valid()
    return [str(message) for message in form.errors.get(field, [])]


# --- The steps -----------------------------------------------------------------------


def test_the_wizard_asks_its_steps_in_order():
    assert [name for name, _form in STEPS] == [
        "about",
        "origin",
        "education",
        "languages",
        "work",
        "referral",
        "documents",
        "privacy",
        "review",
    ]
    assert FORM_VERSION == "2026-11"


@pytest.mark.parametrize("name, form_class", STEPS)
def test_every_step_has_a_dutch_heading(name, form_class):
    assert str(form_class.title)


def test_the_referral_step_is_asked_only_when_the_programme_asks_for_it():
    assert step_applies("referral", programme(asks_referral=True))
    assert not step_applies("referral", programme(asks_referral=False))


@pytest.mark.parametrize("name", [name for name, _form in STEPS if name != "referral"])
def test_every_other_step_is_always_asked(name):
    assert step_applies(name, programme(asks_referral=False))
    assert step_applies(name, programme(asks_referral=True))


def test_every_step_filled_in_well_is_valid():
    assert set(valid_forms()) == {name for name, _form in STEPS}


# --- About you -----------------------------------------------------------------------


def test_about_you_says_what_to_fill_in_for_each_empty_answer():
    form = AboutYouForm({}, context=context())

    assert errors(form, "first_name") == ["Vul je voornaam in."]
    assert errors(form, "last_name") == [
        "Vul je achternaam in. Heb je geen achternaam? Vul dan je voornaam nog eens in."
    ]
    assert errors(form, "email") == ["Vul je e-mailadres in, bijvoorbeeld naam@voorbeeld.be."]
    assert errors(form, "date_of_birth") == [
        "Vul je geboortedatum in als dag, maand en jaar, bijvoorbeeld 14 7 1990."
    ]
    assert errors(form, "gender") == [
        "Kies je geslacht. Zeg je het liever niet? Kies dan „Zeg ik liever niet”."
    ]
    assert errors(form, "preferred_language") == ["Kies de taal waarin we je schrijven."]
    assert "phone" not in form.errors


def test_an_email_address_without_at_sign_is_explained():
    form = AboutYouForm(about_data(email="amal.voorbeeld.be"), context=context())

    assert errors(form, "email") == [
        "Vul een e-mailadres in met een @ en een domein, bijvoorbeeld naam@voorbeeld.be."
    ]


@pytest.mark.parametrize("phone", ["+32 470 12 34 56", "0470/12.34.56", "(016) 12-34-56"])
def test_phone_numbers_written_in_common_ways_are_accepted(phone):
    form = AboutYouForm(about_data(phone=phone), context=context())

    assert form.is_valid(), form.errors


def test_a_phone_number_with_letters_is_explained_with_an_example():
    form = AboutYouForm(about_data(phone="call me 0470"), context=context())

    assert errors(form, "phone") == [
        "Een telefoonnummer heeft alleen cijfers, spaties en eventueel + ( ) of -. Vul het zo "
        "in: +32 470 12 34 56."
    ]


def test_a_phone_number_with_too_few_digits_says_how_many_it_needs():
    form = AboutYouForm(about_data(phone="12 34"), context=context())

    assert errors(form, "phone") == [
        "Dit telefoonnummer heeft 4 cijfers, maar een telefoonnummer heeft er 6 tot 20. Kijk "
        "het nummer na, bijvoorbeeld +32 470 12 34 56."
    ]


def test_a_birth_date_in_the_future_is_refused():
    tomorrow = TODAY + datetime.timedelta(days=1)
    form = AboutYouForm(about_data(**date_parts("date_of_birth", tomorrow)), context=context())

    assert errors(form, "date_of_birth") == [
        "Deze geboortedatum ligt in de toekomst. Vul de dag in waarop je geboren bent, "
        "bijvoorbeeld 14 7 1990."
    ]


def test_an_applicant_younger_than_15_is_asked_to_check_the_year():
    born = datetime.date(TODAY.year - 15, TODAY.month, TODAY.day + 1)
    form = AboutYouForm(about_data(**date_parts("date_of_birth", born)), context=context())

    assert errors(form, "date_of_birth") == [
        "Volgens deze datum ben je jonger dan 15 jaar. Je moet minstens 15 zijn om je aan te "
        "melden. Kijk na of je het jaar goed invulde, bijvoorbeeld 14 7 1990."
    ]


def test_an_applicant_turning_15_today_may_apply():
    born = datetime.date(TODAY.year - 15, TODAY.month, TODAY.day)
    form = AboutYouForm(about_data(**date_parts("date_of_birth", born)), context=context())

    assert form.is_valid(), form.errors


def test_an_applicant_of_100_is_asked_to_check_the_year():
    born = datetime.date(TODAY.year - 100, TODAY.month, TODAY.day)
    form = AboutYouForm(about_data(**date_parts("date_of_birth", born)), context=context())

    assert errors(form, "date_of_birth") == [
        "Volgens deze datum ben je 100 jaar of ouder. Kijk na of je het jaar goed invulde, "
        "bijvoorbeeld 14 7 1990."
    ]


def test_a_half_filled_birth_date_asks_for_day_month_and_year():
    data = about_data(date_of_birth_0="14", date_of_birth_1="", date_of_birth_2="1990")
    form = AboutYouForm(data, context=context())

    assert errors(form, "date_of_birth") == [
        "Vul de datum helemaal in: dag, maand en jaar, bijvoorbeeld 14 7 1990."
    ]


def test_an_impossible_birth_date_asks_for_a_real_date():
    data = about_data(date_of_birth_0="31", date_of_birth_1="2", date_of_birth_2="1990")
    form = AboutYouForm(data, context=context())

    assert errors(form, "date_of_birth") == [
        "Vul een echte datum in als dag, maand en jaar, bijvoorbeeld 14 7 1990."
    ]


def test_languages_to_be_written_in_are_named_in_their_own_language():
    form = AboutYouForm(context=context(language="ar"))

    choices = dict(form.fields["preferred_language"].choices)
    assert choices["ar"] == ARABIC
    assert choices["nl"] == "Nederlands"
    assert form["preferred_language"].initial == "ar"
    assert str(form.fields["preferred_language"].help_text) == "We schrijven je in deze taal."


# --- Origin and residence ------------------------------------------------------------


def test_origin_says_what_to_choose_for_each_empty_answer():
    form = OriginForm({}, context=context())

    assert errors(form, "nationality") == [
        "Kies je nationaliteit. Heb je geen nationaliteit? Kies dan „Ik heb geen nationaliteit "
        "(staatloos)”."
    ]
    assert errors(form, "country_of_origin") == [
        "Kies het land waar je vandaan komt. Zeg je het liever niet? Kies dan „Zeg ik liever niet”."
    ]
    assert errors(form, "registered") == ["Kies of je ingeschreven bent in een Belgische gemeente."]
    assert errors(form, "right_to_work") == [
        "Kies of je in België mag werken. Weet je het niet? Kies dan „Ik weet het niet”."
    ]
    assert errors(form, "jobseeker") == [
        "Kies of je ingeschreven bent als werkzoekende. Weet je het niet? Kies dan „Ik weet "
        "het niet”."
    ]
    assert "other_nationality" not in form.errors


def test_stateless_is_a_nationality_one_can_choose():
    form = OriginForm(origin_data(nationality="stateless"), context=context())

    assert form.is_valid(), form.errors


def test_registered_applicants_give_the_date_of_their_first_registration():
    data = origin_data(first_registration_0="", first_registration_1="", first_registration_2="")
    form = OriginForm(data, context=context())

    assert errors(form, "first_registration") == [
        "Vul de datum in waarop je je voor het eerst in België inschreef, bijvoorbeeld 27 3 "
        "2021. Weet je de dag niet precies? Vul dan de eerste dag van die maand in."
    ]


def test_a_first_registration_in_the_future_is_refused():
    tomorrow = TODAY + datetime.timedelta(days=1)
    form = OriginForm(origin_data(**date_parts("first_registration", tomorrow)), context=context())

    assert errors(form, "first_registration") == [
        "De datum van je eerste inschrijving ligt in de toekomst. Vul een datum van vandaag of "
        "vroeger in, bijvoorbeeld 27 3 2021."
    ]


def test_not_yet_registered_needs_no_date_and_forgets_a_typed_one():
    form = OriginForm(origin_data(registered="not_yet"), context=context())

    assert form.is_valid(), form.errors
    assert form.answers()["first_registration"] is None


# --- Education -----------------------------------------------------------------------


def test_education_asks_the_level_of_the_highest_diploma():
    form = EducationForm({}, context=context())

    assert errors(form, "eqf_level") == [
        "Kies het niveau van je hoogste diploma. Heb je geen diploma? Kies dan „Ik heb geen "
        "diploma”. Weet je het niveau niet? Kies dan „Ik weet het niet”."
    ]


def test_a_diploma_needs_its_field_country_year_and_recognition():
    form = EducationForm({"eqf_level": "6"}, context=context())

    assert errors(form, "field_of_study") == [
        "Vul in wat je studeerde, bijvoorbeeld boekhouding of verpleegkunde. Heb je geen "
        "diploma? Kies dan „Ik heb geen diploma”."
    ]
    assert errors(form, "diploma_country") == [
        "Kies het land waar je je diploma haalde. Heb je geen diploma? Kies dan „Ik heb geen "
        "diploma”."
    ]
    assert errors(form, "diploma_year") == [
        "Vul het jaar in waarin je je diploma haalde, bijvoorbeeld 2015."
    ]
    assert errors(form, "recognition") == [
        "Kies of je diploma erkend is in België. Heb je nog geen erkenning gevraagd? Kies dan "
        "„Niet aangevraagd”."
    ]


def test_no_diploma_needs_no_diploma_details_and_forgets_typed_ones():
    form = EducationForm(education_data(eqf_level="none"), context=context())

    assert form.is_valid(), form.errors
    assert form.answers() == {
        "eqf_level": "none",
        "field_of_study": "",
        "diploma_country": "",
        "diploma_year": None,
        "recognition": "",
    }


def test_a_belgian_diploma_needs_no_recognition():
    form = EducationForm(education_data(diploma_country="BE", recognition=""), context=context())

    assert form.is_valid(), form.errors


@pytest.mark.parametrize("year", ["1949", str(TODAY.year + 1)])
def test_the_diploma_year_lies_between_1950_and_this_year(year):
    form = EducationForm(education_data(diploma_year=year), context=context())

    assert errors(form, "diploma_year") == [
        f"Vul een jaar in tussen 1950 en {TODAY.year}, bijvoorbeeld 2015."
    ]


# --- Languages -----------------------------------------------------------------------


def test_each_skill_in_dutch_french_and_english_is_required_with_a_way_out():
    form = LanguagesForm({}, context=context())

    form.is_valid()
    assert len(form.errors) == 12
    assert errors(form, "nl_listening") == [
        "Kies je niveau voor luisteren in het Nederlands. Ken je geen Nederlands? Kies dan "
        "„minder dan A1”."
    ]
    assert errors(form, "fr_writing") == [
        "Kies je niveau voor schrijven in het Frans. Ken je geen Frans? Kies dan „minder dan A1”."
    ]


def test_another_language_is_optional():
    assert LanguagesForm(languages_data(), context=context()).is_valid()


def test_another_language_needs_its_four_levels():
    form = LanguagesForm(
        languages_data(other_language="Arabisch", other_speaking="c2"), context=context()
    )

    assert "other_speaking" not in form.errors
    assert errors(form, "other_listening") == [
        "Kies je niveau voor luisteren in het Arabisch. Ken je het bijna niet? Kies dan "
        "„minder dan A1”."
    ]
    assert set(form.errors) == {"other_listening", "other_reading", "other_writing"}


def test_levels_for_an_unnamed_language_ask_for_its_name():
    form = LanguagesForm(languages_data(other_speaking="c2"), context=context())

    assert errors(form, "other_language") == [
        "Vul in welke taal je nog kent, bijvoorbeeld Arabisch. Of kies bij de niveaus van de "
        "andere taal weer „Kies een niveau”."
    ]


def test_the_other_language_cannot_repeat_one_asked_above():
    other = {f"other_{skill}": "b1" for skill in SKILL_NAMES}
    form = LanguagesForm(languages_data(other_language="English", **other), context=context())

    assert errors(form, "other_language") == [
        "Je gaf je niveau in het Engels hierboven al. Vul een andere taal in, of laat dit vak leeg."
    ]


def test_language_groups_give_one_fieldset_per_language():
    form = LanguagesForm(context=context())

    groups = form.language_groups()

    assert [str(label) for label, _fields in groups] == [
        "Nederlands",
        "Frans",
        "Engels",
        "Andere taal",
    ]
    assert [field.name for field in groups[0][1]] == [
        "nl_listening",
        "nl_reading",
        "nl_speaking",
        "nl_writing",
    ]
    assert [field.name for field in groups[3][1]][:2] == ["other_language", "other_listening"]


# --- Work ----------------------------------------------------------------------------


def test_work_says_what_to_fill_in_for_each_empty_answer():
    form = WorkForm({}, context=context())

    assert errors(form, "years_experience") == [
        "Vul in hoeveel jaar je werkte, als getal, bijvoorbeeld 3. Werkte je nog niet? Vul dan "
        "0 in."
    ]
    assert errors(form, "jobs_wanted") == [
        "Schrijf welk werk je wilt doen, bijvoorbeeld „boekhouder of administratief bediende”."
    ]
    assert errors(form, "availability") == ["Kies wanneer je kunt beginnen."]
    assert errors(form, "working_time") == [
        "Kies of je voltijds of deeltijds wilt werken. Is allebei goed? Kies dan „Allebei goed”."
    ]
    assert "sector" not in form.errors
    assert "last_job" not in form.errors


def test_more_than_60_years_of_experience_is_refused():
    form = WorkForm(work_data(years_experience="61"), context=context())

    assert errors(form, "years_experience") == [
        "Vul een getal tot 60 in. Tel alleen de jaren dat je werkte."
    ]


def test_the_path_is_not_asked_when_the_programme_offers_no_choice():
    form = WorkForm(work_data(), context=context({"offers_path_choice": False}))

    assert "preferred_path" not in form.fields
    assert form.is_valid()


def test_the_path_is_asked_when_the_programme_offers_a_choice():
    form = WorkForm(work_data(), context=context({"offers_path_choice": True}))

    assert errors(form, "preferred_path") == [
        "Kies welk traject je voorkeur heeft. Twijfel je? Kies dan „Ik weet het nog niet”."
    ]
    chosen = WorkForm(
        work_data(preferred_path="career"), context=context({"offers_path_choice": True})
    )
    assert chosen.is_valid()
    assert chosen.answers()["preferred_path"] == "career"


# --- Referral ------------------------------------------------------------------------


def test_referral_asks_the_organisation_and_the_coach():
    form = ReferralForm({}, context=context())

    assert errors(form, "referring_organisation") == [
        "Vul de naam in van de organisatie die je doorverwijst, bijvoorbeeld VDAB of het OCMW."
    ]
    assert errors(form, "coach_name") == ["Vul de naam van je jobcoach of begeleider in."]


def test_referral_needs_the_coachs_email_or_phone():
    form = ReferralForm(referral_data(coach_email="", coach_phone=""), context=context())

    assert errors(form, "coach_email") == [
        "Vul het e-mailadres of het telefoonnummer van je jobcoach in, zodat we contact kunnen "
        "opnemen. Eén van de twee is genoeg."
    ]


def test_the_coachs_phone_alone_is_enough():
    form = ReferralForm(
        referral_data(coach_email="", coach_phone="016 12 34 56"), context=context()
    )

    assert form.is_valid(), form.errors


# --- Documents -----------------------------------------------------------------------


def test_documents_are_optional():
    form = DocumentsForm({}, context=context())

    assert form.is_valid(), form.errors
    assert form.answers() == {"diploma": None, "cv": None}


def test_a_new_upload_is_answered_with_its_name_and_size():
    files = {"cv": SimpleUploadedFile("mijn cv.pdf", SMALL_PDF, content_type="text/plain")}
    form = DocumentsForm({}, files, context=context())

    assert form.is_valid(), form.errors
    assert form.answers() == {
        "diploma": None,
        "cv": {"name": "mijn cv.pdf", "size": len(SMALL_PDF)},
    }
    assert form.cleaned_data["cv"].content_type == "application/pdf"


def test_an_upload_that_is_no_document_is_refused():
    files = {"diploma": SimpleUploadedFile("diploma.pdf", b"MZ\x90\x00" + b"\x00" * 60)}
    form = DocumentsForm({}, files, context=context())

    assert errors(form, "diploma") == [
        "Dit bestand is geen PDF, JPEG of PNG. Bewaar het als PDF of maak er een foto van, en "
        "kies het opnieuw."
    ]


def test_a_file_kept_from_earlier_counts_until_it_is_removed():
    stored = {"diploma": {"name": "diploma.pdf", "size": 2048}}

    kept = DocumentsForm({}, context=context(), stored_files=stored)
    removed = DocumentsForm({"remove_diploma": "on"}, context=context(), stored_files=stored)

    assert kept.is_valid() and removed.is_valid()
    assert kept.answers()["diploma"] == {"name": "diploma.pdf", "size": 2048}
    assert removed.answers()["diploma"] is None


def test_files_kept_by_the_wizard_under_the_steps_prefix_are_understood():
    stored = {"documents-cv": {"name": "cv.png", "size": 4096}}

    form = DocumentsForm({}, context=context(), stored_files=stored, prefix="documents")

    assert form.is_valid(), form.errors
    assert form.answers()["cv"] == {"name": "cv.png", "size": 4096}
    assert form.stored_file_info("cv")["name"] == "cv.png"
    assert form.fields["remove_cv"].widget.input_type == "checkbox"


def test_the_remove_box_is_shown_only_for_a_file_kept_from_earlier():
    stored = {"diploma": {"name": "diploma.pdf", "size": 2048}}
    form = DocumentsForm(context=context(), stored_files=stored)

    html = str(form)

    assert 'type="checkbox" name="remove_diploma"' in html
    assert 'type="hidden" name="remove_cv"' in html
    assert str(form.fields["remove_diploma"].label) == "Verwijder dit bestand"


def test_the_template_can_show_a_kept_files_name_and_size():
    form = DocumentsForm(context=context(), stored_files={"cv": {"name": "cv.pdf", "size": 1536}})

    assert form.stored_file_info("cv") == {
        "name": "cv.pdf",
        "size": 1536,
        "size_display": "1,5\xa0KB",
    }
    assert form.stored_file_info("diploma") is None


# --- Privacy -------------------------------------------------------------------------


def test_the_privacy_box_reads_the_notices_own_words():
    notice = privacy_notice(agreement_label="Ik las hoe Opstap mijn gegevens gebruikt.")
    form = PrivacyForm(context=context(privacy_notice=notice))

    assert form.fields["agree"].label == "Ik las hoe Opstap mijn gegevens gebruikt."


def test_an_unticked_consent_says_why_it_is_needed():
    form = PrivacyForm({}, context=context(privacy_notice=privacy_notice(requires_consent=True)))

    assert errors(form, "agree") == [
        "Vink het vakje aan als je toestemming geeft. Zonder toestemming kunnen we je "
        "aanmelding niet behandelen."
    ]


def test_an_unticked_confirmation_asks_to_confirm_reading_the_notice():
    form = PrivacyForm({}, context=context(privacy_notice=privacy_notice(requires_consent=False)))

    assert errors(form, "agree") == [
        "Vink het vakje aan om te bevestigen dat je de privacyverklaring las."
    ]


def test_without_a_published_notice_the_privacy_step_never_validates():
    form = PrivacyForm({"agree": "on"}, context=context(privacy_notice=None))

    assert not form.is_valid()
    assert errors(form) == [
        "Je kunt je aanmelding nog niet versturen, omdat onze privacyverklaring nog niet "
        "gepubliceerd is. Bewaar je aanmelding en probeer het later opnieuw, of neem contact "
        "met ons op."
    ]


def test_the_privacy_answer_records_the_version_agreed_to():
    form = PrivacyForm(
        {"agree": "on"}, context=context(privacy_notice=privacy_notice(version="v7"))
    )

    assert form.is_valid()
    assert form.answers() == {"agree": True, "version": "v7"}


def test_the_review_step_has_nothing_to_fill_in_but_the_field_bots_fill():
    form = ReviewForm({}, context=context())

    assert [name for name, field in form.fields.items() if not field.is_honeypot] == []
    assert form.is_valid()
    assert form.answers() == {}


# --- Answers and summary -------------------------------------------------------------


def test_every_steps_answers_can_be_stored_as_json():
    answers = {name: form.answers() for name, form in valid_forms().items()}

    stored = json.loads(json.dumps(answers))

    assert stored["about"]["date_of_birth"] == "1990-07-14"
    assert stored["origin"]["first_registration"] == "2023-03-27"
    assert stored["documents"]["diploma"] == {"name": "diploma.pdf", "size": len(SMALL_PDF)}
    assert stored["education"]["diploma_year"] == 2015


def test_the_summary_shows_answers_as_the_applicant_chose_them():
    rows = dict(valid_forms()["about"].summary())

    assert rows["Geboortedatum"] == "14 juli 1990"
    assert rows["Geslacht"] == "Vrouw"
    assert rows["In welke taal schrijven we je?"] == ARABIC
    assert rows["Telefoonnummer"] == "Niet ingevuld"


def test_the_summary_leaves_out_questions_that_did_not_apply():
    form = OriginForm(origin_data(registered="not_yet"), context=context())
    assert form.is_valid()

    questions = [question for question, _answer in form.summary()]

    assert "Wanneer schreef je je voor het eerst in België in?" not in questions
    assert dict(form.summary())["Wat is je nationaliteit?"] == "Syrië"


def test_the_language_summary_gives_one_row_per_language():
    rows = valid_forms()["languages"].summary()

    assert rows[0] == ("Nederlands", "luisteren: A2, lezen: A2, spreken: A2, schrijven: A2")
    assert rows[1][1].startswith("luisteren: minder dan A1")
    assert rows[3] == ("Andere taal", "Niet ingevuld")


def test_the_documents_summary_names_each_file():
    rows = dict(valid_forms()["documents"].summary())

    assert rows["Je diploma"] == f"diploma.pdf ({len(SMALL_PDF)}\xa0bytes)"
    assert rows["Je cv"] == "Niet ingevuld"


# --- From answers to facts -----------------------------------------------------------


def test_facts_take_the_lowest_of_the_four_skills_per_language():
    languages = languages_data(
        nl_listening="b2", nl_reading="b1", nl_speaking="a2", nl_writing="b1"
    )

    facts = facts_from_answers({"languages": languages}, TODAY)

    assert facts.language_levels == {"nl": "a2", "fr": "pre_a1", "en": "b2"}


def test_facts_count_another_language_a_programme_can_ask_for():
    levels = {"other_listening": "b2", "other_reading": "b1", "other_speaking": "b2"}
    german = languages_data(other_language="Duits", other_writing="a2", **levels)
    arabic = languages_data(other_language="Arabisch", other_writing="c2", **levels)

    assert facts_from_answers({"languages": german}, TODAY).language_levels["de"] == "a2"
    assert set(facts_from_answers({"languages": arabic}, TODAY).language_levels) == {
        "nl",
        "fr",
        "en",
    }


@pytest.mark.parametrize(
    "recognition, recognised",
    [
        ("level", True),
        ("specific", True),
        ("none", False),
        ("requested", False),
        ("refused", False),
        ("", None),
    ],
)
def test_facts_read_recognition_as_recognised_or_not(recognition, recognised):
    facts = facts_from_answers({"education": education_data(recognition=recognition)}, TODAY)

    assert facts.diploma_recognised is recognised
    assert facts.eqf_level == 7


def test_facts_count_a_belgian_diploma_as_recognised():
    education = education_data(diploma_country="BE", recognition="")

    assert facts_from_answers({"education": education}, TODAY).diploma_recognised is True


@pytest.mark.parametrize("answer, level", [("none", 0), ("unknown", None), ("4", 4)])
def test_facts_read_the_diploma_level(answer, level):
    assert facts_from_answers({"education": {"eqf_level": answer}}, TODAY).eqf_level == level


def test_facts_count_not_yet_registered_as_registered_today():
    origin = {"registered": "not_yet", "first_registration": None}

    assert facts_from_answers({"origin": origin}, TODAY).first_registration_in_belgium == TODAY


def test_facts_read_the_first_registration_date():
    origin = {"registered": "yes", "first_registration": "2023-03-27"}

    facts = facts_from_answers({"origin": origin}, TODAY)

    assert facts.first_registration_in_belgium == datetime.date(2023, 3, 27)


def test_facts_leave_out_stateless_and_keep_the_country_of_origin():
    origin = {"nationality": "stateless", "other_nationality": "", "country_of_origin": "PS"}

    facts = facts_from_answers({"origin": origin}, TODAY)

    assert facts.nationalities == ()
    assert facts.country_of_origin == "PS"


def test_stored_answers_of_a_complete_wizard_meet_a_programmes_rules():
    answers = {name: form.answers() for name, form in valid_forms().items()}
    answers = json.loads(json.dumps(answers))
    rules = Rules(
        max_years_in_belgium=5,
        origin_rule=OriginRule.OUTSIDE_EU,
        min_eqf_level=6,
        diploma_recognition_required=True,
        min_language_levels=(("nl", "a2"),),
    )

    verdict = evaluate(rules, facts_from_answers(answers, TODAY), TODAY)

    assert verdict.eligible is True


# --- Rendering -----------------------------------------------------------------------


@pytest.mark.parametrize("name, form_class", STEPS)
def test_every_step_renders_in_arabic(name, form_class):
    with translation.override("ar"):
        form = form_class(context=context(language="ar"), prefix=name)
        html = str(form)

    for field in form.fields:
        assert f'name="{name}-{field}' in html


def test_a_failed_step_lists_its_problems_at_the_top_linked_to_each_field():
    form = AboutYouForm(about_data(email=""), context=context())
    form.is_valid()

    html = str(form)

    assert html.index("error-summary") < html.index('name="first_name"')
    assert '<a class="utrecht-link" href="#id_email">' in html
    assert str(form.error_title_prefix) == "Fout: "

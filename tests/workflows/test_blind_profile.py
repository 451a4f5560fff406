"""The blind profile of a matchmaking candidate: what an employer sees hides name, photo,
nationality, age and gender; staff see it in the admin and download it as a PDF."""

import contextlib
import dataclasses
import io
import re
import zlib

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from forms.steps import FORM_VERSION
from tests.workflows.case_factories import make_case, make_reviewer
from workflows import admin_views
from workflows.blind_profile import (
    Fact,
    LanguageSkills,
    blind_profile,
    profile_document,
    profile_pdf,
    refusing_url_fetcher,
)
from workflows.default_workflows import SCREENERS

EMAIL = "zenobia.quarshie@verborgen.example"
PHONE = "+32 470 99 88 77"

# Every answer a candidate gives, with distinctive values for what must stay hidden.
ANSWERS = {
    "about": {
        "first_name": "Zenobia",
        "last_name": "Quarshie",
        "email": EMAIL,
        "phone": PHONE,
        "date_of_birth": "1983-02-17",
        "gender": "non_binary",
        "preferred_language": "en",
    },
    "origin": {
        "nationality": "ER",
        "other_nationality": "SY",
        "country_of_origin": "AF",
        "registered": "yes",
        "first_registration": "2021-03-27",
        "right_to_work": "yes",
        "jobseeker": "yes",
    },
    "education": {
        "eqf_level": "7",
        "field_of_study": "Boekhouding en fiscaliteit",
        "diploma_country": "UA",
        "diploma_year": 2009,
        "recognition": "level",
    },
    "languages": {
        "nl_listening": "b1",
        "nl_reading": "b1",
        "nl_speaking": "a2",
        "nl_writing": "a2",
        "fr_listening": "a1",
        "fr_reading": "a1",
        "fr_speaking": "pre_a1",
        "fr_writing": "pre_a1",
        "en_listening": "b2",
        "en_reading": "b2",
        "en_speaking": "b2",
        "en_writing": "b1",
        "other_language": "Tigrinya",
        "other_listening": "c2",
        "other_reading": "c2",
        "other_speaking": "c2",
        "other_writing": "c2",
    },
    "work": {
        "years_experience": 6,
        "sector": "Financiële dienstverlening",
        "last_job": "Boekhouder",
        "jobs_wanted": "Boekhouder of\nadministratief medewerker",
        "availability": "within_month",
        "working_time": "full_time",
        "preferred_path": "career",
    },
    "referral": {
        "referring_organisation": "OCMW Verborgenstad",
        "coach_name": "Brunhilde Kerckhove",
        "coach_email": "brunhilde@verborgenstad.example",
        "coach_phone": "+32 16 55 44 33",
    },
    "documents": {
        "diploma": {"name": "diploma-zenobia.pdf", "size": 1234},
        "cv": {"name": "cv-quarshie.pdf", "size": 2345},
    },
    "privacy": {"agree": True, "version": "test-1"},
}

# Strings that would reveal who the candidate is, where they come from, or their age.
HIDDEN = [
    "Zenobia",
    "Quarshie",
    EMAIL,
    "470 99 88 77",
    "1983",
    "Non-binair",
    "non_binary",
    "Eritrea",
    "Syrië",
    "Afghanistan",
    "Oekraïne",
    "2021",
    "2009",
    "Tigrinya",
    "Verborgenstad",
    "Brunhilde",
    "Kerckhove",
    "55 44 33",
]

# What an employer does get to see, in Dutch.
SHOWN = [
    "7 – master",
    "Boekhouding en fiscaliteit",
    "Erkend op niveau (niveau-gelijkwaardigheid)",
    "Nederlands",
    "Frans",
    "Engels",
    "B2",
    "minder dan A1",
    "6 jaar",
    "Financiële dienstverlening",
    "Boekhouder of administratief medewerker",
    "Binnen een maand",
    "Voltijds",
    "Loopbaantraject: meteen werk op het eigen niveau",
]


@pytest.fixture
def case(matchmaking):
    return make_case(
        matchmaking,
        first_name="Zenobia",
        last_name="Quarshie",
        email=EMAIL,
        phone=PHONE,
        form_version=FORM_VERSION,
        answers=ANSWERS,
    )


@pytest.fixture
def reviewer(matchmaking):
    return make_reviewer(SCREENERS, matchmaking)


def profile_url(case):
    return reverse("cases:blind_profile", args=[case.pk])


def pdf_url(case):
    return reverse("cases:blind_profile_pdf", args=[case.pk])


def dutch_profile(application):
    with translation.override("nl"):
        return blind_profile(application)


def all_strings(value):
    """Every string inside a (nested) dataclass, tuple or list."""
    if dataclasses.is_dataclass(value):
        value = dataclasses.astuple(value)
    if isinstance(value, list | tuple):
        return [text for item in value for text in all_strings(item)]
    return [str(value)]


def hidden_in(text, case):
    """The hidden values (and the case's reference) that appear in `text`."""
    folded = " ".join(text.split()).casefold()
    return [value for value in [*HIDDEN, case.application.reference] if value.casefold() in folded]


def laid_out_text(document):
    """The text of a WeasyPrint document's pages, as laid out for the PDF."""
    from weasyprint.formatting_structure.boxes import TextBox

    return " ".join(
        box.text
        for page in document.pages
        for box in page._page_box.descendants()  # not public API; fine in a test
        if isinstance(box, TextBox)
    )


def pdf_streams(content):
    """The PDF's bytes with every Flate stream it holds decompressed as well."""
    parts = [content]
    position = 0
    while (start := content.find(b"stream", position)) != -1:
        start = content.index(b"\n", start) + 1
        end = content.find(b"endstream", start)
        with contextlib.suppress(zlib.error):  # not every stream is compressed
            parts.append(zlib.decompress(content[start:end].rstrip(b"\r\n")))
        position = end
    return b"\n".join(parts)


# --- The profile -------------------------------------------------------------------------


def test_the_profile_holds_none_of_the_identifying_answers(case):
    profile = dutch_profile(case.application)

    assert hidden_in(" | ".join(all_strings(profile)), case) == []


def test_the_profile_holds_the_job_relevant_answers(case):
    profile = dutch_profile(case.application)

    assert profile.education == (
        Fact("Hoogste diploma", "7 – master"),
        Fact("Studierichting", "Boekhouding en fiscaliteit"),
        Fact("Erkenning in België", "Erkend op niveau (niveau-gelijkwaardigheid)"),
    )
    assert profile.skills == ("luisteren", "lezen", "spreken", "schrijven")
    assert profile.languages == (
        LanguageSkills("Nederlands", ("B1", "B1", "A2", "A2")),
        LanguageSkills("Frans", ("A1", "A1", "minder dan A1", "minder dan A1")),
        LanguageSkills("Engels", ("B2", "B2", "B2", "B1")),
    )
    assert profile.work == (
        Fact("Werkervaring", "6 jaar"),
        Fact("Sector", "Financiële dienstverlening"),
        Fact("Laatste job", "Boekhouder"),
        Fact("Gewenst werk", "Boekhouder of administratief medewerker"),
        Fact("Kan beginnen", "Binnen een maand"),
        Fact("Werktijd", "Voltijds"),
        Fact("Voorkeurstraject", "Loopbaantraject: meteen werk op het eigen niveau"),
    )


def test_another_language_is_left_out_with_its_levels(case):
    profile = dutch_profile(case.application)

    assert [row.language for row in profile.languages] == ["Nederlands", "Frans", "Engels"]
    assert "C2" not in all_strings(profile)


def test_without_a_diploma_no_diploma_details_are_shown(matchmaking):
    answers = {
        **ANSWERS,
        "education": {**ANSWERS["education"], "eqf_level": "none"},
    }
    case = make_case(matchmaking, form_version=FORM_VERSION, answers=answers)

    profile = dutch_profile(case.application)

    assert profile.education == (Fact("Hoogste diploma", "Geen diploma"),)


def test_values_outside_the_known_choices_are_left_out(matchmaking):
    answers = {
        "work": {"availability": "Zenobia", "working_time": "", "years_experience": "veel"},
        "languages": {"nl_listening": "native, like in Eritrea"},
    }
    case = make_case(matchmaking, form_version=FORM_VERSION, answers=answers)

    profile = dutch_profile(case.application)

    assert profile.work == ()
    assert profile.languages == ()


def test_the_pseudonym_is_stable_for_a_case_and_differs_between_cases(case, matchmaking):
    other = make_case(matchmaking, form_version=FORM_VERSION, answers=ANSWERS)

    first, again = dutch_profile(case.application), dutch_profile(case.application)
    theirs = dutch_profile(other.application)

    assert first.label == again.label == f"Kandidaat {first.code}"
    assert first.code != theirs.code
    assert case.application.reference not in first.label
    assert str(case.application.pk) not in first.code


def test_the_pseudonym_is_keyed_with_the_secret_key(case, settings):
    before = dutch_profile(case.application).code

    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789"

    assert dutch_profile(case.application).code != before


# --- The browser view --------------------------------------------------------------------


def test_the_case_page_links_to_the_blind_profile(client, reviewer, case):
    client.force_login(reviewer)

    html = client.get(reverse("cases:inspect", args=[case.pk])).content.decode()

    assert profile_url(case) in html
    assert "Blind profiel" in html


def test_a_reviewer_sees_the_blind_profile_without_identifying_answers(client, reviewer, case):
    client.force_login(reviewer)

    response = client.get(profile_url(case))

    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert dutch_profile(case.application).label in html
    for text in SHOWN:
        assert text in html
    assert hidden_in(html, case) == []
    assert pdf_url(case) in html


def test_the_profile_is_in_the_admin_users_language(client, reviewer, case):
    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(reviewer)

    html = client.get(profile_url(case)).content.decode()

    assert 'lang="en"' in html
    assert "Full-time" in html
    assert "Voltijds" not in html
    assert hidden_in(html, case) == []


def test_a_reviewer_of_another_programme_gets_not_found(client, demo, case):
    outsider = make_reviewer(SCREENERS, demo["level2work"]["nl"])
    client.force_login(outsider)

    for url in (profile_url(case), pdf_url(case)):
        response = client.get(url, follow=True)
        assert response.status_code == 404
        assert dutch_profile(case.application).code not in response.content.decode()


# --- The PDF -----------------------------------------------------------------------------


def test_the_pdf_is_a_download_with_the_pseudonym_in_its_name(client, reviewer, case):
    client.force_login(reviewer)

    response = client.get(pdf_url(case))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    code = dutch_profile(case.application).code
    assert response["Content-Disposition"] == f'attachment; filename="blind-profiel-{code}.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF")


def test_the_laid_out_pdf_holds_the_profile_and_none_of_the_hidden_values(
    client, reviewer, case, monkeypatch
):
    rendered = []

    def recording_profile_pdf(html, base_url=None):
        rendered.append(html)
        return profile_pdf(html, base_url)

    monkeypatch.setattr(admin_views, "profile_pdf", recording_profile_pdf)
    client.force_login(reviewer)

    response = client.get(pdf_url(case))

    (html,) = rendered
    text = laid_out_text(profile_document(html))
    assert dutch_profile(case.application).label in text
    for shown in SHOWN:
        assert shown in " ".join(text.split())
    assert hidden_in(text, case) == []
    assert "Terug naar het dossier" not in text  # the staff's toolbar stays on screen
    # Metadata, links and anything else stored as plain bytes.
    assert hidden_in(pdf_streams(response.content).decode("latin-1"), case) == []


def test_the_pdf_text_holds_none_of_the_hidden_values(client, reviewer, case):
    pypdf = pytest.importorskip(
        "pypdf",
        reason="pypdf is not installed in this environment, so the PDF's own text is not "
        "extracted; the laid-out WeasyPrint document is checked instead",
    )
    client.force_login(reviewer)

    content = client.get(pdf_url(case)).content

    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)
    assert dutch_profile(case.application).label in text
    assert hidden_in(text, case) == []


def test_the_pdf_renderer_fetches_nothing():
    fetcher = refusing_url_fetcher()
    fetch = getattr(fetcher, "fetch", fetcher)

    for url in ("file:///etc/hostname", "http://example.org/logo.png", "data:,hello"):
        with pytest.raises(ValueError):
            fetch(url)

    html = '<p>Kandidaat</p><img src="file:///etc/hostname"><img src="http://example.org/x.png">'
    assert profile_pdf(html).startswith(b"%PDF")


def test_the_filename_is_safe_in_a_header(case):
    profile = dutch_profile(case.application)

    assert re.fullmatch(r"blind-profiel-[2-9A-Z]{4}-[2-9A-Z]{4}\.pdf", profile.filename)

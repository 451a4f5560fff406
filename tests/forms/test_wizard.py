"""The application wizard as an applicant uses it: step by step, leaving and coming back,
going back, uploading, and submitting exactly once."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from cms.storage import private_storage
from forms.drafts import purge_abandoned_drafts
from forms.models import Application, ApplicationDocument, ApplicationDraft
from forms.signals import application_submitted
from tests.forms.wizard_helpers import Wizard, days_ago, pdf_upload, png_upload, valid_answers

LEVEL2WORK_STEPS = ["about", "origin", "education", "languages", "work", "documents", "privacy"]
JOBROAD_STEPS = [*LEVEL2WORK_STEPS[:5], "referral", "documents", "privacy"]


def main_of(response):
    return response.content.decode().split('id="main"', 1)[1]


def heading(response):
    return re.search(r"<h1[^>]*>(.*?)</h1>", main_of(response), re.S).group(1).strip()


def errors(response):
    return [
        " ".join(message.split())
        for message in re.findall(
            r'class="utrecht-form-field-error-message"[^>]*>.*?</span>(.*?)</p>',
            response.content.decode(),
            re.S,
        )
    ]


@pytest.fixture
def level2work(demo):
    return demo["level2work"]["nl"]


@pytest.fixture
def jobroad(demo):
    return demo["jobroad-matchmaking"]["nl"]


@pytest.fixture
def wizard(client, level2work):
    walk = Wizard(client, level2work)
    walk.start()
    return walk


# --- Starting --------------------------------------------------------------------------


def test_the_apply_button_leads_to_a_start_page_that_says_what_is_needed(client, level2work):
    response = client.get(f"/nl/aanmelden/{level2work.pk}/")

    html = main_of(response)
    assert "Aanmelden voor @level2work" in html
    assert "Het formulier heeft 8 stappen." in html
    assert "Start je aanmelding" in html
    assert not ApplicationDraft.objects.exists()  # looking does not create anything


def test_starting_opens_the_first_step_with_a_progress_indicator(wizard):
    response = wizard.get()

    assert heading(response) == "Over jou"
    assert "Stap 1 van 8" in main_of(response)
    assert 'value="Vorige"' not in main_of(response)


def test_a_programme_closed_for_applications_offers_no_start(client, level2work):
    level2work.applications_close_on = days_ago(1)
    level2work.save_revision().publish()

    response = client.post(f"/nl/aanmelden/{level2work.pk}/")

    assert "Start je aanmelding" not in main_of(response)
    assert not ApplicationDraft.objects.exists()


def test_the_wizard_without_a_draft_sends_to_the_start_page(client, level2work):
    response = client.get(f"/nl/aanmelden/{level2work.pk}/formulier/")

    assert response.status_code == 302
    assert response["Location"] == f"/nl/aanmelden/{level2work.pk}/"


# --- Steps and their validation ----------------------------------------------------------


def test_next_moves_on_and_shows_where_you_are(wizard):
    response = wizard.post("about", valid_answers()["about"])

    assert heading(response) == "Herkomst en verblijf"
    assert "Stap 2 van 8" in main_of(response)


def test_an_empty_step_says_what_to_fix_and_stays(wizard):
    response = wizard.post("about", {})

    html = response.content.decode()
    assert heading(response) == "Over jou"
    assert "<title>Fout: " in html
    assert "Er is een probleem" in html
    assert any("voornaam" in message.lower() for message in errors(response))
    assert wizard.draft.wizard_state["step"] == "about"


def test_a_wrong_date_of_birth_says_how_to_write_it(wizard):
    answers = {**valid_answers()["about"], "date_of_birth_0": "31", "date_of_birth_1": "2"}

    response = wizard.post("about", answers)

    assert any("bijvoorbeeld" in message for message in errors(response))


def test_the_matchmaking_programme_asks_for_the_referrer(client, jobroad):
    walk = Wizard(client, jobroad)
    walk.start()

    response = walk.walk(JOBROAD_STEPS[:5], {**valid_answers()})

    assert heading(response) == "Doorverwijzing"
    assert "Stap 6 van 9" in main_of(response)


def test_a_programme_without_referrals_never_shows_that_step(wizard):
    response = wizard.walk(LEVEL2WORK_STEPS[:5])

    assert heading(response) == "Documenten"


def test_a_step_that_does_not_apply_cannot_be_posted(wizard):
    response = wizard.post("referral", valid_answers()["referral"])

    assert response.status_code == 302
    assert "referral" not in wizard.draft.wizard_state.get("step_data", {})


def test_a_post_without_the_wizard_fields_does_not_fail(wizard, client):
    response = client.post(wizard.url, {"about-first_name": "Amina"})

    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200


def test_the_path_question_appears_where_the_programme_offers_both(client, jobroad, wizard):
    html = main_of(wizard.walk(LEVEL2WORK_STEPS[:4]))
    assert "Welk traject heeft je voorkeur?" in html

    other = Wizard(client, jobroad)
    other.start()
    html = main_of(other.walk(JOBROAD_STEPS[:4]))
    assert "Welk traject heeft je voorkeur?" not in html


# --- Back, reload, a second tab ------------------------------------------------------------


def test_back_keeps_what_was_typed_without_checking_it(wizard):
    wizard.walk(LEVEL2WORK_STEPS[:2])

    response = wizard.post(
        "education",
        {"eqf_level": "7", "field_of_study": "Scheikunde"},
        wizard_goto_step="origin",
    )

    assert heading(response) == "Herkomst en verblijf"
    assert errors(response) == []
    response = wizard.post("origin", valid_answers()["origin"])
    assert heading(response) == "Opleiding"
    assert 'value="Scheikunde"' in main_of(response)
    assert errors(response) == []  # arriving on a half-filled step shows no errors yet


def test_a_reload_shows_the_same_step_with_the_answers(wizard):
    wizard.walk(LEVEL2WORK_STEPS[:2])
    wizard.post("education", {"field_of_study": "Scheikunde"}, wizard_goto_step="origin")
    wizard.post("origin", valid_answers()["origin"])

    response = wizard.get()

    assert heading(response) == "Opleiding"
    assert 'value="Scheikunde"' in main_of(response)


def test_a_second_tab_on_an_earlier_step_loses_nothing(wizard):
    wizard.walk(LEVEL2WORK_STEPS[:3])
    # The other tab still shows "about" and is sent with a corrected name.
    corrected = {**valid_answers()["about"], "first_name": "Aminah"}

    response = wizard.post("about", corrected)

    state = wizard.draft.wizard_state
    assert state["step_data"]["about"]["about-first_name"] == ["Aminah"]
    assert state["step_data"]["education"]["education-field_of_study"] == ["Burgerlijk ingenieur"]
    assert heading(response) == "Herkomst en verblijf"


def test_two_programmes_keep_separate_drafts(client, level2work, jobroad, wizard):
    wizard.post("about", valid_answers()["about"])
    other = Wizard(client, jobroad)
    other.start()

    response = other.get()

    assert heading(response) == "Over jou"
    assert "Amina" not in main_of(response)
    assert other.draft.wizard_prefix != wizard.draft.wizard_prefix


def test_another_browser_cannot_open_a_draft(wizard):
    wizard.post("about", valid_answers()["about"])

    response = Client().get(wizard.url)

    assert response.status_code == 302
    assert response["Location"] == wizard.start_url


# --- Save and come back later ------------------------------------------------------------


def resume_link(message):
    return re.search(r"http://testserver(/\S+/aanmelden/verder/\S+/)", message.body).group(1)


def test_save_for_later_emails_a_link_that_opens_the_draft_elsewhere(wizard):
    wizard.walk(LEVEL2WORK_STEPS[:2])
    response = wizard.post(
        "education", {"field_of_study": "Scheikunde"}, wizard_save_later="1", follow=True
    )
    assert "We stuurden een link naar amina@example.org" in main_of(response)
    (message,) = mail.outbox
    assert message.to == ["amina@example.org"]

    elsewhere = Client()
    response = elsewhere.get(resume_link(message), follow=True)

    assert heading(response) == "Opleiding"
    assert 'value="Scheikunde"' in main_of(response)


def test_save_for_later_before_an_email_is_known_says_where_to_give_it(wizard):
    response = wizard.post("about", {"first_name": "Amina"}, wizard_save_later="1")

    assert "Vul eerst je e-mailadres in" in main_of(response)
    assert mail.outbox == []


def test_a_draft_sends_at_most_three_resume_links_an_hour(wizard):
    wizard.post("about", valid_answers()["about"])
    for _attempt in range(3):
        wizard.post("origin", {}, wizard_save_later="1")

    response = wizard.post("origin", {}, wizard_save_later="1", follow=True)

    assert len(mail.outbox) == 3
    assert "We stuurden je kort geleden al een link" in response.content.decode()


def test_a_resume_link_that_was_tampered_with_explains_itself(client, db):
    response = client.get("/nl/aanmelden/verder/not-a-real-token/")

    assert response.status_code == 404
    assert "Deze link werkt niet meer" in main_of(response)


def test_a_resume_link_of_a_purged_draft_no_longer_works(wizard):
    wizard.walk(LEVEL2WORK_STEPS[:1])
    wizard.post("origin", {}, wizard_save_later="1")
    link = resume_link(mail.outbox[0])
    ApplicationDraft.objects.update(updated_at=timezone.now() - timezone.timedelta(days=31))

    assert purge_abandoned_drafts() == 1
    assert Client().get(link).status_code == 404


# --- Check your answers ------------------------------------------------------------------


def test_check_your_answers_shows_every_answer_with_a_change_link(wizard):
    response = wizard.walk(LEVEL2WORK_STEPS)

    html = main_of(response)
    assert heading(response) == "Controleer je antwoorden"
    assert "Burgerlijk ingenieur" in html
    assert 'href="?stap=education"' in html
    assert "Volgens je antwoorden voldoe je aan de voorwaarden." in html


def test_a_change_from_the_review_returns_to_the_review(wizard):
    wizard.walk(LEVEL2WORK_STEPS)

    response = wizard.get(stap="education")
    assert heading(response) == "Opleiding"
    changed = {**valid_answers()["education"], "field_of_study": "Architectuur"}
    response = wizard.post("education", changed)

    assert heading(response) == "Controleer je antwoorden"
    assert "Architectuur" in main_of(response)


def test_a_later_step_cannot_be_skipped_to(wizard):
    wizard.post("about", valid_answers()["about"])

    response = wizard.get(stap="privacy")

    assert heading(response) == "Herkomst en verblijf"


# --- Uploads -----------------------------------------------------------------------------


def test_an_uploaded_diploma_is_kept_privately_until_submit(wizard):
    wizard.walk(LEVEL2WORK_STEPS[:5])

    response = wizard.post("documents", {}, files={"diploma": pdf_upload(), "cv": png_upload()})
    assert heading(response) == "Privacy"
    stored = wizard.draft.wizard_state["step_files"]["documents"]["documents-diploma"]
    assert stored["name"] == "diploma.pdf"
    assert "diploma" not in stored["tmp_name"]  # a random name, not the person's
    assert private_storage().exists(stored["tmp_name"])

    wizard.post("privacy", valid_answers()["privacy"])
    wizard.post("review", {})

    diploma = ApplicationDocument.objects.get(kind="diploma")
    assert diploma.original_name == "diploma.pdf"
    assert diploma.content_type == "application/pdf"
    assert diploma.file.storage.exists(diploma.file.name)
    assert not private_storage().exists(stored["tmp_name"])
    with pytest.raises(ValueError):
        diploma.file.url  # noqa: B018 - private files have no address


def test_going_back_to_documents_keeps_the_file_unless_it_is_removed(wizard):
    wizard.walk(LEVEL2WORK_STEPS[:5])
    wizard.post("documents", {}, files={"diploma": pdf_upload()})

    response = wizard.post("privacy", {}, wizard_goto_step="documents")
    assert "Al toegevoegd: diploma.pdf" in main_of(response)
    wizard.post("documents", {})
    assert "documents-diploma" in wizard.draft.wizard_state["step_files"]["documents"]

    wizard.post("privacy", {}, wizard_goto_step="documents")
    wizard.post("documents", {"remove_diploma": "on"})
    assert "documents-diploma" not in wizard.draft.wizard_state["step_files"]["documents"]


def test_a_renamed_program_is_refused_as_a_diploma(wizard):
    from django.core.files.uploadedfile import SimpleUploadedFile

    wizard.walk(LEVEL2WORK_STEPS[:5])
    program = SimpleUploadedFile("diploma.pdf", b"MZ\x90\x00" + b"\x00" * 200, "application/pdf")

    response = wizard.post("documents", {}, files={"diploma": program})

    assert heading(response) == "Documenten"
    assert any("geen PDF, JPEG of PNG" in message for message in errors(response))
    assert (
        "documents" not in wizard.draft.wizard_state.get("step_files", {})
        or not (wizard.draft.wizard_state["step_files"]["documents"])
    )


def test_an_oversized_file_is_refused_with_its_size(wizard, settings):
    settings.OPSTAP_UPLOAD_MAX_MB = 1
    wizard.walk(LEVEL2WORK_STEPS[:5])

    response = wizard.post("documents", {}, files={"cv": pdf_upload("cv.pdf", 1_300_000)})

    assert any("hoogstens 1 MB" in message for message in errors(response))


# --- Submitting --------------------------------------------------------------------------


def submit(wizard, answers=None):
    wizard.walk(LEVEL2WORK_STEPS, answers)
    return wizard.post("review", {})


def test_submit_saves_the_application_with_a_readable_reference(wizard):
    response = submit(wizard)

    application = Application.objects.get()
    assert re.fullmatch(rf"L2W-{timezone.localdate().year}-\d{{5}}", application.reference)
    assert response["Location"] == f"/nl/aanmelden/{wizard.programme.pk}/verzonden/"
    assert application.full_name == "Amina Haddad"
    assert application.form_version == "2026-11"
    assert application.answers["education"]["field_of_study"] == "Burgerlijk ingenieur"
    assert application.eligible is True
    assert application.privacy_notice_version == "2026-11"
    assert application.applicant.email == "amina@example.org"
    assert wizard.draft.submitted_at is not None


def test_nationality_and_origin_may_be_declined_and_the_refusal_is_recorded(wizard):
    answers = valid_answers()
    answers["origin"].update(nationality="not_given", country_of_origin="not_given")
    answers["about"]["gender"] = "not_given"

    submit(wizard, answers)

    application = Application.objects.get()
    assert application.declined_questions == [
        "about.gender",
        "origin.nationality",
        "origin.country_of_origin",
    ]
    # Nothing is guessed: whether they come from outside the EU stays open for staff.
    assert application.eligible is None
    origin = next(o for o in application.eligibility["outcomes"] if o["rule"] == "origin")
    assert origin["status"] == "unknown"
    assert (application.nationality, application.third_country_national) == ("", None)
    assert application.gender == "not_given"


def test_the_application_records_the_notice_version_and_its_legal_basis(wizard):
    submit(wizard)

    application = Application.objects.get()
    assert application.privacy_notice_version == application.privacy_notice.version
    assert application.legal_basis == "public_task"
    assert application.declined_questions == []


def test_a_bot_that_fills_the_hidden_field_is_answered_but_nothing_is_sent(wizard, client):
    wizard.walk(LEVEL2WORK_STEPS)
    review = client.get(wizard.url).content.decode()
    assert 'class="honeypot" aria-hidden="true"' in review

    response = wizard.post("review", {"website": "http://spam.example"})

    assert response["Location"] == f"/nl/aanmelden/{wizard.programme.pk}/verzonden/"
    assert not Application.objects.exists()
    wizard.draft.refresh_from_db()
    assert wizard.draft.submitted_at is None  # the answers stay in the draft


def test_the_confirmation_page_shows_the_reference_and_what_happens_next(wizard, client):
    response = client.get(submit(wizard)["Location"])

    html = main_of(response)
    assert Application.objects.get().reference in html
    assert "Wat gebeurt er nu?" in html


def test_submit_sends_a_confirmation_in_the_chosen_language(
    wizard, django_capture_on_commit_callbacks
):
    answers = valid_answers()
    answers["about"]["preferred_language"] = "fr"

    with django_capture_on_commit_callbacks(execute=True):
        submit(wizard, answers)

    (message,) = mail.outbox
    assert message.to == ["amina@example.org"]
    assert message.extra_headers["Content-Language"] == "fr"
    assert Application.objects.get().reference in message.subject


def test_submit_announces_the_application_once(wizard):
    received = []

    def receiver(sender, application, **kwargs):
        received.append(application.reference)

    application_submitted.connect(receiver)
    try:
        submit(wizard)
    finally:
        application_submitted.disconnect(receiver)

    assert received == [Application.objects.get().reference]


def test_a_double_click_makes_one_application(wizard, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = submit(wizard)
        second = wizard.client.post(
            wizard.url, {f"{wizard.draft.wizard_prefix}-current_step": "review"}
        )

    assert Application.objects.count() == 1
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert len(mail.outbox) == 1


def test_references_count_up_per_programme_and_year(client, level2work):
    references = []
    for email in ("a@example.org", "b@example.org"):
        walk = Wizard(Client(), level2work)
        walk.start()
        answers = valid_answers()
        answers["about"]["email"] = email
        submit(walk, answers)
        references.append(Application.objects.get(email=email).reference)

    first, second = (int(reference.rsplit("-", 1)[1]) for reference in references)
    assert second == first + 1


def test_an_ineligible_applicant_may_submit_and_sees_why(wizard, client):
    answers = valid_answers()
    answers["origin"]["nationality"] = "FR"
    answers["origin"]["country_of_origin"] = "FR"

    response = client.get(submit(wizard, answers)["Location"])

    application = Application.objects.get()
    assert application.eligible is False
    missed = [o for o in application.eligibility["outcomes"] if o["status"] == "missed"]
    assert [outcome["rule"] for outcome in missed] == ["origin"]
    html = main_of(response)
    assert "Niet alle voorwaarden zijn vervuld" in html
    assert missed[0]["explanation"] in html
    assert "Misschien past dit wel" in html


def test_submit_rechecks_every_step_and_shows_the_one_to_fix(wizard):
    wizard.walk(LEVEL2WORK_STEPS)
    draft = wizard.draft
    draft.wizard_state["step_data"]["education"]["education-diploma_year"] = ["1200"]
    draft.save()

    response = wizard.post("review", {})

    assert heading(response) == "Opleiding"
    assert errors(response)
    assert not Application.objects.exists()


def test_a_window_that_closed_while_typing_keeps_the_draft(wizard, level2work):
    wizard.walk(LEVEL2WORK_STEPS)
    level2work.applications_close_on = days_ago(1)
    level2work.save_revision().publish()

    response = wizard.post("review", {})

    assert "Aanmelden voor dit programma is intussen gesloten" in main_of(response)
    assert not Application.objects.exists()
    draft = wizard.draft
    assert draft.submitted_at is None
    assert draft.wizard_state["step_data"]["education"]


def test_applying_again_after_submitting_says_you_already_did(wizard, client):
    submit(wizard)

    response = client.get(wizard.start_url)

    assert Application.objects.get().reference in main_of(response)


# --- Languages ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "en", "fr", "ar", "uk"])
def test_the_whole_wizard_works_in_each_language(
    client, demo, language, django_capture_on_commit_callbacks
):
    programme = demo["level2work"][language]
    walk = Wizard(client, programme, language=language)
    walk.start()
    answers = valid_answers()
    answers["about"]["preferred_language"] = language

    for step in LEVEL2WORK_STEPS:
        response = walk.post(step, answers[step])
        assert response.status_code == 200
        assert errors(response) == []
        html = response.content.decode()
        assert f'<html lang="{language}"' in html
        assert ('dir="rtl"' in html.split(">", 2)[1]) == (language == "ar")
    with django_capture_on_commit_callbacks(execute=True):
        response = walk.post("review", {})

    application = Application.objects.get()
    assert response["Location"] == f"/{language}/aanmelden/{programme.pk}/verzonden/"
    assert application.language == language
    assert mail.outbox[0].extra_headers["Content-Language"] == language


def test_many_submits_from_one_place_wait_and_keep_the_answers(wizard, monkeypatch):
    from forms import views

    monkeypatch.setattr(views, "SUBMITS_PER_IP_ADDRESS", (0, 3600))

    response = submit(wizard)

    assert response.status_code == 200
    assert "verstuur je aanmelding over een uur opnieuw" in main_of(response)
    assert not Application.objects.exists()
    assert wizard.draft.submitted_at is None
    assert wizard.draft.wizard_state["step_data"]  # every answer is still there


def test_a_nul_character_in_an_answer_is_dropped_not_a_server_error(wizard):
    response = wizard.post("about", {"first_name": "Ami\x00na", "last_name": "\x00"})

    assert response.status_code == 200  # the step again: the last name is missing
    assert "\x00" not in str(wizard.draft.wizard_state)


# --- Cost ------------------------------------------------------------------------------


def test_a_step_is_saved_and_the_next_one_shown_in_a_few_queries(wizard):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    answers = valid_answers()["about"]
    wizard.post("about", answers)  # the site's menus and settings are cached from here on
    changed = wizard.payload("about", {**answers, "phone": "+32 470 65 43 21"})
    unchanged = wizard.payload("about", {**answers, "phone": "+32 470 65 43 21"})

    with CaptureQueriesContext(connection) as saving:
        response = wizard.client.post(wizard.url, changed)
    with CaptureQueriesContext(connection) as repeating:
        wizard.client.post(wizard.url, unchanged)

    assert heading(response) == "Herkomst en verblijf"
    assert wizard.draft.wizard_state["step_data"]["about"]["about-phone"] == ["+32 470 65 43 21"]
    # The session, the page (and whether it is public), the first of its translations, the
    # draft; saving adds the draft's row lock and the update, in a savepoint.
    assert len(saving) <= 9, [query["sql"] for query in saving.captured_queries]
    assert len(repeating) <= 5, [query["sql"] for query in repeating.captured_queries]

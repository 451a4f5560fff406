"""The reviewers' admin: the "Dossiers" listing, the case page and its transition forms,
staff document downloads, and the dashboard's "Wacht op jou" panel."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from tests.workflows.case_factories import (
    days_ago,
    make_case,
    make_reviewer,
    put_in,
)
from tests.workflows.portal_factories import make_document
from workflows import engine
from workflows.default_workflows import COACHES, PROGRAMME_MANAGERS, SCREENERS
from workflows.models import Case

User = get_user_model()
INDEX = "cases:index"


def case_page(case):
    return reverse("cases:inspect", args=[case.pk])


def transition_url(case):
    return reverse("cases:transition", args=[case.pk])


def not_found(response):
    """A 404, after the language middleware's detour: it sends an unknown admin path to the
    same path under /nl/, which is not found either."""
    return response.status_code == 404 and not response.context.get("case")


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def screener(coaching):
    return make_reviewer(SCREENERS, coaching, email="screener-test@example.org")


@pytest.fixture
def case(coaching):
    return make_case(coaching, first_name="Amina", last_name="Haddad")


# --- The listing -------------------------------------------------------------------------


def test_the_listing_shows_only_cases_of_the_reviewers_programmes(
    client, screener, coaching, matchmaking
):
    mine = make_case(coaching, first_name="Amina", last_name="Haddad")
    other = make_case(matchmaking, first_name="Olena", last_name="Kovalenko")
    client.force_login(screener)

    response = client.get(reverse(INDEX))

    assert response.status_code == 200
    html = response.content.decode()
    assert mine.application.reference in html
    assert "Amina Haddad" in html
    assert other.application.reference not in html
    assert "Olena Kovalenko" not in html


def test_the_listing_shows_the_state_by_its_staff_name_and_the_days_in_it(
    client, screener, coaching
):
    case = put_in(make_case(coaching), "screening", state_entered_at=days_ago(4))
    client.force_login(screener)

    response = client.get(reverse(INDEX))

    table = response.context["table"]
    columns = {column.name: column for column in table.columns.values()}
    (row,) = [row for row in table.rows if row.instance.pk == case.pk]
    assert columns["state"].get_value(row.instance) == "Screening"
    assert columns["days"].get_value(row.instance) == 4
    assert "Screening" in response.content.decode()


def test_searching_finds_a_case_by_full_name_reference_or_email(client, screener, coaching):
    amina = make_case(coaching, first_name="Amina", last_name="Haddad")
    olena = make_case(coaching, first_name="Olena", last_name="Kovalenko")
    client.force_login(screener)

    by_name = client.get(reverse(INDEX), {"q": "amina haddad"}).content.decode()
    by_reference = client.get(reverse(INDEX), {"q": olena.application.reference}).content.decode()
    by_email = client.get(reverse(INDEX), {"q": amina.application.email}).content.decode()

    assert amina.application.reference in by_name
    assert olena.application.reference not in by_name
    assert olena.application.reference in by_reference
    assert amina.application.reference not in by_reference
    assert amina.application.reference in by_email


def test_the_listing_filters_by_state_and_by_eligibility(client, screener, coaching):
    waiting = make_case(coaching)
    screened = put_in(make_case(coaching), "screening")
    unsure = make_case(coaching, eligible=None)
    client.force_login(screener)

    by_state = client.get(reverse(INDEX), {"state": "screening"}).content.decode()
    by_eligibility = client.get(reverse(INDEX), {"eligible": "unknown"}).content.decode()

    assert screened.application.reference in by_state
    assert waiting.application.reference not in by_state
    assert unsure.application.reference in by_eligibility
    assert waiting.application.reference not in by_eligibility


def test_the_programme_filter_offers_only_the_reviewers_programmes(
    client, screener, coaching, matchmaking
):
    client.force_login(screener)

    response = client.get(reverse(INDEX))

    choices = response.context["filters"].form.fields["programme"].queryset
    assert list(choices) == [coaching]


def test_the_listing_exports_what_a_funder_report_needs(client, screener, coaching):
    case = make_case(coaching, first_name="Amina", last_name="Haddad")
    client.force_login(screener)

    response = client.get(reverse(INDEX), {"export": "csv"})

    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0] == [
        "Referentie",
        "Naam",
        "Programma",
        "Toestand",
        "Begeleider",
        "Ingediend op",
        "Komt in aanmerking",
    ]
    (row,) = [row for row in rows[1:] if row[0] == case.application.reference]
    assert row[1:4] == ["Amina Haddad", coaching.title, "Aangemeld"]
    assert row[6] == "ja"


def test_the_csv_export_does_not_let_a_name_become_a_formula(client, screener, coaching):
    case = make_case(coaching, first_name="=HYPERLINK(1)", last_name="")
    client.force_login(screener)

    response = client.get(reverse(INDEX), {"export": "csv"})

    content = b"".join(response.streaming_content).decode("utf-8-sig")
    (row,) = [
        row for row in csv.reader(io.StringIO(content)) if row[0] == case.application.reference
    ]
    assert row[1].startswith("'=HYPERLINK(1)")


def test_the_listing_exports_a_spreadsheet(client, screener, coaching):
    case = make_case(coaching)
    client.force_login(screener)

    response = client.get(reverse(INDEX), {"export": "xlsx"})

    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.values)
    (row,) = [row for row in rows[1:] if row[0] == case.application.reference]
    assert row[5] == timezone.localdate(case.application.submitted_at)


@pytest.mark.parametrize("query", ["", "?waiting=true"], ids=["listing", "worklist"])
def test_the_number_of_queries_does_not_grow_with_the_number_of_cases(
    client, screener, coaching, query
):
    for _number in range(5):
        make_case(coaching)
    client.force_login(screener)
    url = reverse(INDEX) + query
    client.get(url)  # warm the caches (content types, site, permissions)

    with CaptureQueriesContext(connection) as with_five:
        assert client.get(url).status_code == 200
    for _number in range(45):
        put_in(make_case(coaching), "screening", assignee=screener)
    with CaptureQueriesContext(connection) as with_fifty:
        response = client.get(url)

    assert response.context["paginator"].count == 50
    assert len(response.context["object_list"]) == 25  # a page
    assert len(with_fifty.captured_queries) == len(with_five.captured_queries)


def test_cases_cannot_be_added_edited_deleted_or_looked_up_outside_the_case_page(client, case):
    admin = User.objects.get(email="admin@opstap.test")
    client.force_login(admin)

    for view in ("add", "edit", "delete", "history", "usage"):
        with pytest.raises(NoReverseMatch):
            reverse(f"cases:{view}", args=[] if view == "add" else [case.pk])
    for path in ("new/", f"edit/{case.pk}/", f"delete/{case.pk}/", f"history/{case.pk}/"):
        assert not_found(client.post(f"/admin/dossiers/{path}", follow=True))
    assert Case.objects.filter(pk=case.pk, state="submitted").exists()


# --- The case page -----------------------------------------------------------------------


def test_the_case_page_shows_who_where_and_what_happened(client, screener, case):
    make_document(case.application, name="diploma-amina.pdf")
    client.force_login(screener)

    response = client.get(case_page(case))

    assert response.status_code == 200
    html = response.content.decode()
    application = case.application
    for text in (application.full_name, application.reference, application.email):
        assert text in html
    assert 'aria-current="step"' in html
    assert "diploma-amina.pdf" in html
    assert reverse("cases:document", args=[case.pk, application.documents.get().pk]) in html
    assert "Dossier geopend" in html  # the opening event in the history


def test_the_step_indicator_marks_the_current_state_of_the_main_path(client, screener, coaching):
    case = put_in(make_case(coaching), "intake")
    client.force_login(screener)

    response = client.get(case_page(case))

    steps = response.context["steps"]
    names = [step["name"] for step in steps]
    assert names[:3] == ["Aangemeld", "Screening", "Intake en trajectbepaling"]
    assert "Niet geschikt" not in names  # a closed state is not on the way
    assert "Gepauzeerd" not in names  # nor is a pause
    (current,) = [step for step in steps if step["current"]]
    assert current["key"] == "intake"
    assert [step["done"] for step in steps[:3]] == [True, True, False]


def test_a_paused_case_shows_where_it_will_come_back_to(client, screener, coaching):
    case = put_in(make_case(coaching), "screening")
    engine.perform(
        case,
        "put_on_hold",
        screener,
        data={"put_on_hold-comment": "Wacht op de vertaling van het diploma."},
        expected_state="screening",
    )
    client.force_login(screener)

    response = client.get(case_page(case))

    (current,) = [step for step in response.context["steps"] if step["current"]]
    assert current["key"] == "screening"
    assert response.context["detour_name"] == "Gepauzeerd"
    assert "Wacht op de vertaling van het diploma." in response.content.decode()


def test_the_case_page_shows_the_legal_basis_and_the_questions_declined(client, screener, coaching):
    case = make_case(
        coaching,
        legal_basis="public_task",
        declined_questions=["origin.nationality", "origin.country_of_origin"],
    )
    client.force_login(screener)

    html = client.get(case_page(case)).content.decode()

    assert "rechtsgrond: taak van algemeen belang (art. 6.1.e AVG)" in html
    assert "Wilde niet antwoorden op: nationaliteit, land van herkomst" in html


def test_the_case_page_shows_the_eligibility_check_in_dutch(client, screener, coaching):
    case = make_case(
        coaching,
        eligible=False,
        eligibility={
            "checked_on": "2026-11-20",
            "eligible": False,
            "outcomes": [
                {
                    "rule": "language",
                    "status": "missed",
                    "explanation": "Your Dutch is below A2.",
                    "explanation_nl": "Je Nederlands is lager dan A2.",
                }
            ],
        },
    )
    client.force_login(screener)

    html = client.get(case_page(case)).content.decode()

    assert "Je Nederlands is lager dan A2." in html
    assert "niet voldaan" in html


def test_the_history_shows_what_a_transition_recorded_in_its_forms_words(
    client, screener, coaching
):
    case = put_in(make_case(coaching), "screening")
    engine.perform(
        case,
        "screen_eligible",
        screener,
        data={"screen_eligible-reasons": "Diploma en taal in orde."},
        expected_state="screening",
    )
    client.force_login(screener)

    response = client.get(case_page(case))

    (latest, *_earlier) = response.context["events"]
    assert latest["actor"] == screener.get_full_name()
    assert ("Waarom deze beslissing?", "Diploma en taal in orde.") in latest["details"]
    assert "Diploma en taal in orde." in response.content.decode()


def test_a_reviewer_of_another_programme_gets_not_found(client, matchmaking, case):
    outsider = make_reviewer(SCREENERS, matchmaking)
    client.force_login(outsider)

    assert not_found(client.get(case_page(case), follow=True))
    assert not_found(client.post(transition_url(case), {"transition": "add_note"}, follow=True))
    case.refresh_from_db()
    assert case.events.count() == 1


def test_only_the_transitions_the_reviewer_may_perform_get_a_button(client, coaching, case):
    screener = make_reviewer(SCREENERS, coaching)
    coach = make_reviewer(COACHES, coaching)

    client.force_login(screener)
    for_screener = {action["key"] for action in client.get(case_page(case)).context["actions"]}
    client.force_login(coach)
    for_coach = {action["key"] for action in client.get(case_page(case)).context["actions"]}

    expected_screener = {t.key for t in engine.available_transitions(case, screener)}
    assert for_screener == expected_screener
    assert "start_screening" in for_screener
    assert "start_screening" not in for_coach
    assert "assign_mentor" not in for_screener | for_coach  # not from "submitted"


def test_the_buttons_post_the_transition_with_the_state_the_page_showed(client, screener, case):
    client.force_login(screener)

    html = client.get(case_page(case)).content.decode()

    assert f'action="{transition_url(case)}"' in html
    assert 'name="transition" value="start_screening"' in html
    assert 'name="expected_state" value="submitted"' in html
    assert 'name="start_screening-comment"' in html


def test_posting_a_transition_moves_the_case_and_records_the_event(client, screener, case):
    client.force_login(screener)

    response = client.post(
        transition_url(case),
        {
            "transition": "start_screening",
            "expected_state": "submitted",
            "start_screening-comment": "Dossier volledig.",
        },
        follow=True,
    )

    assert response.redirect_chain[-1][0] == case_page(case)
    case.refresh_from_db()
    assert case.state == "screening"
    event = case.events.latest("at", "pk")
    assert (event.transition, event.actor, event.comment) == (
        "start_screening",
        screener,
        "Dossier volledig.",
    )
    assert any("Screening" in message for message in messages_of(response))
    assert "Dossier volledig." in response.content.decode()  # in the history


def test_a_stale_page_gets_the_moved_on_message_and_changes_nothing(client, coaching, case):
    first = make_reviewer(SCREENERS, coaching)
    second = make_reviewer(SCREENERS, coaching)
    engine.perform(case, "start_screening", first, expected_state="submitted")
    client.force_login(second)

    response = client.post(
        transition_url(case),
        {"transition": "start_screening", "expected_state": "submitted"},
        follow=True,
    )

    assert response.status_code == 200
    assert any("intussen verder gezet" in message for message in messages_of(response))
    case.refresh_from_db()
    assert case.state == "screening"
    assert case.events.count() == 2


def test_an_invalid_transition_form_shows_the_page_again_with_the_errors(
    client, screener, coaching
):
    case = put_in(make_case(coaching), "screening")
    client.force_login(screener)

    response = client.post(
        transition_url(case),
        {
            "transition": "screen_eligible",
            "expected_state": "screening",
            "screen_eligible-comment": "Wat ik al typte",
        },
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Schrijf waarom je zo beslist." in html
    assert "Wat ik al typte" in html
    (action,) = [a for a in response.context["actions"] if a["key"] == "screen_eligible"]
    assert action["open"] and action["form"].errors
    case.refresh_from_db()
    assert case.state == "screening"
    assert case.events.count() == 1


def test_a_transition_the_reviewer_may_not_perform_is_refused_with_a_message(
    client, screener, coaching
):
    case = put_in(make_case(coaching), "orientation")
    client.force_login(screener)

    response = client.post(
        transition_url(case),
        {"transition": "assign_mentor", "expected_state": "orientation"},
        follow=True,
    )

    assert response.status_code == 200
    assert any("groep" in message for message in messages_of(response))
    case.refresh_from_db()
    assert case.state == "orientation"


def test_an_unknown_transition_is_refused_without_an_error_page(client, screener, case):
    client.force_login(screener)

    response = client.post(transition_url(case), {"transition": "vliegen"}, follow=True)

    assert response.status_code == 200
    assert any("bestaat niet" in message for message in messages_of(response))


def test_the_transition_view_only_answers_posts(client, screener, case):
    client.force_login(screener)

    assert client.get(transition_url(case)).status_code == 405


# --- Documents ---------------------------------------------------------------------------


def test_a_reviewer_downloads_a_document_of_a_case_they_may_see(client, screener, case):
    document = make_document(case.application, name="diploma-amina.pdf")
    client.force_login(screener)

    response = client.get(reverse("cases:document", args=[case.pk, document.pk]))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "diploma-amina.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_document_outside_the_reviewers_programmes_is_not_found(client, matchmaking, case):
    document = make_document(case.application)
    outsider = make_reviewer(SCREENERS, matchmaking)
    client.force_login(outsider)

    response = client.get(reverse("cases:document", args=[case.pk, document.pk]), follow=True)

    assert not_found(response)


def test_a_document_is_only_found_through_its_own_case(client, screener, coaching, matchmaking):
    mine = make_case(coaching)
    theirs = make_case(matchmaking)
    document = make_document(theirs.application)
    client.force_login(screener)

    response = client.get(reverse("cases:document", args=[mine.pk, document.pk]), follow=True)

    assert not_found(response)


# --- The dashboard -----------------------------------------------------------------------


def test_the_dashboard_panel_counts_what_the_list_shows(client, screener, coaching, matchmaking):
    waiting = [
        put_in(make_case(coaching), "submitted", state_entered_at=days_ago(days))
        for days in (3, 9, 1)
    ]
    make_case(matchmaking)  # not in the screener's programmes
    client.force_login(screener)

    response = client.get(reverse("wagtailadmin_home"))

    panel = next(panel for panel in response.context["panels"] if panel.name == "waiting_for_you")
    context = panel.get_context_data({"request": response.wsgi_request})
    worklist = engine.worklist(screener)
    assert context["count"] == worklist.count() == len(context["cases"]) >= 3
    listed = [item["case"].pk for item in context["cases"]]
    assert listed == list(worklist.values_list("pk", flat=True))
    oldest = waiting[1]
    assert listed.index(oldest.pk) < listed.index(waiting[0].pk) < listed.index(waiting[2].pk)
    html = response.content.decode()
    assert "Wacht op jou" in html
    assert case_page(oldest) in html


def test_the_dashboard_panel_links_to_the_same_cases_in_the_listing(client, screener, coaching):
    for _number in range(3):
        make_case(coaching)
    client.force_login(screener)

    listing = client.get(reverse(INDEX), {"waiting": "true"})

    assert listing.context["paginator"].count == engine.worklist(screener).count()


def test_the_dashboard_panel_is_for_reviewers_only(client, coaching):
    editor = User.objects.get(email="editor@opstap.test")
    manager = make_reviewer(PROGRAMME_MANAGERS, coaching)

    client.force_login(editor)
    for_editor = client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(manager)
    for_manager = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Wacht op jou" not in for_editor
    assert "Wacht op jou" in for_manager


# --- Who read what -------------------------------------------------------------------------


def test_opening_a_case_and_downloading_its_document_are_written_to_the_audit_log(
    client, screener, case
):
    from wagtail.models import ModelLogEntry

    document = make_document(case.application, name="diploma-amina.pdf")
    client.force_login(screener)

    client.get(case_page(case))
    client.get(reverse("cases:document", args=[case.pk, document.pk]))

    entries = ModelLogEntry.objects.filter(object_id=str(case.pk), user=screener)
    assert set(entries.values_list("action", flat=True)) >= {
        "workflows.case.view",
        "workflows.case.document",
    }
    assert entries.get(action="workflows.case.document").data == {"document": "diploma"}

"""Outcome reports: every figure on a small hand-built dataset whose right answers are
known, the programme and period filters, small-group suppression in exports, the
exports' columns, and who may open the report."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from programmes.models import PartnerPage, Registration, TraineeshipType
from tests.programmes.cafe_factories import CafeSessionPageFactory, RegistrationFactory
from tests.workflows.case_factories import make_case, make_reviewer
from workflows import reports
from workflows.default_workflows import DEFAULT_WORKFLOWS, PROGRAMME_MANAGERS, SCREENERS
from workflows.models import Case, CaseEvent, Placement, Workflow, WorkflowVersion
from workflows.report_exports import SUPPRESSED, figure_rows, safe_text, suppressed

TZ = datetime.timezone(datetime.timedelta(hours=1))
START, END = datetime.date(2026, 1, 1), datetime.date(2026, 6, 30)
TODAY = datetime.date(2026, 12, 1)


def moment(day, hour=12):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=TZ)


def day(month, number):
    return datetime.date(2026, month, number)


@pytest.fixture
def coaching_version(db):
    """The default coaching workflow as data: "intake" makes an applicant a participant."""
    workflow = Workflow.objects.get(slug="coaching")
    return WorkflowVersion.objects.create(
        workflow=workflow, number=900, definition=DEFAULT_WORKFLOWS["coaching"] | {"name": "t"}
    )


def applicant(programme, submitted, version, **fields):
    fields.setdefault("gender", "woman")
    fields.setdefault("age_band", "30_54")
    fields.setdefault("education_band", "isced_5_8")
    fields.setdefault("nationality", "SY")
    fields.setdefault("eligible", True)
    case = make_case(programme, submitted_at=moment(submitted), **fields)
    Case.objects.filter(pk=case.pk).update(workflow_version=version)
    case.refresh_from_db()
    return case


def moved(case, state, on, from_state="submitted"):
    CaseEvent.objects.create(
        case=case, transition="t", from_state=from_state, to_state=state, at=moment(on)
    )


def placed(case, starts_on, *, ended_on=None, at_level=True, contract="permanent"):
    return Placement.objects.create(
        case=case,
        employer=PartnerPage.objects.filter(locale__language_code="nl").first(),
        job_title="Analist",
        contract_type=contract,
        starts_on=starts_on,
        ended_on=ended_on,
        at_level=at_level,
    )


def closed(case, on):
    Case.objects.filter(pk=case.pk).update(closed_at=moment(on), state="completed")


@pytest.fixture
def dataset(coaching, matchmaking, coaching_version):
    """Six applications to the coaching programme in the first half of 2026, one before
    it, and one to another programme."""
    amal = applicant(coaching, day(1, 10), coaching_version, gender="woman", nationality="SY")
    bohdan = applicant(
        coaching, day(2, 3), coaching_version, gender="man", age_band="18_29", nationality="UA"
    )
    chadia = applicant(coaching, day(2, 20), coaching_version, gender="non_binary")
    dawit = applicant(
        coaching, day(3, 5), coaching_version, gender="man", nationality="ER",
        education_band="isced_3_4", age_band="55_plus",
    )  # fmt: skip
    ines = applicant(coaching, day(4, 1), coaching_version, gender="", eligible=False)
    # Amal applies again: two applications, one person.
    again = make_case(coaching, submitted_at=moment(day(5, 1)), eligible=False)
    Case.objects.filter(pk=again.pk).update(workflow_version=coaching_version)
    again.application.applicant = amal.application.applicant
    again.application.save()
    applicant(coaching, datetime.date(2025, 12, 20), coaching_version)  # before the period
    applicant(matchmaking, day(2, 1), coaching_version)  # another programme

    for case in (amal, bohdan, chadia):
        moved(case, "intake", day(3, 1), from_state="screening")
    kind = TraineeshipType.objects.filter(locale__language_code="nl").first()
    employer = PartnerPage.objects.filter(locale__language_code="nl").first()
    for case in (amal, bohdan):
        case.traineeships.create(
            traineeship_type=kind, employer=employer, starts_on=day(4, 1), ends_on=day(4, 20)
        )
    placed(amal, day(2, 15), at_level=True)  # in work when leaving and six months later
    placed(bohdan, day(4, 25), ended_on=day(6, 1), at_level=False, contract="fixed_term")
    closed(amal, day(3, 1))
    closed(bohdan, day(5, 1))
    closed(chadia, day(5, 10))  # left without a job
    return {"coaching": coaching, "amal": amal, "bohdan": bohdan, "dawit": dawit, "ines": ines}


def selection(*programmes, start=START, end=END):
    return reports.Selection(tuple(p.pk for p in programmes), start, end)


def counts(rows):
    return {row.key: row.count for row in rows}


# --- Each figure ---------------------------------------------------------------------------


def test_applications_eligible_share_people_and_nationalities(dataset):
    figures = reports.reached(selection(dataset["coaching"]))

    assert figures["received"] == 6
    assert figures["eligible"] == 4
    assert figures["eligible_share"] == pytest.approx(4 / 6)
    assert figures["people"] == 5  # Amal applied twice
    assert figures["nationalities"] == 3  # SY, UA, ER


def test_people_by_gender_age_and_education(dataset):
    chosen = selection(dataset["coaching"])

    assert counts(reports.by_gender(chosen, 5)) == {
        "woman": 1, "man": 2, "non_binary": 1, "not_given": 1,
    }  # fmt: skip
    assert counts(reports.by_age_band(chosen, 5)) == {
        "under_18": 0, "18_29": 1, "30_54": 3, "55_plus": 1,
    }  # fmt: skip
    education = counts(reports.by_education_band(chosen, 5))
    assert education == {"isced_0_2": 0, "isced_3_4": 1, "isced_5_8": 4}


def test_the_top_nationalities_most_first(dataset):
    rows = reports.top_nationalities(selection(dataset["coaching"]), 5)

    assert [(row.key, row.count) for row in rows] == [("SY", 3), ("ER", 1), ("UA", 1)]
    assert rows[0].label == "Syrië"  # in the reader's language


def test_the_funnel_from_applied_to_hired(dataset):
    rows = reports.funnel(selection(dataset["coaching"]))

    assert counts(rows) == {
        "applied": 6, "eligible": 4, "enrolled": 3, "in_traineeship": 2, "hired": 2,
    }  # fmt: skip
    assert rows[2].share == pytest.approx(3 / 6)


def test_work_when_leaving_six_months_later_and_at_level(dataset):
    figures = reports.work_outcomes(selection(dataset["coaching"]), today=TODAY)

    assert figures["left"] == 3
    assert figures["in_work_when_leaving"] == 2  # Amal and Bohdan (Chadia has no job)
    assert figures["followed_up"] == 3  # all left more than six months before 1 December
    assert figures["in_work_after_six_months"] == 1  # Bohdan's job ended on 1 June
    assert figures["hired"] == 2
    assert figures["at_level"] == 1
    assert figures["at_level_share"] == pytest.approx(0.5)


def test_six_months_later_waits_for_six_months(dataset):
    figures = reports.work_outcomes(selection(dataset["coaching"]), today=day(9, 1))

    assert figures["followed_up"] == 1  # only Amal left before 2 March... 183 days ago
    assert figures["in_work_after_six_months"] == 1


def test_traineeships_by_type_and_placements_by_contract(dataset):
    chosen = selection(dataset["coaching"])

    (traineeships,) = reports.traineeships_by_type(chosen)
    placements = counts(reports.placements_by_contract(chosen))

    assert traineeships.count == 2
    assert placements["permanent"] == 1 and placements["fixed_term"] == 1
    assert placements["temp_work"] == 0


def test_median_days_in_each_state(coaching, coaching_version):
    first = applicant(coaching, day(1, 1), coaching_version)
    second = applicant(coaching, day(1, 1), coaching_version)
    third = applicant(coaching, day(1, 1), coaching_version)
    for case in (first, second, third):
        case.events.all().delete()
    # submitted for 2, 4 and 6 days; screening for 10 and 1 days; a note changes nothing.
    for case, screening_on, intake_on in (
        (first, day(1, 3), day(1, 13)),
        (second, day(1, 5), day(1, 6)),
        (third, day(1, 7), None),
    ):
        CaseEvent.objects.create(case=case, to_state="submitted", at=moment(day(1, 1)))
        moved(case, "screening", screening_on)
        CaseEvent.objects.create(
            case=case, transition="add_note", from_state="screening", to_state="screening",
            at=moment(screening_on) + datetime.timedelta(hours=1),
        )  # fmt: skip
        if intake_on:
            moved(case, "intake", intake_on, from_state="screening")

    medians = reports.median_days_in_states(selection(coaching), now=moment(day(1, 10)))

    assert medians["submitted"] == pytest.approx(4)
    # Stays in screening: 10, 1 and 3 days (the third still there on 10 January).
    assert medians["screening"] == pytest.approx(3)


def test_cafe_registrations_attendance_and_returning_visitors(db):
    now = timezone.now()
    past = CafeSessionPageFactory(starts_at=now - datetime.timedelta(days=20))
    later = CafeSessionPageFactory(starts_at=now - datetime.timedelta(days=5))
    for name, session, attended in (
        ("amal", past, True), ("bohdan", past, True), ("chadia", past, False),
        ("amal", later, True),
    ):  # fmt: skip
        registration = RegistrationFactory(session=session, email=f"{name}@example.org")
        if attended:
            Registration.objects.filter(pk=registration.pk).update(checked_in_at=now)
    RegistrationFactory(session=later, status=Registration.Status.CANCELLED)
    RegistrationFactory(session=later, status=Registration.Status.WAITLISTED)
    period = reports.Selection((), (now - datetime.timedelta(days=30)).date(), now.date())

    figures = reports.cafe(period)

    assert figures["registrations"] == 5  # the cancelled one does not count
    assert (figures["attended"], figures["confirmed"]) == (3, 4)
    assert figures["attendance_rate"] == pytest.approx(0.75)
    assert (figures["returning"], figures["visitors"]) == (1, 2)


# --- Filters -------------------------------------------------------------------------------


def test_the_period_and_the_programmes_filter_every_figure(dataset, matchmaking):
    both = selection(dataset["coaching"], matchmaking)
    january = selection(dataset["coaching"], end=day(1, 31))

    assert reports.reached(both)["received"] == 7
    assert reports.reached(january)["received"] == 1
    assert counts(reports.funnel(january))["hired"] == 1
    assert reports.reached(selection(matchmaking))["received"] == 1


def test_the_report_takes_the_same_number_of_queries_for_more_cases(
    dataset, coaching_version, django_assert_max_num_queries
):
    chosen = selection(dataset["coaching"])
    with django_assert_max_num_queries(40) as small:
        reports.report(chosen, today=TODAY)
    for _ in range(5):
        applicant(dataset["coaching"], day(2, 2), coaching_version)
    with django_assert_max_num_queries(len(small.captured_queries)):
        reports.report(chosen, today=TODAY)


# --- Exports -------------------------------------------------------------------------------


def test_small_groups_are_suppressed_in_the_figures():
    assert [suppressed(n) for n in (0, 1, 4, 5, 12)] == [0, SUPPRESSED, SUPPRESSED, 5, 12]


def test_the_figures_export_suppresses_and_hides_shares_of_small_groups(dataset):
    rows = figure_rows(reports.report(selection(dataset["coaching"]), today=TODAY))
    by_label = {(row[0], row[1]): row for row in rows}

    assert by_label[("Bereik", "Aanmeldingen")][2:] == [6, ""]
    assert by_label[("Geslacht", "man")][2:] == [SUPPRESSED, ""]
    assert by_label[("Trechter", "Aangemeld")][2:] == [6, 100.0]


def test_text_that_looks_like_a_formula_is_neutralised():
    assert safe_text('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert safe_text("+32 470") == "'+32 470"
    assert safe_text("Amina") == "Amina"


def report_url(**params):
    return reverse("outcome_report") + "?" + "&".join(f"{k}={v}" for k, v in params.items())


def test_the_participant_list_has_one_row_per_participant_and_no_names(client, dataset):
    client.force_login(make_reviewer(PROGRAMME_MANAGERS, dataset["coaching"]))

    response = client.get(
        report_url(start="2026-01-01", end="2026-06-30", export="participants", format="csv")
    )

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    heading, *participants = rows
    assert heading[0] == "Deelnemer (pseudoniem)" and "Werk zes maanden later" in heading
    assert len(participants) == 6
    text = response.content.decode()
    for case in (dataset["amal"], dataset["bohdan"]):
        assert case.application.last_name not in text
        assert case.application.email not in text
        assert case.application.reference not in text
    amal = reports.pseudonym(dataset["amal"].application.applicant_id)
    assert sum(row[0] == amal for row in participants) == 2  # one person, two programmes' rows


def test_the_figures_download_as_xlsx(client, dataset):
    client.force_login(make_reviewer(PROGRAMME_MANAGERS, dataset["coaching"]))

    response = client.get(
        report_url(start="2026-01-01", end="2026-06-30", export="figures", format="xlsx")
    )

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["Onderdeel", "Cijfer", "Aantal", "Procent"]
    assert ["Bereik", "Aanmeldingen", 6, None] in values


# --- The page ------------------------------------------------------------------------------


def test_a_manager_reads_the_report_with_charts_and_tables(client, dataset):
    client.force_login(make_reviewer(PROGRAMME_MANAGERS, dataset["coaching"]))

    response = client.get(report_url(start="2026-01-01", end="2026-06-30"))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="report-bars"' in html and "<table" in html
    assert "Mensen bereikt naar geslacht" in html
    assert response.context["data"]["reached"]["received"] == 6


def test_a_manager_chooses_only_among_their_programmes(client, dataset, matchmaking):
    client.force_login(make_reviewer(PROGRAMME_MANAGERS, dataset["coaching"]))

    response = client.get(report_url(programmes=matchmaking.pk))

    assert response.status_code == 400
    assert "programmes" in response.context["form"].errors


def test_an_end_before_the_start_says_how_to_fix_it(client, dataset):
    client.force_login(make_reviewer(PROGRAMME_MANAGERS, dataset["coaching"]))

    response = client.get(report_url(start="2026-06-30", end="2026-01-01"))

    assert response.status_code == 400
    assert "Kies een einddatum op of na de begindatum." in response.content.decode()


def test_a_reviewer_without_the_manager_role_cannot_open_the_report(client, dataset):
    client.force_login(make_reviewer(SCREENERS, dataset["coaching"]))

    response = client.get(reverse("outcome_report"), follow=True)

    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert "data" not in response.context

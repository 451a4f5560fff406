"""Outcome reports for programme managers and funders: what the seed documents report
(reached, nationalities, share in work, share working at their level) and the ESF+
indicators, for a choice of programmes and a period.

Every figure is counted by the database (aggregates, `Exists`, window functions), never
by looping over cases here: a report over 50,000 cases is a handful of queries. The
people counted are the applications submitted in the period, followed to where they are
now; café figures count the sessions held in the period.
"""

import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models import (
    BooleanField,
    Count,
    DateTimeField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models import Case as CaseWhen
from django.db.models.functions import Coalesce, Lower, TruncDate, TruncMonth
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from forms.models import Application
from forms.statistics import AgeBand, EducationBand, Gender
from programmes.models import Registration
from workflows import coaching
from workflows.models import (
    Case,
    CaseEvent,
    CoachingParticipant,
    Placement,
    Traineeship,
    WorkflowVersion,
)

# How long after leaving the follow-up looks (ESF+: "six months after leaving").
FOLLOW_UP_DAYS = 183
# Groups smaller than this are shown as "< 5" in exports.
SMALL_GROUP = 5
PSEUDONYM_SALT = "opstap.workflows.reports.participant"


@dataclass(frozen=True)
class Selection:
    """Which programmes and which period a report covers (dates inclusive)."""

    programme_ids: tuple
    start: datetime.date
    end: datetime.date


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    count: int
    share: float | None = None  # of the section's total, 0..1


def share(part, whole):
    return part / whole if whole else None


def _bounds(selection):
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(selection.start, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(
        selection.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
    )
    return start, end


def applications(selection):
    start, end = _bounds(selection)
    return Application.objects.filter(
        programme_id__in=selection.programme_ids, submitted_at__gte=start, submitted_at__lt=end
    )


def cases(selection):
    return Case.objects.filter(application__in=applications(selection))


# --- Reached -------------------------------------------------------------------------------


def reached(selection):
    """Applications, the eligible share, and the people behind them."""
    figures = applications(selection).aggregate(
        received=Count("pk"),
        eligible=Count("pk", filter=Q(eligible=True)),
        people=Count("applicant", distinct=True),
        nationalities=Count("nationality", distinct=True, filter=~Q(nationality="")),
    )
    figures["eligible_share"] = share(figures["eligible"], figures["received"])
    return figures


def _breakdown(selection, field, choices, total):
    counts = dict(
        applications(selection)
        .order_by()
        .values_list(field)
        .annotate(people=Count("applicant", distinct=True))
    )
    return [
        Row(value, str(label), counts.get(value, 0), share(counts.get(value, 0), total))
        for value, label in choices
    ]


def by_gender(selection, total):
    rows = _breakdown(selection, "gender", Gender.choices, total)
    # Answers from before the question was asked count as "not given".
    missing = sum(row.count for row in rows)
    if missing < total:
        rows[-1] = Row(
            rows[-1].key,
            rows[-1].label,
            rows[-1].count + total - missing,
            share(rows[-1].count + total - missing, total),
        )
    return rows


def by_age_band(selection, total):
    return _breakdown(selection, "age_band", AgeBand.choices, total)


def by_education_band(selection, total):
    return _breakdown(selection, "education_band", EducationBand.choices, total)


def top_nationalities(selection, total, limit=10):
    rows = (
        applications(selection)
        .exclude(nationality="")
        .order_by()
        .values("nationality")
        .annotate(people=Count("applicant", distinct=True))
        .order_by("-people", "nationality")[:limit]
    )
    return [
        Row(
            row["nationality"],
            str(countries.name(row["nationality"]) or row["nationality"]),
            row["people"],
            share(row["people"], total),
        )
        for row in rows
    ]


def per_month(selection):
    rows = (
        applications(selection)
        .annotate(month=TruncMonth("submitted_at"))
        .order_by()
        .values("month")
        .annotate(received=Count("pk"))
        .order_by("month")
    )
    return [(row["month"], row["received"]) for row in rows]


# --- The funnel and outcomes ---------------------------------------------------------------


def _enrolled(selection):
    """Whether the outer application's case (annotated as `case_pk`, see `_with_case`)
    entered a state its workflow version marks as "enrolled" (a condition nothing meets
    when no version used here marks one). One `Exists` per version, on the events of that
    one case (the index on the case id does the work)."""
    versions = WorkflowVersion.objects.filter(
        pk__in=cases(selection).values("workflow_version")
    ).only("definition")
    matches = Q()
    for version in versions:
        keys = [state.key for state in version.parsed().states if state.enrolled]
        if keys:
            entered = CaseEvent.objects.filter(case_id=OuterRef("case_pk"), to_state__in=keys)
            matches |= Q(case__workflow_version=version) & Q(Exists(entered))
    return matches if matches else Q(pk__in=[])  # nothing marked: nobody counts


def _with_case(queryset):
    """Applications with their case's id, for subqueries on the case's rows."""
    return queryset.annotate(case_pk=F("case__pk"))


def funnel(selection):
    """Applied, eligible, enrolled, in traineeship, hired: counts and shares of applied."""
    figures = (
        _with_case(applications(selection))
        .annotate(
            has_traineeship=Exists(Traineeship.objects.filter(case_id=OuterRef("case_pk"))),
            has_placement=Exists(Placement.objects.filter(case_id=OuterRef("case_pk"))),
        )
        .aggregate(
            applied=Count("pk"),
            eligible=Count("pk", filter=Q(eligible=True)),
            enrolled=Count("pk", filter=_enrolled(selection)),
            in_traineeship=Count("pk", filter=Q(has_traineeship=True)),
            hired=Count("pk", filter=Q(has_placement=True)),
        )
    )
    steps = [
        ("applied", _("Aangemeld")),
        ("eligible", _("Komt in aanmerking")),
        ("enrolled", _("Ingestapt")),
        ("in_traineeship", _("Op stage")),
        ("hired", _("Aan het werk")),
    ]
    return [
        Row(key, str(label), figures[key], share(figures[key], figures["applied"]))
        for key, label in steps
    ]


def _in_work(day_field, case="pk"):
    """Whether the outer row's case had a job on its `day_field`: a placement started by
    then and not ended before."""
    day = OuterRef(day_field)
    return Exists(
        Placement.objects.filter(case=OuterRef(case), starts_on__lte=day).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=day)
        )
    )


def _leaving_dates(closed_at):
    """The day a case closed, and the day six months later, as dates in our time zone."""
    return {
        "left_on": TruncDate(closed_at),
        "follow_up_on": TruncDate(
            ExpressionWrapper(
                F(closed_at) + datetime.timedelta(days=FOLLOW_UP_DAYS),
                output_field=DateTimeField(),
            )
        ),
    }


def work_outcomes(selection, today=None):
    """The share in work when leaving; six months after leaving (of those who left at
    least six months ago); and the share of the hired working at their level."""
    today = today or timezone.localdate()
    followed_up = Q(closed_at__date__lte=today - datetime.timedelta(days=FOLLOW_UP_DAYS))
    left = (
        cases(selection)
        .filter(closed_at__isnull=False)
        .annotate(**_leaving_dates("closed_at"))
        .annotate(working_on_leaving=_in_work("left_on"), working_after=_in_work("follow_up_on"))
    )
    figures = left.aggregate(
        left=Count("pk"),
        in_work_when_leaving=Count("pk", filter=Q(working_on_leaving=True)),
        followed_up=Count("pk", filter=followed_up),
        in_work_after_six_months=Count("pk", filter=followed_up & Q(working_after=True)),
    )
    placements = Placement.objects.filter(case_id=OuterRef("case_pk"))
    figures.update(
        _with_case(applications(selection))
        .annotate(
            has_job=Exists(placements), has_job_at_level=Exists(placements.filter(at_level=True))
        )
        .aggregate(
            hired=Count("pk", filter=Q(has_job=True)),
            at_level=Count("pk", filter=Q(has_job_at_level=True)),
        )
    )
    figures["in_work_when_leaving_share"] = share(figures["in_work_when_leaving"], figures["left"])
    figures["in_work_after_six_months_share"] = share(
        figures["in_work_after_six_months"], figures["followed_up"]
    )
    figures["at_level_share"] = share(figures["at_level"], figures["hired"])
    return figures


def traineeships_by_type(selection):
    rows = (
        Traineeship.objects.filter(case__application__in=applications(selection))
        .order_by()
        .values("traineeship_type__name")
        .annotate(number=Count("pk"))
        .order_by("-number", "traineeship_type__name")
    )
    total = sum(row["number"] for row in rows)
    return [
        Row(
            row["traineeship_type__name"],
            row["traineeship_type__name"],
            row["number"],
            share(row["number"], total),
        )
        for row in rows
    ]


def placements_by_contract(selection):
    counts = dict(
        Placement.objects.filter(case__application__in=applications(selection))
        .order_by()
        .values_list("contract_type")
        .annotate(number=Count("pk"))
    )
    total = sum(counts.values())
    return [
        Row(value, str(label), counts.get(value, 0), share(counts.get(value, 0), total))
        for value, label in Placement.ContractType.choices
    ]


# --- Time spent in each state --------------------------------------------------------------


def _days_between(later, earlier):
    if connection.vendor == "postgresql":
        return f"EXTRACT(EPOCH FROM ({later} - {earlier})) / 86400.0"
    return f"(julianday({later}) - julianday({earlier}))"


# Only our table name, Django's own compiled subquery and a fixed expression go in.
MEDIAN_SQL = """
    WITH moves AS (
        SELECT to_state AS state, at,
               LEAD(at) OVER (PARTITION BY case_id ORDER BY at, id) AS left_at
        FROM {events}
        WHERE case_id IN ({cases}) AND (transition = '' OR to_state <> from_state)
    ),
    stays AS (
        SELECT state, {days} AS days FROM moves
    ),
    ranked AS (
        SELECT state, days,
               ROW_NUMBER() OVER (PARTITION BY state ORDER BY days) AS position,
               COUNT(*) OVER (PARTITION BY state) AS stays
        FROM stays
    )
    SELECT state, AVG(days) FROM ranked
    WHERE position IN ((stays + 1) / 2, (stays + 2) / 2)
    GROUP BY state
"""


def median_days_in_states(selection, now=None):
    """{state key: median days} over every stay in a state by the selected cases; a stay
    still going counts until now. One query: window functions find each stay's end and
    the middle of each state's stays (SQLite and PostgreSQL alike)."""
    now = now or timezone.now()
    case_sql, case_params = cases(selection).values("pk").query.sql_with_params()
    events = CaseEvent._meta.db_table
    sql = MEDIAN_SQL.format(
        events=events, cases=case_sql, days=_days_between("COALESCE(left_at, %s)", "at")
    )  # nosec B608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*case_params, now])
        return {state: round(float(days), 1) for state, days in cursor.fetchall()}


def state_names(selection):
    """{state key: staff name} over the workflow versions the selected cases follow."""
    names = {}
    for version in WorkflowVersion.objects.filter(
        pk__in=cases(selection).values("workflow_version")
    ).only("definition"):
        for state in version.parsed().states:
            names.setdefault(state.key, gettext(state.staff_name))
    return names


# --- The café ------------------------------------------------------------------------------


def cafe(selection, now=None):
    """Registrations for sessions held in the period, the attendance rate of sessions
    that took place, and the share of attendees who came more than once."""
    now = now or timezone.now()
    start, end = _bounds(selection)
    registrations = Registration.objects.filter(
        session__starts_at__gte=start, session__starts_at__lt=end
    ).exclude(status=Registration.Status.CANCELLED)
    held = registrations.filter(
        session__ends_at__lte=now, status=Registration.Status.CONFIRMED
    ).aggregate(confirmed=Count("pk"), attended=Count("pk", filter=Q(checked_in_at__isnull=False)))
    visits = (
        registrations.filter(checked_in_at__isnull=False)
        .annotate(person=Lower("email"))
        .order_by()
        .values("person")
        .annotate(sessions=Count("session", distinct=True))
    )
    visitors = {"people": visits.count(), "returning": visits.filter(sessions__gte=2).count()}
    return {
        "registrations": registrations.count(),
        "sessions": registrations.values("session").distinct().count(),
        "confirmed": held["confirmed"],
        "attended": held["attended"],
        "attendance_rate": share(held["attended"], held["confirmed"]),
        "visitors": visitors["people"],
        "returning": visitors["returning"],
        "returning_share": share(visitors["returning"], visitors["people"]),
    }


# --- The ESF participant list --------------------------------------------------------------


def pseudonym(applicant_id):
    """A participant's id in funder exports: the same person gets the same id in every
    programme and export, and nobody can work back to who it is (keyed by SECRET_KEY)."""
    return salted_hmac(PSEUDONYM_SALT, str(applicant_id), algorithm="sha256").hexdigest()[:12]


PARTICIPANT_COLUMNS = [
    "participant",
    "programme",
    "entered_on",
    "gender",
    "age_band",
    "education_band",
    "third_country_national",
    "registered_jobseeker",
    "eligible",
    "enrolled",
    "left_on",
    "in_work_when_leaving",
    "in_work_six_months_after",
    "hired",
    "work_at_level",
    "coaching_sessions",
    "coaching_hours",
]


def participant_rows(selection, today=None):
    """One row per application of the selection (a participant in a programme) with the
    ESF+ indicator columns and no personal data: a pseudonym, never a name or an id."""
    today = today or timezone.localdate()
    follow_up_by = today - datetime.timedelta(days=FOLLOW_UP_DAYS)
    enrolled = _enrolled(selection)
    placements = Placement.objects.filter(case_id=OuterRef("case_pk"))
    rows = (
        _with_case(applications(selection))
        .annotate(**_leaving_dates("case__closed_at"))
        .annotate(
            has_job=Exists(placements),
            has_job_at_level=Exists(placements.filter(at_level=True)),
            working_on_leaving=_in_work("left_on", case="case_pk"),
            working_after=_in_work("follow_up_on", case="case_pk"),
            is_enrolled=CaseWhen(
                When(enrolled, then=Value(True)), default=Value(False), output_field=BooleanField()
            ),
            coaching_sessions=_coaching("pk", Count),
            coaching_minutes=_coaching("session__duration_minutes", Sum),
        )
        .order_by("submitted_at", "pk")
        .values(
            "applicant_id",
            "programme__reference_code",
            "submitted_at",
            "gender",
            "age_band",
            "education_band",
            "third_country_national",
            "registered_jobseeker",
            "eligible",
            "is_enrolled",
            "left_on",
            "working_on_leaving",
            "working_after",
            "has_job",
            "has_job_at_level",
            "coaching_sessions",
            "coaching_minutes",
        )
    )
    for row in rows.iterator(chunk_size=2000):
        left_on = row["left_on"]
        if isinstance(left_on, str):  # SQLite hands dates from expressions back as text
            left_on = datetime.date.fromisoformat(left_on)
        yield {
            "participant": pseudonym(row["applicant_id"]),
            "programme": row["programme__reference_code"],
            "entered_on": timezone.localdate(row["submitted_at"]),
            "gender": row["gender"] or Gender.NOT_GIVEN,
            "age_band": row["age_band"],
            "education_band": row["education_band"],
            "third_country_national": row["third_country_national"],
            "registered_jobseeker": row["registered_jobseeker"],
            "eligible": row["eligible"],
            "enrolled": row["is_enrolled"],
            "left_on": left_on,
            "in_work_when_leaving": row["working_on_leaving"] if left_on else None,
            "in_work_six_months_after": (
                row["working_after"] if left_on and left_on <= follow_up_by else None
            ),
            "hired": row["has_job"],
            "work_at_level": row["has_job_at_level"] if row["has_job"] else None,
            "coaching_sessions": row["coaching_sessions"],
            "coaching_hours": row["coaching_minutes"] / 60,
        }


def _coaching(field, aggregate):
    """The coaching sessions a case's participant attended: their number or minutes."""
    attended = (
        CoachingParticipant.objects.filter(case_id=OuterRef("case_pk"), attended=True)
        .order_by()
        .values("case_id")
        .annotate(total=aggregate(field))
        .values("total")
    )
    return Coalesce(Subquery(attended), 0)


# --- The whole report ----------------------------------------------------------------------


def report(selection, today=None):
    """Every figure of the report, as plain data for the page and the exports."""
    today = today or timezone.localdate()
    totals = reached(selection)
    people = totals["people"]
    medians = median_days_in_states(selection)
    names = state_names(selection)
    return {
        "selection": selection,
        "reached": totals,
        "gender": by_gender(selection, people),
        "age_band": by_age_band(selection, people),
        "education_band": by_education_band(selection, people),
        "nationalities": top_nationalities(selection, people),
        "per_month": per_month(selection),
        "funnel": funnel(selection),
        "work": work_outcomes(selection, today),
        "traineeships": traineeships_by_type(selection),
        "placements": placements_by_contract(selection),
        # In the order of the workflows' states: the pathway, step by step.
        "days_in_state": [
            (names.get(key, key), medians[key])
            for key in sorted(
                medians, key=lambda key: list(names).index(key) if key in names else len(names)
            )
        ],
        "cafe": cafe(selection),
        "coaching": coaching.figures(cases(selection)),
    }

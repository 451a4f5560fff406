"""The outcome report over 50,000 cases: how long the page takes and how many queries
it makes (built in bulk, so the benchmark measures the report, not the set-up)."""

import datetime
import random
import statistics
import time
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from forms.models import Application
from programmes.models import PartnerPage, ProgrammePage
from tests.bench.report import write_table
from tests.workflows.portal_factories import privacy_notice
from workflows.models import Case, CaseEvent, Placement, ProgrammeWorkflow

pytestmark = pytest.mark.bench

CASES = 50_000
PEOPLE = 20_000
BATCH = 5_000
RUNS = 5


def _bulk(model, objects):
    model.objects.bulk_create(objects, batch_size=BATCH)


def build_cases(programme, version):
    random.seed(42)
    User = get_user_model()
    _bulk(
        User,
        [User(email=f"bench{n}@example.org", password="!", is_active=True) for n in range(PEOPLE)],
    )
    user_ids = list(User.objects.filter(email__startswith="bench").values_list("pk", flat=True))
    notice = privacy_notice()
    start = timezone.now() - datetime.timedelta(days=700)
    choices = {
        "gender": ["woman", "man", "non_binary", "not_given"],
        "age_band": ["18_29", "30_54", "55_plus"],
        "education_band": ["isced_3_4", "isced_5_8"],
        "nationality": ["SY", "UA", "ER", "AF", "IR", "MA", "TR", "VE", "CO", "IN", "NG", "CM"],
    }
    _bulk(
        Application,
        [
            Application(
                reference=f"BEN-{n:06d}",
                programme=programme,
                applicant_id=random.choice(user_ids),
                draft_public_id=uuid.uuid4(),
                first_name="B",
                last_name="B",
                email="b@example.org",
                language="nl",
                preferred_language="nl",
                form_version="bench",
                answers={},
                eligible=random.random() < 0.8,
                privacy_notice=notice,
                privacy_notice_version=notice.version,
                submitted_at=start + datetime.timedelta(minutes=20 * n),
                **{field: random.choice(values) for field, values in choices.items()},
            )
            for n in range(CASES)
        ],
    )
    applications = Application.objects.filter(reference__startswith="BEN-").values_list(
        "pk", "submitted_at"
    )
    _bulk(
        Case,
        [
            Case(
                application_id=pk,
                programme=programme,
                workflow_version=version,
                state="completed" if n % 3 == 0 else "intake",
                opened_at=submitted,
                state_entered_at=submitted + datetime.timedelta(days=20),
                closed_at=submitted + datetime.timedelta(days=90) if n % 3 == 0 else None,
            )
            for n, (pk, submitted) in enumerate(applications)
        ],
    )
    cases = list(Case.objects.filter(programme=programme).values_list("pk", "opened_at"))
    events = []
    for pk, opened in cases:
        events += [
            CaseEvent(case_id=pk, to_state="submitted", at=opened),
            CaseEvent(case_id=pk, transition="t", from_state="submitted", to_state="screening",
                      at=opened + datetime.timedelta(days=random.randint(1, 10))),
            CaseEvent(case_id=pk, transition="t", from_state="screening", to_state="intake",
                      at=opened + datetime.timedelta(days=random.randint(11, 30))),
        ]  # fmt: skip
    _bulk(CaseEvent, events)
    employer = PartnerPage.objects.filter(locale__language_code="nl").first()
    _bulk(
        Placement,
        [
            Placement(
                case_id=pk,
                employer=employer,
                job_title="Analist",
                contract_type="permanent",
                starts_on=(opened + datetime.timedelta(days=60)).date(),
                at_level=random.random() < 0.6,
            )
            for pk, opened in cases[::4]
        ],
    )


def test_the_outcome_report_over_50000_cases(client, db, demo, django_user_model):
    programme = ProgrammePage.objects.get(slug="level2work", locale__language_code="nl")
    version = ProgrammeWorkflow.objects.get(programme=programme).workflow.current_version()
    started = time.perf_counter()
    build_cases(programme, version)
    built = time.perf_counter() - started
    client.force_login(django_user_model.objects.create_superuser("r@example.org", "x"))
    url = reverse("outcome_report") + f"?programmes={programme.pk}&start=2024-01-01"

    client.get(url)  # warm
    timings, query_counts = [], []
    for _ in range(RUNS):
        connection.queries_log.clear()  # a full log (9,000 entries) would capture nothing
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - started)
        query_counts.append(len(queries.captured_queries))
    assert response.status_code == 200
    assert response.context["data"]["reached"]["received"] == CASES
    export_started = time.perf_counter()
    export = client.get(url + "&export=participants&format=csv")
    b"".join([export.content])
    export_seconds = time.perf_counter() - export_started

    median_ms = statistics.median(timings) * 1000
    write_table(
        "reports",
        f"Outcome report over {CASES:,} cases",
        [
            (f"Report page (median of {RUNS})", f"{median_ms:.0f} ms", "", ""),
            ("Queries per report page", max(query_counts), "constant", ""),
            ("ESF participant list, CSV", f"{export_seconds:.1f} s", "", ""),
            ("(set-up: building the cases)", f"{built:.0f} s", "", ""),
        ],
        headers=("Measure", "Value", "Target", "Note"),
    )

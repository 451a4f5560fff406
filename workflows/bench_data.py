"""The benchmark dataset (`manage.py seed_bench`): large volumes on top of the demo site,
made in bulk and safe to repeat."""

import datetime
import random
import time
import uuid

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from cms.demo.seed import seed as seed_demo
from cms.models import HomePage
from forms.models import Application, PrivacyNotice
from programmes.choices import OrganisationType
from programmes.models import (
    CafeSeriesPage,
    CafeSessionPage,
    PartnerIndexPage,
    PartnerPage,
    ProgrammeIndexPage,
    ProgrammePage,
    Registration,
    VacancyPage,
)
from workflows.certificates import new_code
from workflows.models import Case, CaseEvent, Certificate, ProgrammeWorkflow

# The full dataset of issue 9; `scale` multiplies every figure (at least one of each).
VOLUMES = {
    "programmes": 30,
    "sessions": 1_000,
    "registrations": 20_000,
    "partners": 300,
    "vacancies": 500,
    "applications": 50_000,
    "certificates": 5_000,
}
LANGUAGES = ("nl", "en", "fr")
PREFIX = "bench"  # every slug, reference, email and number made here starts with it
APPLICANT_EMAIL = "bench-applicant-{}@example.invalid"
BATCH = 2_000
APPLICANTS_PER_APPLICATION = 0.4  # about 2.5 applications per person, as in real life


def volumes(scale=1.0):
    return {name: max(1, round(count * scale)) for name, count in VOLUMES.items()}


class Timer:
    """Prints how long each step took, so a slow step is easy to find."""

    def __init__(self, write):
        self.write = write

    def step(self, label, function, *args):
        started = time.perf_counter()
        result = function(*args)
        self.write(f"{label}: {result} new, {time.perf_counter() - started:.1f} s")
        return result


def seed_bench(scale=1.0, write=print):
    counts = volumes(scale)
    timer = Timer(write)
    started = time.perf_counter()
    if not HomePage.objects.filter(locale__language_code="nl").exists():
        timer.step("demo site", lambda: seed_demo(create_logins=False) and 1)
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    random.seed(9)
    programmes = timer.step(
        "programme pages",
        _ensure_pages,
        ProgrammeIndexPage,
        ProgrammePage,
        counts["programmes"],
        locales,
        _programme,
    )
    partners = timer.step(
        "partner pages",
        _ensure_pages,
        PartnerIndexPage,
        PartnerPage,
        counts["partners"],
        locales,
        _partner,
    )
    sessions = timer.step(
        "café session pages",
        _ensure_pages,
        CafeSeriesPage,
        CafeSessionPage,
        counts["sessions"],
        locales,
        _session,
    )
    vacancies = timer.step("vacancy pages", _ensure_vacancies, counts["vacancies"], locales)
    registrations = timer.step("registrations", _ensure_registrations, counts["registrations"])
    applications = timer.step(
        "applications, cases and histories", _ensure_cases, counts["applications"]
    )
    certificates = timer.step("certificates", _ensure_certificates, counts["certificates"])
    # The pages above skip Wagtail's signals; the search page should search a full index.
    timer.step("pages (re)indexed for search", _update_search_index)
    _analyze()
    write(f"seed_bench done in {time.perf_counter() - started:.1f} s (scale {scale:g}).")
    return {
        "programmes": programmes,
        "partners": partners,
        "sessions": sessions,
        "vacancies": vacancies,
        "registrations": registrations,
        "applications": applications,
        "certificates": certificates,
    }


def _update_search_index():
    from io import StringIO

    from django.core.management import call_command

    call_command("update_index", stdout=StringIO())
    return Page.objects.count()


def _analyze():
    """PostgreSQL's planner statistics for the rows just written, as autovacuum would
    gather them some minutes later: the benchmark measures right after the seed."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


# --- Pages ----------------------------------------------------------------------------
# Pages go through treebeard's add_child (a page's path depends on its siblings), live
# and without revisions; each language's copy shares the Dutch page's translation key,
# which is what wagtail-localize makes of a translation.


def _programme(number):
    return ProgrammePage(
        title=f"Benchprogramma {number}",
        summary=f"Een programma om te meten, nummer {number}.",
        audience="<p>Nieuwkomers met een diploma.</p>",
    )


def _partner(number):
    return PartnerPage(
        title=f"Benchpartner {number}",
        organisation_type=OrganisationType.EMPLOYER,
        summary=f"Een partner om te meten, nummer {number}.",
        description="<p>Een werkgever in Brussel.</p>",
    )


def _session(number):
    starts_at = timezone.now().replace(hour=18, minute=0, second=0, microsecond=0) + (
        datetime.timedelta(days=number % 400 - 200)
    )
    return CafeSessionPage(
        title=f"Benchsessie {number}",
        topic=f"Onderwerp {number}",
        intro="Een avond om elkaar te leren kennen.",
        body="<p>We praten over werk zoeken.</p>",
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        venue_name="Opstap",
        venue_address="Brussel",
        capacity=20,
    )


def _vacancy(number):
    return VacancyPage(
        title=f"Benchvacature {number}",
        summary=f"Een vacature om te meten, nummer {number}.",
        description="<p>Je werkt in een team van vijf.</p>",
        eqf_level=random.choice([4, 5, 6, 7]),
        location="Brussel",
        hours_per_week=38,
    )


def _slug(kind, number):
    return f"{PREFIX}-{kind}-{number:05d}"


def _add(parent, page, locale, translation_key=None):
    page.locale = locale
    page.live = True
    page.first_published_at = page.last_published_at = timezone.now()
    if translation_key is not None:
        page.translation_key = translation_key
    parent.add_child(instance=page)
    return page


def _ensure_children(dutch_parent, model, numbers, locales, make, kind):
    """The pages `numbers` of one kind under `dutch_parent` and its translations."""
    created = 0
    parents = {
        code: dutch_parent.get_translation_or_none(locale) for code, locale in locales.items()
    }
    for code, locale in locales.items():
        parent = parents[code]
        if parent is None:
            continue
        existing = set(
            model.objects.child_of(parent)
            .filter(slug__startswith=f"{PREFIX}-")
            .values_list("slug", flat=True)
        )
        keys = (
            {}
            if code == "nl"
            else dict(
                model.objects.child_of(dutch_parent)
                .filter(slug__startswith=f"{PREFIX}-")
                .values_list("slug", "translation_key")
            )
        )
        parent = Page.objects.get(pk=parent.pk)  # fresh numchild for treebeard
        with transaction.atomic():
            for number in numbers:
                slug = _slug(kind, number)
                if slug in existing or (code != "nl" and slug not in keys):
                    continue
                page = make(number)
                page.slug = slug
                if code != "nl":
                    page.title = f"{page.title} ({code})"
                _add(parent, page, locale, keys.get(slug))
                created += 1
    return created


def _ensure_pages(index_model, model, count, locales, make):
    dutch_index = index_model.objects.filter(locale=locales["nl"]).first()
    kind = model._meta.model_name
    return _ensure_children(dutch_index, model, range(count), locales, make, kind)


def _ensure_vacancies(count, locales):
    """Vacancies are children of partner pages: spread over the bench partners."""
    employers = list(
        PartnerPage.objects.filter(locale=locales["nl"], slug__startswith=f"{PREFIX}-").order_by(
            "slug"
        )
    )
    created = 0
    for position, employer in enumerate(employers):
        numbers = range(position, count, len(employers))
        created += _ensure_children(employer, VacancyPage, numbers, locales, _vacancy, "vacancy")
    return created


# --- Rows -----------------------------------------------------------------------------


def _bench_sessions():
    return list(
        CafeSessionPage.objects.filter(
            locale__language_code="nl", slug__startswith=f"{PREFIX}-"
        ).values_list("pk", "starts_at")
    )


def _ensure_registrations(count):
    sessions = _bench_sessions()
    have = Registration.objects.filter(email__startswith=f"{PREFIX}-").count()
    rows = []
    for number in range(have, count):
        session_pk, starts_at = sessions[number % len(sessions)]
        rows.append(
            Registration(
                session_id=session_pk,
                name=f"Deelnemer {number}",
                email=f"{PREFIX}-{number}@example.invalid",
                language=LANGUAGES[number % len(LANGUAGES)],
                consented_at=starts_at - datetime.timedelta(days=7),
                status=Registration.Status.CONFIRMED,
                checked_in_at=starts_at if starts_at < timezone.now() else None,
            )
        )
    Registration.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def _ensure_applicants(count):
    User = get_user_model()
    have = User.objects.filter(email__startswith="bench-applicant-").count()
    User.objects.bulk_create(
        [
            User(email=APPLICANT_EMAIL.format(number), password="!", is_active=True)
            for number in range(have, count)
        ],
        batch_size=BATCH,
    )
    return list(
        User.objects.filter(email__startswith="bench-applicant-")
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _privacy_notice():
    return PrivacyNotice.objects.filter(locale__language_code="nl").order_by("pk").first()


def _ensure_programme_workflows():
    """Every bench programme follows the workflow of the first demo programme that has one."""
    template = ProgrammeWorkflow.objects.select_related("workflow").order_by("pk").first()
    workflow = template.workflow
    programmes = list(
        ProgrammePage.objects.filter(locale__language_code="nl", slug__startswith=f"{PREFIX}-")
        .exclude(pk__in=ProgrammeWorkflow.objects.values("programme"))
        .values_list("pk", flat=True)
    )
    ProgrammeWorkflow.objects.bulk_create(
        [ProgrammeWorkflow(workflow=workflow, programme_id=pk) for pk in programmes]
    )
    return workflow.current_version()


def _ensure_cases(count):
    version = _ensure_programme_workflows()
    states = [state.key for state in version.parsed().states]
    first, second, later = states[0], states[1 % len(states)], states[2:] or states[-1:]
    programmes = list(
        ProgrammePage.objects.filter(locale__language_code="nl", slug__startswith=f"{PREFIX}-")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    applicants = _ensure_applicants(max(1, round(count * APPLICANTS_PER_APPLICATION)))
    notice = _privacy_notice()
    have = Application.objects.filter(reference__startswith="BENCH-").count()
    start = timezone.now() - datetime.timedelta(days=700)
    new = range(have, count)
    with transaction.atomic():
        Application.objects.bulk_create(
            [
                Application(
                    reference=f"BENCH-{number:06d}",
                    programme_id=programmes[number % len(programmes)],
                    applicant_id=applicants[number % len(applicants)],
                    draft_public_id=uuid.uuid4(),
                    first_name="Bench",
                    last_name=f"Aanvrager {number}",
                    email=APPLICANT_EMAIL.format(number % len(applicants)),
                    language=LANGUAGES[number % len(LANGUAGES)],
                    preferred_language=LANGUAGES[number % len(LANGUAGES)],
                    form_version="bench",
                    answers={},
                    eligible=number % 5 != 0,
                    privacy_notice=notice,
                    privacy_notice_version=notice.version if notice else "",
                    submitted_at=start + datetime.timedelta(minutes=20 * number),
                )
                for number in new
            ],
            batch_size=BATCH,
        )
        applications = list(
            Application.objects.filter(reference__startswith="BENCH-", case__isnull=True)
            .order_by("pk")
            .values_list("pk", "programme_id", "submitted_at")
        )
        Case.objects.bulk_create(
            [
                Case(
                    application_id=pk,
                    programme_id=programme,
                    workflow_version=version,
                    state=first if pk % 3 == 0 else second if pk % 3 == 1 else random.choice(later),
                    opened_at=submitted,
                    state_entered_at=submitted + datetime.timedelta(days=pk % 30),
                )
                for pk, programme, submitted in applications
            ],
            batch_size=BATCH,
        )
        cases = Case.objects.filter(
            application_id__in=[pk for pk, _programme, _submitted in applications]
        ).values_list("pk", "state", "opened_at", "state_entered_at")
        events = []
        for pk, state, opened, entered in cases.iterator(chunk_size=BATCH):
            events.append(CaseEvent(case_id=pk, to_state=first, at=opened))
            if state != first:
                events.append(
                    CaseEvent(
                        case_id=pk,
                        transition="bench",
                        from_state=first,
                        to_state=state,
                        at=entered,
                        comment="Dossier bekeken.",
                    )
                )
            if len(events) >= BATCH:
                CaseEvent.objects.bulk_create(events)
                events = []
        CaseEvent.objects.bulk_create(events)
    return len(applications)


def _ensure_certificates(count):
    have = Certificate.objects.filter(number__startswith="BENCH-").count()
    cases = list(
        Case.objects.filter(application__reference__startswith="BENCH-")
        .exclude(certificates__number__startswith="BENCH-")
        .order_by("pk")
        .values_list("pk", "programme_id", "application__applicant_id", "closed_at", "opened_at")[
            : max(0, count - have)
        ]
    )
    Certificate.objects.bulk_create(
        [
            Certificate(
                kind=Certificate.Kind.PROGRAMME,
                number=f"BENCH-{have + position:06d}",
                code=new_code(),
                recipient_id=applicant,
                recipient_name=f"Bench Aanvrager {pk}",
                subject_key=f"case:{pk}",
                programme_id=programme,
                case_id=pk,
                language=LANGUAGES[position % len(LANGUAGES)],
                template_version="bench",
                details={"programme": "Benchprogramma", "completed_on": str(opened.date())},
                issued_at=closed or opened + datetime.timedelta(days=90),
            )
            for position, (pk, programme, applicant, closed, opened) in enumerate(cases)
        ],
        batch_size=BATCH,
    )
    return len(cases)

"""`manage.py seed_bench`: the benchmark's volumes, scaled down, made once."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from forms.models import Application
from programmes.models import CafeSessionPage, PartnerPage, ProgrammePage, Registration, VacancyPage
from workflows.bench_data import LANGUAGES, PREFIX, volumes
from workflows.certificates import find_by_code
from workflows.models import Case, CaseEvent, Certificate

SCALE = 0.002


def bench_counts():
    def pages(model):
        return model.objects.filter(slug__startswith=f"{PREFIX}-").count()

    return {
        "programmes": pages(ProgrammePage),
        "partners": pages(PartnerPage),
        "sessions": pages(CafeSessionPage),
        "vacancies": pages(VacancyPage),
        "registrations": Registration.objects.filter(email__startswith=f"{PREFIX}-").count(),
        "applications": Application.objects.filter(reference__startswith="BENCH-").count(),
        "cases": Case.objects.filter(application__reference__startswith="BENCH-").count(),
        "certificates": Certificate.objects.filter(number__startswith="BENCH-").count(),
    }


def seed(scale=SCALE):
    output = StringIO()
    call_command("seed_bench", scale=scale, stdout=output)
    return output.getvalue()


def test_seed_bench_makes_the_scaled_volumes_in_three_languages(db):
    output = seed()

    expected = volumes(SCALE)
    counts = bench_counts()
    for kind in ("programmes", "partners", "sessions", "vacancies"):
        assert counts[kind] == expected[kind] * len(LANGUAGES), kind
    for kind in ("registrations", "applications", "certificates"):
        assert counts[kind] == expected[kind], kind
    assert counts["cases"] == expected["applications"]
    assert "seed_bench done in" in output


def test_every_bench_case_has_a_history(db):
    seed()

    cases = Case.objects.filter(application__reference__startswith="BENCH-")
    assert cases.exists()
    assert not cases.exclude(pk__in=CaseEvent.objects.values("case")).exists()


def test_translations_share_the_dutch_page_translation_key(db):
    seed()

    dutch = CafeSessionPage.objects.filter(
        locale__language_code="nl", slug__startswith=f"{PREFIX}-"
    ).first()
    languages = set(
        dutch.get_translations(inclusive=True).values_list("locale__language_code", flat=True)
    )
    assert languages == set(LANGUAGES)


def test_a_second_run_adds_nothing(db):
    seed()
    before = bench_counts()

    output = seed()

    assert bench_counts() == before
    assert "registrations: 0 new" in output


def test_a_larger_scale_adds_only_the_difference(db):
    seed()

    seed(scale=SCALE * 2)

    expected = volumes(SCALE * 2)
    counts = bench_counts()
    assert counts["sessions"] == expected["sessions"] * len(LANGUAGES)
    assert counts["applications"] == expected["applications"]


def test_scale_must_be_positive(db):
    with pytest.raises(CommandError, match="--scale"):
        seed(scale=0)


def test_bench_certificates_can_be_verified_by_their_code(db):
    seed()

    certificate = Certificate.objects.filter(number__startswith="BENCH-").first()
    assert find_by_code(certificate.code) == certificate

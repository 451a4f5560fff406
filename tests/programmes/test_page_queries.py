"""Public pages at scale: each needs at most 12 queries, in Dutch and in Arabic, and a
listing needs as many for a long list as for a short one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from programmes.models import (
    CafeSeriesPage,
    CafeSessionPage,
    PartnerIndexPage,
    ProgrammePage,
    VacancyIndexPage,
    VacancyLanguage,
)
from tests.programmes.cafe_factories import (
    CafeSeriesPageFactory,
    CafeSessionPageFactory,
    RegistrationFactory,
    host,
    in_days,
)
from tests.programmes.cafe_factories import PartnerPageFactory as HostPartnerFactory
from tests.programmes.programme_factories import (
    LogoFactory,
    PartnerPageFactory,
    VacancyPageFactory,
    language_requirements,
)

MAX_QUERIES = 12
# The first visit after a publish computes the menu, language links, breadcrumbs and
# route again (28 queries for an Arabic programme page in the demo).
FIRST_VISIT_MAX_QUERIES = 30
LANGUAGES = ["nl", "ar"]


@pytest.fixture(autouse=True)
def _listings_rendered_each_time(settings):
    """The listings' own queries, as the first visitor after a change pays them: the
    rendered listing is otherwise kept (cms.listing_cache, tested on its own)."""
    settings.OPSTAP_LISTING_CACHE_SECONDS = 0


def first_live(model, language, **filters):
    return (
        model.objects.live()
        .filter(locale__language_code=language, **filters)
        .order_by("path")
        .first()
    )


def public_page(kind, language):
    """One page of each kind the benchmark measures, in `language`."""
    if kind == "home":
        return Page.objects.get(depth=2, locale__language_code=language)
    if kind == "session":
        return first_live(CafeSessionPage, language, ends_at__gt=in_days(0))
    model = {
        "programme": ProgrammePage,
        "cafe sessions": CafeSeriesPage,
        "partner index": PartnerIndexPage,
        "vacancy list": VacancyIndexPage,
    }[kind]
    return first_live(model, language)


def queries_to_render(client, url, **params):
    """Queries of a visit after the first: the first fills the site-wide cache (menu,
    language links, the page at this address) that every later visitor finds."""
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "kind",
    ["home", "programme", "cafe sessions", "session", "partner index", "vacancy list"],
)
def test_a_public_page_needs_at_most_12_queries(
    client, demo, kind, language, django_assert_max_num_queries
):
    page = public_page(kind, language)
    assert page is not None, f"the demo site has no {kind} page in {language}"
    client.get(page.url)

    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(page.url)

    assert response.status_code == 200


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_first_visit_after_a_publish_fills_the_cache_in_few_queries(client, demo, language):
    """A publish anywhere renews the site-wide cache; the first visitor after it pays for
    the menu, the language links and the route, once."""
    page = public_page("programme", language)
    client.get(page.url)
    public_page("programme", "nl").specific.save_revision().publish()

    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)

    assert response.status_code == 200
    assert len(queries) <= FIRST_VISIT_MAX_QUERIES, len(queries)


# --- A long list costs what a short one costs ------------------------------------------


def test_the_cafe_sessions_list_costs_the_same_for_2_or_40_sessions(client, db):
    partners = [HostPartnerFactory(), HostPartnerFactory()]
    series = CafeSeriesPageFactory()

    def add_sessions(count):
        for number in range(count):
            session = CafeSessionPageFactory(
                parent=series,
                publish=False,
                starts_at=in_days(number % 50 + 1),
                hosts=[host(partners[0]), host(partners[1], role="coach")],
            )
            RegistrationFactory(session=session)

    add_sessions(2)
    few = queries_to_render(client, series.url)
    add_sessions(38)
    many = queries_to_render(client, series.url)
    on_page_3 = queries_to_render(client, series.url, page=3)

    assert few == many == on_page_3
    assert many <= MAX_QUERIES


# Wagtail also keeps renditions in the cache: without it, a logo's rendition would cost
# one query a partner unless the listing fetches them all at once.
WITHOUT_RENDITIONS_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}


def test_the_partner_index_costs_the_same_for_2_or_40_partners_with_logos(client, demo, settings):
    settings.CACHES = WITHOUT_RENDITIONS_CACHE
    index = public_page("partner index", "nl")

    def add_partners(count):
        for _ in range(count):
            PartnerPageFactory(parent=index, logo=LogoFactory(), publish=False)

    add_partners(2)
    few = queries_to_render(client, index.url)
    add_partners(38)
    many = queries_to_render(client, index.url)

    assert few == many
    assert many <= MAX_QUERIES


def test_the_vacancy_list_costs_the_same_for_2_or_40_vacancies(client, demo):
    index = public_page("vacancy list", "nl")
    partners = public_page("partner index", "nl")
    employers = [PartnerPageFactory(parent=partners) for _ in range(3)]

    def add_vacancies(count):
        for number in range(count):
            VacancyPageFactory(
                parent=employers[number % len(employers)],
                language_requirements=language_requirements(
                    ("nl", "b1"), ("en", "b2"), model=VacancyLanguage
                ),
            )

    add_vacancies(2)
    few = queries_to_render(client, index.url)
    add_vacancies(38)
    many = queries_to_render(client, index.url)
    on_page_2 = queries_to_render(client, index.url, page=2)

    assert few == many == on_page_2
    assert many <= MAX_QUERIES


def test_a_programme_costs_the_same_with_1_or_8_partners_and_traineeships(client, demo):
    from programmes.models import ProgrammePartner, ProgrammeTraineeshipType
    from tests.programmes.programme_factories import TraineeshipTypeFactory

    programme = public_page("programme", "nl").specific
    partners = public_page("partner index", "nl")
    arabic = Locale.objects.get(language_code="ar")
    arabic_programme = programme.get_translation(arabic)

    def add_rows(count):
        for _ in range(count):
            programme.programme_partners.add(
                ProgrammePartner(partner=PartnerPageFactory(parent=partners), role="employer")
            )
            programme.traineeship_types.add(
                ProgrammeTraineeshipType(traineeship_type=TraineeshipTypeFactory())
            )
        programme.save_revision().publish()

    add_rows(1)
    few = [
        queries_to_render(client, programme.url),
        queries_to_render(client, arabic_programme.url),
    ]
    add_rows(7)
    many = [
        queries_to_render(client, programme.url),
        queries_to_render(client, arabic_programme.url),
    ]

    assert few == many
    assert max(many) <= MAX_QUERIES

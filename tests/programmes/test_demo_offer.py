"""The demo offer: programmes, the Jumpstart Café, partners and vacancies, in every language.

tests/conftest.py loads the demo site once per test database. Dates in the demo are
relative to the day it was first loaded, so these tests compare them with the moment the
page was first published rather than with today: a reused test database stays valid.
"""

import datetime
from zoneinfo import ZoneInfo

from django.apps import apps
from django.utils import timezone
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringSegment

from cms.demo.seed import seed
from programmes.demo import content, translations
from programmes.models import CafeSessionPage, PartnerPage, TraineeshipType, VacancyPage

BRUSSELS = ZoneInfo("Europe/Brussels")

PARTNER_SLUGS = [partner["slug"] for partner in content.PARTNERS]
VACANCY_SLUGS = [
    vacancy["slug"] for partner in content.PARTNERS for vacancy in partner.get("vacancies", [])
]
OFFER_SLUGS = [
    content.PARTNER_INDEX["slug"],
    content.VACANCY_INDEX["slug"],
    content.PROGRAMME_INDEX["slug"],
    content.CAFE_SERIES["slug"],
    *PARTNER_SLUGS,
    *VACANCY_SLUGS,
    *(programme["slug"] for programme in content.PROGRAMMES),
    *(session["slug"] for session in content.CAFE_SESSIONS),
]


def seeded_on(page):
    return timezone.localdate(page.first_published_at)


def test_every_page_of_the_offer_is_translated_into_english_and_french(demo):
    problems = []
    for slug in OFFER_SLUGS:
        versions = demo.get(slug, {})
        dutch = versions.get("nl")
        if dutch is None:
            problems.append(f"{slug}: missing")
            continue
        if not dutch.live or dutch.live_revision_id is None:
            problems.append(f"{slug}: not published")
        for language in ("en", "fr"):
            translation = versions.get(language)
            if translation is None or translation.alias_of_id is not None:
                problems.append(f"{slug}: no {language} translation")
            elif not translation.live:
                problems.append(f"{slug}: {language} translation not live")
        for language in ("ar", "uk"):
            alias = versions.get(language)
            if alias is None or alias.alias_of_id != dutch.pk:
                problems.append(f"{slug}: no {language} alias of the Dutch page")
    assert problems == []


def test_titles_and_slugs_are_translated(demo):
    assert (demo["programmas"]["en"].title, demo["programmas"]["en"].slug) == (
        "Programmes",
        "programmes",
    )
    assert demo["partners"]["fr"].slug == "partenaires"
    assert demo["stad-leuven"]["fr"].title == "Ville de Louvain"
    assert demo["magazijnmedewerker"]["en"].slug == "warehouse-operative"
    assert demo["arbeidsmarkt-in-belgie"]["fr"].slug == "marche-du-travail-en-belgique"


def test_overview_pages_are_in_the_menu(demo):
    for slug in ("programmas", "jumpstart-cafe", "partners", "vacatures"):
        for language in ("nl", "en", "fr"):
            assert demo[slug][language].show_in_menus, (slug, language)


def test_traineeship_types_carry_the_flemish_durations_in_three_languages(db):
    dutch = Locale.objects.get(language_code="nl")
    types = {
        kind.abbreviation or kind.name: kind
        for kind in TraineeshipType.objects.filter(locale=dutch)
    }
    assert set(types) == {"IBO", "BIS", "Kennismakingsstage", "Korte opleiding met stage"}

    def rules(key):
        kind = types[key]
        return (kind.min_duration_days, kind.max_duration_days, kind.employment_after, kind.paid)

    assert rules("IBO") == (28, 182, True, True)
    assert rules("BIS") == (28, 182, False, True)
    assert rules("Kennismakingsstage") == (1, 30, False, False)
    assert rules("Korte opleiding met stage") == (1, 5, False, False)

    for kind in types.values():
        for language in ("en", "fr"):
            translation = kind.get_translation(Locale.objects.get(language_code=language))
            assert translation.name != kind.name
            assert translation.max_duration_days == kind.max_duration_days


def test_level2work_rules_figures_and_open_window(demo):
    page = demo["level2work"]["nl"]

    assert page.max_years_in_belgium == 5
    assert page.origin_rule == "outside_eu"
    assert page.min_eqf_level == 6
    assert page.diploma_recognition_required is False
    assert page.eligibility_rules().min_language_levels == ()

    kinds = {
        row.traineeship_type.abbreviation or row.traineeship_type.name
        for row in page.traineeship_types.select_related("traineeship_type")
    }
    assert kinds == {"BIS", "IBO", "Kennismakingsstage"}
    roles = {row.partner.slug: row.role for row in page.programme_partners.all()}
    assert roles["vdab"] == "coordinator"
    assert {"agentschap-integratie-inburgering", "international-house-leuven", "cvo-leuven"} <= set(
        roles
    )
    figures = [block.value["value"] for block in page.key_figures]
    assert figures == ["1.175", "110", "bijna 40%", "38,9%"]
    assert len(page.pathway) >= 4 and len(page.faq) >= 2

    day = seeded_on(page)
    assert page.applications_open_on < day
    assert 80 <= (page.applications_close_on - day).days <= 100
    assert page.applications_open(today=day)

    english = demo["level2work"]["en"]
    assert english.eligibility_rules() == page.eligibility_rules()
    assert english.key_figures[0].value["value"] == "1,175"


def test_level_at_work_asks_for_dutch_and_its_window_has_closed(demo):
    page = demo["level-at-work"]["nl"]

    assert [(row.language, row.min_level) for row in page.language_requirements.all()] == [
        ("nl", "a2")
    ]
    assert page.eligibility_rules().min_language_levels == (("nl", "a2"),)
    assert (page.max_years_in_belgium, page.origin_rule, page.min_eqf_level) == (
        5,
        "outside_eu",
        6,
    )
    assert [block.value["title"] for block in page.pathway][:3] == [
        "Aanmelding",
        "Screening",
        "Je programma",
    ]
    assert len(page.pathway) == 6
    assert page.traineeship_types.count() == 3

    day = seeded_on(page)
    assert page.applications_close_on < day
    assert 20 <= (day - page.applications_close_on).days <= 40
    assert not page.applications_open(today=day)
    assert demo["level-at-work"]["fr"].language_requirements.get().min_level == "a2"


def test_jobroad_has_no_conditions_a_rolling_window_and_blind_hiring_employers(demo):
    page = demo["jobroad-matchmaking"]["nl"]

    assert page.origin_rule == "any"
    assert not page.has_eligibility_rules
    assert page.applications_open_on is None and page.applications_close_on is None
    assert page.applications_open(today=datetime.date(2040, 1, 1))
    assert [block.value["title"] for block in page.pathway][:3] == [
        "Kickstart",
        "Screening- en matchingdag",
        "Projectweek",
    ]

    partners = [row.partner for row in page.programme_partners.select_related("partner")]
    types = {partner.organisation_type for partner in partners}
    assert {"non_profit", "social_service", "employment_service", "temp_agency", "employer"} <= (
        types
    )
    assert {"jobroad", "ocmw-leuven", "vdab"} <= {partner.slug for partner in partners}

    employers = [partner for partner in partners if partner.organisation_type == "employer"]
    assert len(employers) >= 2
    jobroad_vacancies = set()
    for employer in employers:
        vacancies = VacancyPage.objects.child_of(employer)
        assert vacancies.exists(), employer.title
        assert all(vacancy.blind_hiring for vacancy in vacancies), employer.title
        jobroad_vacancies |= {vacancy.pk for vacancy in vacancies}
    # The employers outside JobRoad make no such commitment.
    others = VacancyPage.objects.filter(locale=page.locale).exclude(pk__in=jobroad_vacancies)
    assert others.exists() and not others.filter(blind_hiring=True).exists()

    # Translations keep the commitment: it is not a text to translate.
    translated = demo["magazijnmedewerker"]["fr"]
    assert translated.blind_hiring and translated.get_parent().slug == "karrewiel-logistiek"


def test_partners_real_and_invented(demo):
    partners = {slug: demo[slug]["nl"] for slug in PARTNER_SLUGS}

    assert partners["vdab"].organisation_type == "employment_service"
    assert partners["ocmw-leuven"].organisation_type == "social_service"
    assert partners["cvo-leuven"].organisation_type == "language_school"
    assert partners["talent-interlock"].organisation_type == "coaching"
    assert partners["stad-leuven"].organisation_type == "city"
    employers = [page for page in partners.values() if page.organisation_type == "employer"]
    assert len(employers) == 6
    for page in partners.values():
        assert page.summary and page.description, page.slug
        invented = page.organisation_type in ("employer", "temp_agency")
        # Real organisations get no guessed web address; invented ones a placeholder.
        assert page.website.startswith("https://example.org/") == invented, page.slug
        assert (page.website == "") == (not invented), page.slug


def test_vacancies_have_levels_languages_and_one_is_closed(demo):
    vacancies = [demo[slug]["nl"] for slug in VACANCY_SLUGS]

    assert [vacancy.slug for vacancy in vacancies if not vacancy.is_open] == ["bim-tekenaar"]
    for vacancy in vacancies:
        assert vacancy.eqf_level and vacancy.location and vacancy.hours_per_week, vacancy.slug
        assert vacancy.language_requirements.exists(), vacancy.slug
        assert vacancy.get_parent().specific.organisation_type == "employer"
    engineer = demo["projectingenieur-infrastructuur"]["nl"]
    assert [(row.language, row.min_level) for row in engineer.language_requirements.all()] == [
        ("en", "b2"),
        ("nl", "a2"),
    ]
    assert demo["zorgkundige-thuiszorg"]["fr"].location == "Louvain"


def test_cafe_has_past_sessions_with_resources_and_upcoming_ones_to_register_for(demo):
    series = demo["jumpstart-cafe"]["nl"]
    seeded_at = series.first_published_at
    sessions = list(CafeSessionPage.objects.child_of(series))
    past = [session for session in sessions if session.ends_at <= seeded_at]
    upcoming = [session for session in sessions if session.starts_at > seeded_at]

    assert len(past) == 3 and len(upcoming) == 4
    for session in past:
        assert {"link", "note"} <= {block.block_type for block in session.resources}
    assert {session.format for session in upcoming} == {"in_person", "online", "hybrid"}
    assert any(session.capacity == 2 for session in upcoming)
    assert {session.session_language for session in sessions} == {"en", "nl"}

    for session in sessions:
        session.full_clean()  # a venue for in-person sessions, a link for online ones
        if session.is_in_person:
            assert session.venue_name == "International House Leuven"
            assert session.venue_address
        if session.is_online:
            assert session.online_link.startswith("https://meet.example.org/jumpstart-")
        start, end = session.starts_at.astimezone(BRUSSELS), session.ends_at.astimezone(BRUSSELS)
        assert (start.time(), end.time()) == (datetime.time(18, 30), datetime.time(20, 30))
        assert start.weekday() in content.CAFE_WEEKDAYS
        hosts = {(host.partner.slug, host.role) for host in session.hosts.all()}
        assert hosts == {("international-house-leuven", "host"), ("talent-interlock", "coach")}
        assert all(host.partner.locale.language_code == "nl" for host in session.hosts.all())
    for session in upcoming:
        assert session.registration_is_open(now=seeded_at), session.slug


def test_session_resources_are_translated(demo):
    english = demo["arbeidsmarkt-in-belgie"]["en"]
    link = next(block for block in english.resources if block.block_type == "link")
    assert link.value["title"] == "Vacancies at VDAB"
    assert link.value["url"] == "https://www.vdab.be/"
    french = demo["cv-en-sollicitatiebrief"]["fr"]
    note = next(block for block in french.resources if block.block_type == "note")
    assert "deux pages suffisent" in note.value.source
    assert french.online_link == demo["cv-en-sollicitatiebrief"]["nl"].online_link


def test_partner_pages_are_children_of_the_partner_index(demo):
    index = demo["partners"]["nl"]
    assert set(PartnerPage.objects.child_of(index).values_list("slug", flat=True)) == set(
        PARTNER_SLUGS
    )
    assert Page.objects.get(pk=index.pk).get_parent().pk == demo["home"]["nl"].pk


def test_every_translation_has_its_dutch_string_in_the_demo(db):
    """A Dutch text changed in content.py but not in translations.py stops the seed; this
    catches the opposite, a translation left behind for a text that no longer exists."""
    exported = set(
        StringSegment.objects.filter(source__locale__language_code="nl").values_list(
            "string__data", flat=True
        )
    )
    assert [dutch for dutch in translations.TRANSLATIONS["en"] if dutch not in exported] == []


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_a_second_run_changes_no_row_and_adds_no_revision(db):
    before = row_counts()
    latest_revision = Revision.objects.order_by("-pk").values_list("pk", flat=True).first()

    seed(site_hostname="testserver", site_port=80)

    assert row_counts() == before
    assert Revision.objects.order_by("-pk").values_list("pk", flat=True).first() == latest_revision

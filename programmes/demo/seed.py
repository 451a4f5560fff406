"""Load the offer's demo content: traineeship types, partners and their vacancies,
programmes, the Jumpstart Café with past and upcoming sessions, and the contact desk's
agenda (its moderators may keep it and the appointments).

`cms.demo.seed.seed()` calls `seed(home, locales)` after the cms pages and before it
mirrors the Dutch tree into the languages without a translation. Every step looks
before it writes, so a second run changes nothing; dates are relative to the first run.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from cms.demo.seed import ensure_translation
from programmes.demo import content
from programmes.demo.translations import TRANSLATIONS
from programmes.models import (
    AppointmentSchedule,
    CafeSeriesPage,
    CafeSessionPage,
    PartnerIndexPage,
    PartnerPage,
    ProgrammeIndexPage,
    ProgrammeLanguageRequirement,
    ProgrammePage,
    ProgrammePartner,
    ProgrammeTraineeshipType,
    ScheduleException,
    SessionHost,
    TraineeshipType,
    VacancyIndexPage,
    VacancyLanguage,
    VacancyPage,
    WeeklyOpening,
)

# The languages the demo offer is translated into; the others get aliases of the Dutch.
TRANSLATED_LANGUAGES = ["en", "fr"]


def seed(home, locales, create_logins=True):
    today = timezone.localdate()
    traineeship_types = ensure_traineeship_types(home.locale)

    partner_index = ensure_index_page(home, PartnerIndexPage, content.PARTNER_INDEX)
    partners, vacancies = {}, []
    for spec in content.PARTNERS:
        partner = ensure_partner(partner_index, spec)
        partners[spec["slug"]] = partner
        for vacancy_spec in spec.get("vacancies", []):
            vacancies.append(ensure_vacancy(partner, vacancy_spec, spec.get("jobroad", False)))
    vacancy_index = ensure_index_page(home, VacancyIndexPage, content.VACANCY_INDEX)

    programme_index = ensure_index_page(home, ProgrammeIndexPage, content.PROGRAMME_INDEX)
    programmes = [
        ensure_programme(programme_index, spec, traineeship_types, partners, today)
        for spec in content.PROGRAMMES
    ]

    cafe = ensure_cafe_series(home, content.CAFE_SERIES)
    sessions = [ensure_cafe_session(cafe, spec, partners, today) for spec in content.CAFE_SESSIONS]

    # Snippets before the pages that choose them, parents before their children.
    ensure_appointment_schedule(today)
    ensure_desk_permissions()

    for instance in [
        *traineeship_types.values(),
        partner_index,
        *partners.values(),
        *vacancies,
        vacancy_index,
        programme_index,
        *programmes,
        cafe,
        *sessions,
    ]:
        for language in TRANSLATED_LANGUAGES:
            if language in locales:
                ensure_translation(instance, locales[language], TRANSLATIONS)


def ensure_traineeship_types(source_locale):
    """The Dutch traineeship types, found by abbreviation (or by name, for those without)."""
    types = {}
    for key, spec in content.TRAINEESHIP_TYPES.items():
        existing = TraineeshipType.objects.filter(locale=source_locale)
        if spec["abbreviation"]:
            existing = existing.filter(abbreviation=spec["abbreviation"])
        else:
            existing = existing.filter(name=spec["name"])
        traineeship_type = existing.first()
        if traineeship_type is None:
            traineeship_type = TraineeshipType(locale=source_locale, **spec)
            traineeship_type.full_clean()
            traineeship_type.save()
        types[key] = traineeship_type
    return types


def _add_and_publish(parent, page):
    page.locale = parent.locale
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _rich_text(paragraphs):
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def ensure_index_page(home, model, spec):
    """An overview page; there is one of each type under the home page."""
    page = model.objects.child_of(home).first()
    if page is None:
        page = _add_and_publish(
            home,
            model(title=spec["title"], slug=spec["slug"], intro=spec["intro"], show_in_menus=True),
        )
    return page


def ensure_partner(partner_index, spec):
    page = PartnerPage.objects.child_of(partner_index).filter(slug=spec["slug"]).first()
    if page is None:
        page = _add_and_publish(
            partner_index,
            PartnerPage(
                title=spec["title"],
                slug=spec["slug"],
                organisation_type=spec["type"],
                website=spec.get("website", ""),
                summary=spec["summary"],
                description=_rich_text(spec["description"]),
            ),
        )
    return page


def ensure_vacancy(employer, spec, blind_hiring):
    page = VacancyPage.objects.child_of(employer).filter(slug=spec["slug"]).first()
    if page is None:
        page = VacancyPage(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            description=_rich_text(spec["description"]),
            eqf_level=spec["eqf_level"],
            location=spec["location"],
            working_time=spec["working_time"],
            hours_per_week=spec["hours_per_week"],
            blind_hiring=blind_hiring,
            is_open=spec.get("is_open", True),
        )
        page.language_requirements = [
            VacancyLanguage(language=language, min_level=level, sort_order=position)
            for position, (language, level) in enumerate(spec["languages"])
        ]
        _add_and_publish(employer, page)
    return page


def _day(today, offset):
    return None if offset is None else today + datetime.timedelta(days=offset)


def ensure_programme(programme_index, spec, traineeship_types, partners, today):
    page = ProgrammePage.objects.child_of(programme_index).filter(slug=spec["slug"]).first()
    if page is None:
        opens, closes = spec["window"]
        page = ProgrammePage(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            audience=_rich_text(spec["audience"]),
            **spec["rules"],
            **spec["intake"],
            pathway=[
                ("step", {"title": title, "description": description})
                for title, description in spec["pathway"]
            ],
            key_figures=[
                ("figure", {"value": value, "label": label}) for value, label in spec["key_figures"]
            ],
            faq=[
                ("question", {"question": question, "answer": _rich_text([answer])})
                for question, answer in spec["faq"]
            ],
            applications_open_on=_day(today, opens),
            applications_close_on=_day(today, closes),
        )
        page.language_requirements = [
            ProgrammeLanguageRequirement(language=language, min_level=level, sort_order=position)
            for position, (language, level) in enumerate(spec["languages"])
        ]
        page.traineeship_types = [
            ProgrammeTraineeshipType(traineeship_type=traineeship_types[key], sort_order=position)
            for position, key in enumerate(spec["traineeships"])
        ]
        page.programme_partners = [
            ProgrammePartner(partner=partners[slug], role=role, sort_order=position)
            for position, (slug, role) in enumerate(spec["partners"])
        ]
        _add_and_publish(programme_index, page)
    return page


def ensure_cafe_series(home, spec):
    page = CafeSeriesPage.objects.child_of(home).filter(slug=spec["slug"]).first()
    if page is None:
        page = _add_and_publish(
            home,
            CafeSeriesPage(
                title=spec["title"],
                slug=spec["slug"],
                intro=spec["intro"],
                body=spec["body"],
                certificate_after_sessions=spec["certificate_after_sessions"],
                certificate_signatory=spec["certificate_signatory"],
                certificate_signatory_role=spec["certificate_signatory_role"],
                show_in_menus=True,
            ),
        )
    return page


def _cafe_day(today, offset):
    day = _day(today, offset)
    while day.weekday() not in content.CAFE_WEEKDAYS:
        day += datetime.timedelta(days=1)
    return day


def _session_time(day, clock):
    hour, minute = (int(part) for part in clock.split(":"))
    return datetime.datetime.combine(
        day, datetime.time(hour, minute), tzinfo=ZoneInfo(content.CAFE_TIME_ZONE)
    )


def ensure_cafe_session(cafe, spec, partners, today):
    page = CafeSessionPage.objects.child_of(cafe).filter(slug=spec["slug"]).first()
    if page is None:
        day = _cafe_day(today, spec["day"])
        starts_at = _session_time(day, content.CAFE_STARTS)
        in_person = spec["format"] in ("in_person", "hybrid")
        page = CafeSessionPage(
            title=spec["title"],
            slug=spec["slug"],
            topic=spec["topic"],
            intro=spec["intro"],
            body=_rich_text(spec["body"]),
            starts_at=starts_at,
            ends_at=_session_time(day, content.CAFE_ENDS),
            format=spec["format"],
            venue_name=content.CAFE_VENUE["venue_name"] if in_person else "",
            venue_address=content.CAFE_VENUE["venue_address"] if in_person else "",
            online_link=spec.get("online_link", ""),
            capacity=spec["capacity"],
            registration_opens_at=starts_at
            - datetime.timedelta(days=content.REGISTRATION_OPENS_DAYS_BEFORE),
            session_language=spec["language"],
            resources=spec.get("resources", []),
        )
        page.hosts = [
            SessionHost(partner=partners[slug], role=role, sort_order=position)
            for position, (slug, role) in enumerate(content.CAFE_HOSTS)
        ]
        _add_and_publish(cafe, page)
    return page


def ensure_appointment_schedule(today):
    """The contact desk's agenda: a weekly pattern and one closed day, made once (found
    by name); staff change it in the admin afterwards."""
    spec = content.APPOINTMENT_SCHEDULE
    schedule = AppointmentSchedule.objects.filter(name=spec["name"]).first()
    if schedule is not None:
        return schedule
    schedule = AppointmentSchedule.objects.create(
        name=spec["name"],
        is_published=True,
        slot_minutes=spec["slot_minutes"],
        booking_horizon_days=spec["booking_horizon_days"],
        minimum_notice_hours=spec["minimum_notice_hours"],
    )
    for order, (weekday, opens, closes, desks, languages) in enumerate(spec["weekly"]):
        WeeklyOpening.objects.create(
            schedule=schedule,
            sort_order=order,
            weekday=weekday,
            opens=datetime.time.fromisoformat(opens),
            closes=datetime.time.fromisoformat(closes),
            desks=desks,
            languages=languages,
        )
    closed = spec["closed_day"]
    ScheduleException.objects.create(
        schedule=schedule,
        date=today + datetime.timedelta(days=closed["in_days"]),
        kind=ScheduleException.Kind.CLOSED,
        note=closed["note"],
    )
    return schedule


# The contact desk's staff: the demo's moderators "edit the contact desk".
DESK_PERMISSIONS = [
    "view_appointment",
    "change_appointment",
    "add_appointmentschedule",
    "change_appointmentschedule",
    "delete_appointmentschedule",
]


def ensure_desk_permissions():
    from django.contrib.auth.models import Group, Permission

    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is not None:
        moderators.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="programmes", codename__in=DESK_PERMISSIONS
            )
        )

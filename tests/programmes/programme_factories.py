"""Pages of the offer for tests: programmes, partners, vacancies, cafés, built under the
demo site's Dutch home page and published, as an editor would."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Collection, Locale, Page

from cms.settings.languages import SOURCE_LANGUAGE
from programmes.choices import CEFRLevel, OrganisationType, OriginRule
from programmes.models import (
    CafeSeriesPage,
    PartnerIndexPage,
    PartnerPage,
    ProgrammeIndexPage,
    ProgrammeLanguageRequirement,
    ProgrammePage,
    ProgrammePartner,
    ProgrammeTraineeshipType,
    TraineeshipType,
    VacancyIndexPage,
    VacancyLanguage,
    VacancyPage,
)


def dutch_home():
    return Page.objects.get(depth=2, locale__language_code=SOURCE_LANGUAGE).specific


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page added under `parent` and published; `publish=False` leaves it a draft."""

    class Meta:
        abstract = True

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        if create and extracted is not False:
            page.save_revision().publish()


class ProgrammeIndexPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Programma's {n}")
    intro = "Alle programma's op een rij."

    class Meta:
        model = ProgrammeIndexPage


class ProgrammePageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Level Up {n}")
    summary = "Begeleiding naar werk op je niveau voor hoogopgeleide nieuwkomers."
    audience = "<p>Voor nieuwkomers met een diploma hoger onderwijs.</p>"

    class Meta:
        model = ProgrammePage


class PartnerIndexPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Partners {n}")

    class Meta:
        model = PartnerIndexPage


class PartnerPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Organisatie {n:03d}")
    organisation_type = OrganisationType.EMPLOYER
    summary = "Een organisatie die nieuwkomers kansen geeft."
    description = "<p>We werken al jaren met nieuwkomers.</p>"
    website = "https://partner.example/"

    class Meta:
        model = PartnerPage


class VacancyIndexPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Vacatures {n}")

    class Meta:
        model = VacancyIndexPage


class VacancyPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Data-analist {n:03d}")
    summary = "Je analyseert gegevens voor ons team."
    description = "<p>Je werkt in een klein team.</p>"
    eqf_level = 6
    location = "Leuven"
    hours_per_week = 38

    class Meta:
        model = VacancyPage


class CafeSeriesPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Jumpstart Café {n}")
    intro = "Leer werkgevers kennen in een ontspannen sfeer."

    class Meta:
        model = CafeSeriesPage


class TraineeshipTypeFactory(factory.django.DjangoModelFactory):
    name = "Individuele beroepsopleiding"
    abbreviation = "IBO"
    min_duration_days = 28
    max_duration_days = 182
    employment_after = True
    paid = True

    class Meta:
        model = TraineeshipType


class LogoFactory(wagtail_factories.ImageFactory):
    title = "Logo"
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=120, height=60, color="teal")


def language_requirements(*pairs, model=ProgrammeLanguageRequirement):
    """Unsaved requirement rows for a page's child relation: ("nl", "b1"), ..."""
    return [model(language=language, min_level=level) for language, level in pairs]


def level2work_programme(parent, **overrides):
    """A programme with every kind of rule, after @level2work: at most 5 years in
    Belgium, from outside the EU, a bachelor (recognised or not), Dutch at A2."""
    fields = {
        "max_years_in_belgium": 5,
        "origin_rule": OriginRule.OUTSIDE_EU,
        "min_eqf_level": 6,
        "diploma_recognition_required": False,
        "language_requirements": language_requirements(("nl", CEFRLevel.A2)),
    }
    fields.update(overrides)
    return ProgrammePageFactory(parent=parent, **fields)


def translate_everywhere(*pages):
    """Every other language gets the pages as aliases of the Dutch ones, as wagtail-localize
    does for a page not yet translated; the parents come along."""
    for page in pages:
        for locale in Locale.objects.exclude(language_code=SOURCE_LANGUAGE):
            if page.get_translation_or_none(locale) is None:
                page.copy_for_translation(locale, copy_parents=True, alias=True)


def offer_site(*, window=None, translated=True):
    """One of each public page of the offer, in Dutch, with aliases in every language
    unless `translated` is False (quicker, for tests that read Dutch only)."""
    home = dutch_home()
    traineeship = TraineeshipTypeFactory()
    programme_index = ProgrammeIndexPageFactory(parent=home)
    partner_index = PartnerIndexPageFactory(parent=home)
    vacancy_index = VacancyIndexPageFactory(parent=home)
    employer = PartnerPageFactory(parent=partner_index, title="Technopolis Leuven")
    coach = PartnerPageFactory(
        parent=partner_index, title="Coachhuis", organisation_type=OrganisationType.COACHING
    )
    today = datetime.date.today()
    opens, closes = window or (
        today - datetime.timedelta(days=10),
        today + datetime.timedelta(days=30),
    )
    programme = level2work_programme(
        programme_index,
        title="Level2Work Leuven",
        applications_open_on=opens,
        applications_close_on=closes,
        pathway=[
            ("step", {"title": "Kennismaking", "description": "We leren je kennen."}),
            ("step", {"title": "Screening", "description": "We kijken wat je kunt."}),
            ("step", {"title": "Stage", "description": "Je werkt mee bij een werkgever."}),
        ],
        key_figures=[("figure", {"value": "1.175", "label": "deelnemers"})],
        faq=[
            (
                "question",
                {"question": "Moet ik Nederlands spreken?", "answer": "<p>Een beetje.</p>"},
            )
        ],
        traineeship_types=[ProgrammeTraineeshipType(traineeship_type=traineeship)],
        programme_partners=[
            ProgrammePartner(partner=coach, role=ProgrammePartner.Role.COACHING),
            ProgrammePartner(partner=employer, role=ProgrammePartner.Role.EMPLOYER),
        ],
    )
    vacancy = VacancyPageFactory(
        parent=employer,
        title="Data-analist",
        blind_hiring=True,
        language_requirements=language_requirements(("nl", "b1"), model=VacancyLanguage),
    )
    if translated:
        translate_everywhere(programme, employer, coach, vacancy, vacancy_index)
    return {
        "home": home,
        "programme_index": programme_index,
        "programme": programme,
        "partner_index": partner_index,
        "employer": employer,
        "coach": coach,
        "vacancy_index": vacancy_index,
        "vacancy": vacancy,
        "traineeship": traineeship,
    }


def in_language(page, language):
    """The version of `page` readers of `language` see: translation or alias."""
    return page.get_translation(Locale.objects.get(language_code=language)).specific

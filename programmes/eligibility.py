"""The eligibility rules of a programme, and the one pure function that applies them.

The public "Am I eligible?" check and the application wizard both call `evaluate`; it
reads no database and stores nothing. Each rule answers met, missed or unknown (the
person did not say), with a plain-language explanation.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from programmes.choices import CEFRLevel, OriginRule, ProgrammeLanguage

# ISO 3166-1 alpha-2. Greece is "GR" in ISO (the EU's own "EL" is not used here).
EU_COUNTRIES = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    ]
)
EEA_ONLY_COUNTRIES = frozenset({"IS", "LI", "NO"})
EU_EEA_CH_COUNTRIES = EU_COUNTRIES | EEA_ONLY_COUNTRIES | {"CH"}

MET, MISSED, UNKNOWN = "met", "missed", "unknown"


@dataclass(frozen=True)
class Rules:
    """A programme's conditions; None means the programme sets no such condition."""

    max_years_in_belgium: int | None = None
    origin_rule: str = OriginRule.ANY
    min_eqf_level: int | None = None
    diploma_recognition_required: bool = False
    min_language_levels: tuple[tuple[str, str], ...] = ()  # (language, CEFR level)


@dataclass(frozen=True)
class Facts:
    """What a person tells about themselves; None or empty means "not said"."""

    first_registration_in_belgium: datetime.date | None = None
    nationalities: tuple[str, ...] = ()
    country_of_origin: str | None = None
    eqf_level: int | None = None
    diploma_recognised: bool | None = None
    language_levels: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RuleOutcome:
    rule: str
    status: str  # MET, MISSED or UNKNOWN
    explanation: str

    @property
    def met(self):
        return self.status == MET

    @property
    def missed(self):
        return self.status == MISSED


@dataclass(frozen=True)
class Verdict:
    outcomes: tuple[RuleOutcome, ...]

    @property
    def eligible(self):
        """True when every rule is met; False when one is missed; None when unsure."""
        if any(outcome.missed for outcome in self.outcomes):
            return False
        if any(outcome.status == UNKNOWN for outcome in self.outcomes):
            return None
        return True

    @property
    def missed(self):
        return [outcome for outcome in self.outcomes if outcome.missed]


def evaluate(rules, facts, today):
    """Apply `rules` to `facts` on the day `today`; one outcome per condition set."""
    outcomes = []
    if rules.max_years_in_belgium is not None:
        outcomes.append(_years_in_belgium(rules.max_years_in_belgium, facts, today))
    if rules.origin_rule != OriginRule.ANY:
        outcomes.append(_origin(rules.origin_rule, facts))
    if rules.min_eqf_level is not None:
        outcomes.append(_education(rules, facts))
    for language, level in rules.min_language_levels:
        outcomes.append(_language(language, level, facts))
    return Verdict(tuple(outcomes))


def add_years(day, years):
    """The same day `years` later; 29 February becomes 28 February in other years."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _years_in_belgium(max_years, facts, today):
    registered = facts.first_registration_in_belgium
    if registered is None:
        return RuleOutcome(
            "years_in_belgium",
            UNKNOWN,
            ngettext_lazy(
                "Je kunt meedoen als je je hoogstens %(years)d jaar geleden voor het eerst "
                "in België inschreef. Geef de datum op om het zeker te weten.",
                "Je kunt meedoen als je je hoogstens %(years)d jaar geleden voor het eerst "
                "in België inschreef. Geef de datum op om het zeker te weten.",
                max_years,
            )
            % {"years": max_years},
        )
    if registered > today:
        return RuleOutcome(
            "years_in_belgium",
            UNKNOWN,
            _(
                "De datum van je eerste inschrijving in België ligt in de toekomst. "
                "Kijk de datum na."
            ),
        )
    deadline = add_years(registered, max_years)
    if today <= deadline:
        return RuleOutcome(
            "years_in_belgium",
            MET,
            ngettext_lazy(
                "Je schreef je hoogstens %(years)d jaar geleden voor het eerst in België in.",
                "Je schreef je hoogstens %(years)d jaar geleden voor het eerst in België in.",
                max_years,
            )
            % {"years": max_years},
        )
    return RuleOutcome(
        "years_in_belgium",
        MISSED,
        ngettext_lazy(
            "Dit programma is voor wie zich hoogstens %(years)d jaar geleden voor het "
            "eerst in België inschreef. Bij jou is dat langer geleden.",
            "Dit programma is voor wie zich hoogstens %(years)d jaar geleden voor het "
            "eerst in België inschreef. Bij jou is dat langer geleden.",
            max_years,
        )
        % {"years": max_years},
    )


def _origin(origin_rule, facts):
    excluded = EU_COUNTRIES if origin_rule == OriginRule.OUTSIDE_EU else EU_EEA_CH_COUNTRIES
    area = (
        _("de Europese Unie")
        if origin_rule == OriginRule.OUTSIDE_EU
        else _("de Europese Unie, de Europese Economische Ruimte of Zwitserland")
    )
    said = set(facts.nationalities) | ({facts.country_of_origin} - {None, ""})
    if not said:
        return RuleOutcome(
            "origin",
            UNKNOWN,
            _(
                "Dit programma is voor mensen van buiten %(area)s. Geef je nationaliteit en "
                "je land van herkomst op om het zeker te weten."
            )
            % {"area": area},
        )
    if said & excluded:
        return RuleOutcome(
            "origin",
            MISSED,
            _(
                "Dit programma is voor mensen van buiten %(area)s. Je nationaliteit of je "
                "land van herkomst hoort daarbij."
            )
            % {"area": area},
        )
    return RuleOutcome("origin", MET, _("Je komt van buiten %(area)s.") % {"area": area})


def _education(rules, facts):
    if facts.eqf_level is None:
        return RuleOutcome(
            "education",
            UNKNOWN,
            _("Geef je hoogste diploma op om te weten of het hoog genoeg is."),
        )
    if facts.eqf_level < rules.min_eqf_level:
        return RuleOutcome(
            "education",
            MISSED,
            _(
                "Dit programma vraagt een diploma van minstens niveau %(level)d (6 is een "
                "bachelor). Je hoogste diploma is niveau %(yours)d."
            )
            % {"level": rules.min_eqf_level, "yours": facts.eqf_level},
        )
    if rules.diploma_recognition_required and not facts.diploma_recognised:
        status = MISSED if facts.diploma_recognised is False else UNKNOWN
        return RuleOutcome(
            "education",
            status,
            _(
                "Dit programma vraagt een diploma dat in België erkend is (door NARIC). Je "
                "kunt eerst erkenning aanvragen."
            ),
        )
    if rules.diploma_recognition_required:
        return RuleOutcome("education", MET, _("Je diploma is hoog genoeg en in België erkend."))
    return RuleOutcome(
        "education",
        MET,
        _("Je diploma is hoog genoeg. Het hoeft niet erkend te zijn in België."),
    )


def _language(language, level, facts):
    language_name = (
        ProgrammeLanguage(language).label if language in ProgrammeLanguage.values else language
    )
    level_name = CEFRLevel(level).label if level == CEFRLevel.PRE_A1 else level.upper()
    values = {"language": language_name, "level": level_name}
    yours = facts.language_levels.get(language)
    if not yours:
        return RuleOutcome(
            f"language_{language}",
            UNKNOWN,
            _(
                "Dit programma vraagt %(language)s op niveau %(level)s of hoger. Geef je "
                "niveau op om het zeker te weten."
            )
            % values,
        )
    if CEFRLevel.rank(yours) < CEFRLevel.rank(level):
        return RuleOutcome(
            f"language_{language}",
            MISSED,
            _(
                "Dit programma vraagt %(language)s op niveau %(level)s of hoger. Met een "
                "taalcursus kun je dat niveau halen."
            )
            % values,
        )
    return RuleOutcome(
        f"language_{language}",
        MET,
        _("Je %(language)s is op niveau %(level)s of hoger.") % values,
    )

"""The steps of the application wizard: one small form per step, and the answers as facts.

Each step form knows its programme and the day through a `StepContext`, gives its
answers as JSON (`answers()`) to be stored with FORM_VERSION, and its answers as
readable rows (`summary()`) for the "Check your answers" page. `facts_from_answers`
turns the stored answers into `programmes.eligibility.Facts`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from django import forms
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.template.defaultfilters import filesizeformat
from django.utils import formats, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cms.forms import (
    DayMonthYearField,
    EmailAddressField,
    FixedChoices,
    HoneypotMixin,
    LongListSelect,
    PublicFormMixin,
)
from forms.uploads import UploadField, max_upload_mb
from programmes.choices import CEFRLevel, EQFLevel, ProgrammeLanguage
from programmes.eligibility import Facts
from programmes.eligibility_forms import (
    NO,
    NO_DIPLOMA,
    NOT_YET,
    STATELESS,
    UNKNOWN,
    YES,
    _country_choices,
    eqf_level_from_answer,
)

if TYPE_CHECKING:
    from programmes.models import ProgrammePage

# Stored with every application's answers; change it when a question changes meaning.
FORM_VERSION = "2026-11"

BELGIUM = "BE"
NOT_ANSWERED = _("Niet ingevuld")
CHOOSE_FROM_LIST = _("Kies een van de antwoorden in de lijst.")
TOO_LONG = _("Je antwoord is te lang. Maak het korter: hoogstens %(limit_value)d tekens.")
PHONE_EXAMPLE = "+32 470 12 34 56"


@dataclass(frozen=True)
class StepContext:
    """What every step form needs to know besides the answers."""

    programme: ProgrammePage
    privacy_notice: object | None  # forms.models.PrivacyNotice
    today: datetime.date
    language: str


# --- Field helpers -----------------------------------------------------------------------


class TelephoneInput(forms.TextInput):
    input_type = "tel"


def _text(label, required_message, *, required=True, max_length=150, **kwargs):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        error_messages={"required": required_message, "max_length": TOO_LONG},
        **kwargs,
    )


def _radio(label, choices, required_message, *, required=True, **kwargs):
    return forms.ChoiceField(
        label=label,
        choices=FixedChoices(choices),
        required=required,
        widget=forms.RadioSelect,
        error_messages={"required": required_message, "invalid_choice": CHOOSE_FROM_LIST},
        **kwargs,
    )


def _country(label, required_message, *, empty_label, extra=(), required=True, **kwargs):
    # Built per form: the list is sorted by the names in the active language.
    return forms.ChoiceField(
        label=label,
        choices=FixedChoices(_country_choices(empty_label, *extra)),
        widget=LongListSelect,
        required=required,
        error_messages={"required": required_message, "invalid_choice": CHOOSE_FROM_LIST},
        **kwargs,
    )


def _date(label, *, required_message, example, required=True, **kwargs):
    field = DayMonthYearField(label=label, example=example, required=required, **kwargs)
    field.error_messages["required"] = required_message
    return field


def _phone(label, *, required=False, **kwargs):
    return _text(
        label,
        _("Vul een telefoonnummer in, bijvoorbeeld +32 470 12 34 56."),
        required=required,
        max_length=30,
        widget=TelephoneInput(attrs={"autocomplete": "tel"}),
        **kwargs,
    )


PHONE_CHARACTERS = re.compile(r"^[0-9\s+()./-]+$")


def clean_phone_number(value):
    """A phone number as typed, with its spaces tidied; only its characters and the
    number of digits are checked, as numbers from every country are welcome."""
    value = " ".join(value.split())
    if not value:
        return ""
    if not PHONE_CHARACTERS.match(value):
        raise forms.ValidationError(
            _(
                "Een telefoonnummer heeft alleen cijfers, spaties en eventueel + ( ) of -. "
                "Vul het zo in: %(example)s."
            ),
            code="invalid",
            params={"example": PHONE_EXAMPLE},
        )
    digits = sum(character.isdigit() for character in value)
    if not 6 <= digits <= 20:
        raise forms.ValidationError(
            _(
                "Dit telefoonnummer heeft %(count)s cijfers, maar een telefoonnummer heeft er "
                "6 tot 20. Kijk het nummer na, bijvoorbeeld %(example)s."
            ),
            code="invalid",
            params={"count": digits, "example": PHONE_EXAMPLE},
        )
    return value


def _json_value(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Promise):
        return str(value)
    if hasattr(value, "read") and hasattr(value, "size"):
        return _file_info(value)
    if isinstance(value, list | tuple):
        return [_json_value(item) for item in value]
    return str(value)


def _file_info(upload):
    return {"name": PurePath(upload.name or "").name, "size": upload.size}


def _readable_file(info):
    return f"{info['name']} ({filesizeformat(info['size'])})"


# --- The step forms ----------------------------------------------------------------------


class WizardStepForm(PublicFormMixin, forms.Form):
    """One step of the wizard; `{{ form }}` renders it with the error summary."""

    title = ""
    # Whether the step reads `context.privacy_notice`; the wizard looks it up only then.
    uses_privacy_notice = False

    def __init__(self, *args, context, **kwargs):
        self.context = context
        contextual = self.contextual_fields()
        if contextual:
            # Fields that depend on the programme, the day or the language; set as this
            # form's base fields before Django copies them, so they are styled like the rest.
            self.base_fields = {**type(self).base_fields, **contextual}
        super().__init__(*args, **kwargs)

    def contextual_fields(self):
        """Fields built per form from `self.context`: {name: field}."""
        return {}

    def _cleaned(self):
        self.errors  # noqa: B018 -- validates a bound form, so cleaned_data exists
        return getattr(self, "cleaned_data", {})

    def answers(self):
        """The cleaned answers as JSON: dates as ISO strings, files as name and size."""
        cleaned = self._cleaned()
        return {name: _json_value(cleaned.get(name)) for name in self.fields}

    def shows_in_summary(self, name):
        """Whether the answer to `name` is worth a row on the "Check your answers" page."""
        return not self.fields[name].widget.is_hidden

    def summary(self):
        """(question, answer) rows in the active language; "Niet ingevuld" for blanks."""
        cleaned = self._cleaned()
        return [
            (str(field.label), self.readable_answer(field, cleaned.get(name)))
            for name, field in self.fields.items()
            if self.shows_in_summary(name)
        ]

    @staticmethod
    def readable_answer(field, value):
        if value is None or value == "" or value == [] or value == {}:
            return str(NOT_ANSWERED)
        if isinstance(value, bool):
            return str(_("Ja") if value else _("Nee"))
        if isinstance(value, datetime.date):
            return formats.date_format(value, "DATE_FORMAT")
        if isinstance(field, forms.ChoiceField):
            labels = {str(key): label for key, label in field.choices}
            return str(labels.get(str(value), value))
        if hasattr(value, "read") and hasattr(value, "size"):
            return _readable_file(_file_info(value))
        return str(value)


# The answer to a sensitive question the applicant would rather not give. It is allowed
# wherever such a question is asked, and recorded (Application.declined_questions).
DECLINED = "not_given"
DECLINE_LABEL = _("Zeg ik liever niet")
# The questions that may be declined, as "step.field", with a short name for staff.
DECLINABLE_QUESTIONS = {
    "about.gender": _("geslacht"),
    "origin.nationality": _("nationaliteit"),
    "origin.country_of_origin": _("land van herkomst"),
}

GENDER_CHOICES = [
    ("woman", _("Vrouw")),
    ("man", _("Man")),
    ("non_binary", _("Non-binair")),
    (DECLINED, DECLINE_LABEL),
]

MIN_AGE, MAX_AGE = 15, 100


def age_on(day, born):
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class AboutYouForm(WizardStepForm):
    title = _("Over jou")

    first_name = _text(
        _("Voornaam"),
        _("Vul je voornaam in."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = _text(
        _("Achternaam"),
        _("Vul je achternaam in. Heb je geen achternaam? Vul dan je voornaam nog eens in."),
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    email = EmailAddressField(
        label=_("E-mailadres"),
        help_text=_("We sturen je een bevestiging en nieuws over je aanmelding naar dit adres."),
    )
    phone = _phone(_("Telefoonnummer"), help_text=_("Bijvoorbeeld +32 470 12 34 56."))
    date_of_birth = _date(
        _("Geboortedatum"),
        example=_("14 7 1990"),
        required_message=_(
            "Vul je geboortedatum in als dag, maand en jaar, bijvoorbeeld 14 7 1990."
        ),
        help_text=_("Bijvoorbeeld 14 7 1990."),
    )
    gender = _radio(
        _("Geslacht"),
        GENDER_CHOICES,
        _("Kies je geslacht. Zeg je het liever niet? Kies dan „Zeg ik liever niet”."),
    )

    def contextual_fields(self):
        codes = [code for code, _name in settings.LANGUAGES]
        language = self.context.language
        return {
            # Each language in its own name, so everyone finds theirs.
            "preferred_language": _radio(
                _("In welke taal schrijven we je?"),
                list(settings.LANGUAGES),
                _("Kies de taal waarin we je schrijven."),
                help_text=_("We schrijven je in deze taal."),
                initial=language if language in codes else settings.LANGUAGE_CODE,
            )
        }

    def clean_phone(self):
        return clean_phone_number(self.cleaned_data["phone"])

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        today = self.context.today
        if born > today:
            raise forms.ValidationError(
                _(
                    "Deze geboortedatum ligt in de toekomst. Vul de dag in waarop je geboren "
                    "bent, bijvoorbeeld 14 7 1990."
                ),
                code="future",
            )
        age = age_on(today, born)
        if age < MIN_AGE:
            raise forms.ValidationError(
                _(
                    "Volgens deze datum ben je jonger dan %(age)s jaar. Je moet minstens "
                    "%(age)s zijn om je aan te melden. Kijk na of je het jaar goed invulde, "
                    "bijvoorbeeld 14 7 1990."
                ),
                code="too_young",
                params={"age": MIN_AGE},
            )
        if age >= MAX_AGE:
            raise forms.ValidationError(
                _(
                    "Volgens deze datum ben je %(age)s jaar of ouder. Kijk na of je het jaar "
                    "goed invulde, bijvoorbeeld 14 7 1990."
                ),
                code="too_old",
                params={"age": MAX_AGE},
            )
        return born


class OriginForm(WizardStepForm):
    title = _("Herkomst en verblijf")
    field_order = [
        "nationality",
        "other_nationality",
        "country_of_origin",
        "registered",
        "first_registration",
        "right_to_work",
        "jobseeker",
    ]

    registered = _radio(
        _("Ben je ingeschreven in een Belgische gemeente?"),
        [(YES, _("Ja")), (NOT_YET, _("Nee, nog niet"))],
        _("Kies of je ingeschreven bent in een Belgische gemeente."),
    )
    first_registration = _date(
        _("Wanneer schreef je je voor het eerst in België in?"),
        example=_("27 3 2021"),
        required=False,
        required_message=_("Vul de datum van je eerste inschrijving in, bijvoorbeeld 27 3 2021."),
        help_text=_("Alleen als je „Ja” koos. Bijvoorbeeld 27 3 2021."),
    )
    right_to_work = _radio(
        _("Mag je in België werken?"),
        [(YES, _("Ja")), (NO, _("Nee")), (UNKNOWN, _("Ik weet het niet"))],
        _("Kies of je in België mag werken. Weet je het niet? Kies dan „Ik weet het niet”."),
        help_text=_("Op je verblijfskaart staat meestal of je mag werken."),
    )
    jobseeker = _radio(
        _("Ben je ingeschreven als werkzoekende?"),
        [
            (YES, _("Ja, bij VDAB, Actiris, Le Forem of ADG")),
            (NO, _("Nee")),
            (UNKNOWN, _("Ik weet het niet")),
        ],
        _(
            "Kies of je ingeschreven bent als werkzoekende. Weet je het niet? Kies dan „Ik "
            "weet het niet”."
        ),
        help_text=_(
            "Bij VDAB (Vlaanderen), Actiris (Brussel), Le Forem (Wallonië) of ADG (Oost-België)."
        ),
    )

    def contextual_fields(self):
        return {
            "nationality": _country(
                _("Wat is je nationaliteit?"),
                _(
                    "Kies je nationaliteit. Heb je geen nationaliteit? Kies dan „Ik heb geen "
                    "nationaliteit (staatloos)”."
                ),
                empty_label=_("Kies een land"),
                extra=[
                    (STATELESS, _("Ik heb geen nationaliteit (staatloos)")),
                    (DECLINED, DECLINE_LABEL),
                ],
            ),
            "other_nationality": _country(
                _("Heb je nog een andere nationaliteit?"),
                "",
                empty_label=_("Nee, geen andere nationaliteit"),
                required=False,
            ),
            "country_of_origin": _country(
                _("Uit welk land kom je?"),
                _(
                    "Kies het land waar je vandaan komt. Zeg je het liever niet? Kies dan „Zeg "
                    "ik liever niet”."
                ),
                empty_label=_("Kies een land"),
                extra=[(DECLINED, DECLINE_LABEL)],
                help_text=_(
                    "Het land waar je woonde voor je naar België kwam. Je nationaliteit en je "
                    "land van herkomst mag je voor je houden: kies dan „Zeg ik liever niet”. Een "
                    "medewerker bekijkt dan samen met jou of je kunt meedoen."
                ),
            ),
        }

    def clean(self):
        cleaned_data = super().clean()
        registered = cleaned_data.get("registered")
        if registered == NOT_YET:
            cleaned_data["first_registration"] = None
        elif registered == YES and "first_registration" not in self.errors:
            registered_on = cleaned_data.get("first_registration")
            if registered_on is None:
                self.add_error(
                    "first_registration",
                    _(
                        "Vul de datum in waarop je je voor het eerst in België inschreef, "
                        "bijvoorbeeld 27 3 2021. Weet je de dag niet precies? Vul dan de "
                        "eerste dag van die maand in."
                    ),
                )
            elif registered_on > self.context.today:
                self.add_error(
                    "first_registration",
                    _(
                        "De datum van je eerste inschrijving ligt in de toekomst. Vul een "
                        "datum van vandaag of vroeger in, bijvoorbeeld 27 3 2021."
                    ),
                )
        return cleaned_data

    def shows_in_summary(self, name):
        if name == "first_registration":
            return self._cleaned().get("registered") == YES
        return super().shows_in_summary(name)


RECOGNITION_CHOICES = [
    ("none", _("Niet aangevraagd")),
    ("requested", _("Aangevraagd, nog geen antwoord")),
    ("level", _("Erkend op niveau (niveau-gelijkwaardigheid)")),
    ("specific", _("Erkend voor een specifiek diploma (specifieke gelijkwaardigheid)")),
    ("refused", _("Geweigerd")),
]
RECOGNISED = {"level": True, "specific": True, "none": False, "requested": False, "refused": False}
DIPLOMA_DETAILS = ("field_of_study", "diploma_country", "diploma_year", "recognition")
EARLIEST_DIPLOMA_YEAR = 1950


class EducationForm(WizardStepForm):
    title = _("Opleiding")
    field_order = ["eqf_level", *DIPLOMA_DETAILS]

    eqf_level = _radio(
        _("Wat is je hoogste diploma?"),
        [
            (NO_DIPLOMA, _("Ik heb geen diploma")),
            *[(str(value), label) for value, label in EQFLevel.choices],
            (UNKNOWN, _("Ik weet het niet")),
        ],
        _(
            "Kies het niveau van je hoogste diploma. Heb je geen diploma? Kies dan „Ik heb "
            "geen diploma”. Weet je het niveau niet? Kies dan „Ik weet het niet”."
        ),
        help_text=_(
            "Kies het niveau, ook als je diploma uit een ander land komt. Een bachelor is "
            "niveau 6, een master niveau 7."
        ),
    )
    field_of_study = _text(
        _("Wat heb je gestudeerd?"),
        _(
            "Vul in wat je studeerde, bijvoorbeeld boekhouding of verpleegkunde. Heb je geen "
            "diploma? Kies dan „Ik heb geen diploma”."
        ),
        required=False,
        help_text=_("Bijvoorbeeld boekhouding of verpleegkunde."),
    )
    recognition = _radio(
        _("Is je diploma erkend in België?"),
        RECOGNITION_CHOICES,
        _(
            "Kies of je diploma erkend is in België. Heb je nog geen erkenning gevraagd? "
            "Kies dan „Niet aangevraagd”."
        ),
        required=False,
        help_text=_(
            "Een diploma uit het buitenland laat je erkennen door NARIC. Haalde je je "
            "diploma in België? Dan hoef je niets te kiezen."
        ),
    )

    def contextual_fields(self):
        this_year = self.context.today.year
        year_range = _("Vul een jaar in tussen %(first)s en %(last)s, bijvoorbeeld 2015.") % {
            "first": EARLIEST_DIPLOMA_YEAR,
            "last": this_year,
        }
        return {
            "diploma_country": _country(
                _("In welk land haalde je dit diploma?"),
                _(
                    "Kies het land waar je je diploma haalde. Heb je geen diploma? Kies dan "
                    "„Ik heb geen diploma”."
                ),
                empty_label=_("Kies een land"),
                required=False,
            ),
            "diploma_year": forms.IntegerField(
                label=_("In welk jaar haalde je dit diploma?"),
                help_text=_("Bijvoorbeeld 2015."),
                required=False,
                min_value=EARLIEST_DIPLOMA_YEAR,
                max_value=this_year,
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
                error_messages={
                    "required": _(
                        "Vul het jaar in waarin je je diploma haalde, bijvoorbeeld 2015."
                    ),
                    "invalid": _("Vul het jaar in als een getal, bijvoorbeeld 2015."),
                    "min_value": year_range,
                    "max_value": year_range,
                },
            ),
        }

    def clean(self):
        cleaned_data = super().clean()
        level = cleaned_data.get("eqf_level")
        if level == NO_DIPLOMA:
            # Answers typed before choosing "no diploma" are not about any diploma.
            for name in DIPLOMA_DETAILS:
                cleaned_data[name] = None if name == "diploma_year" else ""
            return cleaned_data
        if level is None:
            return cleaned_data
        required = list(DIPLOMA_DETAILS)
        if cleaned_data.get("diploma_country") == BELGIUM:
            required.remove("recognition")  # a Belgian diploma needs no recognition
        for name in required:
            if cleaned_data.get(name) in (None, "") and name not in self.errors:
                self.add_error(name, self.fields[name].error_messages["required"])
        return cleaned_data

    def shows_in_summary(self, name):
        if name in DIPLOMA_DETAILS and self._cleaned().get("eqf_level") == NO_DIPLOMA:
            return False
        return super().shows_in_summary(name)


ASKED_LANGUAGES = (ProgrammeLanguage.DUTCH, ProgrammeLanguage.FRENCH, ProgrammeLanguage.ENGLISH)
OTHER = "other"
SKILLS = (
    ("listening", _("luisteren")),
    ("reading", _("lezen")),
    ("speaking", _("spreken")),
    ("writing", _("schrijven")),
)


def level_name(level):
    """ "B1", or "minder dan A1" for the level below A1."""
    return str(CEFRLevel(level).label) if level == CEFRLevel.PRE_A1 else level.upper()


def programme_language_of(name):
    """The ProgrammeLanguage code a typed language name stands for ("Duits", "German",
    "Deutsch", "de"), or None."""
    wanted = " ".join(str(name or "").split()).casefold()
    if not wanted:
        return None
    for language in ProgrammeLanguage:
        names = {language.value}
        info = LANG_INFO.get(language.value, {})
        names.update({info.get("name", ""), info.get("name_local", "")})
        for code, _own_name in settings.LANGUAGES:
            with translation.override(code):
                names.add(str(language.label))
        if wanted in {known.casefold() for known in names if known}:
            return language.value
    return None


class LanguagesForm(WizardStepForm):
    title = _("Talen")
    levels_help = _(
        "A1 is een beginner, C2 is bijna zoals je moedertaal. Ken je de taal niet? Kies dan "
        "„minder dan A1”."
    )

    def contextual_fields(self):
        fields = {}
        for language in ASKED_LANGUAGES:
            for skill, skill_label in SKILLS:
                fields[f"{language.value}_{skill}"] = self._level_field(
                    language.label,
                    skill,
                    skill_label,
                    required=True,
                    required_message=_(
                        "Kies je niveau voor %(skill)s in het %(language)s. Ken je geen "
                        "%(language)s? Kies dan „%(none)s”."
                    )
                    % {
                        "skill": skill_label,
                        "language": language.label,
                        "none": CEFRLevel.PRE_A1.label,
                    },
                )
        fields["other_language"] = _text(
            _("Ken je nog een andere taal?"),
            "",
            required=False,
            max_length=60,
            help_text=_(
                "Vul de naam van de taal in, bijvoorbeeld Arabisch, en kies je niveaus. Geen "
                "andere taal? Laat dit leeg."
            ),
        )
        for skill, skill_label in SKILLS:
            fields[f"{OTHER}_{skill}"] = self._level_field(
                _("Andere taal"), skill, skill_label, required=False, required_message=""
            )
        return fields

    def _level_field(self, language_label, skill, skill_label, *, required, required_message):
        field = forms.ChoiceField(
            label=_("%(language)s: %(skill)s") % {"language": language_label, "skill": skill_label},
            choices=[("", _("Kies een niveau")), *CEFRLevel.choices],
            required=required,
            help_text=self.levels_help if skill == SKILLS[0][0] else "",
            error_messages={"required": required_message, "invalid_choice": CHOOSE_FROM_LIST},
        )
        field.skill_label = skill_label  # a fieldset per language needs only the skill
        return field

    def language_groups(self):
        """[(language, [bound fields])], one group per language, for one fieldset each."""
        groups = [
            (language.label, [self[f"{language.value}_{skill}"] for skill, _label in SKILLS])
            for language in ASKED_LANGUAGES
        ]
        groups.append(
            (
                _("Andere taal"),
                [self["other_language"], *[self[f"{OTHER}_{skill}"] for skill, _label in SKILLS]],
            )
        )
        return groups

    def clean(self):
        cleaned_data = super().clean()
        other = cleaned_data.get("other_language", "")
        other_levels = [f"{OTHER}_{skill}" for skill, _label in SKILLS]
        if not other:
            if "other_language" not in self.errors and any(
                cleaned_data.get(name) for name in other_levels
            ):
                self.add_error(
                    "other_language",
                    _(
                        "Vul in welke taal je nog kent, bijvoorbeeld Arabisch. Of kies bij de "
                        "niveaus van de andere taal weer „Kies een niveau”."
                    ),
                )
            return cleaned_data
        same_as = programme_language_of(other)
        if same_as in {language.value for language in ASKED_LANGUAGES}:
            self.add_error(
                "other_language",
                _(
                    "Je gaf je niveau in het %(language)s hierboven al. Vul een andere taal "
                    "in, of laat dit vak leeg."
                )
                % {"language": ProgrammeLanguage(same_as).label},
            )
            return cleaned_data
        for skill, skill_label in SKILLS:
            name = f"{OTHER}_{skill}"
            if not cleaned_data.get(name) and name not in self.errors:
                self.add_error(
                    name,
                    _(
                        "Kies je niveau voor %(skill)s in het %(language)s. Ken je het bijna "
                        "niet? Kies dan „%(none)s”."
                    )
                    % {"skill": skill_label, "language": other, "none": CEFRLevel.PRE_A1.label},
                )
        return cleaned_data

    def summary(self):
        """One row per language: "luisteren: B1, lezen: A2, …"."""
        cleaned = self._cleaned()
        rows = []
        languages = [(language.label, language.value) for language in ASKED_LANGUAGES]
        other = cleaned.get("other_language")
        languages.append((other or _("Andere taal"), OTHER))
        for label, prefix in languages:
            levels = [
                (skill_label, cleaned.get(f"{prefix}_{skill}")) for skill, skill_label in SKILLS
            ]
            if not any(level for _skill, level in levels):
                answer = str(NOT_ANSWERED)
            else:
                answer = ", ".join(
                    f"{skill_label}: {level_name(level) if level else NOT_ANSWERED}"
                    for skill_label, level in levels
                )
            rows.append((str(label), answer))
        return rows


class WorkForm(WizardStepForm):
    title = _("Werk en wensen")

    years_experience = forms.IntegerField(
        label=_("Hoeveel jaar werkervaring heb je?"),
        help_text=_(
            "Tel alle jaren dat je werkte, ook in het buitenland. Werkte je nog niet? Vul dan 0 in."
        ),
        min_value=0,
        max_value=60,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _(
                "Vul in hoeveel jaar je werkte, als getal, bijvoorbeeld 3. Werkte je nog niet? "
                "Vul dan 0 in."
            ),
            "invalid": _(
                "Vul het aantal jaren in als getal, bijvoorbeeld 3. Werkte je nog niet? Vul dan "
                "0 in."
            ),
            "min_value": _("Vul 0 of meer in. Werkte je nog niet? Vul dan 0 in."),
            "max_value": _("Vul een getal tot 60 in. Tel alleen de jaren dat je werkte."),
        },
    )
    sector = _text(
        _("In welke sector werkte je?"),
        "",
        required=False,
        help_text=_("Bijvoorbeeld zorg, bouw of IT."),
    )
    last_job = _text(
        _("Wat was je laatste job?"),
        "",
        required=False,
        help_text=_("Bijvoorbeeld boekhouder of verkoper."),
    )
    jobs_wanted = _text(
        _("Welk werk wil je doen?"),
        _("Schrijf welk werk je wilt doen, bijvoorbeeld „boekhouder of administratief bediende”."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Schrijf het in je eigen woorden. Je mag meer dan één job noemen."),
    )
    availability = _radio(
        _("Wanneer kun je beginnen?"),
        [
            ("now", _("Meteen")),
            ("within_month", _("Binnen een maand")),
            ("later", _("Later")),
        ],
        _("Kies wanneer je kunt beginnen."),
    )
    working_time = _radio(
        _("Wil je voltijds of deeltijds werken?"),
        [
            ("full_time", _("Voltijds")),
            ("part_time", _("Deeltijds")),
            ("either", _("Allebei goed")),
        ],
        _(
            "Kies of je voltijds of deeltijds wilt werken. Is allebei goed? Kies dan "
            "„Allebei goed”."
        ),
    )

    def contextual_fields(self):
        if not getattr(self.context.programme, "offers_path_choice", False):
            return {}
        return {
            "preferred_path": _radio(
                _("Welk traject heeft je voorkeur?"),
                [
                    (
                        "learning",
                        _("Leertraject: eerst een opleiding of je diploma laten erkennen"),
                    ),
                    ("career", _("Loopbaantraject: meteen naar werk op je niveau")),
                    ("unsure", _("Ik weet het nog niet")),
                ],
                _(
                    "Kies welk traject je voorkeur heeft. Twijfel je? Kies dan „Ik weet het "
                    "nog niet”."
                ),
                help_text=_("We bekijken samen met jou wat het beste past."),
            )
        }


class ReferralForm(WizardStepForm):
    title = _("Doorverwijzing")

    referring_organisation = _text(
        _("Welke organisatie verwijst je door?"),
        _("Vul de naam in van de organisatie die je doorverwijst, bijvoorbeeld VDAB of het OCMW."),
        help_text=_("Bijvoorbeeld VDAB, het OCMW of een taalschool."),
    )
    coach_name = _text(
        _("Naam van je jobcoach of begeleider"),
        _("Vul de naam van je jobcoach of begeleider in."),
    )
    coach_email = forms.EmailField(
        label=_("E-mailadres van je jobcoach"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        error_messages={
            "required": _(
                "Vul het e-mailadres van je jobcoach in, bijvoorbeeld naam@voorbeeld.be."
            ),
            "invalid": _(
                "Vul het e-mailadres van je jobcoach in met een @ en zonder spaties, "
                "bijvoorbeeld naam@voorbeeld.be."
            ),
            "max_length": TOO_LONG,
        },
    )
    coach_phone = _phone(
        _("Telefoonnummer van je jobcoach"),
        help_text=_("Vul een e-mailadres of een telefoonnummer in, of allebei."),
    )

    def clean_coach_phone(self):
        return clean_phone_number(self.cleaned_data["coach_phone"])

    def clean(self):
        cleaned_data = super().clean()
        contact_fields = ("coach_email", "coach_phone")
        if any(name in self.errors for name in contact_fields):
            return cleaned_data
        if not any(cleaned_data.get(name) for name in contact_fields):
            self.add_error(
                "coach_email",
                _(
                    "Vul het e-mailadres of het telefoonnummer van je jobcoach in, zodat we "
                    "contact kunnen opnemen. Eén van de twee is genoeg."
                ),
            )
        return cleaned_data


DOCUMENT_FIELDS = ("diploma", "cv")


class DocumentsForm(WizardStepForm):
    """Uploads; `stored_files` describes the files this draft kept from earlier visits."""

    title = _("Documenten")
    field_order = ["diploma", "remove_diploma", "cv", "remove_cv"]

    def __init__(self, *args, context, stored_files=None, **kwargs):
        # The wizard's storage keys files by the prefixed name ("documents-diploma");
        # both that and the plain field name are understood.
        prefix = kwargs.get("prefix") or self.prefix
        self.stored_files = {
            key.removeprefix(f"{prefix}-") if prefix else key: info
            for key, info in (stored_files or {}).items()
        }
        super().__init__(*args, context=context, **kwargs)

    def contextual_fields(self):
        limit = {"max": max_upload_mb()}
        fields = {
            "diploma": UploadField(
                label=_("Je diploma"),
                required=False,
                help_text=_(
                    "Een scan of foto van je hoogste diploma: een PDF, JPEG of PNG van "
                    "hoogstens %(max)s MB."
                )
                % limit,
            ),
            "cv": UploadField(
                label=_("Je cv"),
                required=False,
                help_text=_("Een PDF, JPEG of PNG van hoogstens %(max)s MB.") % limit,
            ),
        }
        for name in DOCUMENT_FIELDS:
            # Only a file kept from before can be removed; otherwise there is no box to tick.
            fields[f"remove_{name}"] = forms.BooleanField(
                label=_("Verwijder dit bestand"),
                required=False,
                widget=forms.CheckboxInput if name in self.stored_files else forms.HiddenInput,
            )
        return fields

    def stored_file_info(self, field_name):
        """{"name", "size", "size_display"} of the file kept for `field_name`, or None."""
        stored = self.stored_files.get(field_name)
        if not stored:
            return None
        return {**stored, "size_display": filesizeformat(stored["size"])}

    def _file_answer(self, name):
        cleaned = self._cleaned()
        upload = cleaned.get(name)
        if upload:
            return _file_info(upload)
        if cleaned.get(f"remove_{name}"):
            return None
        stored = self.stored_files.get(name)
        return {"name": stored["name"], "size": stored["size"]} if stored else None

    def answers(self):
        return {name: self._file_answer(name) for name in DOCUMENT_FIELDS}

    def summary(self):
        rows = []
        for name in DOCUMENT_FIELDS:
            info = self._file_answer(name)
            answer = _readable_file(info) if info else str(NOT_ANSWERED)
            rows.append((str(self.fields[name].label), answer))
        return rows


class PrivacyForm(WizardStepForm):
    title = _("Privacy")
    uses_privacy_notice = True

    @property
    def privacy_notice(self):
        return self.context.privacy_notice

    def contextual_fields(self):
        notice = self.privacy_notice
        if notice is not None and notice.requires_consent:
            required_message = _(
                "Vink het vakje aan als je toestemming geeft. Zonder toestemming kunnen we je "
                "aanmelding niet behandelen."
            )
        else:
            required_message = _(
                "Vink het vakje aan om te bevestigen dat je de privacyverklaring las."
            )
        return {
            "agree": forms.BooleanField(
                label=(
                    notice.agreement_label
                    if notice is not None
                    else _("Ik heb de privacyverklaring gelezen.")
                ),
                error_messages={"required": required_message},
            )
        }

    def clean(self):
        cleaned_data = super().clean()
        if self.privacy_notice is None:
            self.add_error(
                None,
                _(
                    "Je kunt je aanmelding nog niet versturen, omdat onze privacyverklaring "
                    "nog niet gepubliceerd is. Bewaar je aanmelding en probeer het later "
                    "opnieuw, of neem contact met ons op."
                ),
            )
        return cleaned_data

    def answers(self):
        notice = self.privacy_notice
        return {
            "agree": bool(self._cleaned().get("agree")),
            "version": notice.version if notice is not None else None,
        }


class ReviewForm(HoneypotMixin, WizardStepForm):
    """The "Check your answers" step: nothing to fill in but the field only bots see."""

    title = _("Controleer je antwoorden")

    def answers(self):
        return {}

    def summary(self):
        return []


STEPS: list[tuple[str, type[WizardStepForm]]] = [
    ("about", AboutYouForm),
    ("origin", OriginForm),
    ("education", EducationForm),
    ("languages", LanguagesForm),
    ("work", WorkForm),
    ("referral", ReferralForm),
    ("documents", DocumentsForm),
    ("privacy", PrivacyForm),
    ("review", ReviewForm),
]


def step_applies(step_name, programme):
    """Whether the wizard asks `step_name` for `programme`."""
    if step_name == "referral":
        return bool(getattr(programme, "asks_referral", False))
    return True


# --- From answers to facts ---------------------------------------------------------------


def facts_from_answers(answers, today):
    """The eligibility `Facts` in the wizard's `answers` ({step: answers()}).

    "Not registered yet" counts as registered `today`: no time has passed since a first
    registration. Unknown answers stay unknown.
    """
    origin = answers.get("origin") or {}
    education = answers.get("education") or {}
    languages = answers.get("languages") or {}
    return Facts(
        first_registration_in_belgium=_first_registration(origin, today),
        nationalities=tuple(
            code
            for code in (origin.get("nationality"), origin.get("other_nationality"))
            if code and code not in (STATELESS, DECLINED)
        ),
        country_of_origin=_given(origin.get("country_of_origin")),
        eqf_level=eqf_level_from_answer(education.get("eqf_level")),
        diploma_recognised=_diploma_recognised(education),
        language_levels=_language_levels(languages),
    )


def _given(answer):
    return None if answer in (None, "", DECLINED) else answer


def declined_questions(answers):
    """The sensitive questions answered with "Zeg ik liever niet", as "step.field"."""
    declined = []
    for question in DECLINABLE_QUESTIONS:
        step, field = question.split(".")
        if (answers.get(step) or {}).get(field) == DECLINED:
            declined.append(question)
    return declined


def _first_registration(origin, today):
    registered = origin.get("registered")
    if registered == NOT_YET:
        return today
    if registered == YES and origin.get("first_registration"):
        return datetime.date.fromisoformat(origin["first_registration"])
    return None


def _diploma_recognised(education):
    if education.get("eqf_level") in (None, "", NO_DIPLOMA):
        return None
    if education.get("diploma_country") == BELGIUM:
        return True
    return RECOGNISED.get(education.get("recognition"))


def _lowest_level(levels):
    given = [level for level in levels if level in CEFRLevel.values]
    return min(given, key=CEFRLevel.rank) if given else None


def _language_levels(languages):
    levels = {}
    for language in ASKED_LANGUAGES:
        lowest = _lowest_level(languages.get(f"{language.value}_{skill}") for skill, _l in SKILLS)
        if lowest:
            levels[language.value] = lowest
    other = programme_language_of(languages.get("other_language"))
    if other and other not in levels:
        lowest = _lowest_level(languages.get(f"{OTHER}_{skill}") for skill, _l in SKILLS)
        if lowest:
            levels[other] = lowest
    return levels

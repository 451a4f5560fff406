"""The blind profile of a candidate: what an employer sees of someone proposed for a job.

JobRoad's employers meet every candidate put forward without a CV ("blind hiring"). The
profile is built by whitelist from the application's answers: only job-relevant answers
named below are copied, and only values from a known list (or free text about work) get
through. Names, contact details, date of birth and age, gender, nationality, country of
origin, registration dates, the diploma's country and year (a year hints at age),
languages other than Dutch, French and English (a language name can reveal origin),
referral details and uploaded documents are never read here.

Free-text answers (field of study, sector, last job, jobs wanted) are job information but
typed by the candidate: they may still name a place, an employer or a person. Staff read
them before sending a profile to an employer; the browser view says so.

`blind_profile(application)` is pure; `profile_html` and `profile_pdf` render it for the
case admin's views.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cms.pdf import refusing_url_fetcher
from forms.steps import (
    ASKED_LANGUAGES,
    RECOGNITION_CHOICES,
    SKILLS,
    WorkForm,
    level_name,
)
from programmes.choices import CEFRLevel, EQFLevel
from programmes.eligibility_forms import NO_DIPLOMA, UNKNOWN

TEMPLATE = "workflows/blind_profile.html"

# Changing the salt (or SECRET_KEY) gives every candidate a new code.
PSEUDONYM_SALT = "opstap.workflows.blind_profile.pseudonym"
# No 0/O, 1/I: a code is read aloud and typed over.
PSEUDONYM_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
PSEUDONYM_LENGTH = 8  # 40 bits: codes of different candidates practically never collide


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class LanguageSkills:
    """One language's levels, in the order of `BlindProfile.skills`; "" if not given."""

    language: str
    levels: tuple[str, ...]


@dataclass(frozen=True)
class BlindProfile:
    code: str  # "7KQM-X3PD": the same for a candidate every time
    label: str  # "Kandidaat 7KQM-X3PD"
    education: tuple[Fact, ...]
    skills: tuple[str, ...]  # the columns of the languages table
    languages: tuple[LanguageSkills, ...]
    work: tuple[Fact, ...]

    @property
    def filename(self):
        return f"blind-profiel-{self.code}.pdf"


# --- The pseudonym -----------------------------------------------------------------------


def pseudonym_code(application_pk):
    """A short code for an application, stable and not guessable from other codes or ids:
    a keyed hash (SECRET_KEY) of its primary key, never the reference number."""
    digest = salted_hmac(PSEUDONYM_SALT, str(application_pk), algorithm="sha256").digest()
    number = int.from_bytes(digest[:8], "big")
    characters = [
        PSEUDONYM_ALPHABET[(number >> (5 * position)) % len(PSEUDONYM_ALPHABET)]
        for position in range(PSEUDONYM_LENGTH)
    ]
    code = "".join(characters)
    return f"{code[:4]}-{code[4:]}"


# --- Answers as the employer reads them --------------------------------------------------

NO_DIPLOMA_LABEL = _("Geen diploma")
UNKNOWN_LEVEL_LABEL = _("Niveau niet gekend")
# The wizard's own labels speak to the candidate ("Ik weet het nog niet"); these speak
# about them.
PREFERRED_PATH_CHOICES = [
    ("learning", _("Leertraject: eerst een opleiding of de erkenning van het diploma")),
    ("career", _("Loopbaantraject: meteen werk op het eigen niveau")),
    ("unsure", _("Nog geen voorkeur")),
]


def _free_text(value):
    """Typed text about work, with its whitespace tidied; "" for anything else."""
    return " ".join(value.split()) if isinstance(value, str) else ""


def _from_choices(choices):
    """A reader of a stored choice: its label, or "" for a value not in `choices` (an
    unknown value is left out rather than shown raw)."""

    def read(value):
        if value in (None, ""):
            return ""
        labels = {str(key): label for key, label in choices if key not in ("", None)}
        return str(labels.get(str(value), ""))

    return read


def _education_level(value):
    if value == NO_DIPLOMA:
        return str(NO_DIPLOMA_LABEL)
    if value == UNKNOWN:
        return str(UNKNOWN_LEVEL_LABEL)
    try:
        return str(EQFLevel(int(value)).label)
    except (TypeError, ValueError):
        return ""


def _years(value):
    if isinstance(value, bool):
        return ""
    try:
        years = int(value)
    except (TypeError, ValueError):
        return ""
    if years < 0:
        return ""
    return ngettext("%(count)s jaar", "%(count)s jaar", years) % {"count": years}


def _level(value):
    return level_name(value) if value in CEFRLevel.values else ""


def _choices_of(field_name):
    return WorkForm.base_fields[field_name].choices


# (answer key, row label, reader): the whitelist. Nothing else in a step is read. A
# Belgian diploma needs no recognition, so that row is simply absent for one.
EDUCATION_FACTS = (
    ("eqf_level", _("Hoogste diploma"), _education_level),
    ("field_of_study", _("Studierichting"), _free_text),
    ("recognition", _("Erkenning in België"), _from_choices(RECOGNITION_CHOICES)),
)
WORK_FACTS = (
    ("years_experience", _("Werkervaring"), _years),
    ("sector", _("Sector"), _free_text),
    ("last_job", _("Laatste job"), _free_text),
    ("jobs_wanted", _("Gewenst werk"), _free_text),
    ("availability", _("Kan beginnen"), _from_choices(_choices_of("availability"))),
    ("working_time", _("Werktijd"), _from_choices(_choices_of("working_time"))),
    ("preferred_path", _("Voorkeurstraject"), _from_choices(PREFERRED_PATH_CHOICES)),
)


def _facts(answers, whitelist):
    facts = []
    for key, label, read in whitelist:
        value = read(answers.get(key))
        if value:
            facts.append(Fact(str(label), value))
    return tuple(facts)


def _step(application, name):
    answers = (application.answers or {}).get(name)
    return answers if isinstance(answers, dict) else {}


def blind_profile(application):
    """The blind profile of `application`, in the active language."""
    code = pseudonym_code(application.pk)

    education = _step(application, "education")
    if education.get("eqf_level") == NO_DIPLOMA:
        # Details typed before choosing "no diploma" are not about any diploma.
        education = {"eqf_level": NO_DIPLOMA}

    languages = _step(application, "languages")
    # Dutch, French and English only: the name of another language can reveal origin.
    language_rows = []
    for language in ASKED_LANGUAGES:
        levels = tuple(_level(languages.get(f"{language.value}_{skill}")) for skill, _l in SKILLS)
        if any(levels):
            language_rows.append(LanguageSkills(str(language.label), levels))

    return BlindProfile(
        code=code,
        label=str(_("Kandidaat %(code)s") % {"code": code}),
        education=_facts(education, EDUCATION_FACTS),
        skills=tuple(str(label) for _skill, label in SKILLS),
        languages=tuple(language_rows),
        work=_facts(_step(application, "work"), WORK_FACTS),
    )


# --- Rendering ---------------------------------------------------------------------------


def profile_html(profile, *, for_pdf, request=None, **context):
    """The profile as a standalone HTML page; `for_pdf` leaves out the staff's toolbar."""
    return render_to_string(
        TEMPLATE, {"profile": profile, "for_pdf": for_pdf, **context}, request=request
    )


def profile_document(html, base_url=None):
    """The laid-out PDF document of `html` (pages, boxes), before it is written."""
    import weasyprint

    return weasyprint.HTML(
        string=html, base_url=base_url, url_fetcher=refusing_url_fetcher()
    ).render()


def profile_pdf(html, base_url=None):
    """The PDF bytes of `html`."""
    return profile_document(html, base_url).write_pdf()

"""The few facts about an applicant that reports count, read from their answers when
they apply: gender, age band, education band, nationality and status at entry.

They are columns of the application, so reports group by them in the database, and they
stay when a closed case's personal fields are anonymised (the statistics are kept).
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from forms.steps import DECLINED
from programmes.eligibility import EU_COUNTRIES
from programmes.eligibility_forms import NO, STATELESS, YES, eqf_level_from_answer


class Gender(models.TextChoices):
    WOMAN = "woman", _("vrouw")
    MAN = "man", _("man")
    NON_BINARY = "non_binary", _("non-binair")
    NOT_GIVEN = "not_given", _("niet opgegeven")


class AgeBand(models.TextChoices):
    UNDER_18 = "under_18", _("jonger dan 18")
    FROM_18_TO_29 = "18_29", _("18 tot 29")
    FROM_30_TO_54 = "30_54", _("30 tot 54")
    FROM_55 = "55_plus", _("55 en ouder")


class EducationBand(models.TextChoices):
    # ESF+ counts education in ISCED 2011 bands; the wizard asks the EQF level.
    ISCED_0_2 = "isced_0_2", _("ISCED 0-2 (hoogstens lager secundair)")
    ISCED_3_4 = "isced_3_4", _("ISCED 3-4 (secundair, postsecundair)")
    ISCED_5_8 = "isced_5_8", _("ISCED 5-8 (hoger onderwijs)")


def age_band(born, on):
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    if age < 18:
        return AgeBand.UNDER_18
    if age < 30:
        return AgeBand.FROM_18_TO_29
    if age < 55:
        return AgeBand.FROM_30_TO_54
    return AgeBand.FROM_55


def education_band(eqf_level):
    """EQF 5-8 is tertiary (ISCED 5-8), EQF 3-4 upper and post-secondary, lower is 0-2;
    no diploma counts as ISCED 0-2. None when the level is not known."""
    if eqf_level is None:
        return ""
    if eqf_level >= 5:
        return EducationBand.ISCED_5_8
    if eqf_level >= 3:
        return EducationBand.ISCED_3_4
    return EducationBand.ISCED_0_2


def statistics_from_answers(answers, on):
    """The report columns of an application with these answers, submitted on `on`."""
    about = answers.get("about") or {}
    origin = answers.get("origin") or {}
    education = answers.get("education") or {}
    gender = about.get("gender")
    born = about.get("date_of_birth")
    nationality = origin.get("nationality") or ""
    if nationality == DECLINED:
        nationality = ""  # not given: counted as unknown
    nationalities = [
        code
        for code in (nationality, origin.get("other_nationality"))
        if code and code not in (STATELESS, DECLINED)
    ]
    eqf_level = eqf_level_from_answer(education.get("eqf_level"))
    jobseeker = origin.get("jobseeker")
    return {
        "gender": gender if gender in Gender.values else Gender.NOT_GIVEN,
        "age_band": age_band(datetime.date.fromisoformat(born), on) if born else "",
        "education_band": education_band(eqf_level),
        "eqf_level": eqf_level,
        "nationality": "" if nationality == STATELESS else nationality[:2],
        # ESF+: everyone who is not a Union citizen, stateless people included.
        "third_country_national": (
            None if not nationality else not any(code in EU_COUNTRIES for code in nationalities)
        ),
        "registered_jobseeker": {YES: True, NO: False}.get(jobseeker),
    }

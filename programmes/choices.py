"""The vocabularies of the offer: education and language levels, origin rules, formats."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EQFLevel(models.IntegerChoices):
    """The European Qualifications Framework; Flanders' VKS uses the same numbers."""

    LEVEL_1 = 1, _("1 – basisonderwijs")
    LEVEL_2 = 2, _("2 – eerste graad secundair onderwijs")
    LEVEL_3 = 3, _("3 – tweede graad secundair onderwijs")
    LEVEL_4 = 4, _("4 – diploma secundair onderwijs")
    LEVEL_5 = 5, _("5 – graduaat of hoger beroepsonderwijs")
    LEVEL_6 = 6, _("6 – bachelor")
    LEVEL_7 = 7, _("7 – master")
    LEVEL_8 = 8, _("8 – doctoraat")


class CEFRLevel(models.TextChoices):
    """Language levels of the Common European Framework, from below A1 to C2."""

    PRE_A1 = "pre_a1", _("minder dan A1")
    A1 = "a1", _("A1 – beginner")
    A2 = "a2", _("A2 – basis")
    B1 = "b1", _("B1 – zelfstandig")
    B2 = "b2", _("B2 – goed zelfstandig")
    C1 = "c1", _("C1 – vaardig")
    C2 = "c2", _("C2 – zeer vaardig")

    @classmethod
    def rank(cls, level):
        """Position on the scale, so that levels compare: rank("b1") > rank("a2")."""
        return list(cls.values).index(level)


class OriginRule(models.TextChoices):
    ANY = "any", _("geen voorwaarde")
    OUTSIDE_EU = "outside_eu", _("van buiten de Europese Unie")
    OUTSIDE_EEA_CH = "outside_eea_ch", _("van buiten de EU, de EER en Zwitserland")


class ProgrammeLanguage(models.TextChoices):
    """Languages a programme can ask a minimum level of."""

    DUTCH = "nl", _("Nederlands")
    FRENCH = "fr", _("Frans")
    ENGLISH = "en", _("Engels")
    GERMAN = "de", _("Duits")


class SessionFormat(models.TextChoices):
    IN_PERSON = "in_person", _("ter plaatse")
    ONLINE = "online", _("online")
    HYBRID = "hybrid", _("ter plaatse en online")


class OrganisationType(models.TextChoices):
    CITY = "city", _("stad of gemeente")
    EMPLOYMENT_SERVICE = "employment_service", _("arbeidsbemiddeling")
    COACHING = "coaching", _("coaching")
    EMPLOYER = "employer", _("werkgever")
    EDUCATION = "education", _("onderwijs")
    LANGUAGE_SCHOOL = "language_school", _("taalschool")
    SOCIAL_SERVICE = "social_service", _("sociale dienst (OCMW)")
    TEMP_AGENCY = "temp_agency", _("uitzendkantoor")
    NON_PROFIT = "non_profit", _("vzw of ngo")


# Languages a café session can be held in; wider than the site's own languages.
SESSION_LANGUAGES = [
    ("nl", _("Nederlands")),
    ("en", _("Engels")),
    ("fr", _("Frans")),
    ("ar", _("Arabisch")),
    ("uk", _("Oekraïens")),
    ("multi", _("meertalig")),
]

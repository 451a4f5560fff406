"""The programmes app's models: the offer's pages, traineeship types and registrations."""

from .cafe import CafeSeriesPage, CafeSessionPage, SessionHost
from .partners import PartnerIndexPage, PartnerPage
from .programmes import (
    ProgrammeIndexPage,
    ProgrammeLanguageRequirement,
    ProgrammePage,
    ProgrammePartner,
    ProgrammeTraineeshipType,
)
from .registrations import Registration
from .traineeships import TraineeshipType
from .vacancies import VacancyIndexPage, VacancyLanguage, VacancyPage, WorkingTime

__all__ = [
    "CafeSeriesPage",
    "CafeSessionPage",
    "PartnerIndexPage",
    "PartnerPage",
    "ProgrammeIndexPage",
    "ProgrammeLanguageRequirement",
    "ProgrammePage",
    "ProgrammePartner",
    "ProgrammeTraineeshipType",
    "Registration",
    "SessionHost",
    "TraineeshipType",
    "VacancyIndexPage",
    "VacancyLanguage",
    "VacancyPage",
    "WorkingTime",
]

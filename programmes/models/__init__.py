"""The programmes app's models: the offer's pages, traineeship types, registrations and
the contact desk's appointments."""

from .appointments import (
    Appointment,
    AppointmentSchedule,
    ScheduleException,
    WeeklyOpening,
)
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
    "Appointment",
    "AppointmentSchedule",
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
    "ScheduleException",
    "SessionHost",
    "TraineeshipType",
    "VacancyIndexPage",
    "VacancyLanguage",
    "VacancyPage",
    "WeeklyOpening",
    "WorkingTime",
]

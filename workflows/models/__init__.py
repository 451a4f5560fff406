"""The records of case handling and the participant portal."""

from .cases import Case, CaseEvent, ProgrammeScope
from .certificates import Certificate, CertificateRun
from .coaching import CoachingParticipant, CoachingSession, CoachingTopic
from .definitions import (
    ProgrammeWorkflow,
    Workflow,
    WorkflowState,
    WorkflowTransition,
    WorkflowVersion,
)
from .partner_accounts import PartnerAccount
from .placements import Placement, Traineeship
from .portal import DataErasureRequest
from .proposals import Proposal

__all__ = [
    "Case",
    "CaseEvent",
    "Certificate",
    "CertificateRun",
    "CoachingParticipant",
    "CoachingSession",
    "CoachingTopic",
    "DataErasureRequest",
    "PartnerAccount",
    "Placement",
    "ProgrammeScope",
    "ProgrammeWorkflow",
    "Proposal",
    "Traineeship",
    "Workflow",
    "WorkflowState",
    "WorkflowTransition",
    "WorkflowVersion",
]

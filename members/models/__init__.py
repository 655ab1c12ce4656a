from .companies import MemberCompany, Plant, Province, Sector
from .history import PublicChange
from .pathways import AlignmentAssessment, Pathway, PathwayKind, PathwayPoint
from .pledges import NEUTRALITY_TYPES, Milestone, Pledge, PledgeStatus, PledgeType, Unit, Verification
from .reminders import NotificationLog
from .reports import ProgressReport
from .representatives import Representative

__all__ = [
    "NEUTRALITY_TYPES",
    "AlignmentAssessment",
    "MemberCompany",
    "Milestone",
    "NotificationLog",
    "Pathway",
    "PathwayKind",
    "PathwayPoint",
    "Plant",
    "Pledge",
    "PledgeStatus",
    "PledgeType",
    "ProgressReport",
    "Province",
    "PublicChange",
    "Representative",
    "Sector",
    "Unit",
    "Verification",
]

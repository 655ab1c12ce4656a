from .companies import MemberCompany, Plant, Province, Sector
from .history import PublicChange
from .pledges import NEUTRALITY_TYPES, Milestone, Pledge, PledgeStatus, PledgeType, Unit, Verification
from .reminders import NotificationLog
from .reports import ProgressReport
from .representatives import Representative

__all__ = [
    "NEUTRALITY_TYPES",
    "MemberCompany",
    "Milestone",
    "NotificationLog",
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

"""The domain model: frozen dataclasses with no I/O, shared by every part of followup."""

from followup.model.interview import (
    Culture,
    Format,
    Interview,
    Interviewer,
    Me,
    Question,
    Status,
)
from followup.model.message import Medium, Stage
from followup.model.report import (
    Finding,
    PracticeResult,
    PracticeStatus,
    Report,
    Severity,
    TextStats,
)

__all__ = [
    "Culture",
    "Finding",
    "Format",
    "Interview",
    "Interviewer",
    "Me",
    "Medium",
    "PracticeResult",
    "PracticeStatus",
    "Question",
    "Report",
    "Severity",
    "Stage",
    "Status",
    "TextStats",
]

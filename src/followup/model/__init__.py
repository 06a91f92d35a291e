"""The domain model: frozen dataclasses with no I/O, shared by every part of followup."""

from followup.model.followup import Draft, DraftStatus, Event, EventKind, FollowupKind, Tone
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
    "Draft",
    "DraftStatus",
    "Event",
    "EventKind",
    "Finding",
    "FollowupKind",
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
    "Tone",
]

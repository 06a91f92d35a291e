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

__all__ = [
    "Culture",
    "Format",
    "Interview",
    "Interviewer",
    "Me",
    "Medium",
    "Question",
    "Stage",
    "Status",
]

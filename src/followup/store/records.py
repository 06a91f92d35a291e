"""Small result values the store hands back besides full Interview records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from followup.model import Status


@dataclass(frozen=True)
class InterviewSummary:
    """One row of `followup list`: enough to choose an interview, without its details."""

    id: int
    company: str
    role: str
    starts_at: datetime  # aware, in the interview's own zone
    timezone: str
    status: Status
    outcome: str | None
    interviewer_names: tuple[str, ...]


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: records created, updated, and found already identical."""

    created: int
    updated: int
    unchanged: int

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged

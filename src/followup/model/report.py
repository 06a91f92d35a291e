"""What the checker returns: findings that point into the user's text, and a scored report.

Plain frozen values with a `to_dict()` that is the pinned JSON shape of `followup check
--json` (see tests/test_check_json.py). Nothing here knows how findings are produced.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How much a finding matters: errors block, warnings cost, suggestions polish."""

    ERROR = "error"
    WARNING = "warning"
    SUGGESTION = "suggestion"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "suggestion": 2}[self.value]


class PracticeStatus(StrEnum):
    """A practice's verdict in one report."""

    OK = "ok"
    WARN = "warn"
    FAIL = "fail"
    NA = "n/a"


class Scope(StrEnum):
    """What a finding is about: a stretch of the text, or the note as a whole.

    `span` findings point at words that are there (mark them in place). `note` findings are
    about something missing or about the whole note (no thanks, no point recalled, too long,
    sent late): their span is only an anchor, so displays list them apart, unmarked.
    """

    SPAN = "span"
    NOTE = "note"


@dataclass(frozen=True)
class Finding:
    """One problem: which rule, where (`text[start:end]` of the checked input), why, and a fix.

    `suggestion` is replacement text for the span when there is one, else None. `scope` says
    whether the span is the problem itself or only an anchor for a note-level finding.
    """

    rule: str
    practice: str
    severity: Severity
    message: str
    why: str
    start: int
    end: int
    text: str
    suggestion: str | None = None
    scope: Scope = Scope.SPAN

    @property
    def is_note_level(self) -> bool:
        return self.scope is Scope.NOTE

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "practice": self.practice,
            "severity": self.severity.value,
            "message": self.message,
            "why": self.why,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "suggestion": self.suggestion,
            "scope": self.scope.value,
        }


@dataclass(frozen=True)
class PracticeResult:
    """A practice's title and status in one report."""

    title: str
    status: PracticeStatus

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "status": self.status.value}


@dataclass(frozen=True)
class TextStats:
    """Counts describing the checked text."""

    words: int = 0
    characters: int = 0
    sentences: int = 0
    paragraphs: int = 0
    reading_grade: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "words": self.words,
            "characters": self.characters,
            "sentences": self.sentences,
            "paragraphs": self.paragraphs,
            "reading_grade": self.reading_grade,
        }


@dataclass(frozen=True)
class Report:
    """The checker's verdict: score 0–100, per-practice status, findings in text order."""

    score: int
    practices: Mapping[str, PracticeResult]
    findings: tuple[Finding, ...] = ()
    stats: TextStats = field(default_factory=TextStats)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "practices": {key: value.to_dict() for key, value in self.practices.items()},
            "findings": [f.to_dict() for f in self.findings],
            "stats": self.stats.to_dict(),
        }

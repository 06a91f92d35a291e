"""An interview record: who, where, when, and what was said with each interviewer.

These are plain frozen values. Parsing (notes files, flags, prompts) and storage build them;
the checker, composer and timeline read them. Nothing here does I/O.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any

from followup.model.names import PersonName, parse_name


class Culture(StrEnum):
    """The tone the company's culture calls for."""

    FORMAL = "formal"
    CASUAL = "casual"


class Format(StrEnum):
    """How the interview took place."""

    PHONE = "phone"
    VIDEO = "video"
    ONSITE = "onsite"


class Status(StrEnum):
    """Whether followup still plans anything for an interview."""

    OPEN = "open"
    CLOSED = "closed"


@dataclass(frozen=True)
class Question:
    """A question the candidate wants to answer better, and the better answer."""

    question: str
    better: str = ""


@dataclass(frozen=True)
class Me:
    """The candidate's own identity, used to sign and send notes."""

    name: str = ""
    email: str = ""
    signature: str = ""

    def is_empty(self) -> bool:
        return not (self.name or self.email or self.signature)


@dataclass(frozen=True)
class Interviewer:
    """One person the candidate met, with what was said in that conversation."""

    name: str
    title: str = ""
    email: str = ""
    linkedin: str = ""
    timezone: str | None = None
    salutation: str | None = None
    primary: bool = False
    discussed: tuple[str, ...] = ()
    shared: tuple[str, ...] = ()
    questions: tuple[Question, ...] = ()
    next: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)
    id: int | None = field(default=None, compare=False)

    @property
    def parsed_name(self) -> PersonName:
        """The name taken apart: title, given name, surname, suffix (see `model/names.py`)."""
        return parse_name(self.name)

    @property
    def first_name(self) -> str:
        """The given name ("Angela" for "Dr. Angela Whitmore"), or the only name."""
        return self.parsed_name.first

    @property
    def last_name(self) -> str:
        """The family name ("van der Berg"), or the only name."""
        return self.parsed_name.last

    @property
    def points(self) -> tuple[str, ...]:
        """Everything personal to this conversation: discussed topics, then shared facts."""
        return self.discussed + self.shared


# Invisible format characters dropped from names (a zero-width space makes "B\u200bob" a
# second Bob); ZWNJ and ZWJ stay, since Persian, Indic scripts and emoji need them.
_KEPT_FORMAT = frozenset("\u200c\u200d")


MAX_NAME_CHARS = 200  # a company, role or person's name; PostgreSQL indexes company and role


def clean_name(raw: str) -> str:
    """A name as stored: NFC, without invisible format characters, trimmed. ValueError for a
    control character or a line break inside (an ESC sequence, NEL, U+2028), which no name
    has and which would change a terminal or the notes file around it, or for a name longer
    than MAX_NAME_CHARS (SQLite would keep it, PostgreSQL's index could not)."""
    if len(raw) > MAX_NAME_CHARS * 4:
        raise ValueError(f"is {len(raw):,} characters long; expected at most {MAX_NAME_CHARS}")
    for char in raw.strip():
        if unicodedata.category(char) in ("Cc", "Zl", "Zp"):
            raise ValueError(f"contains the control character U+{ord(char):04X}; a name is "
                             "printable text on one line")
    kept = "".join(c for c in raw if unicodedata.category(c) != "Cf" or c in _KEPT_FORMAT)
    name = unicodedata.normalize("NFC", kept).strip()
    if len(name) > MAX_NAME_CHARS:
        raise ValueError(f"is {len(name):,} characters long; expected at most {MAX_NAME_CHARS}")
    return name


def name_key(name: str) -> str:
    """A case- and accent-insensitive key for matching a person's name."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.split())


@dataclass(frozen=True)
class Interview:
    """One interview (one round with one company), the unit everything else hangs on."""

    company: str
    role: str
    starts_at: datetime
    timezone: str
    duration_minutes: int = 60
    round: int | None = None
    format: Format | None = None
    culture: Culture = Culture.FORMAL
    decision_by: date | None = None
    job_description: str = ""
    interviewers: tuple[Interviewer, ...] = ()
    qualifications: tuple[str, ...] = ()
    notes: str = ""
    me: Me | None = None
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)
    status: Status = Status.OPEN
    outcome: str | None = None
    id: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.starts_at.tzinfo is None:
            raise ValueError("Interview.starts_at must carry a time zone")

    @property
    def ends_at(self) -> datetime:
        """The end in the interview's zone; elapsed time, so a clock change in between
        does not stretch or shrink the interview (aware + timedelta is wall-clock time)."""
        elapsed = self.starts_at.astimezone(UTC) + timedelta(minutes=self.duration_minutes)
        return elapsed.astimezone(self.starts_at.tzinfo)

    @property
    def primary_contact(self) -> Interviewer | None:
        """The person check-ins go to: the one marked primary, else the first listed."""
        for person in self.interviewers:
            if person.primary:
                return person
        return self.interviewers[0] if self.interviewers else None

    def find_interviewer(self, name: str) -> Interviewer | None:
        """The interviewer a name refers to: full name, or a unique first or last name, or
        title and surname ("Dr. Whitmore").

        Matching ignores case and accents, as the notes format promises.
        """
        wanted = name_key(name)
        for person in self.interviewers:
            if name_key(person.name) == wanted:
                return person
        by_part = [p for p in self.interviewers if p.parsed_name.matches(name)]
        return by_part[0] if len(by_part) == 1 else None

    @property
    def natural_key(self) -> tuple[str, str, datetime]:
        """What makes two records the same interview: company, role and start instant."""
        return (self.company.strip().casefold(), self.role.strip().casefold(), self.starts_at)

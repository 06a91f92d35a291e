"""Drafts and events in a backup: written without database ids, read back and checked.

Ids differ between databases, so a backup refers to things by what they are inside their
interview record:

* a draft's or event's interviewer is `"to": <name>` (or null), one of that record's
  interviewers; the exact name wins, else the one whose name matches ignoring case and
  accents (two such matches are an error; two identical names resolve to the first);
* an event's draft is `"draft": <index>` into the same record's `"drafts"` list (or null).

In memory both are Portable values that hold positions instead of ids, so a stored
interview's drafts and events can be compared with a backup's: equal Portable values mean
nothing to restore. A draft's `created_at` and `updated_at` are store bookkeeping: they are
written to the backup and restored, but not compared (as `model.Draft` does). Events are kept
in time order (ties in backup order), the order the store lists them in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from followup.model import (
    Draft,
    DraftStatus,
    Event,
    EventKind,
    FollowupKind,
    Interview,
    Interviewer,
    Medium,
    Stage,
    Tone,
)
from followup.model.interview import name_key
from followup.store import backup_values as v


@dataclass(frozen=True)
class PortableDraft:
    """A draft with its interviewer as a position in the record (`to`), not an id."""

    to: int | None
    stage: Stage
    medium: Medium
    tone: Tone
    variant: int
    subject: str
    body: str
    status: DraftStatus
    sent_at: datetime | None
    message_id: str | None
    created_at: datetime | None = field(default=None, compare=False)
    updated_at: datetime | None = field(default=None, compare=False)


@dataclass(frozen=True)
class PortableEvent:
    """An event with its interviewer as a position and its draft as an index."""

    kind: EventKind
    at: datetime
    to: int | None
    followup: FollowupKind | None
    draft: int | None
    detail: str


# -- from the store, and to JSON ----------------------------------------------------------


def portable(
    interview: Interview, drafts: Sequence[Draft], events: Sequence[Event]
) -> tuple[tuple[PortableDraft, ...], tuple[PortableEvent, ...]]:
    """A stored interview's drafts (in id order) and events (in time order), without ids."""
    # Keyed by int | None so that a None id maps to None with the same .get().
    people: dict[int | None, int] = {
        p.id: pos for pos, p in enumerate(interview.interviewers) if p.id is not None
    }
    index: dict[int | None, int] = {d.id: i for i, d in enumerate(drafts) if d.id is not None}
    return (
        tuple(
            PortableDraft(
                people.get(d.interviewer_id), d.stage, d.medium, d.tone, d.variant, d.subject,
                d.body, d.status, d.sent_at, d.message_id, d.created_at, d.updated_at,
            )
            for d in drafts
        ),
        tuple(
            PortableEvent(e.kind, e.at, people.get(e.interviewer_id), e.followup,
                          index.get(e.draft_id), e.detail)
            for e in events
        ),
    )


def draft_to_dict(draft: PortableDraft, people: Sequence[Interviewer]) -> dict[str, Any]:
    return {
        "to": _name(draft.to, people), "stage": draft.stage.value,
        "medium": draft.medium.value, "tone": draft.tone.value, "variant": draft.variant,
        "subject": draft.subject, "body": draft.body, "status": draft.status.value,
        "created_at": _iso(draft.created_at), "updated_at": _iso(draft.updated_at),
        "sent_at": _iso(draft.sent_at), "message_id": draft.message_id,
    }


def event_to_dict(event: PortableEvent, people: Sequence[Interviewer]) -> dict[str, Any]:
    return {
        "kind": event.kind.value, "at": event.at.isoformat(), "to": _name(event.to, people),
        "followup": event.followup.value if event.followup else None, "draft": event.draft,
        "detail": event.detail,
    }


def _name(position: int | None, people: Sequence[Interviewer]) -> str | None:
    return None if position is None else people[position].name


def _iso(at: datetime | None) -> str | None:
    return None if at is None else at.isoformat()


# -- from JSON, checked -------------------------------------------------------------------


def parse_followups(
    record: Mapping[str, Any], interview: Interview, source: str, where: str
) -> tuple[tuple[PortableDraft, ...], tuple[PortableEvent, ...]]:
    """The `drafts` and `events` of one backup record (missing means none)."""
    raw_drafts = _list(record, "drafts", source, where)
    raw_events = _list(record, "events", source, where)
    people = interview.interviewers
    drafts = tuple(_parse_draft(d, people, source, f"{where}.drafts[{i}]")
                   for i, d in enumerate(raw_drafts))
    events = [_parse_event(e, people, len(drafts), source, f"{where}.events[{i}]")
              for i, e in enumerate(raw_events)]
    return drafts, tuple(sorted(events, key=lambda e: e.at))  # stable: ties keep their order


def _list(record: Mapping[str, Any], key: str, source: str, where: str) -> list[Any]:
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        v.fail(source, f"{where}.{key}", f"expected a list of {key[:-1]} objects")
    return value


def _parse_draft(
    data: Any, people: Sequence[Interviewer], source: str, where: str
) -> PortableDraft:
    if not isinstance(data, Mapping):
        v.fail(source, where, "expected an object (one draft)")
    v.check(data, source, where, "stage", v.enum(Stage), v.choices(Stage))
    v.check(data, source, where, "medium", v.enum(Medium), v.choices(Medium))
    v.optional(data, source, where, "tone", v.enum(Tone), v.choices(Tone))
    v.optional(data, source, where, "status", v.enum(DraftStatus), v.choices(DraftStatus))
    v.optional(data, source, where, "variant", lambda n: v.whole(n) and n >= 0,
               "expected a whole number >= 0")
    for key in ("subject", "body"):
        v.require(data, source, where, key, v.TEXT, non_empty=False)
    v.optional(data, source, where, "message_id", v.is_(v.TEXT), "expected text or null")
    for key in ("subject", "body", "message_id"):
        if data.get(key) is not None:
            v.storable_text(data[key], source, f"{where}.{key}")
    for key in ("created_at", "updated_at", "sent_at"):
        v.optional(data, source, where, key, v.aware_datetime, v.AWARE)
    return PortableDraft(
        to=_person(data, people, source, where),
        stage=Stage(data["stage"]), medium=Medium(data["medium"]),
        tone=Tone(data.get("tone") or Tone.FORMAL),
        variant=data.get("variant") or 0, subject=data["subject"], body=data["body"],
        status=DraftStatus(data.get("status") or DraftStatus.DRAFT),
        sent_at=_time(data.get("sent_at")), message_id=data.get("message_id"),
        created_at=_time(data.get("created_at")), updated_at=_time(data.get("updated_at")),
    )


def _parse_event(
    data: Any, people: Sequence[Interviewer], n_drafts: int, source: str, where: str
) -> PortableEvent:
    if not isinstance(data, Mapping):
        v.fail(source, where, "expected an object (one event)")
    v.check(data, source, where, "kind", v.enum(EventKind), v.choices(EventKind))
    v.check(data, source, where, "at", v.aware_datetime, v.AWARE)
    v.optional(data, source, where, "followup", v.enum(FollowupKind), v.choices(FollowupKind))
    v.optional(data, source, where, "detail", v.is_(v.TEXT), "expected text or null")
    if data.get("detail") is not None:
        v.storable_text(data["detail"], source, f"{where}.detail")
    draft = data.get("draft")
    if draft is not None and not (v.whole(draft) and 0 <= draft < n_drafts):
        v.fail(source, f"{where}.draft", f"no draft {v.shown(draft)} in this interview's drafts "
               f"(expected an index from 0 to {n_drafts - 1}, or null)" if n_drafts else
               f"no draft {v.shown(draft)}: this interview has no drafts (expected null)")
    followup = data.get("followup")
    return PortableEvent(
        kind=EventKind(data["kind"]), at=datetime.fromisoformat(data["at"]),
        to=_person(data, people, source, where),
        followup=FollowupKind(followup) if followup is not None else None,
        draft=draft, detail=data.get("detail") or "",
    )


def _person(
    data: Mapping[str, Any], people: Sequence[Interviewer], source: str, where: str
) -> int | None:
    """The position of the interviewer `"to"` names, or None for null."""
    name = data.get("to")
    if name is None:
        return None
    if not isinstance(name, str):
        v.fail(source, f"{where}.to",
               f"expected an interviewer's name or null, got {v.shown(name)}")
    for pos, person in enumerate(people):
        if person.name == name:
            return pos
    close = [pos for pos, p in enumerate(people) if name_key(p.name) == name_key(name)]
    if len(close) == 1:
        return close[0]
    known = ", ".join(repr(p.name) for p in people) or "none"
    problem = "matches several interviewers" if close else "names no interviewer"
    v.fail(source, f"{where}.to",
           f"{v.shown(name)} {problem} of this interview (interviewers: {known})")


def _time(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)

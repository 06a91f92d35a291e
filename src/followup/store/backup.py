"""Checking a whole-database backup before anything is written.

A backup is `{"format": "followup-backup", "version": 2, "interviews": [...]}`. Each record
has the shape of `model.codec.interview_to_dict` plus `"drafts"` and `"events"` lists (see
`backup_followups` for theirs). Version 1 backups, written before drafts and events existed,
are still read: their records carry neither, and restoring them leaves the stored drafts and
events alone.

Every problem is reported as one line that names the place, e.g.
`backup.json: interviews[3].starts_at: expected ISO 8601 ...`, so the user can fix the file
by hand; the first problem of each record is reported, all records are looked at.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfoNotFoundError

from followup.errors import InputError
from followup.model import Culture, Format, Interview, Status
from followup.model.codec import interview_from_dict
from followup.model.limits import MAX_DURATION_MINUTES, MAX_ROUND
from followup.store import backup_values as v
from followup.store.backup_followups import PortableDraft, PortableEvent, parse_followups
from followup.store.repository import check_storable, zone

FORMAT = "followup-backup"
VERSION = 2
READABLE = (1, 2)
MAX_PROBLEMS = 20  # more lines than this only bury the first ones


@dataclass(frozen=True)
class BackupEntry:
    """One interview of a backup, with its drafts and events (None in a version 1 backup)."""

    interview: Interview
    drafts: tuple[PortableDraft, ...] | None
    events: tuple[PortableEvent, ...] | None


def parse_backup(data: Any, source: str = "backup") -> list[BackupEntry]:
    """The records of a backup, or one InputError with a line per record that is wrong."""
    if not isinstance(data, Mapping):
        v.fail(source, "", f"expected a JSON object with \"format\": \"{FORMAT}\"")
    if data.get("format") != FORMAT:
        v.fail(source, "format",
               f"expected {FORMAT!r}, got {v.shown(data.get('format'))}")
    version = data.get("version")
    if not v.whole(version) or version not in READABLE:
        v.fail(source, "version", f"unsupported backup version {v.shown(version)}; this followup "
               f"reads {', '.join(map(str, READABLE))}")
    records = data.get("interviews")
    if not isinstance(records, list):
        v.fail(source, "interviews", "expected a list of interview records")
    parsed: list[BackupEntry] = []
    problems: list[str] = []
    seen: dict[tuple[str, str, datetime], int] = {}
    for i, record in enumerate(records):
        where = f"interviews[{i}]"
        try:
            entry = _parse_entry(record, source, where, with_followups=version >= 2)
        except InputError as exc:
            problems.append(str(exc))
            continue
        first = seen.setdefault(entry.interview.natural_key, i)
        if first != i:
            problems.append(f"{source}: {where}: same company, role and start time as "
                            f"interviews[{first}]")
        parsed.append(entry)
    if problems:
        more = len(problems) - MAX_PROBLEMS
        tail = [f"{source}: … and {more} more"] if more > 0 else []
        raise InputError("\n".join(problems[:MAX_PROBLEMS] + tail))
    return parsed


def _parse_entry(record: Any, source: str, where: str, *, with_followups: bool) -> BackupEntry:
    interview = _parse_record(record, source, where)
    if not with_followups:
        return BackupEntry(interview, None, None)
    drafts, events = parse_followups(record, interview, source, where)
    return BackupEntry(interview, drafts, events)


def _parse_record(record: Any, source: str, where: str) -> Interview:
    if not isinstance(record, Mapping):
        v.fail(source, where, "expected an object (one interview record)")
    v.require(record, source, where, "company", v.TEXT, non_empty=True)
    v.require(record, source, where, "role", v.TEXT, non_empty=True)
    v.require(record, source, where, "timezone", v.TEXT, non_empty=True)
    if not _known_zone(record["timezone"]):
        v.fail(source, f"{where}.timezone", f"unknown time zone {record['timezone']!r}; "
               "expected an IANA name such as Europe/Berlin")
    v.check(record, source, where, "starts_at", v.aware_datetime, v.AWARE)
    v.optional(record, source, where, "duration_minutes", v.minutes,
               f"a whole number of minutes from 1 to {MAX_DURATION_MINUTES}")
    v.optional(record, source, where, "round", v.round_number,
               f"a whole number from 1 to {MAX_ROUND}, or null")
    v.optional(record, source, where, "format", v.enum(Format), v.choices(Format))
    v.optional(record, source, where, "culture", v.enum(Culture), v.choices(Culture))
    v.optional(record, source, where, "status", v.enum(Status), v.choices(Status))
    v.optional(record, source, where, "decision_by", v.iso_date,
               "expected an ISO date, e.g. 2024-05-10")
    for name in ("job_description", "notes", "outcome"):
        v.optional(record, source, where, name, v.is_(v.OPTIONAL_TEXT), "expected text or null")
    v.optional(record, source, where, "qualifications", v.text_list, "expected a list of text")
    v.optional(record, source, where, "extra", v.is_((dict,)), "expected an object")
    v.optional(record, source, where, "me", _me, "expected null or an object with text "
               "fields name, email, signature")
    people = record.get("interviewers")
    if people is not None:
        if not isinstance(people, list):
            v.fail(source, f"{where}.interviewers", "expected a list of interviewers")
        for j, person in enumerate(people):
            _check_person(person, source, f"{where}.interviewers[{j}]")
    try:
        interview = interview_from_dict(record)
    except (KeyError, ValueError, TypeError) as exc:  # anything the checks above missed
        v.fail(source, where, f"not a valid interview record ({exc})")
    check_storable(interview, f"{source}: {where}")
    # Ids in a backup belong to another database: matching is by natural key and by name.
    return replace(interview, id=None,
                   interviewers=tuple(replace(p, id=None) for p in interview.interviewers))


def _check_person(person: Any, source: str, where: str) -> None:
    if not isinstance(person, Mapping):
        v.fail(source, where, "expected an object (one interviewer)")
    v.require(person, source, where, "name", v.TEXT, non_empty=True)
    for name in ("title", "email", "linkedin", "timezone", "salutation"):
        v.optional(person, source, where, name, v.is_(v.OPTIONAL_TEXT), "expected text or null")
    v.optional(person, source, where, "primary", v.is_((bool,)), "expected true or false")
    for name in ("discussed", "shared", "next"):
        v.optional(person, source, where, name, v.text_list, "expected a list of text")
    v.optional(person, source, where, "extra", v.is_((dict,)), "expected an object")
    questions = person.get("questions")
    if questions is None:
        return
    if not isinstance(questions, list):
        v.fail(source, f"{where}.questions", "expected a list of {question, better} objects")
    for k, q in enumerate(questions):
        at = f"{where}.questions[{k}]"
        if not isinstance(q, Mapping):
            v.fail(source, at, "expected an object with question and better")
        v.require(q, source, at, "question", v.TEXT, non_empty=False)
        v.optional(q, source, at, "better", v.is_(v.OPTIONAL_TEXT), "expected text or null")


def _known_zone(name: str) -> bool:
    try:
        zone(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def _me(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(x, str) for x in value.values())

"""Checking a whole-database backup before anything is written.

A backup is `{"format": "followup-backup", "version": 1, "interviews": [...]}`, each record
in the shape of `model.codec.interview_to_dict`. Every problem is reported as one line that
names the place, e.g. `backup.json: interviews[3].starts_at: expected ISO 8601 ...`, so the
user can fix the file by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfoNotFoundError

from followup.errors import InputError
from followup.model import Culture, Format, Interview, Status
from followup.model.codec import interview_from_dict
from followup.store.repository import check_storable, zone

FORMAT = "followup-backup"
VERSION = 1

_TEXT = (str,)
_OPTIONAL_TEXT = (str, type(None))


def parse_backup(data: Any, source: str = "backup") -> list[Interview]:
    """The interviews in a backup, or InputError naming the first thing that is wrong."""
    if not isinstance(data, Mapping):
        _fail(source, "", f"expected a JSON object with \"format\": \"{FORMAT}\"")
    if data.get("format") != FORMAT:
        _fail(source, "format", f"expected {FORMAT!r}, got {data.get('format')!r}")
    if data.get("version") != VERSION:
        _fail(source, "version",
              f"unsupported backup version {data.get('version')!r}; this followup reads {VERSION}")
    records = data.get("interviews")
    if not isinstance(records, list):
        _fail(source, "interviews", "expected a list of interview records")
    parsed: list[Interview] = []
    seen: dict[tuple[str, str, datetime], int] = {}
    for i, record in enumerate(records):
        where = f"interviews[{i}]"
        interview = _parse_record(record, source, where)
        first = seen.setdefault(interview.natural_key, i)
        if first != i:
            _fail(source, where,
                  f"same company, role and start time as interviews[{first}]")
        parsed.append(interview)
    return parsed


def _parse_record(record: Any, source: str, where: str) -> Interview:
    if not isinstance(record, Mapping):
        _fail(source, where, "expected an object (one interview record)")
    _require(record, source, where, "company", _TEXT, non_empty=True)
    _require(record, source, where, "role", _TEXT, non_empty=True)
    _require(record, source, where, "timezone", _TEXT, non_empty=True)
    if not _known_zone(record["timezone"]):
        _fail(source, f"{where}.timezone", f"unknown time zone {record['timezone']!r}; "
              "expected an IANA name such as Europe/Berlin")
    _check(record, source, where, "starts_at", _aware_datetime,
           "expected ISO 8601 date and time with a UTC offset, e.g. 2024-05-02T14:00:00+02:00")
    _optional(record, source, where, "duration_minutes", _positive_int, "a whole number > 0")
    _optional(record, source, where, "round", _positive_int, "a whole number > 0 or null")
    _optional(record, source, where, "format", _enum(Format), _choices(Format))
    _optional(record, source, where, "culture", _enum(Culture), _choices(Culture))
    _optional(record, source, where, "status", _enum(Status), _choices(Status))
    _optional(record, source, where, "decision_by", _iso_date,
              "expected an ISO date, e.g. 2024-05-10")
    for name in ("job_description", "notes", "outcome"):
        _optional(record, source, where, name, _is(_OPTIONAL_TEXT), "expected text or null")
    _optional(record, source, where, "qualifications", _text_list, "expected a list of text")
    _optional(record, source, where, "extra", _is((dict,)), "expected an object")
    _optional(record, source, where, "me", _me, "expected null or an object with text "
              "fields name, email, signature")
    people = record.get("interviewers")
    if people is not None:
        if not isinstance(people, list):
            _fail(source, f"{where}.interviewers", "expected a list of interviewers")
        for j, person in enumerate(people):
            _check_person(person, source, f"{where}.interviewers[{j}]")
    try:
        interview = interview_from_dict(record)
    except (KeyError, ValueError, TypeError) as exc:  # anything the checks above missed
        _fail(source, where, f"not a valid interview record ({exc})")
    check_storable(interview, f"{source}: {where}")
    return interview


def _check_person(person: Any, source: str, where: str) -> None:
    if not isinstance(person, Mapping):
        _fail(source, where, "expected an object (one interviewer)")
    _require(person, source, where, "name", _TEXT, non_empty=True)
    for name in ("title", "email", "linkedin", "timezone", "salutation"):
        _optional(person, source, where, name, _is(_OPTIONAL_TEXT), "expected text or null")
    _optional(person, source, where, "primary", _is((bool,)), "expected true or false")
    for name in ("discussed", "shared", "next"):
        _optional(person, source, where, name, _text_list, "expected a list of text")
    _optional(person, source, where, "extra", _is((dict,)), "expected an object")
    questions = person.get("questions")
    if questions is None:
        return
    if not isinstance(questions, list):
        _fail(source, f"{where}.questions", "expected a list of {question, better} objects")
    for k, q in enumerate(questions):
        at = f"{where}.questions[{k}]"
        if not isinstance(q, Mapping):
            _fail(source, at, "expected an object with question and better")
        _require(q, source, at, "question", _TEXT, non_empty=False)
        _optional(q, source, at, "better", _is(_OPTIONAL_TEXT), "expected text or null")


def _fail(source: str, where: str, problem: str) -> Any:
    raise InputError(f"{source}: {where}: {problem}" if where else f"{source}: {problem}")


def _require(
    record: Mapping[str, Any], source: str, where: str, key: str, types: tuple[type, ...],
    *, non_empty: bool,
) -> None:
    if key not in record or record[key] is None:
        _fail(source, f"{where}.{key}", "missing (required)")
    value = record[key]
    if not isinstance(value, types) or (non_empty and not str(value).strip()):
        _fail(source, f"{where}.{key}", f"expected non-empty text, got {value!r}")


def _check(
    record: Mapping[str, Any], source: str, where: str, key: str,
    ok: Callable[[Any], bool], expected: str,
) -> None:
    if key not in record:
        _fail(source, f"{where}.{key}", f"missing (required); {expected}")
    if not ok(record[key]):
        _fail(source, f"{where}.{key}", f"{expected}; got {record[key]!r}")


def _optional(
    record: Mapping[str, Any], source: str, where: str, key: str,
    ok: Callable[[Any], bool], expected: str,
) -> None:
    if record.get(key) is not None and not ok(record[key]):
        _fail(source, f"{where}.{key}", f"{expected}; got {record[key]!r}")


def _is(types: tuple[type, ...]) -> Callable[[Any], bool]:
    return lambda value: isinstance(value, types)


def _aware_datetime(value: Any) -> bool:
    try:
        return isinstance(value, str) and datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def _known_zone(name: str) -> bool:
    try:
        zone(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _iso_date(value: Any) -> bool:
    try:
        return isinstance(value, str) and bool(date.fromisoformat(value))
    except ValueError:
        return False


def _positive_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _text_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _me(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())


def _enum(kind: type[Format] | type[Culture] | type[Status]) -> Callable[[Any], bool]:
    return lambda value: value in {m.value for m in kind}


def _choices(kind: type[Format] | type[Culture] | type[Status]) -> str:
    return "expected one of " + ", ".join(m.value for m in kind)

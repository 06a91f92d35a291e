"""Small checks for reading a backup: each failure is one line naming the place.

Shared by `backup` (interview records) and `backup_followups` (drafts and events). Every
checker raises InputError as `<source>: <where>: <problem>`, e.g.
`backup.json: interviews[2].drafts[0].stage: expected one of thank-you, check-in`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import Any, NoReturn

from followup.errors import InputError
from followup.model import limits
from followup.model.limits import DB_INT_MAX

TEXT = (str,)
OPTIONAL_TEXT = (str, type(None))
AWARE = "expected ISO 8601 date and time with a UTC offset, e.g. 2024-05-02T14:00:00+02:00"


def fail(source: str, where: str, problem: str) -> NoReturn:
    raise InputError(f"{source}: {where}: {problem}" if where else f"{source}: {problem}")


def require(
    record: Mapping[str, Any], source: str, where: str, key: str, types: tuple[type, ...],
    *, non_empty: bool,
) -> None:
    """A text field that must be present (and, with `non_empty`, not blank)."""
    if key not in record or record[key] is None:
        fail(source, f"{where}.{key}", "missing (required)")
    value = record[key]
    if not isinstance(value, types) or (non_empty and not str(value).strip()):
        wanted = "non-empty text" if non_empty else "text"
        fail(source, f"{where}.{key}", f"expected {wanted}, got {shown(value)}")


def check(
    record: Mapping[str, Any], source: str, where: str, key: str,
    ok: Callable[[Any], bool], expected: str,
) -> None:
    """A field that must be present and pass `ok`."""
    if key not in record:
        fail(source, f"{where}.{key}", f"missing (required); {expected}")
    if not ok(record[key]):
        fail(source, f"{where}.{key}", f"{expected}; got {shown(record[key])}")


def optional(
    record: Mapping[str, Any], source: str, where: str, key: str,
    ok: Callable[[Any], bool], expected: str,
) -> None:
    """A field that may be missing or null, and otherwise must pass `ok`."""
    if record.get(key) is not None and not ok(record[key]):
        fail(source, f"{where}.{key}", f"{expected}; got {shown(record[key])}")


def shown(value: Any, width: int = 60) -> str:
    """A value for an error message: a huge number or a long text is summarised (a number
    of 5,000 digits cannot even be turned into text by default)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**width:
        return f"a {value.bit_length():,}-bit number"
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def storable_text(value: str, source: str, where: str) -> None:
    """Refuse what no backend can store, so SQLite and PostgreSQL agree."""
    if "\x00" in value:
        fail(source, where, "contains a NUL character, which cannot be stored")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        fail(source, where, "contains an unpaired surrogate")


def is_(types: tuple[type, ...]) -> Callable[[Any], bool]:
    return lambda value: isinstance(value, types)


def aware_datetime(value: Any) -> bool:
    """An ISO date-time with an offset, in the years `model.limits` allows."""
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return False
    return moment is not None and moment.tzinfo is not None and \
        limits.year_problem(moment) is None


def iso_date(value: Any) -> bool:
    """An ISO date in the years `model.limits` allows."""
    try:
        day = date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return False
    return day is not None and limits.year_problem(day) is None


def whole(value: Any) -> bool:
    """An int that is not a bool (JSON true is not 1 here) and that both databases can store
    (PostgreSQL's INTEGER is 32 bits)."""
    return isinstance(value, int) and not isinstance(value, bool) and \
        -DB_INT_MAX <= value <= DB_INT_MAX


def positive_int(value: Any) -> bool:
    return whole(value) and value > 0


def minutes(value: Any) -> bool:
    return whole(value) and limits.duration_problem(value) is None


def round_number(value: Any) -> bool:
    return whole(value) and limits.round_problem(value) is None


def text_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def enum(kind: type[StrEnum]) -> Callable[[Any], bool]:
    return lambda value: value in {m.value for m in kind}


def choices(kind: type[StrEnum]) -> str:
    return "expected one of " + ", ".join(m.value for m in kind)

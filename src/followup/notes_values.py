"""Strict readers for the values in a notes file: counts, dates, local times, zones, choices.

Each takes the raw text of one field and returns a typed value or raises ValueError whose
message says what is wrong and what was expected; the caller adds the file, line and key.
Also the one way notes-related files are read from disk (`read_utf8`).
"""

from __future__ import annotations

import calendar
import os
import re
import stat
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup.model.interview import Culture, Format

_E = TypeVar("_E", Format, Culture)

MAX_NOTES_BYTES = 1_048_576
_WHEN_EXPECTED = "YYYY-MM-DD HH:MM"
_DATE_EXPECTED = "YYYY-MM-DD"
_WHEN = re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?", re.ASCII)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_SLASHED = re.compile(r"\d{1,4}[/.]\d{1,2}(?:[/.]\d{1,4})?\b", re.ASCII)
_COUNT = re.compile(r"[0-9]+")


class UnreadableFileError(Exception):
    """A file that cannot be used as text; `reason` says why, `line` where (if known)."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


def read_utf8(path: Path, limit: int = MAX_NOTES_BYTES, what: str = "a notes file") -> str:
    """A small UTF-8 text file's content (BOM dropped), or UnreadableFileError saying why.

    Only a regular file is read (a device such as /dev/zero, a FIFO or a directory is
    refused before reading), and never more than `limit` bytes: the size is counted while
    reading, not trusted from stat(), which says 0 for /proc files and can change.
    """
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; regular files ignore it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise UnreadableFileError("file not found") from None
    except OSError as exc:
        raise UnreadableFileError(f"cannot read the file ({exc.strerror or exc})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnreadableFileError("not a regular file; expected a text file")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(65_536, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise UnreadableFileError(
                f"file is larger than {_size(limit)}; expected {what}")
        data = b"".join(chunks)
    except OSError as exc:
        raise UnreadableFileError(f"cannot read the file ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UnreadableFileError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x}); expected a UTF-8 encoded file", line
        ) from None


def _size(limit: int) -> str:
    return f"{limit / 1_048_576:g} MiB" if limit >= 1_048_576 else f"{limit:,} bytes"


# --- strict scalar types ---------------------------------------------------------------------


def positive_int(raw: str, what: str) -> int:
    """A positive whole number written in ASCII digits; ValueError says what was expected."""
    text = raw.strip()
    if not _COUNT.fullmatch(text) or int(text[:30]) == 0:
        shown = raw if len(raw) <= 40 else f"{raw[:20]}… ({len(raw)} characters)"
        raise ValueError(f"{shown!r} is not a positive whole number; expected {what}")
    if len(text.lstrip("0")) > 18:
        raise ValueError(f"a {len(text.lstrip('0'))}-digit number is far too large; "
                         f"expected {what}")
    return int(text)


def _why_not_iso(raw: str, expected: str) -> str:
    if _SLASHED.match(raw.strip()):
        return (f"ambiguous date {raw!r} (day/month or month/day?); "
                f"expected {expected}")
    return f"cannot read {raw!r} as a date; expected {expected}"


def _checked_date(year: int, month: int, day: int, raw: str) -> date:
    if not 1 <= month <= 12:
        raise ValueError(f"impossible date {raw!r}: there is no month {month}")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        name = calendar.month_name[month]
        raise ValueError(f"impossible date {raw!r}: {name} {year} has {days} days")
    return date(year, month, day)


def parse_date(raw: str) -> date:
    """A YYYY-MM-DD date, read strictly; ValueError explains an ambiguous or impossible one."""
    match = _DATE.fullmatch(raw.strip())
    if not match:
        raise ValueError(_why_not_iso(raw, _DATE_EXPECTED))
    year, month, day = (int(g) for g in match.groups())
    return _checked_date(year, month, day, raw)


def parse_local_time(raw: str) -> datetime:
    """A naive local 'YYYY-MM-DD HH:MM[:SS]' (or with T); ValueError explains what is wrong."""
    text = raw.strip()
    match = _WHEN.fullmatch(text)
    if not match:
        if date_only := _DATE.fullmatch(text):
            year, month, day = (int(g) for g in date_only.groups())
            _checked_date(year, month, day, raw)  # an impossible date says so first
            raise ValueError(f"{raw!r} has no time of day; expected {_WHEN_EXPECTED}")
        raise ValueError(_why_not_iso(raw, _WHEN_EXPECTED))
    year, month, day, hour, minute = (int(g) for g in match.groups()[:5])
    second = int(match.group(6) or 0)
    day_ = _checked_date(year, month, day, raw)
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(f"impossible time in {raw!r}; hours run 00-23, minutes 00-59")
    return datetime(day_.year, day_.month, day_.day, hour, minute, second)


def zone_named(name: str) -> ZoneInfo:
    """The IANA zone of that name; ValueError says what a valid name looks like."""
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError):
        raise ValueError(f"unknown time zone {name!r}; expected an IANA name such as "
                         "America/Chicago or Europe/Berlin") from None


def localize(naive: datetime, zone: ZoneInfo) -> datetime:
    """The local time as an aware datetime; a time skipped by a DST jump is a ValueError.

    A repeated (fall-back) time takes fold=0: its first, daylight-saving occurrence.
    """
    aware = naive.replace(tzinfo=zone, fold=0)
    if aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        raise ValueError(
            f"{naive:%Y-%m-%d %H:%M} does not exist on that day in {zone.key} (the clocks "
            "jump forward over it); expected a local time that exists"
        )
    return aware


def choice(raw: str, kind: type[_E]) -> _E:
    """One of an enum's values, case-insensitively; ValueError lists the valid ones."""
    try:
        return kind(raw.strip().lower())
    except ValueError:
        valid = " | ".join(member.value for member in kind)
        raise ValueError(f"unknown value {raw!r}; expected {valid}") from None




def boolean(raw: str) -> bool:
    """Strictly true or false (YAML 1.1's yes/no/on/off are not guessed at)."""
    text = raw.strip().lower()
    if text not in ("true", "false"):
        raise ValueError(f"{raw!r} is not true or false; expected true or false")
    return text == "true"

"""The ranges a record's numbers and dates must fall in, one table every entry point uses.

A record outside them could be stored but not planned: an interview lasting 4,300,000,000
minutes or starting in year 9999 makes the agenda's date arithmetic overflow, and a number
past 2^31 - 1 fits SQLite's integers but not PostgreSQL's. The notes reader, the store (which
every form, flag, API call and restore goes through) and the backup reader all check these,
so both databases accept exactly the same records.
"""

from __future__ import annotations

from datetime import date, datetime

MAX_DURATION_MINUTES = 24 * 60  # an interview lasts at most a day
MAX_ROUND = 100
MIN_YEAR = 1970
MAX_YEAR = 2200
DB_INT_MAX = 2**31 - 1  # PostgreSQL INTEGER; SQLite's are wider
# The longest text the checker takes (CLI and web alike): a note is a few hundred words, and
# the proofreader's time grows with the text while it holds its lock.
MAX_CHECK_CHARS = 10_000


def duration_problem(minutes: int) -> str | None:
    if not 1 <= minutes <= MAX_DURATION_MINUTES:
        return (f"{minutes} minutes is out of range; expected 1 to {MAX_DURATION_MINUTES} "
                "(an interview lasts at most a day)")
    return None


def round_problem(number: int) -> str | None:
    if not 1 <= number <= MAX_ROUND:
        return f"round {number} is out of range; expected 1 to {MAX_ROUND}"
    return None


def year_problem(moment: date | datetime) -> str | None:
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        return (f"year {moment.year} is out of range; expected a year from {MIN_YEAR} to "
                f"{MAX_YEAR}")
    return None


def id_problem(number: int) -> str | None:
    if not 1 <= number <= DB_INT_MAX:
        return f"{number} is not an id followup could have given; ids run from 1 to {DB_INT_MAX}"
    return None


def check_size_problem(text: str, name: str) -> str | None:
    if len(text) > MAX_CHECK_CHARS:
        return (f"{name} is {len(text):,} characters long; the checker takes a note of up to "
                f"{MAX_CHECK_CHARS:,} characters (about 1,500 words, six times the longest "
                "email it recommends): check it in parts")
    return None

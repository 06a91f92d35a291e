"""What every command group shares: opening the store, reading config, parsing `--now`."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import typer

from followup.errors import InputError

if TYPE_CHECKING:
    from followup.config import Config
    from followup.store import Store


def store_for(ctx: typer.Context) -> Store:
    """The store named by `--db`, FOLLOWUP_DATABASE_URL or the default SQLite file."""
    from followup.store import open_store

    root = ctx.find_root()
    url = (root.obj or {}).get("db")
    return open_store(url)


def user_config() -> Config:
    from followup import config

    return config.load()


def parse_now(value: str | None, *, option: str = "--now") -> datetime:
    """An aware moment from ISO 8601; naive input is read in the user's zone."""
    from zoneinfo import ZoneInfo

    if value is None:
        return datetime.now().astimezone()
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"{option}: {value!r} is not an ISO 8601 time; expected e.g. 2026-11-25T09:00-06:00"
        ) from None
    from followup.model.limits import year_problem

    if problem := year_problem(moment):
        raise InputError(f"{option}: {problem}")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(user_config().timezone))
    return moment


def confirm(question: str, *, assume_yes: bool) -> bool:
    """Ask before a destructive step; refuse rather than guess when nobody can answer."""
    import sys

    if assume_yes:
        return True
    if not sys.stdin.isatty():
        raise InputError(f"{question} Pass --yes to confirm when not on a terminal.")
    return typer.confirm(question, default=False)

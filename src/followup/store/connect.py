"""Engines for SQLite and PostgreSQL, with the per-connection settings each one needs.

SQLite: WAL (readers never block the writer), foreign keys on (off by default in SQLite),
a busy timeout, and transactions begun by us rather than by the sqlite3 module, so a write
transaction can take the write lock up front (`BEGIN IMMEDIATE`). Without that, two
processes that both read and then write deadlock into "database is locked" at once instead
of waiting for each other.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.pool import StaticPool

from followup.errors import StorageError
from followup.store.urls import redact

BUSY_TIMEOUT_MS = 10_000
WRITE = "followup_write"  # execution option: this connection's transaction will write


def create_engine(url: str) -> sa.Engine:
    """An engine for `url` (already normalised); StorageError if the driver is missing."""
    try:
        if url.startswith("sqlite"):
            return _sqlite_engine(url)
        return sa.create_engine(url, pool_pre_ping=False)
    except ModuleNotFoundError as exc:
        raise StorageError(
            f"cannot use {redact(url)}: the driver {exc.name!r} is not installed "
            "(pip install 'followup[postgres]')"
        ) from None
    except sa.exc.ArgumentError as exc:
        raise StorageError(f"not a valid database URL: {redact(url)} ({exc})") from None


def _sqlite_engine(url: str) -> sa.Engine:
    memory = ":memory:" in url or url.rstrip("/") == "sqlite:"
    kwargs: dict[str, Any] = {}
    if memory:
        # One shared connection, or every checkout would see a new empty database.
        kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    engine = sa.create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves, see module docstring
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if not memory:
            cursor.execute("PRAGMA journal_mode = WAL")
            # NORMAL is durable across application crashes in WAL mode, and much faster.
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        immediate = conn.get_execution_options().get(WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def connection_error(
    url: str, exc: BaseException, doing: str = "cannot open database"
) -> StorageError:
    """A one-line StorageError for a database that cannot be reached, opened or written."""
    detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    reason = detail[0] if detail else type(exc).__name__
    return StorageError(f"{doing} {redact(url)}: {reason}")

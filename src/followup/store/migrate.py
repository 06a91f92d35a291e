"""Bringing a database to the schema this code expects (Alembic `upgrade head`).

Opening a database that is already at head costs one small query: Alembic is imported only
when a migration is actually needed, which keeps `followup list` quick. Before a SQLite file
with data is migrated, a copy is put beside it, so a failed or unwanted upgrade loses nothing.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa

from followup.errors import StorageError
from followup.store.connect import WRITE
from followup.store.urls import redact, sqlite_path

# The newest revision in migrations/versions; a test keeps it equal to Alembic's head.
HEAD_REVISION = "0003"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# Any constant works; it only has to be the same for every followup process.
_PG_LOCK_KEY = 0x666F6C6C6F7775


def current_revision(conn: sa.Connection) -> str | None:
    """The Alembic revision stamped in the database, or None if it has none."""
    if not sa.inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def ensure_head(engine: sa.Engine, url: str, now: datetime) -> Path | None:
    """Migrate to head if needed; returns the backup file made before migrating, if any."""
    with engine.connect() as conn:
        revision = current_revision(conn)
        if revision == HEAD_REVISION:
            return None
        has_tables = bool(sa.inspect(conn).get_table_names())
        conn.rollback()
    _check_known(revision, url)
    backup = None
    db_file = sqlite_path(url)
    if db_file is not None and has_tables:
        backup = backup_sqlite(db_file, revision, now)
    try:
        _upgrade(engine)
    except Exception as exc:
        saved = f"; the database before the attempt is saved as {backup}" if backup else ""
        raise StorageError(
            f"cannot migrate {redact(url)} from revision {revision or 'unversioned'} "
            f"to {HEAD_REVISION}: {str(exc).splitlines()[0] if str(exc) else exc!r}{saved}"
        ) from exc
    return backup


def _check_known(revision: str | None, url: str) -> None:
    """Refuse a database written by a newer followup rather than mangle it."""
    if revision is None:
        return
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    known = {rev.revision for rev in script.walk_revisions()}
    if revision not in known:
        raise StorageError(
            f"{redact(url)} is at schema revision {revision!r}, which this version of "
            "followup does not know; it was probably written by a newer followup"
        )


def _upgrade(engine: sa.Engine, target: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.connect().execution_options(**{WRITE: True}) as conn:
        config.attributes["connection"] = conn
        config.attributes["pg_lock_key"] = _PG_LOCK_KEY
        command.upgrade(config, target)
        conn.commit()


def backup_sqlite(db_file: Path, revision: str | None, now: datetime) -> Path:
    """Copy a SQLite database (WAL included) to `<file>.bak-<revision>-<UTC time>`."""
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    target = db_file.with_name(f"{db_file.name}.bak-{revision or 'unversioned'}-{stamp}")
    counter = 1
    while target.exists():  # two migrations in one second: keep both copies
        counter += 1
        target = target.with_name(f"{target.name.split('~')[0]}~{counter}")
    # The backup API copies a consistent snapshot, including pages still in the -wal file,
    # which a plain file copy would miss.
    from followup.paths import create_private

    create_private(target)  # a backup is as private as the database
    source = sqlite3.connect(db_file)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
            # The copy inherits WAL mode; make it one self-contained file instead.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
    finally:
        source.close()
    return target

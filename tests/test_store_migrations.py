"""Store: opening databases — URLs, SQLite settings, migrations and the backup made first."""

from __future__ import annotations

import shutil
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from followup.errors import StorageError
from followup.model import Interview
from followup.store import Store, migrate, open_store, resolve_url
from followup.store.tables import metadata

MakeInterview = Callable[..., Interview]

SECOND_REVISION = '''"""Test-only revision: one more index."""
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_test_company_key", "interviews", ["company_key"])


def downgrade() -> None:
    op.drop_index("ix_test_company_key", "interviews")
'''


def test_head_constant_matches_the_migration_scripts() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(migrate.MIGRATIONS_DIR))
    assert script.get_heads() == [migrate.HEAD_REVISION]


def test_migrated_schema_is_the_tables_module(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with store._engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


@pytest.fixture
def second_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend this followup ships a revision 0004 on top of the real 0003."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts,
                    ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0004_test.py").write_text(SECOND_REVISION)
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)
    monkeypatch.setattr(migrate, "HEAD_REVISION", "0004")


def _revision(store: Store) -> str | None:
    with store._engine.connect() as conn:
        return migrate.current_revision(conn)


def test_upgrade_keeps_data_and_backs_up_sqlite_first(
    tmp_path: Path, make_interview: MakeInterview, request: pytest.FixtureRequest
) -> None:
    db = tmp_path / "old.sqlite3"
    with open_store(str(db)) as old:
        saved, _ = old.save_interview(make_interview())
    request.getfixturevalue("second_revision")
    moment = datetime(2024, 7, 1, 8, 30, 5, tzinfo=UTC)
    with open_store(str(db), clock=lambda: moment) as new:
        assert _revision(new) == "0004"
        assert new.get_interview(saved.id or 0) == saved
        backup = db.with_name("old.sqlite3.bak-0003-20240701T083005Z")
        assert new.migration_backup == backup
    assert sorted(p.name for p in tmp_path.glob("old.sqlite3.bak-*")) == [backup.name]
    # The copy is a complete database at the old revision, with the data.
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0003",)
        assert conn.execute("SELECT company FROM interviews").fetchall() == [(saved.company,)]
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "ix_test_company_key" not in indexes
    conn.close()
    # Opening again at head: nothing to do, no second copy.
    with open_store(str(db)) as again:
        assert again.migration_backup is None
    assert len(list(tmp_path.glob("old.sqlite3.bak-*"))) == 1


@pytest.mark.postgres
def test_upgrade_keeps_data_on_postgres(
    postgres_url: str, make_interview: MakeInterview, request: pytest.FixtureRequest
) -> None:
    with open_store(postgres_url) as old:
        saved, _ = old.save_interview(make_interview())
    request.getfixturevalue("second_revision")
    with open_store(postgres_url) as new:
        assert _revision(new) == "0004"
        assert new.migration_backup is None  # back up PostgreSQL with pg_dump, not a copy
        assert new.get_interview(saved.id or 0) == saved


def test_a_database_at_0001_gains_drafts_and_events_and_keeps_its_data(
    tmp_path: Path, make_interview: MakeInterview
) -> None:
    from followup.store import repository
    from followup.store.connect import create_engine

    db = tmp_path / "v1.sqlite3"
    engine = create_engine(f"sqlite:///{db}")
    migrate._upgrade(engine, "0001")
    with engine.begin() as conn:  # the interview tables are unchanged since 0001
        saved = repository.insert(conn, make_interview(), datetime.now(UTC))
    engine.dispose()
    with open_store(str(db)) as store:
        assert _revision(store) == migrate.HEAD_REVISION
        assert store.migration_backup is not None
        assert store.migration_backup.name.startswith("v1.sqlite3.bak-0001-")
        assert store.get_interview(saved.id or 0) == saved
        assert store.list_drafts() == [] and store.list_events() == []


def test_a_new_file_is_not_backed_up(tmp_path: Path) -> None:
    db = tmp_path / "deep" / "dir" / "new.sqlite3"
    with open_store(str(db)) as store:
        assert store.migration_backup is None
        assert _revision(store) == migrate.HEAD_REVISION
    assert [p.name for p in db.parent.iterdir() if ".bak-" in p.name] == []


def test_an_unversioned_file_is_backed_up_as_such(tmp_path: Path) -> None:
    db = tmp_path / "legacy.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE scratch (x TEXT)")
        conn.execute("INSERT INTO scratch VALUES ('keep me')")
    conn.close()
    with open_store(str(db)) as store:
        assert store.migration_backup is not None
        assert store.migration_backup.name.startswith("legacy.sqlite3.bak-unversioned-")
    with sqlite3.connect(store.migration_backup) as copy:
        assert copy.execute("SELECT x FROM scratch").fetchall() == [("keep me",)]
    copy.close()


def test_a_failed_migration_names_the_backup(tmp_path: Path) -> None:
    db = tmp_path / "clash.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE interviews (x TEXT)")  # in the way of revision 0001
    conn.close()
    with pytest.raises(StorageError, match=r"cannot migrate .* saved as .*clash\.sqlite3\.bak-"):
        open_store(str(db))


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "future.sqlite3"
    open_store(str(db)).close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    conn.close()
    with pytest.raises(StorageError, match=r"revision '0099'.*newer followup"):
        open_store(str(db))


def test_opening_at_head_does_not_import_alembic(tmp_path: Path) -> None:
    db = tmp_path / "fast.sqlite3"
    open_store(str(db)).close()
    code = (
        "import sys; from followup.store import open_store; "
        f"open_store({str(db)!r}).close(); print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    db = tmp_path / "wal.sqlite3"
    with open_store(str(db)) as store, store._engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000
    with sqlite3.connect(db) as raw:  # WAL is a property of the file, seen by anyone
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    raw.close()


def test_unreachable_postgres_is_one_line_without_the_password() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"postgresql://ana:s3cret@127.0.0.1:{port}/followup"
    with pytest.raises(StorageError) as caught:
        open_store(url)
    message = str(caught.value)
    assert message.startswith(
        f"cannot open database postgresql+psycopg://ana:***@127.0.0.1:{port}/followup: "
    )
    assert "s3cret" not in message and "\n" not in message


def test_default_url_is_a_file_in_the_data_dir(_isolated_home: Path) -> None:
    expected = _isolated_home / "followup.sqlite3"
    assert resolve_url() == f"sqlite:///{expected}"
    with open_store() as store:
        assert store.url == f"sqlite:///{expected}"
    assert expected.exists()


def test_url_precedence_and_normalisation(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("FOLLOWUP_DATABASE_URL", "postgres://u:p@db.example/f")
    assert resolve_url() == "postgresql+psycopg://u:p@db.example/f"
    assert resolve_url("postgresql://h/f") == "postgresql+psycopg://h/f"
    assert resolve_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path / 'x.db'}"
    assert resolve_url("sqlite:///rel.db") == "sqlite:///rel.db"
    assert resolve_url("postgresql+psycopg://h/f") == "postgresql+psycopg://h/f"


def test_unsupported_scheme_is_a_storage_error() -> None:
    with pytest.raises(StorageError, match=r"unsupported .*'mysql'.*mysql://u:\*\*\*@h/db"):
        resolve_url("mysql://u:pw@h/db")


def test_unwritable_directory_is_a_storage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StorageError, match="cannot create"):
        open_store(str(blocker / "sub" / "db.sqlite3"))


def test_in_memory_sqlite_works(make_interview: MakeInterview) -> None:
    with open_store("sqlite://") as store:
        saved, _ = store.save_interview(make_interview())
        assert store.get_interview(saved.id or 0) == saved

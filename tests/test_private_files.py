"""What followup writes is private: its directories 0700 (also ones an older version left
0755), its files 0600 — the database and its WAL, the config, the backup made before a
migration, exports and calendars. Directories the user names for an export are left alone."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from followup.cli import app
from followup.cli.demo import sample_notes_path
from followup.paths import config_file, data_dir, default_database_path


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _usual_umask() -> object:
    old = os.umask(0o022)  # the common default, which made everything world-readable
    yield
    os.umask(old)


def test_the_default_database_config_and_exports_are_private(tmp_path: Path) -> None:
    runner = CliRunner()
    for args in (["config", "set", "timezone", "America/Chicago"],
                 ["import", str(sample_notes_path())],
                 ["calendar", "--all", "-o", str(tmp_path / "out" / "all.ics"),
                  "--now", "2026-11-25T08:30:00-06:00"],
                 ["export", "--all", "-o", str(tmp_path / "out" / "backup.json")]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
    db = default_database_path()
    assert _mode(data_dir()) == 0o700 and _mode(config_file().parent) == 0o700
    for path in (db, config_file(), tmp_path / "out" / "all.ics",
                 tmp_path / "out" / "backup.json"):
        assert _mode(path) == 0o600, path
    for suffix in ("-wal", "-shm"):
        side = db.with_name(db.name + suffix)
        if side.exists():
            assert _mode(side) == 0o600, side
    assert _mode(tmp_path / "out") == 0o755  # the user's own directory: untouched


def test_an_old_world_readable_data_directory_is_tightened(tmp_path: Path) -> None:
    data_dir().mkdir(parents=True, mode=0o755)
    data_dir().chmod(0o755)
    result = CliRunner().invoke(app, ["list"])
    assert result.exit_code == 0, result.output
    assert _mode(data_dir()) == 0o700
    assert _mode(default_database_path()) == 0o600


def test_the_backup_before_a_migration_is_private(tmp_path: Path) -> None:
    from followup.store import migrate, open_store
    from followup.store.connect import create_engine

    db = data_dir() / "old.sqlite3"
    data_dir().mkdir(parents=True)
    engine = create_engine(f"sqlite:///{db}")
    migrate._upgrade(engine, "0002")
    engine.dispose()
    with open_store(str(db)) as store:
        assert store.migration_backup is not None
        assert _mode(store.migration_backup) == 0o600

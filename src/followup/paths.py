"""Where followup keeps its files: the user's data and config directories.

`FOLLOWUP_HOME`, when set, holds everything (data and config) so tests, demos and portable
installs never touch the real user directories.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "followup"


def _home_override() -> Path | None:
    home = os.environ.get("FOLLOWUP_HOME")
    return Path(home).expanduser() if home else None


def data_dir() -> Path:
    """Directory for the SQLite database, backups and recovery files."""
    home = _home_override()
    if home is not None:
        return home
    from platformdirs import user_data_path

    return user_data_path(APP, appauthor=False)


def config_dir() -> Path:
    """Directory for config.toml."""
    home = _home_override()
    if home is not None:
        return home
    from platformdirs import user_config_path

    return user_config_path(APP, appauthor=False)


def config_file() -> Path:
    return config_dir() / "config.toml"


def default_database_path() -> Path:
    return data_dir() / "followup.sqlite3"


def atomic_write_text(path: Path, text: str) -> None:
    """Write a file so readers see the old content or the new, never half of it."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()

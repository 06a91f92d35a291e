"""Where followup keeps its files: the user's data and config directories.

`FOLLOWUP_HOME`, when set, holds everything (data and config) so tests, demos and portable
installs never touch the real user directories.

What followup writes is private: its own directories are 0700 (made so, also when an older
version left them 0755), and every file it writes — database, config, backups, exports,
calendars — is created 0600. Directories the user names for an export are left as they are.
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


PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def private_dir(path: Path) -> Path:
    """Create `path` (and its parents) if needed; make it 0700 when it is one of followup's
    own directories (the data or config directory, or inside one)."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    if _ours(path):
        path.chmod(PRIVATE_DIR)
    return path


def _ours(path: Path) -> bool:
    try:
        resolved = path.resolve()
    except OSError:
        return False
    for root in {data_dir().resolve(), config_dir().resolve()}:
        if resolved == root or root in resolved.parents:
            return True
    return False


def create_private(path: Path) -> None:
    """Create an empty file readable by its owner only, unless it exists already (then its
    mode is tightened when it is one of followup's own files)."""
    private_dir(path.parent) if _ours(path.parent) else path.parent.mkdir(
        parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    except FileExistsError:
        if _ours(path.parent):
            path.chmod(PRIVATE_FILE)


def atomic_write_text(path: Path, text: str) -> None:
    """Write a file so readers see the old content or the new, never half of it."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write through a temporary file renamed over `path`; the file is created 0600."""
    if _ours(path.parent):
        private_dir(path.parent)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
        with open(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()

"""Which database to use: resolving `--db`, `FOLLOWUP_DATABASE_URL` and the default file.

A bare path is a SQLite file; `postgres://` and `postgresql://` URLs are pointed at the
psycopg 3 driver, the one followup ships with (extra `postgres`).
"""

from __future__ import annotations

import os
from pathlib import Path

from followup import paths
from followup.errors import StorageError

ENV_VAR = "FOLLOWUP_DATABASE_URL"


def resolve_url(explicit: str | None = None) -> str:
    """The database URL in force: `--db` over the environment over the default SQLite file."""
    raw = explicit or os.environ.get(ENV_VAR) or str(paths.default_database_path())
    return normalize_url(raw)


def normalize_url(raw: str) -> str:
    """A full SQLAlchemy URL for what the user wrote (a path or a URL)."""
    raw = raw.strip()
    if not raw:
        raise StorageError("empty database URL; give a SQLite file path or a postgresql:// URL")
    if "://" not in raw:
        return "sqlite:///" + str(Path(raw).expanduser().absolute())
    scheme, rest = raw.split("://", 1)
    scheme = scheme.lower()
    if scheme in ("postgres", "postgresql"):
        return f"postgresql+psycopg://{rest}"
    if scheme == "sqlite" or scheme.startswith(("postgresql+", "sqlite+")):
        return f"{scheme}://{rest}"
    raise StorageError(
        f"unsupported database URL scheme {scheme!r} in {redact(raw)}; "
        "use a SQLite file path or a postgresql:// URL"
    )


def redact(url: str) -> str:
    """The URL with any password replaced by ***, fit for messages and logs."""
    if "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    netloc, slash, tail = rest.partition("/")
    userinfo, at, host = netloc.rpartition("@")
    if at and ":" in userinfo:
        userinfo = userinfo.split(":", 1)[0] + ":***"
    return f"{scheme}://{userinfo}{at}{host}{slash}{tail}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for PostgreSQL and in-memory databases."""
    if not url.startswith("sqlite"):
        return None
    rest = url.split("://", 1)[1]
    if not rest.startswith("/"):
        return None
    database = rest[1:].split("?", 1)[0]
    if database in ("", ":memory:"):
        return None
    return Path(database)

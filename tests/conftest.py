"""Shared test fixtures: an isolated FOLLOWUP_HOME, a real PostgreSQL server, stores.

The PostgreSQL server is started once per session in a temporary directory on a free port
of 127.0.0.1 (as the `postgres` user when running as root, since the server refuses root)
and stopped at the end. Each test that asks for the `store` fixture gets both backends:
a SQLite file in its tmp_path, and a PostgreSQL database at head, emptied for the test
(see PostgresPool). Tests that change the schema get a brand-new database instead.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import pytest

if TYPE_CHECKING:
    from followup.store import Store

INSTALL_HINT = "install PostgreSQL to run them: apt-get install postgresql"
# Mail fixtures (real Dovecot and aiosmtpd servers) live in their own module.
pytest_plugins = ["conftest_mail"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/ from the current output instead of comparing")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the real user directories or a database named in the environment."""
    home = tmp_path / "followup-home"
    monkeypatch.setenv("FOLLOWUP_HOME", str(home))
    monkeypatch.delenv("FOLLOWUP_DATABASE_URL", raising=False)
    return home


def _pg_bin() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key)
    for directory in reversed(candidates):
        if (Path(directory) / "initdb").exists():
            return Path(directory)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _version_key(path: str) -> tuple[int, ...]:
    version = Path(path).parent.name
    return tuple(int(p) for p in version.split(".") if p.isdigit())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PostgresServer:
    """A running test server; `url(db)` gives a followup URL for one of its databases."""

    port: int
    directory: Path
    _counter: itertools.count[int]

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE need that)."""
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type,unused-ignore]  # psycopg wants LiteralString

    def new_database(self, template: str | None = None) -> str:
        """Create an empty (or cloned) database and return its URL."""
        name = f"t{next(self._counter)}"
        clause = f" TEMPLATE {template}" if template else ""
        self.admin(f"CREATE DATABASE {name}{clause} ENCODING 'UTF8'")
        return self.url(name)


def _run_as_postgres(args: list[str], as_root: bool) -> None:
    if as_root:
        cmd = ["su", "postgres", "-s", "/bin/sh", "-c", subprocess.list2cmdline(args)]
    else:
        cmd = args
    subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    pg_bin = _pg_bin()
    if pg_bin is None:
        message = f"PostgreSQL binaries (initdb, pg_ctl) not found; {INSTALL_HINT}"
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the PostgreSQL tests: {message}", pytrace=False)
        pytest.skip(message)
    try:
        import psycopg  # noqa: F401
    except ImportError:
        message = "psycopg is not installed (pip install -e '.[postgres]')"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    as_root = os.geteuid() == 0
    # Not under pytest's tmp dir: that one is private to root, and the server runs as postgres.
    directory = Path(tempfile.mkdtemp(prefix="followup-pg-"))
    if as_root:
        shutil.chown(directory, "postgres")
    data = directory / "data"
    _run_as_postgres(
        [str(pg_bin / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
         "-E", "UTF8", "--locale=C"],
        as_root,
    )
    # Durability is pointless for throwaway test data; these make the server much faster.
    options = f"-k {directory} -c listen_addresses=127.0.0.1 -c fsync=off " \
              "-c synchronous_commit=off -c full_page_writes=off"
    port = 0
    for _attempt in range(3):  # another process may grab the free port first
        port = _free_port()
        try:
            _run_as_postgres(
                [str(pg_bin / "pg_ctl"), "-D", str(data), "-o", f"-p {port} {options}",
                 "-l", str(directory / "log"), "start", "-w", "-t", "60"],
                as_root,
            )
            break
        except subprocess.CalledProcessError:
            continue
    else:
        log = (directory / "log").read_text(errors="replace")[-2000:]
        pytest.fail(f"PostgreSQL did not start; log:\n{log}")
    try:
        yield PostgresServer(port, directory, itertools.count(1))
    finally:
        with contextlib.suppress(subprocess.SubprocessError):
            _run_as_postgres(
                [str(pg_bin / "pg_ctl"), "-D", str(data), "stop", "-m", "immediate"], as_root
            )
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_template(postgres_server: PostgresServer) -> str:
    """Name of a database migrated to head, to clone per test."""
    from followup.store import open_store

    postgres_server.admin("CREATE DATABASE followup_template ENCODING 'UTF8'")
    with open_store(postgres_server.url("followup_template")):
        pass
    return "followup_template"


class PostgresPool:
    """Databases at head reused across tests, emptied (TRUNCATE) before each use.

    Emptying takes a few milliseconds where CREATE DATABASE takes a quarter of a second.
    Tests that change the schema itself use `postgres_url` (a new database) instead.
    """

    def __init__(self, server: PostgresServer, template: str) -> None:
        self.server = server
        self.template = template
        self.urls: list[str] = []

    def clean(self, index: int) -> str:
        """The index-th database of the pool, with every table empty and ids reset."""
        import sqlalchemy as sa

        from followup.store.tables import metadata

        while len(self.urls) <= index:
            self.urls.append(self.server.new_database(template=self.template))
        url = self.urls[index]
        names = ", ".join(table.name for table in metadata.sorted_tables)
        engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
        try:
            with engine.begin() as conn:
                conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
        finally:
            engine.dispose()
        return url


@pytest.fixture(scope="session")
def postgres_pool(postgres_server: PostgresServer, postgres_template: str) -> PostgresPool:
    return PostgresPool(postgres_server, postgres_template)


@pytest.fixture
def postgres_url(postgres_server: PostgresServer, postgres_template: str) -> str:
    """A fresh database at head, for this test only."""
    return postgres_server.new_database(template=postgres_template)


@pytest.fixture
def empty_postgres_url(postgres_server: PostgresServer) -> str:
    """A fresh database with no tables at all (for migration tests)."""
    return postgres_server.new_database()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    """Which database a storage test runs on; every storage test runs on both."""
    return str(request.param)


@pytest.fixture
def store_factory(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Callable[[], Store]]:
    """Opens fresh, empty stores on the test's backend (e.g. to restore a backup into)."""
    from followup.store import open_store

    opened: list[Store] = []
    counter = itertools.count(1)

    def make() -> Store:
        if backend == "sqlite":
            url = str(tmp_path / f"db{next(counter)}" / "followup.sqlite3")
        else:
            pool: PostgresPool = request.getfixturevalue("postgres_pool")
            url = pool.clean(len(opened))
        opened.append(open_store(url))
        return opened[-1]

    yield make
    for each in opened:
        each.close()


@pytest.fixture
def store(store_factory: Callable[[], Store]) -> Store:
    """An open, empty Store on each backend (a SQLite file, a fresh PostgreSQL database)."""
    return store_factory()


def sample_interview(company: str = "Zürich Ünïcode AG 🚀", day: int = 2, **changes: Any) -> Any:
    """A record using every field, with names in several scripts, emoji and combining marks."""
    from followup.model import Culture, Format, Interview, Interviewer, Me, Question, Status

    berlin = ZoneInfo("Europe/Berlin")
    fields: dict[str, Any] = {
        "company": company,
        "role": "Staff Engineer — Platform",
        "starts_at": datetime(2024, 5, day, 14, 30, 15, 250_000, tzinfo=berlin),
        "timezone": "Europe/Berlin",
        "duration_minutes": 45,
        "round": 2,
        "format": Format.VIDEO,
        "culture": Culture.CASUAL,
        "decision_by": date(2024, 5, 20),
        "job_description": "Build the platform.\nLots of *Markdown* — and a tab\there.",
        "interviewers": (
            Interviewer(
                name="Zoë Ünal", title="CTO", email="zoe@example.com",
                linkedin="https://linkedin.com/in/zoe", timezone="Europe/Istanbul",
                salutation="Dear Zoë", primary=True,
                discussed=("Kafka → Pulsar migration", "on-call 🔥"),
                shared=("we both ran the Berlin marathon 🏃",),
                questions=(Question("Why Rust?", "Because of safety ✅"), Question("Q2")),
                next=("send the design doc",), extra={"met_at": "café", "n": 3},
            ),
            Interviewer(name="山田 太郎", title="エンジニア", discussed=("日本語のテスト",)),
            Interviewer(name="محمد الأحمد", title="مدير", shared=("العربية",),
                        timezone="Asia/Riyadh"),
            Interviewer(name="Ольга Петрова", next=("ответить до пятницы",)),
        ),
        "qualifications": ("10 years of Python 🐍", "Kubernetes", "e\u0301 combining"),
        "notes": "Went well 👍🏽 — 👨‍👩‍👧‍👦 family emoji, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 outside the BMP.",
        "me": Me("Ana Núñez", "ana@example.com", "Ana\n+49 30 1234"),
        "extra": {"source": "notes.md", "tags": ["a", "ß"], "nested": {"k": None}},
        "status": Status.OPEN,
        "outcome": None,
    }
    fields.update(changes)
    return Interview(**fields)


@pytest.fixture
def make_interview() -> Callable[..., Any]:
    return sample_interview

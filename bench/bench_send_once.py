"""Exactly once under a race: two `followup send N --yes` processes started together against
a real SMTP server (aiosmtpd), for ROUNDS rounds; then two concurrent web "Send now" posts
(the same confirmation) against the same server, for ROUNDS rounds.

Run: .venv/bin/python bench/bench_send_once.py [ROUNDS]   (default 20)

With FOLLOWUP_BENCH_POSTGRES=postgresql://postgres@127.0.0.1:PORT (a server where the script
may create databases), the process race is also run on PostgreSQL, a new database per round.

Each round uses a fresh SQLite database holding the sample interview and its drafts; the
SMTP server stalls STALL seconds after taking each message, so the two senders overlap.
Prints, per kind of race, how many rounds delivered exactly one message and the wall time
of a round; a round that delivers two fails the script (exit status 1).
"""

from __future__ import annotations

import asyncio
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
STALL = 0.5
NOW = "2026-11-25T08:30:00-06:00"


class Counter:
    """The SMTP server's handler: counts deliveries, then stalls before answering."""

    def __init__(self) -> None:
        self.received: list[bytes] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append(bytes(envelope.original_content))
        await asyncio.sleep(STALL)
        return "250 OK"


def mail_settings(port: int) -> dict[str, str]:
    return {"mail.address": "priya.raman@example.com", "mail.user": "priya",
            "mail.imap_host": "127.0.0.1", "mail.imap_port": "9", "mail.smtp_host": "127.0.0.1",
            "mail.smtp_port": str(port), "mail.security": "none", "mail.copy_to_sent": "no",
            "me.name": "Priya Raman", "timezone": "America/Chicago"}


def prepare(home: Path, db: str, port: int) -> None:
    from typer.testing import CliRunner

    from followup.cli import app
    from followup.cli.demo import sample_notes_path

    os.environ["FOLLOWUP_HOME"] = str(home)
    runner = CliRunner()
    for key, value in mail_settings(port).items():
        assert runner.invoke(app, ["config", "set", key, value]).exit_code == 0
    for args in (["import", str(sample_notes_path())], ["draft", "1"]):
        result = runner.invoke(app, ["--db", db, *args])
        assert result.exit_code == 0, result.output


def pg_database(number: int) -> str:
    import psycopg

    admin = os.environ["FOLLOWUP_BENCH_POSTGRES"]
    name = f"bench_send_{os.getpid()}_{number}"
    with psycopg.connect(f"{admin.rstrip('/')}/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type,unused-ignore]
    return f"{admin.rstrip('/')}/{name}"


def cli_round(handler: Counter, port: int, work: Path, number: int, *,
              postgres: bool = False) -> tuple[int, float]:
    home = work / f"cli{number}{'pg' if postgres else ''}"
    db = pg_database(number) if postgres else f"sqlite:///{home / 'race.sqlite3'}"
    prepare(home, db, port)
    env = {**os.environ, "FOLLOWUP_HOME": str(home), "FOLLOWUP_MAIL_PASSWORD": "x",
           "NO_COLOR": "1"}
    command = [sys.executable, "-m", "followup", "--db", db, "send", "1", "--yes",
               "--now", NOW]
    handler.received.clear()
    start = time.perf_counter()
    procs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    for proc in procs:
        proc.communicate(timeout=120)
    return len(handler.received), time.perf_counter() - start


def web_round(handler: Counter, port: int, work: Path, number: int) -> tuple[int, float]:
    from followup.config import set_value
    from test_web_fixtures import Browser, make_client

    home = work / f"web{number}"
    os.environ["FOLLOWUP_HOME"] = str(home)
    os.environ["FOLLOWUP_MAIL_PASSWORD"] = "x"
    for key, value in mail_settings(port).items():
        set_value(key, value)
    handler.received.clear()
    with make_client(home) as client:
        browser = Browser(client)
        interview_id = browser.import_sample()
        drafts = browser.post(f"/api/interviews/{interview_id}/drafts", json={"to": "Dana"})
        draft_id = int(drafts.json()[0]["draft_id"])
        page = browser.get(f"/drafts/{draft_id}/send")
        found = re.search(r'name="fingerprint" value="(\w+)"', page.text)
        assert found, page.text
        statuses: list[int] = []

        def post() -> None:
            response = browser.form(f"/drafts/{draft_id}/send",
                                    {"fingerprint": found.group(1), "force": "yes"})
            statuses.append(response.status_code)

        start = time.perf_counter()
        threads = [threading.Thread(target=post) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        elapsed = time.perf_counter() - start
    return len(handler.received), elapsed


def main() -> int:
    from aiosmtpd.controller import Controller

    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    warnings.simplefilter("ignore")
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest_mail import free_port

    handler = Counter()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    failed = False
    try:
        with tempfile.TemporaryDirectory(prefix="followup-bench-send-") as tmp:
            work = Path(tmp)
            print(f"two senders per round, SMTP stall {STALL} s, {rounds} rounds each\n")
            print("| race | rounds with exactly one message | more than one | round p50 | max |")
            print("|---|---|---|---|---|")
            races: list[tuple[str, Any]] = [
                ("two `followup send N --yes` processes (SQLite)", cli_round),
                ("two web POSTs /drafts/N/send (SQLite)", web_round)]
            if os.environ.get("FOLLOWUP_BENCH_POSTGRES"):
                races.append(("two `followup send N --yes` processes (PostgreSQL)",
                              lambda *a: cli_round(*a, postgres=True)))
            for name, race in races:
                counts, times = [], []
                for number in range(rounds):
                    count, elapsed = race(handler, port, work, number)
                    counts.append(count)
                    times.append(elapsed)
                once = sum(1 for c in counts if c == 1)
                more = sum(1 for c in counts if c > 1)
                failed = failed or once != rounds
                print(f"| {name} | {once} of {rounds} | {more} | "
                      f"{statistics.median(times):.2f} s | {max(times):.2f} s |")
    finally:
        controller.stop()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

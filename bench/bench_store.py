"""Storage speed on SQLite and PostgreSQL: importing records one by one, listing many.

Run: .venv/bin/python bench/bench_store.py   (prints a table; figures go into bench/RESULTS.md)

PostgreSQL: set FOLLOWUP_BENCH_PG_URL to an empty database, or let the script start a
temporary server (Debian `postgresql`; as root it runs as the `postgres` user). The server
keeps its default, durable settings (fsync on), like a real one.
"""

from __future__ import annotations

import glob
import os
import random
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from followup.model import Interview, Interviewer, Question
from followup.model.codec import interview_to_dict
from followup.store import Store, open_store

IMPORTS = 1_000
LISTED = 10_000
WORDS = ("kafka", "latency", "roadmap", "hiring", "python", "rust", "on-call", "café", "naïve",
         "🚀", "日本", "データ")


def generate(n: int, seed: int = 7) -> list[Interview]:
    rng = random.Random(seed)
    start = datetime(2020, 1, 1, 9, tzinfo=UTC)

    def phrase() -> str:
        return " ".join(rng.choices(WORDS, k=rng.randint(3, 9)))

    return [
        Interview(
            company=f"Company {i} {rng.choice(WORDS)}", role="Engineer",
            starts_at=start + timedelta(hours=i * 7),
            timezone=rng.choice(["Europe/Berlin", "America/Chicago", "Asia/Tokyo"]),
            notes=phrase(), qualifications=tuple(phrase() for _ in range(3)),
            interviewers=tuple(
                Interviewer(
                    name=f"Person {i}-{k} Ünal", title="Lead", primary=k == 0,
                    discussed=(phrase(), phrase()), shared=(phrase(),), next=(phrase(),),
                    questions=(Question(phrase() + "?", phrase()),),
                )
                for k in range(rng.randint(1, 3))
            ),
        )
        for i in range(n)
    ]


def timed(action: Callable[[], object], repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - began)
    return best


def measure(store: Store) -> list[tuple[str, str]]:
    records = generate(LISTED)
    to_import, rest = records[:IMPORTS], records[IMPORTS:]
    rows = []
    took = timed(lambda: [store.save_interview(r) for r in to_import])
    rows.append((f"save_interview x {IMPORTS:,} (one transaction each)",
                 f"{took:.2f} s  ({took / IMPORTS * 1000:.2f} ms each)"))
    backup = {"format": "followup-backup", "version": 1,
              "interviews": [interview_to_dict(r) for r in rest]}
    took = timed(lambda: store.restore(backup))
    rows.append((f"restore {len(rest):,} (one transaction)", f"{took:.2f} s"))
    assert len(store.list_interviews()) == LISTED
    took = timed(store.list_interviews, repeat=5)
    rows.append((f"list_interviews over {LISTED:,}", f"{took * 1000:.0f} ms"))
    took = timed(store.all_interviews, repeat=3)
    rows.append((f"all_interviews over {LISTED:,} (full records)", f"{took * 1000:.0f} ms"))
    took = timed(store.export_all, repeat=3)
    rows.append((f"export_all over {LISTED:,}", f"{took * 1000:.0f} ms"))
    some_id = store.list_interviews()[LISTED // 2].id
    took = timed(lambda: store.get_interview(some_id), repeat=50)
    rows.append(("get_interview (one record)", f"{took * 1000:.2f} ms"))
    return rows


@contextmanager
def temporary_postgres() -> Iterator[str]:
    env_url = os.environ.get("FOLLOWUP_BENCH_PG_URL")
    if env_url:
        yield env_url
        return
    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not bins:
        raise SystemExit("no PostgreSQL binaries; apt-get install postgresql or set "
                         "FOLLOWUP_BENCH_PG_URL")
    pg_bin = Path(bins[-1])
    directory = Path(tempfile.mkdtemp(prefix="followup-bench-pg-"))
    as_root = os.geteuid() == 0
    if as_root:
        shutil.chown(directory, "postgres")

    def run(args: list[str]) -> None:
        cmd = ["su", "postgres", "-s", "/bin/sh", "-c", subprocess.list2cmdline(args)] \
            if as_root else args
        subprocess.run(cmd, check=True, capture_output=True)

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    data = directory / "data"
    run([str(pg_bin / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E",
         "UTF8", "--locale=C"])
    run([str(pg_bin / "pg_ctl"), "-D", str(data), "-o",
         f"-p {port} -k {directory} -c listen_addresses=127.0.0.1",
         "-l", str(directory / "log"), "start", "-w"])
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        run([str(pg_bin / "pg_ctl"), "-D", str(data), "stop", "-m", "fast"])
        shutil.rmtree(directory, ignore_errors=True)


def main() -> None:
    results: dict[str, list[tuple[str, str]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        with open_store(str(Path(tmp) / "bench.sqlite3")) as store:
            results["SQLite"] = [("open_store (new file, migrate)",
                                  f"{(time.perf_counter() - began) * 1000:.0f} ms")]
            results["SQLite"] += measure(store)
    with temporary_postgres() as url:
        began = time.perf_counter()
        with open_store(url) as store:
            results["PostgreSQL"] = [("open_store (empty db, migrate)",
                                      f"{(time.perf_counter() - began) * 1000:.0f} ms")]
            results["PostgreSQL"] += measure(store)
    width = max(len(label) for rows in results.values() for label, _ in rows)
    print(f"{'operation':<{width}}  {'SQLite':>26}  {'PostgreSQL':>26}")
    for (label, lite), (_, pg) in zip(results["SQLite"], results["PostgreSQL"], strict=True):
        print(f"{label:<{width}}  {lite:>26}  {pg:>26}")


if __name__ == "__main__":
    main()

"""Cold-process wall time of everyday commands, and notes-file parsing throughput.

Run: .venv/bin/python bench/bench_cli.py   (prints a table; figures go into bench/RESULTS.md)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLLOWUP = [sys.executable, "-m", "followup"]
RUNS = 15


def wall(args: list[str], env: dict[str, str]) -> list[float]:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def notes_files(folder: Path, count: int) -> list[Path]:
    sample = (ROOT / "src/followup/samples/northwind.md").read_text(encoding="utf-8")
    paths = []
    for n in range(count):
        path = folder / f"interview-{n}.md"
        day = 1 + n % 28
        text = sample.replace("company: Northwind Analytics", f"company: Company {n}")
        text = text.replace("when: 2026-11-24 14:00", f"when: 2026-10-{day:02d} 14:00")
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    from followup.notes import read_notes_file

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, FOLLOWUP_HOME=tmp)
        env.pop("FOLLOWUP_DATABASE_URL", None)
        subprocess.run([*FOLLOWUP, "import", str(ROOT / "src/followup/samples/northwind.md")],
                       env=env, check=True, stdout=subprocess.DEVNULL)
        for label, args in (("followup --help", ["--help"]), ("followup list (1 row)", ["list"])):
            times = wall([*FOLLOWUP, *args], env)
            rows.append((label, f"{statistics.median(times):.3f} s", f"{max(times):.3f} s"))
        paths = notes_files(Path(tmp), 1000)
        start = time.perf_counter()
        for path in paths:
            read_notes_file(path)
        elapsed = time.perf_counter() - start
        rows.append(("parse 1,000 notes files", f"{elapsed:.3f} s",
                     f"{elapsed / len(paths) * 1000:.2f} ms/file"))
    print(f"{'measure':<28} {'median':>10} {'max / per item':>16}")
    for label, median, worst in rows:
        print(f"{label:<28} {median:>10} {worst:>16}")


if __name__ == "__main__":
    main()

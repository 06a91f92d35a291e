"""Checker speed: warm check() latency, corpus throughput, cold CLI, and proselint beside it.

Run: .venv/bin/python bench/bench_check.py   (needs the bench extra: pip install -e '.[bench]')

Warm latency clears the Harper result cache before every call (each call re-lints its text,
as a keystroke in the editor would); the record-aware dictionary stays warm, as it does in a
long-running process. Everything runs on one core, in this process, except the cold CLI runs.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from followup.check import (  # noqa: E402
    CheckContext,
    check,
    proofread,
)
from followup.check.examples import example_context  # noqa: E402

RUNS = 300
CLI_RUNS = 7


def corpus() -> list[tuple[str, CheckContext]]:
    from test_check_corpus import NOTES, context_for

    return [(note["text"], context_for(note)) for note in NOTES]


def note_of(words: int) -> str:
    """A realistic thank-you note of about `words` words, built from the clean corpus notes."""
    from test_check_corpus import NOTES

    head = "Subject: Thank you — Senior Data Engineer interview\n\nDear Dana,\n\n"
    tail = "\n\nBest regards,\nPriya Raman\n"
    paragraphs: list[str] = []
    count = 0
    for note in NOTES:
        if not note.get("clean") or note.get("medium", "email") != "email":
            continue
        body = note["text"].split("\n\n")[2:-1]
        for paragraph in body:
            for sentence in paragraph.replace("\n", " ").split(". "):
                n = len(sentence.split())
                if count + n > words:
                    break
                if not paragraphs or len(paragraphs[-1].split()) > 60:
                    paragraphs.append("")
                paragraphs[-1] += sentence.rstrip(".") + ". "
                count += n
    return head + "\n\n".join(p.strip() for p in paragraphs) + tail


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return p50 * 1000, p99 * 1000


def timed(fn: Callable[[], object], runs: int, before: Callable[[], None] = lambda: None
          ) -> list[float]:
    samples = []
    for _ in range(runs):
        before()
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def proselint_lint() -> Callable[[str], object]:
    from proselint.checks import __register__
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    CheckRegistry().register_many(__register__)
    return lambda text: LintFile("note.txt", text).lint()


def cold_cli(args: list[str]) -> float:
    samples = []
    for _ in range(CLI_RUNS):
        start = time.perf_counter()
        subprocess.run(args, capture_output=True, check=False,
                       env={**os.environ, "FOLLOWUP_HOME": tempfile.gettempdir()})
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    prose = proselint_lint()
    proofread.warm()
    record = example_context("northwind")
    rows: list[tuple[str, str, str, str]] = []
    for words in (150, 400):
        text = note_of(words)
        actual = len(text.split())
        for label, ctx in (("no record", CheckContext()), ("record", record)):
            for _ in range(20):
                check(text, ctx)
            p50, p99 = percentiles(timed(lambda t=text, c=ctx: check(t, c), RUNS,
                                         proofread._lint_piece.cache_clear))
            rows.append((f"check() {actual} words, {label}", f"{p50:.2f} ms", f"{p99:.2f} ms",
                         ""))
        for _ in range(5):
            prose(text)
        p50p, p99p = percentiles(timed(lambda t=text: prose(t), 50))
        rows.append((f"proselint {actual} words", f"{p50p:.2f} ms", f"{p99p:.2f} ms",
                     f"followup/proselint p50 = {p50 / p50p:.2f}"))

    notes = corpus()
    passes = 5
    start = time.perf_counter()
    for _ in range(passes):
        proofread._lint_piece.cache_clear()
        for text, ctx in notes:
            check(text, ctx)
    ours = passes * len(notes) / (time.perf_counter() - start)
    start = time.perf_counter()
    for _ in range(passes):
        for text, _ctx in notes:
            prose(text)
    theirs = passes * len(notes) / (time.perf_counter() - start)
    rows.append((f"throughput, corpus of {len(notes)} notes", f"{ours:.0f} notes/s", "",
                 f"proselint {theirs:.0f} notes/s, ratio {ours / theirs:.2f}"))

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "note.txt"
        path.write_text(note_of(150), encoding="utf-8")
        bin_dir = Path(sys.executable).parent
        ours_cold = cold_cli([str(bin_dir / "followup"), "check", str(path)])
        ours_cold_json = cold_cli([str(bin_dir / "followup"), "check", "--json", str(path)])
        theirs_cold = cold_cli([str(bin_dir / "proselint"), "check", str(path)])
    rows.append(("cold `followup check FILE` (150 words)", f"{ours_cold * 1000:.0f} ms", "",
                 f"--json {ours_cold_json * 1000:.0f} ms; `proselint check` "
                 f"{theirs_cold * 1000:.0f} ms, ratio {ours_cold / theirs_cold:.2f}"))

    widths = [max(len(r[i]) for r in [*rows, ("what", "p50", "p99", "notes")])
              for i in range(4)]
    header = ("what", "p50 / value", "p99", "notes")
    print(" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("-|-".join("-" * w for w in widths))
    for row in rows:
        print(" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    print(f"\n{RUNS} warm runs per check() row; Python {sys.version.split()[0]}; "
          f"{os.cpu_count()} CPUs visible, one used.")


if __name__ == "__main__":
    main()

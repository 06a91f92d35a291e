"""Timeline speed: `followup due` and `followup calendar --all` over 10,000 open interviews.

Run: .venv/bin/python bench/bench_timeline.py   (prints a table; figures go into
bench/RESULTS.md). Aim: `followup due` under 0.5 s wall on SQLite.

In-process rows run with the cycle collector on (as in the web server, where this process's
large heap makes collections costly) and again paused (as `followup due` runs them).

The database holds 10,000 open interviews spread over the 60 days before and the 14 days
after the chosen `now`, 1–3 interviewers each in a mix of zones (half-hour ones included),
some with a decision date, plus sent thank-yous, sent check-ins, replies and drafts. Phases
are measured in process (load, core computation, JSON, .ics); the commands are measured as
cold processes, the way a user runs them.
"""

from __future__ import annotations

import gc
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from followup.calendar import to_ics
from followup.config import defaults
from followup.model import (
    Draft,
    Event,
    EventKind,
    FollowupKind,
    Interview,
    Interviewer,
    Medium,
    Stage,
)
from followup.model.codec import interview_to_dict
from followup.store import Store, open_store
from followup.timeline import Rules, agenda, timeline

INTERVIEWS = 10_000
CHICAGO = ZoneInfo("America/Chicago")
NOW = datetime(2026, 11, 25, 9, tzinfo=CHICAGO)
ZONES = ("America/Chicago", "America/New_York", "America/Los_Angeles", "Europe/Berlin",
         "Europe/London", "Asia/Kolkata", "Australia/Adelaide", "Asia/Tokyo")
FOLLOWUP = [sys.executable, "-m", "followup"]


def generate(n: int, seed: int = 11) -> list[Interview]:
    rng = random.Random(seed)
    records = []
    for i in range(n):
        zone = rng.choice(ZONES)
        starts = NOW - timedelta(days=60) + timedelta(minutes=rng.randrange(74 * 24 * 60))
        decision = (starts + timedelta(days=rng.randint(3, 20))).date() if i % 3 else None
        people = tuple(
            Interviewer(name=f"Person {i}-{k}", primary=k == 0,
                        timezone=rng.choice((None, *ZONES)))
            for k in range(rng.randint(1, 3))
        )
        records.append(Interview(
            company=f"Company {i}", role="Engineer", starts_at=starts.astimezone(ZoneInfo(zone)),
            timezone=zone, duration_minutes=rng.choice((30, 45, 60, 90)),
            decision_by=decision, interviewers=people,
        ))
    return records


def populate(store: Store, seed: int = 5) -> tuple[int, int]:
    """Restore the interviews in bulk, then record events and drafts for a share of them."""
    store.restore({"format": "followup-backup", "version": 1,
                   "interviews": [interview_to_dict(r) for r in generate(INTERVIEWS)]})
    rng = random.Random(seed)
    events = drafts = 0
    for interview in store.all_interviews():
        assert interview.id is not None
        ends = interview.ends_at
        if ends > NOW or rng.random() > 0.3:
            continue
        first = interview.interviewers[0]
        store.record_event(Event(interview.id, EventKind.SENT, ends + timedelta(hours=18),
                                 first.id, FollowupKind.THANK_YOU))
        events += 1
        if ends + timedelta(days=8) < NOW and rng.random() < 0.5:
            store.record_event(Event(interview.id, EventKind.SENT, ends + timedelta(days=8),
                                     first.id, FollowupKind.CHECK_IN_1))
            events += 1
        if rng.random() < 0.2:
            store.record_event(Event(interview.id, EventKind.REPLIED, ends + timedelta(days=2)))
            events += 1
        if len(interview.interviewers) > 1 and rng.random() < 0.5:
            store.save_draft(Draft(interview.id, interview.interviewers[1].id, Stage.THANK_YOU,
                                   Medium.EMAIL, "Thank you", "Dear …"))
            drafts += 1
    return events, drafts


def timed(action: Callable[[], object], repeat: int = 5) -> tuple[float, float]:
    """(first run, median of the rest): the first pays for cold caches."""
    runs = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        runs.append(time.perf_counter() - began)
    return runs[0], statistics.median(runs[1:] or runs)


def paused(action: Callable[[], object]) -> Callable[[], object]:
    """`action` with the cycle collector paused, as `followup due` runs it."""
    def run() -> object:
        gc.disable()
        try:
            return action()
        finally:
            gc.enable()
    return run


def command(args: list[str], env: dict[str, str], repeat: int = 5) -> tuple[float, float]:
    def run() -> None:
        subprocess.run([*FOLLOWUP, *args], env=env, check=True, stdout=subprocess.DEVNULL)
    return timed(run, repeat)


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="followup-bench-timeline-"))
    url = f"sqlite:///{workdir / 'bench.sqlite3'}"
    env = {**os.environ, "FOLLOWUP_HOME": str(workdir / "home"), "COLUMNS": "160"}
    env.pop("FOLLOWUP_DATABASE_URL", None)
    config = defaults()
    rules = Rules.from_config(config)
    with open_store(url) as store:
        began = time.perf_counter()
        events, drafts = populate(store)
        setup = time.perf_counter() - began
        entries = store.open_interviews_with_events()
        rows: list[tuple[str, str, str]] = []

        def add(label: str, figures: tuple[float, float], extra: str = "") -> None:
            rows.append((label, f"{figures[0] * 1000:7.0f} ms / {figures[1] * 1000:7.0f} ms",
                         extra))

        add("load: open_interviews_with_events()", timed(store.open_interviews_with_events))
        add("load, collector paused", timed(paused(store.open_interviews_with_events)))
        items = agenda(entries, NOW, config, 14)
        add("core: agenda(10,000 interviews, 14 days)", timed(
            lambda: agenda(entries, NOW, config, 14)), f"{len(items):,} items")
        add("core: agenda(), collector paused", timed(
            paused(lambda: agenda(entries, NOW, config, 14))))
        every = [i for interview, evs, ds in entries
                 for i in timeline(interview, evs, NOW, rules, ds)]
        add("core: timeline() of every interview", timed(
            lambda: [timeline(i, e, NOW, rules, d) for i, e, d in entries]),
            f"{len(every):,} items")

        from followup.cli.timeline_cmd import item_json
        add("JSON items with Google links", timed(
            lambda: [item_json(i, config.timezone) for i in items]))
        ics = to_ics(every, NOW)
        add(".ics of every item (to_ics)", timed(lambda: to_ics(every, NOW), repeat=2),
            f"{len(ics) / 1e6:.1f} MB")

    now = ["--now", NOW.isoformat()]
    add("cold `followup due --json`", command(["--db", url, "due", "--json", *now], env))
    add("cold `followup due` (table, first 50 rows)", command(["--db", url, "due", *now], env))
    add("cold `followup due --limit 0` (all rows)", command(
        ["--db", url, "due", "--limit", "0", *now], env, 2))
    add("cold `followup calendar --all -o`", command(
        ["--db", url, "calendar", "--all", "-o", str(workdir / "all.ics"), *now], env, 2))
    add("cold `followup --help` (baseline)", command(["--help"], env))

    print(f"\n{INTERVIEWS:,} open interviews, {events:,} events, {drafts:,} drafts "
          f"(setup {setup:.1f} s); times: first run / median of the rest\n")
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'first / median':>22}  notes")
    for label, figures, extra in rows:
        print(f"{label:<{width}}  {figures:>22}  {extra}")
    import shutil

    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

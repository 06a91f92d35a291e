"""Web app speed: /api/check latency under a bounded local load, requests per second with
one and two workers, and the editor page's load time (server render, and in Chromium when
Debian's /usr/bin/chromium is there: load to first marks, and pause-to-marks while typing).

Run: .venv/bin/python bench/bench_web.py

Starts `followup serve --no-browser` as a subprocess on a free 127.0.0.1 port, over a
throwaway SQLite database holding the sample interview; every load loop runs a fixed number
of requests and stops by itself. The note checked is ~200 words, checked against the record
(and the panel's other drafts), exactly what the editor sends on each pause.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "bench"))
SEQUENTIAL = 300
LOAD_REQUESTS = 1200
CLIENTS = 4
PAGE_LOADS = 40
CHROMIUM = Path("/usr/bin/chromium")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def server(home: Path, db: str, workers: int) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "FOLLOWUP_HOME": str(home)}
    proc = subprocess.Popen(
        [str(BIN / "followup"), "--db", db, "serve", "--no-browser", "--port", str(port),
         "--workers", str(workers)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                if httpx.get(f"{base}/api/csrf", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"server did not start: {proc.stderr.read().decode()[-800:]}"
                                 if proc.stderr else "server did not start")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=15)


@contextmanager
def session(base: str) -> Iterator[httpx.Client]:
    """A client with this session's cookie and CSRF token, as the editor's script has."""
    with httpx.Client(base_url=base, timeout=10) as client:
        client.headers["X-CSRF-Token"] = client.get("/api/csrf").json()["csrf_token"]
        yield client


def setup(home: Path, db: str) -> tuple[int, int]:
    """The sample interview and a thank-you draft per panel member; (interview, draft)."""
    os.environ["FOLLOWUP_HOME"] = str(home)
    from followup.cli.demo import sample_notes_path
    from followup.config import load, set_value
    from followup.drafting import compose_and_store
    from followup.model import Stage
    from followup.notes import read_notes_file
    from followup.store import open_store

    set_value("timezone", "America/Chicago")
    with open_store(db) as store:
        interview, _ = store.save_interview(read_notes_file(sample_notes_path()))
        checked = compose_and_store(store, interview, interview.interviewers,
                                    Stage.THANK_YOU, load())
    assert interview.id is not None and checked[0].draft.id is not None
    return interview.id, checked[0].draft.id


def note() -> str:
    from bench_check import note_of

    return note_of(200)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(call: Callable[[], Any], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        out.append(time.perf_counter() - start)
    return out


def load(base: str, payload: dict[str, Any], total: int, clients: int) -> tuple[list[float],
                                                                               float]:
    """`total` check requests from `clients` threads; latencies and requests per second."""
    latencies: list[float] = []
    lock = threading.Lock()
    per_client = total // clients

    def worker() -> None:
        with session(base) as client:
            mine = []
            for _ in range(per_client):
                start = time.perf_counter()
                response = client.post("/api/check", json=payload)
                mine.append(time.perf_counter() - start)
                assert response.status_code == 200, response.text
            with lock:
                latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, len(latencies) / (time.perf_counter() - start)


def browser_rows(base: str, draft_id: int) -> list[tuple[str, str, str, str]]:
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]
    loads: list[float] = []
    marks: list[float] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=args)
        page = browser.new_page()
        page.goto(f"{base}/drafts/{draft_id}")  # session cookie, caches warm
        for _ in range(10):
            start = time.perf_counter()
            page.goto(f"{base}/drafts/{draft_id}", wait_until="load")
            page.locator("#editor[data-checked]").wait_for()
            loads.append(time.perf_counter() - start)
        page.evaluate("""() => {
            const body = document.getElementById('body');
            const editor = document.getElementById('editor');
            window.__b = {input: 0, marks: []};
            body.addEventListener('input', () => { window.__b.input = performance.now(); });
            new MutationObserver(() => window.__b.marks.push(
                performance.now() - window.__b.input)).observe(
                editor, {attributes: true, attributeFilter: ['data-checked']});
        }""")
        page.locator("#body").click()
        page.keyboard.press("Control+End")
        for word in ["Thanks", "again", "for", "your", "time", "today"] * 5:
            page.keyboard.type(" " + word)
            page.wait_for_timeout(250)  # a pause between words
        marks = [m / 1000 for m in page.evaluate("() => window.__b.marks")]
        browser.close()
    return [
        ("editor in Chromium: navigation to first marks", f"{_ms(statistics.median(loads))}",
         f"{_ms(percentile(loads, 0.99))}", f"{len(loads)} loads"),
        ("editor in Chromium: pause to marks on screen", f"{_ms(statistics.median(marks))}",
         f"{_ms(percentile(marks, 0.99))}",
         f"{len(marks)} pauses; includes the 40 ms debounce"),
    ]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        db = f"sqlite:///{home / 'bench.sqlite3'}"
        interview_id, draft_id = setup(home, db)
        text = note()
        payload = {"text": text, "interview_id": interview_id, "draft_id": draft_id}
        words = len(text.split())
        with server(home, db, workers=1) as base:
            with session(base) as client:
                for _ in range(20):
                    client.post("/api/check", json=payload)
                seq = timed(lambda: client.post("/api/check", json=payload), SEQUENTIAL)
                page = timed(lambda: client.get(f"/drafts/{draft_id}"), PAGE_LOADS)
            rows.append((f"/api/check, {words} words, one client", _ms(statistics.median(seq)),
                         _ms(percentile(seq, 0.99)), f"{SEQUENTIAL} requests, 1 worker"))
            lat, rps = load(base, payload, LOAD_REQUESTS, CLIENTS)
            rows.append((f"/api/check under load, {CLIENTS} clients",
                         _ms(statistics.median(lat)), _ms(percentile(lat, 0.99)),
                         f"{rps:.0f} req/s, 1 worker"))
            rows.append(("editor page (GET /drafts/ID), server", _ms(statistics.median(page)),
                         _ms(percentile(page, 0.99)), f"{PAGE_LOADS} loads: render + check"))
            if CHROMIUM.exists():
                rows.extend(browser_rows(base, draft_id))
        with server(home, db, workers=2) as base:
            for _ in range(2):
                load(base, payload, 40, CLIENTS)  # warm both workers
            lat, rps = load(base, payload, LOAD_REQUESTS, CLIENTS)
            rows.append((f"/api/check under load, {CLIENTS} clients",
                         _ms(statistics.median(lat)), _ms(percentile(lat, 0.99)),
                         f"{rps:.0f} req/s, 2 workers"))
    header = ("what", "p50", "p99", "notes")
    widths = [max(len(r[i]) for r in [*rows, header]) for i in range(4)]
    print(" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("-|-".join("-" * w for w in widths))
    for row in rows:
        print(" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    print(f"\nPython {sys.version.split()[0]}; {os.cpu_count()} CPUs visible; clients and "
          "server share them.")


if __name__ == "__main__":
    main()

"""One SENT event per draft, per thank-you recipient and per check-in, enforced by the
database (unique indexes, migration 0003) rather than by a check before the insert; the second
of two callers at once is told it was already recorded (no database error, no traceback)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from draft_helpers import stored_draft
from followup.cli import app
from followup.cli.demo import sample_notes_path
from followup.errors import ConflictError, FollowupError
from followup.model import DraftStatus, Event, EventKind, FollowupKind
from followup.store import Store

NOW = datetime(2026, 11, 25, 14, 30, tzinfo=UTC)


def _sent(store: Store) -> list[Event]:
    return [e for e in store.list_events() if e.kind is EventKind.SENT]


def test_recording_a_draft_sent_twice_is_refused_by_the_database(
        store: Store, make_interview: Callable[..., Any]) -> None:
    draft, person_id = stored_draft(store, make_interview)
    event = Event(draft.interview_id, EventKind.SENT, NOW, person_id, FollowupKind.THANK_YOU,
                  draft.id, "Zoë Ünal")
    marked = replace(draft, status=DraftStatus.SENT, sent_at=NOW)
    store.record_sent(marked, event)
    with pytest.raises(ConflictError, match=rf"draft #{draft.id} is already recorded as sent"):
        store.record_sent(marked, event)
    # Even straight into the table, past every check in Python: the index says no.
    with pytest.raises(ConflictError, match="already recorded as sent"):
        store.record_event(replace(event, at=NOW.replace(hour=15)))
    assert len(_sent(store)) == 1


def test_one_thank_you_per_person_and_one_of_each_check_in(
        store: Store, make_interview: Callable[..., Any]) -> None:
    draft, person_id = stored_draft(store, make_interview)
    iid = draft.interview_id
    store.record_event(Event(iid, EventKind.SENT, NOW, person_id, FollowupKind.THANK_YOU,
                             None, "Zoë Ünal"))
    with pytest.raises(ConflictError, match="the thank-you to Zoë Ünal is already recorded"):
        store.record_event(Event(iid, EventKind.SENT, NOW, person_id, FollowupKind.THANK_YOU,
                                 None, "Zoë Ünal"))
    store.record_event(Event(iid, EventKind.SENT, NOW, None, FollowupKind.CHECK_IN_1))
    with pytest.raises(ConflictError, match="check-in-1 of #"):
        store.record_event(Event(iid, EventKind.SENT, NOW, person_id, FollowupKind.CHECK_IN_1))
    store.record_event(Event(iid, EventKind.SENT, NOW, None, FollowupKind.CHECK_IN_2))
    # replies are not limited
    for _ in range(2):
        store.record_event(Event(iid, EventKind.REPLIED, NOW, person_id))
    assert len(_sent(store)) == 3


def _mark_together(store: Store, draft_id: int, count: int) -> list[str]:
    """`count` threads mark one draft sent at the same moment; what each was told."""
    from followup.tracking import mark_draft_sent

    barrier = threading.Barrier(count)
    outcomes: list[str] = []

    def mark() -> None:
        barrier.wait()
        try:
            mark_draft_sent(store, draft_id, NOW)
            outcomes.append("recorded")
        except FollowupError as error:
            outcomes.append(str(error))
        except Exception as error:  # pragma: no cover - what this test guards against
            outcomes.append(f"{type(error).__name__}: {error}")

    threads = [threading.Thread(target=mark) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_threads_marking_one_draft_sent_record_one_event(
        store_factory: Callable[[], Store], make_interview: Callable[..., Any]) -> None:
    store = store_factory()
    for round_number in range(4):
        draft, _ = stored_draft(store, make_interview, day=round_number + 2)
        outcomes = _mark_together(store, draft.id or 0, 4)
        assert outcomes.count("recorded") == 1, outcomes
        # told by the check before (the event is there) or by the database (at once)
        assert all(re.fullmatch(r"(draft #\d+|the thank-you to Zoë Ünal) is already "
                                r"(marked|recorded as) sent.*", o)
                   for o in outcomes if o != "recorded"), outcomes
        assert [e.draft_id for e in _sent(store)].count(draft.id) == 1


@pytest.mark.parametrize("backend_name", ["sqlite", pytest.param("postgres",
                                                                 marks=pytest.mark.postgres)])
def test_two_followup_sent_processes_record_one_event(
        tmp_path: Path, backend_name: str, request: pytest.FixtureRequest) -> None:
    if backend_name == "sqlite":
        db = f"sqlite:///{tmp_path / 'sent.sqlite3'}"
    else:
        db = request.getfixturevalue("postgres_url")
    runner = CliRunner()
    for args in (["import", str(sample_notes_path())], ["draft", "1"]):
        result = runner.invoke(app, ["--db", db, *args])
        assert result.exit_code == 0, result.output
    command = [sys.executable, "-m", "followup", "--db", db, "sent", "1",
               "--at", "2026-11-25T09:00:00-06:00"]
    procs = [subprocess.Popen(command, env={**os.environ, "NO_COLOR": "1"},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    codes = sorted(code for code, _, _ in results)
    assert codes[0] == 0 and codes[1] in (2, 5), results
    loser = next(err for code, _, err in results if code != 0).strip()
    assert re.fullmatch(r"error: (draft #1|the thank-you to Dana Whitfield) is already "
                        r"(marked|recorded as) sent.*", loser), loser
    from followup.store import open_store

    with open_store(db) as store:
        assert [e.draft_id for e in _sent(store)] == [1]


def test_the_migration_removes_duplicates_made_by_the_old_race(tmp_path: Path) -> None:
    from followup.store import migrate, open_store
    from followup.store.connect import create_engine

    db = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{db}")
    migrate._upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO interviews (id, company, role, company_key, role_key, starts_at, "
            "timezone, duration_minutes, culture, job_description, notes, extra, status, "
            "created_at, updated_at) VALUES (1, 'A', 'B', 'a', 'b', '2026-11-24 20:00:00', "
            "'UTC', 45, 'neutral', '', '', '{}', 'open', '2026-11-24', '2026-11-24')"))
        conn.execute(sa.text(
            "INSERT INTO drafts (id, interview_id, stage, medium, tone, variant, subject, "
            "body, status, created_at, updated_at) VALUES (1, 1, 'thank-you', 'email', "
            "'formal', 0, 's', 'b', 'sent', '2026-11-24', '2026-11-24')"))
        for event_id in (1, 2):
            conn.execute(sa.text(
                "INSERT INTO events (id, interview_id, kind, at, followup, draft_id, detail) "
                f"VALUES ({event_id}, 1, 'sent', '2026-11-25 15:00:00', 'thank-you', 1, '')"))
    engine.dispose()
    with open_store(str(db)) as store:
        assert [e.id for e in _sent(store)] == [1]


def test_two_web_marks_at_once_record_one_event(tmp_path: Path) -> None:
    from test_web_fixtures import Browser, make_client

    with make_client(tmp_path) as client:
        browser = Browser(client)
        interview_id = browser.import_sample()
        drafts = browser.post(f"/api/interviews/{interview_id}/drafts", json={"to": "Dana"})
        draft_id = int(drafts.json()[0]["draft_id"])
        barrier = threading.Barrier(4)
        statuses: list[int] = []

        def mark() -> None:
            barrier.wait()
            statuses.append(browser.post(f"/api/drafts/{draft_id}/sent").status_code)

        threads = [threading.Thread(target=mark) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert sorted(statuses)[0] == 200 and statuses.count(200) == 1, statuses
        assert all(code in (409, 422) for code in statuses if code != 200), statuses
        store = client.app.state.followup.store
        assert [e.draft_id for e in _sent(store)] == [draft_id]

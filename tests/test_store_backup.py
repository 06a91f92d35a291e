"""Store: whole-database export and restore (idempotent, all-or-nothing, precise errors)."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from followup.errors import InputError, StorageError
from followup.model import Interview
from followup.store import RestoreResult, Store, open_store
from followup.store import repository as repo
from followup.store import tables as t

MakeInterview = Callable[..., Interview]


def fill(store: Store, make_interview: MakeInterview, n: int = 3) -> list[Interview]:
    return [store.save_interview(make_interview(company=f"Co {i} ☕", day=i + 1))[0]
            for i in range(n)]


def test_export_shape(store: Store, make_interview: MakeInterview) -> None:
    fill(store, make_interview, 2)
    data = store.export_all()
    assert data["format"] == "followup-backup" and data["version"] == 1
    assert len(data["interviews"]) == 2
    json.dumps(data)  # plain JSON all the way down


def test_export_restore_round_trip_into_an_empty_store(
    store: Store, store_factory: Callable[[], Store], make_interview: MakeInterview
) -> None:
    originals = fill(store, make_interview)
    data = json.loads(json.dumps(store.export_all(), ensure_ascii=False))
    target = store_factory()
    assert target.restore(data) == RestoreResult(created=3, updated=0, unchanged=0)
    assert target.all_interviews() == store.all_interviews() == list(reversed(originals))


def test_restoring_twice_changes_nothing(
    store: Store, store_factory: Callable[[], Store], make_interview: MakeInterview
) -> None:
    fill(store, make_interview)
    data = store.export_all()
    target = store_factory()
    target.restore(data)
    before = _rows(target)
    assert target.restore(data) == RestoreResult(created=0, updated=0, unchanged=3)
    assert _rows(target) == before  # not even updated_at moved


def test_restore_merges_by_natural_key(store: Store, make_interview: MakeInterview) -> None:
    saved = fill(store, make_interview)
    data = store.export_all()
    data["interviews"][0]["notes"] = "edited in the backup"
    data["interviews"][0]["id"] = 12345  # ids in a backup do not decide anything
    extra = copy.deepcopy(data["interviews"][1])
    extra["starts_at"] = "2030-01-01T09:00:00+00:00"
    data["interviews"].append(extra)
    assert store.restore(data) == RestoreResult(created=1, updated=1, unchanged=2)
    assert len(store.list_interviews()) == 4
    assert store.get_interview(saved[2].id or 0).notes == "edited in the backup"


def test_restore_keeps_interviewer_ids_of_updated_records(
    store: Store, make_interview: MakeInterview
) -> None:
    saved, _ = store.save_interview(make_interview())
    data = store.export_all()
    data["interviews"][0]["interviewers"][0]["title"] = "CEO"
    store.restore(data)
    loaded = store.get_interview(saved.id or 0)
    assert [p.id for p in loaded.interviewers] == [p.id for p in saved.interviewers]
    assert loaded.interviewers[0].title == "CEO"


def _good(make_interview: MakeInterview) -> dict[str, Any]:
    from followup.model.codec import interview_to_dict

    return {
        "format": "followup-backup", "version": 1,
        "interviews": [interview_to_dict(make_interview(company=f"C{i}", day=i + 1))
                       for i in range(4)],
    }


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (lambda d: d.update(format="other"), "backup.json: format: expected 'followup-backup'"),
        (lambda d: d.update(version=2), "backup.json: version: unsupported backup version 2"),
        (lambda d: d.update(interviews={}), "backup.json: interviews: expected a list"),
        (lambda d: d["interviews"].__setitem__(3, "x"), r"interviews\[3\]: expected an object"),
        (lambda d: d["interviews"][3].update(starts_at="yesterday"),
         r"backup.json: interviews\[3\]\.starts_at: expected ISO 8601"),
        (lambda d: d["interviews"][3].update(starts_at="2024-05-02T14:00:00"),
         r"interviews\[3\]\.starts_at: expected ISO 8601 .* UTC offset"),
        (lambda d: d["interviews"][3].pop("company"), r"interviews\[3\]\.company: missing"),
        (lambda d: d["interviews"][3].update(timezone="Mars/Base"),
         r"interviews\[3\]\.timezone: unknown time zone 'Mars/Base'"),
        (lambda d: d["interviews"][3].update(format="carrier pigeon"),
         r"interviews\[3\]\.format: expected one of phone, video, onsite"),
        (lambda d: d["interviews"][3].update(duration_minutes="long"),
         r"interviews\[3\]\.duration_minutes: a whole number"),
        (lambda d: d["interviews"][3].update(decision_by="soon"),
         r"interviews\[3\]\.decision_by: expected an ISO date"),
        (lambda d: d["interviews"][3]["interviewers"][1].update(discussed="x"),
         r"interviews\[3\]\.interviewers\[1\]\.discussed: expected a list of text"),
        (lambda d: d["interviews"][3]["interviewers"][0]["questions"][1].pop("question"),
         r"interviews\[3\]\.interviewers\[0\]\.questions\[1\]\.question: missing"),
        (lambda d: d["interviews"][3].update(notes="nul\x00"),
         r"interviews\[3\]\.notes: contains a NUL"),
        (lambda d: d["interviews"][3].update(starts_at=d["interviews"][1]["starts_at"],
                                            company="c1"),
         r"interviews\[3\]: same company, role and start time as interviews\[1\]"),
    ],
)
def test_malformed_backup_names_the_problem_and_writes_nothing(
    store: Store, make_interview: MakeInterview, break_it: Callable[[dict[str, Any]], None],
    message: str,
) -> None:
    data = _good(make_interview)
    break_it(data)
    with pytest.raises(InputError, match=message):
        store.restore(data, source="backup.json")
    assert store.list_interviews() == []


def test_not_an_object_at_all(store: Store) -> None:
    with pytest.raises(InputError, match="backup: expected a JSON object"):
        store.restore([])


def test_restore_is_one_transaction(
    store: Store, make_interview: MakeInterview, monkeypatch: pytest.MonkeyPatch
) -> None:
    existing, _ = store.save_interview(make_interview(company="C0", day=1))
    data = _good(make_interview)
    data["interviews"][0]["notes"] = "an update that must be rolled back"
    real_insert_many = repo._insert_many

    def failing(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
        if table is t.qualifications and len(rows) > 3:  # after the other inserts went in
            raise sa.exc.OperationalError("INSERT", {}, Exception("disk full"))
        real_insert_many(conn, table, rows)

    monkeypatch.setattr(repo, "_insert_many", failing)
    with pytest.raises(StorageError, match="disk full"):
        store.restore(data)
    assert store.all_interviews() == [existing]
    assert _rows(store)[0][1] == "C0"
    assert store.get_interview(existing.id or 0).notes == existing.notes


def test_updated_at_moves_only_on_change(tmp_path: Any, make_interview: MakeInterview) -> None:
    now = [datetime(2024, 6, 1, tzinfo=UTC)]
    with open_store(str(tmp_path / "clock.db"), clock=lambda: now[0]) as store:
        store.save_interview(make_interview())
        data = store.export_all()
        now[0] += timedelta(days=1)
        store.restore(data)
        assert _rows(store)[0][-2:] == (datetime(2024, 6, 1, tzinfo=UTC),) * 2
        data["interviews"][0]["notes"] = "new"
        store.restore(data)
        assert _rows(store)[0][-1] == now[0]


def _rows(store: Store) -> list[tuple[Any, ...]]:
    with store._engine.connect() as conn:
        rows = conn.execute(sa.select(t.interviews).order_by(t.interviews.c.id)).all()
    return [tuple(r) for r in rows]

"""Store: saving, reading, listing and deleting interview records, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.errors import InputError, NotFoundError
from followup.model import Interview, Interviewer, Status
from followup.store import InterviewSummary, Store
from followup.store import tables as t

MakeInterview = Callable[..., Interview]


def count(store: Store, table: sa.Table) -> int:
    with store._engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def test_round_trip_keeps_every_field(store: Store, make_interview: MakeInterview) -> None:
    original = make_interview()
    saved, what = store.save_interview(original)
    assert what == "created"
    assert saved.id is not None
    assert all(p.id is not None for p in saved.interviewers)
    loaded = store.get_interview(saved.id)
    assert loaded == original
    assert loaded.id == saved.id
    assert [p.id for p in loaded.interviewers] == [p.id for p in saved.interviewers]
    # Same instant, shown in the interview's own zone, microseconds kept.
    assert loaded.starts_at.utcoffset() == timedelta(hours=2)
    assert loaded.starts_at.microsecond == 250_000
    assert loaded.interviewers[0].extra == {"met_at": "café", "n": 3}
    assert saved == loaded


def test_starts_at_given_in_another_zone_is_the_same_instant(
    store: Store, make_interview: MakeInterview
) -> None:
    in_utc = make_interview().starts_at.astimezone(UTC)
    saved, _ = store.save_interview(make_interview(starts_at=in_utc))
    loaded = store.get_interview(saved.id or 0)
    assert loaded.starts_at == in_utc
    assert loaded.starts_at.tzinfo is not None
    assert str(loaded.starts_at.tzinfo) == "Europe/Berlin"


def test_minimal_record_round_trips(store: Store) -> None:
    bare = Interview("A", "B", datetime(2024, 1, 1, tzinfo=UTC), "UTC")
    saved, _ = store.save_interview(bare)
    assert store.get_interview(saved.id or 0) == bare


def test_save_by_natural_key_updates(store: Store, make_interview: MakeInterview) -> None:
    first, what = store.save_interview(make_interview())
    assert what == "created"
    # Same company and role up to case and spaces, same instant: the same interview.
    again = make_interview(
        company="  zürich ünïcode ag 🚀 ", role="STAFF ENGINEER — PLATFORM",
        notes="changed", status=Status.CLOSED, outcome="offer",
    )
    assert store.find_by_natural_key(again) == first.id
    second, what = store.save_interview(again)
    assert what == "updated"
    assert second.id == first.id
    loaded = store.get_interview(first.id or 0)
    assert (loaded.notes, loaded.status, loaded.outcome) == ("changed", Status.CLOSED, "offer")
    assert count(store, t.interviews) == 1


def test_other_start_time_is_another_interview(
    store: Store, make_interview: MakeInterview
) -> None:
    a, _ = store.save_interview(make_interview(day=2))
    b, what = store.save_interview(make_interview(day=3))
    assert what == "created"
    assert a.id != b.id


def test_save_by_id_may_change_the_natural_key(
    store: Store, make_interview: MakeInterview
) -> None:
    saved, _ = store.save_interview(make_interview())
    renamed, what = store.save_interview(dataclasses.replace(saved, company="Renamed GmbH"))
    assert (what, renamed.id) == ("updated", saved.id)
    assert store.get_interview(saved.id or 0).company == "Renamed GmbH"


def test_save_by_id_refuses_to_duplicate_a_natural_key(
    store: Store, make_interview: MakeInterview
) -> None:
    a, _ = store.save_interview(make_interview(day=2))
    b, _ = store.save_interview(make_interview(day=3))
    with pytest.raises(InputError, match=f"interview {a.id} already has"):
        store.save_interview(dataclasses.replace(b, starts_at=a.starts_at))


def test_save_with_unknown_id_is_not_found(store: Store, make_interview: MakeInterview) -> None:
    with pytest.raises(NotFoundError, match="no interview with id 99"):
        store.save_interview(dataclasses.replace(make_interview(), id=99))


def test_interviewer_ids_survive_an_update(store: Store, make_interview: MakeInterview) -> None:
    saved, _ = store.save_interview(make_interview())
    zoe, taro, mohammed, olga = saved.interviewers
    # Reordered, one renamed only in case and accents, one removed, one new; no ids given.
    people = (
        dataclasses.replace(olga, id=None, title="Lead"),
        Interviewer(name="ZOE UNAL", discussed=("only this now",)),
        dataclasses.replace(taro, id=None),
        Interviewer(name="New Person"),
    )
    updated, _ = store.save_interview(dataclasses.replace(saved, id=None, interviewers=people))
    ids = [p.id for p in updated.interviewers]
    assert ids[:3] == [olga.id, zoe.id, taro.id]
    assert ids[3] not in {zoe.id, taro.id, mohammed.id, olga.id}
    loaded = store.get_interview(saved.id or 0)
    assert [p.id for p in loaded.interviewers] == ids
    assert loaded.interviewers[1].discussed == ("only this now",)
    assert loaded.interviewers[1].shared == () and loaded.interviewers[1].questions == ()
    assert loaded.interviewers[0].title == "Lead"
    assert count(store, t.interviewers) == 4  # the removed one is gone


def test_interviewer_matched_by_id_even_when_renamed(
    store: Store, make_interview: MakeInterview
) -> None:
    saved, _ = store.save_interview(make_interview())
    first = saved.interviewers[0]
    people = (dataclasses.replace(first, name="Zoë Ünal-Smith"), *saved.interviewers[1:])
    updated, _ = store.save_interview(dataclasses.replace(saved, interviewers=people))
    assert updated.interviewers[0].id == first.id


def test_list_is_newest_first_with_summary_fields(
    store: Store, make_interview: MakeInterview
) -> None:
    older, _ = store.save_interview(make_interview(company="Older", day=1))
    newer, _ = store.save_interview(make_interview(company="Newer", day=9))
    closed, _ = store.save_interview(
        make_interview(company="Middle", day=5, status=Status.CLOSED, outcome="rejected")
    )
    rows = store.list_interviews()
    assert [r.company for r in rows] == ["Newer", "Middle", "Older"]
    top = rows[0]
    assert top == InterviewSummary(
        id=newer.id or 0, company="Newer", role=newer.role, starts_at=newer.starts_at,
        timezone="Europe/Berlin", status=Status.OPEN, outcome=None,
        interviewer_names=("Zoë Ünal", "山田 太郎", "محمد الأحمد", "Ольга Петрова"),
    )
    assert str(top.starts_at.tzinfo) == "Europe/Berlin"
    assert [r.id for r in store.list_interviews(status=Status.CLOSED)] == [closed.id]
    assert [r.id for r in store.list_interviews(status=Status.OPEN)] == [newer.id, older.id]
    with pytest.raises(dataclasses.FrozenInstanceError):
        top.company = "x"  # type: ignore[misc]


def test_list_and_all_of_an_empty_store(store: Store) -> None:
    assert store.list_interviews() == []
    assert store.all_interviews() == []


def test_all_interviews_loads_every_child(store: Store, make_interview: MakeInterview) -> None:
    expected = [make_interview(company=f"C{i}", day=i + 1) for i in range(5)]
    for interview in expected:
        store.save_interview(interview)
    assert store.all_interviews() == list(reversed(expected))


def test_all_interviews_does_not_query_per_record(
    store: Store, make_interview: MakeInterview
) -> None:
    for i in range(6):
        store.save_interview(make_interview(company=f"C{i}"))
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    sa.event.listen(store._engine, "before_cursor_execute", record)
    try:
        store.all_interviews()
        store.list_interviews()
    finally:
        sa.event.remove(store._engine, "before_cursor_execute", record)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) <= 7  # five for all_interviews, two for list_interviews


def test_delete_returns_the_record_and_cascades(
    store: Store, make_interview: MakeInterview
) -> None:
    keep, _ = store.save_interview(make_interview(company="Keep"))
    gone, _ = store.save_interview(make_interview(company="Gone"))
    deleted = store.delete_interview(gone.id or 0)
    assert deleted == gone and deleted.id == gone.id
    with pytest.raises(NotFoundError):
        store.get_interview(gone.id or 0)
    assert [r.id for r in store.list_interviews()] == [keep.id]
    assert count(store, t.interviewers) == len(keep.interviewers)
    assert count(store, t.qualifications) == len(keep.qualifications)
    assert count(store, t.interviewer_questions) == 2
    assert count(store, t.interviewer_points) == 7


def test_deleted_ids_are_not_reused(store: Store, make_interview: MakeInterview) -> None:
    a, _ = store.save_interview(make_interview(company="A"))
    store.delete_interview(a.id or 0)
    b, _ = store.save_interview(make_interview(company="B"))
    assert (b.id or 0) > (a.id or 0)


def test_missing_ids_are_not_found_with_a_hint(store: Store) -> None:
    message = "no interview with id 7; `followup list` shows the ids"
    with pytest.raises(NotFoundError) as caught:
        store.get_interview(7)
    assert str(caught.value) == message
    with pytest.raises(NotFoundError, match="no interview with id 7"):
        store.delete_interview(7)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"notes": "a\x00b"}, "interview.notes: contains a NUL"),
        ({"company": "bad \ud800"}, "interview.company: contains an unpaired surrogate"),
        ({"timezone": "Mars/Olympus"}, "interview.timezone: unknown time zone"),
    ],
)
def test_unstorable_text_is_an_input_error(
    store: Store, make_interview: MakeInterview, change: dict[str, str], field: str
) -> None:
    with pytest.raises(InputError, match=field):
        store.save_interview(make_interview(**change))
    assert store.list_interviews() == []


_text = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=40
)
# One-line fields (company, names) refuse control characters and line breaks.
_line = st.text(st.characters(exclude_categories=["Cs", "Cc", "Zl", "Zp"]), max_size=40)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(company=_line.filter(str.strip), name=_line, notes=_text, point=_text)
def test_any_text_round_trips(
    store: Store, make_interview: MakeInterview, company: str, name: str, notes: str,
    point: str,
) -> None:
    interview = make_interview(
        company=company, notes=notes,
        interviewers=(Interviewer(name=name or "x", discussed=(point,)),),
        qualifications=(point,),
    )
    saved, _ = store.save_interview(interview)
    assert store.get_interview(saved.id or 0) == interview
    store.delete_interview(saved.id or 0)

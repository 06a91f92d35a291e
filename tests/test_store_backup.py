"""Store: whole-database export and restore (idempotent, all-or-nothing, precise errors)."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from followup.errors import InputError, StorageError
from followup.model import (
    Draft,
    DraftStatus,
    Event,
    EventKind,
    FollowupKind,
    Interview,
    Medium,
    Stage,
    Tone,
)
from followup.model.codec import interview_to_dict
from followup.store import RestoreResult, Store, followups, open_store
from followup.store import repository as repo
from followup.store import tables as t

MakeInterview = Callable[..., Interview]


def fill(store: Store, make_interview: MakeInterview, n: int = 3) -> list[Interview]:
    return [store.save_interview(make_interview(company=f"Co {i} ☕", day=i + 1))[0]
            for i in range(n)]


def test_export_shape(store: Store, make_interview: MakeInterview) -> None:
    fill(store, make_interview, 2)
    data = store.export_all()
    assert data["format"] == "followup-backup" and data["version"] == 2
    assert len(data["interviews"]) == 2
    shape = set(interview_to_dict(make_interview())) | {"drafts", "events"}
    assert all(set(record) == shape for record in data["interviews"])
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
    """A version 1 backup (records only), as followup wrote before drafts and events."""
    return {
        "format": "followup-backup", "version": 1,
        "interviews": [interview_to_dict(make_interview(company=f"C{i}", day=i + 1))
                       for i in range(4)],
    }


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (lambda d: d.update(format="other"), "backup.json: format: expected 'followup-backup'"),
        (lambda d: d.update(version=3), "backup.json: version: unsupported backup version 3"),
        (lambda d: d.update(version=True), "backup.json: version: unsupported backup version"),
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


# -- drafts and events (backup version 2) -------------------------------------------------

AT = datetime(2024, 5, 3, 9, 0, tzinfo=UTC)


def with_followups(store: Store, make_interview: MakeInterview, company: str = "Acme") -> int:
    """An interview with drafts to two people and to nobody, and events pointing at them."""
    interview, _ = store.save_interview(make_interview(company=company))
    iid = interview.id or 0
    zoe, taro = interview.interviewers[0], interview.interviewers[1]
    thanks = store.save_draft(Draft(iid, zoe.id, Stage.THANK_YOU, Medium.EMAIL,
                                    "Thank you 🚀", "Dear Zoë,\n\nThanks…", Tone.CASUAL, 2))
    store.save_draft(Draft(iid, taro.id, Stage.THANK_YOU, Medium.LINKEDIN_NOTE, "", "ありがとう"))
    store.save_draft(Draft(iid, None, Stage.CHECK_IN, Medium.EMAIL, "Checking in", "Hi"))
    store.save_draft(replace(thanks, status=DraftStatus.SENT, sent_at=AT, message_id="<m@x>"))
    store.record_event(Event(iid, EventKind.REPLIED, AT + timedelta(days=2),
                             interviewer_id=zoe.id, detail="Zoë wrote back"))
    store.record_event(Event(iid, EventKind.SENT, AT, interviewer_id=zoe.id,
                             followup=FollowupKind.THANK_YOU, draft_id=thanks.id))
    store.record_event(Event(iid, EventKind.SENT, AT, interviewer_id=taro.id,
                             followup=FollowupKind.THANK_YOU))  # same time: id order
    return iid


def _portable(store: Store) -> list[dict[str, Any]]:
    """The export without ids: what must survive a trip through another database."""
    records = store.export_all()["interviews"]
    for record in records:
        record.pop("id")
        for person in record["interviewers"]:
            person.pop("id")
    return records


def test_export_nests_drafts_and_events_by_name_and_index(
    store: Store, make_interview: MakeInterview
) -> None:
    with_followups(store, make_interview)
    record = json.loads(json.dumps(store.export_all()))["interviews"][0]
    assert [d["to"] for d in record["drafts"]] == ["Zoë Ünal", "山田 太郎", None]
    assert record["drafts"][0] | {"created_at": None, "updated_at": None} == {
        "to": "Zoë Ünal", "stage": "thank-you", "medium": "email", "tone": "casual",
        "variant": 2, "subject": "Thank you 🚀", "body": "Dear Zoë,\n\nThanks…",
        "status": "sent", "created_at": None, "updated_at": None,
        "sent_at": "2024-05-03T09:00:00+00:00", "message_id": "<m@x>",
    }
    assert datetime.fromisoformat(record["drafts"][0]["created_at"]).tzinfo is not None
    assert record["events"] == [
        {"kind": "sent", "at": "2024-05-03T09:00:00+00:00", "to": "Zoë Ünal",
         "followup": "thank-you", "draft": 0, "detail": ""},
        {"kind": "sent", "at": "2024-05-03T09:00:00+00:00", "to": "山田 太郎",
         "followup": "thank-you", "draft": None, "detail": ""},
        {"kind": "replied", "at": "2024-05-05T09:00:00+00:00", "to": "Zoë Ünal",
         "followup": None, "draft": None, "detail": "Zoë wrote back"},
    ]


def test_round_trip_with_drafts_and_events_remaps_ids(
    store: Store, store_factory: Callable[[], Store], make_interview: MakeInterview
) -> None:
    store.save_interview(make_interview(company="Padding", day=9))  # so the ids differ
    target = store_factory()
    target.save_interview(make_interview(company="Already here", day=8))
    with_followups(store, make_interview)
    data = json.loads(json.dumps(store.export_all(), ensure_ascii=False))
    assert target.restore(data) == RestoreResult(created=2, updated=0, unchanged=0)
    assert _portable(target) == sorted(
        [*_portable(store), _portable_of(target, "Already here")],
        key=lambda r: r["starts_at"], reverse=True,
    )
    restored_id = next(s.id for s in target.list_interviews() if s.company == "Acme")
    restored = target.get_interview(restored_id)
    drafts = target.list_drafts(restored_id)
    people = {p.id: p.name for p in restored.interviewers}
    assert [people.get(d.interviewer_id or -1) for d in drafts] == [
        "Zoë Ünal", "山田 太郎", None]
    original = store.list_drafts(next(s.id for s in store.list_interviews()
                                      if s.company == "Acme"))
    assert [d.created_at for d in drafts] == [d.created_at for d in original]
    assert [d.updated_at for d in drafts] == [d.updated_at for d in original]
    events = target.list_events(restored_id)
    assert [e.interview_id for e in events] == [restored_id] * 3
    assert events[0].draft_id == drafts[0].id and drafts[0].subject == "Thank you 🚀"
    assert [people.get(e.interviewer_id or -1) for e in events] == [
        "Zoë Ünal", "山田 太郎", "Zoë Ünal"]
    assert events[1].draft_id is None and events[2].draft_id is None


def _portable_of(store: Store, company: str) -> dict[str, Any]:
    return next(r for r in _portable(store) if r["company"] == company)


def test_restoring_followups_twice_changes_nothing(
    store: Store, store_factory: Callable[[], Store], make_interview: MakeInterview
) -> None:
    with_followups(store, make_interview)
    with_followups(store, make_interview, company="Other")
    data = store.export_all()
    assert store.restore(data) == RestoreResult(created=0, updated=0, unchanged=2)
    target = store_factory()
    assert target.restore(data) == RestoreResult(created=2, updated=0, unchanged=0)
    before = _all_rows(target)
    assert target.restore(data) == RestoreResult(created=0, updated=0, unchanged=2)
    assert target.restore(target.export_all()) == RestoreResult(0, 0, 2)
    assert _all_rows(target) == before


def test_a_changed_draft_updates_and_replaces(
    store: Store, make_interview: MakeInterview
) -> None:
    iid = with_followups(store, make_interview)
    other = with_followups(store, make_interview, company="Other")
    old_drafts = store.list_drafts(iid)
    untouched = _all_rows(store, other)
    data = store.export_all()
    record = next(r for r in data["interviews"] if r["company"] == "Acme")
    record["drafts"][1]["body"] = "edited in the backup"
    record["drafts"].append({"to": "zoë ünal", "stage": "check-in", "medium": "card",
                             "subject": "", "body": "added"})  # case and accents ignored
    record["events"].append({"kind": "closed", "at": "2024-06-01T12:00:00+02:00",
                             "draft": 3, "detail": "offer"})
    assert store.restore(data) == RestoreResult(created=0, updated=1, unchanged=1)
    drafts = store.list_drafts(iid)
    assert [d.body for d in drafts] == ["Dear Zoë,\n\nThanks…", "edited in the backup", "Hi",
                                        "added"]
    assert not {d.id for d in drafts} & {d.id for d in old_drafts}  # replaced
    assert drafts[3].interviewer_id == store.get_interview(iid).interviewers[0].id
    assert drafts[3].tone is Tone.FORMAL and drafts[3].status is DraftStatus.DRAFT
    events = store.list_events(iid)
    assert [e.kind for e in events] == [EventKind.SENT, EventKind.SENT, EventKind.REPLIED,
                                        EventKind.CLOSED]
    assert events[0].draft_id == drafts[0].id and events[3].draft_id == drafts[3].id
    assert _all_rows(store, other) == untouched
    assert store.restore(data) == RestoreResult(created=0, updated=0, unchanged=2)


def test_removed_followups_in_the_backup_are_removed(
    store: Store, make_interview: MakeInterview
) -> None:
    iid = with_followups(store, make_interview)
    data = store.export_all()
    data["interviews"][0]["drafts"] = []
    data["interviews"][0]["events"] = []  # an event's draft index must then go too
    assert store.restore(data) == RestoreResult(created=0, updated=1, unchanged=0)
    assert store.list_drafts(iid) == [] and store.list_events(iid) == []


def test_events_out_of_time_order_restore_idempotently(
    store: Store, make_interview: MakeInterview
) -> None:
    iid = with_followups(store, make_interview)
    data = store.export_all()
    events = data["interviews"][0]["events"]
    events.insert(0, events.pop())  # a hand-edited file: the latest event first
    assert store.restore(data) == RestoreResult(created=0, updated=0, unchanged=1)
    events.reverse()  # now the two events at the same time swap too: that is a change
    assert store.restore(data) == RestoreResult(created=0, updated=1, unchanged=0)
    assert store.restore(data) == RestoreResult(created=0, updated=0, unchanged=1)
    assert [e.detail for e in store.list_events(iid)][-1] == "Zoë wrote back"
    assert store.list_events(iid)[1].draft_id == store.list_drafts(iid)[0].id


def test_a_version_1_backup_keeps_stored_drafts_and_events(
    store: Store, make_interview: MakeInterview
) -> None:
    iid = with_followups(store, make_interview)
    drafts, events = store.list_drafts(iid), store.list_events(iid)
    data = store.export_all()
    data["version"] = 1
    for record in data["interviews"]:
        del record["drafts"], record["events"]
    assert store.restore(data) == RestoreResult(created=0, updated=0, unchanged=1)
    data["interviews"][0]["notes"] = "changed"
    extra = copy.deepcopy(data["interviews"][0])
    extra["company"] = "New Co"
    data["interviews"].append(extra)
    assert store.restore(data) == RestoreResult(created=1, updated=1, unchanged=0)
    assert store.get_interview(iid).notes == "changed"
    assert store.list_drafts(iid) == drafts and store.list_events(iid) == events
    assert [d.id for d in store.list_drafts(iid)] == [d.id for d in drafts]
    assert len(store.list_drafts()) == 3  # the new record has none


def _good_v2(make_interview: MakeInterview) -> dict[str, Any]:
    data = _good(make_interview)
    data["version"] = 2
    for record in data["interviews"]:
        record["drafts"] = [
            {"to": "Zoë Ünal", "stage": "thank-you", "medium": "email", "subject": "Thanks",
             "body": "Dear Zoë", "created_at": "2024-05-02T18:00:00+02:00"},
            {"to": None, "stage": "check-in", "medium": "email", "subject": "Hi", "body": "…"},
        ]
        record["events"] = [{"kind": "sent", "at": "2024-05-02T19:00:00+02:00",
                             "to": "Zoë Ünal", "followup": "thank-you", "draft": 0}]
    return data


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Set d["interviews"][2][<path>] = value; path like "drafts.0.stage"."""
    def apply(data: dict[str, Any]) -> None:
        target: Any = data["interviews"][2]
        *parents, last = path.split(".")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value
    return apply


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (_set("drafts.0.stage", "goodbye"),
         r"^backup.json: interviews\[2\]\.drafts\[0\]\.stage: expected one of thank-you, "
         r"check-in; got 'goodbye'$"),
        (_set("drafts.1.medium", "fax"), r"interviews\[2\]\.drafts\[1\]\.medium: expected one"),
        (_set("drafts.0.tone", "shouty"), r"interviews\[2\]\.drafts\[0\]\.tone: expected one"),
        (_set("drafts.0.status", "lost"), r"interviews\[2\]\.drafts\[0\]\.status: expected"),
        (_set("drafts.0.variant", -1), r"interviews\[2\]\.drafts\[0\]\.variant: expected a whole"),
        (_set("drafts.0.variant", True), r"interviews\[2\]\.drafts\[0\]\.variant: expected"),
        (_set("drafts.0.body", None), r"interviews\[2\]\.drafts\[0\]\.body: missing"),
        (_set("drafts.0.body", "nul\x00"), r"interviews\[2\]\.drafts\[0\]\.body: contains a NUL"),
        (_set("drafts.0.sent_at", "2024-05-02T10:00:00"),
         r"interviews\[2\]\.drafts\[0\]\.sent_at: expected ISO 8601 .* UTC offset"),
        (_set("drafts.0.to", "Nobody Known"),
         r"interviews\[2\]\.drafts\[0\]\.to: 'Nobody Known' names no interviewer of this "
         r"interview \(interviewers: 'Zoë Ünal', "),
        (_set("drafts.0.to", 7), r"interviews\[2\]\.drafts\[0\]\.to: expected an interviewer"),
        (_set("drafts.1", "x"), r"interviews\[2\]\.drafts\[1\]: expected an object"),
        (_set("drafts", {}), r"interviews\[2\]\.drafts: expected a list of draft objects"),
        (_set("events", "x"), r"interviews\[2\]\.events: expected a list of event objects"),
        (_set("events.0.draft", 2),
         r"interviews\[2\]\.events\[0\]\.draft: no draft 2 in this interview's drafts "
         r"\(expected an index from 0 to 1, or null\)"),
        (_set("events.0.draft", -1), r"interviews\[2\]\.events\[0\]\.draft: no draft -1"),
        (_set("events.0.draft", "0"), r"interviews\[2\]\.events\[0\]\.draft: no draft '0'"),
        (_set("events.0.to", "Zoe"), r"interviews\[2\]\.events\[0\]\.to: 'Zoe' names no"),
        (_set("events.0.kind", "waved"),
         r"interviews\[2\]\.events\[0\]\.kind: expected one of sent, replied, closed"),
        (_set("events.0.at", None), r"interviews\[2\]\.events\[0\]\.at: expected ISO 8601"),
        (_set("events.0.followup", "check-in-3"),
         r"interviews\[2\]\.events\[0\]\.followup: expected one of thank-you, check-in-1"),
        (_set("events.0.detail", 5), r"interviews\[2\]\.events\[0\]\.detail: expected text"),
    ],
)
def test_malformed_drafts_and_events_name_the_place_and_write_nothing(
    store: Store, make_interview: MakeInterview, break_it: Callable[[dict[str, Any]], None],
    message: str,
) -> None:
    data = _good_v2(make_interview)
    assert _valid(data)  # so each case fails for its own reason
    break_it(data)
    with pytest.raises(InputError, match=message):
        store.restore(data, source="backup.json")
    assert store.list_interviews() == [] and store.list_drafts() == []


def _valid(data: dict[str, Any]) -> bool:
    from followup.store.backup import parse_backup

    return len(parse_backup(copy.deepcopy(data))) == 4


def test_a_draft_index_with_no_drafts(store: Store, make_interview: MakeInterview) -> None:
    data = _good_v2(make_interview)
    data["interviews"][1]["drafts"] = []
    with pytest.raises(InputError, match=r"interviews\[1\]\.events\[0\]\.draft: no draft 0: "
                                         r"this interview has no drafts"):
        store.restore(data, source="backup.json")


def test_every_broken_record_gets_a_line(store: Store, make_interview: MakeInterview) -> None:
    existing, _ = store.save_interview(make_interview(company="C0", day=1))
    data = _good_v2(make_interview)
    data["interviews"][0]["notes"] = "must not be written"
    data["interviews"][1]["drafts"][0]["stage"] = "x"
    data["interviews"][3]["events"][0]["to"] = "Ghost"
    with pytest.raises(InputError) as caught:
        store.restore(data, source="b.json")
    lines = str(caught.value).splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("b.json: interviews[1].drafts[0].stage: expected one of")
    assert lines[1].startswith("b.json: interviews[3].events[0].to: 'Ghost' names no")
    assert store.all_interviews() == [existing] and store.list_drafts() == []


def test_restore_with_followups_is_one_transaction(
    store: Store, make_interview: MakeInterview, monkeypatch: pytest.MonkeyPatch
) -> None:
    iid = with_followups(store, make_interview, company="C0")
    before = _all_rows(store)
    data = _good_v2(make_interview)
    data["interviews"][0]["starts_at"] = store.export_all()["interviews"][0]["starts_at"]

    def failing(conn: sa.Connection, many: list[Event]) -> None:
        raise sa.exc.OperationalError("INSERT", {}, Exception("disk full"))

    monkeypatch.setattr(followups, "insert_events", failing)  # after drafts went in
    with pytest.raises(StorageError, match="disk full"):
        store.restore(data)
    assert _all_rows(store) == before
    assert len(store.list_drafts(iid)) == 3


def _all_rows(store: Store, interview_id: int | None = None) -> list[list[tuple[Any, ...]]]:
    """Every row of every table, or of one interview and its drafts and events; ids too."""
    with store._engine.connect() as conn:
        if interview_id is None:
            return [[tuple(r) for r in conn.execute(sa.select(table).order_by(*table.primary_key))]
                    for table in t.metadata.sorted_tables]
        return [
            [tuple(r) for r in conn.execute(sa.select(table).where(column == interview_id)
                                            .order_by(table.c.id))]
            for table, column in ((t.interviews, t.interviews.c.id),
                                  (t.drafts, t.drafts.c.interview_id),
                                  (t.events, t.events.c.interview_id))
        ]

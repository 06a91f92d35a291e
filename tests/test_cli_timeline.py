"""`followup due/sent/replied/close/calendar` end to end through the CLI."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
import time_machine
from typer.testing import CliRunner

from followup.cli import app
from followup.cli.demo import sample_notes_path
from followup.config import defaults
from followup.model import Draft, DraftStatus, Event, EventKind, FollowupKind, Medium, Stage
from followup.notes import read_notes_file
from followup.store import Store, open_store
from followup.timeline import agenda

JSON_KEYS = ["interview_id", "company", "role", "kind", "to", "opens_at", "due_at",
             "suggested_send_at", "status", "draft_id", "calendar_link"]
# The sample: Tue 2026-11-24 14:00–15:30 America/Chicago; Dana (primary, New York),
# Luis (Chicago), Mei-Ling (Los Angeles); decision by Fri 2026-12-04.
EVENING = "2026-11-24T17:00-06:00"


class Cli:
    def __init__(self, db: str) -> None:
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str) -> Any:
        return self.runner.invoke(app, ["--db", self.db, *args])

    def ok(self, *args: str) -> str:
        result = self(*args)
        assert result.exit_code == 0, result.output
        return str(result.stdout)

    def due(self, *args: str) -> list[dict[str, Any]]:
        return list(json.loads(self.ok("due", "--json", *args)))

    def fails(self, *args: str) -> str:
        result = self(*args)
        assert result.exit_code == 2, result.output
        assert isinstance(result.exception, SystemExit)  # a message, never a traceback
        message = str(result.stderr).strip()
        assert message.startswith("error: ") and "\n" not in message
        return message


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    run = Cli(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    run.ok("config", "set", "timezone", "America/Chicago")
    run.ok("import", str(sample_notes_path()))
    return run


def by_to(items: list[dict[str, Any]], kind: str = "thank-you") -> dict[str, dict[str, Any]]:
    return {i["to"]: i for i in items if i["kind"] == kind}


def test_due_json_has_the_pinned_keys_and_zoned_times(cli: Cli):
    items = cli.due("--now", EVENING)
    assert [list(i) for i in items] == [JSON_KEYS] * 4
    thanks = by_to(items)
    dana = thanks["Dana Whitfield"]
    assert dana["opens_at"] == "2026-11-24T16:30:00-06:00"      # the user's zone
    assert dana["due_at"] == "2026-11-25T15:30:00-06:00"
    assert dana["suggested_send_at"] == "2026-11-25T08:00:00-05:00"  # Dana's own zone
    assert thanks["Mei-Ling Zhou"]["suggested_send_at"] == "2026-11-25T08:00:00-08:00"
    assert {i["status"] for i in thanks.values()} == {"open"}
    assert all(i["draft_id"] is None and i["interview_id"] == 1 for i in items)
    assert dana["calendar_link"].startswith(
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text=")
    assert "dates=20261125T130000Z/20261125T131500Z" in dana["calendar_link"]
    check_in = items[-1]
    assert (check_in["kind"], check_in["to"], check_in["status"]) == (
        "check-in-1", "Dana Whitfield", "upcoming")
    assert check_in["suggested_send_at"] == "2026-12-08T08:00:00-05:00"  # decision + 2 bd


def test_due_puts_overdue_first_and_honours_days(cli: Cli):
    items = cli.due("--now", "2026-12-08T09:00-06:00")
    assert [i["status"] for i in items] == ["overdue"] * 3 + ["open"]
    assert cli.due("--now", EVENING, "--days", "3")[-1]["kind"] == "thank-you"


def test_due_human_output_counts_down_in_the_users_zone(cli: Cli):
    out = cli.ok("due", "--now", EVENING)
    assert "due in 22 h" in out and "opens in 13 days" in out
    assert "America/Chicago" in out and "08:00 EST theirs" in out
    late = cli.ok("due", "--now", "2026-11-27T16:00-06:00")
    assert "2 days overdue" in late
    capped = cli.ok("due", "--now", EVENING, "--limit", "2")
    assert "Luis Ortega" in capped and "Mei-Ling" not in capped
    assert "… and 2 more; --limit 0 shows all" in capped


def test_a_passed_best_slot_says_send_now_while_the_window_is_open(cli: Cli):
    # 09:30 in Chicago: Dana's slot (08:00 New York = 07:00 here) and Luis's (08:00) have
    # passed, Mei-Ling's (08:00 Los Angeles = 10:00 here) has not.
    out = cli.ok("due", "--now", "2026-11-25T09:30-06:00")
    assert out.count("best was") == 2
    assert "best was 25 Nov 07:00" in out and "best was 25 Nov 08:00" in out
    assert "25 Nov 10:00" in out and "best was 25 Nov 10:00" not in out
    # Past the deadline it is overdue, not "now".
    assert "best was" not in cli.ok("due", "--now", "2026-11-27T16:00-06:00")


def test_due_without_now_reads_the_clock(cli: Cli):
    with time_machine.travel(datetime(2026, 11, 25, 10, tzinfo=ZoneInfo("America/Chicago"))):
        items = cli.due()
    assert {i["status"] for i in by_to(items).values()} == {"open"}


def test_sent_to_a_person_settles_that_thank_you(cli: Cli):
    out = cli.ok("sent", "1", "--to", "dana", "--stage", "thank-you",
                 "--at", "2026-11-25T08:05-05:00")
    assert "thank-you to Dana Whitfield" in out
    items = cli.due("--now", "2026-11-25T09:00-06:00")
    assert "Dana Whitfield" not in by_to(items)
    settled = cli.due("--now", "2026-11-25T09:00-06:00", "--all")
    assert by_to(settled)["Dana Whitfield"]["status"] == "done"
    assert "already recorded" in cli.fails("sent", "1", "--to", "Dana Whitfield")


def test_sent_with_a_draft_id_marks_the_draft_and_the_item(cli: Cli):
    interview = read_notes_file(sample_notes_path())
    with open_store(cli.db) as store:
        stored = store.get_interview(1)
        luis = next(p for p in stored.interviewers if p.name == "Luis Ortega")
        draft = store.save_draft(Draft(1, luis.id, Stage.THANK_YOU, Medium.EMAIL,
                                       f"Thank you — {interview.role}", "Dear Luis, …"))
    assert by_to(cli.due("--now", EVENING))["Luis Ortega"]["draft_id"] == draft.id
    cli.ok("sent", str(draft.id), "--at", "2026-11-25T08:10-06:00")
    with open_store(cli.db) as store:
        marked = store.get_draft(draft.id or 0)
        events = store.list_events(1)
    assert marked.status is DraftStatus.SENT
    assert marked.sent_at == datetime(2026, 11, 25, 8, 10, tzinfo=ZoneInfo("America/Chicago"))
    assert [(e.kind, e.followup, e.interviewer_id, e.draft_id) for e in events] == [
        (EventKind.SENT, FollowupKind.THANK_YOU, luis.id, draft.id)]
    done = by_to(cli.due("--now", "2026-11-25T09:00-06:00", "--all"))["Luis Ortega"]
    assert (done["status"], done["draft_id"]) == ("done", draft.id)
    assert "already marked sent" in cli.fails("sent", str(draft.id))


def test_check_ins_count_up_to_two_then_stop(cli: Cli):
    cli.ok("sent", "1", "--stage", "check-in", "--at", "2026-12-08T08:30-05:00")
    items = cli.due("--now", "2026-12-09T09:00-06:00", "--all")
    kinds = {i["kind"]: i for i in items if i["kind"] != "thank-you"}
    assert kinds["check-in-1"]["status"] == "done"
    assert kinds["check-in-2"]["suggested_send_at"] == "2026-12-15T08:00:00-05:00"
    cli.ok("sent", "1", "--stage", "check-in", "--at", "2026-12-15T08:30-05:00")
    assert "plans no more" in cli.fails("sent", "1", "--stage", "check-in")


def test_a_reply_cancels_the_check_ins(cli: Cli):
    cli.ok("replied", "1", "--from", "Dana", "--at", "2026-11-26T10:00-06:00")
    items = cli.due("--now", "2026-11-26T11:00-06:00", "--days", "30")
    assert {i["kind"] for i in items} == {"thank-you"}
    settled = cli.due("--now", "2026-11-26T11:00-06:00", "--all")
    assert [i["status"] for i in settled if i["kind"] == "check-in-1"] == ["cancelled"]


def test_close_stops_every_reminder(cli: Cli):
    out = cli.ok("close", "1", "--outcome", "offer", "--at", "2026-11-25T12:00-06:00")
    assert "offer" in out
    assert cli.due("--now", "2026-11-25T13:00-06:00", "--days", "60") == []
    assert "already closed" in cli.fails("close", "1", "--outcome", "hired")


def test_calendar_export_parses_back(cli: Cli, tmp_path: Path):
    target = tmp_path / "out.ics"
    out = cli.ok("calendar", "--all", "-o", str(target), "--now", EVENING)
    assert "Wrote 4 events" in out
    parsed = icalendar.Calendar.from_ical(target.read_bytes())
    events = list(parsed.walk("VEVENT"))
    assert len(events) == 4 and all(len(list(e.walk("VALARM"))) == 1 for e in events)
    assert {e["DTSTART"].params["TZID"] for e in events} == {
        "America/New_York", "America/Chicago", "America/Los_Angeles"}
    single = tmp_path / "one.ics"
    cli.ok("calendar", "1", "-o", str(single), "--now", EVENING)
    again = list(icalendar.Calendar.from_ical(single.read_bytes()).walk("VEVENT"))
    assert [str(e["UID"]) for e in again] == [str(e["UID"]) for e in events]


@pytest.mark.parametrize(("args", "says"), [
    (("due", "--now", "yesterday"), "--now: 'yesterday' is not an ISO 8601 time"),
    (("due", "--days", "-1"), "look from 0 to 366 days ahead"),
    (("sent", "1", "--to", "Nobody", "--stage", "thank-you"), "'Nobody' is none of"),
    (("sent", "1", "--stage", "farewell"), "--stage: 'farewell' is not a stage"),
    (("sent", "1", "--stage", "thank-you"), "--to: name the interviewer"),
    (("sent", "9", "--to", "Dana", "--stage", "thank-you"), "no interview with id 9"),
    (("sent", "42"), "no draft with id 42"),
    (("sent", "1", "--to", "Dana", "--at", "soon"), "--at: 'soon' is not an ISO 8601 time"),
    (("replied", "9"), "no interview with id 9"),
    (("close", "1", "--outcome", "ghosted"), "--outcome: 'ghosted' is not one of"),
    (("close", "9", "--outcome", "offer"), "no interview with id 9"),
    (("calendar", "-o", "x.ics"), "give an interview ID or --all"),
    (("calendar", "1", "--all", "-o", "x.ics"), "give an interview ID or --all"),
    (("calendar", "9", "-o", "x.ics"), "no interview with id 9"),
])
def test_bad_input_is_one_line_and_exit_2(cli: Cli, args: tuple[str, ...], says: str):
    assert says in cli.fails(*args)


def test_due_data_path_on_each_backend(store: Store, tmp_path: Path):
    """The agenda from the store's bulk load, and the command on the same database."""
    chicago = ZoneInfo("America/Chicago")
    sample = read_notes_file(sample_notes_path())
    first, _ = store.save_interview(sample)
    closed, _ = store.save_interview(replace(sample, company="Contoso"))
    store.close_interview(closed.id or 0, "rejected", datetime(2026, 11, 25, tzinfo=chicago))
    luis = next(p for p in first.interviewers if p.name == "Luis Ortega")
    draft = store.save_draft(Draft(first.id or 0, luis.id, Stage.THANK_YOU, Medium.EMAIL,
                                   "Thank you", "Dear Luis, …"))
    store.record_event(Event(first.id or 0, EventKind.SENT,
                             datetime(2026, 11, 25, 8, tzinfo=chicago),
                             first.primary_contact.id if first.primary_contact else None,
                             FollowupKind.THANK_YOU))
    now = datetime(2026, 11, 25, 9, tzinfo=chicago)
    items = agenda(store.open_interviews_with_events(), now, defaults(), 14)
    assert [(i.interview_id, i.kind.value, i.to, i.status.value, i.draft_id) for i in items] == [
        (first.id, "thank-you", "Luis Ortega", "open", draft.id),
        (first.id, "thank-you", "Mei-Ling Zhou", "open", None),
        (first.id, "check-in-1", "Dana Whitfield", "upcoming", None),
    ]
    cli = Cli(store.url)
    via_cli = cli.due("--now", now.isoformat())
    assert [(i["to"], i["status"], i["draft_id"]) for i in via_cli] == [
        (i.to, i.status.value, i.draft_id) for i in items]

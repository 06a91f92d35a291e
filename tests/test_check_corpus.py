"""The labeled corpus (tests/corpus/*.yaml): no missing or unexpected error-level findings.

Each note names its record (a key of records.yaml, or `northwind`/`contoso` from
followup.check.examples), the addressee, stage, medium, moment, other interviews and panel
drafts, and the rule ids expected at error level (exactly) and at warning and suggestion
level (at least); `absent` lists rule ids that must not fire at any severity (pinned false
alarms); `accept` lists words of the user's own dictionary (as `check --accept`);
`known_miss` marks a note the checker still judges wrongly (expected to fail, with the
reason); `flags` (issue 11 notes) lists every practice a coach would flag, for the bench.
Notes marked `clean` must also have no spelling or name findings and score 90 or more.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from followup.check import CheckContext, check
from followup.check.examples import CONTOSO, NORTHWIND
from followup.model import Interview, Interviewer, Medium, Severity, Stage
from followup.model.codec import interview_from_dict

CORPUS = Path(__file__).parent / "corpus"


def _records() -> dict[str, Interview]:
    raw = yaml.safe_load((CORPUS / "records.yaml").read_text(encoding="utf-8"))
    records = {key: interview_from_dict(value) for key, value in raw.items()}
    records.update(northwind=NORTHWIND, contoso=CONTOSO)
    return records


RECORDS = _records()


def load_notes() -> list[dict[str, Any]]:
    notes: list[dict[str, Any]] = []
    for path in sorted(CORPUS.glob("notes_*.yaml")):
        for note in yaml.safe_load(path.read_text(encoding="utf-8")):
            note["file"] = path.name
            notes.append(note)
    return notes


NOTES = load_notes()
BY_ID = {n["id"]: n for n in NOTES}


def context_for(note: dict[str, Any]) -> CheckContext:
    interview = RECORDS[note["record"]] if note.get("record") else None
    person: Interviewer | None = None
    if note.get("to"):
        person = interview.find_interviewer(note["to"]) if interview else Interviewer(note["to"])
        assert person is not None, f"{note['id']}: --to {note['to']} names nobody"
    now = datetime.fromisoformat(note["now"]) if note.get("now") else None
    return CheckContext(
        interview=interview, interviewer=person,
        stage=Stage(note.get("stage", "thank-you")), medium=Medium(note.get("medium", "email")),
        now=now, other_interviews=tuple(RECORDS[k] for k in note.get("others", ())),
        other_drafts=tuple(BY_ID[d]["text"] for d in note.get("drafts", ())),
    )


def test_corpus_is_big_and_varied() -> None:
    assert len(NOTES) >= 80
    assert len(BY_ID) == len(NOTES), "duplicate note ids"
    assert {n.get("stage", "thank-you") for n in NOTES} == {s.value for s in Stage}
    assert {n.get("medium", "email") for n in NOTES} == {m.value for m in Medium}
    errors = {e for n in NOTES for e in n.get("errors", ())}
    for rule in ("p02.panel-duplicate", "p09.copy-paste", "p09.name-misspelled",
                 "p09.wrong-recipient", "p09.placeholder", "p08.demand", "p10.guilt"):
        assert rule in errors
    assert sum(1 for n in NOTES if n.get("clean")) >= 30


@pytest.mark.parametrize("note", NOTES, ids=[n["id"] for n in NOTES])
def test_corpus_note(note: dict[str, Any]) -> None:
    if note.get("known_miss"):
        pytest.xfail(note["known_miss"])
    report = check(note["text"], context_for(note), words=note.get("accept", ()))
    found = {s: {f.rule for f in report.findings if f.severity is s} for s in Severity}
    detail = [(f.severity.value, f.rule, f.text[:40], f.message) for f in report.findings]
    assert found[Severity.ERROR] == set(note.get("errors", ())), detail
    assert set(note.get("warnings", ())) <= found[Severity.WARNING], detail
    assert set(note.get("suggestions", ())) <= found[Severity.SUGGESTION], detail
    assert not set(note.get("absent", ())) & {f.rule for f in report.findings}, detail
    if note.get("clean"):
        assert not {"p09.spelling", "p09.name-misspelled"} & {f.rule for f in report.findings}, (
            detail)
        assert report.score >= 90, (report.score, detail)
    if found[Severity.ERROR]:
        assert report.score < 70

"""Issue 11, the misses: who and which company, clichés, presumption, comma splices.

Each test names what a new user ran into and fails on the checker before issue 11.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from followup.check import CheckContext, check
from followup.model import Interview, Interviewer, Me, Severity

MERCY = Interview(
    company="St. Brigid's Medical Center", role="Telemetry RN",
    starts_at=datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("America/Denver")),
    timezone="America/Denver",
    interviewers=(Interviewer(name="Rosalind Achterberg", title="Nurse Manager"),
                  Interviewer(name="Tomás Ibarra", title="Charge Nurse")),
    me=Me(name="Jo Whitcombe"),
)
TO_ROSALIND = CheckContext(interview=MERCY, interviewer=MERCY.interviewers[0])


def _note(greeting: str, body: str) -> str:
    return (f"Dear {greeting},\n\nThank you for the interview on Monday. {body}\n\n"
            "With all good wishes,\nJo Whitcombe")


def _rules(text: str, ctx: CheckContext | None = None) -> dict[str, Severity]:
    return {f.rule: f.severity for f in check(text, ctx).findings}


def test_another_employer_in_the_note_is_a_warning_with_a_record() -> None:
    text = _note("Rosalind", "I would be a great fit for Mercy General Hospital.")
    found = [f for f in check(text, TO_ROSALIND).findings if f.rule == "p09.other-employer"]
    assert [(f.text, f.severity, f.suggestion) for f in found] == [
        ("Mercy General Hospital", Severity.WARNING, "St. Brigid's Medical Center")]


def test_without_a_record_no_employer_is_assumed() -> None:
    text = _note("Rosalind", "I would be a great fit for Mercy General Hospital.")
    assert "p09.other-employer" not in _rules(text)


@pytest.mark.parametrize("body", [
    "I worked at Mercy General Hospital for six years on a cardiac step-down unit.",
    "At my last job at Front Range Bank I balanced the vault daily.",
    "I am glad the unit at St. Brigid's Medical Center has a preceptor program.",
    "At Mercy General Hospital I precepted six new graduates.",
])
def test_own_history_and_the_right_employer_pass(body: str) -> None:
    assert "p09.other-employer" not in _rules(_note("Rosalind", body), TO_ROSALIND)


@pytest.mark.parametrize("greeting", ["Rachel", "Ms. Smith"])
def test_a_greeting_to_someone_in_no_record_is_an_error(greeting: str) -> None:
    found = _rules(_note(greeting, "The unit tour was a highlight."), TO_ROSALIND)
    assert found.get("p09.unknown-greeting") is Severity.ERROR


def test_a_greeting_to_another_panel_member_stays_an_error() -> None:
    found = _rules(_note("Tomás", "The unit tour was a highlight."), TO_ROSALIND)
    assert found.get("p09.wrong-recipient") is Severity.ERROR
    assert "p09.unknown-greeting" not in found


@pytest.mark.parametrize("greeting", ["Rosalind", "Ms. Achterberg", "Ros", "team", "all"])
def test_right_or_group_greetings_pass(greeting: str) -> None:
    found = _rules(_note(greeting, "The unit tour was a highlight."), TO_ROSALIND)
    assert "p09.unknown-greeting" not in found and "p09.wrong-recipient" not in found


def test_without_a_record_any_greeting_passes() -> None:
    assert "p09.unknown-greeting" not in _rules(_note("Rachel", "The tour was great."))


@pytest.mark.parametrize("phrase", ["I am a hard worker", "I am a team player",
                                    "I am passionate about patient safety"])
def test_cliches_are_suggestions(phrase: str) -> None:
    found = _rules(_note("Rosalind", f"{phrase}."))
    assert found.get("p07.cliche") is Severity.SUGGESTION


@pytest.mark.parametrize("line", ["I can start on Monday.", "PS: I can start on Monday!!!",
                                  "I am ready to start next week.",
                                  "When I join the team, I will fix the rota."])
def test_presumption_is_flagged(line: str) -> None:
    found = _rules(_note("Rosalind", line))
    assert {"p08.demand", "p08.pushy-phrase"} & set(found), found


def test_an_announced_start_gets_no_mechanical_fix() -> None:
    text = _note("Rosalind", "PS: I can start on Monday!!!")
    (demand,) = [f for f in check(text).findings if f.rule == "p08.demand"]
    assert demand.text == "I can start on Monday" and demand.suggestion is None


def test_a_comma_splice_is_a_warning_with_a_full_stop_fix() -> None:
    text = ("Dear Rosalind,\n\nThank you for the interview yesterday, it was really great to "
            "meet the team.\n\nBest,\nJo")
    (splice,) = [f for f in check(text).findings if f.rule == "p09.comma-splice"]
    assert splice.severity is Severity.WARNING
    assert text[:splice.start] + (splice.suggestion or "") + text[splice.end:] == (
        "Dear Rosalind,\n\nThank you for the interview yesterday. It was really great to meet "
        "the team.\n\nBest,\nJo")


def test_a_past_clause_does_not_excuse_another_employer_in_the_next_clause() -> None:
    text = _note("Rosalind", "I precepted six new graduates, and I know I would be a great "
                             "fit for Mercy General Hospital.")
    assert _rules(text, TO_ROSALIND).get("p09.other-employer") is Severity.WARNING

"""The pinned JSON shape of a report (`followup check --json`): keys and types."""

from __future__ import annotations

import json

from followup.check import check
from followup.check.examples import example_context

REPORT_KEYS = {"score", "practices", "findings", "stats"}
PRACTICE_KEYS = {"title", "status"}
FINDING_KEYS = {"rule", "practice", "severity", "message", "why", "start", "end", "text",
                "suggestion", "scope"}
STATS_KEYS = {"words", "characters", "sentences", "paragraphs", "reading_grade"}
TEXT = "Subject: Thanks\n\nDear Dana,\n\nWhen can I start? I recieve the the news!!!\n\nBest,\n"


def test_json_keys_are_pinned() -> None:
    data = json.loads(json.dumps(check(TEXT, example_context("northwind")).to_dict()))
    assert set(data) == REPORT_KEYS
    assert list(data["practices"]) == [f"P{i}" for i in range(1, 11)]
    for practice in data["practices"].values():
        assert set(practice) == PRACTICE_KEYS
        assert practice["status"] in {"ok", "warn", "fail", "n/a"}
    assert data["findings"]
    for finding in data["findings"]:
        assert set(finding) == FINDING_KEYS
        assert finding["severity"] in {"error", "warning", "suggestion"}
        assert finding["practice"] in data["practices"]
        assert TEXT[finding["start"]:finding["end"]] == finding["text"]
        assert finding["suggestion"] is None or isinstance(finding["suggestion"], str)
        assert finding["scope"] in {"span", "note"}
    assert set(data["stats"]) == STATS_KEYS
    assert 0 <= data["score"] <= 100


def test_score_bands() -> None:
    report = check(TEXT, example_context("northwind"))
    assert report.has_errors and report.score < 70


def test_scope_tells_marked_words_from_note_level_findings() -> None:
    """Something missing (no offer, no interest, no point recalled) is note-level: its span
    still indexes the input exactly, but displays list it apart instead of marking it."""
    data = check(TEXT, example_context("northwind")).to_dict()
    scopes = {f["rule"]: f["scope"] for f in data["findings"]}
    assert scopes["p08.demand"] == "span"
    assert scopes["p09.doubled-word"] == "span"
    for rule in ("p08.no-call-to-action", "p08.reaffirm-interest", "p02.no-point",
                 "p06.unanswered", "p05.no-qualification"):
        assert scopes[rule] == "note", rule
    for finding in data["findings"]:
        assert TEXT[finding["start"]:finding["end"]] == finding["text"]

"""Engine, score, switches from config, meaning matching, send windows, document parsing."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from followup import config as config_module
from followup.check import CheckContext, check
from followup.check.document import Document
from followup.check.engine import score
from followup.check.examples import DANA, NORTHWIND, example_context
from followup.check.rules.p05_qualifications import rank_qualifications
from followup.check.words import content_stems, related, stem
from followup.model import Finding, Severity
from followup.windows import next_send_slot, thank_you_window


def _finding(severity: Severity, rule: str = "x.y", practice: str = "P7") -> Finding:
    return Finding(rule, practice, severity, "m", "w", 0, 0, "")


def test_score_bands() -> None:
    assert score([]) == 100
    assert score([_finding(Severity.WARNING), _finding(Severity.SUGGESTION, "a.b")]) >= 90
    assert score([_finding(Severity.ERROR)]) < 70
    many = [_finding(Severity.WARNING, "same.rule")] * 10
    assert score(many) == score(many[:3])


def test_meaning_match_from_the_issue() -> None:
    note, _ = content_stems("I keep thinking about your move from batch to Kafka.")
    assert related("migrating nightly batch jobs to Kafka streaming", note)
    assert stem("migrating") == stem("migration") == stem("migrate")
    assert stem("streaming") == stem("stream")
    unrelated, _ = content_stems("Thanks for the lovely lunch.")
    assert not related("migrating nightly batch jobs to Kafka streaming", unrelated)


def test_rank_qualifications_names_the_requirement() -> None:
    best, requirement = rank_qualifications(NORTHWIND)[0]
    assert best in NORTHWIND.qualifications
    assert requirement is not None and requirement in NORTHWIND.job_description


def test_windows() -> None:
    chicago = ZoneInfo("America/Chicago")
    ends = datetime(2026, 11, 24, 15, 30, tzinfo=chicago)
    window = thank_you_window(ends, 1, 24)
    assert window.opens.hour == 16 and window.due.day == 25
    friday_night = datetime(2026, 11, 27, 23, 0, tzinfo=chicago)
    slot = next_send_slot(friday_night, "America/New_York", 8, 10)
    assert slot.weekday() == 0 and slot.hour == 8


def test_document_parts_index_the_input() -> None:
    text = "Subject: Thanks — Data role\r\n\r\nDear Dana,\n\nThank you. Great talk!\n\nBest,\nPriya"
    doc = Document(text)
    assert doc.subject is not None and doc.slice(doc.subject) == "Thanks — Data role"
    assert doc.salutation_name is not None and doc.slice(doc.salutation_name) == "Dana"
    assert doc.closing is not None and doc.slice(doc.closing) == "Best,"
    assert doc.signature is not None and doc.slice(doc.signature) == "Priya"
    assert [doc.slice(s) for s in doc.sentences] == ["Thank you.", "Great talk!"]


def test_addressee_comes_from_the_greeting() -> None:
    report = check("Dear Luis,\n\nThanks!", CheckContext(interview=NORTHWIND))
    assert "p09.wrong-recipient" not in {f.rule for f in report.findings}
    report = check("Dear Luis,\n\nThanks!", CheckContext(interview=NORTHWIND, interviewer=DANA))
    assert "p09.wrong-recipient" in {f.rule for f in report.findings}


def test_practice_status_na_without_context() -> None:
    report = check("Dear Dana,\n\nThank you.\n\nBest,\nPriya")
    assert report.practices["P1"].status.value == "n/a"
    assert report.practices["P10"].status.value == "n/a"
    report = check("Hi", example_context("northwind-late"))
    assert report.practices["P1"].status.value == "warn"


def test_switches_from_the_config_file(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[checks]\np08 = false\n"p08.demand" = true\n', encoding="utf-8")
    cfg = config_module.load(path)
    rules = {f.rule for f in check("When can I start? Please reply ASAP.", None, cfg).findings}
    assert "p08.demand" in rules and "p08.pushy-phrase" not in rules


def test_limits_come_from_config() -> None:
    cfg = config_module.defaults()
    tight = config_module.Config({**cfg.values, "limits.card_words_max": 5})
    text = "Dear Dana,\n\nThank you for the lovely tour of the office.\n\nBest,\nPriya"
    ctx = example_context("card")
    assert "p03.too-long" not in {f.rule for f in check(text, ctx, cfg).findings}
    assert "p03.too-long" in {f.rule for f in check(text, ctx, tight).findings}

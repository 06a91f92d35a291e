"""The human report of `followup check` (`show_report`): marks in reading order, never inside
a word, note-level findings listed apart and unmarked, hanging indents on narrow terminals."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from followup.check import check
from followup.check.examples import example_context
from followup.cli.check_cmd import mark_at, marked_text, numbered_findings, show_report
from followup.model import Finding, Report, Severity
from followup.model.report import Scope

FLAWED = (
    "Subject: Thank you\n\nHi Dana Whitfeld,\n\nThank you for the interview for the [Role] "
    "position at Northwind Analytics. It was great to learn more about the team.\n\n"
    "I have eight years of Python, six years of SQL, a cloud certification, a master's degree, "
    "and I have led three teams. I am sure you will pick me.\n\n"
    "Please get back to me by Friday!!! Let me know when I can start.\n\nBest,\nPriya\n"
)
MARK_RE = re.compile(r"\[(\d+)\]")


def render(text: str, report: Report, *, width: int = 100, soft_wrap: bool = True) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, force_terminal=False,
                      highlight=False, soft_wrap=soft_wrap, _environ={})
    import followup.cli.render as render_module

    saved = render_module.console
    render_module.console = console
    try:
        show_report(text, report)
    finally:
        render_module.console = saved
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())


def _sections(output: str) -> tuple[str, str, str]:
    """The draft, the "missing" group (may be empty) and the findings, as printed."""
    draft, rest = output.split("findings ─", 1)
    missing = ""
    if "missing / whole note ─" in draft:
        draft, missing = draft.split("missing / whole note ─", 1)
    return draft, missing, rest


def _flawed_report() -> Report:
    return check(FLAWED, example_context("northwind"))


def test_marks_in_the_text_are_numbered_in_reading_order() -> None:
    draft, _, _ = _sections(render(FLAWED, _flawed_report()))
    numbers = [int(n) for n in MARK_RE.findall(draft.replace("[Role]", ""))]
    assert numbers == sorted(numbers) == list(range(1, len(numbers) + 1))
    assert "start[8]." in draft  # one mark after the phrase, not a pile of them
    assert not re.search(r"\]\[\d+\]", draft.replace("[Role]", "")), "marks piled up"


def test_note_level_findings_are_listed_apart_not_marked() -> None:
    report = _flawed_report()
    notes = {f.rule for f in report.findings if f.is_note_level}
    assert {"p02.no-point", "p06.unanswered", "p08.no-call-to-action",
            "p08.reaffirm-interest"} <= notes
    draft, missing, _ = _sections(render(FLAWED, report))
    numbered = numbered_findings(FLAWED, report)
    for number, f in numbered:
        if f.is_note_level:
            assert f"[{number}]" not in draft, f.rule
            assert f"[{number}] {f.severity.value} {f.rule}:" in missing
        else:
            assert f"[{number}]" in draft, f.rule
            assert f.rule not in missing
    # "Thank you for the interview for[3] the …" (an anchor splitting a phrase) is gone
    assert "Thank you for the interview for the [Role][" in draft


def test_note_level_spans_still_index_the_input() -> None:
    for f in _flawed_report().findings:
        assert FLAWED[f.start:f.end] == f.text


def test_a_mark_never_splits_a_word() -> None:
    text = "Thank you for the interview yesterday."
    mid_word = text.index("interview") + 5  # "inter|view"
    finding = Finding(rule="p07.jargon", practice="P7", severity=Severity.SUGGESTION,
                      message="m", why="w", start=text.index("interview"), end=mid_word,
                      text=text[text.index("interview"):mid_word])
    assert mark_at(text, mid_word) == text.index("interview") + len("interview")
    report = Report(score=100, practices={}, findings=(finding,))
    assert marked_text(text, numbered_findings(text, report)).plain == (
        "Thank you for the interview[1] yesterday.")


def test_a_note_level_finding_is_not_marked() -> None:
    text = "Thank you for the interview yesterday."
    finding = Finding(rule="p08.reaffirm-interest", practice="P8", severity=Severity.WARNING,
                      message="m", why="w", start=0, end=len(text), text=text,
                      scope=Scope.NOTE)
    report = Report(score=90, practices={}, findings=(finding,))
    assert marked_text(text, numbered_findings(text, report)).plain == text


@pytest.mark.parametrize("soft_wrap", [True, False])
def test_long_lines_wrap_under_their_bullet_on_a_narrow_terminal(soft_wrap: bool) -> None:
    width = 60
    output = render(FLAWED, _flawed_report(), width=width, soft_wrap=soft_wrap)
    _, missing, findings = _sections(output)
    findings = findings.split("\nPractices", 1)[0]
    for line in (missing + findings).splitlines():
        assert len(line) <= width, line
        if not line.strip() or line.startswith("─") or re.match(r"P\d+ ", line):
            continue
        assert line.startswith("  "), f"wrapped to column 0: {line!r}"
    # a wrapped message continues under its text, past the number
    lines = findings.splitlines()
    start = next(i for i, line in enumerate(lines) if "p06.unanswered" in line)
    label = lines[start].index("warning")
    assert lines[start + 1].startswith(" " * label) and lines[start + 1].strip()

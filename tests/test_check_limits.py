"""`followup check` and /api/check on long input: the marked text is built in linear work
(counted, not timed), the human report lists a bounded number of findings, and input past
the checker's limit is refused at once with a message that names the limit."""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType
from typing import Any

from typer.testing import CliRunner

import followup.cli.check_cmd as check_cmd
from followup.cli import app
from followup.cli.check_cmd import MAX_LISTED, marked_text
from followup.model import Finding, Severity
from followup.model.limits import MAX_CHECK_CHARS
from test_web_fixtures import Browser, make_client


def _findings(count: int) -> tuple[str, list[tuple[int, Finding]]]:
    text = "a " * count
    numbered = [(n + 1, Finding(rule="p09.spelling", practice="p09", severity=Severity.WARNING,
                                message="m", why="w", start=2 * n, end=2 * n + 1, text="a"))
                for n in range(count)]
    return text, numbered


def _lines_run(count: int) -> int:
    """Python lines executed inside check_cmd while marking `count` findings."""
    text, numbered = _findings(count)
    executed = 0

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal executed
        if frame.f_code.co_filename != check_cmd.__file__:
            return None
        if event == "line":
            executed += 1
        return tracer

    sys.settrace(tracer)
    try:
        out = marked_text(text, numbered)
    finally:
        sys.settrace(None)
    assert out.plain.startswith("a[1] a[2] a[3] ")
    return executed


def test_marking_grows_linearly_with_the_findings() -> None:
    small, large = _lines_run(300), _lines_run(600)
    # Linear work doubles; the old per-finding sum over every mark quadrupled.
    assert large < 2.5 * small, (small, large)


def test_marks_and_underlines_land_where_they_did() -> None:
    text, numbered = _findings(3)
    out = marked_text(text, numbered)
    assert out.plain == "a[1] a[2] a[3] "
    underlined = [out.plain[s.start:s.end] for s in out.spans if "underline" in str(s.style)]
    assert underlined == ["a", "a", "a"]


def test_input_past_the_limit_is_refused_with_the_limit_named(tmp_path: Path) -> None:
    note = tmp_path / "long.txt"
    note.write_text("a " * 50_000, encoding="utf-8")  # 100 KB
    result = CliRunner().invoke(app, ["check", str(note)])
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert message.startswith(f"error: {note} is 100,000 characters long") and "\n" not in message
    assert f"{MAX_CHECK_CHARS:,} characters" in message


def test_the_human_report_lists_a_bounded_number_of_findings(tmp_path: Path) -> None:
    note = tmp_path / "many.txt"
    note.write_text("Dear Dana,\n\n" + "teh " * 2000 + "\n\nBest,\nPriya\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(note)])
    assert result.exit_code in (0, 1), result.output
    assert "more finding(s) not shown here" in result.stdout
    assert f"[{MAX_LISTED + 1}]" not in result.stdout and f"[{MAX_LISTED}]" in result.stdout


def test_the_api_refuses_a_text_past_the_limit(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        browser = Browser(client)
        response = browser.post("/api/check", json={"text": "a " * 50_000})
        assert response.status_code == 422
        assert "the text is 100,000 characters long" in response.json()["error"]
        fine = browser.post("/api/check", json={"text": "Dear Dana,\n\nThank you.\n"})
        assert fine.status_code == 200

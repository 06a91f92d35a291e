"""`followup check`: check a draft against the practices; findings in place, score, exit code.

Reads a plain-text file (optional first line `Subject: …`), an `.eml` file (plain or HTML
part), or stdin. `--accept WORD` adds words to the user's dictionary (`check.words`) for one
run. Exit 0 when no finding is an error, 1 when one is, 2 for input errors.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from followup.cli import app
from followup.cli.common import parse_now, store_for, user_config
from followup.errors import InputError
from followup.model import Medium, Stage

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text

    from followup.model import Finding, Interview, Interviewer, Report

MAX_INPUT_BYTES = 1_000_000
# Findings the human report marks and lists (the rest are counted): rendering each costs
# ~0.4 ms in Rich, and a note with hundreds of findings needs rewriting, not reading.
MAX_LISTED = 300


def _limit_error(name: str, size: int) -> InputError:
    return InputError(f"{name} is {size / 1_000_000:.1f} MB; the checker accepts at most "
                      f"{MAX_INPUT_BYTES // 1_000_000} MB (a note is a few KB)")


def read_bytes(file: str | None) -> tuple[bytes, str]:
    """The raw input and a name for messages; refuses missing files and oversized input."""
    if file is None or file == "-":
        stream = sys.stdin.buffer
        if file is None and sys.stdin is not None and sys.stdin.isatty():
            raise InputError("nothing to check: give a FILE, or pipe the text on stdin (-)")
        data = stream.read(MAX_INPUT_BYTES + 1)
        if len(data) > MAX_INPUT_BYTES:
            raise _limit_error("stdin", len(data))
        return data, "stdin"
    path = Path(file)
    if not path.exists():
        raise InputError(f"{file}: no such file")
    if not path.is_file():
        raise InputError(f"{file}: not a file")
    size = path.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise _limit_error(file, size)
    try:
        return path.read_bytes(), file
    except OSError as exc:
        raise InputError(f"{file}: cannot read ({exc.strerror})") from None


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 text (a BOM is dropped), or a one-line error naming the first bad byte."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset "
                         f"{exc.start}); save it as UTF-8") from None


def eml_text(data: bytes, name: str) -> str:
    """The subject and the plain (else HTML, as text) body of an email message."""
    import email
    import email.policy
    from email.message import EmailMessage

    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        raise InputError(f"{name}: the email has no text/plain or text/html part")
    try:
        content = part.get_content()
    except (LookupError, ValueError, UnicodeError) as exc:
        raise InputError(f"{name}: cannot decode the email body ({exc})") from None
    if not isinstance(content, str):
        raise InputError(f"{name}: the email body is not text")
    if part.get_content_subtype() == "html":
        content = html_to_text(content)
    subject = str(message.get("Subject", "") or "").strip()
    return f"Subject: {subject}\n\n{content.strip()}\n" if subject else content


def html_to_text(markup: str) -> str:
    """Visible text of an HTML body, with paragraphs and line breaks kept."""
    from html.parser import HTMLParser

    class _Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.out: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag in ("script", "style", "head"):
                self.skip += 1
            elif tag == "br":
                self.out.append("\n")
            elif tag in ("p", "div", "li", "tr", "h1", "h2", "h3"):
                self.out.append("\n\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in ("script", "style", "head") and self.skip:
                self.skip -= 1

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.out.append(" ".join(data.split()) if "\n" in data else data)

    parser = _Text()
    parser.feed(markup)
    lines = [line.strip() for line in "".join(parser.out).splitlines()]
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"


def read_input(file: str | None) -> str:
    data, name = read_bytes(file)
    if name.lower().endswith(".eml"):
        if b"\x00" in data[:8192]:
            raise InputError(f"{name}: looks like a binary file, not an email")
        text = eml_text(data, name)
    else:
        text = decode_text(data, name)
    if not text.strip():
        raise InputError(f"{name} is empty: nothing to check")
    from followup.model.limits import check_size_problem

    if problem := check_size_problem(text, name):
        raise InputError(problem)
    return text


def _interviewer(
    interview: Interview | None, to: str | None, interview_id: int | None
) -> Interviewer | None:
    from followup.model import Interviewer

    if to is None:
        return None
    if interview is None:
        return Interviewer(name=to)
    person = interview.find_interviewer(to)
    if person is None:
        names = ", ".join(p.name for p in interview.interviewers) or "none recorded"
        raise InputError(f"--to {to!r} names nobody in interview #{interview_id} "
                         f"(interviewers: {names})")
    return person


@app.command("check")
def check_command(
    ctx: typer.Context,
    file: str | None = typer.Argument(None, metavar="[FILE|-]",
                                      help="Draft: text (first line may be `Subject: …`) or .eml."),
    interview_id: int | None = typer.Option(None, "--interview", "-i", metavar="ID",
                                            help="Check against this interview record."),
    to: str | None = typer.Option(None, "--to", metavar="NAME",
                                  help="The interviewer the note is for (default: from the "
                                       "greeting)."),
    stage: Stage = typer.Option(Stage.THANK_YOU, "--stage", help="thank-you or check-in."),
    medium: Medium = typer.Option(Medium.EMAIL, "--medium", help="How the note is sent."),
    now: str | None = typer.Option(None, "--now", metavar="ISO",
                                   help="The moment of sending (default: now, with --interview)."),
    other_drafts: list[Path] = typer.Option([], "--panel-draft", metavar="FILE",
                                            help="Another panel member's draft (repeatable)."),
    accept: list[str] = typer.Option([], "--accept", metavar="WORD",
                                     help="A word spelling should accept this run, on top of "
                                          "config check.words (repeatable; commas split)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Check a draft against the practices: findings in place, a score, and exit 1 on errors."""
    from followup.check import CheckContext, check
    from followup.config import parse_words
    from followup.errors import ConfigError

    try:
        accepted = parse_words(",".join(accept), "--accept")
    except ConfigError as exc:
        raise InputError(exc.message) from None
    text = read_input(file)
    drafts = tuple(read_input(str(p)) for p in other_drafts)
    interview = None
    others: tuple[Interview, ...] = ()
    if interview_id is not None:
        with store_for(ctx) as store:
            interview = store.get_interview(interview_id)
            others = tuple(i for i in store.all_interviews() if i.id != interview.id)
    config = user_config()
    moment = parse_now(now) if now is not None or interview is not None else None
    context = CheckContext(
        interview=interview, interviewer=_interviewer(interview, to, interview_id),
        stage=stage, medium=medium, now=moment, other_interviews=others,
        other_drafts=drafts, candidate_name=config.me.name,
    )
    report = check(text, context, config, words=accepted)
    if as_json:
        from followup.cli.render import print_json

        print_json(report.to_dict())
    else:
        show_report(text, report)
    if report.has_errors:
        raise typer.Exit(1)


_STYLE = {"error": "bold red underline", "warning": "yellow underline",
          "suggestion": "cyan underline"}
_MARK = {"error": "bold red", "warning": "bold yellow", "suggestion": "bold cyan"}
_STATUS = {"ok": "green", "warn": "yellow", "fail": "bold red", "n/a": "dim"}


def mark_at(text: str, end: int) -> int:
    """Where a finding's mark goes: at the end of its span, pushed past the rest of a word
    the span ends inside, so a mark never splits a word."""
    pos = max(0, min(end, len(text)))
    while 0 < pos < len(text) and text[pos - 1].isalnum() and text[pos].isalnum():
        pos += 1
    return pos


def numbered_findings(text: str, report: Report) -> list[tuple[int, Finding]]:
    """Findings with the numbers the human report shows.

    Marked findings first, numbered in reading order of their marks (by mark position, then
    start), so the numbers in the text run 1, 2, 3 … left to right; then the note-level ones
    (something missing, or about the whole note), which are listed apart, in practice order.
    """
    from followup.practices import PRACTICES

    order = {p.id: i for i, p in enumerate(PRACTICES)}
    marked = sorted((f for f in report.findings if not f.is_note_level),
                    key=lambda f: (mark_at(text, f.end), f.start, f.severity.rank, f.rule))
    notes = sorted((f for f in report.findings if f.is_note_level),
                   key=lambda f: (order.get(f.practice, len(order)), f.rule, f.start))
    return list(enumerate([*marked, *notes], 1))


def marked_text(text: str, numbered: list[tuple[int, Finding]]) -> Text:
    """The input with `[n]` after each marked finding's span and the span underlined."""
    from bisect import bisect_left, bisect_right
    from itertools import accumulate

    from rich.text import Text

    inserts = sorted(((mark_at(text, f.end), n, f.severity.value) for n, f in numbered
                      if not f.is_note_level), key=lambda x: x[:2])
    out = Text()
    pos = 0
    for at, number, severity in inserts:
        out.append(text[pos:at])
        out.append(f"[{number}]", style=_MARK[severity])
        pos = at
    out.append(text[pos:])

    # Where an input offset lands in the marked text: shifted by the marks inserted before
    # it (at it too, for a span's start). Prefix sums and a binary search: linear overall,
    # where summing over every mark for every finding was quadratic (96 s on 32 KB).
    ats = [at for at, _, _ in inserts]
    shift = list(accumulate((len(f"[{n}]") for _, n, _ in inserts), initial=0))

    def moved(index: int, *, is_end: bool) -> int:
        before = bisect_left(ats, index) if is_end else bisect_right(ats, index)
        return index + shift[before]

    for _, f in numbered:
        if f.end > f.start and not f.is_note_level:
            out.stylize(_STYLE[f.severity.value], moved(f.start, is_end=False),
                        moved(f.end, is_end=True))
    return out


def _grid() -> Table:
    """Two columns: a right-aligned label, and text that wraps under itself (hanging indent)."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    return grid


def _finding_text(f: Finding, *, details: bool) -> Text:
    from rich.text import Text

    out = Text()
    out.append(f.severity.value, style=_MARK[f.severity.value])
    out.append(f" {f.rule}", style="dim")
    if f.text and not f.is_note_level:
        out.append(f" \u201c{_short(f.text)}\u201d")
    out.append(f": {f.message}")
    if details:
        out.append("\nwhy: ", style="dim")
        out.append(f.why)
        if f.suggestion is not None:
            out.append("\nfix: ", style="dim")
            out.append(f.suggestion if f.suggestion else "(delete it)")
    return out


def show_report(text: str, report: Report) -> None:
    """The text with numbered marks in place, what is missing, findings by practice, summary,
    score. Long lines wrap under their own column, never back to the left edge."""
    from rich.markup import escape
    from rich.padding import Padding
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    from followup.cli.render import console
    from followup.practices import BY_ID

    numbered = numbered_findings(text, report)
    hidden = len(numbered) - MAX_LISTED
    numbered = numbered[:MAX_LISTED]  # the first ones in reading order; --json has them all
    console.print(Rule("draft", align="left"))
    console.print(marked_text(text, numbered))
    notes = [(n, f) for n, f in numbered if f.is_note_level]
    if notes:
        console.print(Rule("missing / whole note", align="left"))
        grid = _grid()
        for number, f in notes:
            grid.add_row(Text(f"[{number}]", style=_MARK[f.severity.value]),
                         _finding_text(f, details=False))
        console.print(Padding(grid, (0, 0, 0, 2)))
        console.print()
    console.print(Rule("findings", align="left"))
    if not numbered:
        console.print("[green]No findings.[/]")
    for practice_id, result in report.practices.items():
        mine = sorted((n, f) for n, f in numbered if f.practice == practice_id)
        if not mine:
            continue
        console.print()
        console.print(Text.assemble((f"{practice_id} {result.title} ", "bold"),
                                    (result.status.value, _STATUS[result.status.value])))
        console.print(Padding(Text(BY_ID[practice_id].why, style="dim"), (0, 0, 0, 2)))
        grid = _grid()
        for number, f in mine:
            grid.add_row(Text(f"[{number}]", style=_MARK[f.severity.value]),
                         _finding_text(f, details=True))
        console.print(Padding(grid, (0, 0, 0, 2)))
    if hidden > 0:
        console.print(f"\n[yellow]{hidden:,} more finding(s) not shown here[/]; "
                      "`followup check --json` lists them all.")
    table = Table(title="Practices", title_justify="left", show_header=False, box=None)
    for practice_id, result in report.practices.items():
        colour = _STATUS[result.status.value]
        table.add_row(practice_id, escape(result.title), f"[{colour}]{result.status.value}[/]")
    console.print()
    console.print(table)
    colour = "green" if report.score >= 90 else "yellow" if report.score >= 70 else "red"
    stats = report.stats
    console.print(f"\nScore [bold {colour}]{report.score}[/]/100  [dim]{stats.words} words, "
                  f"{stats.paragraphs} paragraphs, reading grade {stats.reading_grade}[/]")


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"

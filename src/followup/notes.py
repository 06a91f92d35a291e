"""Notes files (Markdown with a YAML front matter) to and from Interview records.

The format is shared/NOTES-FORMAT.md. `parse_notes` and `read_notes_file` turn a file into an
Interview; `render_notes` writes one back so that `parse_notes(render_notes(x)) == x`. Every
mistake in a file is a NotesFormatError naming the file, the line and the key, and saying what
was expected; nothing else escapes for bad input. The front matter is read by `notes_yaml`.

Decisions about the body (the format leaves them open):
- `## Name` finds its interviewer ignoring case and accents (full name, or a unique first or
  last name); a second section for the same person, or a second Qualifications or Notes
  section, is an error naming the line of the first;
- bullet keys are case-insensitive; a bullet without a known key is `discussed:`, full text;
- continuation lines (indented, or directly under a bullet) join with a space; a line ending
  in a backslash (Markdown's hard line break) joins with a newline instead, and a leading
  backslash on a continuation line escapes a `- ` or `better:` that would otherwise count;
  the lines of a point are trimmed and blank ones dropped;
- text before the first section is kept: it goes into notes, ahead of the Notes section;
- every `## ` line starts a section, so a notes line reading `## x` is written `\\## x`.
- a repeated (fall-back) local time means its first occurrence; a local time that carries
  another fold, or microseconds, cannot be written in the `when` form and is not kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from followup.errors import NotesFormatError
from followup.model.interview import Interview, Interviewer, Question, name_key
from followup.notes_values import MAX_NOTES_BYTES, UnreadableFileError, read_utf8
from followup.notes_yaml import RESERVED_SECTIONS, Source, dump_front_matter, read_front_matter

__all__ = ["MAX_NOTES_BYTES", "notes_text", "parse_notes", "read_notes_file", "render_notes"]

_HEADING = re.compile(r"##[ \t]+(\S.*?)[ \t]*")
_BULLET = re.compile(r"[ \t]*[-*+](?:[ \t]+(.*))?")
_KEYED = re.compile(r"(discussed|shared|question|next|better)[ \t]*:[ \t]*(.*)", re.IGNORECASE)
_ESCAPED_HEADING = re.compile(r"\\+##")
_HEADING_LIKE = re.compile(r"\\*##")


def read_notes_file(path: Path, *, default_timezone: str = "UTC") -> Interview:
    """The Interview in a notes file; an unreadable, empty or oversized file is an error."""
    try:
        text = read_utf8(path)
    except UnreadableFileError as exc:
        raise NotesFormatError(exc.reason, file=str(path), line=exc.line) from None
    return parse_notes(text, source=str(path), default_timezone=default_timezone,
                       base_dir=path.parent)


def parse_notes(
    text: str, *, source: str = "<notes>", default_timezone: str = "UTC",
    base_dir: Path | None = None,
) -> Interview:
    """The Interview a notes file's text describes.

    `default_timezone` applies when the file has no `timezone:`; `base_dir` is where a
    relative `job_description_file` is looked for. Without `base_dir` (text uploaded to the
    web app or the API) a `job_description_file` is refused: those are the server's files.
    """
    _check_text(text, source)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    front, front_line, body, body_line = _split(text, source)
    interview = read_front_matter(front, Source(source, front_line),
                                  default_timezone=default_timezone, base_dir=base_dir)
    reader = _BodyReader(interview, source)
    for offset, line in enumerate(body):
        reader.feed(line, body_line + offset)
    return reader.result()


def _check_text(text: str, source: str) -> None:
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as exc:
        line = text[: exc.start].count("\n") + 1
        raise NotesFormatError("not valid Unicode text (a lone surrogate); expected UTF-8 text",
                               file=source, line=line) from None
    if size > MAX_NOTES_BYTES:
        raise NotesFormatError(f"text is larger than {MAX_NOTES_BYTES / 1_048_576:g} MiB; "
                               "expected a notes file", file=source)


def _split(text: str, source: str) -> tuple[str, int, list[str], int]:
    """Front matter text and its first line; body lines and theirs (line numbers from 1)."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        raise NotesFormatError("file is empty; expected front matter between '---' lines",
                               file=source, line=1, field="front matter")
    if lines[start].rstrip() != "---":
        raise NotesFormatError(
            "no front matter; expected the file to start with a '---' line, then company:, "
            "role: and when:, then another '---' line", file=source, line=start + 1,
            field="front matter")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].rstrip() == "---"), None)
    if end is None:
        raise NotesFormatError("front matter is never closed; expected a '---' line after it",
                               file=source, line=start + 1, field="front matter")
    return "\n".join(lines[start + 1 : end]), start + 2, lines[end + 1 :], end + 2


# --- the body --------------------------------------------------------------------------------


@dataclass
class _Bullet:
    """One bullet as read: its key, its raw lines, and a question's `better:` lines."""

    key: str  # discussed | shared | question | next | qualification
    line: int
    lines: list[str]
    better: list[str] | None = None


@dataclass
class _Section:
    kind: str  # person | qualifications | notes | preamble
    line: int
    person: Interviewer | None = None
    bullets: list[_Bullet] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


class _BodyReader:
    """Reads body lines one at a time into sections, then folds them into the Interview."""

    def __init__(self, interview: Interview, source: str) -> None:
        self.interview = interview
        self.source = source
        self.sections = [_Section("preamble", 0)]
        self.first_at: dict[str, int] = {}
        self.after_blank = False

    def fail(self, problem: str, line: int, key: str) -> NotesFormatError:
        return NotesFormatError(problem, file=self.source, line=line, field=key)

    def feed(self, raw: str, line: int) -> None:
        heading = _HEADING.fullmatch(raw)
        section = self.sections[-1]
        if heading:
            self.sections.append(self._section(heading.group(1), line))
        elif section.kind in ("preamble", "notes"):
            section.text.append(raw[1:] if _ESCAPED_HEADING.match(raw) else raw)
        elif not raw.strip():
            self.after_blank = True
            return
        elif bullet := _BULLET.fullmatch(raw):
            self._bullet((bullet.group(1) or "").strip(), section, line)
        else:
            self._continuation(raw, section, line)
        self.after_blank = False

    def _section(self, title: str, line: int) -> _Section:
        key = name_key(title)
        person = None if key in RESERVED_SECTIONS else self.interview.find_interviewer(title)
        if key not in RESERVED_SECTIONS and person is None:
            names = ", ".join(p.name for p in self.interview.interviewers) or "none listed"
            raise self.fail(f"no interviewer matches this heading; expected an interviewer's "
                            f"name ({names}), Qualifications or Notes", line, f"## {title}")
        ident = key if person is None else "person:" + name_key(person.name)
        if ident in self.first_at:
            what = person.name if person else key.capitalize()
            raise self.fail(f"second section for {what}; first at line {self.first_at[ident]}",
                            line, f"## {title}")
        self.first_at[ident] = line
        return _Section("person" if person else key, line, person)

    def _bullet(self, content: str, section: _Section, line: int) -> None:
        keyed = _KEYED.fullmatch(content) if section.kind == "person" else None
        key = keyed.group(1).lower() if keyed else None
        if key == "better" and keyed:
            self._better(keyed.group(2), section, line)
        elif keyed and key:
            section.bullets.append(_Bullet(key, line, [keyed.group(2)]))
        else:
            kind = "discussed" if section.kind == "person" else "qualification"
            section.bullets.append(_Bullet(kind, line, [content]))

    def _better(self, text: str, section: _Section, line: int) -> None:
        question = section.bullets[-1] if section.bullets else None
        if question is None or question.key != "question":
            raise self.fail("better: without a question before it; expected "
                            "'- question: ...' and then an indented 'better: ...'",
                            line, "better")
        if question.better is not None:
            raise self.fail(f"second better: for the question at line {question.line}",
                            line, "better")
        question.better = [text]

    def _continuation(self, raw: str, section: _Section, line: int) -> None:
        indented = raw[:1] in (" ", "\t")
        # A heading-like `#` line never continues a bullet (Markdown would end the list).
        if not section.bullets or (not indented and (self.after_blank or raw[:1] == "#")):
            example = "- discussed: ..." if section.kind == "person" else "- ..."
            raise self.fail(f"text outside a bullet; expected '{example}' lines or an "
                            "indented continuation", line, f"## {_section_title(section)}")
        keyed = _KEYED.fullmatch(raw.strip()) if section.kind == "person" else None
        if keyed and keyed.group(1).lower() == "better":
            self._better(keyed.group(2), section, line)
            return
        current = section.bullets[-1]
        (current.better if current.better is not None else current.lines).append(raw)

    def result(self) -> Interview:
        people = {p.name: p for p in self.interview.interviewers}
        qualifications: list[str] = []
        notes: list[str] = []
        for section in self.sections:
            if section.person is not None:
                people[section.person.name] = self._points(section.person, section.bullets)
            elif section.kind == "qualifications":
                qualifications += [t for b in section.bullets if (t := _join(b.lines))]
            else:
                notes.append(_trim_blank_lines("\n".join(section.text)))
        return replace(self.interview, interviewers=tuple(people.values()),
                       qualifications=tuple(qualifications),
                       notes="\n\n".join(part for part in notes if part))

    def _points(self, person: Interviewer, bullets: list[_Bullet]) -> Interviewer:
        found: dict[str, list[str]] = {"discussed": [], "shared": [], "next": []}
        questions: list[Question] = []
        for bullet in bullets:
            text = _join(bullet.lines)
            if bullet.key != "question":
                found[bullet.key] += [text] if text else []
            elif text:
                questions.append(Question(text, _join(bullet.better or [])))
            elif bullet.better is not None:
                raise self.fail("empty question before a better:; expected the question text",
                                bullet.line, "question")
        return replace(person, discussed=tuple(found["discussed"]),
                       shared=tuple(found["shared"]), next=tuple(found["next"]),
                       questions=tuple(questions))


def _section_title(section: _Section) -> str:
    return section.person.name if section.person else section.kind.capitalize()


def _join(lines: list[str]) -> str:
    """A bullet's text: lines joined by a space, or a newline after a trailing backslash."""
    text = ""
    for index, raw in enumerate(lines):
        piece = raw.strip()
        hard_break = index < len(lines) - 1 and piece.endswith("\\")
        piece = piece[:-1] if hard_break else piece
        if index > 0 and piece.startswith("\\"):
            piece = piece[1:]  # an escaped continuation line: `\- x`, `\better: x`
        text += piece + ("\n" if hard_break else " ")
    return _clean(text)


def _clean(text: str) -> str:
    """A point as stored: each line trimmed, blank lines dropped."""
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def _trim_blank_lines(text: str) -> str:
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


# --- writing ---------------------------------------------------------------------------------


def notes_text(
    front: dict[str, Any], body: dict[str, list[str]], quals: list[str], notes: str = ""
) -> str:
    """A notes file assembled from collected fields (CLI flags, prompts, the web form), for
    the one parser to check. `body` maps an interviewer's name to bullet lines."""
    import yaml

    front = {k: v for k, v in front.items() if v not in (None, "", [])}
    lines = ["---", yaml.safe_dump(front, allow_unicode=True, sort_keys=False).rstrip(), "---"]
    for name, bullets in body.items():
        lines += ["", f"## {name}", *bullets]
    if quals:
        lines += ["", "## Qualifications", *(f"- {q}" for q in quals)]
    kept = _trim_blank_lines(notes)
    if kept:
        lines += ["", "## Notes", *("\\" + line if _HEADING_LIKE.match(line) else line
                                    for line in kept.split("\n"))]
    return "\n".join(lines) + "\n"


def render_notes(interview: Interview) -> str:
    """The notes file for a record: front matter, one section per interviewer with points,
    then Qualifications and Notes. Status, outcome and id are not part of a notes file."""
    parts = ["---\n" + dump_front_matter(interview) + "---\n"]
    for person in interview.interviewers:
        lines = _person_lines(person)
        if lines:
            parts.append(f"## {person.name}\n" + "".join(lines))
    qualifications = [line for q in interview.qualifications for line in _bullet("- ", q)]
    if qualifications:
        parts.append("## Qualifications\n" + "".join(qualifications))
    notes = _trim_blank_lines(interview.notes)
    if notes:
        escaped = ("\\" + line if _HEADING_LIKE.match(line) else line
                   for line in notes.split("\n"))
        parts.append("## Notes\n" + "\n".join(escaped) + "\n")
    return "\n".join(parts)


def _person_lines(person: Interviewer) -> list[str]:
    lines: list[str] = []
    for key, points in (("discussed", person.discussed), ("shared", person.shared)):
        lines += [line for point in points for line in _bullet(f"- {key}: ", point)]
    for question in person.questions:
        if _clean(question.question):  # an empty question has no bullet to hang on
            lines += _bullet("- question: ", question.question)
            lines += _bullet("  better: ", question.better, indent="    ")
    lines += [line for point in person.next for line in _bullet("- next: ", point)]
    return lines


def _bullet(head: str, text: str, indent: str = "  ") -> list[str]:
    """A point as bullet lines: continuation lines escaped and ended by hard line breaks."""
    pieces = _clean(text).split("\n") if _clean(text) else []
    lines = []
    for index, piece in enumerate(pieces):
        if index > 0 and (piece.startswith("\\") or _BULLET.fullmatch(piece)
                          or _KEYED.fullmatch(piece)):
            piece = "\\" + piece
        if index < len(pieces) - 1:
            piece += "\\"
        lines.append((head if index == 0 else indent) + piece + "\n")
    return lines

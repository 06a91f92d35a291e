"""The YAML front matter of a notes file: read field by field, and written back.

YAML guesses types (`No` becomes False, `2026-11-24` a date, `1_000` a number), and a parsed
dict forgets where each value came from. So the front matter is *composed* into a node tree
(SafeLoader) and walked here: every scalar is taken as its raw text, every field parses its
own type strictly, and every error carries the file line of the key or value at fault.

Decisions (see NOTES-FORMAT.md for the format itself):
- a key with no value, `~` or plain `null` counts as absent; quoted `'null'` is text;
- an ambiguous fall-back time (the repeated hour) means its first occurrence (fold=0);
- `job_description_file` is read into `job_description`; the file name is not kept. It is
  read only from a notes file on the user's own disk (relative to that file), a regular file
  of at most 1 MiB; in text uploaded to the web app or the API it is refused;
- unknown keys are kept as nested str/list/dict (None for an empty value) in `extra`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn, TypeVar
from zoneinfo import ZoneInfo

import yaml

from followup.errors import NotesFormatError
from followup.model import limits
from followup.model.interview import (
    Culture,
    Format,
    Interview,
    Interviewer,
    Me,
    clean_name,
    name_key,
)
from followup.notes_values import (
    UnreadableFileError,
    boolean,
    choice,
    localize,
    parse_date,
    parse_local_time,
    positive_int,
    read_utf8,
    zone_named,
)

_T = TypeVar("_T")
MAX_DEPTH = 20  # levels of nesting in an unknown key's value
_V = TypeVar("_V", int, date, datetime)

RESERVED_SECTIONS = ("qualifications", "notes")
_NULLS = ("", "~", "null", "Null", "NULL")
_MAX_EXTRA_NODES = 10_000  # aliases can make a small file expand enormously
_KEY_ON_LINE = re.compile(r"\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:")


@dataclass
class Source:
    """Where front matter came from: turns YAML positions into file lines, raises errors."""

    name: str
    first_line: int  # the file line of the front matter's first line
    budget: list[int] = field(default_factory=lambda: [_MAX_EXTRA_NODES])

    def line(self, node: yaml.Node) -> int:
        return int(node.start_mark.line) + self.first_line

    def fail(self, problem: str, line: int | None, key: str | None) -> NoReturn:
        raise NotesFormatError(problem, file=self.name, line=line, field=key)


# --- composing and walking nodes -------------------------------------------------------------


def compose(text: str, src: Source) -> yaml.MappingNode:
    """The front matter's root mapping node; broken YAML becomes a NotesFormatError."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        row = int(mark.line) if mark is not None else 0
        problem = f"broken YAML: {exc.problem or exc.context}; expected 'key: value' lines"
        src.fail(problem, row + src.first_line, _key_on_line(text, row))
    except yaml.reader.ReaderError as exc:
        row = text[: exc.position].count("\n")
        src.fail(f"character U+{exc.character:04X} is not allowed in front matter",
                 row + src.first_line, _key_on_line(text, row))
    except yaml.YAMLError as exc:  # any other YAML complaint, still one clear line
        src.fail(f"broken YAML: {exc}", src.first_line, "front matter")
    except RecursionError:
        src.fail(f"nested too deeply; expected at most {MAX_DEPTH} levels", src.first_line,
                 "front matter")
    if root is None:
        src.fail("front matter is empty; expected company, role and when",
                 src.first_line - 1, "front matter")
    if not isinstance(root, yaml.MappingNode):
        src.fail("front matter must be 'key: value' lines, not a list or a bare value",
                 src.line(root), "front matter")
    return root


def _key_on_line(text: str, row: int) -> str:
    lines = text.split("\n")
    match = _KEY_ON_LINE.match(lines[row]) if row < len(lines) else None
    return match.group(1) if match else "front matter"


def items(node: yaml.MappingNode, src: Source, where: str = "") -> Iterator[tuple[str, yaml.Node]]:
    """A mapping's (key, value node) pairs; non-text and duplicated keys are errors."""
    seen: dict[str, int] = {}
    for key_node, value in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            src.fail("keys must be plain names", src.line(key_node), where or "front matter")
        key = str(key_node.value)
        if key in seen:
            src.fail(f"duplicated key; first at line {seen[key]}", src.line(key_node),
                     where + key)
        seen[key] = src.line(key_node)
        yield key, value


def text_of(node: yaml.Node, src: Source, key: str) -> str | None:
    """A scalar's raw text, untouched by YAML's type guessing; None when left empty."""
    if not isinstance(node, yaml.ScalarNode):
        kind = "list" if isinstance(node, yaml.SequenceNode) else "mapping"
        src.fail(f"expected a single value, not a {kind}", src.line(node), key)
    if node.style is None and node.value in _NULLS:
        return None
    return str(node.value)


def plain_data(node: yaml.Node, src: Source, key: str, depth: int = 0) -> Any:
    """An unknown key's value as nested str/list/dict, so it can be kept and written back.
    At most MAX_DEPTH levels (an alias inside itself, `&a [*a]`, is endless) and a budget of
    nodes in all (aliases can multiply a small file into a huge value)."""
    src.budget[0] -= 1
    if src.budget[0] < 0:
        src.fail("value is too large or nested (recursive aliases?)", src.line(node), key)
    if depth > MAX_DEPTH:
        src.fail(f"nested too deeply (an alias inside itself?); expected at most {MAX_DEPTH} "
                 "levels", src.line(node), key)
    if isinstance(node, yaml.ScalarNode):
        return text_of(node, src, key)
    if isinstance(node, yaml.SequenceNode):
        return [plain_data(item, src, key, depth + 1) for item in node.value]
    assert isinstance(node, yaml.MappingNode)
    return {k: plain_data(v, src, f"{key}.{k}", depth + 1)
            for k, v in items(node, src, f"{key}.")}


# --- the front matter as an Interview (without what the body adds) ---------------------------

_TOP_KEYS = frozenset({
    "company", "role", "when", "timezone", "duration", "round", "format", "culture",
    "decision_by", "me", "interviewers", "job_description", "job_description_file",
})
_PERSON_KEYS = frozenset({
    "name", "title", "email", "linkedin", "timezone", "salutation", "primary",
})
_ME_KEYS = ("name", "email", "signature")


def typed(src: Source, key: str, node: yaml.Node | None, parse: Callable[[str], _T]) -> _T | None:
    """A field's value parsed by `parse`, None when absent; ValueError becomes a located error."""
    raw = None if node is None else text_of(node, src, key)
    if raw is None or node is None:
        return None
    try:
        return parse(raw)
    except ValueError as exc:
        src.fail(str(exc), src.line(node), key)


def within(value: _V, problem: Callable[[_V], str | None]) -> _V:
    """`value` if `problem` finds nothing wrong with it (see `model.limits`), else ValueError."""
    found = problem(value)
    if found:
        raise ValueError(found)
    return value


def _stripped(raw: str) -> str:
    return raw.strip()


def read_front_matter(
    text: str, src: Source, *, default_timezone: str, base_dir: Path | None
) -> Interview:
    """The Interview the front matter describes; interviewers have no points yet."""
    known: dict[str, yaml.Node] = {}
    extra: dict[str, Any] = {}
    for key, value in items(compose(text, src), src):
        if key in _TOP_KEYS:
            known[key] = value
        else:
            extra[key] = plain_data(value, src, key)
    zone = _zone(known.get("timezone"), src, default_timezone)
    naive = _required(known, "when", src,
                      lambda raw: within(parse_local_time(raw), limits.year_problem))
    try:
        starts_at = localize(naive, zone)
    except ValueError as exc:
        src.fail(str(exc), src.line(known["when"]), "when")
    return Interview(
        company=_required(known, "company", src, clean_name),
        role=_required(known, "role", src, clean_name),
        starts_at=starts_at,
        timezone=zone.key,
        duration_minutes=typed(src, "duration", known.get("duration"), lambda raw: within(
            positive_int(raw, "minutes, e.g. 60"), limits.duration_problem)) or 60,
        round=typed(src, "round", known.get("round"), lambda raw: within(
            positive_int(raw, "the round number, e.g. 2"), limits.round_problem)),
        format=typed(src, "format", known.get("format"), lambda raw: choice(raw, Format)),
        culture=typed(src, "culture", known.get("culture"),
                      lambda raw: choice(raw, Culture)) or Culture.FORMAL,
        decision_by=typed(src, "decision_by", known.get("decision_by"),
                          lambda raw: within(parse_date(raw), limits.year_problem)),
        me=_me(known.get("me"), src),
        interviewers=_interviewers(known.get("interviewers"), src),
        job_description=_job_description(known, src, base_dir),
        extra=extra,
    )


def _required(
    known: Mapping[str, yaml.Node], key: str, src: Source, parse: Callable[[str], _T]
) -> _T:
    value = typed(src, key, known.get(key), parse)
    if value is None or value == "":
        line = src.line(known[key]) if key in known else src.first_line - 1
        src.fail("missing; every notes file needs company, role and when", line, key)
    return value


def _zone(node: yaml.Node | None, src: Source, default: str) -> ZoneInfo:
    zone = typed(src, "timezone", node, zone_named)
    if zone is not None:
        return zone
    try:
        return zone_named(default)
    except ValueError as exc:
        src.fail(f"{exc} (the default zone)", None, "timezone")


def _me(node: yaml.Node | None, src: Source) -> Me | None:
    if node is None or (isinstance(node, yaml.ScalarNode) and text_of(node, src, "me") is None):
        return None
    if not isinstance(node, yaml.MappingNode):
        src.fail("expected name, email and signature lines under me:", src.line(node), "me")
    parts: dict[str, str] = {}
    for key, value in items(node, src, "me."):
        if key not in _ME_KEYS:
            src.fail("unknown key; expected name, email or signature", src.line(value),
                     f"me.{key}")
        parts[key] = (text_of(value, src, f"me.{key}") or "").strip()
        if key == "name":
            parts[key] = typed(src, "me.name", value, clean_name) or ""
    me = Me(**parts)
    return None if me.is_empty() else me


def _interviewers(node: yaml.Node | None, src: Source) -> tuple[Interviewer, ...]:
    if node is None or (isinstance(node, yaml.ScalarNode)
                        and text_of(node, src, "interviewers") is None):
        return ()
    if not isinstance(node, yaml.SequenceNode):
        src.fail("expected a list of people, each starting with '- name: ...'",
                 src.line(node), "interviewers")
    people: list[Interviewer] = []
    first_at: dict[str, int] = {}
    for index, item in enumerate(node.value, start=1):
        person, line = _interviewer(item, src, f"interviewers[{index}].")
        key = name_key(person.name)
        if key in first_at:
            src.fail(f"duplicated interviewer {person.name!r}; first at line {first_at[key]}",
                     line, f"interviewers[{index}].name")
        first_at[key] = line
        people.append(person)
    return tuple(people)


def _interviewer(item: yaml.Node, src: Source, prefix: str) -> tuple[Interviewer, int]:
    """One person and the line of their name; a bare `- Dana Whitfield` is a name alone."""
    if isinstance(item, yaml.ScalarNode):
        return Interviewer(name=_person_name(item, src, prefix)), src.line(item)
    if not isinstance(item, yaml.MappingNode):
        src.fail("expected 'name: ...' and the person's details", src.line(item), prefix + "name")
    fields: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    name_line = src.line(item)
    for key, value in items(item, src, prefix):
        where = prefix + key
        if key == "name":
            fields["name"], name_line = _person_name(value, src, prefix), src.line(value)
        elif key in ("title", "email", "linkedin", "salutation"):
            fields[key] = typed(src, where, value, _stripped)
        elif key == "timezone":
            fields[key] = typed(src, where, value, lambda raw: zone_named(raw).key)
        elif key == "primary":
            fields[key] = typed(src, where, value, boolean)
        else:
            extra[key] = plain_data(value, src, where)
    if "name" not in fields:
        src.fail("missing; every interviewer needs a name", src.line(item), prefix + "name")
    for key in ("title", "email", "linkedin", "primary"):
        if fields.get(key) is None:
            fields.pop(key, None)  # absent: keep the model's default ("" or False)
    return Interviewer(**fields, extra=extra), name_line


def _person_name(node: yaml.Node, src: Source, prefix: str) -> str:
    name = (text_of(node, src, prefix + "name") or "").strip()
    problem = None
    if "\n" not in name:
        try:
            name = clean_name(name)
        except ValueError as exc:
            src.fail(str(exc), src.line(node), prefix + "name")
    if not name:
        problem = "missing; every interviewer needs a name"
    elif "\n" in name:
        problem = "must fit on one line (it is used as a '## name' heading)"
    elif name_key(name) in RESERVED_SECTIONS:
        problem = f"{name!r} is a reserved section heading; expected a person's name"
    if problem:
        src.fail(problem, src.line(node), prefix + "name")
    return name


def _job_description(known: Mapping[str, yaml.Node], src: Source, base_dir: Path | None) -> str:
    inline, file_node = known.get("job_description"), known.get("job_description_file")
    if inline is not None and file_node is not None:
        src.fail("give job_description or job_description_file, not both",
                 src.line(file_node), "job_description_file")
    if inline is not None:
        return (text_of(inline, src, "job_description") or "").strip()
    raw = None if file_node is None else text_of(file_node, src, "job_description_file")
    if raw is None or file_node is None:
        return ""
    if base_dir is None:
        src.fail("files are not read from notes given here (an upload or a form): paste the "
                 "posting's text under job_description instead", src.line(file_node),
                 "job_description_file")
    path = Path(raw.strip()).expanduser()
    if not path.is_absolute():
        path = base_dir / path
    try:
        return read_utf8(path).strip()
    except UnreadableFileError as exc:
        src.fail(f"{path}: {exc.reason}", src.line(file_node), "job_description_file")


# --- writing ---------------------------------------------------------------------------------


class Block(str):
    """Text to write as a YAML block literal (`key: |`), however short."""

    __slots__ = ()


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # a shared list is written twice, not as &id001 / *id001

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # `  - name:` under `interviewers:`, as people write


def _represent_text(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    # Multi-line text reads best as a block literal; PyYAML falls back to quoting when the
    # text cannot be a literal (e.g. trailing spaces), so the value still round-trips.
    style = "|" if isinstance(data, Block) or "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style=style)


_Dumper.add_representer(str, _represent_text)
_Dumper.add_representer(Block, _represent_text)


def dump_front_matter(interview: Interview) -> str:
    """The YAML between the `---` lines: only non-default fields, unknown keys last."""
    return yaml.dump(_front_matter_data(interview), Dumper=_Dumper, allow_unicode=True,
                     sort_keys=False, default_flow_style=False, width=1_000_000)


def local_when(interview: Interview) -> str:
    """The start as local 'YYYY-MM-DD HH:MM', with seconds only when they are not zero."""
    local = interview.starts_at.astimezone(ZoneInfo(interview.timezone))
    return f"{local:%Y-%m-%d %H:%M}" + (f":{local:%S}" if local.second else "")


def _front_matter_data(interview: Interview) -> dict[str, Any]:
    data: dict[str, Any] = {
        "company": interview.company, "role": interview.role,
        "when": local_when(interview), "timezone": interview.timezone,
    }
    optional: dict[str, Any] = {
        "duration": interview.duration_minutes if interview.duration_minutes != 60 else None,
        "round": interview.round,
        "format": interview.format.value if interview.format else None,
        "culture": None if interview.culture is Culture.FORMAL else interview.culture.value,
        "decision_by": interview.decision_by,
        "me": _me_data(interview.me),
        "interviewers": [_person_data(p) for p in interview.interviewers] or None,
        "job_description": Block(interview.job_description) or None,
    }
    data.update({key: value for key, value in optional.items() if value is not None})
    # An extra key that names a notes field would be read back as that field: not written.
    data.update({k: v for k, v in interview.extra.items() if k not in _TOP_KEYS})
    return data


def _me_data(me: Me | None) -> dict[str, str] | None:
    if me is None or me.is_empty():
        return None
    return {key: getattr(me, key) for key in _ME_KEYS if getattr(me, key)}


def _person_data(person: Interviewer) -> dict[str, Any]:
    data: dict[str, Any] = {"name": person.name}
    for key in ("title", "email", "linkedin"):
        if getattr(person, key):
            data[key] = getattr(person, key)
    for key in ("timezone", "salutation"):
        if getattr(person, key) is not None:
            data[key] = getattr(person, key)
    if person.primary:
        data["primary"] = True
    data.update({k: v for k, v in person.extra.items() if k not in _PERSON_KEYS})
    return data

"""Tests for the notes file format: the spec's example, round trips, and located errors."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.errors import NotesFormatError
from followup.model.interview import (
    Culture,
    Format,
    Interview,
    Interviewer,
    Me,
    Question,
    name_key,
)
from followup.notes import MAX_NOTES_BYTES, parse_notes, read_notes_file, render_notes

EXAMPLE = """\
---
company: Northwind Analytics
role: Senior Data Engineer
when: 2026-11-24 14:00          # local start time of the interview
timezone: America/Chicago       # IANA zone of "when"; default: the user's configured zone
duration: 60                    # minutes; default 60
round: 2                        # optional
format: video                   # phone | video | onsite (optional)
culture: formal                 # formal | casual; default formal
decision_by: 2026-12-04         # optional: the date they said they would decide
me:                             # optional if configured once with `followup config`
  name: Priya Raman
  email: priya.raman@example.com
interviewers:
  - name: Dana Whitfield
    title: Director of Data Platform
    email: dana.whitfield@northwind.example
    timezone: America/New_York  # optional; default: the interview's zone
    salutation: Ms. Whitfield   # optional; derived when absent
  - name: Luis Ortega
    title: Staff Engineer
    linkedin: https://www.linkedin.com/in/luis-ortega
job_description: |              # optional: pasted posting text (or `job_description_file:`)
  ...
---

## Dana Whitfield
- discussed: moving the nightly batch jobs to streaming with Kafka
- shared: the platform team will double in size next year
- question: how I handle schema changes in dbt models
  better: I version every model and run contract tests in CI before a deploy
- next: she will share feedback with the hiring committee on Friday

## Luis Ortega
- discussed: on-call load and how they cut paging by half with better alerting

## Qualifications
- built the company-wide dbt project: 300 models, tests in CI
- cut the monthly warehouse bill by 35% by partitioning the largest tables

## Notes
Free text kept with the record.
"""

MINIMAL_FRONT = "company: Acme\nrole: Engineer\nwhen: 2026-11-24 14:00\n"
PEOPLE = "interviewers:\n  - name: Dana Whitfield\n  - name: Luis Ortega\n"


def notes(front: str = MINIMAL_FRONT, body: str = "") -> str:
    """A notes file: front matter lines start at file line 2."""
    return f"---\n{front}---\n{body}"


def error_for(text: str, **kwargs: Any) -> NotesFormatError:
    with pytest.raises(NotesFormatError) as caught:
        parse_notes(text, source="notes.md", **kwargs)
    return caught.value


def assert_located(err: NotesFormatError, line: int | None, key: str | None, *wanted: str) -> None:
    """The error names the file, the line and the key, and says each wanted phrase."""
    assert err.file == "notes.md"
    assert err.line == line
    assert err.field == key
    prefix = "notes.md" + (f":{line}" if line is not None else "") + (f": {key}" if key else "")
    assert str(err).startswith(prefix + ": "), str(err)
    for phrase in wanted:
        assert phrase in str(err), str(err)


# --- the spec's example ----------------------------------------------------------------------


def test_spec_example_parses_to_the_expected_record() -> None:
    chicago = ZoneInfo("America/Chicago")
    expected = Interview(
        company="Northwind Analytics",
        role="Senior Data Engineer",
        starts_at=datetime(2026, 11, 24, 14, 0, tzinfo=chicago),
        timezone="America/Chicago",
        duration_minutes=60,
        round=2,
        format=Format.VIDEO,
        culture=Culture.FORMAL,
        decision_by=date(2026, 12, 4),
        job_description="...",
        me=Me(name="Priya Raman", email="priya.raman@example.com"),
        interviewers=(
            Interviewer(
                name="Dana Whitfield",
                title="Director of Data Platform",
                email="dana.whitfield@northwind.example",
                timezone="America/New_York",
                salutation="Ms. Whitfield",
                discussed=("moving the nightly batch jobs to streaming with Kafka",),
                shared=("the platform team will double in size next year",),
                questions=(Question(
                    "how I handle schema changes in dbt models",
                    "I version every model and run contract tests in CI before a deploy"),),
                next=("she will share feedback with the hiring committee on Friday",),
            ),
            Interviewer(
                name="Luis Ortega",
                title="Staff Engineer",
                linkedin="https://www.linkedin.com/in/luis-ortega",
                discussed=("on-call load and how they cut paging by half with better alerting",),
            ),
        ),
        qualifications=(
            "built the company-wide dbt project: 300 models, tests in CI",
            "cut the monthly warehouse bill by 35% by partitioning the largest tables",
        ),
        notes="Free text kept with the record.",
    )
    got = parse_notes(EXAMPLE)
    assert got == expected
    # Equality compares instants and skips `extra`'s hash only; check what it cannot see.
    assert got.starts_at.tzinfo is chicago and got.starts_at.utcoffset() is not None
    assert got.extra == {} and all(p.extra == {} for p in got.interviewers)


def test_spec_example_round_trips_and_renders_stably() -> None:
    first = parse_notes(EXAMPLE)
    text = render_notes(first)
    assert parse_notes(text) == first
    assert render_notes(parse_notes(text)) == text


def test_render_writes_the_documented_shape() -> None:
    text = render_notes(parse_notes(EXAMPLE))
    assert "when: 2026-11-24 14:00\n" in text
    assert "duration:" not in text and "culture:" not in text  # defaults are not written
    assert "job_description: |" in text
    assert "- question: how I handle schema changes in dbt models\n  better: I version" in text
    assert text.index("## Dana Whitfield") < text.index("## Luis Ortega") < text.index(
        "## Qualifications") < text.index("## Notes")


# --- reading details -------------------------------------------------------------------------


def test_yaml_does_not_guess_types() -> None:
    front = ("company: 1Password\nrole: No\nwhen: 2026-11-24T14:00:30\nround: 2\n"
             "title_extra: 3M\nflags: [yes, 'on', 1.0]\n")
    got = parse_notes(notes(front))
    assert (got.company, got.role, got.round) == ("1Password", "No", 2)
    assert got.starts_at == datetime(2026, 11, 24, 14, 0, 30, tzinfo=ZoneInfo("UTC"))
    assert got.extra == {"title_extra": "3M", "flags": ["yes", "on", "1.0"]}


def test_default_timezone_applies_when_the_file_gives_none() -> None:
    got = parse_notes(notes(), default_timezone="Europe/Berlin")
    assert got.timezone == "Europe/Berlin"
    assert got.starts_at.utcoffset() is not None and got.starts_at.hour == 14


def test_repeated_fall_back_time_takes_its_first_occurrence() -> None:
    front = "company: A\nrole: B\nwhen: 2026-11-01 01:30\ntimezone: America/New_York\n"
    got = parse_notes(notes(front))
    assert got.starts_at.fold == 0
    assert got.starts_at.utcoffset() == datetime(2026, 7, 1, tzinfo=ZoneInfo(
        "America/New_York")).utcoffset()  # still daylight time (EDT, UTC-4)


def test_unknown_keys_are_kept_and_round_trip() -> None:
    front = (MINIMAL_FRONT + "source: referral\nlinks:\n  - a\n  - {b: c}\n"
             "interviewers:\n  - name: Dana Whitfield\n    pronouns: she/her\n    empty:\n")
    got = parse_notes(notes(front))
    assert got.extra == {"source": "referral", "links": ["a", {"b": "c"}]}
    assert got.interviewers[0].extra == {"pronouns": "she/her", "empty": None}
    assert parse_notes(render_notes(got)).interviewers[0].extra == got.interviewers[0].extra
    assert parse_notes(render_notes(got)).extra == got.extra


def test_sections_match_names_ignoring_case_accents_and_by_unique_part() -> None:
    front = MINIMAL_FRONT + "interviewers:\n  - name: José Núñez\n  - name: Luis Ortega\n"
    body = "## jose nunez\n- one\n## Ortega\n- two\n"
    got = parse_notes(notes(front, body))
    assert [p.discussed for p in got.interviewers] == [("one",), ("two",)]


def test_bullets_keys_continuations_and_escapes() -> None:
    body = ("## Dana\n"
            "* Discussed: Kafka\n"
            "  and Flink\n"
            "- a plain bullet: kept whole\n"
            "- question: schema changes\n"
            "  - better: contract tests\n"
            "    in CI\n"
            "- next: feedback\\\n"
            "  \\- on Friday\n")
    person = parse_notes(notes(MINIMAL_FRONT + PEOPLE, body)).interviewers[0]
    assert person.discussed == ("Kafka and Flink", "a plain bullet: kept whole")
    assert person.questions == (Question("schema changes", "contract tests in CI"),)
    assert person.next == ("feedback\n- on Friday",)


def test_tricky_points_round_trip() -> None:
    person = Interviewer(
        name="Dana Whitfield",
        discussed=("shared: x", "better: y", "two\nlines", "a\n- b\nbetter: c\n\\d\ne\\"),
        shared=("ends with a backslash\\",),
        questions=(Question("q\\\nq2", "b1\n* b2"), Question("alone")),
        next=("## not a heading",),
    )
    record = Interview(company="A", role="B", timezone="UTC", interviewers=(person,),
                       starts_at=datetime(2026, 1, 2, 3, 4, tzinfo=ZoneInfo("UTC")),
                       qualifications=("- dash first", "x\n- y"),
                       notes="## looks like a heading\n\\## escaped\nplain")
    assert parse_notes(render_notes(record)) == record


def test_names_in_many_scripts_round_trip() -> None:
    names = ("O'Brien", "Anne-Marie Dupont-Léger", "李小龙", "Ольга Петрова", "محمد علي", "Zoë 🦄")
    record = Interview(
        company="Åsa & Co 🚀", role="Ingénieure", timezone="Asia/Tokyo",
        starts_at=datetime(2026, 5, 6, 9, 30, tzinfo=ZoneInfo("Asia/Tokyo")),
        interviewers=tuple(Interviewer(name=n, discussed=(f"talked with {n}",)) for n in names),
    )
    text = render_notes(record)
    assert parse_notes(text) == record
    for name in names:
        assert f"## {name}\n" in text


def test_preamble_goes_into_notes_ahead_of_the_notes_section() -> None:
    got = parse_notes(notes(body="# My interview\n\n## Notes\nafter\n"))
    assert got.notes == "# My interview\n\nafter"


def test_job_description_file_is_read_relative_to_the_notes_file(tmp_path: Path) -> None:
    (tmp_path / "posting.txt").write_text("We are hiring.\n", encoding="utf-8")
    path = tmp_path / "notes.md"
    path.write_text(notes(MINIMAL_FRONT + "job_description_file: posting.txt\n"), "utf-8")
    assert read_notes_file(path).job_description == "We are hiring."


def test_read_notes_file_reads_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_bytes("\ufeff".encode() + EXAMPLE.replace("\n", "\r\n").encode())
    assert read_notes_file(path) == parse_notes(EXAMPLE)


# --- errors: each names the file, the line and the key ---------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "key", "wanted"),
    [
        ("# no front matter\ncompany: A\n", 1, "front matter", ["no front matter", "'---'"]),
        ("---\ncompany: A\n", 1, "front matter", ["never closed"]),
        (notes("company: A\nrole: Senior: Engineer\n"), 3, "role", ["broken YAML", "expected"]),
        (notes("company: [A\nrole: B\n"), 3, "role", ["broken YAML"]),
        (notes("- a\n- b\n"), 2, "front matter", ["not a list"]),
        (notes("role: B\nwhen: 2026-11-24 14:00\n"), 1, "company", ["missing"]),
        (notes("company: A\nwhen: 2026-11-24 14:00\n"), 1, "role", ["missing"]),
        (notes("company: A\nrole: B\n"), 1, "when", ["missing"]),
        (notes("company: ''\nrole: B\nwhen: 2026-11-24 14:00\n"), 2, "company", ["missing"]),
        (notes(MINIMAL_FRONT + "company: B\n"), 5, "company", ["duplicated key", "line 2"]),
        (notes(MINIMAL_FRONT + "timezone: Mars/Olympus\n"), 5, "timezone",
         ["unknown time zone 'Mars/Olympus'", "expected an IANA name"]),
        (notes("company: A\nrole: B\nwhen: 03/04\n"), 4, "when",
         ["ambiguous date '03/04'", "expected YYYY-MM-DD HH:MM"]),
        (notes("company: A\nrole: B\nwhen: 24/11/2026 14:00\n"), 4, "when",
         ["ambiguous date", "expected YYYY-MM-DD HH:MM"]),
        (notes("company: A\nrole: B\nwhen: 2026-02-30 14:00\n"), 4, "when",
         ["impossible date '2026-02-30 14:00'", "February 2026 has 28 days"]),
        (notes("company: A\nrole: B\nwhen: 2026-02-30\n"), 4, "when", ["impossible date"]),
        (notes("company: A\nrole: B\nwhen: 2026-11-24\n"), 4, "when",
         ["no time of day", "expected YYYY-MM-DD HH:MM"]),
        (notes("company: A\nrole: B\nwhen: 2026-11-24 25:00\n"), 4, "when", ["impossible time"]),
        (notes("company: A\nrole: B\nwhen: 2026-03-08 02:30\ntimezone: America/New_York\n"),
         4, "when", ["does not exist on that day in America/New_York"]),
        (notes(MINIMAL_FRONT + "duration: 0\n"), 5, "duration", ["positive whole number"]),
        (notes(MINIMAL_FRONT + "duration: 1.5\n"), 5, "duration", ["expected minutes"]),
        (notes(MINIMAL_FRONT + "duration: [60]\n"), 5, "duration", ["not a list"]),
        (notes(MINIMAL_FRONT + "round: two\n"), 5, "round", ["positive whole number"]),
        (notes(MINIMAL_FRONT + "format: zoom\n"), 5, "format",
         ["unknown value 'zoom'", "phone | video | onsite"]),
        (notes(MINIMAL_FRONT + "culture: chill\n"), 5, "culture", ["formal | casual"]),
        (notes(MINIMAL_FRONT + "decision_by: 12/04\n"), 5, "decision_by",
         ["ambiguous date '12/04'", "expected YYYY-MM-DD"]),
        (notes(MINIMAL_FRONT + "decision_by: 2026-13-01\n"), 5, "decision_by",
         ["impossible date", "no month 13"]),
        (notes(MINIMAL_FRONT + "me:\n  phone: 555\n"), 6, "me.phone", ["expected name, email"]),
        (notes(MINIMAL_FRONT + "interviewers: Dana\n"), 5, "interviewers", ["expected a list"]),
        (notes(MINIMAL_FRONT + "interviewers:\n  - title: CTO\n"), 6, "interviewers[1].name",
         ["missing"]),
        (notes(MINIMAL_FRONT + "interviewers:\n  - name: Dana Whitfield\n  - name: dana whitfield\n"
               ), 7, "interviewers[2].name", ["duplicated interviewer", "first at line 6"]),
        (notes(MINIMAL_FRONT + "interviewers:\n  - name: Notes\n"), 6, "interviewers[1].name",
         ["reserved"]),
        (notes(MINIMAL_FRONT + "interviewers:\n  - name: Dana\n    timezone: Nowhere\n"), 7,
         "interviewers[1].timezone", ["unknown time zone"]),
        (notes(MINIMAL_FRONT + "interviewers:\n  - name: Dana\n    primary: yes\n"), 7,
         "interviewers[1].primary", ["expected true or false"]),
        (notes(MINIMAL_FRONT + "job_description_file: /etc/passwd\n"), 5,
         "job_description_file", ["files are not read from notes given here",
                                  "paste the posting's text under job_description"]),
        (notes(MINIMAL_FRONT + PEOPLE, "## Dana\n- a\n\n## Priya Raman\n- b\n"), 12,
         "## Priya Raman", ["no interviewer matches", "Dana Whitfield, Luis Ortega"]),
        (notes(MINIMAL_FRONT + PEOPLE, "## Dana\n- a\n## dana whitfield\n- b\n"), 11,
         "## dana whitfield", ["second section for Dana Whitfield", "first at line 9"]),
        (notes(MINIMAL_FRONT + PEOPLE, "## Dana\n- discussed: a\n  better: b\n"), 11, "better",
         ["without a question"]),
        (notes(MINIMAL_FRONT + PEOPLE, "## Dana\n- a\n\nstray paragraph\n"), 12,
         "## Dana Whitfield", ["text outside a bullet"]),
    ],
)
def test_bad_input_is_a_located_error(text: str, line: int, key: str, wanted: list[str]) -> None:
    assert_located(error_for(text), line, key, *wanted)


@pytest.mark.parametrize("text", ["", "   \n\n\t\n"])
def test_empty_file_is_an_error(text: str) -> None:
    assert_located(error_for(text), 1, "front matter", "file is empty", "expected front matter")


def test_unknown_default_timezone_is_an_error() -> None:
    assert_located(error_for(notes(), default_timezone="Mars/Base"), None, "timezone",
                   "unknown time zone 'Mars/Base'", "the default zone")


def test_not_utf8_file_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_bytes(notes().encode() + "## Notes\ncaf\xe9\n".encode("latin-1"))
    with pytest.raises(NotesFormatError) as caught:
        read_notes_file(path)
    assert caught.value.file == str(path) and caught.value.line == 7
    assert str(caught.value).startswith(f"{path}:7: not UTF-8 text")


def test_empty_file_on_disk_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_bytes(b"")
    with pytest.raises(NotesFormatError, match=r"notes\.md:1: front matter: file is empty"):
        read_notes_file(path)


def test_five_megabyte_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_bytes(notes().encode() + b"## Notes\n" + b"x" * (5 * 1024 * 1024))
    with pytest.raises(NotesFormatError) as caught:
        read_notes_file(path)
    assert caught.value.file == str(path)
    assert "larger than 1 MiB" in str(caught.value)
    with pytest.raises(NotesFormatError, match="larger than"):
        parse_notes(notes() + "x" * (MAX_NOTES_BYTES + 1))


def test_missing_file_is_a_notes_error(tmp_path: Path) -> None:
    with pytest.raises(NotesFormatError, match="file not found"):
        read_notes_file(tmp_path / "absent.md")


def test_alias_bombs_are_refused_not_expanded() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    assert "too large" in str(error_for(notes(MINIMAL_FRONT + bomb)))


# --- the round-trip property -----------------------------------------------------------------

CHARS = st.characters(exclude_categories=("Cc", "Cs"))
# Names, company and role are stored NFC, without control or invisible format characters
# (see test_names_clean.py); the round trip is about text already in that form.
NAME_CHARS = st.characters(exclude_categories=("Cc", "Cs", "Cf", "Zl", "Zp"))
LINE = st.text(NAME_CHARS, min_size=1, max_size=24).map(
    lambda t: unicodedata.normalize("NFC", t).strip()).filter(bool)
OPTIONAL_LINE = st.one_of(st.just(""), LINE)
POINT = st.lists(LINE, min_size=1, max_size=3).map("\n".join)
FREE_TEXT = st.text(st.characters(exclude_categories=("Cc", "Cs"), include_characters="\n"),
                    max_size=80)
ZONES = st.sampled_from(["UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata",
                         "Australia/Lord_Howe", "America/St_Johns"])
TOP_KEYS = {"company", "role", "when", "timezone", "duration", "round", "format", "culture",
            "decision_by", "me", "interviewers", "job_description", "job_description_file"}
PERSON_KEYS = {"name", "title", "email", "linkedin", "timezone", "salutation", "primary"}


def trim_blank_lines(text: str) -> str:
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def extra_values(excluded: set[str]) -> st.SearchStrategy[dict[str, Any]]:
    leaves = st.one_of(st.none(), st.text(CHARS, max_size=12), POINT)
    tree = st.recursive(leaves, lambda kids: st.one_of(
        st.lists(kids, max_size=3), st.dictionaries(LINE, kids, max_size=3)), max_leaves=6)
    return st.dictionaries(LINE.filter(lambda k: k not in excluded), tree, max_size=3)


@st.composite
def interviewers(draw: st.DrawFn, name: str) -> Interviewer:
    return Interviewer(
        name=name, title=draw(OPTIONAL_LINE), email=draw(OPTIONAL_LINE),
        linkedin=draw(OPTIONAL_LINE), timezone=draw(st.none() | ZONES),
        salutation=draw(st.none() | OPTIONAL_LINE), primary=draw(st.booleans()),
        discussed=tuple(draw(st.lists(POINT, max_size=3))),
        shared=tuple(draw(st.lists(POINT, max_size=2))),
        questions=tuple(draw(st.lists(st.builds(Question, POINT, OPTIONAL_LINE | POINT),
                                      max_size=2))),
        next=tuple(draw(st.lists(POINT, max_size=2))),
        extra=draw(extra_values(PERSON_KEYS)),
    )


def existing_local(zone: str, naive: datetime) -> bool:
    tz = ZoneInfo(zone)
    aware = naive.replace(tzinfo=tz)
    return aware.astimezone(ZoneInfo("UTC")).astimezone(tz).replace(tzinfo=None) == naive


@st.composite
def interviews(draw: st.DrawFn) -> Interview:
    zone = draw(ZONES)
    naive = draw(st.datetimes(datetime(1990, 1, 1), datetime(2060, 1, 1)).map(
        lambda d: d.replace(microsecond=0)).filter(lambda d: existing_local(zone, d)))
    names = draw(st.lists(LINE, max_size=4, unique_by=name_key).filter(
        lambda ns: not {name_key(n) for n in ns} & {"notes", "qualifications"}))
    me = draw(st.none() | st.builds(Me, LINE, OPTIONAL_LINE, OPTIONAL_LINE | POINT))
    return Interview(
        company=draw(LINE), role=draw(LINE), timezone=zone,
        starts_at=naive.replace(tzinfo=ZoneInfo(zone)),
        duration_minutes=draw(st.integers(1, 600)), round=draw(st.none() | st.integers(1, 9)),
        format=draw(st.none() | st.sampled_from(Format)), culture=draw(st.sampled_from(Culture)),
        decision_by=draw(st.none() | st.dates(date(1970, 1, 1), date(2200, 12, 31))), me=me,
        job_description=draw(FREE_TEXT).strip(),
        interviewers=tuple(draw(interviewers(n)) for n in names),
        qualifications=tuple(draw(st.lists(POINT, max_size=3))),
        notes=trim_blank_lines(draw(FREE_TEXT)),
        extra=draw(extra_values(TOP_KEYS)),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(interviews())
def test_render_then_parse_gives_the_same_record(record: Interview) -> None:
    text = render_notes(record)
    again = parse_notes(text, source="generated.md")
    assert again == record
    assert again.extra == record.extra  # equality covers extra, but say so explicitly
    assert [p.extra for p in again.interviewers] == [p.extra for p in record.interviewers]
    assert render_notes(again) == text


def test_round_trip_ignores_status_outcome_and_id() -> None:
    record = replace(parse_notes(EXAMPLE), id=7, outcome="offer")
    text = render_notes(record)
    assert not re.search(r"^(status|outcome|id):", text, re.MULTILINE)
    assert parse_notes(text) == replace(record, outcome=None)

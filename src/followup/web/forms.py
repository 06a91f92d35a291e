"""The interview form: its fields to a notes file (checked by the one notes parser) and a
stored record back to field values, so adding and editing in the browser follow exactly the
rules of a notes file.

Field names: company, role, when, timezone, duration, round, format, culture, decision_by,
job_description, qualifications and notes (one point per line); per panel member `pN_name`,
`pN_title`, `pN_email`, `pN_linkedin`, `pN_timezone`, `pN_discussed`, `pN_shared`, `pN_next`
(one point per line), question pairs `pN_qK` / `pN_aK`, and a `primary` radio naming N.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from followup.errors import NotesFormatError
from followup.model import Interview, Interviewer

_PERSON = re.compile(r"p(\d{1,3})_name")
_QUESTION = re.compile(r"p(\d{1,3})_q(\d{1,3})")
_FIELD = re.compile(r"interviewers\[(\d+)\]\.?(\w*)")
MAX_PEOPLE = 20
INTERVIEW_FIELDS = ("company", "role", "when", "timezone", "duration", "round", "format",
                    "culture", "decision_by", "job_description", "qualifications", "notes")


@dataclass
class PersonFields:
    """One panel member's fields as the form shows them."""

    index: int
    name: str = ""
    title: str = ""
    email: str = ""
    linkedin: str = ""
    timezone: str = ""
    primary: bool = False
    discussed: str = ""
    shared: str = ""
    next: str = ""
    questions: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class InterviewForm:
    """Every value of the form, as text, plus the problem to show (if any)."""

    values: dict[str, str] = field(default_factory=dict)
    people: list[PersonFields] = field(default_factory=list)
    error: str = ""
    error_field: str = ""

    def get(self, key: str) -> str:
        return self.values.get(key, "")


def _lines(text: str) -> list[str]:
    """One point per non-empty line; a trailing backslash would join lines, so it goes."""
    return [" ".join(line.split()).rstrip("\\").strip() for line in text.splitlines()
            if line.strip()]


def _number(text: str) -> int | str | None:
    text = text.strip()
    if not text:
        return None
    return int(text) if text.isdigit() else text


def from_submission(form: Mapping[str, Any]) -> InterviewForm:
    """The submitted fields, kept as typed so the form can be shown again with an error."""
    values = {key: str(form.get(key) or "") for key in INTERVIEW_FIELDS}
    primary = str(form.get("primary") or "")
    indexes = sorted({int(m.group(1)) for key in form if (m := _PERSON.fullmatch(str(key)))})
    people = []
    for n in indexes[:MAX_PEOPLE]:
        def get(suffix: str, n: int = n) -> str:
            return str(form.get(f"p{n}_{suffix}") or "")
        pairs = sorted({int(m.group(2)) for key in form
                        if (m := _QUESTION.fullmatch(str(key))) and int(m.group(1)) == n})
        people.append(PersonFields(
            n, get("name").strip(), get("title").strip(), get("email").strip(),
            get("linkedin").strip(), get("timezone").strip(), primary == str(n),
            get("discussed"), get("shared"), get("next"),
            [(get(f"q{k}"), get(f"a{k}")) for k in pairs],
        ))
    return InterviewForm(values, people)


def to_notes(form: InterviewForm) -> str:
    """The notes file the form describes (unparsed: the notes parser checks it)."""
    from followup.notes import notes_text

    v = form.values
    people = [p for p in form.people if p.name or p.email or p.discussed.strip()]
    front: dict[str, Any] = {
        "company": v.get("company", "").strip(), "role": v.get("role", "").strip(),
        "when": v.get("when", "").strip().replace("T", " "),
        "timezone": v.get("timezone", "").strip() or None,
        "duration": _number(v.get("duration", "")), "round": _number(v.get("round", "")),
        "format": v.get("format", "").strip() or None,
        "culture": v.get("culture", "").strip() or None,
        "decision_by": v.get("decision_by", "").strip() or None,
        "job_description": v.get("job_description", "").strip() or None,
        "interviewers": [
            {k: val for k, val in (("name", p.name), ("title", p.title), ("email", p.email),
                                   ("linkedin", p.linkedin), ("timezone", p.timezone))
             if val} | ({"primary": True} if p.primary else {})
            for p in people],
    }
    body: dict[str, list[str]] = {}
    for p in people:
        bullets = [f"- {key}: {point}" for key, text in
                   (("discussed", p.discussed), ("shared", p.shared)) for point in _lines(text)]
        for question, better in p.questions:
            q, b = _lines(question), _lines(better)
            if q:
                bullets.append(f"- question: {' '.join(q)}")
                if b:
                    bullets.append(f"  better: {' '.join(b)}")
        bullets += [f"- next: {point}" for point in _lines(p.next)]
        if bullets and p.name:
            body[p.name] = bullets
    return notes_text(front, body, _lines(v.get("qualifications", "")), v.get("notes", ""))


def field_of(error: NotesFormatError, form: InterviewForm) -> str:
    """The form field id an error from the notes parser points at."""
    key = error.field or ""
    match = _FIELD.match(key)
    if match:
        position = int(match.group(1)) - 1  # the notes parser counts from 1
        people = [p for p in form.people if p.name or p.email or p.discussed.strip()]
        if 0 <= position < len(people):
            return f"p{people[position].index}_{match.group(2) or 'name'}"
    base = key.split(".")[0].split("[")[0]
    return base if base in INTERVIEW_FIELDS else ""


def with_hidden_fields(parsed: Interview, current: Interview) -> Interview:
    """An edited record keeps what the form does not show: the sender, extra keys,
    salutations and extra data of panel members, status and outcome."""
    old = {p.name.casefold(): p for p in current.interviewers}
    people = tuple(
        replace(p, salutation=p.salutation or old[p.name.casefold()].salutation,
                extra=p.extra or old[p.name.casefold()].extra)
        if p.name.casefold() in old else p
        for p in parsed.interviewers)
    return replace(parsed, id=current.id, status=current.status, outcome=current.outcome,
                   me=parsed.me or current.me, extra=parsed.extra or current.extra,
                   interviewers=people)


def from_interview(interview: Interview) -> InterviewForm:
    """The form filled in from a stored record."""
    start = interview.starts_at
    values = {
        "company": interview.company, "role": interview.role,
        "when": f"{start:%Y-%m-%dT%H:%M}", "timezone": interview.timezone,
        "duration": str(interview.duration_minutes),
        "round": str(interview.round) if interview.round is not None else "",
        "format": interview.format.value if interview.format else "",
        "culture": interview.culture.value,
        "decision_by": interview.decision_by.isoformat() if interview.decision_by else "",
        "job_description": interview.job_description,
        "qualifications": "\n".join(interview.qualifications), "notes": interview.notes,
    }
    people = [_person_fields(n, p) for n, p in enumerate(interview.interviewers)]
    return InterviewForm(values, people)


def _person_fields(index: int, p: Interviewer) -> PersonFields:
    return PersonFields(
        index, p.name, p.title, p.email, p.linkedin, p.timezone or "", p.primary,
        "\n".join(" ".join(x.split()) for x in p.discussed),
        "\n".join(" ".join(x.split()) for x in p.shared),
        "\n".join(" ".join(x.split()) for x in p.next),
        [(q.question, q.better) for q in p.questions])


def blank(timezone: str) -> InterviewForm:
    """A new form: the user's zone, an hour's duration, one empty panel member."""
    return InterviewForm({"timezone": timezone, "duration": "60", "culture": "formal"},
                         [PersonFields(0, primary=True)])

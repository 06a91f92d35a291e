"""Reading and writing interview records with SQLAlchemy Core, on an open connection.

Every function takes a connection inside a transaction the caller owns, so the Store can
group several of them (a whole restore) into one transaction. Loading is set-based: a list
of interviews costs five queries however many there are, never one per record.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime, tzinfo
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlalchemy as sa

from followup.errors import InputError
from followup.model import Culture, Format, Interview, Interviewer, Me, Question, Status
from followup.model.interview import MAX_NAME_CHARS, name_key
from followup.store.records import InterviewSummary
from followup.store.tables import (
    interviewer_points,
    interviewer_questions,
    interviewers,
    interviews,
    qualifications,
)

_ORDER = (interviews.c.starts_at.desc(), interviews.c.id.desc())


@lru_cache(maxsize=512)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def stored_zone(name: str) -> tzinfo:
    """The zone to read a stored start time in; UTC for a name this machine's tzdata cannot
    load (an old record, a zone since removed), so the record still loads. The agenda then
    reports it as one it cannot plan, and the rest is shown."""
    try:
        return zone(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return UTC


def check_storable(interview: Interview, where: str = "interview") -> None:
    """InputError for what no backend can store, or could store but not plan: an unknown
    zone, NUL, lone surrogates, numbers and dates out of range (`model.limits`)."""
    from followup.model import limits

    for field, problem in (
        ("duration_minutes", limits.duration_problem(interview.duration_minutes)),
        ("round", None if interview.round is None else limits.round_problem(interview.round)),
        ("when", limits.year_problem(interview.starts_at)),
        ("decision_by", None if interview.decision_by is None
         else limits.year_problem(interview.decision_by)),
    ):
        if problem:
            raise InputError(f"{where}.{field}: {problem}")
    try:
        zone(interview.timezone)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise InputError(
            f"{where}.timezone: unknown time zone {interview.timezone!r}; "
            "expected an IANA name such as Europe/Berlin"
        ) from None
    for field, text in _texts(interview):
        if field.rsplit(".", 1)[-1] in _ONE_LINE:
            if _has_control(text):
                raise InputError(f"{where}.{field}: contains a control character; expected "
                                 "printable text on one line")
            if len(text) > MAX_NAME_CHARS:
                raise InputError(f"{where}.{field}: is {len(text):,} characters long; "
                                 f"expected at most {MAX_NAME_CHARS} (the same on SQLite and "
                                 "PostgreSQL)")
        if "\x00" in text:
            # PostgreSQL text cannot hold NUL; refuse it on SQLite too, so both agree.
            raise InputError(f"{where}.{field}: contains a NUL character, which cannot be stored")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise InputError(f"{where}.{field}: contains an unpaired surrogate") from None


_ONE_LINE = frozenset({"company", "role", "name", "title", "salutation"})


def _has_control(text: str) -> bool:
    import unicodedata

    return any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in text)


def _texts(interview: Interview) -> Iterator[tuple[str, str]]:
    for name in ("company", "role", "timezone", "job_description", "notes", "outcome"):
        value = getattr(interview, name)
        if value is not None:
            yield name, value
    for i, text in enumerate(interview.qualifications):
        yield f"qualifications[{i}]", text
    for i, p in enumerate(interview.interviewers):
        at = f"interviewers[{i}]"
        for name in ("name", "title", "email", "linkedin", "timezone", "salutation"):
            value = getattr(p, name)
            if value is not None:
                yield f"{at}.{name}", value
        for kind in ("discussed", "shared", "next"):
            for j, text in enumerate(getattr(p, kind)):
                yield f"{at}.{kind}[{j}]", text
        for j, q in enumerate(p.questions):
            yield f"{at}.questions[{j}].question", q.question
            yield f"{at}.questions[{j}].better", q.better


def _key_columns(interview: Interview) -> dict[str, Any]:
    company, role, starts_at = interview.natural_key
    return {"company_key": company, "role_key": role, "starts_at": starts_at}


def find_id(conn: sa.Connection, interview: Interview) -> int | None:
    """The id of the stored interview with the same natural key, if any."""
    key = _key_columns(interview)
    query = sa.select(interviews.c.id).where(
        *(interviews.c[name] == value for name, value in key.items())
    )
    return conn.execute(query).scalar()


def exists(conn: sa.Connection, interview_id: int) -> bool:
    query = sa.select(interviews.c.id).where(interviews.c.id == interview_id)
    return conn.execute(query).first() is not None


def _interview_row(interview: Interview, now: datetime) -> dict[str, Any]:
    me = interview.me
    return {
        **_key_columns(interview),
        "company": interview.company,
        "role": interview.role,
        "timezone": interview.timezone,
        "duration_minutes": interview.duration_minutes,
        "round": interview.round,
        "format": interview.format.value if interview.format else None,
        "culture": interview.culture.value,
        "decision_by": interview.decision_by,
        "job_description": interview.job_description,
        "notes": interview.notes,
        "me": None if me is None else dataclasses.asdict(me),
        "extra": dict(interview.extra),
        "status": interview.status.value,
        "outcome": interview.outcome,
        "updated_at": now,
    }


def insert(conn: sa.Connection, interview: Interview, now: datetime) -> Interview:
    return insert_many(conn, [interview], now)[0]


def insert_many(
    conn: sa.Connection, records: Sequence[Interview], now: datetime
) -> list[Interview]:
    """Insert new records with a handful of multi-row statements, whatever their number."""
    if not records:
        return []
    rows = [{**_interview_row(r, now), "created_at": now} for r in records]
    ids = _insert_returning_ids(conn, interviews, rows)
    owners = [(iid, pos, p) for iid, r in zip(ids, records, strict=True)
              for pos, p in enumerate(r.interviewers)]
    person_ids = _insert_returning_ids(
        conn, interviewers, [_person_row(iid, pos, p) for iid, pos, p in owners]
    )
    people = [p for _, _, p in owners]
    _insert_children(conn, person_ids, people, [
        {"interview_id": iid, "position": j, "text": text}
        for iid, r in zip(ids, records, strict=True)
        for j, text in enumerate(r.qualifications)
    ])
    given = iter(person_ids)
    return [_with_ids(r, iid, [next(given) for _ in r.interviewers])
            for iid, r in zip(ids, records, strict=True)]


def _insert_returning_ids(
    conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]
) -> list[int]:
    if not rows:
        return []
    # sort_by_parameter_order: ids come back in the order of `rows`, on both backends.
    statement = table.insert().returning(table.c.id, sort_by_parameter_order=True)
    return list(conn.execute(statement, rows).scalars())


def _with_ids(interview: Interview, interview_id: int, person_ids: Sequence[int]) -> Interview:
    """The record as stored: ids filled in, start shown in the interview's own zone."""
    return dataclasses.replace(
        interview,
        id=interview_id,
        starts_at=interview.starts_at.astimezone(zone(interview.timezone)),
        interviewers=tuple(
            dataclasses.replace(p, id=pid)
            for pid, p in zip(person_ids, interview.interviewers, strict=True)
        ),
    )


def update(
    conn: sa.Connection, interview_id: int, interview: Interview, now: datetime
) -> Interview:
    conn.execute(
        interviews.update()
        .where(interviews.c.id == interview_id)
        .values(_interview_row(interview, now))
    )
    rows = conn.execute(
        sa.select(interviewers.c.id, interviewers.c.name)
        .where(interviewers.c.interview_id == interview_id)
        .order_by(interviewers.c.position)
    )
    existing = {row.id: row.name for row in rows}
    conn.execute(qualifications.delete().where(qualifications.c.interview_id == interview_id))
    return _rewrite_children(conn, interview_id, interview, existing)


def _match_ids(people: Sequence[Interviewer], existing: dict[int, str]) -> list[int | None]:
    """Which stored interviewer each person is: by id first, then by name ignoring case."""
    free = dict(existing)
    matched: list[int | None] = []
    for person in people:
        if person.id is not None and person.id in free:
            free.pop(person.id)
            matched.append(person.id)
            continue
        wanted = name_key(person.name)
        hit = next((pid for pid, name in free.items() if name_key(name) == wanted), None)
        if hit is not None:
            free.pop(hit)
        matched.append(hit)
    return matched


def _person_row(interview_id: int, position: int, person: Interviewer) -> dict[str, Any]:
    return {
        "interview_id": interview_id, "position": position, "name": person.name,
        "title": person.title, "email": person.email, "linkedin": person.linkedin,
        "timezone": person.timezone, "salutation": person.salutation,
        "is_primary": person.primary, "extra": dict(person.extra),
    }


def _rewrite_children(
    conn: sa.Connection, interview_id: int, interview: Interview, existing: dict[int, str]
) -> Interview:
    """Replace an interview's children, keeping the ids of interviewers still present."""
    people = interview.interviewers
    ids = _match_ids(people, existing)
    gone = set(existing) - {i for i in ids if i is not None}
    if gone:  # cascades to their points and questions
        conn.execute(interviewers.delete().where(interviewers.c.id.in_(gone)))
    kept = [i for i in ids if i is not None]
    if kept:
        for table in (interviewer_points, interviewer_questions):
            conn.execute(table.delete().where(table.c.interviewer_id.in_(kept)))
        conn.execute(
            interviewers.update().where(interviewers.c.id == sa.bindparam("_id")),
            [{**_person_row(interview_id, pos, p), "_id": ids[pos]}
             for pos, p in enumerate(people) if ids[pos] is not None],
        )
    new_positions = [pos for pos, pid in enumerate(ids) if pid is None]
    new_ids = _insert_returning_ids(
        conn, interviewers, [_person_row(interview_id, pos, people[pos]) for pos in new_positions]
    )
    for pos, new_id in zip(new_positions, new_ids, strict=True):
        ids[pos] = new_id
    final = [pid for pid in ids if pid is not None]
    _insert_children(conn, final, people, [
        {"interview_id": interview_id, "position": j, "text": text}
        for j, text in enumerate(interview.qualifications)
    ])
    return _with_ids(interview, interview_id, final)


def _insert_children(
    conn: sa.Connection, person_ids: Sequence[int], people: Sequence[Interviewer],
    qualification_rows: list[dict[str, Any]],
) -> None:
    _insert_many(conn, interviewer_points, _point_rows(person_ids, people))
    _insert_many(conn, interviewer_questions, [
        {"interviewer_id": pid, "position": j, "question": q.question, "better": q.better}
        for pid, person in zip(person_ids, people, strict=True)
        for j, q in enumerate(person.questions)
    ])
    _insert_many(conn, qualifications, qualification_rows)


def _point_rows(ids: Sequence[int], people: Sequence[Interviewer]) -> list[dict[str, Any]]:
    return [
        {"interviewer_id": pid, "kind": kind, "position": j, "text": text}
        for pid, person in zip(ids, people, strict=True)
        for kind in ("discussed", "shared", "next")
        for j, text in enumerate(getattr(person, kind))
    ]


def _insert_many(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(table.insert(), rows)


def delete(conn: sa.Connection, interview_id: int) -> None:
    conn.execute(interviews.delete().where(interviews.c.id == interview_id))


def load(conn: sa.Connection, interview_id: int | None = None) -> list[Interview]:
    """Full records, newest first: one interview by id, or all of them (five queries)."""
    people_where: list[sa.ColumnElement[bool]] = []
    interview_where: list[sa.ColumnElement[bool]] = []
    if interview_id is not None:
        interview_where.append(interviews.c.id == interview_id)
        people_where.append(interviewers.c.interview_id == interview_id)
    base = conn.execute(sa.select(interviews).where(*interview_where).order_by(*_ORDER)).all()
    if not base:
        return []
    people_rows = conn.execute(
        sa.select(interviewers).where(*people_where)
        .order_by(interviewers.c.interview_id, interviewers.c.position)
    ).all()
    points: dict[tuple[int, str], list[str]] = defaultdict(list)
    for p in _child_rows(conn, interviewer_points, people_where, "kind"):
        points[(p.interviewer_id, p.kind)].append(p.text)
    questions: dict[int, list[Question]] = defaultdict(list)
    for q in _child_rows(conn, interviewer_questions, people_where):
        questions[q.interviewer_id].append(Question(q.question, q.better))
    quals: dict[int, list[str]] = defaultdict(list)
    for r in conn.execute(
        sa.select(qualifications).where(*(
            [qualifications.c.interview_id == interview_id] if interview_id is not None else []
        )).order_by(qualifications.c.interview_id, qualifications.c.position)
    ):
        quals[r.interview_id].append(r.text)
    people: dict[int, list[Interviewer]] = defaultdict(list)
    for r in people_rows:
        people[r.interview_id].append(Interviewer(
            id=r.id, name=r.name, title=r.title, email=r.email, linkedin=r.linkedin,
            timezone=r.timezone, salutation=r.salutation, primary=bool(r.is_primary),
            discussed=tuple(points[(r.id, "discussed")]),
            shared=tuple(points[(r.id, "shared")]),
            next=tuple(points[(r.id, "next")]),
            questions=tuple(questions[r.id]),
            extra=r.extra or {},
        ))
    return [_interview(r, tuple(people[r.id]), tuple(quals[r.id])) for r in base]


def _child_rows(
    conn: sa.Connection, table: sa.Table, people_where: list[sa.ColumnElement[bool]],
    *extra_order: str,
) -> Iterable[sa.Row[Any]]:
    query = sa.select(table)
    if people_where:
        query = query.join(interviewers, interviewers.c.id == table.c.interviewer_id).where(
            *people_where
        )
    order = [table.c.interviewer_id, *(table.c[c] for c in extra_order), table.c.position]
    return conn.execute(query.order_by(*order))


def _interview(
    r: sa.Row[Any], people: tuple[Interviewer, ...], quals: tuple[str, ...]
) -> Interview:
    me = r.me
    return Interview(
        id=r.id, company=r.company, role=r.role,
        starts_at=r.starts_at.astimezone(stored_zone(r.timezone)), timezone=r.timezone,
        duration_minutes=r.duration_minutes, round=r.round,
        format=Format(r.format) if r.format else None, culture=Culture(r.culture),
        decision_by=r.decision_by, job_description=r.job_description,
        interviewers=people, qualifications=quals, notes=r.notes,
        me=Me(me.get("name", ""), me.get("email", ""), me.get("signature", "")) if me else None,
        extra=r.extra or {}, status=Status(r.status), outcome=r.outcome,
    )


def summaries(conn: sa.Connection, status: Status | None = None) -> list[InterviewSummary]:
    """The rows of `followup list`, newest first: two queries, no per-row lookups."""
    cols = interviews.c
    where = [cols.status == status.value] if status is not None else []
    base = conn.execute(
        sa.select(cols.id, cols.company, cols.role, cols.starts_at, cols.timezone,
                  cols.status, cols.outcome).where(*where).order_by(*_ORDER)
    ).all()
    names: dict[int, list[str]] = defaultdict(list)
    query = sa.select(interviewers.c.interview_id, interviewers.c.name)
    if where:
        query = query.join(interviews, interviews.c.id == interviewers.c.interview_id).where(*where)
    for r in conn.execute(query.order_by(interviewers.c.interview_id, interviewers.c.position)):
        names[r.interview_id].append(r.name)
    return [
        InterviewSummary(
            id=r.id, company=r.company, role=r.role,
            starts_at=r.starts_at.astimezone(stored_zone(r.timezone)), timezone=r.timezone,
            status=Status(r.status), outcome=r.outcome,
            interviewer_names=tuple(names[r.id]),
        )
        for r in base
    ]

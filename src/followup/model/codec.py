"""Interview records to and from plain JSON-able dicts.

One shape serves `followup show --json`, `export --format json`, whole-database backups and
the web API, so a record written by one can be read by all. The keys are pinned by tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from followup.model.interview import (
    Culture,
    Format,
    Interview,
    Interviewer,
    Me,
    Question,
    Status,
)


def interviewer_to_dict(person: Interviewer) -> dict[str, Any]:
    return {
        "id": person.id,
        "name": person.name,
        "title": person.title,
        "email": person.email,
        "linkedin": person.linkedin,
        "timezone": person.timezone,
        "salutation": person.salutation,
        "primary": person.primary,
        "discussed": list(person.discussed),
        "shared": list(person.shared),
        "questions": [{"question": q.question, "better": q.better} for q in person.questions],
        "next": list(person.next),
        "extra": dict(person.extra),
    }


def interview_to_dict(interview: Interview) -> dict[str, Any]:
    me = interview.me
    return {
        "id": interview.id,
        "company": interview.company,
        "role": interview.role,
        "starts_at": interview.starts_at.isoformat(),
        "timezone": interview.timezone,
        "duration_minutes": interview.duration_minutes,
        "round": interview.round,
        "format": interview.format.value if interview.format else None,
        "culture": interview.culture.value,
        "decision_by": interview.decision_by.isoformat() if interview.decision_by else None,
        "job_description": interview.job_description,
        "interviewers": [interviewer_to_dict(p) for p in interview.interviewers],
        "qualifications": list(interview.qualifications),
        "notes": interview.notes,
        "me": None if me is None else {"name": me.name, "email": me.email,
                                       "signature": me.signature},
        "status": interview.status.value,
        "outcome": interview.outcome,
        "extra": dict(interview.extra),
    }


def interviewer_from_dict(data: Mapping[str, Any]) -> Interviewer:
    return Interviewer(
        id=data.get("id"),
        name=data["name"],
        title=data.get("title") or "",
        email=data.get("email") or "",
        linkedin=data.get("linkedin") or "",
        timezone=data.get("timezone"),
        salutation=data.get("salutation"),
        primary=bool(data.get("primary", False)),
        discussed=tuple(data.get("discussed", ())),
        shared=tuple(data.get("shared", ())),
        questions=tuple(
            Question(q["question"], q.get("better") or "") for q in data.get("questions", ())
        ),
        next=tuple(data.get("next", ())),
        extra=dict(data.get("extra") or {}),
    )


def interview_from_dict(data: Mapping[str, Any]) -> Interview:
    """Rebuild an Interview from `interview_to_dict` output (raises KeyError/ValueError)."""
    zone = ZoneInfo(data["timezone"])
    starts_at = datetime.fromisoformat(data["starts_at"]).astimezone(zone)
    me = data.get("me")
    return Interview(
        id=data.get("id"),
        company=data["company"],
        role=data["role"],
        starts_at=starts_at,
        timezone=data["timezone"],
        duration_minutes=int(data.get("duration_minutes", 60)),
        round=data.get("round"),
        format=Format(data["format"]) if data.get("format") else None,
        culture=Culture(data.get("culture") or "formal"),
        decision_by=date.fromisoformat(data["decision_by"]) if data.get("decision_by") else None,
        job_description=data.get("job_description") or "",
        interviewers=tuple(interviewer_from_dict(p) for p in data.get("interviewers", ())),
        qualifications=tuple(data.get("qualifications", ())),
        notes=data.get("notes") or "",
        me=Me(me.get("name", ""), me.get("email", ""), me.get("signature", "")) if me else None,
        extra=dict(data.get("extra") or {}),
        status=Status(data.get("status") or "open"),
        outcome=data.get("outcome"),
    )

"""P5 key qualifications: one to three claims about yourself, tied to the job — not a résumé.

A "claim" is a sentence in the first person that states experience or an achievement. None
is a warning (with a record, the message proposes the qualification that best serves the job
description's requirements); more than three is a résumé dump.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from followup.check.context import CheckContext
from followup.check.document import Document, Span
from followup.check.kinds import Hit, Logic, Settings, anchor_span
from followup.check.words import content_stems
from followup.model import Interview, Medium, Severity, Stage

MAX_CLAIMS = 3
_FIRST_PERSON_RE = re.compile(r"\b(?:I|I['’]ve|I['’]d|my|me)\b")
_CLAIM_RE = re.compile(
    r"\b(?:built|build|led|lead|designed|shipped|ran|run|managed|created|developed|launched|"
    r"delivered|cut|reduced|improved|increased|grew|migrated|automated|scaled|owned|own|"
    r"mentored|wrote|implemented|architected|founded|maintained|introduced|saved|trained|"
    r"years? of|years? (?:building|running|leading|working)|experience (?:in|with|of|at)|"
    r"background in|expertise|skilled|certified|proficient|fluent|my work|worked on|"
    r"at my (?:last|current|previous) (?:job|role|company|team)|in my (?:current|previous|last) "
    r"role|track record|hands-on|fits? (?:the|this|your)|align|match(?:es)? (?:the|what))\b",
    re.IGNORECASE,
)
_NOT_CLAIM_RE = re.compile(r"\b(?:you|your) (?:built|led|designed|shipped|ran|cut)\b",
                           re.IGNORECASE)


def claims(doc: Document) -> list[Span]:
    """Sentences that state the candidate's own experience or achievements."""
    out = []
    for sentence in doc.sentences:
        text = doc.slice(sentence)
        if (_FIRST_PERSON_RE.search(text) and _CLAIM_RE.search(text)
                and not _NOT_CLAIM_RE.search(text)):
            out.append(sentence)
    return out


def requirements(job_description: str) -> list[str]:
    """The job description's requirement lines (bullets), else its sentences."""
    lines = [ln.strip(" -*•\t") for ln in job_description.splitlines()]
    bullets = [ln for ln, raw in zip(lines, job_description.splitlines(), strict=True)
               if raw.lstrip().startswith(("-", "*", "•")) and ln]
    if bullets:
        return bullets
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", job_description) if s.strip()]


def rank_qualifications(interview: Interview) -> list[tuple[str, str | None]]:
    """The record's qualifications, best first, each with the requirement it serves (if any)."""
    reqs = [(r, content_stems(r)[0]) for r in requirements(interview.job_description)]
    scored = []
    for index, qual in enumerate(interview.qualifications):
        stems = content_stems(qual)[0]
        best: tuple[int, str | None] = (0, None)
        for req, req_stems in reqs:
            overlap = len(stems & req_stems)
            if overlap > best[0]:
                best = (overlap, req)
        scored.append((-best[0], index, qual, best[1]))
    scored.sort()
    return [(qual, req) for _, _, qual, req in scored]


def _none(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    if claims(doc) or not doc.sentences:
        return
    target = anchor_span(doc, "content")
    message = None
    if ctx.interview is not None and ctx.interview.qualifications:
        qual, req = rank_qualifications(ctx.interview)[0]
        serves = f" (it serves \u201c{req}\u201d)" if req else ""
        message = (f"No qualification mentioned; remind them of one, e.g. "
                   f"\u201c{qual}\u201d{serves}.")
    yield Hit(target.start, target.end, message=message)


def _dump(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    found = claims(doc)
    if len(found) > MAX_CLAIMS:
        yield Hit(found[0].start, found[-1].end, message=(
            f"{len(found)} claims about yourself; keep the one or two that fit this job best."))


_DUMP = ("Dear Dana,\n\nThank you for yesterday. I built a dbt project with 300 models. I cut "
         "the warehouse bill by a third. I led the Kafka migration at my last job. I have ten "
         "years of Python experience. I also mentored six juniors.\n\nBest regards,\nPriya")
_GOOD = ("Dear Dana,\n\nThank you for yesterday. I ran the Kafka migration for our order "
         "events pipeline, which is close to the streaming work you described.\n\n"
         "Best regards,\nPriya")
TY = frozenset({Stage.THANK_YOU})

RULES = (
    Logic(
        id="p05.no-qualification", practice="P5", severity=Severity.WARNING,
        message="No qualification mentioned: remind them of one thing that fits the job.",
        why="A short reminder of your fit helps them remember you among many candidates.",
        fail=("Dear Dana,\n\nThank you for yesterday. The Kafka plans sound exciting.\n\n"
              "Best regards,\nPriya",),
        passes=(_GOOD,), example_context="northwind", stages=TY,
        media=frozenset({Medium.EMAIL, Medium.LINKEDIN_MESSAGE}), fn=_none,
    ),
    Logic(
        id="p05.resume-dump", practice="P5", severity=Severity.WARNING,
        message="Too many claims about yourself: a résumé dump.",
        why="One or two qualifications tied to the job stick; a list buries them.",
        fail=(_DUMP,), passes=(_GOOD,), stages=TY, fn=_dump,
    ),
)

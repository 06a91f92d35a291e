"""P2 personalization: recall this conversation, avoid stock phrases, no copies across a panel.

With a record, the note must refer to at least one point (discussed or shared) of the
addressed interviewer, matched by meaning-bearing words (see `check/words.py`). Without a
record, a note made only of stock phrases is flagged. Panel drafts: a near-duplicate is an
error, measured as Jaccard similarity of word 3-gram shingles after removing every name on the
panel; NEAR_DUPLICATE = 0.8 (a swapped name and a changed sentence stay above it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from followup.check.context import CheckContext
from followup.check.document import Document
from followup.check.kinds import Example, Existence, Hit, Logic, Needs, Settings, anchor_span
from followup.check.words import content_stems, jaccard, related, shingles, tokens
from followup.model import Severity, Stage
from followup.model.report import Scope

NEAR_DUPLICATE = 0.8

STOCK_PHRASES = (
    r"\bi (?:really |truly )?enjoyed (?:our|the) (?:conversation|discussion|chat|meeting|interview)"
    r"(?= *[.!,]| today| yesterday| earlier)",
    r"\bit was (?:a pleasure|great|nice) (?:to meet|meeting|speaking|talking)(?: with)? you"
    r"(?= *[.!,]| today| yesterday| earlier)",
    r"\bi am (?:very |really )?(?:excited|thrilled) about (?:this|the) "
    r"(?:opportunity|position|role)"
    r"(?= *[.!,])",
    r"\bi look forward to hearing from you soon\b",
    r"\bthank you for (?:the|this) (?:opportunity|chance) to interview(?= *[.!,])",
    r"\bi believe i (?:would be|am) (?:a )?(?:great|good|perfect|strong) fit\b",
    r"\bi am confident (?:that )?i (?:would|will) be an asset\b",
    r"\bi appreciate your (?:time and )?consideration\b",
    r"\bthank you for your time and consideration\b",
    r"\bhope this (?:email|message) finds you well\b",
)
_STOCK_RE = re.compile("|".join(f"(?:{p})" for p in STOCK_PHRASES), re.IGNORECASE)


GENERIC_GREETING_RE = re.compile(
    r"[ \t]*(?:(?:dear|hi|hello|greetings)[ \t,]+(?:the |all |to the )?(?:hiring (?:manager|team|"
    r"committee|panel)s?|sir(?:\s*(?:/|or)\s*madam)?|madam|recruiters?|recruitment team|"
    r"interviewers?|team|candidate|there)|to whom it may concern)\b[^\n]{0,20}$",
    re.IGNORECASE,
)


def generic_greeting(doc: Document) -> tuple[int, int] | None:
    """The first body line when it greets nobody in particular ("Dear Hiring Manager,")."""
    lines = doc.body_lines
    if lines and GENERIC_GREETING_RE.match(lines[0].text):
        return lines[0].start, lines[0].end
    return None


def _generic_greeting(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    found = generic_greeting(doc)
    if found is None:
        return
    person = ctx.interviewer
    better = f"Dear {person.salutation or person.name}," if person is not None else None
    yield Hit(*found, suggestion=better)


def _points(ctx: CheckContext) -> tuple[str, ...]:
    person = ctx.interviewer
    return person.points if person is not None else ()


def _no_point(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    points = _points(ctx)
    if not points:
        return
    stems, _ = content_stems(doc.slice(doc.content))
    if any(related(p, stems) for p in points):
        return
    person = ctx.interviewer
    assert person is not None
    target = anchor_span(doc, "head")
    yield Hit(target.start, target.end, message=(
        f"Nothing here recalls your conversation with {person.name}; mention e.g. "
        f"\u201c{points[0]}\u201d."))


def _only_stock(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    if _points(ctx):
        return
    content = doc.slice(doc.content)
    stripped = _STOCK_RE.sub(" ", content)
    stems, rare = content_stems(stripped)
    if len(tokens(content)) >= 6 and len(stems) < 6 and not rare:
        target = anchor_span(doc, "head")
        yield Hit(target.start, target.end)


def _near_duplicate(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    names: list[str] = []
    for person in ctx.panel:
        names.extend(tokens(person.name))
    if ctx.interviewer is not None:
        names.extend(tokens(ctx.interviewer.name))
    mine = shingles(doc.slice(doc.content), names)
    if len(mine) < 5:
        return
    for other in ctx.other_drafts:
        other_doc = Document(other)
        theirs = shingles(other_doc.slice(other_doc.content), names)
        similarity = jaccard(mine, theirs)
        if similarity >= NEAR_DUPLICATE:
            target = anchor_span(doc, "head")
            yield Hit(target.start, target.end, message=(
                f"This note is {similarity:.0%} the same as another panel member's draft; "
                "interviewers compare notes, so make each one about that conversation."))
            return


_GOOD = (
    "Dear Dana,\n\nThank you for yesterday. Your plan for moving the nightly batch jobs to "
    "Kafka streaming stayed with me.\n\nBest regards,\nPriya"
)

RULES = (
    Logic(
        id="p02.no-point", practice="P2", severity=Severity.WARNING,
        message="The note does not refer to anything from this conversation.",
        why="Recalling a specific point shows you listened and makes the note memorable.",
        fail=("Dear Dana,\n\nThank you for your time. I am a great fit for the role.\n\n"
              "Best regards,\nPriya",),
        passes=(_GOOD, "Dear Dana,\n\nThank you. Your move from batch to Kafka sounds "
                "exciting.\n\nBest,\nPriya"),
        example_context="northwind", needs=frozenset({Needs.INTERVIEWER}), fn=_no_point,
        scope=Scope.NOTE,
        stages=frozenset({Stage.THANK_YOU}),
    ),
    Logic(
        id="p02.generic-note", practice="P2", severity=Severity.WARNING,
        message="The note is made of stock phrases only; it could go to anyone.",
        why="A generic note feels impersonal and leaves no impression.",
        fail=("Thank you for your time and consideration. It was a pleasure to meet you. "
              "I look forward to hearing from you soon.",),
        passes=("Thank you for walking me through the ledger reconciliation service and the "
                "plan to retire the Perl cron jobs.",),
        scope=Scope.NOTE, fn=_only_stock,
    ),
    Logic(
        id="p02.generic-greeting", practice="P2", severity=Severity.WARNING,
        message="A greeting to nobody in particular: you met them, so greet them by name.",
        why="“Dear Hiring Manager” after a conversation reads like a form letter.",
        fail=("Dear Hiring Manager,\n\nThank you for yesterday.\n\nBest,\nPriya",
              "To whom it may concern,\n\nThank you for yesterday.\n\nBest,\nPriya",
              "Dear Sir/Madam,\n\nThank you for yesterday.\n\nBest,\nPriya",
              "Hi there,\n\nThanks for yesterday.\n\nBest,\nPriya"),
        passes=("Dear Dana,\n\nThank you for yesterday.\n\nBest,\nPriya",
                "Hi Theresa,\n\nThanks for yesterday.\n\nBest,\nPriya",
                "Dear Dr. Teamsters,\n\nThank you.\n\nBest,\nPriya"),
        fn=_generic_greeting,
    ),
    Existence(
        id="p02.stock-phrase", practice="P2", severity=Severity.SUGGESTION,
        message="A stock phrase: say something only this conversation could produce.",
        why="Phrases every candidate uses make the note blend in with the rest.",
        fail=("It was a pleasure to meet you.", "I believe I would be a great fit for the team."),
        passes=("It was a pleasure to hear how your team shrank the deploy time to minutes.",),
        patterns=STOCK_PHRASES, where="content",
    ),
    Logic(
        id="p02.panel-duplicate", practice="P2", severity=Severity.ERROR,
        message="Near-identical to the note for another panel member.",
        why="Panel members compare notes; a copy tells each of them they were not listened to.",
        fail=(Example(
            "Subject: Thank you for Tuesday's interview\n\nDear Dana,\n\nThank you for your "
            "time on Tuesday. I enjoyed our conversation about the Senior Data Engineer role "
            "and about how the team cut paging by half with better alerting. My work running "
            "the Kafka migration for our order events pipeline fits the streaming work you "
            "described. I remain very interested in joining Northwind Analytics. Please let me "
            "know if I can share anything else.\n\nBest regards,\nPriya Raman\n",
            "northwind-panel"),),
        passes=(Example(_GOOD, "northwind-panel"),),
        needs=frozenset({Needs.DRAFTS}), scope=Scope.NOTE, fn=_near_duplicate,
    ),
)

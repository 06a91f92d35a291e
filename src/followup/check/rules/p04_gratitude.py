"""P4 gratitude first: a thank-you opens with thanks, within its first two sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator

from followup.check.context import CheckContext
from followup.check.document import Document, Span
from followup.check.kinds import Hit, Logic, Required, Settings, anchor_span, part
from followup.model import Severity, Stage
from followup.model.report import Scope

THANKS = (
    r"\bthank(?:s|ing| you)?\b",
    r"\bgrateful\b",
    r"\bgratitude\b",
    r"\bappreciat(?:e|ed|ion|ing)\b",
    r"\bmerci\b",
    r"\bcheers for\b",
    r"\bmuch obliged\b",
)
THANK_YOU = frozenset({Stage.THANK_YOU})
_THANKS_RE = re.compile("|".join(THANKS), re.IGNORECASE)


OPENING_SENTENCES = 3


def opening(doc: Document) -> Span:
    """Where thanks belong: the first two sentences of the message, or up to three when they
    are all in its first paragraph (after any address block, date, "Re:" line and greeting,
    which the document leaves out of the content)."""
    first = part(doc, "opening")
    paragraphs = doc.content_paragraphs
    if not paragraphs:
        return first
    in_first = [s for s in doc.sentences if s.end <= paragraphs[0].end][:OPENING_SENTENCES]
    if in_first and in_first[-1].end > first.end:
        return Span(first.start, in_first[-1].end)
    return first


def _late(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    content = doc.content
    opening_span = opening(doc)
    if _THANKS_RE.search(doc.text, opening_span.start, opening_span.end):
        return
    if _THANKS_RE.search(doc.text, content.start, content.end):
        target = anchor_span(doc, "head")
        yield Hit(target.start, target.end)

RULES = (
    Required(
        id="p04.no-thanks", practice="P4", severity=Severity.ERROR,
        message="A thank-you note that never says thank you.",
        why="Gratitude for their time is the point of the note; without it, it reads as a demand.",
        fail=("Dear Dana,\n\nI wanted to follow up on the Senior Data Engineer role. My Kafka "
              "work fits it well.\n\nBest regards,\nPriya",),
        passes=("Dear Dana,\n\nThank you for your time yesterday.\n\nBest regards,\nPriya",
                "Hi Dana,\n\nCheers for the chat yesterday.\n\nAll the best,\nPriya"),
        patterns=THANKS, where="body", anchor="head", stages=THANK_YOU,
    ),
    Logic(
        id="p04.thanks-late", practice="P4", severity=Severity.WARNING,
        message="Thanks come late: open with them, in the first or second sentence.",
        why="Starting with gratitude sets a warm tone before anything you ask or claim.",
        fail=("Dear Dana,\n\nI wanted to follow up on the role. My Kafka work fits it well. "
              "The team sounds great. Thank you for your time.\n\nBest regards,\nPriya",),
        passes=("Dear Dana,\n\nI hope your week is going well. Thank you for your time "
                "yesterday.\n\nBest regards,\nPriya",),
        stages=THANK_YOU, scope=Scope.NOTE, fn=_late,
    ),
)

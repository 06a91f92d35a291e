"""P3 medium: each medium's limits and conventions (subject, greeting, length).

Limits come from config (`limits.*`, PRODUCT.md defaults): email words, LinkedIn connection
note characters, LinkedIn message words, card words. A subject is expected on email only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from followup.check.context import CheckContext
from followup.check.document import Document
from followup.check.kinds import Example, Hit, Logic, Settings, anchor_span
from followup.check.rules.p02_personalization import generic_greeting
from followup.model import Medium, Severity, Stage
from followup.model.report import Scope

_GENERIC_SUBJECT_RE = re.compile(
    r"(?:re: *)?(?:thank you|thanks|thank-you|follow[- ]?up|interview|hello|hi|checking in|"
    r"quick question|update|thank you!?|thanks!?)[.!]*",
    re.IGNORECASE,
)
EMAIL = frozenset({Medium.EMAIL})


def _subject_missing(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    if doc.has_subject:
        return
    target = anchor_span(doc, "salutation")
    yield Hit(target.start, target.end)


def _subject_generic(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    if doc.subject is None or not _GENERIC_SUBJECT_RE.fullmatch(doc.slice(doc.subject)):
        return
    label = "Checking in" if ctx.stage is Stage.CHECK_IN else "Thank you"
    if ctx.interview is None:  # no record: say what to add, offer no fix with a blank in it
        yield Hit(doc.subject.start, doc.subject.end, message=(
            f"A bare, generic subject; add the role and the day, e.g. \u201c{label} — "
            "(role) interview on (day)\u201d."))
        return
    yield Hit(doc.subject.start, doc.subject.end,
              suggestion=f"{label} — {ctx.interview.role} interview")


def _word_limit(medium: Medium) -> str:
    return {Medium.EMAIL: "email_words_max", Medium.LINKEDIN_MESSAGE: "linkedin_message_words",
            Medium.CARD: "card_words_max"}[medium]


def _too_long(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    if ctx.medium is Medium.LINKEDIN_NOTE:
        limit = cfg.limit("linkedin_note_chars")
        body = doc.text[doc.body_start:].strip()
        if len(body) > limit:
            lead = doc.body_start + doc.text[doc.body_start:].index(body[0])
            over = lead + limit
            yield Hit(over, lead + len(body), severity=Severity.ERROR, scope=Scope.SPAN,
                      why=LENGTH_WHY[Medium.LINKEDIN_NOTE],
                      message=(f"{len(body)} characters; a LinkedIn connection note holds "
                               f"{limit}, so everything marked here ({len(body) - limit} "
                               "characters) would be cut. Keep the thanks and one point."))
        return
    if ctx.stage is Stage.CHECK_IN and ctx.medium is Medium.EMAIL:
        return  # P10 has the check-in limit
    limit = cfg.limit(_word_limit(ctx.medium))
    words = len(doc.words)
    if words > limit:
        span = anchor_span(doc, "head")
        yield Hit(span.start, span.end, why=LENGTH_WHY[ctx.medium], message=(
            f"{words} words; keep a {ctx.medium.value.replace('-', ' ')} under {limit}."))


# Why the length matters, said for the medium at hand (a card's reason is not LinkedIn's).
LENGTH_WHY = {
    Medium.EMAIL: "Hiring managers skim; a short email is read to the end.",
    Medium.LINKEDIN_MESSAGE: "A LinkedIn message is read on a phone; a long one is skimmed.",
    Medium.LINKEDIN_NOTE: "LinkedIn cuts a connection note off at its limit.",
    Medium.CARD: "A card has room for a few lines in your hand; more will not fit or be read.",
}


def _no_greeting(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    if doc.salutation is None and doc.words and generic_greeting(doc) is None:
        first = doc.body_lines[0] if doc.body_lines else None
        if first is not None:
            person = ctx.interviewer
            name = (person.salutation or person.name) if person is not None else None
            yield Hit(first.start, first.end, message=(
                f"No greeting: open with their name (\u201cDear {name},\u201d)." if name else None))


def _subject_elsewhere(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    if doc.subject is not None:
        # The fix drops the whole `Subject:` line and the blank lines after it: deleting only
        # its text would leave a bare "Subject:" behind, still flagged.
        start = doc.text.rfind("\n", 0, doc.subject.start) + 1
        rest = doc.text[doc.body_start:]
        end = doc.body_start + len(rest) - len(rest.lstrip())
        medium = ctx.medium.value.replace("-", " ")
        yield Hit(start, end, suggestion="", why=(
            f"A {medium} has no subject; a `Subject:` line would be sent as text."))


_BODY = "Dear Dana,\n\nThank you for yesterday.\n\nBest regards,\nPriya"
_LONG = "Dear Dana,\n\n" + "Thank you for the time and the tour of the platform. " * 30
NOT_EMAIL = frozenset({Medium.LINKEDIN_MESSAGE, Medium.LINKEDIN_NOTE, Medium.CARD})

RULES = (
    Logic(
        id="p03.no-subject", practice="P3", severity=Severity.SUGGESTION,
        message="No subject line: start with `Subject: …` naming the role and the interview.",
        why="A clear subject gets the email opened and found again.",
        fail=(_BODY,), passes=("Subject: Thank you — Senior Data Engineer interview\n\n" + _BODY,),
        media=EMAIL, scope=Scope.NOTE, fn=_subject_missing,
    ),
    Logic(
        id="p03.generic-subject", practice="P3", severity=Severity.WARNING,
        message="A bare, generic subject; name the role (and the day).",
        why="\u201cThank you\u201d alone looks like spam and is hard to find in a busy inbox.",
        fail=("Subject: Thank you\n\n" + _BODY, "Subject: Follow up\n\n" + _BODY),
        passes=("Subject: Thank you — Senior Data Engineer interview\n\n" + _BODY,),
        media=EMAIL, fn=_subject_generic,
    ),
    Logic(
        id="p03.too-long", practice="P3", severity=Severity.WARNING,
        message="Too long for this medium.",
        why="Each medium has a length readers expect.",
        fail=(_LONG, Example("Hi Dana, " + "thanks for the great chat about Kafka. " * 10,
                             "linkedin-note")),
        passes=(_BODY, Example("Hi Dana, thanks for the chat about Kafka streaming today!",
                               "linkedin-note")),
        scope=Scope.NOTE, fn=_too_long,
    ),
    Logic(
        id="p03.no-greeting", practice="P3", severity=Severity.SUGGESTION,
        message="No greeting: open with the interviewer's name (\u201cDear Dana,\u201d).",
        why="A message that opens with their name reads as written for them.",
        fail=("Thank you for yesterday.\n\nBest regards,\nPriya",),
        passes=(_BODY, Example("Hi Layla, thanks again for Monday.\n\nBest,\nNgozi",
                               "linkedin-message")),
        media=frozenset({Medium.EMAIL, Medium.LINKEDIN_MESSAGE, Medium.CARD}), fn=_no_greeting,
        scope=Scope.NOTE,
    ),
    Logic(
        id="p03.subject-not-email", practice="P3", severity=Severity.SUGGESTION,
        message="A subject line only makes sense for email; drop it here.",
        why="Only an email has a subject; elsewhere a `Subject:` line would be sent as text.",
        fail=(Example("Subject: Thanks\n\nHi Dana, thanks for today!", "linkedin-message"),),
        passes=(Example("Hi Dana, thanks for today!", "linkedin-message"),),
        media=NOT_EMAIL, fn=_subject_elsewhere,
    ),
)

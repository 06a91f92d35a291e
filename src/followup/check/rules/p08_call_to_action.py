"""P8 call to action, not pushy: offer more, invite contact — never demand, press or plead.

Strength decides severity: demands, deadlines and presuming the job are errors; softer
pressure (exclamation runs, "ASAP", nudging for a decision), guilt in a thank-you, and
desperate or over-apologetic phrasing are warnings. Reaffirmed interest lives in
`interest.py` and reports under this practice too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from followup.check.context import CheckContext
from followup.check.document import Document
from followup.check.kinds import Existence, Hit, Logic, Required, Settings
from followup.model import Medium, Severity, Stage

OFFERS = (
    r"\b(?:please )?(?:let me know|feel free|do not hesitate|don['’]t hesitate|reach out)\b",
    r"\bhappy to (?:provide|share|send|answer|discuss|talk|walk|go|help|clarify|expand|meet|"
    r"chat|follow)\b",
    r"\bglad to (?:provide|share|send|answer|discuss|talk|help|clarify|expand|meet|chat)\b",
    r"\b(?:any|further|other|additional|more) (?:questions|information|details|examples)\b",
    r"\bi (?:am|['’]m|remain) (?:available|around|free)\b",
    r"\bavailable (?:for|to|if|whenever|at)\b",
    r"\blook(?:ing)? forward to (?:hearing|the next|next steps|continuing|speaking|talking|"
    r"your|learning|meeting)\b",
    r"\bcould you (?:share|let me know)\b",
    r"\bwould you (?:be able to|mind)\b",
    r"\bif (?:it|that) would help\b",
    r"\bif (?:you|there) (?:need|is|are|have|would like|want)\b",
    r"\b(?:let['’]s|we could|i could) (?:talk|chat|meet|continue|discuss)\b",
)
DEMANDS = (
    r"\bwhen (?:can|do|shall|will|should) i start\b",
    r"\bwhat (?:is|['’]s) my start date\b",
    r"\bi (?:expect|demand|require|insist on) (?:an? )?(?:answer|response|reply|decision|offer|"
    r"to hear)\b",
    r"\b(?:respond|reply|answer|get back to me|decide)(?: to me)? (?:by|before|within|no later "
    r"than)\b",
    r"\bi need (?:an? )?(?:answer|response|decision|offer) (?:by|before|within|today|now|asap)\b",
    r"\bi (?:will|['’]ll) (?:accept|take) (?:another|the other) offer\b",
    r"\bunless i hear (?:back )?(?:from you )?by\b",
    r"\b(?:send|make) me (?:an|the|your) offer\b",
    r"\bi (?:deserve|am owed) (?:this|the) (?:job|role|position)\b",
)
PRESSURE = (
    r"\basap\b",
    r"\bas soon as possible\b",
    r"\burgent(?:ly)?\b",
    r"\bi have (?:another|other|a competing|competing) offers?\b",
    r"\bwhen (?:i|i['’]m) (?:join|start)(?:ing)?\b",
    r"\bonce i (?:join|start|am on board)\b",
    r"\bas your new\b",
    r"\bi (?:am|['’]m) (?:sure|certain|confident) (?:that )?(?:you['’]ll|you will) "
    r"(?:hire|choose|pick|select) me\b",
    r"\blook(?:ing)? forward to (?:your offer|the offer|receiving (?:an|the|your) offer|"
    r"starting (?:on|in|at|next))\b",
    r"\bwhen will i hear\b",
)
DESPERATE = (
    r"\bi (?:really |desperately |truly )?need this (?:job|role|position)\b",
    r"\b(?:please|i beg you to) give me (?:a|this) chance\b",
    r"\bi(?: am|['’]m) desperate\b",
    r"\bi(?: would|['’]d) do anything\b",
    r"\bsorry (?:to|for) (?:bother|disturb|trouble|take up|taking up)(?:ing)?\b",
    r"\bi apologi[sz]e (?:for|if) (?:bothering|disturbing|taking|my|the|any|wasting)\b",
    r"\bsorry if (?:i|this) (?:wasted|was|am|is)\b",
    r"\bbegging\b",
    r"\bthis (?:job|role) (?:is|means) everything to me\b",
    r"\bi know i (?:probably )?(?:messed|screwed|blew) (?:up|it)\b",
)
GUILT_THANK_YOU = (
    r"\bi (?:have|['’]ve) not heard back\b",
    r"\bi haven['’]t heard back\b",
    r"\bstill (?:waiting|no (?:reply|response|word))\b",
    r"\byou (?:never|didn['’]t|did not|haven['’]t|have not) (?:replied|reply|respond|responded|"
    r"answered|got back)\b",
)
_EXCLAIM_RE = re.compile(r"!+")


def _exclamations(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    runs = list(_EXCLAIM_RE.finditer(doc.text, doc.body_start, len(doc.text)))
    for run in runs:
        if run.end() - run.start() > 1:
            yield Hit(run.start(), run.end(), suggestion="!")
    marks = [m.start() for m in runs if m.end() - m.start() == 1]
    if len(runs) > 2 and len(marks) > 2:
        yield Hit(marks[2], marks[2] + 1, message=(
            f"{len(marks)} exclamation marks; keep at most one, the enthusiasm shows in the words."
        ), suggestion=".")


_CTA_FAIL = ("Dear Dana,\n\nThank you for yesterday. The Kafka plans sound exciting.\n\n"
             "Best regards,\nPriya")
_CTA_PASS = ("Dear Dana,\n\nThank you for yesterday. Please let me know if I can share more "
             "about my Kafka work.\n\nBest regards,\nPriya")

RULES = (
    Required(
        id="p08.no-call-to-action", practice="P8", severity=Severity.WARNING,
        message="No offer to help further: invite questions or say you are available.",
        why="An open door keeps the dialogue going without pressure.",
        fail=(_CTA_FAIL,), passes=(_CTA_PASS,),
        patterns=OFFERS, where="content", anchor="last-paragraph",
        stages=frozenset({Stage.THANK_YOU}),
        media=frozenset({Medium.EMAIL, Medium.LINKEDIN_MESSAGE}),
    ),
    Existence(
        id="p08.demand", practice="P8", severity=Severity.ERROR,
        message="A demand or a deadline: this reads as pressure on the interviewer.",
        why="Pressing for an answer or presuming the job closes doors; let them set the pace.",
        fail=("When can I start?", "Please respond by Friday.", "I expect an answer this week."),
        passes=("Please let me know if I can share anything else.",),
        patterns=DEMANDS,
    ),
    Existence(
        id="p08.pushy-phrase", practice="P8", severity=Severity.WARNING,
        message="Pushy or presumptuous phrasing.",
        why="Urgency and presuming the outcome come off as pushy; stay open and available.",
        fail=("I have another offer, so please hurry.", "Please reply ASAP.",
              "Once I join, I will fix the pipelines."),
        passes=("I would be glad to help with the pipelines.",),
        patterns=PRESSURE,
    ),
    Logic(
        id="p08.exclamations", practice="P8", severity=Severity.WARNING,
        message="Too many exclamation marks.",
        why="A string of exclamation marks sounds breathless rather than professional.",
        fail=("Thanks! It was great! I loved it!", "Thank you!!!"),
        passes=("Thanks! It was great.",),
        fn=_exclamations,
    ),
    Existence(
        id="p08.desperate", practice="P8", severity=Severity.WARNING,
        message="Desperate or over-apologetic phrasing.",
        why="Pleading or apologising for their time undercuts the confident fit you want "
            "to show.",
        fail=("I really need this job.", "Sorry to bother you again."),
        passes=("I would welcome the chance to contribute.",),
        patterns=DESPERATE,
    ),
    Existence(
        id="p08.guilt", practice="P8", severity=Severity.WARNING,
        message="Guilt-tripping: do not reproach them for silence.",
        why="Reproach makes a reply awkward; a friendly note makes it easy.",
        fail=("I haven't heard back from you yet.",), passes=("I hope your week is going well.",),
        patterns=GUILT_THANK_YOU, stages=frozenset({Stage.THANK_YOU}),
    ),
)

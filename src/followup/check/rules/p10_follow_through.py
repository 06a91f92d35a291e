"""P10 follow through: a check-in is short, recalls the interview and role, asks politely
about timing, and never guilt-trips. These rules apply to the check-in stage only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from followup.check.context import CheckContext
from followup.check.document import Document
from followup.check.kinds import Existence, Hit, Logic, Required, Settings, anchor_span
from followup.model import Severity, Stage

CHECK_IN = frozenset({Stage.CHECK_IN})
_REFERENCE_RE = re.compile(
    r"\b(?:interview(?:ed)?|conversation|spoke|speaking|met|meeting|call|chat(?:ted)?|"
    r"talked|discussion|role|position|opening|application)\b", re.IGNORECASE)
TIMING_QUESTION = (
    r"\b(?:update|timeline|time ?frame|next steps?|where things stand|status|decision|"
    r"hiring process|process)\b[^.?!\n]{0,80}\?",
    r"\b(?:could|would|might) you (?:share|let me know|tell me)\b[^.?!\n]{0,80}"
    r"(?:update|timeline|next steps?|process|decision|status)",
    r"\b(?:any|an) (?:update|news)\b",
    r"\bwhere (?:things|the process) stand",
)
GUILT = (
    r"\bi (?:have|['’]ve) not heard back\b",
    r"\bi haven['’]t heard (?:back|anything)\b",
    r"\bdespite (?:my|several|multiple|repeated)\b",
    r"\bstill (?:waiting|no (?:reply|response|word|answer))\b",
    r"\byou (?:never|didn['’]t|did not|haven['’]t|have not) (?:replied|reply|respond|responded|"
    r"answered|got back|gotten back)\b",
    r"\bas i (?:said|mentioned|wrote) in my (?:last|previous|earlier) (?:email|message|note)\b",
    r"\bit has been (?:over |more than )?(?:a|two|three|\d+) weeks? (?:already|now)\b",
    r"\bi would appreciate the courtesy\b",
    r"\bcommon courtesy\b",
)


def _too_long(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    limit = cfg.limit("check_in_words_max")
    if len(doc.words) > limit:
        target = anchor_span(doc, "content")
        yield Hit(target.start, target.end,
                  message=f"{len(doc.words)} words; a check-in should stay under {limit}.")


def _no_reference(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    text = doc.text
    if _REFERENCE_RE.search(text):
        return
    interview = ctx.interview
    if interview is not None and (interview.role.lower() in text.lower()
                                  or interview.company.lower() in text.lower()):
        return
    target = anchor_span(doc, "opening")
    yield Hit(target.start, target.end)


_GOOD = ("Subject: Checking in — Senior Data Engineer\n\nDear Dana,\n\nI hope your week is "
         "going well. I am still very interested in the Senior Data Engineer role we discussed "
         "on November 24. Could you share an update on the timeline for next steps?\n\n"
         "Best regards,\nPriya")

RULES = (
    Logic(
        id="p10.too-long", practice="P10", severity=Severity.WARNING,
        message="Too long for a check-in.", why="A check-in is a short, easy nudge.",
        fail=("Dear Dana,\n\n" + "I am writing to follow up on my application and interview. "
              * 14,),
        passes=(_GOOD,), example_context="check-in", stages=CHECK_IN, fn=_too_long,
    ),
    Logic(
        id="p10.no-reference", practice="P10", severity=Severity.WARNING,
        message="Say which interview and role you are checking in about.",
        why="They see many candidates; naming the role and date saves them a search.",
        fail=("Dear Dana,\n\nI hope you are well. Is there any update?\n\nBest,\nPriya",),
        passes=(_GOOD,), example_context="check-in", stages=CHECK_IN, fn=_no_reference,
    ),
    Required(
        id="p10.no-timing-question", practice="P10", severity=Severity.WARNING,
        message="Ask politely about the timeline or next steps.",
        why="A clear, easy question is what makes a reply likely.",
        fail=("Dear Dana,\n\nI am still interested in the Senior Data Engineer role.\n\n"
              "Best,\nPriya",),
        passes=(_GOOD,), example_context="check-in", stages=CHECK_IN,
        patterns=TIMING_QUESTION, where="content", anchor="last-paragraph",
    ),
    Existence(
        id="p10.guilt", practice="P10", severity=Severity.ERROR,
        message="Guilt-tripping about the silence.",
        why="Reproach makes replying awkward; a friendly note makes it easy.",
        fail=("I haven't heard back despite my two emails.",
              "As I said in my last email, I am waiting."),
        passes=(_GOOD,), example_context="check-in", stages=CHECK_IN, patterns=GUILT,
    ),
)

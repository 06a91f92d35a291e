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
from followup.model.report import Scope

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
    r"\b(?:love|like|glad|grateful|appreciate|keen|happy)(?: to)? (?:hear|know|learn)(?:ing)? "
    r"(?:how|where|about|if|whether|what|when)\b[^.?!\n]{0,60}(?:process|timeline|next steps?|"
    r"decision|things|search|hiring)",
)
_ADV = r"(?:still |yet |really |even )?"
_NUMBER = r"(?:two|three|four|five|several|multiple|many|a few|a couple of|repeated|\d+)"
_ORDINAL = r"(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))"
_MAILS = r"(?:emails?|e-mails?|messages?|notes?|voicemails?|calls?|follow-ups?)"
GUILT = (
    rf"\bi {_ADV}(?:have|['’]ve) {_ADV}not {_ADV}heard (?:back|anything|a word|from you)\b",
    rf"\bi {_ADV}haven['’]t {_ADV}heard (?:back|anything|a word|from you)\b",
    rf"\bi {_ADV}(?:have not|haven['’]t|did not|didn['’]t) {_ADV}(?:received|gotten|got|had) "
    r"(?:any|a) (?:response|reply|answer|word|feedback|update|news)\b",
    r"\bdespite (?:my|several|multiple|repeated)\b",
    r"\bstill (?:waiting|no (?:reply|response|word|answer|news|update))\b",
    r"\byou (?:never|didn['’]t|did not|haven['’]t|have not) (?:replied|reply|respond|responded|"
    r"answered|got back|gotten back|gotten back to me)\b",
    rf"\bas i (?:said|mentioned|wrote|noted|explained) (?:in|on) my (?:last|previous|earlier|"
    rf"{_NUMBER}|last {_NUMBER}|previous {_NUMBER}) {_MAILS}\b",
    rf"\b(?:this is|here is) my {_ORDINAL} (?:{_MAILS}|attempt|time (?:writing|reaching out))\b",
    rf"\bi (?:have|['’]ve) (?:now )?(?:emailed|written to|messaged|called|contacted|reached out "
    rf"to|followed up with) you {_NUMBER} times\b",
    rf"\bdid you (?:get|receive|see|read) my (?:last|previous|earlier|other) {_MAILS}\b",
    r"\b(?:some|any) (?:kind|sort) of (?:reply|response|answer)\b",
    r"\b(?:a|any) (?:quick |short |simple )?(?:reply|response|answer) would be (?:nice|polite|"
    r"courteous|the least)\b",
    r"\bit(?: has|['’]s) been (?:over |more than )?(?:a|two|three|\d+) weeks? (?:already|now)\b",
    r"\bi would appreciate the courtesy\b",
    r"\bcommon courtesy\b",
)


def _too_long(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    limit = cfg.limit("check_in_words_max")
    if len(doc.words) > limit:
        target = anchor_span(doc, "head")
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
    target = anchor_span(doc, "head")
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
        scope=Scope.NOTE,
    ),
    Logic(
        id="p10.no-reference", practice="P10", severity=Severity.WARNING,
        message="Say which interview and role you are checking in about.",
        why="They see many candidates; naming the role and date saves them a search.",
        fail=("Dear Dana,\n\nI hope you are well. Is there any update?\n\nBest,\nPriya",),
        passes=(_GOOD,), example_context="check-in", stages=CHECK_IN, fn=_no_reference,
        scope=Scope.NOTE,
    ),
    Required(
        id="p10.no-timing-question", practice="P10", severity=Severity.WARNING,
        message="Ask politely about the timeline or next steps.",
        why="A clear, easy question is what makes a reply likely.",
        fail=("Dear Dana,\n\nI am still interested in the Senior Data Engineer role.\n\n"
              "Best,\nPriya",),
        passes=(_GOOD, "Dear Dana,\n\nI am still keen on the role and would love to hear how "
                "the process is going.\n\nBest,\nPriya"),
        example_context="check-in", stages=CHECK_IN, patterns=TIMING_QUESTION,
        where="content", anchor="tail",
    ),
    Existence(
        id="p10.guilt", practice="P10", severity=Severity.ERROR,
        message="Guilt-tripping about the silence: drop it and simply ask about the timeline.",
        why="Reproach makes replying awkward; a friendly note makes it easy.",
        fail=("I haven't heard back despite my two emails.",
              "As I said in my last email, I am waiting.",
              "I still haven't heard anything since the interview.",
              "As I mentioned in my last three emails, I am interested.",
              "This is my fourth message about the role.",
              "Did you get my last email?",
              "I have emailed you several times now.",
              "I still have not received any response.",
              "I would appreciate some kind of reply.",
              "It's been two weeks already since my interview."),
        passes=(_GOOD, "I know things get busy; I am still very interested in the role.",
                "As I mentioned in the interview, I have run a similar migration."),
        example_context="check-in", stages=CHECK_IN, patterns=GUILT,
    ),
)

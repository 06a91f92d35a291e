"""P8 call to action, not pushy: offer more, invite contact — never demand, press or plead.

Strength decides severity: demands, deadlines and presuming the job are errors; softer
pressure (exclamation runs, "ASAP", nudging for a decision), guilt in a thank-you, and
desperate or over-apologetic phrasing are warnings. Reaffirmed interest lives in
`p08_interest.py` and reports under this practice too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from followup.check.context import CheckContext
from followup.check.document import Document
from followup.check.kinds import Existence, Hit, Logic, Settings, anchor_span
from followup.check.rules.p10_follow_through import GUILT
from followup.model import Medium, Severity, Stage
from followup.model.report import Scope

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
    r"\bif (?:it|that|this) (?:helps|is (?:useful|helpful))\b",
    r"\bi (?:can|could|will|['’]ll) (?:gladly )?(?:send|share|bring|forward|provide)\b"
    r"(?=[^.!?\n]{0,60}\b(?:if|whenever|should|anytime|any time)\b)",
    r"\bif (?:you|there) (?:need|is|are|have|would like|want)\b",
    r"\b(?:let['’]s|we could|i could) (?:talk|chat|meet|continue|discuss)\b",
    # More ways to leave the door open: how to reach you, what you would gladly do next.
    r"\b(?:you can|feel free to|please) (?:reach|contact|call|email|text) me\b",
    r"\b(?:i can be|i['’]m|i am) (?:reached|reachable|contactable)\b",
    r"\b(?:reach|contact|call|email|text) me (?:at|on|any ?time|whenever|if)\b",
    r"\bmy (?:phone|cell|mobile|number|email)(?: number| address)? is\b",
    r"\bshould you (?:need|have|want|wish|require)\b",
    r"\b(?:anything|something) (?:else )?(?:i|that i) (?:can|could) (?:do|send|provide|share|"
    r"clarify|help with|bring)\b",
    r"\bi(?:['’]d| would)(?: also)? (?:be (?:happy|glad|delighted|pleased)|love|welcome (?:the|a|"
    r"any) (?:chance|opportunity)) to\b",
    r"\bi(?:['’]d| would)(?: also)? welcome (?:a|the|any|another|your) (?:chance|opportunity|"
    r"conversation|call|chat|questions?)\b",
    r"\b(?:happy|glad|delighted|pleased) to (?:come|send|share|provide|answer|chat|talk|help)\b",
    r"\b(?:hope|hoping) to (?:hear|speak|talk|continue|meet|work)\b",
    r"\blook(?:ing)? forward to (?:the|our|a|any|another|next|what|working)\b",
    r"\b(?:i['’]m|i am|i['’]ll be|i will be) (?:here|around|reachable) (?:if|for|to|whenever)\b",
    r"\bkeep in touch\b",
    r"\b(?:questions|anything else|more information|references|samples?|a portfolio)"
    r"[^.!?\n]{0,30}\b(?:just ask|let me know|i can send|happy to)\b",
)
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_SPAN_OF_TIME = (r"(?:\d+|a|one|two|three|a few|a couple of|the next(?: few| two| three)?)\s+"
                 r"(?:hours?|hrs?|days?|"
                 r"business days?|working days?|weeks?)")
DEADLINE = (
    r"(?:by|before|no later than|within|in the next)\s+(?:the\s+)?(?:"
    r"end of (?:the |this |next )?(?:day|week|month|business)|eod|eow|cob|close of business|"
    rf"tomorrow|tonight|today|noon|(?:this |next )?(?:{_DAY}|week(?:end)?|month)|"
    rf"{_SPAN_OF_TIME}|{_MONTH}\.? \d{{1,2}}|\d{{1,2}}(?:st|nd|rd|th)?(?: of)? {_MONTH}|"
    r"\d{1,2}(?:st|nd|rd|th))\b"
)
DEMANDS = (
    r"\b(?:when|how soon) (?:can|could|do|shall|will|should|may|might) i start\b",
    r"\bwhen i (?:can|could|should|may|might|will|would|get to|am (?:able|expected|supposed) "
    r"to) start\b",
    r"\b(?:let me know|tell me|confirm|advise|inform me) when i (?:start|begin|join)\b",
    r"\bmy start(?:ing)? date\b",
    # Announcing a start as if hired ("I can start on Monday", "I'll be ready to begin next
    # week"); an answer to their question is reported back and left alone (_REPORTED_RE).
    r"\bi(?: can| could| will|['’]ll| am| would| plan to| intend to)?(?: be)?(?: ready| able| "
    r"available| free| happy)?(?: to)? (?:start|begin|join(?: the team| you)?)(?: work(?:ing)?)? "
    rf"(?:on |this |next |by )?(?:tomorrow|immediately|right away|{_DAY}|(?:next |this )?week|"
    r"(?:next |this )?month|in (?:a|one|two|three|four|\d+) weeks?)\b",
    r"\bwhen (?:can|could|should|will|may|might|do) i (?:expect|receive|get|see|sign) "
    r"(?:the|an|my|your) (?:offer|contract)\b",
    r"\bi (?:expect|demand|require|insist on) (?:an? )?(?:answer|response|reply|decision|offer|"
    r"to hear)\b",
    r"\b(?:respond|reply|answer|get back to me|come back to me|decide|let me know|tell me|"
    r"confirm|make (?:a|your) decision)(?: to me)?(?: [^.?!\n]{0,30}?)? " + DEADLINE,
    r"\bhear(?:ing)?(?: back)?(?: from you)?(?: (?:about|on|regarding) [^.?!\n]{0,30}?)? "
    + DEADLINE,
    r"\b(?:need|have|want|like|hope) to (?:know|hear)(?: back)?(?: [^.?!\n]{0,30}?)? " + DEADLINE,
    r"\b(?:discuss|plan|talk about|schedule|confirm|arrange|go over|prepare for)\s+(?:my|the)\s+"
    r"(?:first day|onboarding(?: plan)?|start(?:ing)? date)\b",
    r"\b(?:need|expect|want|require|would like|hope for|appreciate) (?:to (?:get|receive|have) )?"
    r"(?:an?|your|the|a final) (?:answer|response|reply|decision|offer|feedback)"
    r"(?: [^.?!\n]{0,20}?)? " + DEADLINE,
    r"\bi need (?:an? )?(?:answer|response|decision|offer) (?:today|now|asap)\b",
    r"\bi (?:will|['’]ll) (?:accept|take) (?:another|the other) offer\b",
    r"\bunless i hear (?:back )?(?:from you )?by\b",
    r"\b(?:send|make) me (?:an|the|your) offer\b",
    r"\bi (?:deserve|am owed) (?:this|the) (?:job|role|position)\b",
)
# Words before a match that report THEIR timeline or question ("you mentioned a decision by
# Friday", "the committee will decide by the 4th", "you asked when I could start"): good
# practice to acknowledge, not a demand. "Let me know …" and "tell me …" stay requests.
_REPORTED_RE = re.compile(
    r"(?:\b[Yy]ou\b[^.?!\n]{0,20}?\b(?:mention|said|say|told|note|explain|indicat|expect|plan|"
    r"aim|intend|shar|ask)\w*|\b(?:[Ss]he|[Hh]e|[Tt]hey|team|committee|panel|manager|recruiter|"
    r"[A-Z][a-z]+)(?:['’]d|['’]ll| would| will| (?:is|are) (?:planning|hoping|aiming|expecting)|"
    r" (?:plan|hope|expect|aim|intend|mention|sa(?:id|ys?)|note|told|shar|explain|indicat)\w*)"
    r"\b)[^.?!\n]*$")
_ALWAYS_ASKED_RE = re.compile(r"(?:please )?(?:let me know|tell me)\b", re.IGNORECASE)
_SENTENCE_BREAK_RE = re.compile(r"[.?!\n]")
_DEADLINE_RE = re.compile(r"\b" + DEADLINE, re.IGNORECASE)
_START_RE = re.compile(r"\b(?:start|begin|join|offer|contract|first day|onboarding)\b",
                       re.IGNORECASE)
_NOT_ABOUT_JOB = r"(?! (?:a|an|any|each|every|my|new|work|on|with|by|from|to)\b)"
_DEMAND_RE = re.compile("|".join(f"(?:{p})" for p in DEMANDS), re.IGNORECASE)
PRESSURE = (
    # Urgency counts when it is about their answer, not about pages or the candidate's speed.
    r"\b(?:reply|respond|hear|know|answer|decide|decision|update|get back|feedback|news|"
    r"contact me|call me|get in touch|response|confirm)[^.?!\n]{0,30}?\b(?:asap|as soon as "
    r"possible|urgently|at your earliest convenience)\b",
    r"\b(?:it|this|the matter) is (?:quite |very |rather |a bit )?urgent\b",
    r"\burgently (?:need|require|await|request|ask|hope|waiting)\b",
    r"\burgent (?:reply|response|answer|decision|request)\b",
    r"\bi have (?:another|other|a competing|competing) offers?\b",
    r"\bwhen (?:i|i['’]m) (?:join|start)(?:ing)?\b" + _NOT_ABOUT_JOB,
    r"\bonce i (?:join|start|am on board)\b" + _NOT_ABOUT_JOB,
    r"\bi(?: am|['’]m) (?:the|your) (?:best|ideal|perfect|strongest|right|only) "
    r"(?:candidate|person|fit|choice|hire)\b",
    r"\byou (?:won['’]t|will not|would not|wouldn['’]t) (?:find|meet|get) (?:anyone|someone|a) "
    r"(?:better|stronger|more qualified)\b",
    r"\b(?:discuss|talk about|negotiate|confirm|know|ask about) (?:the |my |your )?"
    r"(?:salary|compensation|pay|package|benefits|equity|bonus|relocation package)\b",
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
    r"\bsorry (?:again )?(?:for|about) (?:rambling|my (?:rambling|nerves|nervousness|answers?|"
    r"performance)|being (?:so )?nervous)\b",
    r"\bi know i(?: am|['’]m) (?:probably |likely )?not (?:what you|the (?:best|strongest|ideal)|"
    r"your (?:first|top|ideal))",
    r"\bi (?:hope|pray|beg) (?:that )?you(?: will|['’]ll)? (?:give me a chance|pick me|choose "
    r"me|hire me)\b",
)
_PRESSURE_RE = re.compile("|".join(f"(?:{p})" for p in PRESSURE), re.IGNORECASE)
_URGENCY_RE = re.compile(r"\b(?:asap|as soon as possible|urgent(?:ly)?)\b", re.IGNORECASE)
# "I can send it as soon as possible" is the candidate's own speed, not pressure on them.
_OWN_ACTION_RE = re.compile(r"\b(?:I|we)(?:['’]ll| will| can| could| would| shall| am (?:happy|"
                            r"glad|able) to)\b[^.?!\n]*$", re.IGNORECASE)
_EXCLAIM_RE = re.compile(r"!+")
_OFFER_RE = re.compile("|".join(f"(?:{p})" for p in OFFERS), re.IGNORECASE)


def _sentence_start(text: str, pos: int, floor: int) -> int:
    """Where the sentence holding `pos` starts (not before `floor`)."""
    start = max(floor, pos - 300)
    last = start
    for match in _SENTENCE_BREAK_RE.finditer(text, start, pos):
        last = match.end()
    return last


def demands(doc: Document) -> list[tuple[int, int]]:
    """Spans of demands and deadlines in the body, minus their own timeline reported back."""
    text = doc.text
    out = []
    for match in _DEMAND_RE.finditer(text, doc.body_start):
        before = text[_sentence_start(text, match.start(), doc.body_start):match.start()]
        if _REPORTED_RE.search(before) and not _ALWAYS_ASKED_RE.match(match.group(0)):
            continue
        out.append((match.start(), match.end()))
    return out


_PLAN_VERB_RE = re.compile(r"(?:discuss|plan|talk about|schedule|confirm|arrange|go over|"
                           r"prepare for)\s+(?=my |the )", re.IGNORECASE)


def _next_steps(found: str) -> str:
    """The "ask about next steps" wording that replaces a presumptuous phrase."""
    low = found.lower()
    verb = _PLAN_VERB_RE.match(found)
    if verb is not None:
        better = verb.group(0) + "the next steps"
    elif low.startswith(("let me know", "tell me", "confirm", "advise", "inform me")):
        better = found.split(" when", 1)[0] + " what the next steps are"
    elif low.startswith("when i"):
        better = "what the next steps are"
    elif low.startswith(("when", "how soon")):
        better = "what are the next steps"
    else:
        better = "the next steps"
    return better[:1].upper() + better[1:] if found[:1].isupper() else better


_ANNOUNCED_START_RE = re.compile(r"i\b", re.IGNORECASE)


def _pushy(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    text = doc.text
    for match in _PRESSURE_RE.finditer(text, doc.body_start):
        if _URGENCY_RE.search(match.group(0)):
            before = text[_sentence_start(text, match.start(), doc.body_start):match.start()]
            if _OWN_ACTION_RE.search(before):
                continue
        yield Hit(match.start(), match.end())


CALM_ASK = "I look forward to hearing about the next steps"
# Words that may open a sentence before a demand and go with it when it is rewritten calmly
# ("Please get back to me by Friday" → the whole request, not "Please I look forward …").
_LEAD_IN_RE = re.compile(
    r"\s*(?:(?:please|kindly|so|and|but|also|then)[ ,]+|(?:could|can|would|will) you(?: "
    r"please)?\s+|i(?:['’]d| would)(?: really)? (?:appreciate|like to|love to)\s+|"
    r"i (?:look|am looking) forward to\s+|i(?:['’]d| would| will)?(?: really| still)?\s+)*",
    re.IGNORECASE)


_HEARING_RE = re.compile(r"hear(?:ing)?(?: back)?(?: from you)?$", re.IGNORECASE)


def _calm_rewrite(doc: Document, start: int, end: int) -> tuple[int, int, str | None]:
    """The span to replace and a calm ask for a deadline demand, or no fix.

    A fix must not press again: dropping only the date is enough for "hearing from you by
    Monday" but leaves "Please get back to me!", still a demand. So unless what is left is
    about hearing from them, a demand that is the whole request (after polite lead-in words)
    becomes "I look forward to hearing about the next steps"; inside a longer sentence no
    mechanical rewrite reads well, so none is offered (the message says what to do).
    """
    text = doc.text
    deadline = _DEADLINE_RE.search(text, start, end)
    kept = text[start:deadline.start() if deadline else end].rstrip(" ,")
    if _HEARING_RE.match(kept):
        return start, end, kept
    sentence_start = _sentence_start(text, start, doc.body_start)
    lead = text[sentence_start:start]
    lead_in = _LEAD_IN_RE.fullmatch(lead)
    if lead_in is None:
        return start, end, None
    begin = sentence_start + len(lead) - len(lead.lstrip())
    if text.startswith("?", end):  # "Could you reply by Monday?" is no longer a question
        return begin, end + 1, CALM_ASK + "."
    return begin, end, CALM_ASK


def _demand(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    for start, end in demands(doc):
        deadline = _DEADLINE_RE.search(doc.text, start, end)
        if deadline is not None:
            begin, stop, calm = _calm_rewrite(doc, start, end)
            yield Hit(begin, stop, suggestion=calm, message=(
                "A deadline for their answer: the interviewer sets the pace, not you. "
                "Drop the date and the push; say you look forward to the next steps."))
        elif _START_RE.search(doc.text, start, end):
            announced = _ANNOUNCED_START_RE.match(doc.text, start) is not None
            yield Hit(start, end, message=(
                "Presumes the job (a start date or an offer): ask about next steps instead."),
                suggestion=None if announced else _next_steps(doc.text[start:end]))
        else:
            yield Hit(start, end)


def _no_offer(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    """An offer counts unless its sentence carries a demand or a deadline."""
    content = doc.content
    pressed = demands(doc)
    for sentence in doc.sentences:
        if not _OFFER_RE.search(doc.text, sentence.start, sentence.end):
            continue
        if not any(sentence.start <= s < sentence.end for s, _ in pressed):
            return
    if not len(content) and not doc.words:
        return
    target = anchor_span(doc, "tail")
    yield Hit(target.start, target.end)


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
_CTA_DEADLINE = _CTA_FAIL.replace("The Kafka plans sound exciting.",
                                  "I look forward to hearing from you by Friday.")
_CTA_PASS = ("Dear Dana,\n\nThank you for yesterday. Please let me know if I can share more "
             "about my Kafka work.\n\nBest regards,\nPriya")

RULES = (
    Logic(
        id="p08.no-call-to-action", practice="P8", severity=Severity.WARNING,
        message="No offer to help further: invite questions or say you are available.",
        why="An open door keeps the dialogue going without pressure.",
        fail=(_CTA_FAIL, _CTA_DEADLINE), passes=(_CTA_PASS,),
        scope=Scope.NOTE, fn=_no_offer,
        stages=frozenset({Stage.THANK_YOU}),
        media=frozenset({Medium.EMAIL, Medium.LINKEDIN_MESSAGE}),
    ),
    Logic(
        id="p08.demand", practice="P8", severity=Severity.ERROR,
        message="A demand or a deadline: this reads as pressure on the interviewer.",
        why="Pressing for an answer or presuming the job closes doors; let them set the pace.",
        fail=("When can I start?", "Please respond by Friday.", "I expect an answer this week.",
              "I have another offer, so I would need to know by Monday.",
              "Could we discuss my first day and the onboarding plan?",
              "I'd appreciate hearing back within the next few days.",
              "Please let me know when I can start.",
              "I look forward to hearing from you by Friday!",
              "Could we talk about my start date?", "When should I expect the offer?",
              "Let me know by the end of the week.",
              "I would appreciate a decision within 48 hours.",
              "I expect an answer by Friday."),
        passes=("Please let me know if I can share anything else.",
                "You mentioned a decision by December 4; I am happy to help before then.",
                "You asked when I could start: my notice period is four weeks.",
                "The committee will decide by Friday, so I wanted to send this today.",
                "When I start a migration, I write the rollback plan first.",
                "I will send the code sample by Friday.",
                "You asked when I could start: I can start in four weeks.",
                "I can start the write-up tonight and send it tomorrow."),
        fn=_demand,
    ),
    Logic(
        id="p08.pushy-phrase", practice="P8", severity=Severity.WARNING,
        message="Pushy or presumptuous phrasing.",
        why="Urgency and presuming the outcome come off as pushy; stay open and available.",
        fail=("I have another offer, so please hurry.", "Please reply ASAP.",
              "Once I join, I will fix the pipelines.",
              "I am confident I am the best candidate you will meet.",
              "Could we also discuss the salary?"),
        passes=("I would be glad to help with the pipelines.",
                "When I start a migration, I write the rollback plan first.",
                "I can send the write-up as soon as possible.",
                "Your on-call team triages urgent pages at night.",
                "We fixed each incident as soon as possible."),
        fn=_pushy,
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
        fail=("I really need this job.", "Sorry to bother you again.",
              "Sorry again for rambling.",
              "I know I'm probably not what you're looking for, but I tried."),
        passes=("I would welcome the chance to contribute.",),
        patterns=DESPERATE,
    ),
    Existence(
        id="p08.guilt", practice="P8", severity=Severity.WARNING,
        message="Guilt-tripping: do not reproach them for silence.",
        why="Reproach makes a reply awkward; a friendly note makes it easy.",
        fail=("I haven't heard back from you yet.",
              "I still haven't heard anything about the next round."),
        passes=("I hope your week is going well.",),
        patterns=GUILT, stages=frozenset({Stage.THANK_YOU}),
    ),
)

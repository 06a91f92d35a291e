"""P7 brief and clear: length, paragraphs, long sentences, reading grade, jargon, walls of text.

Limits come from config (`limits.email_words_ideal_min/max`, `email_paragraphs_max`,
`reading_grade_max`). Hard per-medium maxima are P3's; this practice is about readability.
"""

from __future__ import annotations

from collections.abc import Iterator

from followup.check.context import CheckContext
from followup.check.document import Document
from followup.check.kinds import Existence, Hit, Logic, Settings, anchor_span
from followup.model import Medium, Severity, Stage
from followup.model.report import Scope

LONG_SENTENCE_WORDS = 30
VERY_LONG_SENTENCE_WORDS = 45
WALL_OF_TEXT_WORDS = 120

JARGON = {
    "synergy": "collaboration", "synergies": "shared benefits", "leverage": "use",
    "leveraging": "using", "circle back": "follow up", "touch base": "check in",
    "low-hanging fruit": "quick wins", "move the needle": "make a difference",
    "value-add": "benefit", "best-of-breed": "leading", "paradigm shift": "big change",
    "game-changer": "big improvement", "game changer": "big improvement",
    "rockstar": "strong engineer", "rock star": "strong engineer", "ninja": "expert",
    "guru": "expert", "thought leader": "expert", "results-driven": "",
    "go-getter": "", "self-starter": "", "think outside the box": "think creatively",
    "hit the ground running": "start contributing quickly",
    "deep dive": "close look", "holistic": "complete",
    "disruptive": "new", "win-win": "good for both of us", "utilize": "use",
    "utilise": "use", "going forward": "from now on", "at the end of the day": "",
}


def _long_sentences(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    for sentence in doc.sentences:
        count = len(doc.words_in(sentence))
        if count > LONG_SENTENCE_WORDS:
            severity = Severity.WARNING if count > VERY_LONG_SENTENCE_WORDS else None
            yield Hit(sentence.start, sentence.end, severity=severity,
                      message=f"A {count}-word sentence; split it in two.")


def _grade(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    limit = cfg.limit("reading_grade_max")
    if len(doc.content_words) >= 40 and doc.reading_grade > limit + 2:
        target = anchor_span(doc, "head")
        yield Hit(target.start, target.end, message=(
            f"Reading grade {doc.reading_grade:.0f} (aim at {limit} or below): use shorter "
            "sentences and plainer words."))


def _wall(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    for paragraph in doc.content_paragraphs:
        count = len(doc.words_in(paragraph))
        if count > WALL_OF_TEXT_WORDS:
            yield Hit(paragraph.start, paragraph.end,
                      message=f"A {count}-word paragraph; break it into two or three.")


def _paragraphs(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    limit = cfg.limit("email_paragraphs_max")
    paras = doc.content_paragraphs
    if len(paras) > limit:
        yield Hit(paras[limit].start, paras[-1].end, message=(
            f"{len(paras)} paragraphs; a follow-up needs at most {limit}."))


def _length(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    words = len(doc.words)
    low, high = cfg.limit("email_words_ideal_min"), cfg.limit("email_words_ideal_max")
    top = cfg.limit("email_words_max")
    target = anchor_span(doc, "head")
    if high < words <= top:
        yield Hit(target.start, target.end,
                  message=f"{words} words; the ideal is {low}–{high}. Trim what they already know.")
    elif 0 < words < low // 2:
        yield Hit(target.start, target.end, message=(
            f"Only {words} words; add a specific point from the conversation and your fit."))


_SHORT = "Dear Dana,\n\nThank you for yesterday. I enjoyed it.\n\nBest,\nPriya"
_LONGISH = ("Dear Dana,\n\n" + "Thank you for the time and the tour of the data platform. " * 19
            + "\n\nBest regards,\nPriya")
_MID = ("Dear Dana,\n\n" + "Thank you for the time and the tour of the data platform. " * 8
        + "\n\nBest regards,\nPriya")
_EMAIL = frozenset({Medium.EMAIL})
# Self-descriptions every applicant writes: they tell nothing until an example shows them.
CLICHES = (
    r"\bhard[- ]?(?:worker|working)\b",
    r"\bteam[- ]player\b",
    r"\b(?:very |really |truly |deeply )?passionate (?:about|for)\b",
    r"\bdetail[- ]oriented\b",
    r"\bpeople[- ]person\b",
    r"\b(?:quick|fast) learner\b",
    r"\bgo(?:es|ing)? (?:above and beyond|the extra mile)\b",
    r"\bwear(?:ing)? many hats\b",
    r"\b1[01]0 ?(?:%|percent)\b",
    r"\bperfectionist\b",
    r"\bresults[- ]oriented\b",
    r"\bdynamic (?:individual|professional|person)\b",
)

RULES = (
    Logic(
        id="p07.long-sentence", practice="P7", severity=Severity.SUGGESTION,
        message="A very long sentence.", why="Short sentences are read; long ones are skimmed.",
        fail=("Thank you for the time yesterday and for walking me through the platform, the "
              "team, the roadmap, the on-call rotation, the hiring plans and the way the "
              "analysts and engineers agree on definitions of the metrics they share.",),
        passes=(_SHORT,), fn=_long_sentences,
    ),
    Logic(
        id="p07.reading-grade", practice="P7", severity=Severity.SUGGESTION,
        message="Hard to read.", why="Plain language reads faster and sounds more confident.",
        fail=("Thank you. " + "Organizational considerations notwithstanding, interdisciplinary "
              "collaboration necessitates comprehensive institutionalized communication "
              "methodologies. " * 6,),
        passes=(_SHORT,), scope=Scope.NOTE, fn=_grade,
    ),
    Existence(
        id="p07.jargon", practice="P7", severity=Severity.SUGGESTION,
        message="Jargon or a buzzword: say it plainly.",
        why="Buzzwords sound like a template and hide what you mean.",
        fail=("I would love to leverage my skills and create synergy.",),
        passes=("I would love to use my Kafka experience on your platform.",),
        patterns=tuple(r"\b" + k.replace(" ", r"\s+").replace("-", r"[- ]") + r"\b"
                       for k in JARGON), replace=JARGON,
    ),
    Existence(
        id="p07.cliche", practice="P7", severity=Severity.SUGGESTION,
        message="A cliché: show it with one specific example instead.",
        why="Every applicant calls themselves hard-working; a concrete example is remembered.",
        fail=("I am a hard worker and a team player.",
              "I am passionate about patient care."),
        passes=("I covered three night shifts when our unit was short, and kept every "
                "handoff on time.",),
        patterns=CLICHES, where="content",
    ),
    Logic(
        id="p07.wall-of-text", practice="P7", severity=Severity.WARNING,
        message="A wall of text.", why="A long block is skipped; short paragraphs are read.",
        fail=("Thank you for the time and the tour of the data platform. " * 13,),
        passes=(_SHORT,), fn=_wall,
    ),
    Logic(
        id="p07.paragraphs", practice="P7", severity=Severity.WARNING,
        message="Too many paragraphs.", why="A follow-up should not exceed a few paragraphs.",
        fail=("Dear Dana,\n\nThanks.\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nBest,\nPriya",),
        passes=(_SHORT,), media=_EMAIL, fn=_paragraphs,
    ),
    Logic(
        id="p07.length", practice="P7", severity=Severity.SUGGESTION,
        message="Outside the ideal length.",
        why="Long enough to be specific, short enough to read in a minute: 75–200 words.",
        fail=(_LONGISH, _SHORT), passes=(_MID,),
        media=_EMAIL, stages=frozenset({Stage.THANK_YOU}), scope=Scope.NOTE, fn=_length,
    ),
)

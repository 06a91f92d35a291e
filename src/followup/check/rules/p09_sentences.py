"""P9 proofread, sentence shape: comma splices, and note shorthand left in a letter.

Shorthand ("4 yrs w/ the night team", "~40 staff", "BLS + ACLS", "why A and not B??") is
found by `language/shorthand.py`, the same table the composer writes out, so a draft the
composer makes never carries what the checker would flag; the fix is the written-out word.

"Thank you for the interview yesterday, it was great to meet the team." A splice is a comma
between two clauses that could each stand alone, with no joining word: on its left a clause
(a finite verb, or the "Thank you …" that opens most notes), not opened by a subordinating
word ("When we spoke, it was…" is fine); on its right a subject pronoun followed at once by
a finite verb ("it was", "I learned", "we have", "she said"). A finite verb is a form of
"be"/"have"/"do", a modal, or a past or third-person form of any verb, recognised with
lemminflect's morphology, not a list. Short asides ("…, I think.") are not splices.
The fix ends the first sentence there: ", it was" → ". It was".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from followup.check.context import CheckContext
from followup.check.document import Document
from followup.check.kinds import Hit, Logic, Settings
from followup.model import Severity

_AUX_WORDS = """am is are was were be been has have had do does did will would can could shall
should may might must 'm 's 're 've 'll 'd ’m ’s ’re ’ve ’ll ’d"""
_AUX = frozenset(_AUX_WORDS.split())
_SUBJECTS = frozenset({"i", "it", "we", "they", "he", "she", "you", "there", "this"})
_SUBORDINATE_WORDS = """if when whenever although though because since as while after before
once unless until whether where wherever so even just like"""
_SUBORDINATE = frozenset(_SUBORDINATE_WORDS.split())
_ASIDES = re.compile(r"\s*(?:I|we) (?:think|believe|hope|guess|mean|suppose|feel|agree)\b"
                     r"[^,;.!?]{0,12}[.!?]?\s*$", re.IGNORECASE)
_WORD_RE = re.compile(r"[A-Za-z’']+")
_THANKS_RE = re.compile(r"\s*(?:thank you|thanks|many thanks)\b", re.IGNORECASE)
_COMMA_RE = re.compile(r",[ \t]+")


@lru_cache(maxsize=8192)
def is_finite_verb(word: str) -> bool:
    """A word that can only be a verb carrying tense here: an auxiliary or modal, or a past
    ("learned", "taught") or third-person ("helps") form of a verb (lemminflect)."""
    low = word.lower()
    if low in _AUX:
        return True
    if low.endswith("ing"):
        return False
    from lemminflect import getAllLemmas

    # A verb form other than its lemma that is no -ing form: past ("taught") or -s ("helps").
    return any(lemma != low for lemma in getAllLemmas(low).get("VERB", ()))


def _is_clause(left: str) -> bool:
    words = _WORD_RE.findall(left)
    if len(words) < 2 or words[0].lower() in _SUBORDINATE:
        return False
    if _THANKS_RE.match(left):
        return True
    return any(is_finite_verb(w) for w in words[1:])


def _splices(doc: Document) -> Iterator[tuple[int, int, str]]:
    text = doc.text
    for sentence in doc.sentences:
        start = sentence.start
        for comma in _COMMA_RE.finditer(text, sentence.start, sentence.end):
            left = text[start:comma.start()]
            right = text[comma.end():sentence.end]
            words = _WORD_RE.findall(right[:40])
            start = comma.end()
            if len(words) < 2 or words[0].lower() not in _SUBJECTS:
                continue
            if not is_finite_verb(words[1]) or _ASIDES.match(right):
                continue
            if words[0] == "this" and words[1].lower() not in _AUX:
                continue
            if not _is_clause(left) or ";" in left:
                continue
            first = words[0]
            fixed = ". " + (first if first == "I" else first[:1].upper() + first[1:])
            yield comma.start(), comma.end() + len(first), fixed


def _comma_splice(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    for start, end, fixed in _splices(doc):
        yield Hit(start, end, suggestion=fixed)


_SYMBOLS = ((re.compile(r"\s*(?:->|=>|→)\s*"), " to "),
            (re.compile(r"(?<=[A-Za-z0-9)]) \+ (?=[A-Za-z0-9(])"), " and "),
            (re.compile(r"(?<![\w~])~\s*(?=\d)"), "about "),
            (re.compile(r"\?{2,}"), "?"))


def _shorthand(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    from followup.language import shorthand

    text = doc.text
    for item in shorthand.find(text):
        yield Hit(item.start, item.end, suggestion=item.expansion or None)
    for pattern, replacement in _SYMBOLS:
        for match in pattern.finditer(text):
            yield Hit(match.start(), match.end(), suggestion=replacement)


RULES = (
    Logic(
        id="p09.shorthand", practice="P9", severity=Severity.WARNING,
        message="Note shorthand: write it out in a letter.",
        why="Abbreviations and symbols from your notes read as hurried in a note to a "
            "hiring manager.",
        fail=("I have 4 yrs on a telemetry unit.",
              "I worked w/ the night team on rapid responses.",
              "The unit has ~40 staff on nights.",
              "I hold current BLS + ACLS."),
        passes=("I have four years on a telemetry unit.",
                "I worked in the ICU and the PACU with the night team.",
                "The unit has about 40 staff on nights.",
                "Hartley & Sons Electrical was founded in 1961."),
        fn=_shorthand,
    ),
    Logic(
        id="p09.comma-splice", practice="P9", severity=Severity.WARNING,
        message="A comma splice: two sentences joined by a comma. End the first one there.",
        why="Run-on sentences read as hasty; a full stop makes each point land.",
        fail=("Thank you for the interview yesterday, it was great to meet the team.",
              "The tour was fun, I learned a lot about the ward.",
              "I enjoyed our talk, we covered a lot of ground."),
        passes=("Thank you for the interview yesterday. It was great to meet the team.",
                "When we spoke about the ward, it was clear how much you care.",
                "The plan sounds good, I think.",
                "Thank you, Dana, for the tour.",
                "After the tour, I met the charge nurse, and she showed me the unit."),
        fn=_comma_splice,
    ),
)

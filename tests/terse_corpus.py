"""The terse-notes corpus (tests/corpus/terse): records as people jot them after interviews in
many lines of work, and the mechanical faults a draft made from them must not have.

Shared by the composer's corpus tests and bench/bench_compose_corpus.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from followup.language import lexicon, shorthand
from followup.model import Interview
from followup.notes import parse_notes

TERSE = Path(__file__).parent / "corpus" / "terse"


@dataclass(frozen=True)
class Expected:
    """What a careful reader says a letter from this file must respect."""

    salutation_formal: dict[str, str] = field(default_factory=dict)
    salutation_casual: dict[str, str] = field(default_factory=dict)
    notes_to_self: tuple[str, ...] = ()
    shorthand: tuple[str, ...] = ()


def expectations() -> dict[str, Expected]:
    path = TERSE / "EXPECTED.yaml"
    if not path.exists():
        return {}
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {key: Expected(dict(v.get("salutation_formal") or {}),
                          dict(v.get("salutation_casual") or {}),
                          tuple(v.get("notes_to_self") or ()), tuple(v.get("shorthand") or ()))
            for key, v in raw.items()}


def records() -> Iterator[tuple[str, Interview]]:
    """Every record of the corpus, with its path relative to the corpus folder."""
    for path in sorted(TERSE.glob("*/*.md")):
        yield str(path.relative_to(TERSE)), parse_notes(path.read_text(encoding="utf-8"),
                                                         source=str(path))


# A sentence ends at . ! ? (and a closing quote or bracket) before a capital or the end, but
# not after an abbreviation or an initial ("Dr.", "St.", "Co.", "J.").
_END_RE = re.compile(r"(?<!\b[A-Z])(?<!\bDr)(?<!\bSt)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bCo)"
                     r"(?<!\bInc)(?<!\bCorp)(?<!\bLtd)(?<!\bProf)(?<!\bRev)(?<!\bSgt)"
                     r"(?<!\bJr)(?<!\bSr)(?<!\bNo)(?<!\bvs)(?<!\bMt)(?<!\bFt)(?<!\be\.g)"
                     r"(?<!\bi\.e)(?<!\bCapt)(?<!\bLt)(?<!\bCol)(?<!\bGen)(?<!\bA)"
                     r"[.!?]+[\"”’)]*(?=\s+[^a-z\s]|\s*$)")


def _sentences(text: str) -> list[str]:
    out, start = [], 0
    for match in _END_RE.finditer(text):
        word = re.search(r"(\w+)$", text[:match.start()])
        if match.group().startswith(".") and word and word.group(1)[:1].isupper() and len(
                word.group(1)) <= 4 and not word.group(1).isupper():
            continue   # "Sdn. Bhd.", "Mdm. Chua": an abbreviation, not a sentence end
        out.append(text[start:match.end()])
        start = match.end()
    out.append(text[start:])
    return [s for s in out if s.strip()]
_DOUBLED_RE = re.compile(r"\.\.(?!\.)|,,|;;|::|\s[,.;:!?]|\?\?|!!|\(\s*\)|\(\)")
_SYMBOL_RE = re.compile(r"(?<!\w)(?:->|=>|~|w/o?|b/c)(?!\w)|\s\+\s|\s&\s(?=[a-z])")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def body_sentences(body: str) -> list[str]:
    """The sentences of a letter's body: without greeting, closing and signature lines."""
    paragraphs = [p.strip() for p in body.strip().split("\n\n") if p.strip()]
    if len(paragraphs) >= 3:
        paragraphs = paragraphs[1:-1]
    elif paragraphs and paragraphs[0].endswith(","):
        paragraphs = paragraphs[1:]
    text = " ".join(" ".join(p.split("\n")[:1]) if len(p.split("\n")) > 1 else p
                    for p in paragraphs)
    return [s.strip() for s in _sentences(text)]


def has_verb(sentence: str) -> bool:
    """Whether a sentence has a verb (a colon list after a full clause counts as one)."""
    head = sentence.split(":")[0]
    for word in _WORD_RE.findall(head):
        low = word.lower()
        if low in lexicon.AUXILIARIES or low in lexicon.CONTRACTED_SUBJECTS:
            return True
        if lexicon.verb_forms(low) - {"VBG"} and not (word[:1].isupper() and word != head[
                :len(word)]):
            return True
    return False


def faults(body: str, subject: str = "") -> list[str]:
    """The mechanical faults of a draft (empty: none)."""
    found: list[str] = []
    for item in shorthand.find(body):
        found.append(f"shorthand {item.text!r}")
    for match in _SYMBOL_RE.finditer(body):
        found.append(f"note symbol {match.group()!r}")
    for match in _DOUBLED_RE.finditer(body.replace("\n", " ")):
        found.append(f"doubled or stray punctuation {match.group()!r}")
    for sentence in body_sentences(body):
        first = _WORD_RE.search(sentence)
        if first and first.group()[:1].islower() and first.start() < 3:
            found.append(f"sentence starts in lower case: {sentence!r}")
        if not has_verb(sentence):
            found.append(f"sentence without a verb: {sentence!r}")
    if subject and len(subject) > 60:
        found.append(f"subject over 60 characters: {subject!r}")
    return found

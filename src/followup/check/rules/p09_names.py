"""P9 proofread, the names: spelled as the record spells them, hyphens and accents included.

- `p09.name-misspelled` (error): a near miss of a panel member's name ("Whitfeld", "Dnaa").
  Distance counts a swap of two neighbouring letters as one edit ("Dena" for "Dean",
  "Whitfiled" for "Whitfield"): one edit allowed in names of up to five letters, two in
  longer ones, and the first letter must match. A near miss is reported only where it is
  surely meant as that name: in the greeting, when Harper does not know the word either, or
  right beside another part of the same person's name. Never reported: the greeting word
  itself ("Dear" beside "Mia Dera"), another panel member's name, and words of the record or
  of the user's own dictionary outside the greeting.
  A hyphenated name written apart ("Mei Ling" for "Mei-Ling") is the same rule's warning.
- `p09.name-accent` (suggestion): a name written with other accents than recorded ("Siobhan"
  for "Siobhán", "Zoe" for "Zoë"); the fix is the recorded spelling. A suggestion, not an
  error: many people type without accents and some drop their own. It covers every panel
  member, the addressee included, but stays quiet when the plain spelling is one the record
  itself gives: the addressee's recorded salutation, another person's name (outside the
  greeting: a "Zoe" in the body may be the candidate Zoe), the candidate's own name, the
  signature, and words in the user's own dictionary. Parts of one or two letters ("Ó", "Ní")
  count only right before another part of the same name. A capitalised dictionary word at
  the start of a sentence ("Angel investors…" beside "Ángel") is left alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from followup.check import proofread
from followup.check.context import CheckContext
from followup.check.document import WORD_RE, Document, Span
from followup.check.kinds import Hit, Logic, Needs, Settings
from followup.check.words import edit_distance, fold, tokens
from followup.model import Interviewer, Severity

_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;…]\s*|\n\s*)[\"'“‘(\[]*$")


def is_sentence_start(text: str, start: int) -> bool:
    """Whether a word at `start` opens a sentence (or a line)."""
    return bool(_SENTENCE_START_RE.search(text[max(0, start - 8):start]))


def people(ctx: CheckContext) -> list[Interviewer]:
    """The panel, plus the addressee when it is not on it (a bare `--to NAME`)."""
    found = list(ctx.panel)
    if ctx.interviewer is not None:
        found.append(ctx.interviewer)
    return found


def name_parts(ctx: CheckContext) -> dict[str, str]:
    """Folded name part → the recorded spelling, for every panel member (and the addressee)."""
    parts: dict[str, str] = {}
    for person in people(ctx):
        for part in tokens(person.name):
            if len(part) >= 3:
                parts[fold(part)] = part
    return parts


def near_name(word: str, parts: dict[str, str]) -> str | None:
    """The recorded name part `word` is a near miss of, if any (not a name part itself)."""
    folded = fold(word)
    if folded in parts or len(folded) < 4:
        return None
    for key, spelled in parts.items():
        allowed = 1 if len(key) <= 5 else 2
        if folded[:1] == key[:1] and edit_distance(folded, key) <= allowed:
            return spelled
    return None


def _beside_name(doc: Document, start: int, end: int, right: str, ctx: CheckContext) -> bool:
    """Whether a word sits next to another part of the same person's name ("Ciaran O Donnell")."""
    for person in people(ctx):
        names = [fold(t) for t in tokens(person.name)]
        if fold(right) not in names:
            continue
        before = tokens(doc.text[max(0, start - 30):start])[-1:]
        after = tokens(doc.text[end:end + 30])[:1]
        for word in before + after:
            if fold(word) in names and fold(word) != fold(right):
                return True
    return False


def _is_greeting_word(doc: Document, start: int) -> bool:
    """A word of the greeting line before the name: "Dear", "Hello", "Good morning"."""
    sal, name = doc.salutation, doc.salutation_name
    return sal is not None and name is not None and sal.start <= start < name.start


def _in(span: Span | None, start: int) -> bool:
    return span is not None and span.start <= start < span.end


def _name_misspelled(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    parts = name_parts(ctx)
    if not parts:
        return
    known = proofread.record_words(ctx.interview) | proofread.personal_words(cfg.words)
    flagged = {(lt.start, lt.end) for lt in proofread.lint(doc.text) if lt.kind == "Spelling"}
    greeted = doc.salutation_name  # the name in the greeting, not "Dear" or "Hello"
    for match in WORD_RE.finditer(doc.text):
        word = match.group(0)
        if not word[:1].isupper() or _is_greeting_word(doc, match.start()):
            continue
        in_greeting = _in(greeted, match.start())
        if fold(word) in known and not in_greeting:
            continue
        right = near_name(word, parts)
        if right is None:
            continue
        if (in_greeting or (match.start(), match.end()) in flagged
                or _beside_name(doc, match.start(), match.end(), right, ctx)):
            person = ctx.interviewer
            if in_greeting and person is not None and fold(right) not in {
                    fold(t) for t in tokens(person.name)}:
                # A misspelled greeting to another panel member: the fix is the addressee.
                yield Hit(match.start(), match.end(), suggestion=None, message=(
                    f"\u201c{word}\u201d: a misspelling of {right}, but this note is for "
                    f"{person.name}."))
                continue
            yield Hit(match.start(), match.end(), suggestion=right,
                      message=f"\u201c{word}\u201d: the name is spelled \u201c{right}\u201d.")
    yield from _split_names(doc, ctx)


def _split_names(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    """A hyphenated or apostrophe name written apart ("Mei Ling" for "Mei-Ling"): a warning."""
    for person in people(ctx):
        for part in tokens(person.name):
            pieces = [p for p in re.split(r"['’\-]", part) if p]
            if len(pieces) < 2:
                continue
            pattern = re.compile(r"(?<![\w'’\-])" + r"[ \t]?".join(map(re.escape, pieces))
                                 + r"(?![\w'’\-])", re.IGNORECASE)
            other = ctx.interviewer is not None and ctx.interviewer.name != person.name
            for match in pattern.finditer(doc.text, doc.body_start):
                if match.group(0) != part and fold(match.group(0)) != fold(part):
                    greets_other = other and _in(doc.salutation_name, match.start())
                    yield Hit(match.start(), match.end(),
                              suggestion=None if greets_other else part,
                              severity=Severity.WARNING, message=(
                                  f"\u201c{match.group(0)}\u201d: {person.name} writes it "
                                  f"\u201c{part}\u201d."))


def _plain(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold()


def _marks(word: str) -> int:
    return sum(1 for c in unicodedata.normalize("NFD", word) if unicodedata.combining(c))


def _name_accent(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    forms: dict[str, tuple[str, frozenset[str]]] = {}  # fold → (spelling, the name's folds)
    written: set[str] = {_plain(t) for t in tokens(ctx.me_name)}  # spellings someone uses
    for person in people(ctx):
        whole = frozenset(fold(t) for t in tokens(person.name))
        for part in tokens(person.name):
            forms.setdefault(fold(part), (part, whole))
            written.add(_plain(part))
        written.update(_plain(t) for t in tokens(person.salutation or ""))
    if not forms:
        return
    addressee = ctx.interviewer
    greeted_ok = {_plain(t) for t in tokens(addressee.salutation or "")} if addressee else set()
    mine = {_plain(w) for w in cfg.words}
    for match in WORD_RE.finditer(doc.text):
        word = match.group(0)
        found = forms.get(fold(word)) if word[:1].isupper() else None
        if found is None or _plain(word) == _plain(found[0]) or _plain(word) in mine:
            continue
        spelled, whole = found
        if len(word) < 3 and fold(next(iter(tokens(doc.text[match.end():][:40])), "")) \
                not in whole - {fold(word)}:
            continue
        if _in(doc.signature, match.start()):
            continue
        if _in(doc.salutation_name, match.start()):
            if _plain(word) in greeted_ok:
                continue
        elif _plain(word) in written or (is_sentence_start(doc.text, match.start())
                                         and proofread.is_dictionary_word(word.lower())):
            continue
        how = ", with its accents" if _marks(spelled) > _marks(word) else ""
        yield Hit(match.start(), match.end(), suggestion=spelled,
                  message=f"\u201c{word}\u201d: the name is spelled \u201c{spelled}\u201d{how}.")


_NOTE = "Dear Dana,\n\nThank you for your time yesterday.\n\nBest regards,\nPriya"
_KESTREL = ("Dear Siobh\u00e1n,\n\nThank you for Monday, and please thank Ciar\u00e1n for the "
            "talk about burn rates.\n\nKind regards,\nTomasz")

RULES = (
    Logic(
        id="p09.name-misspelled", practice="P9", severity=Severity.ERROR,
        message="The interviewer's name is misspelled.",
        why="Misspelling someone's name is the mistake they notice first.",
        fail=(_NOTE.replace("Dana", "Dana Whitfeld"), _NOTE.replace("Dana", "Dr. Whitfeld"),
              _NOTE.replace("Dana", "Mei Ling"), _NOTE.replace("Dana", "Dnaa"),
              _NOTE.replace("Dana", "Dana Whitfiled"),
              _NOTE.replace("your time yesterday", "the tour, and Lusi Ortega too")),
        passes=(_NOTE.replace("Dana", "Dana Whitfield"), _NOTE, _NOTE.replace("Dana", "Mei-Ling"),
                _NOTE.replace("your time yesterday", "the tour, and Luis Ortega too")),
        example_context="northwind", needs=frozenset({Needs.RECORD}), fn=_name_misspelled,
    ),
    Logic(
        id="p09.name-accent", practice="P9", severity=Severity.SUGGESTION,
        message="A name is written without the accents it is recorded with.",
        why="People notice when the accents are dropped from their name; keeping them shows "
            "you paid attention.",
        fail=(_KESTREL.replace("Siobh\u00e1n", "Siobhan"),
              _KESTREL.replace("Ciar\u00e1n", "Ciaran")),
        passes=(_KESTREL, _KESTREL.replace("Tomasz", "Tomasz Wisniewski")),
        example_context="kestrel", fn=_name_accent,
    ),
)

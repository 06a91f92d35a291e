"""P9 proofread: grammar (Harper, offline), and what generic checkers cannot know.

Record-aware: the greeting addressed to the right panel member, no company or people left
over from another interview's note (copy-paste), no template placeholders. Plus doubled
words and all-caps shouting. Spelling is `p09_spelling.py`; the names themselves (near
misses, hyphens, accents) live in `p09_names.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from followup.check import proofread
from followup.check.context import CheckContext, addressed_in
from followup.check.document import WORD_RE, Document
from followup.check.kinds import Example, Hit, Logic, Needs, Settings
from followup.check.rules.p09_names import is_sentence_start
from followup.check.rules.p09_spelling import in_name_lines, is_spelling_lint, slip_fix
from followup.check.words import fold, tokens
from followup.language import spelling
from followup.model import Severity

_GRAMMAR_SUGGESTION_KINDS = {"Style", "Readability", "Enhancement", "Formatting", "Regionalism",
                             "Redundancy", "Repetition"}


def _is_speculative_split(word: str, lint: proofread.HarperLint) -> bool:
    """Harper's unsure "one word should probably be two" advice: wrong for most jargon."""
    return (lint.kind == "Typo" and " " not in word and lint.suggestion is not None
            and lint.suggestion.replace(" ", "") == word)


def _closed_compound(word: str) -> bool:
    """A word Harper would split that is fine as one: attested in wordfreq (also in the
    singular), or a long compound of two real words ("chairside", "jobsites")."""
    low = word.lower()
    if max(spelling.zipf(low), spelling.zipf(low.removesuffix("s"))) >= spelling.MIN_ZIPF:
        return True
    return len(low) >= 8 and any(
        min(spelling.zipf(low[:i]), spelling.zipf(low[i:].removesuffix("s"))) >= 3.0
        for i in range(3, len(low) - 2))


def _recased_name(word: str, lint: proofread.HarperLint, doc: Document) -> bool:
    """Harper re-casing a name ("Sam" → "SAM", "Neo4j" → "Neo4J"): names are as written."""
    if lint.kind != "Capitalization" or not word[:1].isupper():
        return False
    return in_name_lines(doc, lint.start) or (word[1:].islower() and word.isalpha())


def _grammar(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    known = proofread.record_words(ctx.interview, (ctx.me_name,)) | proofread.personal_words(
        cfg.words)
    for lint in proofread.lint(doc.text):
        if lint.kind in ("Spelling", "Repetition") or lint.start >= lint.end:
            continue
        word = doc.text[lint.start:lint.end]
        if is_spelling_lint(word, lint) and not word[:1].isupper() and not (
                _is_speculative_split(word, lint)):
            continue  # an unknown word: p09.spelling judges it
        if proofread.is_known_term(word, known) or _recased_name(word, lint, doc):
            continue
        if _in_phone_number(doc.text, lint.start, lint.end):
            continue  # "(720) 555-0182" is not a range of numbers
        suggestion = _calm_suggestion(doc.text, lint)
        if suggestion is _DROP:
            continue
        severity = Severity.SUGGESTION if lint.kind in _GRAMMAR_SUGGESTION_KINDS else None
        if _is_speculative_split(doc.text[lint.start:lint.end], lint):
            if not word[:1].isupper() and slip_fix(word, known, run_together=True):
                continue  # a misspelling ("adress"): p09.spelling reports it with its fix
            if _closed_compound(word):
                continue  # an attested word ("titrated") or a closed compound ("chairside")
            severity = Severity.SUGGESTION  # "`dataloader` should probably be … `data loader`"
        yield Hit(lint.start, lint.end, message=lint.message, suggestion=suggestion,
                  severity=severity)


_PHONE_RE = re.compile(r"(?:\+\d{1,3}[ .\-]?)?(?:\(\d{2,5}\)|\d{2,5})[ .\-]?\d{3,4}[ .\-]\d{3,5}")
# Fixed phrases in which no word may be dropped ("as soon as possible" → "soon as possible").
_IDIOM_RE = re.compile(r"\bas (?:soon|well|long|far|much|many|early|quickly|often) as\b",
                       re.IGNORECASE)
_DROP = "\0drop"


def _in_phone_number(text: str, start: int, end: int) -> bool:
    """Whether a span lies inside a phone number ("(720) 555-0182", "+44 20 7946-0958")."""
    for match in _PHONE_RE.finditer(text, max(0, start - 20), min(len(text), end + 20)):
        if match.start() <= start and end <= match.end():
            return True
    return False


def _calm_suggestion(text: str, lint: proofread.HarperLint) -> str | None:
    """Harper's fix, unless it would harm the text: a word dropped from a fixed phrase is no
    fix (`_DROP`: the lint is left out); an expansion keeps the case of the sentence
    ("ASAP" → "as soon as possible" in mid-sentence)."""
    suggestion = lint.suggestion
    if suggestion == "":
        for match in _IDIOM_RE.finditer(text, max(0, lint.start - 20), lint.end + 20):
            if match.start() <= lint.start < match.end():
                return _DROP
    if suggestion and suggestion[:1].isupper() and not text[lint.start:lint.end][:1].islower() \
            and " " in suggestion and not is_sentence_start(text, lint.start):
        return suggestion[:1].lower() + suggestion[1:]
    return suggestion


def _wrong_recipient(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    name = doc.salutation_name
    if name is None or ctx.interview is None or ctx.interviewer is None:
        return
    greeted = addressed_in(doc.slice(name), ctx.interview)
    if greeted is not None and greeted.name != ctx.interviewer.name:
        yield Hit(name.start, name.end, suggestion=ctx.interviewer.first_name, message=(
            f"The greeting names {greeted.name}, but this note is for {ctx.interviewer.name}."))


def _copy_paste(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    current = proofread.record_words(ctx.interview)
    for other in ctx.other_interviews:
        terms: list[tuple[str, str]] = [(other.company, other.company)]
        first = tokens(other.company)[:1]
        if first and len(first[0]) >= 4:
            terms.append((first[0], other.company))
        for person in other.interviewers:
            terms.append((person.name, other.company))
            parts = tokens(person.name)
            if len(parts) > 1 and len(parts[-1]) >= 4:
                terms.append((parts[-1], other.company))
        seen: set[int] = set()
        for term, company in terms:
            if not term.strip() or all(fold(t) in current for t in tokens(term)):
                continue
            pattern = re.compile(r"(?<!\w)" + re.escape(term) + r"(?!\w)", re.IGNORECASE)
            for match in pattern.finditer(doc.text):
                if match.start() in seen:
                    continue
                seen.add(match.start())
                right = ctx.interview.company if ctx.interview else None
                is_company = term in (other.company, first[0] if first else "")
                yield Hit(match.start(), match.end(),
                          suggestion=right if is_company else None,
                          message=f"\u201c{match.group(0)}\u201d is from another interview: "
                                  f"copy-paste from your {company} note?")


PLACEHOLDERS = (
    r"\[[^\]\n]{1,40}\]",
    r"\{[^}\n]{1,40}\}",
    r"<[A-Za-z][A-Za-z _.\-]{0,39}>",
    r"(?<![\w-])X{2,}(?![\w-])",
    r"(?<!\w)(?:TODO|TBD|FIXME|INSERT)(?!\w)",
    r"_{3,}",
    r"\blorem ipsum\b",
)
_DOUBLED_RE = re.compile(r"\b([^\W\d_]+)(\s+)(\1)\b", re.IGNORECASE)
_DOUBLE_OK = {"that", "had", "is", "bye", "very", "so"}


_PLACEHOLDER_RE = re.compile("|".join(PLACEHOLDERS), re.IGNORECASE)
_SLOT_WORDS_RE = re.compile(r"[^\W\d_]+")


def _fill(token: str, ctx: CheckContext) -> str | None:
    """What the record says belongs in a placeholder ("[Role]" → the role), if it knows."""
    words = {w.lower() for w in _SLOT_WORDS_RE.findall(token)}
    interview, person = ctx.interview, ctx.interviewer
    if words & {"my", "your", "candidate", "sender", "signature"} and ctx.me_name:
        return ctx.me_name
    if interview is not None and words & {"role", "position", "job", "title"}:
        return interview.role
    if interview is not None and words & {"company", "employer", "organisation",
                                          "organization", "firm"}:
        return interview.company
    if person is not None and words & {"name", "interviewer", "manager", "first", "contact"}:
        return person.first_name if "first" in words else (person.salutation or person.name)
    return None


def _placeholder(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    for match in _PLACEHOLDER_RE.finditer(doc.text):
        token = match.group(0)
        if token.lower() in ("todo", "tbd", "fixme", "insert") and not token.isupper():
            continue
        filled = _fill(token, ctx)
        yield Hit(match.start(), match.end(), suggestion=filled, message=(
            f"A template placeholder is still in the text: {token}"
            + (f" (the record says \u201c{filled}\u201d)." if filled else ".")))


def _doubled(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    for match in _DOUBLED_RE.finditer(doc.text):
        if fold(match.group(1)) in _DOUBLE_OK:
            continue
        yield Hit(match.start(), match.end(), suggestion=match.group(1))


# Acronyms that happen to spell an English word.
_ACRONYM_WORDS = frozenset({
    "solid", "scrum", "crud", "rest", "soap", "lamp", "mean", "swift", "safe", "lean", "kiss",
    "dry", "basic", "smart", "grasp", "cobra", "spa", "cors", "ides", "asap",
})


def _shouting(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    known = proofread.record_words(ctx.interview) | proofread.personal_words(cfg.words)
    for match in WORD_RE.finditer(doc.text, doc.body_start):
        word = match.group(0)
        letters = [c for c in word if c.isalpha()]
        if len(letters) < 4 or not word.isupper() or fold(word) in known:
            continue
        if fold(word) in proofread.TECH_WORDS or fold(word) in _ACRONYM_WORDS:
            continue
        if not word.isascii() or not proofread.is_dictionary_word(word.lower()):
            continue  # an acronym or a name (HIPAA, NVIDIA, COBOL), not a shouted word
        yield Hit(match.start(), match.end(), suggestion=word.lower())


_NOTE = "Dear Dana,\n\nThank you for your time yesterday.\n\nBest regards,\nPriya"

RULES = (
    Logic(
        id="p09.grammar", practice="P9", severity=Severity.WARNING,
        message="Possible grammar problem.",
        why="Grammar slips distract from what you say and look careless.",
        fail=("Thank you for the interview. It was an pleasure.",),
        passes=("Thank you for the interview. It was a pleasure.",
                "Dear Sam,\n\nThank you for the interview.\n\nBest,\nAlex"),
        fn=_grammar,
    ),
    Logic(
        id="p09.wrong-recipient", practice="P9", severity=Severity.ERROR,
        message="The greeting addresses another panel member.",
        why="A note to one person that greets another shows it was copied.",
        fail=(_NOTE.replace("Dana", "Luis"),), passes=(_NOTE,),
        example_context="northwind", needs=frozenset({Needs.INTERVIEWER}), fn=_wrong_recipient,
    ),
    Logic(
        id="p09.copy-paste", practice="P9", severity=Severity.ERROR,
        message="A name from another interview: copy-paste leftover?",
        why="Another company's name in the note tells them it was written for someone else.",
        fail=(Example(_NOTE.replace("your time yesterday", "the time at Contoso"),
                      "northwind-others"),),
        passes=(Example(_NOTE.replace("your time yesterday", "the time at Northwind"),
                        "northwind-others"),),
        needs=frozenset({Needs.OTHERS}), fn=_copy_paste,
    ),
    Logic(
        id="p09.placeholder", practice="P9", severity=Severity.ERROR,
        message="A template placeholder is still in the text.",
        why="An unfilled placeholder shows the note is a form letter.",
        fail=("Dear [Name],", "Thank you for the {company} interview.", "Dear <Interviewer>,",
              "I can start in XX weeks.", "TODO: add a point"),
        passes=(_NOTE, "Thank you for the (virtual) tour."),
        fn=_placeholder,
    ),
    Logic(
        id="p09.doubled-word", practice="P9", severity=Severity.WARNING,
        message="A doubled word.", why="Doubled words are the typo every reader catches.",
        fail=("Thank you for the the tour.",), passes=("Thank you for the tour.",),
        fn=_doubled,
    ),
    Logic(
        id="p09.shouting", practice="P9", severity=Severity.WARNING,
        message="All-caps shouting: write it in normal case.",
        why="Capitals read as shouting and look unprofessional.",
        fail=("I am REALLY excited about this role.",),
        passes=("I am excited about the AWS and GDPR work.",
                "I worked on HIPAA and FINRA reporting with NVIDIA GPUs, CUDA and COBOL.",
                "We follow SOLID and SCRUM and set SMART goals."),
        fn=_shouting,
    ),
)

"""P9 proofread, spelling: Harper finds unknown words; we decide which are mistakes and fix them.

Harper (`check/proofread.py`) flags words its dictionary lacks. Many are right: terms of the
record and of the user's own dictionary, names, jargon of every trade, hyphenated compounds,
British spellings, regular inflections of known words ("precepted"), and words no real word
is near (a term: "vasopressors"). What is left is a misspelling, and its fix is ranked by
`language/spelling.py` (edit distance weighted by what people get wrong, and by word
frequency), with the user's dictionary and the record's words as candidates ("roastry" →
"roastery").

Names are not misspellings: a capitalised word that Harper does not know is taken as a name
unless it is one plain edit from a term of the record, the user's dictionary, a technical
term ("Snowflak" → "Snowflake") or a common word of six letters or more with the same first
letter; only then is it a warning. The record's own names are checked in `p09_names.py`.
"""

from __future__ import annotations

from collections.abc import Iterator

from followup.check import proofread
from followup.check.context import CheckContext
from followup.check.document import Document
from followup.check.kinds import Hit, Logic, Settings
from followup.check.rules.p09_names import name_parts, near_name
from followup.check.words import edit_distance, fold
from followup.language import spelling
from followup.model import Severity

NAME_LIKE_MIN = 6  # a capitalised word nearer a common word than this is taken as a name


def in_name_lines(doc: Document, start: int) -> bool:
    """Whether a position lies in the greeting, the signature, the subject or the lines
    above the greeting (an address block)."""
    for span in (doc.salutation, doc.signature, doc.subject):
        if span is not None and span.start <= start < span.end:
            return True
    # The address block, date and "Re:" lines above the greeting: names and places.
    return doc.salutation is not None and doc.body_start <= start < doc.salutation.start


def _is_word(word: str) -> bool:
    return proofread.is_dictionary_word(word) or proofread.is_dictionary_word(
        word.capitalize())


def known_word(word: str) -> bool:
    """A word Harper knows outright (no spelling lint and no typo lint on it alone)."""
    return not any(item.kind in ("Spelling", "Typo", "WordChoice")
                   for item in proofread.lint(word))


def _vetted(word: str) -> bool:
    """A fix worth offering is a real word, in American or British spelling."""
    return proofread.is_dictionary_word(word) or proofread.other_dialect_knows(word)


def accepted(word: str, known: frozenset[str]) -> bool:
    """A word Harper does not know that is right all the same (see the module docstring);
    `slip_fix` first rules out likely slips of a much more common word."""
    low = word.lower()
    if proofread.is_known_term(word, known) or proofread.other_dialect_knows(word):
        return True
    if "-" in word and spelling.compound_of_words(word, _is_word):
        return True
    if not word.isascii() and spelling.lexicon().zipf.listed(word) >= spelling.JARGON_ZIPF:
        return True  # a word with its accents, as English borrows it ("sauté", "café")
    if spelling.zipf(low) >= spelling.JARGON_ZIPF:
        return True  # listed as used and no slip: a term ("intubated", "omnichannel")
    return low.isalpha() and spelling.inflection_of(low, known_word) is not None


def slip_fix(word: str, known: frozenset[str], extra: frozenset[str] = frozenset(),
             run_together: bool = False) -> str | None:
    """The fix for a lower-case word Harper does not know, or None when the word is right:
    a likely slip of a much more common word is always a misspelling ("thier", "supprise");
    otherwise known terms, British spellings, compounds, attested jargon and regular
    inflections of known words are right, and so is a word no real word is near."""
    if proofread.is_known_term(word, known):
        return None
    slip = spelling.likely_slip(word, is_word=_vetted)
    if slip is None and run_together:
        return _common_pair(word)  # "lookforward"; not "chairside" or "dataloader"
    if slip is None and accepted(word, known):
        return None
    if slip is not None and spelling.edit_cost(word.lower(), slip) > 0.5 and (
            spelling.inflection_of(word.lower(), known_word)):
        return None  # "precepted": a regular form of "precept", not a slip of "precepts"
    fix = spelling.suggest(word, extra=extra, is_word=_vetted)
    return fix or (spelling.match_case(slip, word) if slip else None)


def near_term(word: str, terms: frozenset[str]) -> str | None:
    """A term of the record or the user's dictionary one edit from `word`, if any."""
    folded = fold(word)
    if len(folded) < 5:
        return None
    for term in sorted(terms):
        if abs(len(term) - len(folded)) <= 1 and term[:1] == folded[:1] and (
                edit_distance(folded, term, 2) == 1):
            return term
    return None


def capitalised_slip(word: str, terms: frozenset[str]) -> str | None:
    """What a capitalised unknown word is a slip of, or None when it is probably a name."""
    found = near_term(word, terms | proofread.TECH_WORDS)
    if found is None and len(word) >= NAME_LIKE_MIN:
        common = spelling.near_common_word(word, min_zipf=3.0)
        if common and common[:1] == word[:1].lower() and proofread.is_dictionary_word(common):
            found = common
    return spelling.match_case(found, word) if found else None


def _spelling(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    mine = proofread.personal_words(cfg.words)
    record = proofread.record_words(ctx.interview, (ctx.me_name,))
    known = record | mine
    parts = name_parts(ctx)
    text = doc.text
    for lint in proofread.lint(text):
        word = text[lint.start:lint.end]
        if not is_spelling_lint(word, lint):
            continue
        if (parts and near_name(word, parts)) or (
                word[:1].isupper() and in_name_lines(doc, lint.start)):
            continue
        fix: str | None
        if word[:1].isupper() and not word.isupper():
            if accepted(word, known):
                continue
            fix = capitalised_slip(word, known)
            if fix is None:
                continue  # a name (at most a name check with a record, in p09_names)
        else:
            fix = slip_fix(word, known, mine | _candidates(record),
                           run_together=is_run_together(word, lint))
            if fix is None:
                continue  # right after all, or no real word is near ("vasopressors")
        yield Hit(lint.start, lint.end, message=f"Possible misspelling: \u201c{word}\u201d.",
                  suggestion=fix)


COMMON_PAIR_ZIPF = 5.0


def _common_pair(word: str) -> str | None:
    """Two very common words run together, one of them among the commonest ("thankyou",
    "lookforward"), split again; closed compounds ("jobsite", "chairside") stay."""
    low = word.lower()
    for i in range(1, len(low)):
        left, right = low[:i], low[i:]
        zl, zr = spelling.zipf(left), spelling.zipf(right)
        least = min(zl, zr)
        if (least >= COMMON_PAIR_ZIPF and max(zl, zr) >= COMMON_PAIR_ZIPF + 0.8
                and spelling.zipf(low) <= least - 1.5):
            return spelling.match_case(f"{left} {right}", word)
    return None


def is_spelling_lint(word: str, lint: proofread.HarperLint) -> bool:
    """A Harper lint about an unknown word: its spelling lints, and its other lints on one
    word its dictionary lacks ("untill" as a word choice, "adress" as "a dress"); this rule
    judges them all."""
    if lint.kind == "Spelling":
        return True
    if lint.kind == "Capitalization" or not word.isalpha():
        return False
    return is_run_together(word, lint) or not known_word(word.lower())


def is_run_together(word: str, lint: proofread.HarperLint) -> bool:
    """Harper's unsure "one word should probably be two" advice ("adress" → "a dress")."""
    return (" " not in word and lint.suggestion is not None
            and lint.suggestion.replace(" ", "") == word)


def _candidates(record: frozenset[str]) -> frozenset[str]:
    """Record words worth offering as a fix: words, not initials or numbers."""
    return frozenset(w for w in record if len(w) >= 4 and w.isalpha())


RULES = (
    Logic(
        id="p09.spelling", practice="P9", severity=Severity.WARNING,
        message="Possible misspelling.",
        why="A spelling mistake undermines the attention to detail you want to show.",
        fail=("Thank you, I recieve your message with pleasure.",
              "Thank you. Our team moved the reports to Snowflak last year."),
        passes=("Thank you for explaining how Kubernetes, dbt and Terraform fit together.",
                "Thank you. I precepted six new graduate nurses as a super-user of the chart.",
                "Thank you, Ngozi and Oluwaseun, for showing me the Thao Lab."),
        fn=_spelling,
    ),
)

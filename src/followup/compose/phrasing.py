"""How a note fragment becomes part of a sentence: perspective, verb forms, articles, case.

Candidates write notes as fragments ("moving the nightly batch jobs to streaming", "she said
the team will double", "her team is rolling out a semantic layer", "my dbt experience"). The
composer needs them as pieces of correct sentences addressed to the interviewer:

- `clean` trims bullets, quotes, stray punctuation and spacing, and capitalises a lone "i";
- `drop_reporting` removes "she said (that)", "Dana mentioned" and the like;
- `to_second_person` turns the interviewer's words into "you" ("our team" → "your team",
  "she leads" → "you lead", "her team is" → "your team is"); the candidate's own "I", "my"
  and "me" stay as they are;
- `as_clause` adds the article a clause's bare subject lacks ("team will double" → "the
  team will double"), `as_topic` makes a topic of a verb phrase ("move X" → "moving X").

What kind of fragment a note is (topic, clause, verb phrase, note to self …) is decided by
`language/fragments.py`; how the candidate's own notes are said, by `claims.py`.

Everything here is pure string work on short texts: deterministic and fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from enum import StrEnum

from followup.compose.grammar import (
    ADVERBS,
    COMMON_VERBS,
    CONTRACTED_SUBJECTS,
    DETERMINERS,
    FINITE,
    IRREGULAR_THIRD_PERSON,
    REPORTING_VERBS,
    SUBJECT_PRONOUNS,
    gerund,
    words,
)
from followup.language import lexicon
from followup.language.lexicon import INDEFINITE_PRONOUNS

_SPACE_RE = re.compile(r"\s+")
_BULLET_PREFIX_RE = re.compile(r"^(?:[-*•+]\s+|\d+[.)]\s+)")
_QUOTES = "\"'“”‘’«»"
_PLURAL_SUBJECTS = frozenset(("i", "you", "we", "they", "people", "children", "staff", "folks",
                              "both", "most", "many", "few", "several", "all"))


class FragmentKind(StrEnum):
    """How a fragment fits into a sentence."""

    TOPIC = "topic"     # "moving batch jobs to streaming": goes after "about"
    CLAUSE = "clause"   # "the team will double": goes after "that"


def clean(fragment: str) -> str:
    """A fragment without bullet marks, wrapping quotes, trailing punctuation or extra spaces.

    A lone lower-case "i" (as typed on a phone) becomes "I".
    """
    text = _SPACE_RE.sub(" ", fragment).strip()
    text = _BULLET_PREFIX_RE.sub("", text)
    if len(text) >= 2 and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = text[1:-1].strip()
    text = text.rstrip(" .,;:!").strip()
    text = re.sub(r"(?<![\w'’])i(?=$|[\s,;:'’])", "I", text)
    return re.sub(r"\s+([,;:])", r"\1", text)


def drop_reporting(fragment: str, names: Iterable[str] = ()) -> str:
    """Without a leading "she said (that)", "he told me", "Dana mentioned" …

    "she said the team will double" → "the team will double".
    """
    subjects = ["she", "he", "they", "we", *(re.escape(n) for n in names if n.strip())]
    pattern = re.compile(
        rf"^(?:{'|'.join(subjects)})\s+(?:also\s+)?(?:{REPORTING_VERBS})(?:\s+that)?\s+",
        re.IGNORECASE,
    )
    stripped = pattern.sub("", fragment, count=1)
    return stripped if stripped.strip() else fragment


def _match_case(word: str, replacement: str) -> str:
    if word[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def base_form(verb: str) -> str:
    """The form after "you" of a third-person verb: "leads" → "lead", "carries" → "carry"."""
    low = verb.lower()
    if low in IRREGULAR_THIRD_PERSON:
        return _match_case(verb, IRREGULAR_THIRD_PERSON[low])
    if low.endswith("ies") and len(low) > 4:
        return verb[:-3] + "y"
    if low.endswith(("sses", "shes", "ches", "xes", "zes", "oes")):
        return verb[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 2:
        return verb[:-1]
    return verb


def _looks_plural_noun(word: str) -> bool:
    low = word.lower()
    return (len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "'s"))
            and low not in FINITE and low not in DETERMINERS)


def to_second_person(fragment: str, names: Iterable[str] = ()) -> str:
    """The interviewer's own words turned towards them: "our team" → "your team".

    we/us/our/ours → you/you/your/yours; she/he → you, with the verb that follows put in
    agreement ("she leads" → "you lead", "he is" → "you are"); her/his → your; him → you;
    they/their/them → you/your/you unless a plural noun earlier in the fragment is what they
    point back to. The interviewer's name used as a subject or possessive ("Dana's team")
    becomes "you"/"your". The candidate's I/my/me are left alone.
    """
    text = fragment
    for name in names:
        if name.strip():
            text = re.sub(rf"\b{re.escape(name)}['’]s\b", "your", text)
            text = re.sub(rf"^{re.escape(name)}\b(?=\s+\w)", "she", text)  # agrees below
    tokens = words(text)
    out: list[str] = []
    agree_next = False
    agreed_subject = False  # a she/he became "you": a verb after "and" agrees too
    seen_plural = False
    for index, token in enumerate(tokens):
        low = token.lower()
        following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
        replacement = token
        if agree_next and low in ADVERBS:
            out.append(token)
            continue
        if agree_next:
            replacement = base_form(token)
            agree_next = False
            agreed_subject = True
        elif agreed_subject and low in ("and", "or", "but") and _is_third_person_verb(following):
            agree_next = True
        elif low in ("we", "she", "he"):
            replacement = _match_case(token, "you")
            agree_next = low != "we"
        elif low in ("she's", "he's", "she’s", "he’s"):
            replacement = _match_case(token, "you're")
        elif low in ("she'll", "he'll", "we'll", "she’ll", "he’ll", "we’ll"):
            replacement = _match_case(token, "you'll")
        elif low in ("we're", "we’re"):
            replacement = _match_case(token, "you're")
        elif low in ("we've", "we’ve"):
            replacement = _match_case(token, "you've")
        elif low in ("they're", "they’re", "they'll", "they’ll", "they've", "they’ve") and (
                not seen_plural):
            replacement = _match_case(token, "you" + token[4:])
        elif low in ("our", "his"):
            replacement = _match_case(token, "your")
        elif low == "her":
            possessive = bool(following) and following.isalpha() and following not in (
                "and", "or", "about", "to", "for", "with", "on", "in", "that", "if", "when")
            replacement = _match_case(token, "your" if possessive else "you")
        elif low in ("us", "him") and not token.isupper():      # "US" is a country
            replacement = _match_case(token, "you")
        elif low in ("ours", "hers"):
            replacement = _match_case(token, "yours")
        elif low in ("ourselves", "herself", "himself"):
            replacement = _match_case(token, "yourself")
        elif low in ("they", "them", "their") and not seen_plural:
            replacement = _match_case(token, "your" if low == "their" else "you")
        if _looks_plural_noun(token):
            seen_plural = True
        out.append(replacement)
    return _rejoin(text, tokens, out)


def _is_third_person_verb(word: str) -> bool:
    low = word.lower()
    return low in IRREGULAR_THIRD_PERSON or (
        low.endswith("s") and base_form(low) != low and base_form(low) in COMMON_VERBS)


def _rejoin(original: str, tokens: Sequence[str], replaced: Sequence[str]) -> str:
    """The original text with each token swapped for its replacement, spacing kept."""
    pieces: list[str] = []
    pos = 0
    for token, new in zip(tokens, replaced, strict=True):
        found = original.find(token, pos)
        if found < 0:  # cannot happen for tokens taken from `original`; keep it safe
            return " ".join(replaced)
        pieces.append(original[pos:found])
        pieces.append(new)
        pos = found + len(token)
    pieces.append(original[pos:])
    return "".join(pieces)


def as_clause(fragment: str) -> str:
    """A clause with a determiner on a bare singular subject: "team will double" → "the team …".

    Plural ("analysts sit …"), proper ("Northwind is …") and pronoun subjects stay as they are.
    """
    tokens = words(fragment)
    if not tokens:
        return fragment
    first = tokens[0]
    low = first.lower()
    if (low in DETERMINERS or low in SUBJECT_PRONOUNS or low in CONTRACTED_SUBJECTS
            or first[:1].isupper()
            or not first[:1].isalpha() or _looks_plural_noun(first) or low in FINITE
            or low.startswith(("there", "it'", "it’"))
            or low in INDEFINITE_PRONOUNS
            or not (lexicon.can_be_noun(low) or lexicon.can_be_adjective(low))
            or lexicon.is_plural_noun(low)):
        return fragment
    return "the " + fragment


def as_topic(fragment: str, *, verb_first: bool = True) -> str:
    """A topic without a leading "about"; a bare verb becomes a gerund ("move X" → "moving X")
    when `verb_first` (the fragment was read as a verb phrase, not "pay plan")."""
    text = re.sub(r"^(?:about|regarding|re:?)\s+(?![~\d])", "", fragment, flags=re.IGNORECASE)
    tokens = words(text)
    if verb_first and tokens and tokens[0].lower() in COMMON_VERBS and len(tokens) > 1:
        return gerund(tokens[0]) + text[len(tokens[0]):]
    return text

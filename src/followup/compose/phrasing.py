"""How a note fragment becomes part of a sentence: perspective, verb forms, articles, case.

Candidates write notes as fragments ("moving the nightly batch jobs to streaming", "she said
the team will double", "her team is rolling out a semantic layer", "my dbt experience"). The
composer needs them as pieces of correct sentences addressed to the interviewer:

- `clean` trims bullets, quotes, stray punctuation and spacing, and capitalises a lone "i";
- `drop_reporting` removes "she said (that)", "Dana mentioned" and the like;
- `to_second_person` turns the interviewer's words into "you" ("our team" → "your team",
  "she leads" → "you lead", "her team is" → "your team is"); the candidate's own "I", "my"
  and "me" stay as they are;
- `classify` tells a topic ("moving …", "how analysts agree …", "on-call load") from a
  clause with its own subject and verb ("the team will double"), since "about {topic}" and
  "that {clause}" need different frames; `as_clause` adds the article a bare subject lacks;
- `qualification_kind` tells how a qualification starts (a past verb, a present verb, a
  gerund, a noun phrase), so it can be said in the first person;
- `gerund`, `indefinite_article`, `capitalize_first`, `sentence` and `join_words` are the
  small grammar helpers the templates use.

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
    IRREGULAR_PAST,
    IRREGULAR_THIRD_PERSON,
    NOT_GERUNDS,
    REPORTING_VERBS,
    SUBJECT_PRONOUNS,
    WH_WORDS,
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


class QualificationKind(StrEnum):
    """How a qualification starts, which decides how the candidate says it."""

    FIRST_PERSON = "first-person"   # "I led …"
    PAST_VERB = "past-verb"         # "built the dbt project"
    PRESENT_VERB = "present-verb"   # "have five years of Python", "own the data platform"
    GERUND = "gerund"               # "leading a team of six"
    NOUN_PHRASE = "noun-phrase"     # "my dbt experience", "5 years of Python"


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


def _is_gerund(word: str) -> bool:
    low = word.lower()
    return low.endswith("ing") and len(low) > 4 and low not in NOT_GERUNDS


def _is_finite_after_subject(word: str) -> bool:
    low = word.lower()
    if low in FINITE:
        return True
    if low in IRREGULAR_PAST or (low.endswith("ed") and len(low) > 4):
        return True
    return low in COMMON_VERBS or (base_form(low) in COMMON_VERBS and low.endswith("s"))


def _bare_verb(low: str) -> bool:
    """A verb's base form that could as well be a noun ("design", "change", "plan")."""
    return low in COMMON_VERBS and low not in FINITE and low not in IRREGULAR_PAST


def _plural_subject(low: str) -> bool:
    """Whether a word can be the subject of a verb in its base form ("analysts sit")."""
    return low in _PLURAL_SUBJECTS or _looks_plural_noun(low)


def classify(fragment: str) -> FragmentKind:
    """Whether a fragment is a topic ("about …") or a clause with subject and verb ("that …")."""
    tokens = [t for t in words(fragment) if t[0].isalnum()]
    if not tokens:
        return FragmentKind.TOPIC
    first = tokens[0].lower()
    if first in WH_WORDS or _is_gerund(first):
        return FragmentKind.TOPIC
    if (first in SUBJECT_PRONOUNS and first != "it") or first in CONTRACTED_SUBJECTS:
        return FragmentKind.CLAUSE
    if first == "it" and len(tokens) > 1 and _is_finite_after_subject(tokens[1]):
        return FragmentKind.CLAUSE
    start = 1
    window = tokens[start:start + 5]
    for index, token in enumerate(window):
        low = token.lower()
        if low in ("and", "or", "of", "for", "with", "to", "in", "on", "about", "how"):
            if low not in ("and",) or index == 0:
                return FragmentKind.TOPIC
            continue
        if _is_finite_after_subject(token):
            previous = (tokens[start + index - 1] if start + index - 1 >= 0 else "").lower()
            if previous in DETERMINERS:
                return FragmentKind.TOPIC
            if _bare_verb(low) and not _plural_subject(previous):
                continue  # "module design", "schema change review": a noun, not a verb
            return FragmentKind.CLAUSE
    return FragmentKind.TOPIC


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


def qualification_kind(text: str) -> QualificationKind:
    """How a qualification begins, for saying it in the first person."""
    tokens = words(text)
    if not tokens:
        return QualificationKind.NOUN_PHRASE
    first = tokens[0]
    low = first.lower()
    if first == "I" or low in ("i've", "i’ve", "i'm", "i’m", "i'd", "i’d"):
        return QualificationKind.FIRST_PERSON
    if low in IRREGULAR_PAST or (low.endswith("ed") and len(low) > 4 and low not in DETERMINERS
                                 and not first[:1].isupper()):
        return QualificationKind.PAST_VERB
    if low in ("have", "own", "lead", "run", "know", "speak", "hold", "manage", "maintain",
               "build", "write", "teach", "mentor") and len(tokens) > 1:
        return QualificationKind.PRESENT_VERB
    if _is_gerund(low):
        return QualificationKind.GERUND
    return QualificationKind.NOUN_PHRASE


def parenthesize(text: str) -> str:
    """"dbt project: 300 models, tests in CI" → "dbt project (300 models, tests in CI)".

    A colon or dash that introduces details inside a qualification reads badly once a
    clause follows it; brackets keep the details and let the sentence go on.
    """
    for mark in (": ", " — ", " – ", " - "):
        head, sep, tail = text.partition(mark)
        if sep and head and tail and mark not in tail and "(" not in tail:
            return f"{head} ({tail})"
    return text

"""Small grammar for the composer: word lists, -ing forms, a/an, capitals, sentences, choice.

Shared by `phrasing.py` (turning note fragments into sentence parts) and `render.py`
(filling the wording). Pure string functions on short texts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from followup.language.articles import indefinite_article as indefinite_article

_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*|[^\w\s]", re.UNICODE)
_SPACE_RE = re.compile(r"\s+")

def vocabulary(text: str) -> frozenset[str]:
    """The words of a text, as a set (for word lists written as text)."""
    return frozenset(text.split())


WH_WORDS = vocabulary("how what why when where which who whether")
DETERMINERS = vocabulary(
    "the a an every each this that these those some all most no any both either neither "
    "our their her his its my your another several many few")
SUBJECT_PRONOUNS = vocabulary("i you we they she he it")
FINITE = vocabulary(
    "is are was were will would can could should has have had does do did may might must "
    "shall isn't aren't wasn't weren't won't can't couldn't doesn't don't didn't hasn't "
    "haven't hadn't")
# Base forms of verbs that notes use often; enough to spot "every engineer spends …" as a
# clause and "build a dbt project" as a bare verb.
COMMON_VERBS = vocabulary("""
agree aim ask automate build change choose cover cut decide deliver deploy design double
drive expand expect focus grow handle help hire include invest keep launch lead learn like
look love maintain manage measure meet migrate move need own pair pay plan prefer rebuild
reduce release replace require review rewrite roll rotate run scale see sell ship sit spend
split start struggle support switch take teach test track train triple try use want work
write hold mentor lower raise ramp adopt hope rely share bring make give set put watch
carry fix push pull report join leave open close call hand check care think say tell know
""")
IRREGULAR_PAST = vocabulary(
    "built ran led cut wrote grew made took set drove won taught brought began kept held "
    "spent sold shipped rebuilt rewrote overhauled met gave put chose found")
IRREGULAR_THIRD_PERSON = {"is": "are", "was": "were", "has": "have", "does": "do",
                          "isn't": "aren't", "wasn't": "weren't", "hasn't": "haven't",
                          "doesn't": "don't", "goes": "go"}
ADVERBS = vocabulary("also still already now often usually recently just personally "
                     "really currently actually")
REPORTING_VERBS = (r"said|says|mentioned|mentions|told me|tells me|explained|noted|shared|"
                    r"pointed out|stressed|added|thinks|thought|believes|hopes|expects")
CONTRACTED_SUBJECTS = frozenset(
    f"{p}{a}{s}" for p in ("i", "you", "we", "they", "she", "he", "it", "there")
    for a in ("'", "’") for s in ("m", "re", "s", "ll", "ve", "d")
) | {"there"}
NOT_GERUNDS = vocabulary("thing things nothing something anything everything spring string "
                         "morning evening during ceiling meeting meetings building buildings "
                         "ring king bring sing wing swing sibling offering")
KEEP_LOWER = frozenset(["dbt", "npm", "pnpm", "iOS", "macOS", "eBay", "iPhone", "iPad", "k8s",
                         "gRPC", "jQuery", "pytest", "mypy", "ruff", "kubectl", "vLLM"])
_NO_DOUBLE = vocabulary("open visit offer enter listen happen develop deliver order answer "
                       "gather monitor edit limit budget target market benefit")


def words(text: str) -> list[str]:
    """Words and punctuation marks of a text, in order."""
    return _WORD_RE.findall(text)


def gerund(verb: str) -> str:
    """The -ing form: "move" → "moving", "run" → "running", "tie" → "tying"."""
    low = verb.lower()
    if low.endswith("ie"):
        return verb[:-2] + "ying"
    if low.endswith(("ee", "ye", "oe")):
        return verb + "ing"
    if low.endswith("e") and len(low) > 2:
        return verb[:-1] + "ing"
    vowels = "aeiou"
    if (len(low) >= 3 and low[-1] not in vowels + "wxy" and low[-2] in vowels
            and low[-3] not in vowels and low not in _NO_DOUBLE
            and sum(c in vowels for c in low) == 1):
        return verb + verb[-1] + "ing"
    return verb + "ing"


def capitalize_first(text: str) -> str:
    """The text with its first letter upper-case, unless the first word is written lower-case
    on purpose (dbt, iOS) or has inner capitals."""
    tokens = words(text)
    if not tokens:
        return text
    first = tokens[0]
    if first in KEEP_LOWER or re.match(r".[^\W\d_]*[A-Z]", first) or not first[0].islower():
        return text
    index = text.find(first)
    return text[:index] + first[0].upper() + text[index + 1:]


def lower_first(text: str) -> str:
    """The text with its first letter lower-case, unless it is "I", a name or an acronym."""
    tokens = words(text)
    if not tokens:
        return text
    first = tokens[0]
    if first == "I" or first.startswith(("I'", "I’")) or (len(first) > 1 and (
            first[1:].lower() != first[1:])):
        return text
    if first[:1].isupper() and first.lower() in DETERMINERS | SUBJECT_PRONOUNS | WH_WORDS | {
            "there", "it", "on", "in", "at", "for", "after", "before", "since", "when", "every"}:
        index = text.find(first)
        return text[:index] + first[0].lower() + text[index + 1:]
    return text


def sentence(text: str) -> str:
    """A finished sentence: spaces tidied, first letter capital, one end mark."""
    body = _SPACE_RE.sub(" ", text).strip()
    body = re.sub(r"\s+([,.;:!?])", r"\1", body)
    body = capitalize_first(body)
    if body.endswith(("etc.", "e.g.", "i.e.")):
        return body
    body = body.rstrip(" ,;:")
    if not body.endswith((".", "!", "?", "?\u201d", "!\u201d", ".\u201d", "?\"")):
        body += "."
    return re.sub(r"\.{2,}$", ".", body)


def join_words(items: Sequence[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def pick(options: Sequence[str], variant: int, position: int = 0, salt: int = 0) -> str:
    """One option, chosen deterministically by variant, panel position and part (salt).

    Consecutive variants take consecutive options, so variants 0..len-1 of a part all differ;
    each panel position shifts the choice so two interviewers get different wording.
    """
    if not options:
        return ""
    return options[(variant + position * (salt % 3 + 1) + salt) % len(options)]

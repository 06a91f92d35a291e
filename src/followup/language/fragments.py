"""What kind of fragment a note is, read with word classes, so it can be placed in a sentence.

People write notes as fragments. Each kind fits different frames:

- a clause with its own subject and verb ("they're opening 6 beds in March") → "… that …";
- a verb phrase in the past ("precepted 6 new grads") or present ("manage ~40 staff") →
  after "I" when it is the candidate's;
- a gerund ("porting the POS to tablets") or a wh-question ("how I handle schema changes")
  → "… about …";
- an adjective phrase ("PCCN certified", "fluent in Tagalog") → after "I am";
- a noun phrase ("State of Illinois teaching license") → after a verb that suits its head
  ("I hold a …", "I have …");
- an elliptical result ("pass rate up from 61% to 78% in 2 yrs") → a full clause ("the pass
  rate went up from 61% to 78% in two years");
- a note to self ("should've used the other example") → never quoted;
- anything else is UNKNOWN: the composer leaves it out and says so.

Word classes and verb forms come from `lexicon` (lemminflect), never from a list of one
industry's verbs. `read` first expands shorthand (`shorthand.expand`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from followup.language import lexicon, shorthand
from followup.language.articles import indefinite_article
from followup.language.lexicon import (
    AUXILIARIES,
    CONTRACTED_SUBJECTS,
    DETERMINERS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    WH_WORDS,
)

_WORD_RE = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*%?|[^\w\s]", re.UNICODE)


class Kind(StrEnum):
    """How a fragment fits into a sentence."""

    CLAUSE = "clause"
    FIRST_PERSON = "first-person"
    VERB_PAST = "verb-past"
    VERB_PRESENT = "verb-present"
    GERUND = "gerund"
    QUESTION = "question"
    ADJECTIVE = "adjective"
    NOUN_PHRASE = "noun-phrase"
    RESULT = "result"
    SELF_NOTE = "note-to-self"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Fragment:
    """A note, cleaned and expanded, with its kind (and why, when it cannot be used).

    `main` is the part before the first comma, colon, dash or bracket, and `details` the
    rest ("PCCN certified" + "current BLS and ACLS"); the kind is the main part's. A list of
    noun phrases ("budgets, forecasting, payroll") is one noun phrase, with no details.
    """

    source: str
    text: str
    kind: Kind
    main: str = ""
    details: str = ""
    reason: str = ""

    @property
    def first(self) -> str:
        """The first part alone, even of a list ("contract playbook" of "contract playbook,
        CLM tool, Juro")."""
        return re.split(r"\s*(?:(?<!\d),|,(?!\d)|[;:(]|\s[-–—]\s)\s*", self.text)[0].strip()

    def phrase(self) -> str:
        """The main part with its details in brackets: "PCCN certified (current BLS and
        ACLS)"."""
        if not self.details:
            return self.main
        if _ASIDE_RE.match(self.details):
            return f"{self.main}, {self.details}"    # "precepting, especially new hires"
        return f"{self.main} ({self.details})"


# How a note to self starts or what it says: the candidate talking to themselves about their
# own performance or a to-do, which a letter must never quote.
_SELF_RE = re.compile(
    r"^(?:should(?:'ve|’ve|\s+have|ve)?\b|i\s+should\b|next\s+time\b|remember\s+to\b|"
    r"don'?t\s+forget\b|note\s+to\s+self\b|need\s+to\b|must\s+remember\b|ugh\b|oops\b|"
    r"forgot\b|i\s+forgot\b|wish\s+i\b|i\s+wish\b|i\s+think\s+i\b|i\s+(?:totally\s+)?"
    r"(?:blanked|rambled|fumbled|froze|messed|bombed|stumbled)\b|blanked\b|rambled\b|"
    r"fumbled\b|todo\b|to\s*do\b|look\s+up\b|check\s+(?:if|whether)\b|maybe\s+i\b|"
    r"not\s+sure\s+(?:if|whether)\s+i\b|i\s+was\s+(?:nervous|late|rushed)\b|me:|"
    r"(?:my\s+)?answer\s+(?:was|wasn'?t|felt)\b|(?:didn'?t|don'?t|wasn'?t|couldn'?t|"
    r"can'?t|won'?t)\b|(?:went|going)\s+(?:well|badly|ok|okay)\b|nailed\b|bombed\b|"
    r"my\s+\w+(?:\s+\w+)?\s+(?:was|were|is|felt|looked)\b)",
    re.IGNORECASE)
_SELF_ANYWHERE_RE = re.compile(r"\b(?:lol|ugh|oops|idk|tbh|imo|smh|note to self|my bad|haha+|"
                               r"hmm+|yikes|argh|lil|mention (?:it )?if|if (?:they|she|he) "
                               r"asks?|annoyed at myself|kick myself|bring (?:it |that )?up|"
                               r"think about it|expected more|red flag|not sure about|"
                               r"call (?:me|him|her|them)|calls? (?:him|her|them)|goes by|"
                               r"prefers? to be called|(?:first|family|last) name|pronounced|"
                               r"pronouns?|wants? [\"“]|spell(?:ed|s)? (?:it|her|his)|"
                               r"don'?t (?:use|call))\b|"
                               r"\(me\)|!{2,}|\?!", re.IGNORECASE)
_RESULT_RE = re.compile(
    r"^(?P<subject>.+?)\s+(?:(?P<dir>up|down|increased|decreased|rose|fell|dropped|grew|"
    r"improved|reduced|cut)\s+(?P<rest>(?:by\s+)?(?:from\s+)?[~$£€]?\d.*)|"
    r"(?<!\bfrom)(?<!\bbetween)(?P<start>[~$£€]?\d[\d.,]*%?)\s+to\s+"
    r"(?P<end>[~$£€]?\d[\d.,]*%?.*))$", re.IGNORECASE)
_RESULT_VERBS = {"up": "went up", "down": "went down", "increased": "increased",
                 "decreased": "decreased", "rose": "rose", "fell": "fell", "dropped": "dropped",
                 "grew": "grew", "improved": "improved", "reduced": "went down",
                 "cut": "went down"}
_ASIDE_RE = re.compile(r"(?:especially|including|mostly|mainly|mostly|such as|like|"
                       r"particularly|plus|and|but|then|so)\b", re.IGNORECASE)
_DEGREE = frozenset("very really super pretty quite so too extremely fairly rather".split())
_FREQUENCY = frozenset("often usually always sometimes never rarely also still already "
                       "now just really".split())
_TRIM_RE = re.compile(r"^(?:[-*•+]\s+|\d+[.)]\s+)")
_QUOTES = "\"'“”‘’«»"


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def clean(note: str) -> str:
    """A note without bullet marks, wrapping quotes, trailing punctuation or extra spaces;
    shorthand written out; a lone lower-case "i" made "I"."""
    text = " ".join(note.split())
    text = _TRIM_RE.sub("", text)
    if len(text) >= 2 and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = text[1:-1].strip()
    text = shorthand.expand(text)
    text = re.sub(r"(?<![\w'’])i(?=$|[\s,;:'’])", "I", text)
    text = text.rstrip(" .,;:!").strip()
    return re.sub(r"\s+([,;:])", r"\1", text)


def _alpha(tokens: list[str]) -> list[str]:
    return [t for t in tokens if t[0].isalnum()]


def is_self_note(text: str) -> bool:
    return bool(_SELF_RE.match(text) or _SELF_ANYWHERE_RE.search(text))


def _verb_after_subject(tokens: list[str], start: int) -> bool:
    """Whether tokens[start:] hold the finite verb of a clause whose subject ends before it."""
    for index in range(start, min(len(tokens), start + 7)):
        token = tokens[index]
        low = token.lower()
        following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
        if low in PREPOSITIONS or low in ("and", "or", ",", "(", "-", ":"):
            return False
        if low in AUXILIARIES:
            return low not in ("be", "been", "being")   # "the station been on air": no verb
        previous = tokens[index - 1].lower()
        if previous in DETERMINERS or previous in PREPOSITIONS:
            continue
        if lexicon.verb_forms(low) & {"VB", "VBP", "VBZ", "VBD"} and (previous.endswith("ly")
                                                   or previous in _FREQUENCY) and index > 1:
            return True      # "whānau often come to sessions"
        if lexicon.is_plural_noun(low) and any(t[:1].isdigit() or t.lower() in
                                               lexicon.NUMBER_WORDS for t in tokens[:index]):
            continue         # "2 kinder classes": counted, a noun
        forms = lexicon.verb_forms(low)
        if "VBZ" in forms and following and following[0].isalnum() and (
                following not in lexicon.CONJUNCTIONS) and (
                following not in AUXILIARIES and not lexicon.is_base_verb(following)) and (
                not lexicon.can_be_noun(low) or (
                    following not in PREPOSITIONS and not lexicon.is_plural_noun(previous)
                    and (following in DETERMINERS or following[:1].isdigit()
                         or following in lexicon.POSSESSIVES
                         or (lexicon.can_be_adjective(following)
                             and "ADV" not in lexicon.classes(following))
                         or lexicon.is_plural_noun(following)))):
            return True     # "school uses restorative practices", not "Christmas windows
            #                 already done" or "local partners"
        if "VBD" in forms:
            # "curriculum built around river ecology": a participle after a noun, followed
            # by a preposition, describes the noun; "team cut paging by half" is a clause,
            # and so is a short subject's "the team moved to Kafka".
            short_subject = index <= 2 and (index == 1 or tokens[0].lower() in DETERMINERS)
            if (following in PREPOSITIONS or not following) and not (
                    short_subject and following and low.endswith("ed")
                    and not lexicon.can_be_adjective(low)):
                return False
            return not lexicon.can_be_adjective(low)
        if "VBP" in forms and lexicon.is_plural_noun(previous) and not lexicon.can_be_noun(
                low) and index == 1:
            return True      # "analysts sit next to the team"
        if "VBP" in forms and lexicon.is_plural_noun(previous) and (
                following in DETERMINERS or following[:1].isdigit()) and not (
                lexicon.can_be_noun(low) and following in PREPOSITIONS):
            return True
    return False


def _bare_singular(word: str) -> bool:
    """A singular countable noun with no determiner: after a past form it cannot be the
    object ("registered nurse"), so the past form is an adjective."""
    return (bool(word) and lexicon.can_be_noun(word) and not lexicon.is_plural_noun(word)
            and countable(word))


def _participle_phrase(tokens: list[str]) -> bool:
    """An adjective phrase built on a participle: "PCCN certified", "short staffed on
    nights" (the word before it is an adjective or an acronym, not a noun it could describe:
    "curriculum built around …" is a noun phrase)."""
    for index in range(1, min(len(tokens), 4)):
        token = tokens[index].lower()
        if not lexicon.verb_forms(token) & {"VBD", "VBN"} or not token.endswith("ed"):
            continue
        following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
        before = tokens[index - 1]
        if following and following not in PREPOSITIONS and not re.fullmatch(
                r"(?:19|20)\d\d", following):
            return False
        return before.isupper() or (lexicon.can_be_adjective(before)
                                    and before.lower() not in DETERMINERS)
    return False


def kind_of(text: str) -> Kind:
    """The kind of an already cleaned fragment (see the module docstring)."""
    if not text or is_self_note(text):
        return Kind.SELF_NOTE if text else Kind.UNKNOWN
    tokens = _alpha(words(text))
    if not tokens:
        return Kind.UNKNOWN
    first, low = tokens[0], tokens[0].lower()
    second = tokens[1].lower() if len(tokens) > 1 else ""
    if first == "I" or low.startswith(("i'", "i’")):
        return Kind.FIRST_PERSON
    if low in WH_WORDS and low != "which":
        # "how I handle month-end close" is a topic; "why SFD" is not a phrase at all.
        verbs = [t for i, t in enumerate(tokens[1:], 1) if t.lower() in AUXILIARIES or (
            lexicon.verb_forms(t) and not (lexicon.can_be_noun(t) and i == len(tokens) - 1))]
        return Kind.QUESTION if verbs else Kind.UNKNOWN
    if _RESULT_RE.match(text) and not _verb_after_subject(tokens, 1) and not (
            lexicon.is_past(low) and not first[:1].isupper()):
        return Kind.RESULT
    if low in CONTRACTED_SUBJECTS or (low in SUBJECT_PRONOUNS and second and (
            second in AUXILIARIES or lexicon.can_be_verb(second) or second in ("also", "just",
                                                                               "still"))):
        return Kind.CLAUSE
    if low == "there" and second in AUXILIARIES:
        return Kind.CLAUSE
    if lexicon.classes(low) == {"ADV"} or (low.endswith("ly") and "ADV" in lexicon.classes(low)):
        return Kind.UNKNOWN                    # "mostly tourists": a statement, elided
    if (lexicon.is_gerund(low) and not first[:1].isupper()) or (
            lexicon.is_gerund(low) and len(tokens) > 1 and second in DETERMINERS):
        return Kind.GERUND
    forms = lexicon.verb_forms(low)
    adjective = lexicon.can_be_adjective(low)
    if "VBD" in forms and not first[:1].isupper():
        if adjective and (not second or second in PREPOSITIONS):
            return Kind.ADJECTIVE              # "licensed in 3 states", "certified"
        if adjective and _bare_singular(second):
            return Kind.NOUN_PHRASE            # "registered nurse for six years"
        if second and (second in DETERMINERS or second[:1].isdigit() or not (
                lexicon.can_be_noun(low) and lexicon.can_be_noun(second))):
            return Kind.VERB_PAST              # "precepted six new grads"
    if ("VB" in forms and not lexicon.can_be_noun(low) and second
            and not first[:1].isupper() and len(tokens) > 1
            and (not adjective or second in DETERMINERS or second in lexicon.POSSESSIVES)):
        return Kind.VERB_PRESENT               # "manage about 40 staff"
    if _verb_after_subject(tokens, 1):
        return Kind.CLAUSE
    if _participle_phrase(tokens):
        return Kind.ADJECTIVE                  # "PCCN certified", "short staffed on nights"
    if adjective and (len(tokens) == 1 or second in PREPOSITIONS) and low not in DETERMINERS:
        return Kind.ADJECTIVE                  # "bilingual", "fluent in Tagalog"
    if low in _DEGREE:
        return Kind.ADJECTIVE                  # "very formal", "super friendly"
    if not any(lexicon.can_be_noun(t) or t[:1].isupper() or t[:1].isdigit()
               or not lexicon.is_word(t) for t in tokens):
        return Kind.UNKNOWN                    # no noun to be about
    return Kind.NOUN_PHRASE


_SPLIT_RE = re.compile(r"\s*(?:(?<!\d),|,(?!\d)|[;:(]|\s[-–—]\s)\s*")


def _join_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def read(note: str) -> Fragment:
    """A note as a fragment: cleaned, shorthand expanded, its kind decided."""
    text = clean(note)
    if not text or is_self_note(text):
        kind = Kind.SELF_NOTE if text else Kind.UNKNOWN
        return Fragment(note, text, kind, text, "", "it reads as a note to yourself"
                        if text else "it is empty")
    parts = [p.strip(" )") for p in _SPLIT_RE.split(text) if p.strip(" )")]
    main, details = (parts[0], ", ".join(parts[1:])) if parts else (text, "")
    kind = kind_of(main)
    if details and kind is Kind.NOUN_PHRASE and "," in text and ":" not in text and all(
            kind_of(p) in (Kind.NOUN_PHRASE, Kind.GERUND) and len(p.split()) <= 3
            and not any(c.isdigit() for c in p) for p in parts):
        main, details = _join_list(parts), ""     # a list of short noun phrases
    if kind is Kind.UNKNOWN:
        return Fragment(note, text, kind, main, details, "it could not be read as a phrase")
    return Fragment(note, text, kind, main, details)


def result_clause(text: str) -> str | None:
    """An elliptical result as a full clause: "pass rate up from 61% to 78%" → "the pass rate
    went up from 61% to 78%"; None when the text is not one."""
    match = _RESULT_RE.match(text)
    if not match:
        return None
    subject = with_article(match["subject"], definite=True)
    if match["start"]:      # "carrier OTD 88% to 95% with scorecards"
        return f"{subject} went from {match['start']} to {match['end']}"
    return f"{subject} {_RESULT_VERBS[match['dir'].lower()]} {match['rest']}"


def countable(noun: str) -> bool:
    """Whether a singular noun takes "a": its plural is in common use ("unit"/"units"),
    unlike a mass noun's ("knowledge"/"knowledges"). "experience" is used without an
    article in résumés and notes alike."""
    low = noun.lower()
    if low in ("experience", "background", "work", "training", "care", "practice"):
        return False
    plural = lexicon.inflect(low, "NNS")
    if plural == low:
        return False
    return lexicon.zipf(plural) >= lexicon.zipf(low) - 1.3


def head_noun(text: str) -> str:
    """The word a noun phrase is about: the last word before its first preposition,
    comma or bracket ("four years on a unit" → "years"); an "of" between capitalised words
    is part of a name ("State of Illinois teaching license" → "license")."""
    tokens = words(text)
    head = ""
    for index, token in enumerate(tokens):
        low = token.lower()
        if low == "of" and 0 < index < len(tokens) - 1 and tokens[index - 1][:1].isupper() and (
                tokens[index + 1][:1].isupper()):
            continue
        if low in PREPOSITIONS or token in (",", "(", ";", ":", "-"):
            break
        if token[0].isalnum():
            head = token
    return head


def needs_article(text: str) -> bool:
    """Whether a noun phrase lacks the article English requires: it starts with no
    determiner, number or possessive, and its head is a singular countable noun."""
    tokens = _alpha(words(text))
    if not tokens:
        return False
    first = tokens[0].lower()
    if first.endswith(("'s", "’s")):
        return first[:1].islower() and lexicon.can_be_noun(first[:-2])   # "school's …"
    if (first in DETERMINERS or first.isdigit() or first in lexicon.NUMBER_WORDS
            or re.fullmatch(r"[\d,.]+", first)):
        return False
    head = head_noun(text)
    if not head or head.isupper() or (head[:1].isupper() and head == tokens[0]):
        return False
    if lexicon.is_plural_noun(head) or not lexicon.can_be_noun(head):
        return False
    return countable(head)


def with_article(text: str, *, definite: bool = False) -> str:
    """The noun phrase with "the" or "a/an" where it lacks one (see `needs_article`); a
    possessive ("school's concert") only ever takes "the"."""
    if not needs_article(text):
        return text
    if _alpha(words(text))[0].lower().endswith(("'s", "’s")):
        return f"the {text}" if definite else text
    if definite:
        return f"the {text}"
    return f"{indefinite_article(text)} {text}"

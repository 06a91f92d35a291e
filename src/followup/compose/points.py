"""The interviewer's points as sentence parts: a topic ("about …") or a clause ("that …").

`make_point` reads one `discussed:` or `shared:` note (shorthand written out, reporting verbs
dropped, turned towards the interviewer: "our team" → "your team") and decides, by its kind
(see `language/fragments.py`), whether a sentence can hold it. What cannot be said — a note to
self, figures, shorthand words, pay talk, somebody's "my" — comes back as `Unused`, with the
reason the draft's hints show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from followup.compose import claims, grammar, phrasing
from followup.compose.phrasing import FragmentKind
from followup.language import fragments, lexicon
from followup.language.fragments import Kind
from followup.model import Interview, Interviewer


@dataclass(frozen=True)
class Point:
    """Something from the conversation with this interviewer, ready for a sentence."""

    kind: str            # "discussed" or "shared"
    source: str          # as recorded
    phrase: str          # cleaned, turned towards the interviewer ("your team …")
    form: FragmentKind   # topic ("about …") or clause ("that …")


@dataclass(frozen=True)
class Unused:
    """A note the composer could not say in a sentence, and why (shown as a hint)."""

    source: str
    reason: str

    def hint(self) -> str:
        return (f"left out \u201c{self.source.strip()}\u201d: {self.reason}")


TOPIC_VERBS_RE = re.compile(
    r"^(?:asked(?:\s+me)?(?:\s+about)?|(?:tell|told)\s+me\s+about|describe|walk\s+me\s+through|talked(?:\s+a\s+lot)?\s+about|discussed|went\s+over|"
    r"walked\s+me\s+through|covered|touched\s+on|chatted\s+about|dug\s+into|"
    r"spent\s+(?:a\s+lot\s+of\s+)?time\s+on|focused\s+on|lots\s+(?:of\s+)?(?:q'?s\s+)?"
    r"(?:on|about)|q'?s?\s+(?:on|about))\s+", re.IGNORECASE)


_MONEY_RE = re.compile(r"\b(?:salary|salaries|pay|paid|wage|wages|compensation|bonus|"
                       r"benefits|pension|401k|stock options|per hour|"
                       r"an hour|/hr|k a year|per annum)\b|[$£€¥₹]\s?\d", re.IGNORECASE)
_FIRST_PERSON_RE = re.compile(r"\b(?:I|my|me|mine|I'm|I've|I’m|I’ve)\b")
# A count and what it counts, maybe where: "about 40 staff on nights", "48 beds".
_QUANTITY_RE = re.compile(r"(?:about |around |over |nearly |more than |almost )?(\d[\d,]*|one|"
                          r"two|three|four|five|six|seven|eight|nine|ten|a dozen) [a-z-]+s"
                          r"(?: [a-z]+ing)?(?: (?:on|in|at|across|per|a) [^\d]+)?")


def make_point(kind: str, text: str, names: tuple[str, ...],
               terms: frozenset[str] = frozenset()) -> Point | Unused:
    """One of the interviewer's points as a topic or a clause, or why it cannot be used.

    When its first part cannot be said ("~400 invoices/wk, 3-way match, QuickBooks
    Enterprise"), the first of its other parts that can ("QuickBooks Enterprise") is used.
    """
    point = _make_point(kind, text, names, terms)
    if isinstance(point, Point) or fragments.is_self_note(fragments.clean(text)):
        return point
    parts = re.split(r"\s*(?<!\d),(?!\d)\s*|;\s*", fragments.clean(text))
    for part in parts[1:]:
        other = _make_point(kind, part, names, terms)
        if isinstance(other, Point):
            return Point(kind, text, other.phrase, other.form)
    return point


def _make_point(kind: str, text: str, names: tuple[str, ...],
                terms: frozenset[str]) -> Point | Unused:
    cleaned = fragments.clean(phrasing.drop_reporting(fragments.clean(text), names))
    if fragments.is_self_note(cleaned):
        return Unused(text, "it reads as a note to yourself")
    cleaned = TOPIC_VERBS_RE.sub("", cleaned)
    if _MONEY_RE.search(cleaned):
        return Unused(text, "pay and benefits are for the offer stage, not a thank-you note")
    if (kind == "shared" and _FIRST_PERSON_RE.search(cleaned)) or (
            re.match(r"(?:my|I)\b", cleaned) and fragments.kind_of(cleaned) in (
                Kind.CLAUSE, Kind.FIRST_PERSON)):
        return Unused(text, "it is not clear whose \u201cI\u201d or \u201cmy\u201d this is; "
                            "write it as they said it (\u201chis store cut …\u201d)")
    turned = grammar.lower_first(phrasing.to_second_person(cleaned, names))
    fragment = fragments.read(turned)
    form = fragment.kind
    # Details after a comma or in brackets are the candidate's shorthand more often than
    # not ("why plumbing (my uncle, summer helper)"): a point says its main part only.
    if form is Kind.CLAUSE:
        phrase = claims.finish(phrasing.as_clause(fragment.main), definite=True)
        return Point(kind, text, phrase, FragmentKind.CLAUSE)
    if fragment.first != fragment.main:
        fragment = fragments.read(fragment.first)      # one thing from a list
        form = fragment.kind
    unknown = [w for w in re.findall(r"\b[a-z][a-z'-]*\b", fragment.main)
               if w not in terms and w not in grammar.KEEP_LOWER and _shorthand_like(w)]
    if unknown:
        return Unused(text, f"\u201c{unknown[0]}\u201d reads as shorthand; write it out to "
                            "have the note used")
    if form is Kind.NOUN_PHRASE and re.fullmatch(r"[a-z]+", fragment.main):
        return Unused(text, "one word does not say what you talked about; add what about it")
    count = _QUANTITY_RE.fullmatch(fragment.main)
    if form is Kind.NOUN_PHRASE and count:
        # "about 40 staff on nights": a count they gave, said as a fact.
        verb = "is" if count[1] in ("1", "one") else "are"
        phrase = claims.finish(f"there {verb} {fragment.main}", definite=True)
        return Point(kind, text, phrase, FragmentKind.CLAUSE)
    if re.search(r"\d", fragment.main):
        # Figures in a topic ("GOP margin 31% to target 36%", "night sort 11pm-4am") are
        # the notes' shorthand; a letter would say them in a sentence of their own.
        return Unused(text, "figures in a note read as shorthand in a letter; write it as a "
                            "sentence to have it used")
    if form in (Kind.GERUND, Kind.QUESTION, Kind.NOUN_PHRASE, Kind.VERB_PRESENT):
        topic = phrasing.as_topic(fragment.main, verb_first=form is Kind.VERB_PRESENT)
        if form is Kind.NOUN_PHRASE:
            topic = fragments.with_article(topic, definite=True)
        return Point(kind, text, claims.finish(topic, definite=True), FragmentKind.TOPIC)
    if form is Kind.SELF_NOTE:
        return Unused(text, "it reads as a note to yourself")
    return Unused(text, "it does not say who did what; write it as a sentence (\u201cyour "
                        "team …\u201d, \u201cwe talked about …\u201d) to have it used")


def points_and_unused(person: Interviewer, terms: frozenset[str] = frozenset()
                      ) -> tuple[tuple[Point, ...], tuple[Unused, ...]]:
    """The interviewer's usable points (first discussed, first shared, then the rest in
    order), and the notes that could not be used. `terms`: lower-case words the record uses
    elsewhere (the job description, qualifications), so "dbt" there is a term, not shorthand."""
    names = tuple(n for n in (person.name, person.first_name) if n)
    discussed = [make_point("discussed", t, names, terms) for t in person.discussed if t.strip()]
    shared = [make_point("shared", t, names, terms) for t in person.shared if t.strip()]
    usable_d = [p for p in discussed if isinstance(p, Point) and p.phrase.strip()]
    usable_s = [p for p in shared if isinstance(p, Point) and p.phrase.strip()]
    ordered = usable_d[:1] + usable_s[:1] + usable_d[1:] + usable_s[1:]
    unused = tuple(p for p in discussed + shared if isinstance(p, Unused))
    return tuple(ordered), unused


def _shorthand_like(word: str) -> bool:
    """A lower-case word no lexicon knows, or a short one rare in text ("obs", "somm")."""
    return not lexicon.is_word(word) or (len(word) <= 4 and lexicon.zipf(word) < 3.5
                                         and not lexicon.classes(word))


def record_terms(interview: Interview) -> frozenset[str]:
    """The lower-case words of the record's own texts: terms of the trade it uses."""
    text = " ".join((interview.job_description, *interview.qualifications, interview.notes))
    return frozenset(re.findall(r"\b[a-z][a-z'-]*\b", text))


def points_of(person: Interviewer) -> tuple[Point, ...]:
    """The interviewer's usable points (see `points_and_unused`)."""
    return points_and_unused(person)[0]

"""P9 proofread, who and which company: the greeting greets someone of this interview, and no
other employer's name slips into the note. Both need a record; without one nothing is assumed.

- `p09.unknown-greeting` (error): the greeting names someone who is in no part of the record
  ("Dear Rachel," to Rosalind; "Dear Ms. Smith,"). Another panel member is
  `p09.wrong-recipient`; a near miss of a recorded name is `p09.name-misspelled`; a short
  form of a recorded name ("Chris" for "Christine") and group greetings ("Dear team,") pass.
- `p09.other-employer` (warning): an organisation-like proper noun ("Mercy General Hospital",
  "Acme Inc", "Lincoln High School", "First Harbor Bank") that is not the record's company.
  The candidate's own history is no slip ("I worked at Denver Health Hospital for six
  years"): a sentence in the first person and the past, or about a past or current job of
  theirs, is left alone; so is an organisation the record itself mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from followup.check import proofread
from followup.check.context import CheckContext, addressed_in
from followup.check.document import Document
from followup.check.kinds import Hit, Logic, Needs, Settings
from followup.check.rules.p05_qualifications import past_tense_lemma
from followup.check.rules.p09_names import name_parts, near_name, people
from followup.check.words import fold, tokens
from followup.model import Severity

_TITLES = frozenset({"mr", "mrs", "ms", "mx", "dr", "prof", "professor", "sir", "madam", "miss",
                     "coach", "chef", "pastor", "rev", "nurse", "captain", "judge"})
_GROUP_WORDS = frozenset({"all", "there", "team", "everyone", "folks", "both", "hiring",
                          "manager", "committee", "panel", "recruiter", "recruiting",
                          "recruitment", "sir", "madam", "colleagues", "friends", "you"})
SHORT_FORM = 3  # "Chris" for "Christine", "Alex" for "Alexandra": same first three letters


def _unknown_greeting(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    span = doc.salutation_name
    if span is None or ctx.interview is None:
        return
    greeted = doc.slice(span)
    words = [t for t in tokens(greeted) if fold(t) not in _TITLES]
    if not words or any(fold(w) in _GROUP_WORDS for w in words):
        return
    if addressed_in(greeted, ctx.interview) is not None:
        return  # a panel member (the right one or not: p09.wrong-recipient)
    parts = name_parts(ctx)
    known = {fold(t) for p in people(ctx) for t in tokens(f"{p.name} {p.salutation or ''}")}
    mine = proofread.personal_words(cfg.words)
    for word in words:
        folded = fold(word)
        if folded in known or folded in mine or near_name(word, parts):
            return
        if len(folded) >= SHORT_FORM and any(k.startswith(folded[:SHORT_FORM]) for k in known):
            return
    person = ctx.interviewer
    if person is not None and len(tokens(person.name)) < 2 and len(words) < len(tokens(greeted)):
        return  # "Dear Ms. Okafor" to a "Ngozi" recorded without a surname: cannot tell
    names = ", ".join(p.name for p in ctx.panel)
    fix = (person.salutation or person.first_name) if person is not None else None
    elsewhere = next((o for o in ctx.other_interviews if o.find_interviewer(greeted)), None)
    where = (f" but of your {elsewhere.company} interview" if elsewhere is not None else "")
    yield Hit(span.start, span.end, suggestion=fix, message=(
        f"The greeting names \u201c{greeted}\u201d, who is not of this interview{where}"
        + (f" (the panel: {names})." if names else ".")))


_ORG_SUFFIX = (
    r"Hospital|Clinic|Medical Center|Medical Centre|Health(?:care)?|Inc\.?|LLC|Ltd\.?|Corp\.?|"
    r"Corporation|Company|Co\.|School|High School|Academy|University|College|Bank|Group|"
    r"Center|Centre|Partners|Foundation|Institute|Labs?|Systems|Technologies|Solutions|Agency|"
    r"Associates|Holdings|Consulting|Industries|Pharmacy|Hotel|Restaurant|Bakery|Café|Cafe|"
    r"Store|Stores|Market|Motors|Airlines|Insurance|Credit Union|District|Library|Museum")
_CAP = r"(?:St\.|[A-Z][\w'’&\-]*)"
_ORG_RE = re.compile(rf"\b{_CAP}(?:[ \t]+(?:of[ \t]+|the[ \t]+|&[ \t]+)?{_CAP}){{0,4}}?"
                     rf"[ \t]+(?:{_ORG_SUFFIX})(?![\w])")
_OWN_PAST_RE = re.compile(
    r"\b(?:my (?:last|previous|former|current|old|first|prior) (?:job|role|position|employer|"
    r"team|company|workplace|school|unit|ward)|my (?:time|years|work|placement|internship|"
    r"residency|rotation|clinicals?) (?:at|with)|I (?:worked|work|spent|was|served|trained|"
    r"studied|graduated|volunteered|interned|taught|led|managed|ran|joined|started)|"
    r"I['’]ve (?:worked|been|spent|served|trained|taught)|I have (?:worked|been|spent|served)|"
    r"(?:previously|formerly|currently) (?:at|with))\b",
    re.IGNORECASE)
_GENERIC_HEADS = frozenset({"the", "a", "an", "our", "your", "my", "this", "that", "their"})


_CLAUSE_BREAK_RE = re.compile(r",\s*(?:and|but|so|while|yet)\s+|;\s*|\s+—\s+")


def _clause(sentence: str, at: int) -> str:
    """The clause of a sentence that holds position `at` ("…, and I know I would be a great
    fit for X" is not the clause of "I precepted six nurses")."""
    start, end = 0, len(sentence)
    for brk in _CLAUSE_BREAK_RE.finditer(sentence):
        if brk.end() <= at:
            start = brk.end()
        elif brk.start() >= at:
            end = brk.start()
            break
    return sentence[start:end]


def _told_in_past(sentence: str) -> bool:
    """The candidate telling their own past ("At Mercy General I precepted six nurses"): a
    first-person verb in the past tense, recognised by its morphology (lemminflect)."""
    return any(past_tense_lemma(m.group(1)) is not None for m in _I_PAST_RE.finditer(sentence))


_I_PAST_RE = re.compile(r"\bI\s+(?:also\s+|then\s+|once\s+)?([a-z][a-z\-]+)\b")


def _other_employer(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    interview = ctx.interview
    if interview is None:
        return
    company = {fold(t) for t in tokens(interview.company)}
    record = proofread.record_words(interview) | proofread.personal_words(cfg.words)
    content = doc.content
    for sentence in doc.sentences:
        for match in _ORG_RE.finditer(doc.text, sentence.start, sentence.end):
            text = _clause(doc.slice(sentence), match.start() - sentence.start)
            words = [t for t in tokens(match.group(0)) if fold(t) not in _GENERIC_HEADS]
            head = [fold(t) for t in words[:-1]] or [fold(words[-1])]
            if not words or set(head) <= company or set(head) & company:
                continue
            if all(w in record for w in head):
                continue  # the record mentions it (a partner, a client, a school of theirs)
            if _OWN_PAST_RE.search(text) or _told_in_past(text) or not (
                    content.start <= match.start() < content.end):
                continue
            yield Hit(match.start(), match.end(), suggestion=interview.company, message=(
                f"\u201c{match.group(0)}\u201d is not {interview.company}: another employer's "
                "name left in from a different letter?"))


_NOTE = "Dear Dana,\n\nThank you for your time yesterday.\n\nBest regards,\nPriya"

RULES = (
    Logic(
        id="p09.unknown-greeting", practice="P9", severity=Severity.ERROR,
        message="The greeting names someone who is not in this interview.",
        why="Greeting the wrong person tells them the note was written for someone else.",
        fail=(_NOTE.replace("Dana", "Rachel"), _NOTE.replace("Dana", "Ms. Smith")),
        passes=(_NOTE, _NOTE.replace("Dana", "Dr. Whitfield"), _NOTE.replace("Dana", "team"),
                _NOTE.replace("Dana", "Mei-Ling")),
        example_context="northwind", needs=frozenset({Needs.RECORD}), fn=_unknown_greeting,
    ),
    Logic(
        id="p09.other-employer", practice="P9", severity=Severity.WARNING,
        message="Another employer's name in the note.",
        why="Another company's name tells them the note was copied from a letter to someone "
            "else.",
        fail=(_NOTE.replace("your time yesterday.", "your time. I would be a great fit for "
                            "Mercy General Hospital."),
              _NOTE.replace("your time yesterday.", "the tour. Joining Acme Data Inc would "
                            "be a dream.")),
        passes=(_NOTE.replace("your time yesterday.", "your time. I worked at Mercy General "
                              "Hospital for six years."),
                _NOTE.replace("your time yesterday.", "the tour of Northwind Group.")),
        example_context="northwind", needs=frozenset({Needs.RECORD}), fn=_other_employer,
    ),
)

"""The shorthand people type in notes, and what it stands for in a letter.

"4 yrs w/ the night team", "~40 staff", "BLS + ACLS", "paper -> EHR", "why A and not B??":
fine in notes, wrong in a thank-you note. `expand` writes them out ("4 years with the night
team", "about 40 staff", "BLS and ACLS", "paper to EHR", "why A and not B?"); `find` says
where they are, for the checker. Real acronyms (ICU, AP, CPA, HVAC, SQL) are not shorthand
and are left alone: only the lower-case (or capitalised) forms below are expanded.

Each entry is written for this table and tested one by one (tests/test_language.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from followup.language.lexicon import FUNCTION_WORDS, can_be_noun, verb_forms

# Abbreviation (lower case, without its dot) → what it stands for.
WORDS: dict[str, str] = {
    "yrs": "years", "yr": "year", "mos": "months", "mo": "month", "wks": "weeks",
    "wk": "week", "hrs": "hours", "mins": "minutes", "w/": "with", "w/o": "without",
    "b/c": "because", "bc": "because", "esp": "especially", "approx": "about",
    "avg": "average", "pt": "patient", "pts": "patients", "mgr": "manager",
    "mgrs": "managers", "mgmt": "management", "mgt": "management", "dept": "department",
    "depts": "departments", "govt": "government", "gov't": "government",
    "eng": "engineering", "info": "information", "mtg": "meeting", "mtgs": "meetings",
    "ppl": "people", "abt": "about", "incl": "including", "thru": "through",
    "tho": "though", "tmrw": "tomorrow", "tmr": "tomorrow", "nxt": "next",
    "prev": "previous", "exp": "experience", "reqs": "requirements", "req": "requirement",
    "certs": "certifications", "cert": "certification", "sched": "schedule",
    "asap": "as soon as possible", "vs": "versus", "aka": "also known as",
    "tbd": "to be decided", "qty": "quantity", "mfg": "manufacturing", "acct": "account",
    "accts": "accounts", "yoy": "year over year", "hosp": "hospital",
    "meds": "medications", "ops": "operations", "dev": "development", "mngr": "manager",
    "appt": "appointment", "appts": "appointments", "bldg": "building", "dir": "director",
    "asst": "assistant", "assoc": "associate", "ref": "reference", "refs": "references",
    "rep": "representative", "reps": "representatives", "convo": "conversation",
    "prob": "probably", "def": "definitely", "w/in": "within", "thx": "thanks",
    "ft": "full-time", "corp": "corporate",
    "intl": "international", "natl": "national", "univ": "university", "grad": "graduate",
    "grads": "graduates", "undergrad": "undergraduate", "edu": "education",
    "hr": "hour", "etc": "", "ed": "education", "reno": "renovation", "diff": "different",
    "somm": "sommelier", "xmas": "Christmas", "reg": "registration", "obs": "observation",
    "exec": "executive", "rev": "revenue", "admin": "administration", "u": "you",
    "jan": "January", "feb": "February", "apr": "April", "jun": "June", "jul": "July",
    "aug": "August", "sep": "September", "sept": "September", "oct": "October",
    "nov": "November", "dec": "December", "ur": "your", "gr": "grade", "anniv": "anniversary",
    "tue": "Tuesday", "tues": "Tuesday", "thu": "Thursday", "thur": "Thursday",
    "thurs": "Thursday", "fri": "Friday",
}
# Day names, expanded only after a word that introduces a day ("by fri", "on tues").
DAYS: dict[str, str] = {
    "mon": "Monday", "tue": "Tuesday", "tues": "Tuesday", "wed": "Wednesday",
    "thu": "Thursday", "thur": "Thursday", "thurs": "Thursday", "fri": "Friday",
    "sat": "Saturday", "sun": "Sunday",
}
MONTHS = ("january february march april may june july august september october november "
          "december").split()
_MONTH_RE = re.compile(
    rf"\b(?:(in|by|since|until|early|late|mid|from|before|after|of|next|last|this)\s+)?"
    rf"({'|'.join(MONTHS)})\b(?=(\s+\d{{4}})?)")
_UNITS = {"mo": "months", "yr": "years", "wk": "weeks", "hr": "hours", "min": "minutes"}
_DAY_LEADS = frozenset("by on next this until till before after from last".split())
# Words whose short form is also an everyday word or a real acronym in capitals: expanded
# only when typed in lower case ("pt" but not "PT", which is physical therapy).
_LOWER_ONLY = frozenset({"pt", "pts", "hr", "ft", "dev", "ops", "dir", "rep", "ref", "exp",
                         "def", "prob", "eng", "mo", "bc", "edu", "vs"})
# "ft" only means full-time before "role/job/position"; elsewhere it is feet.
_FT_NEXT = frozenset("role job position staff employee employees hire shift".split())

_TOKEN_RE = re.compile(r"(?<![\w/.@-])(?:w/o|w/in|w/|b/c|gov't|[A-Za-z][A-Za-z']*(?![\w-]|\.\w))"
                       r"(?:\.(?!\w))?")
_SYMBOL_RES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "budgets, forecasting, payroll, etc" → "budgets, forecasting and payroll"
    (re.compile(r",\s*([^,]+?),?\s+etc\b\.?(?=$|[\s;:)])"), r" and \1"),
    (re.compile(r"\s*(?:->|=>|→)\s*"), " to "),
    (re.compile(r"(?<=[A-Za-z0-9)])\s+\+\s+(?=[A-Za-z0-9(])"), " and "),
    (re.compile(r"(?<=[a-z])\s*&\s*(?=[a-z])"), " and "),
    (re.compile(r"(?<!\w)~\s*(?=\d)"), "about "),
    (re.compile(r"(?<!\w)(\d[\d,.]*)\+(?=\s+[a-z])"), r"more than \1"),
    (re.compile(r"(?<=\w)\s*@\s*(?=[A-Za-z])(?![^\s@]+@)"), " at "),
    (re.compile(r"(?<=[A-Za-z] )\+(?=\d[\d.]*%)"), "up "),   # "RevPAR +14%" → "up 14%"
    (re.compile(r"\b(master|bachelor)s (?=(?:project|degree|thesis|program|programme)\b)"),
     r"\1's "),
    (re.compile(r"\b1\s*(?:on|:|-on-)\s*1\b"), "one-on-one"),
    (re.compile(r"(?<![\w-])ex(?= [A-Z])"), "former"),       # "ex Phoenix PD"
    (re.compile(r"\?{2,}"), "?"),
    (re.compile(r"!{2,}"), "!"),
    (re.compile(r"\.{3,}|…"), ""),
    (re.compile(r"(?<=[a-z]{3})/(?=(?:hour|day|night|shift|week|month|year|visit|patient)\b)"),
     " a "),                                             # "14 cars/month" → "14 cars a month"
    (re.compile(r"(?<=[a-z]{3})/(?=[a-z]{3})"), " and "),
)


@dataclass(frozen=True)
class Shorthand:
    """One piece of shorthand in a text: where it is and what it stands for."""

    start: int
    end: int
    text: str
    expansion: str


def _expansion(token: str, previous: str, following: str) -> str | None:
    bare = token.rstrip(".")
    low = bare.lower()
    if bare != low and (low in _LOWER_ONLY or not bare[1:].islower() or previous):
        return None  # "PT", "HR": acronyms; "Acme Corp.": part of a name
    if low in DAYS and previous.lower() in _DAY_LEADS:
        return DAYS[low]
    if low == "ft" and following.lower() not in _FT_NEXT:
        return None
    if low in _UNITS and previous[:1].isdigit() and previous != "1":
        return _UNITS[low]                                # "3 mo" → "3 months"
    if low in ("pt", "pts") and previous[:1].isdigit():
        return "point" if low == "pt" and previous == "1" else "points"   # "down 3 pts"
    if low in WORDS:
        expansion = WORDS[low]
        return expansion[:1].upper() + expansion[1:] if bare[:1].isupper() else expansion
    return None


def find(text: str) -> list[Shorthand]:
    """The shorthand words in a text, with their expansions ("" for one to drop: "etc")."""
    found: list[Shorthand] = []
    matches = list(_TOKEN_RE.finditer(text))
    for index, match in enumerate(matches):
        previous = matches[index - 1].group().rstrip(".") if index else ""
        following = matches[index + 1].group() if index + 1 < len(matches) else ""
        expansion = _expansion(match.group(), previous, following)
        if expansion is not None:
            end = match.end()
            # A trailing dot is part of the abbreviation unless it ends the text's sentence.
            if match.group().endswith(".") and end == len(text.rstrip()):
                end -= 1
            found.append(Shorthand(match.start(), end, text[match.start():end], expansion))
    return found


def symbols(text: str) -> Iterator[tuple[int, int]]:
    """Where the text uses note symbols (->, +, &, ~, ??, /) in place of words."""
    for pattern, _ in _SYMBOL_RES:
        for match in pattern.finditer(text):
            if match.group().strip() or match.end() > match.start():
                yield match.start(), match.end()


def expand(text: str) -> str:
    """The text with its shorthand and note symbols written out."""
    for pattern, replacement in _SYMBOL_RES:
        text = pattern.sub(replacement, text)
    pieces: list[str] = []
    pos = 0
    for item in find(text):
        pieces.append(text[pos:item.start])
        pieces.append(item.expansion)
        pos = item.end
    pieces.append(text[pos:])
    out = "".join(pieces)
    out = re.sub(r",?\s+(?:and\s+)?(?=[,.;:)]|$)", "", out)   # a dropped "etc" leaves no gap
    out = _DURATION_RE.sub(_duration_of, out)
    out = re.sub(r"\s{2,}", " ", out)
    return _capital_months(out).strip()


_DURATION_RE = re.compile(r"\b((?:\d+|a few|several|two|three|four|five|six|seven|eight|nine|"
                          r"ten)\+?\s+(?:years?|months?|weeks?|days?|hours?))\s+([a-z][\w-]*)")


def _duration_of(match: re.Match[str]) -> str:
    """"5 years experience", "6 weeks training" → "… of …" (experience, an activity);
    "3 years payroll", "4 years retail" → "… in …" (a field)."""
    word = match.group(2)
    if word in FUNCTION_WORDS or word in ("ago", "later", "each", "every", "a") or (
            not can_be_noun(word)):
        return match.group()     # "4 years in-house", "2 years later"
    joiner = "of" if word in ("experience", "training", "practice", "work", "study") or (
        word.endswith("ing")) else "in"
    return f"{match.group(1)} {joiner} {word}"


def _capital_months(text: str) -> str:
    """"in march", "may 2027" → "in March", "May 2027" ("may" alone is a verb)."""
    def capital(match: re.Match[str]) -> str:
        lead, month, year = match.group(1), match.group(2), match.group(3)
        if month == "may" and not year and lead not in ("in", "early", "late", "mid", "by"):
            return match.group()
        if not lead and not year:
            return match.group()
        return match.group().replace(month, month.capitalize())
    return _MONTH_RE.sub(capital, text)


NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def spell_small_numbers(text: str) -> str:
    """Whole numbers one to nine before a word are spelled out ("6 beds" → "six beds"), as
    careful prose does; figures with units, percentages, ranges and ordinals stay."""
    def word(match: re.Match[str]) -> str:
        if re.search(r"\d[\d.,%]*\s+(?:to|and|or|on|by|x|-)\s*$", text[:match.start()]) or (
                re.match(r"\s+(?:on|by|x)\s+\d", text[match.end(1):])):
            return match.group()     # "from 9 to 6 days": both figures stay figures
        before = text[:match.start()].split()
        label = before[-1].lower() if before else ""
        if match.group(2).strip() in FUNCTION_WORDS or (
                label and label not in FUNCTION_WORDS and not verb_forms(label)):
            return match.group()     # "round 2 on Friday", "grade 8 piano": labels
        return NUMBER_WORDS[int(match.group(1))] + match.group(2)
    return re.sub(r"(?<![\w.,/$£€%-])([1-9])(\s+[a-z][a-z-]*)(?![\w%])", word, text)

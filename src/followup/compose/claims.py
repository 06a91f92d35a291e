"""The candidate's own words as full sentences: a qualification, a better answer, a next step.

A qualification in the notes is a fragment ("precepted 6 new grads", "PCCN certified,
current BLS + ACLS", "State of Illinois teaching license, Biology 6-12", "pass rate up from
61% to 78% in 2 yrs"). `claim` says it as the candidate would, in the first person, with a
verb that suits its kind (see `language/fragments.py`):

- a past or present verb phrase: "I precepted six new graduates";
- an adjective phrase: "I am PCCN certified (current BLS and ACLS)";
- years of something: "I have four years on a telemetry unit";
- a credential: "I hold a State of Illinois teaching license (Biology 6-12)";
- a skill or background noun: "I have strong Excel skills";
- a role held for a time: "I have been a registered nurse for six years";
- a result: "One result I am proud of: the pass rate went up from 61% to 78% in two years".

Anything else returns None: the composer leaves it out and says which note it could not use,
rather than forcing a fragment into a sentence that does not hold.
"""

from __future__ import annotations

import re

from followup.language import fragments, lexicon
from followup.language.articles import indefinite_article
from followup.language.fragments import Fragment, Kind
from followup.language.shorthand import spell_small_numbers

# Nouns that name a credential one holds (a closed class of English, not one industry's).
CREDENTIALS = frozenset(
    "license licence certification certificate degree diploma credential registration "
    "qualification accreditation endorsement clearance permit licensure".split())
# Degrees written as letters: "I hold a BSN", "I hold an MBA".
DEGREES = frozenset("BA BS BSc BSN BEd BEng BFA BBA MA MS MSc MSN MEd MEng MFA MBA MPA MPH "
                    "MSW PhD DPhil EdD JD LLB LLM MD DNP PharmD PGCE DDS DVM AAS ADN MLIS MLS "
                    "MAT MPP MHA MArch MLA MURP MPhil BCom MCom".split())
# Nouns for what one has: skills, knowledge, background.
ABILITIES = frozenset(
    "experience background knowledge skills skill expertise fluency training familiarity "
    "understanding proficiency grounding track record history".split())
_YEARS_RE = re.compile(r"^(?:more than |over |about |nearly |almost )?(?:\d+|[a-z]+)\+? "
                       r"(?:years?|months?)(?:$| (?:of|in|on|at|as|with|for|doing|running|"
                       r"leading|managing|teaching|working)\b)", re.IGNORECASE)
_FOR_YEARS_RE = re.compile(r"\s+(for|since)\s+(?:more than |over |about )?\S+"
                           r"(?:\s+(?:years?|months?))?$")
_PREP_BARE_RE = re.compile(r"\b(on|in|at|as|with)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)"
                           r"(?=$|[\s,.;:)])")


def _fix_articles(text: str, *, definite: bool) -> str:
    """Adds the article a bare singular noun after a preposition lacks: "four years on tele
    unit" → "four years on a tele unit" (the candidate's background: indefinite); "with
    night team" → "with the night team" (the interviewer's: definite)."""
    def fix(match: re.Match[str]) -> str:
        phrase = match.group(2)
        if match.group(1) not in (("with", "on", "at") if definite else ("on", "at", "as")):
            return match.group()
        words = phrase.split()
        if (words[0] in lexicon.FUNCTION_WORDS or words[0] in lexicon.NUMBER_WORDS
                or lexicon.is_gerund(words[0]) or lexicon.is_past(words[0])):
            return match.group()
        # Only a noun phrase of one or two words ending in a singular countable noun, its
        # modifier (if any) not a verb form ("tele unit", "night team").
        head = words[-1]
        if not (lexicon.can_be_noun(head) and not lexicon.is_plural_noun(head)
                and fragments.countable(head)):
            return match.group()
        if len(words) == 2 and lexicon.verb_forms(words[0]) - {"VB", "VBP"}:
            return match.group()
        return f"{match.group(1)} {fragments.with_article(phrase, definite=definite)}"
    return _PREP_BARE_RE.sub(fix, text)


_BARE_DURATION_RE = re.compile(
    r"(?<=[a-z)] )(?<!\bfor )(?<!\bin )(?<!\bof )(?<!\bover )(?<!\blast )(?<!\bnext )"
    r"((?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:years?|months?|weeks?))"
    r"(?=\s*(?:\(|,|$))")


def _object_article(text: str) -> str:
    """"ran crew of 3" → "ran a crew of 3": a past verb's bare singular object takes "a"."""
    tokens = text.split(" ", 2)
    if len(tokens) < 2 or not lexicon.is_past(tokens[0]):
        return text
    rest = " ".join(tokens[1:])
    if fragments.needs_article(rest) and not tokens[1][:1].isupper():
        return f"{tokens[0]} {fragments.with_article(rest)}"
    return text


_YEARS_AS_RE = re.compile(
    r"\b((?:years?|months?)) in ((?:[a-z][\w-]* ){0,2}[a-z][\w-]{2,}(?:er|or|ist|ian|ier|ant))\b"
    r"(?! (?:service|services|work|care|support|relations|experience)\b)")


def _years_as(text: str) -> str:
    """"three years in floor sommelier" → "three years as a floor sommelier": a duration
    before a person's title is spent as one."""
    return _YEARS_AS_RE.sub(lambda m: f"{m.group(1)} as {indefinite_article(m.group(2))} "
                                      f"{m.group(2)}", text)


def finish(text: str, *, definite: bool = False) -> str:
    """A fragment made ready for prose: articles where missing, "for" before a bare
    duration ("ran the choir 6 years" → "… for six years"), small numbers in words."""
    if not definite:
        text = _years_as(text)
    text = _BARE_DURATION_RE.sub(r"for \1", _fix_articles(text, definite=definite))
    # "4000 tanks" → "4,000 tanks" (years and codes stay as they are).
    text = re.sub(r"(?<![\w.,/-])(\d{4,})(?=\s+[a-z])",
                  lambda m: m.group(1) if 1900 <= int(m.group(1)) <= 2100
                  else f"{int(m.group(1)):,}", text)
    return spell_small_numbers(text)


def claim(fragment: Fragment) -> str | None:
    """The qualification as a first-person sentence body (no final stop), or None.

    When the main part cannot be said ("ICAN associate, 4 yrs payroll"), the first of the
    other parts that can ("I have four years of payroll") is used alone.
    """
    said = _claim(fragment)
    if said is not None or not fragment.details:
        return said
    for part in re.split(r"\s*(?<!\d),\s*", fragment.details):
        said = _claim(fragments.read(part))
        if said is not None:
            return said
    return None


def _claim(fragment: Fragment) -> str | None:
    kind = fragment.kind
    phrase = finish(fragment.phrase())
    if kind is Kind.FIRST_PERSON:
        return phrase
    if kind in (Kind.VERB_PAST, Kind.VERB_PRESENT):
        return f"I {_object_article(phrase)}"
    if kind is Kind.ADJECTIVE and fragment.main[:1].isupper() and " " not in fragment.main:
        return None     # "Western": a proper name read as an adjective
    if kind is Kind.ADJECTIVE:
        year = re.search(r"\s+(?:in\s+)?((?:19|20)\d\d)$", fragment.main)
        if year:   # "ACA qualified 2024" → "I have been ACA qualified since 2024"
            return f"I have been {fragment.main[:year.start()]} since {year.group(1)}"
        return f"I am {phrase}"
    if kind is Kind.GERUND:
        return f"I have experience {phrase}"
    if kind is Kind.RESULT:
        clause = fragments.result_clause(fragment.main)
        if clause is None:
            return None
        details = f" ({fragment.details})" if fragment.details else ""
        return f"One result I am proud of: {finish(clause)}{details}"
    if kind is Kind.NOUN_PHRASE:
        return _noun_claim(fragment, phrase)
    return None


def _degree(main: str, details: str) -> str | None:
    """"MSc statistics (Univ. of Helsinki)" → "I hold an MSc in statistics (…)"; "PhD
    Zhejiang University 2026" → "I hold a PhD from Zhejiang University (2026)"."""
    first, _, rest = main.partition(" ")
    if first not in DEGREES:
        return None
    rest = rest.strip()
    year = re.search(r"\s*\b((?:19|20)\d\d)$", rest)
    extra = [year.group(1)] if year else []
    rest = rest[:year.start()].strip() if year else rest
    if rest and re.search(r"\b(?:University|Univ|College|Institute|School|Academy)\b", rest):
        said = f"{first} from {rest}"
    elif rest and rest[:1].islower():
        said = f"{first} in {rest}"
    elif rest:
        said = first                              # "MSW Boise State" → "an MSW (Boise State)"
        extra.insert(0, rest)
    else:
        said = first
    extra += [details.replace("(", "").replace(")", "")] if details else []
    tail = f" ({', '.join(extra)})" if extra else ""
    return f"I hold {indefinite_article(first)} {finish(said)}{tail}"


# A person's job title ends in an agent suffix or is one of the few that do not.
_ROLE_RE = re.compile(r"(?:er|or|ist|ian|ant|ent|ier|nurse|chef|clerk|aide|tech|coach|lead|"
                      r"associate|paralegal|attorney|teller|head|officer)$")
_LANGUAGES_RE = re.compile(r"^(?:fully\s+)?bilingual\s+(?:in\s+)?([A-Za-z]+)\s+and\s+([A-Za-z]+)$",
                           re.IGNORECASE)


def _noun_claim(fragment: Fragment, phrase: str) -> str | None:
    main = fragment.main
    written = fragments.head_noun(main)
    head = written.lower()
    parts = re.split(r"\s*(?<!\d),\s*|\s*\(", fragment.text, maxsplit=1)
    degree = _degree(parts[0].strip(), fragment.details if len(parts) == 1 else
                     parts[1].rstrip(")").strip())
    if degree:
        return degree
    languages = _LANGUAGES_RE.match(main)
    if languages:
        return (f"I am bilingual in {languages.group(1).capitalize()} and "
                f"{languages.group(2).capitalize()}")
    if _YEARS_RE.match(finish(main)) and len(main.split()) > 2:
        return f"I have {phrase}"
    if head in CREDENTIALS:
        return f"I hold {fragments.with_article(phrase)}"
    if head in ABILITIES:
        return f"I have {phrase}"
    first = main.split()[0].lower() if main.split() else ""
    if lexicon.is_past(first) and not main[:1].isupper() and re.search(r"\d", main):
        return f"I {phrase}"    # "cut agency spend 40% in 1 yr": a past verb with a result
    timed = finish(main)
    duration = _FOR_YEARS_RE.search(timed)
    if duration and fragments.needs_article(timed[:duration.start()]) and _ROLE_RE.search(
            fragments.head_noun(timed[:duration.start()])):
        return f"I have been {fragments.with_article(finish(phrase))}"
    if main.lower().startswith("my ") and head in ABILITIES:
        return f"I bring {phrase}"
    return None


def also(claim_text: str) -> str:
    """The claim with "also", for a second qualification: "I am also …", "I also hold …"."""
    for lead in ("I am ", "I have been ", "I'm ", "I’ve ", "I've "):
        if claim_text.startswith(lead):
            return f"{lead}also {claim_text[len(lead):]}"
    if claim_text.startswith("I "):
        return "I also " + claim_text[2:]
    if claim_text.startswith("One result I am proud of:"):
        return "Another result: " + claim_text.split(":", 1)[1].strip()
    return claim_text


LONG_ANSWER = 28
"""Words above which a better answer keeps only its first steps (P7: one sentence, briefly)."""


def _brief(note: str) -> str:
    """The answer without asides ("(transit? 2nd job?)") and cut to its first steps when long:
    what comes after a dash is usually a comment on it, then steps go until ~25 words."""
    text = re.sub(r"\s*\([^)]*\?[^)]*\)", "", note)
    # After a dash comes a comment on the answer ("- not just pull an all-nighter", "- I
    # said 'just say no' at first"): the answer is what comes before it.
    head = re.split(r"\s+[-–—]\s+", text)[0]
    if len(head.split()) >= 5:
        text = head
    if len(text.split()) <= LONG_ANSWER:
        return _verb_steps(text)
    text = re.split(r"\s+[-–—]\s+|;\s*", text)[0]
    steps, kept = re.split(r",\s+", text), list[str]()
    for step in steps:
        if kept and len(" ".join([*kept, step]).split()) > 25:
            break
        kept.append(step)
    return _verb_steps(", ".join(kept))


def _verb_steps(text: str) -> str:
    """Steps after the first that do not start with a verb ("safety plan or removal
    decision") are notes, not steps: the answer stops before them."""
    steps = re.split(r",\s+", text)
    kept = steps[:1]
    for step in steps[1:]:
        first = step.split()[0].lower() if step.split() else ""
        if not (lexicon.is_base_verb(first) or first in ("and", "then", "not", "never")):
            break
        kept.append(step)
    return ", ".join(kept)


def better_answer(note: str) -> str | None:
    """A recorded better answer as a sentence body in the first person, or None."""
    fragment = fragments.read(_brief(note))
    kind = fragment.kind
    text = finish(fragment.text, definite=True)
    if kind in (Kind.FIRST_PERSON, Kind.CLAUSE):
        return text
    if kind in (Kind.VERB_PAST, Kind.VERB_PRESENT):
        return f"I {text}"
    tokens = text.split()
    first = tokens[0].lower() if tokens else ""
    second = tokens[1].lower() if len(tokens) > 1 else ""
    if first in ("would", "will", "could", "can", "should", "might", "always", "usually",
                 "often", "never", "first"):
        return f"I {text}"
    # An instruction to oneself ("check payslip vs HR master data", "explain the rule"):
    # a base verb followed by what it acts on.
    if lexicon.is_base_verb(first) and (not lexicon.can_be_noun(first) or (
            second and (second in lexicon.DETERMINERS or second in lexicon.POSSESSIVES
                        or not lexicon.verb_forms(second)))):
        return f"I would {_and_last(text)}"
    return None


def _and_last(text: str) -> str:
    """"stress test cash flow, check covenants, call the RM" → "…, check covenants and call
    the RM": a list of steps ends with "and"."""
    parts = re.split(r",\s+(?=[a-z])", text)
    if len(parts) < 2 or " and " in parts[-1]:
        return text
    return ", ".join(parts[:-1]) + " and " + parts[-1]

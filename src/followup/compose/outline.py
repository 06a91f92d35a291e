"""What a note says, taken from the record: the facts, the points, the qualifications, the answer.

`outline(interview, interviewer, config)` gathers everything one note to one interviewer may
mention, already phrased as sentence parts (the interviewer's points: `points.py`; the
candidate's own claims: `claims.py`), and the hints for what the record lacks. It chooses
nothing about wording; `render.py` does that per medium and tone.

Qualifications are ranked by how well they answer the job description: the number of
meaning-bearing stems (see `check/words.py`, the same measure the checker uses) a
qualification shares with its best-matching requirement counts twice, the stems it shares
with this interviewer's points (discussed, shared) twice and with their questions once,
so each panel member hears about the fit closest to their conversation. Words that say
nothing about the work ("experience", "engineers", "team") do not count. Ties keep the
record's order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from followup.check.rules.p05_qualifications import requirements
from followup.check.words import content_stems, stem, tokens
from followup.compose import claims, grammar, phrasing
from followup.compose.points import (
    TOPIC_VERBS_RE,
    Point,
    Unused,
    points_and_unused,
    record_terms,
)
from followup.language import fragments, lexicon
from followup.language.fragments import Kind
from followup.model import Interview, Interviewer, Me

if TYPE_CHECKING:
    from followup.config import Config

MAX_FOCUS_WORDS = 3
# Words a requirement shares with a qualification that say nothing about the work itself.
_FOCUS_STOP = grammar.vocabulary("""
year years experience experienced strong skill skills work working including include ability
able knowledge solid proven excellent good great plus deep hands-on production senior junior
engineer engineers developer developers team teams people person role roles company job jobs
""")
_FOCUS_STOP_STEMS = frozenset(stem(w) for w in _FOCUS_STOP)

@dataclass(frozen=True)
class Qualification:
    """One of the candidate's qualifications, with what in the job description it serves."""

    source: str
    text: str                      # cleaned, details in brackets
    claim: str                     # said in the first person ("I hold a …"), no final stop
    focus: tuple[str, ...]         # requirement words it shares, as written there
    score: int


@dataclass(frozen=True)
class Answer:
    """A question the candidate wants to answer better, and the better answer as a sentence."""

    question: str   # fits after "your question about …"
    better: str     # a finished sentence, or "" when the record has none yet


@dataclass(frozen=True)
class Outline:
    """Everything one note may say, grounded in the record and the config."""

    greeting_name: str   # formal: the salutation, else the first name
    casual_name: str     # casual: the salutation unless it has a title, else the first name
    first_name: str
    role: str            # as prose says it: no brackets or dashed parts (`short_role`)
    full_role: str       # as recorded
    a_role: str
    company: str
    weekday: str
    date: str
    on_day: str          # "today", "yesterday", "on Tuesday", "on Tuesday, November 24"
    day_s: str           # "today's", "yesterday's", "Tuesday's", "November 24's"
    day: str             # "today", "yesterday", "Tuesday", "November 24"
    decision: str | None
    points: tuple[Point, ...]
    qualifications: tuple[Qualification, ...]
    answer: Answer | None
    sender_name: str
    signature: str
    position: int
    hints: tuple[str, ...]


_LEGAL_SUFFIX_RE = re.compile(r",?\s+(?:&\s+)?(?:Inc|LLC|L\.L\.C|Ltd|Co|Corp|Corporation|GmbH|"
                              r"PLC|Plc|plc|LLP|PLLC|P\.?A|P\.?C|S\.A|B\.V|AG|Pty|W\.L\.L|s\.e\.n\.c\.r\.l|"
                              r"S\.?A\.?S|S\.?p\.?A|S\.?r\.?l|Sdn\.? Bhd|Bhd|K\.?K|Oy|AB|A/S|AS|"
                              r"N\.?V|SE|Co\.,? Ltd)\.?$")
_ACRONYM_RE = re.compile(r"\(([^\W\d_]{2,8})\)\s*$")


def short_role(role: str) -> str:
    """The role without what a subject can spare: brackets, and anything after a dash."""
    text = re.sub(r"\s*\([^)]*\)", "", role)
    text = re.sub(r",\s*[A-Z]{1,4}[-\d][\w-]*$", "", text)   # "Park Ranger, GS-0025-07"
    head = re.split(r"\s+[-–—|/]\s+", text)[0]
    if len(head.split()) >= 2:     # "Structural / Pipe Welder" keeps both halves
        text = head
    return " ".join(text.split()) or role


_THE_COMPANY_RE = re.compile(
    r"^(?:Department|Ministry|Office|City|County|Town|State|Province|Government|Bureau|"
    r"Institute|University of)\b|\b(?:Department|Ministry|Office|Programme|Authority|"
    r"Commission|Agency|Board|Council|Bureau)$")


def company_in_prose(company: str) -> str:
    """The company as a sentence names it: without its legal suffix or the unit after a dash
    ("City of Tacoma - Planning & Development Services" → "the City of Tacoma"), with "the"
    where its name is a description ("the Department for Education")."""
    name = without_legal_suffix(company)
    name = re.split(r"\s+[-–—|/]\s+", name)[0].strip() or name
    name = re.sub(r"\s*\([^)]*\)$", "", name).strip() or name    # "(Veðurstofa Íslands)"
    if _THE_COMPANY_RE.search(name) and not name.lower().startswith("the "):
        return f"the {name}"
    return name


def without_legal_suffix(company: str) -> str:
    """The company as prose names it: "Hartley & Sons Electrical Co." → "Hartley & Sons
    Electrical", "Fasken s.e.n.c.r.l." → "Fasken"."""
    return _LEGAL_SUFFIX_RE.sub("", company).strip() or company


def short_company(company: str) -> str:
    """The company without its legal suffix ("Hartley & Sons Electrical Co." → "Hartley &
    Sons Electrical"), or by the acronym it gives itself ("İstanbul Su ve Kanalizasyon
    İdaresi (İSKİ)" → "İSKİ")."""
    acronym = _ACRONYM_RE.search(company)
    if acronym and acronym.group(1).isupper():
        return acronym.group(1)
    return without_legal_suffix(company)


def sender(interview: Interview, config: Config | None) -> Me:
    """The candidate: the record's own `me` where filled in, else the config's.

    A signature goes with its name: the config's signature is not put under a different
    name recorded on the interview.
    """
    mine = interview.me or Me()
    theirs = config.me if config is not None else Me()
    if not mine.name or mine.name == theirs.name:
        return Me(mine.name or theirs.name, mine.email or theirs.email,
                  mine.signature or theirs.signature)
    return mine  # another name than the config's: its signature would not be theirs


def signature_lines(me: Me) -> str:
    """What goes under the closing: the signature, led by the name when it lacks it."""
    signature = me.signature.strip()
    if not signature:
        return me.name.strip()
    if me.name and me.name.strip() not in signature:
        return f"{me.name.strip()}\n{signature}"
    return signature


def local_start(interview: Interview) -> datetime:
    try:
        return interview.starts_at.astimezone(ZoneInfo(interview.timezone))
    except (ValueError, KeyError):
        return interview.starts_at


def spoken_date(day: date) -> str:
    """"November 24": how a date reads in a letter."""
    return f"{day:%B} {day.day}"


def _attributive(word: str) -> str:
    """A plural used before a noun drops its -s: "pipelines" → "pipeline" (work)."""
    if word.islower() and len(word) > 4 and word.endswith("s") and not word.endswith(
            ("ss", "us", "is", "ics")):
        return word[:-1]
    return word


def _focus_words(requirement: str, shared_stems: frozenset[str], qualification: str
                 ) -> tuple[str, ...]:
    """The requirement's words the qualification shares, as they read mid-sentence.

    A word capitalised only because it opens the requirement ("Mentoring engineers") is
    lower-cased when the qualification writes it in lower case ("mentored …"); a name
    ("Kafka or another streaming platform") keeps its capital.
    """
    lower_stems = {stem(t) for t in tokens(qualification) if t.islower()}
    found: list[str] = []
    seen: set[str] = set()
    for index, token in enumerate(tokens(requirement)):
        key = stem(token)
        if (key in shared_stems and key not in seen and token.lower() not in _FOCUS_STOP
                and not any(c.isdigit() for c in token)):
            seen.add(key)
            if index == 0 and token[1:].islower() and key in lower_stems:
                token = token.lower()
            found.append(_attributive(token))
    return tuple(found[:MAX_FOCUS_WORDS])


def _personal_stems(text: str) -> frozenset[str]:
    """The stems of an interviewer's notes that can tie a qualification to them (no numbers:
    "40 services" in a question says nothing about a qualification with another 40 in it)."""
    return frozenset(s for s in content_stems(text)[0] - _FOCUS_STOP_STEMS
                     if not any(c.isdigit() for c in s))


def rank_qualifications(interview: Interview, person: Interviewer | None) -> tuple[
        Qualification, ...]:
    """The record's qualifications, best first for this job and this interviewer."""
    reqs = [(r, *content_stems(r)) for r in requirements(interview.job_description)]
    talked = _personal_stems(" ".join(person.points) if person else "")
    asked = _personal_stems(" ".join(q.question for q in person.questions) if person else "")
    ranked: list[tuple[int, int, Qualification]] = []
    for index, source in enumerate(interview.qualifications):
        fragment = fragments.read(source)
        said = claims.claim(fragment)
        if said is None:
            continue
        text = fragment.phrase()
        stems = content_stems(source)[0] - _FOCUS_STOP_STEMS
        best: tuple[int, bool] = (0, False)
        focus: tuple[str, ...] = ()
        for req, req_stems, req_rare in reqs:
            overlap = len(stems & req_stems) + len(stems & req_rare)
            words = _focus_words(req, stems, source)
            # On a tie, a requirement that names a tool ("Kafka") says more than one that
            # shares a common word ("pipelines").
            key = (overlap, any(w[:1].isupper() for w in words))
            if overlap and key > best:
                best, focus = key, words
        best_overlap = best[0]
        score = 2 * best_overlap + 2 * len(stems & talked) + len(stems & asked)
        qual = Qualification(source, text, said, focus, score)
        ranked.append((-score, index, qual))
    ranked.sort(key=lambda item: (item[0], item[1]))
    return tuple(q for _, _, q in ranked)


_DIRECT_RE = re.compile(r"^(?:how|what|why|when|where|which|who|whose|would|could|can|do|does|"
                        r"did|is|are|have|has|will|should)\b",
                        re.IGNORECASE)


def _you_to_me(text: str) -> str:
    """A question they asked, told from the candidate's side: "gives you" → "gives me"."""
    text = re.sub(r"\byour\b", "my", text)
    def subject(match: re.Match[str]) -> str:
        following = match.group(1)
        return "I " if following in lexicon.AUXILIARIES or lexicon.is_base_verb(following) else (
            match.group())
    text = re.sub(r"\byou\s+(?=(\w+))", subject, text)
    text = re.sub(r"\bI (?=are\b)", "I ", text).replace("I are", "I am").replace(
        "I were", "I was")
    return re.sub(r"\byou\b", "me", text)


def question_phrase(raw: str) -> str:
    """A question as a note can refer to it: quoted when it was asked as a full question
    ("“How would you grow new business here?”"), else as a topic ("how I handle month-end
    close", "conflict with a physician"); "" when it is neither."""
    cleaned = fragments.clean(raw).rstrip("?! ")
    if not cleaned:
        return ""
    if _DIRECT_RE.match(cleaned) and len(cleaned.split()) >= 4 and (
            raw.strip().endswith("?") or any(w.lower() in ("you", "your")
                                             for w in grammar.words(cleaned))):
        return f"\u201c{grammar.capitalize_first(cleaned)}?\u201d"
    topic = _you_to_me(TOPIC_VERBS_RE.sub("", cleaned))
    if re.search(r"\d", topic):
        return ""          # "resident refuses shower 3rd day in a row": the notes' shorthand
    kind = fragments.kind_of(topic)
    if kind in (Kind.QUESTION, Kind.GERUND):
        return grammar.lower_first(topic)
    if kind is Kind.CLAUSE:
        # A scenario they put to the candidate: "client FD pushes back on an adjustment".
        main = _you_to_me(fragments.read(topic).main)
        scenario = claims.finish(phrasing.as_clause(grammar.lower_first(main)), definite=True)
        return f"what I would do when {scenario}"
    broken = any(lexicon.is_base_verb(w) and not lexicon.can_be_noun(w)
                 for w in topic.split()[1:])           # "guest arrive at midnight"
    if kind is Kind.NOUN_PHRASE and "," not in topic and len(topic.split()) <= 10 and not broken:
        return fragments.with_article(grammar.lower_first(topic), definite=True)
    return ""


def make_answer(person: Interviewer) -> Answer | None:
    """The first open question, phrased for the note, with its better answer when recorded.

    A question without a better answer is still acknowledged (the note offers to follow up
    on it); the hints ask for the better answer.
    """
    answered = [q for q in person.questions
                if claims.better_answer(q.better) and question_phrase(q.question)]
    for item in answered or list(person.questions):
        question = question_phrase(item.question)
        if not question:
            continue
        if not item.better.strip():
            return Answer(question, "")
        better = claims.better_answer(item.better)
        names = {n for n in (person.first_name, person.last_name) if n}
        if better is None or any(re.search(rf"\b{re.escape(n)}\b", better) for n in names):
            return Answer(question, "")     # an answer naming its reader reads wrong
        return Answer(question, grammar.sentence(better))
    return None


def hints_for(interview: Interview, person: Interviewer, me: Me,
              points: tuple[Point, ...]) -> tuple[str, ...]:
    """What to add to the record for a better note, in order of impact."""
    first = person.first_name or person.name
    hints: list[str] = []
    if not points:
        hints.append(f"add one thing you discussed with {first} (a `discussed:` or `shared:` "
                     "line under their name)")
    for item in person.questions:
        if not item.better.strip():
            hints.append(f"add the better answer to \u201c{item.question.strip()}\u201d "
                         f"(a `better:` line under it), so the note can clarify it")
    if not interview.qualifications:
        hints.append("add one or two qualifications that fit the job (a `## Qualifications` "
                     "section)")
    elif not interview.job_description.strip() and len(interview.qualifications) > 1:
        hints.append("add the job description, so the qualification that fits it best "
                     "comes first")
    if not me.name.strip():
        hints.append("set your name to sign the note: followup config set me.name "
                     "\"Your Name\"")
    return tuple(hints)


def greeting_names(person: Interviewer) -> tuple[str, str]:
    """How to greet them in a formal and in a casual note (see `wording.py`, Greetings).

    A recorded `salutation:` always wins, in both tones: it is how they asked to be
    addressed. Otherwise the parsed name: "Dr. Whitmore" formally, "Angela" casually, and a
    religious, judicial or uniformed title kept in both ("Judge Pemberton").
    """
    parsed = person.parsed_name
    salutation = " ".join((person.salutation or "").split())
    if not salutation:
        return parsed.formal(), parsed.casual()
    return salutation, salutation


def relative_day(start: datetime, sent_on: date | None) -> tuple[str, str, str]:
    """The interview's day as a note sent on `sent_on` names it: (on_day, day_s, day).

    Unknown send day: the weekday ("on Tuesday"), as a note sent within the week reads.
    """
    weekday = f"{start:%A}"
    days = (sent_on - start.date()).days if sent_on is not None else None
    if days == 0:
        return "today", "today's", "today"
    if days == 1:
        return "yesterday", "yesterday's", "yesterday"
    if days is None or 1 < days < 7:
        return f"on {weekday}", f"{weekday}'s", weekday
    spoken = spoken_date(start.date())
    return f"on {weekday}, {spoken}", f"the {spoken}", spoken


def outline(interview: Interview, person: Interviewer, config: Config | None = None,
            sent_on: date | None = None) -> Outline:
    """What a note to `person` about `interview` can say, and what the record lacks;
    `sent_on`: the day (in the interview's zone) the note is meant to go."""
    me = sender(interview, config)
    start = local_start(interview)
    try:
        position = interview.interviewers.index(person)
    except ValueError:
        position = 0
    points, unused = points_and_unused(person, record_terms(interview))
    on_day, day_s, day = relative_day(start, sent_on)
    formal_name, casual_name = greeting_names(person)
    full_role = " ".join(interview.role.split())
    role = short_role(full_role)
    decision = None
    if interview.decision_by is not None:
        decision = f"{interview.decision_by:%A}, {spoken_date(interview.decision_by)}"
    return Outline(
        greeting_name=formal_name,
        casual_name=casual_name,
        first_name=person.first_name or person.name,
        role=role,
        full_role=full_role,
        a_role=f"{grammar.indefinite_article(role)} {role}",
        company=company_in_prose(" ".join(interview.company.split())),
        weekday=f"{start:%A}",
        on_day=on_day, day_s=day_s, day=day,
        date=f"{start:%A}, {spoken_date(start.date())}",
        decision=decision,
        points=points,
        qualifications=rank_qualifications(interview, person),
        answer=make_answer(person),
        sender_name=me.name.strip(),
        signature=signature_lines(me),
        position=position,
        hints=hints_for(interview, person, me, points) + tuple(u.hint() for u in unused)
        + unused_qualifications(interview),
    )


def unused_qualifications(interview: Interview) -> tuple[str, ...]:
    """Hints for the qualifications no sentence could be made of."""
    out = []
    for source in interview.qualifications:
        fragment = fragments.read(source)
        if source.strip() and claims.claim(fragment) is None:
            reason = fragment.reason or ("write it as you would say it, starting with "
                                         "\u201cI\u201d, to have it used")
            out.append(Unused(source, reason).hint())
    return tuple(out)

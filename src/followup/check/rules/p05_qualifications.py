"""P5 key qualifications: one to three claims about yourself, tied to the job — not a résumé.

A "claim" is a sentence in the first person that states experience or an achievement. None
is a warning (with a record, the message proposes the qualification that best serves the job
description's requirements); more than three is a résumé dump.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from followup.check.context import CheckContext
from followup.check.document import Document, Span
from followup.check.kinds import Hit, Logic, Settings, anchor_span
from followup.check.words import content_stems
from followup.model import Interview, Medium, Severity, Stage
from followup.model.report import Scope

MAX_CLAIMS = 3
_FIRST_PERSON_RE = re.compile(r"\b(?:I|I['’]ve|I['’]d|[Mm]y|[Mm]e)\b")
_ACHIEVEMENT = (
    r"built|build|led|lead|designed|shipped|ran|run|managed|created|developed|launched|"
    r"delivered|cut|reduced|improved|increased|grew|migrated|automated|scaled|owned|own|"
    r"mentored|wrote|implemented|architected|founded|maintained|introduced|saved|trained|"
    r"years? of|years? (?:building|running|leading|working)|experience (?:in|with|of|at)|"
    r"background in|expertise|skilled|certified|proficient|fluent|worked on|track record|"
    r"hands-on|certifi(?:cation|cations|cate|cates)|degree (?:in|from)|(?:a|my) degree|diploma|"
    r"master['’]?s|bachelor['’]?s|ph\.?d|mba|msc|bsc|award(?:s|ed)?|patents?|published|publications?|promoted|"
    r"\d+\+? (?:years?|yrs?)|spent (?:the )?(?:last |past )?(?:\w+ )?(?:years?|months)|"
    r"for (?:\d+|two|three|four|five|six|seven|eight|nine|ten|many) years"
)
# A sentence that ties you to the job counts as a claim too; its parts do not count apart.
_CLAIM_RE = re.compile(
    rf"\b(?:{_ACHIEVEMENT}|my work|at my (?:last|current|previous) (?:job|role|company|team)|"
    r"in my (?:current|previous|last) role|fits? (?:the|this|your)|align|"
    r"match(?:es)? (?:the|what))\b(?!-)",  # "build-out" is no claim word
    re.IGNORECASE,
)
_ITEM_CLAIM_RE = re.compile(rf"\b(?:{_ACHIEVEMENT})\b", re.IGNORECASE)
# An item that opens a relative or linking clause adds detail to a claim, not a new claim.
_ITEM_DETAIL_RE = re.compile(r"(?:which|that|who|where|so|experience that|and that)\b",
                             re.IGNORECASE)
_PARENS_RE = re.compile(r"\([^()]*\)")
# Items of an enumeration: commas, semicolons, "and"/"as well as" before a new item.
_ITEM_SPLIT_RE = re.compile(r"\s*(?:[,;]\s*(?:and\s+|plus\s+)?|\s(?:and|plus|as well as)\s+)",
                            re.IGNORECASE)
# Who does the claimed thing: the nearest subject before the claim word, within its clause.
# "I appreciated learning that you lead the platform group" is about them, not you.
_SUBJECT_RE = re.compile(
    r"(?P<me>\b(?:I|I['’](?:ve|d|m|ll)|my|mine)\b)|"
    r"(?P<other>\b(?:you|your|yours|he|she|they|his|her|their|theirs|who|whose)\b)|"
    r"(?P<clause>\b(?:that|how|what|why|whether|where)\b)",
    re.IGNORECASE,
)
# A name right before an action verb is its subject ("the migration Dana led"); acronyms
# and adjectives are not ("I am AWS certified").
_NAME_BEFORE_RE = re.compile(r"\b[A-Z][a-z][\w’'-]*\s+$")
_ACTION_RE = re.compile(
    r"(?:built|led|lead|designed|shipped|ran|runs?|managed|created|developed|launched|"
    r"delivered|cut|reduced|improved|increased|grew|migrated|automated|scaled|owned|owns?|"
    r"mentored|wrote|implemented|architected|founded|maintained|introduced|saved|trained)",
    re.IGNORECASE)


def _about_me(sentence: str, match: re.Match[str]) -> bool:
    """Whether the claim word at `match` has the candidate as its subject.

    The nearest subject word before it decides: "I", "my" (also inside the match, as in "at
    my last job") → yes; "you", "your", "they", "who" … or a name right before it ("that Dana
    led") → no; a clause opener with no subject after it ("how the team built") → no. With
    none of these, a first-person word anywhere in the sentence decides.
    """
    if _FIRST_PERSON_RE.search(match.group(0)):
        return True
    before = sentence[:match.start()]
    if _ACTION_RE.fullmatch(match.group(0)) and _NAME_BEFORE_RE.search(before):
        return False
    found = _SUBJECT_RE.findall(before)
    if not found:
        return _FIRST_PERSON_RE.search(sentence) is not None
    me, _other, _clause = found[-1]
    return bool(me)


def _is_claim(sentence: str) -> bool:
    """A sentence with at least one claim word whose subject is the candidate, or a claim
    told in any other phrasing (`_told_claim`)."""
    if _FIRST_PERSON_RE.search(sentence) and any(
            _about_me(sentence, m) for m in _CLAIM_RE.finditer(sentence)):
        return True
    return _WE_RE.search(sentence) is not None and _told_claim(sentence)


# Verbs whose past tense tells about the conversation, not about what the candidate did.
_SOCIAL_VERB_WORDS = """
enjoy appreciate love like meet speak talk want think feel hope notice hear see visit mention
ask wonder mean say get go come leave realize realise discuss send attach forget find learn
know understand agree believe remember tell write reach look follow wish need try be have do
miss email call read watch walk tour spend show give take make put let will would can could
shall should may might must cover review chat admire value welcome respect sense gather
picture imagine recognize recognise reflect consider connect catch
"""
_SOCIAL_VERBS = frozenset(_SOCIAL_VERB_WORDS.split())
_ADVERBS = r"(?:(?:also|recently|then|once|successfully|personally|previously|later|even|" \
           r"just|first|often|regularly|routinely|single-handedly|jointly)\s+)*"
_I_VERB_RE = re.compile(r"\b(?:I|[Ww]e)\s+" + _ADVERBS + r"([a-z][a-z\-]+ed|[a-z]+)\b")
_CREDENTIAL_RE = re.compile(
    r"\b(?:I(?:['’]m| am)(?: also| now)? (?:a |an )?(?:[A-Z][\w\-]*\s+)*(?:certified|licensed|"
    r"registered|accredited|qualified|board[- ]certified|bilingual|fluent)|"
    r"I (?:also )?(?:hold|have|earned|completed|passed|speak)\s+(?:a |an |my |the |two |three )?"
    r"[^.!?]{0,40}?\b(?:licen[cs]e|certificat\w*|degree|diploma|credential|endorsement|"
    r"qualification|apprenticeship|journeyman|card|ticket|Spanish|French|German|Mandarin|"
    r"Arabic|Portuguese|languages?|BLS|ACLS|PALS|CPR|CDL|CPA|PMP|RN|LPN|CNA|OSHA|ServSafe)|"
    r"I(?:['’]ve| have)(?: spent| had)? (?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
    r"a few|several|many) (?:years?|months|seasons|summers))",
)
# The candidate as the object of what their work did: "that job taught me to triage".
_ME_OBJECT_RE = re.compile(
    r"\b(?:has\s+|have\s+|also\s+)?(?:taught|helped|allowed|gave|trained|prepared|pushed|"
    r"enabled|brought|made)\s+me\s+(?:to\s+|how\s+to\s+)?"
    r"(?!know\b|a\s+tour\b|the\s+tour\b|feel\b)[a-z]+")
_THEM_RE = re.compile(r"\b(?:you|your|he|she|they|their|his|her|everyone)\b", re.IGNORECASE)
_NAME_RE = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+\b")
_WE_RE = re.compile(r"\b(?:I|I['’]\w+|[Mm]y|[Mm]e|[Ww]e|[Oo]ur)\b")
_NUMBER_RE = re.compile(r"\d|%|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|"
                        r"dozen|hundred|thousand|half|double|doubled|tripled)\b", re.IGNORECASE)


_NOT_PAST = frozenset({"am", "is", "are", "have", "has", "do", "does", "would", "will", "can",
                       "could", "should", "shall", "may", "might", "must", "look", "think",
                       "hope", "want", "believe", "know", "really", "also", "still", "remain"})


def _regular_stems(word: str) -> set[str]:
    """What a regular past form could come from: "loved" → love, "planned" → plan,
    "carried" → carry (a cheap look before asking the lexicon)."""
    if not word.endswith("ed") or len(word) < 5:
        return set()
    stem = word[:-2]
    out = {stem, word[:-1]}
    if stem.endswith("i"):
        out.add(stem[:-1] + "y")
    if len(stem) > 2 and stem[-1] == stem[-2]:
        out.add(stem[:-1])
    return out


@lru_cache(maxsize=4096)
def past_tense_lemma(word: str) -> str | None:
    """The lemma of a verb in the past tense ("precepted" → "precept", "taught" → "teach"),
    by lemminflect's lemmatizer: a verb form that is not its lemma and not an -s or -ing form
    is a past form. Social verbs ("enjoyed", "appreciated") are answered without loading it."""
    low = word.lower()
    if low in _NOT_PAST or low.endswith(("ing", "'s", "’s")):
        return None
    stems = _regular_stems(low)
    social = stems & _SOCIAL_VERBS
    if social:
        return sorted(social)[0]
    from lemminflect import getAllLemmas, getLemma

    lemmas = getAllLemmas(low).get("VERB") or (
        getLemma(low, upos="VERB") if low.endswith("ed") else ())
    for lemma in lemmas:
        if lemma != low and not (low.endswith("s") and not low.endswith("ss")):
            return str(lemma)
    return None


def _told_claim(sentence: str) -> bool:
    """A claim in any phrasing and any line of work: the candidate did something (a
    first-person past verb that is not about the conversation: "I precepted six nurses";
    "we" counts with a number: "we cut waits by 30%"), holds a credential ("I am PCCN
    certified", "I hold a journeyman card"), or is the object of what their work did ("that
    job taught me…", "it helped me cut…")."""
    if _CREDENTIAL_RE.search(sentence):
        return True
    for match in _ME_OBJECT_RE.finditer(sentence):
        before = sentence[max(0, match.start() - 30):match.start()]
        if not _THEM_RE.search(before) and not _NAME_RE.search(before):
            return True
    for match in _I_VERB_RE.finditer(sentence):
        lemma = past_tense_lemma(match.group(1))
        if lemma is None or lemma in _SOCIAL_VERBS:
            continue
        if match.group(0).startswith("I") or _NUMBER_RE.search(sentence):
            return True
    return False


def claim_count(text: str) -> int:
    """How many claims a first-person claim sentence makes: one, or one per claim-like item
    of an enumeration ("8 years of Python, AWS certification, and I led three teams": 3)."""
    items = [item.strip() for item in _ITEM_SPLIT_RE.split(_PARENS_RE.sub(" ", text))]
    items = [item for item in items if item]
    if len(items) < 3:
        return 1
    return max(1, sum(1 for item in items
                      if _ITEM_CLAIM_RE.search(item) and not _ITEM_DETAIL_RE.match(item)))


def claims(doc: Document, interview: Interview | None = None) -> list[Span]:
    """Sentences that state the candidate's own experience or achievements (with a record,
    also a first-person sentence that retells one of its qualifications)."""
    quals = [content_stems(q)[0] for q in interview.qualifications] if interview else []
    out = []
    for sentence in doc.sentences:
        text = doc.slice(sentence)
        if _is_claim(text) or (quals and _FIRST_PERSON_RE.search(text) is not None and any(
                len(content_stems(text)[0] & q) >= 2 for q in quals)):
            out.append(sentence)
    return out


def requirements(job_description: str) -> list[str]:
    """The job description's requirement lines (bullets), else its sentences."""
    lines = [ln.strip(" -*•\t") for ln in job_description.splitlines()]
    bullets = [ln for ln, raw in zip(lines, job_description.splitlines(), strict=True)
               if raw.lstrip().startswith(("-", "*", "•")) and ln]
    if bullets:
        return bullets
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", job_description) if s.strip()]


def rank_qualifications(interview: Interview) -> list[tuple[str, str | None]]:
    """The record's qualifications, best first, each with the requirement it serves (if any)."""
    reqs = [(r, content_stems(r)[0]) for r in requirements(interview.job_description)]
    scored = []
    for index, qual in enumerate(interview.qualifications):
        stems = content_stems(qual)[0]
        best: tuple[int, str | None] = (0, None)
        for req, req_stems in reqs:
            overlap = len(stems & req_stems)
            if overlap > best[0]:
                best = (overlap, req)
        scored.append((-best[0], index, qual, best[1]))
    scored.sort()
    return [(qual, req) for _, _, qual, req in scored]


def _none(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    if claims(doc, ctx.interview) or not doc.sentences:
        return
    target = anchor_span(doc, "head")
    message = None
    if ctx.interview is not None and ctx.interview.qualifications:
        qual, req = rank_qualifications(ctx.interview)[0]
        serves = f" (it serves \u201c{req}\u201d)" if req else ""
        message = (f"No qualification mentioned; remind them of one, e.g. "
                   f"\u201c{qual}\u201d{serves}.")
    yield Hit(target.start, target.end, message=message)


def _dump(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    found = claims(doc)
    count = sum(claim_count(doc.slice(span)) for span in found)
    if count > MAX_CLAIMS:
        yield Hit(found[0].start, found[-1].end, message=(
            f"{count} claims about yourself; keep the one or two that fit this job best."))


_DUMP = ("Dear Dana,\n\nThank you for yesterday. I built a dbt project with 300 models. I cut "
         "the warehouse bill by a third. I led the Kafka migration at my last job. I have ten "
         "years of Python experience. I also mentored six juniors.\n\nBest regards,\nPriya")
_GOOD = ("Dear Dana,\n\nThank you for yesterday. I ran the Kafka migration for our order "
         "events pipeline, which is close to the streaming work you described.\n\n"
         "Best regards,\nPriya")
_LIST_DUMP = ("Dear Dana,\n\nThank you for yesterday. I have 8 years of Python, 6 years of "
              "SQL, AWS certification, a master's degree, and I led three teams.\n\n"
              "Best regards,\nPriya")
_LIST_OK = ("Dear Dana,\n\nThank you for yesterday. I built our pipelines in Python, SQL, "
            "Scala and Go, which matches your stack.\n\nBest regards,\nPriya")
# One claim of the candidate's among things the interviewers lead, built and designed.
_THEIRS = ("Dear Dana,\n\nThank you for yesterday. I appreciated learning that you lead the "
           "platform group. I liked how your team designed the alerting, and that Luis built "
           "the on-call tooling, which Mei-Ling now runs. I ran a similar Kafka migration."
           "\n\nBest regards,\nPriya")
TY = frozenset({Stage.THANK_YOU})

RULES = (
    Logic(
        id="p05.no-qualification", practice="P5", severity=Severity.WARNING,
        message="No qualification mentioned: remind them of one thing that fits the job.",
        why="A short reminder of your fit helps them remember you among many candidates.",
        fail=("Dear Dana,\n\nThank you for yesterday. The Kafka plans sound exciting.\n\n"
              "Best regards,\nPriya",
              # what they do is no claim of yours, in any tense or clause
              "Dear Dana,\n\nThank you for yesterday. I appreciated learning that you lead "
              "the platform group, and that Luis built the alerting.\n\nBest regards,\nPriya"),
        passes=(_GOOD,
                "Dear Ana,\n\nThank you for Monday. I precepted six new graduate nurses on "
                "a 32-bed telemetry unit.\n\nBest,\nJo",
                "Dear Ana,\n\nThank you for Monday. I am PCCN certified and keen to grow on "
                "your unit.\n\nBest,\nJo",
                "Dear Ana,\n\nThank you for Monday. Running the night shift taught me to "
                "stay calm.\n\nBest,\nJo",
                "Dear Ana,\n\nThank you for Monday. The new rota helped me cut overtime by "
                "a fifth.\n\nBest,\nJo"),
        example_context="northwind", stages=TY,
        media=frozenset({Medium.EMAIL, Medium.LINKEDIN_MESSAGE}), scope=Scope.NOTE, fn=_none,
    ),
    Logic(
        id="p05.resume-dump", practice="P5", severity=Severity.WARNING,
        message="Too many claims about yourself: a résumé dump.",
        why="One or two qualifications tied to the job stick; a list buries them.",
        fail=(_DUMP, _LIST_DUMP), passes=(_GOOD, _LIST_OK, _THEIRS), stages=TY, fn=_dump,
    ),
)

"""How a note looks in each medium: the parts in order, worded per tone, within the limits.

A thank-you note: greeting → thanks naming the role → one or two of the interviewer's points
→ one or two qualifications tied to the job → the better answer to their open question →
reaffirmed interest → an offer of more → closing and signature. A check-in: greeting → a
short reference to the role and the interview date → still interested → a polite question
about the timeline (with the decision date, if known) → an offer; the second check-in is
shorter and closes gracefully.

Each medium tries its richest form first and drops parts in a fixed order until the text
fits: email within the ideal word count (`limits.email_words_ideal_max`), LinkedIn message
within `limits.linkedin_message_words`, card within `limits.card_words_max`, LinkedIn
connection note within `limits.linkedin_note_chars` characters. What had to go is reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from followup.compose import claims, grammar
from followup.compose.choose import Words, word_count
from followup.compose.grammar import sentence
from followup.compose.outline import Outline, Qualification, short_company, short_role
from followup.compose.phrasing import FragmentKind
from followup.compose.points import Point
from followup.compose.wording import CHECK_IN, THANK_YOU
from followup.model import Medium, Tone
from followup.model.names import parse_name

__all__ = ["Limits", "Rendered", "Shape", "Words", "render", "word_count"]

_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
MAX_CLAIMS = 3
"""Qualifications plus the claims in the better answer: more reads as a résumé (P5)."""


@dataclass(frozen=True)
class Limits:
    """The length limits the composer keeps (PRODUCT.md defaults; from config when given)."""

    email_words: int = 200
    linkedin_message_words: int = 120
    linkedin_note_chars: int = 300
    card_words: int = 80
    check_in_words: int = 120


@dataclass(frozen=True)
class Shape:
    """How much of the outline one attempt uses."""

    points: int
    qualifications: int
    answer: bool
    extras: bool = True   # the "stay in touch" line and signature on a connection note


@dataclass(frozen=True)
class Rendered:
    """A composed note: subject (email only), body, and what had to be left out."""

    subject: str
    body: str
    left_out: tuple[str, ...] = ()


def _point_sentence(words: Words, point: Point, index: int) -> str:
    if point.form is FragmentKind.CLAUSE:
        return sentence(words.say("point_clause", 2 + index, clause=point.phrase))
    part = "point_topic" if point.kind == "discussed" else "point_shared_topic"
    return sentence(words.say(part, 2 + index, topic=point.phrase))


def _qualification_sentences(quals: Sequence[Qualification]) -> list[str]:
    """The qualifications as the candidate says them: plainly, the second with "also".

    No sentence announces a qualification ("For context, …") or ties it to the job with
    stock words ("which speaks to the … side of the job"): a reader skips such lines.
    """
    out: list[str] = []
    for index, qual in enumerate(quals):
        said = qual.claim if index == 0 else claims.also(qual.claim)
        out.append(sentence(said))
    return out


def _answer(words: Words, outline: Outline) -> str:
    """The better answer after a lead-in: one sentence with a colon, or two when that one
    would run long (P7)."""
    assert outline.answer is not None
    question, better = outline.answer.question, outline.answer.better
    if not better:
        return sentence(words.say("answer_open", 9, question=question))
    joined = f"{question}: {better}"
    if word_count(joined) <= LONG_ANSWER_SENTENCE:
        return sentence(words.say("answer", 9, question=question, better=better))
    return f"{sentence(words.say('answer_lead', 9, question=question))} {sentence(better)}"


LONG_ANSWER_SENTENCE = 22
"""Words of question and answer above which the answer gets a sentence of its own."""


def _letter(greeting: str, paragraphs: Sequence[str], closing: str, signature: str) -> str:
    body = "\n\n".join(p for p in paragraphs if p.strip())
    sign = f"{closing}\n{signature}" if signature else closing
    return f"{greeting}\n\n{body}\n\n{sign}\n"


def thank_you_letter(outline: Outline, tone: Tone, variant: int, shape: Shape,
                     signature: str) -> str:
    """A thank-you email, LinkedIn message or card body in the given shape."""
    words = Words(THANK_YOU, outline, tone, variant)
    greeting = words.say("greeting", 1, opens=False)
    opening = [words.say("thanks", 0)]
    opening += [_point_sentence(words, p, i)
                for i, p in enumerate(outline.points[:shape.points])]
    fit = _qualification_sentences(outline.qualifications[:shape.qualifications])
    answer = ""
    if shape.answer and outline.answer is not None:
        answer = _answer(words, outline)
    close = [words.say("interest", 10), words.say("offer", 11)] if shape.extras else [
        words.say("interest", 10)]
    # A qualification on its own line reads as a résumé bullet; it leads into the closing
    # interest instead ("I have three years as a … I would welcome the chance to …").
    paragraphs = [" ".join(opening), answer, " ".join(fit + close)]
    return _letter(greeting, paragraphs, words.say("closing", 12, opens=False), signature)


def connection_note(outline: Outline, tone: Tone, variant: int, shape: Shape,
                    points: Sequence[Point]) -> str:
    """A LinkedIn connection note: one short paragraph, thanks and one point."""
    words = Words(THANK_YOU, outline, tone, variant)
    greeting = words.say("greeting", 1, opens=False).rstrip(",")
    parts = [f"{greeting}, {words.say('note_thanks', 0)}"]
    parts += [_point_sentence(words, p, i) for i, p in enumerate(points[:shape.points])]
    if shape.extras:
        parts.append(words.say("note_connect", 13))
    text = " ".join(parts)
    if shape.extras and outline.sender_name:
        text += f"\n{parse_name(outline.sender_name).first}"
    return text + "\n"


def check_in_letter(outline: Outline, tone: Tone, variant: int, number: int,
                    signature: str, *, brief: bool = False) -> str:
    """A check-in email, LinkedIn message or card body (first or second check-in)."""
    words = Words(CHECK_IN, outline, tone, variant)
    thank_words = Words(THANK_YOU, outline, tone, variant)
    greeting = thank_words.say("greeting", 1, opens=False)
    closing = thank_words.say("closing", 12, opens=False)
    if number >= 2:
        reference = words.say("second_reference", 0)
        interest = words.say("second_interest", 1)
        paragraphs = [f"{reference} {interest}", words.say("graceful", 2)]
    else:
        reference = words.say("reference", 0)
        interest = words.say("interest", 1)
        question = words.say("timeline_decision" if outline.decision else "timeline", 3)
        topics = [p for p in outline.points if p.form is FragmentKind.TOPIC]
        # A detail from that talk, not a pleasantry ("I hope all is well …") before it.
        first = (f"{reference} {words.say('recall', 5, topic=topics[0].phrase)}" if topics
                 else reference)
        paragraphs = [first, f"{interest} {question}", words.say("offer", 2)]
        if brief:   # a card: no opener, no offer
            paragraphs = [reference, f"{interest} {question}"]
    return _letter(greeting, paragraphs, closing, signature)


def check_in_note(outline: Outline, tone: Tone, variant: int, limit: int) -> str:
    """A check-in as a connection note: the variant's wording, else the next one that fits."""
    greeting = Words(THANK_YOU, outline, tone, variant).say("greeting", 1, opens=False)
    texts = []
    for step in range(len(CHECK_IN["note"][tone])):
        words = Words(CHECK_IN, outline, tone, variant + step)
        note = words.say("note", 0)
        if not note.startswith(("I ", "I'")):
            note = note[:1].lower() + note[1:]
        text = f"{greeting} {note}"
        if outline.sender_name:
            texts.append(f"{text}\n{parse_name(outline.sender_name).first}\n")
        texts.append(text + "\n")
    return next((t for t in texts if len(t.strip()) <= limit), min(texts, key=len))


SUBJECT_CHARS = 60
"""Longer subjects are cut off in most inboxes (P7)."""
def subject_line(outline: Outline, tone: Tone, variant: int, *, check_in: int = 0) -> str:
    """An email subject naming the role and the company (never a bare "Thank you"), within
    `SUBJECT_CHARS`: another wording of the variant's first, then the role and company
    shortened, and only then the company left out."""
    table, part = (THANK_YOU, "subject") if not check_in else (
        CHECK_IN, "second_subject" if check_in >= 2 else "subject")
    words = Words(table, outline, tone, variant)
    options = table[part][tone]
    first = options.index(grammar.pick(options, variant, outline.position))
    ordered = [options[(first + step) % len(options)] for step in range(len(options))]
    role, company = short_role(outline.full_role), short_company(outline.company)
    subject = ""
    for try_role, try_company in ((outline.full_role, outline.company),
                                  (role, outline.company), (role, company),
                                  (role.split(",")[0], company)):
        for template in ordered:
            subject = template.format_map({**words.values, "role": try_role,
                                           "company": try_company})
            if len(subject) <= SUBJECT_CHARS:
                return subject
    # Still too long: the company goes (the role is what they will recognise).
    without = [re.sub(rf"\s+(?:at|—|-)\s+{re.escape(company)}(?=$|\W)", "",
                      t.format_map({**words.values, "role": r, "company": company}))
               for r in (role, role.split(",")[0]) for t in ordered]
    fitting = [t for t in without if company not in t and len(t) <= SUBJECT_CHARS]
    return fitting[0] if fitting else min(without, key=len)


def _claims(text: str) -> int:
    """How many things the candidate says about themselves: each "I" starts one."""
    return sum(1 for w in _WORD_RE.findall(text) if w in ("I", "I've", "I’ve", "I'd", "I’d"))


def _shapes(outline: Outline, medium: Medium) -> list[Shape]:
    has_answer = outline.answer is not None
    if medium is Medium.EMAIL:
        two = 2 if len(outline.qualifications) > 1 and outline.qualifications[1].score > 0 else 1
        if outline.answer is not None and two + _claims(outline.answer.better) > MAX_CLAIMS:
            two = 1
        return [Shape(2, two, has_answer), Shape(2, 1, has_answer), Shape(1, 1, has_answer),
                Shape(1, 1, False), Shape(1, 0, False)]
    if medium is Medium.LINKEDIN_MESSAGE:
        return [Shape(2, 1, has_answer), Shape(1, 1, has_answer), Shape(1, 1, False),
                Shape(1, 0, False)]
    if medium is Medium.CARD:
        return [Shape(1, 0, has_answer, False), Shape(1, 0, False, False),
                Shape(0, 0, False, False)]
    return [Shape(1, 0, False, True), Shape(1, 0, False, False), Shape(0, 0, False, True),
            Shape(0, 0, False, False)]


def _left_out(outline: Outline, shape: Shape) -> tuple[str, ...]:
    missing: list[str] = []
    if len(outline.points) > shape.points and shape.points < 1:
        missing.append("the point from your conversation (no room in this medium)")
    if outline.answer is not None and not shape.answer:
        missing.append("the better answer to your open question (no room in this medium)")
    return tuple(missing)


def fit(candidates: Sequence[tuple[Shape, str]], fits: Callable[[str], bool]) -> tuple[
        Shape, str]:
    """The first candidate that fits, else the last (the shortest)."""
    for shape, text in candidates:
        if fits(text):
            return shape, text
    return candidates[-1]


def render(outline: Outline, *, thank_you: bool, medium: Medium, tone: Tone, variant: int,
           limits: Limits, check_in_number: int = 1) -> Rendered:
    """The note for one medium and stage, within that medium's limits."""
    email_signature = outline.signature
    short_signature = outline.sender_name
    if not thank_you:
        if medium is Medium.LINKEDIN_NOTE:
            return Rendered("", check_in_note(outline, tone, variant,
                                              limits.linkedin_note_chars))
        signature = email_signature if medium is Medium.EMAIL else short_signature
        body = check_in_letter(outline, tone, variant, check_in_number, signature)
        if medium is Medium.CARD and word_count(body) > limits.card_words:
            body = check_in_letter(outline, tone, variant, check_in_number, signature,
                                   brief=True)
        subject = (subject_line(outline, tone, variant, check_in=check_in_number)
                   if medium is Medium.EMAIL else "")
        return Rendered(subject, body)
    shapes = _shapes(outline, medium)
    checks: Mapping[Medium, Callable[[str], bool]] = {
        Medium.EMAIL: lambda t: word_count(t) <= limits.email_words,
        Medium.LINKEDIN_MESSAGE: lambda t: word_count(t) <= limits.linkedin_message_words,
        Medium.CARD: lambda t: word_count(t) <= limits.card_words,
        Medium.LINKEDIN_NOTE: lambda t: len(t.strip()) <= limits.linkedin_note_chars,
    }
    if medium is Medium.LINKEDIN_NOTE:
        # Each point in turn (the first that fits wins), with and without the extras.
        candidates = [(s, connection_note(outline, tone, variant, s, [p]))
                      for s in shapes if s.points for p in outline.points]
        candidates += [(s, connection_note(outline, tone, variant, s, []))
                       for s in shapes if not s.points]
    else:
        signature = email_signature if medium is Medium.EMAIL else short_signature
        candidates = [(s, thank_you_letter(outline, tone, variant, s, signature))
                      for s in shapes]
    shape, body = fit(candidates, checks[medium])
    subject = subject_line(outline, tone, variant) if medium is Medium.EMAIL else ""
    return Rendered(subject, body, _left_out(outline, shape))

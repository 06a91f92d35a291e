"""The checked text, analysed once: subject, salutation, paragraphs, sentences, words, close.

Every part is a `Span` of the ORIGINAL input string, so rules can report `text[start:end]`
without any offset arithmetic against a normalized copy. Parsing is regex-only and linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SUBJECT_RE = re.compile(r"[ \t\ufeff]*subject:[ \t]*(?P<s>[^\n]*)", re.IGNORECASE)
_PARA_SPLIT_RE = re.compile(r"\n[ \t\u00a0]*\n\s*")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n+")
_SALUTATION_RE = re.compile(
    r"(?P<greet>dear|hi|hello|hey|good (?:morning|afternoon|evening)|greetings)\b[ \t,]*"
    r"(?P<name>[^\n,:;!]{0,60}?)[ \t]*[,:;!—-]?[ \t]*$",
    re.IGNORECASE,
)
# A greeting that opens a one-line message: "Hi Layla, thanks again for Monday." (LinkedIn).
_INLINE_SALUTATION_RE = re.compile(
    r"(?:dear|hi|hello|hey|good (?:morning|afternoon|evening))(?:[ \t]+"
    r"(?P<name>(?:(?:mr|mrs|ms|mx|dr|prof)\.?[ \t]+)?[^\W\d_][\w'’\-]*"
    r"(?:[ \t]+[^\W\d_][\w'’\-]*){0,3}?))?[ \t]*[,!:—][ \t]+(?=\S)",
    re.IGNORECASE,
)
_BARE_NAME_SALUTATION_RE = re.compile(r"(?P<name>[A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+){0,2}),[ \t]*$")
# The words of a closing line, in the many ways people close a letter ("Best regards",
# "With all good wishes", "Yours faithfully", "Many thanks again", "Talk soon").
CLOSING_CORE = (
    r"(?:(?:with|and)[ \t]+)?(?:(?:all|my|the)[ \t]+)?(?:(?:very|warm|kind|good|best|kindest|"
    r"warmest|sincere|sincerest|heartfelt|many|all the)[ \t]+)*(?:regards|wishes|thanks|gratitude|"
    r"appreciation)(?:[ \t]+(?:again|to (?:you|all of you|all)|and (?:best|good|warm) wishes))?|"
    r"(?:very |all )?best|all the best|(?:yours[ \t]+)?(?:sincerely|truly|faithfully|respectfully|"
    r"cordially)(?:[ \t]+yours)?|yours|cheers|(?:thanks|thank you)(?: again| so much| so much "
    r"again| a lot| again for everything| kindly| for everything)?|many thanks(?: again)?|"
    r"much appreciated|take care|gratefully(?: yours)?|warmly|respectfully|talk soon|speak soon|"
    r"see you soon|until (?:then|soon)"
)
CLOSING_RE = re.compile(rf"(?:{CLOSING_CORE})[ \t]*[,.!]?[ \t]*", re.IGNORECASE)
# A closing and the name on one line: "Best, Alex", "Thanks again — Ana María".
_INLINE_CLOSING_RE = re.compile(
    rf"(?P<close>(?i:{CLOSING_CORE}))[ \t]*[,—–-][ \t]*"
    r"(?P<name>[A-Z][^\W\d_]*\.?(?:[ \t]+[A-Z][^\W\d_'’\-]*\.?){0,3})[ \t]*")
_TRAILING_CLOSING_RE = re.compile(
    rf"(?<=[.!?])[ \t]+(?P<close>(?i:{CLOSING_CORE}))[ \t]*[,—–-][ \t]*"
    r"(?P<name>[A-Z][^\W\d_]*\.?(?:[ \t]+[A-Z][^\W\d_'’\-]*\.?){0,3})[ \t]*$")
# Lines a letter may carry above the greeting: date lines, "Re:" lines, address blocks.
_MONTHS = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
_DATE_LINE_RE = re.compile(
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?[ \t]+)?(?:{_MONTHS}[ \t]+\d{{1,2}}"
    rf"(?:st|nd|rd|th)?,?[ \t]+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{_MONTHS},?[ \t]+\d{{4}}|"
    r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4})", re.IGNORECASE)
_RE_LINE_RE = re.compile(r"(?:re|regarding|ref|subject)[ \t]*:[ \t]*\S.*", re.IGNORECASE)
HEADER_LINES_MAX = 12


def is_header_line(line: str) -> bool:
    """A line above the greeting that is no sentence: a date, a "Re:" line, or a short line
    of an address block (a name, a street, "Denver, CO 80202", a phone, an email)."""
    if _DATE_LINE_RE.fullmatch(line) or _RE_LINE_RE.fullmatch(line):
        return True
    return len(line) <= 60 and not line.rstrip().endswith(("!", "?", ":")) and not (
        line.rstrip().endswith(".") and len(line.split()) > 4)


_VOWELS_RE = re.compile(r"[aeiouy]+")
_BARE_NAME_WORD_RE = re.compile(r"[^\W\d_a-z][\w'’\-]*\.?")
_LOWER_GREETED = frozenset({"all", "there", "team", "everyone", "folks", "both"})


def _greeted_ok(name: str | None) -> bool:
    """Whether a greeting's "name" looks like one: capitalised words (or "all", "there"),
    not the start of a sentence ("Hi, thanks for today" greets nobody named "thanks")."""
    if not name:
        return True
    words = name.split()
    return len(words) <= 5 and all(not w[:1].islower() or w.lower() in _LOWER_GREETED
                                   for w in words)


@dataclass(frozen=True)
class Span:
    """A slice of the input: `doc.text[start:end]`."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


def _strip_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _lines(text: str, start: int, end: int) -> list[Line]:
    out: list[Line] = []
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        span = _strip_span(text, pos, stop)
        if span.end > span.start:
            out.append(Line(span.start, span.end, text[span.start:span.end]))
        if nl == -1:
            break
        pos = nl + 1
    return out


def syllables(word: str) -> int:
    """A rough English syllable count, enough for a reading grade."""
    w = word.lower()
    count = len(_VOWELS_RE.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(1, count)


class Document:
    """The input text and its parts. Cheap to build; parts are computed on first use."""

    def __init__(self, text: str, subject: str | None = None) -> None:
        self.text = text
        self.external_subject = subject
        match = _SUBJECT_RE.match(text)
        if match and "\n" not in text[: match.start("s")]:
            self.subject: Span | None = _strip_span(text, match.start("s"), match.end("s"))
            self.body_start = match.end()
        else:
            self.subject = None
            self.body_start = 0

    @property
    def has_subject(self) -> bool:
        return self.subject is not None or bool((self.external_subject or "").strip())

    @property
    def subject_text(self) -> str:
        if self.subject is not None:
            return self.text[self.subject.start:self.subject.end]
        return (self.external_subject or "").strip()

    def slice(self, span: Span) -> str:
        return self.text[span.start:span.end]

    @cached_property
    def body_lines(self) -> list[Line]:
        return _lines(self.text, self.body_start, len(self.text))

    @cached_property
    def salutation(self) -> Span | None:
        """The greeting line ("Dear Dana,"), when the body opens with one."""
        lines = self.body_lines
        for index, line in enumerate(lines[:HEADER_LINES_MAX]):
            found = self._salutation_at(line)
            if found is not None:
                return found if index == 0 or self._inline_free(line) else None
            if not is_header_line(line.text):
                return None
        return None

    def _inline_free(self, line: Line) -> bool:
        """A greeting below an address block stands on its own line ("Dear Ms. Hale,")."""
        return _SALUTATION_RE.match(line.text) is not None or bool(
            _BARE_NAME_SALUTATION_RE.fullmatch(line.text))

    def _salutation_at(self, first: Line) -> Span | None:
        inline = _INLINE_SALUTATION_RE.match(first.text)
        if inline is not None and _greeted_ok(inline.group("name")):
            return _strip_span(self.text, first.start, first.start + inline.end())
        if len(first.text) > 80:
            return None
        whole = _SALUTATION_RE.match(first.text)
        if (whole is not None and _greeted_ok(whole.group("name").strip(" .!,"))) or (
                _BARE_NAME_SALUTATION_RE.fullmatch(first.text)):
            return Span(first.start, first.end)
        return None

    @cached_property
    def salutation_name(self) -> Span | None:
        """The name in the greeting ("Dana" in "Dear Dana,"), when there is one."""
        sal = self.salutation
        if sal is None:
            return None
        line = self.slice(sal)
        match = _SALUTATION_RE.match(line) or _BARE_NAME_SALUTATION_RE.fullmatch(line)
        if match is None or not match.group("name").strip():
            return None
        start, end = sal.start + match.start("name"), sal.start + match.end("name")
        span = _strip_span(self.text, start, end)
        return span if len(span) else None

    @cached_property
    def closing(self) -> Span | None:
        """The closing line ("Best regards,") near the end, when there is one."""
        lines = self.body_lines
        sal = self.salutation
        for line in reversed(lines[max(0, len(lines) - 5):]):
            if (sal is not None and line.start < sal.end) or line.start == lines[0].start:
                break
            if CLOSING_RE.fullmatch(line.text):
                return Span(line.start, line.end)
            inline = _INLINE_CLOSING_RE.fullmatch(line.text)
            if inline is not None:
                return Span(line.start, line.start + inline.end("close"))
        if lines:
            last = lines[-1]  # "… Happy to share more. Best, Sid" (a one-paragraph message)
            tail = _TRAILING_CLOSING_RE.search(last.text)
            if tail is not None and (sal is None or last.start + tail.start() >= sal.end):
                return Span(last.start + tail.start("close"), last.start + tail.end("close"))
        return None

    @cached_property
    def header(self) -> Span | None:
        """Date lines and "Re:" lines at the top of the body, when there is no greeting
        below which the content starts anyway."""
        end = None
        for line in self.body_lines[:HEADER_LINES_MAX]:
            if not (_DATE_LINE_RE.fullmatch(line.text) or _RE_LINE_RE.fullmatch(line.text)):
                break
            end = line.end
        return Span(self.body_start, end) if end is not None else None

    @cached_property
    def signature(self) -> Span | None:
        """The lines after the closing (the candidate's name and details), or, with no
        closing, a last line that is only a name ("Leo", "— Ana María")."""
        closing = self.closing
        if closing is None:
            return self.bare_name
        rest = _strip_span(self.text, closing.end, len(self.text))
        while rest.start < rest.end and self.text[rest.start] in ",—–-":
            rest = _strip_span(self.text, rest.start + 1, rest.end)  # "Best, Alex"
        return rest if len(rest) else None

    @cached_property
    def bare_name(self) -> Span | None:
        """A last line made only of a name, when the note has no closing line."""
        lines = self.body_lines
        if self.closing is not None or len(lines) < 2 or len(lines[-1].text) > 40:
            return None
        last = lines[-1]
        if self.salutation is not None and last.start < self.salutation.end:
            return None
        words = last.text.lstrip("-—–~ ").split()
        if 1 <= len(words) <= 4 and all(_BARE_NAME_WORD_RE.fullmatch(w) for w in words):
            return Span(last.start, last.end)
        return None

    @cached_property
    def content(self) -> Span:
        """The message proper: the body without salutation, closing and signature."""
        start = self.salutation.end if self.salutation else (
            self.header.end if self.header else self.body_start)
        end = self.closing.start if self.closing else len(self.text)
        if self.closing is None and self.bare_name is not None:
            end = self.bare_name.start
        return _strip_span(self.text, start, max(start, end))

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Paragraphs of the whole body (salutation and close count as paragraphs too)."""
        return self._split(self.body_start, len(self.text), _PARA_SPLIT_RE)

    @cached_property
    def content_paragraphs(self) -> list[Span]:
        return self._split(self.content.start, self.content.end, _PARA_SPLIT_RE)

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences of the content, in order."""
        return self._split(self.content.start, self.content.end, _SENTENCE_END_RE)

    def _split(self, start: int, end: int, pattern: re.Pattern[str]) -> list[Span]:
        out: list[Span] = []
        pos = start
        for match in pattern.finditer(self.text, start, end):
            span = _strip_span(self.text, pos, match.start())
            if len(span):
                out.append(span)
            pos = match.end()
        span = _strip_span(self.text, pos, end)
        if len(span):
            out.append(span)
        return out

    def words_in(self, span: Span) -> list[Span]:
        return [Span(m.start(), m.end()) for m in WORD_RE.finditer(self.text, span.start, span.end)]

    @cached_property
    def words(self) -> list[Span]:
        """Every word of the body (the subject line excluded)."""
        return self.words_in(Span(self.body_start, len(self.text)))

    @cached_property
    def all_words(self) -> list[Span]:
        """Every word of the input, subject included."""
        return self.words_in(Span(0, len(self.text)))

    @cached_property
    def content_words(self) -> list[Span]:
        return self.words_in(self.content)

    @cached_property
    def reading_grade(self) -> float:
        """Flesch–Kincaid grade of the content (0 for empty text)."""
        words = self.content_words
        sentences = max(1, len(self.sentences))
        if not words:
            return 0.0
        syl = sum(syllables(self.text[w.start:w.end]) for w in words)
        grade = 0.39 * len(words) / sentences + 11.8 * syl / len(words) - 15.59
        return round(max(0.0, grade), 1)

    def anchor(self) -> Span:
        """Where a finding about the whole note points: its first non-empty line."""
        first = _lines(self.text, 0, len(self.text))
        if first:
            return Span(first[0].start, first[0].end)
        return Span(0, 0)

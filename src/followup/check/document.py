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
CLOSING_RE = re.compile(
    r"(?:(?:best|kind|kindest|warm|warmest|many thanks and|with|with (?:best|kind|warm)) "
    r"(?:regards|wishes)|best|all best|regards|sincerely(?: yours)?|yours (?:sincerely|truly)|"
    r"cheers|(?:thanks|thank you)(?: again| so much| so much again| a lot| again for everything)?|"
    r"many thanks(?: again)?|much appreciated|all the best|take care|gratefully|"
    r"with (?:gratitude|appreciation|(?:many )?thanks)|warmly|respectfully|"
    r"talk soon|speak soon)[ \t]*[,.!]?[ \t]*",
    re.IGNORECASE,
)
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
        if not lines:
            return None
        first = lines[0]
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
        first_allowed = 1 if self.salutation else 0
        for line in reversed(lines[max(first_allowed, len(lines) - 5):]):
            if CLOSING_RE.fullmatch(line.text):
                return Span(line.start, line.end)
        return None

    @cached_property
    def signature(self) -> Span | None:
        """The lines after the closing (the candidate's name and details), or, with no
        closing, a last line that is only a name ("Leo", "— Ana María")."""
        closing = self.closing
        if closing is None:
            return self.bare_name
        rest = _strip_span(self.text, closing.end, len(self.text))
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
        start = self.salutation.end if self.salutation else self.body_start
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

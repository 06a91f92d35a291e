"""Which wording a part of a note gets: the variant's choice, unless it would repeat itself.

`Words` fills the parts of one note in order. For each part it starts at the option the
variant and panel position pick (`grammar.pick`) and takes the first option, going round,
that has none of the faults a careful editor would fix; when every option has some, the one
with the least serious faults wins. The faults, most serious first: a template already used
in this note; a word doubled across the seam ("the the"); the same two opening words as the
sentence before; a sentence over `LONG_SENTENCE` words; naming the role again (it is named
once, in the thanks); reusing a word of `REFERRING_NOUNS` ("the position" … "the
position"); naming the company again; a job noun the record's own text uses ("opening"
next to "the company is opening an office"); reusing one of the wording's longer words
("interested" … "interested"); the same first word as the sentence before (other than "I").

Deterministic: the same outline, tone and variant give the same choices.
"""

from __future__ import annotations

import re

from followup.compose.grammar import pick
from followup.compose.outline import Outline
from followup.compose.wording import Parts
from followup.model import Tone

_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_DOUBLED_RE = re.compile(r"\b([^\W\d_]+)\s+\1\b", re.IGNORECASE)
_PLACEHOLDER_RE = re.compile(r"\{\w+\}")
_DOUBLE_STOP_RE = re.compile(r"(?<!\.)\.\.(?!\.)")
# Words a note's wording uses once each (see wording.py): the nouns that refer back to the
# job, those that name the conversation ("Tuesday's conversation … Our conversation about
# …"), and a few that stand out when said twice ("welcome the chance … the chance to join").
REFERRING_NOUNS = frozenset({"role", "position", "opening", "job", "team", "work",
                             "conversation", "discussion", "exchange", "chat", "talk",
                             "chance", "welcome"})

LONG_SENTENCE = 30
"""Words in a sentence above which a shorter wording of the same part is preferred (P7)."""


def word_count(text: str) -> int:
    """Words as the limits count them (hyphenated and apostrophe words are one)."""
    return len(_WORD_RE.findall(text))


def opening(text: str, count: int = 2) -> tuple[str, ...]:
    """The first `count` words of a sentence, lower-cased: what two sentences must not share."""
    return tuple(w.lower() for w in _WORD_RE.findall(text)[:count])


_JOB_NOUNS = frozenset({"role", "position", "opening", "job"})
# Function words long enough to look like content words; repeating them goes unnoticed.
_PLAIN = frozenset({"about", "which", "would", "there", "their", "these", "those", "thank",
                    "thanks", "could", "should", "where", "while", "after", "before"})


def _material(outline: Outline) -> list[str]:
    """The record's text a note may carry: points, qualifications, the question and answer."""
    texts = [p.phrase for p in outline.points] + [q.text for q in outline.qualifications]
    if outline.answer is not None:
        texts += [outline.answer.question, outline.answer.better]
    return texts


# Other forms of a referring noun, counted as the noun: "chatting … Our chat".
_FORMS = {"chatting": "chat", "talking": "talk", "discussing": "discussion",
          "conversations": "conversation", "roles": "role", "positions": "position"}


def _words(text: str) -> frozenset[str]:
    """The text's words, lower-cased, with other forms of a referring noun as that noun."""
    found = (w.lower() for w in _WORD_RE.findall(text))
    return frozenset(_FORMS.get(w, w) for w in found)


def _content(template: str) -> frozenset[str]:
    """A template's own longer words ("interested", "really"): said twice, they stand out."""
    return frozenset(w for w in _words(_PLACEHOLDER_RE.sub(" ", template))
                     if len(w) > 4 and w not in _PLAIN)


def _referring(template: str) -> frozenset[str]:
    """The referring nouns a template itself writes (not those in the values it is given)."""
    return _words(_PLACEHOLDER_RE.sub(" ", template)) & REFERRING_NOUNS


class Words:
    """Picks and fills the wording of one note: by tone, variant and panel position.

    It remembers what the note has said so far (the module docstring lists the faults it
    avoids); among a part's options, from the one the variant picks onwards, the first with
    the least serious faults wins.
    """

    def __init__(self, table: Parts, outline: Outline, tone: Tone, variant: int) -> None:
        self.table = table
        self.outline = outline
        self.tone = tone
        self.variant = variant
        self.used: set[str] = set()          # templates used
        self.nouns: set[str] = set()         # REFERRING_NOUNS written so far
        self.said: set[str] = set()          # the wording's own longer words so far
        self.named: set[str] = set()         # "role", "company" once written
        self.previous: tuple[str, ...] = ()  # opening words of the last sentence
        # The record's own job nouns are avoided too, if less strictly: "the … opening"
        # reads badly next to "the company is opening an office".
        self.material = _words(" ".join(_material(outline))) & _JOB_NOUNS
        name = outline.greeting_name if tone is Tone.FORMAL else outline.casual_name
        self.values: dict[str, str] = {
            "name": name, "role": outline.role, "a_role": outline.a_role,
            "company": outline.company, "weekday": outline.weekday, "date": outline.date,
            "on_day": outline.on_day, "day_s": outline.day_s, "day": outline.day,
            "decision": outline.decision or "",
        }

    def _faults(self, template: str, filled: str, starts: str | None) -> tuple[int, ...]:
        """What is wrong with a wording here, most serious first (all zero: nothing)."""
        names = {n for n in ("role", "company") if "{" + n + "}" in template}
        if "{a_role}" in template:
            names.add("role")
        here = opening(starts) if starts is not None else ()
        return (
            int(template in self.used),
            int(bool(_DOUBLED_RE.search(filled))),
            int(bool(here) and here == self.previous),
            int(starts is not None and word_count(starts) > LONG_SENTENCE),
            int("role" in names & self.named),
            len(_referring(template) & self.nouns),
            int("company" in names & self.named),
            len(_referring(template) & self.material),
            len(_content(template) & self.said),
            int(bool(here) and here[:1] == self.previous[:1] and here[:1] != ("i",)),
        )

    def say(self, part: str, salt: int, *, opens: bool = True, tail: str = "",
            **values: str) -> str:
        """The part's wording for this note, filled in.

        `opens`: the part opens a sentence (its opening words, with `tail` after it when
        the part is only a lead-in, must differ from the previous sentence's); ties, greetings
        and closings pass False.
        """
        options = self.table[part][self.tone]
        first = options.index(pick(options, self.variant, self.outline.position, salt))
        best: tuple[tuple[int, ...], str, str] | None = None
        for step in range(len(options)):
            template = options[(first + step) % len(options)]
            filled = str(template.format_map({**self.values, **values}))
            filled = _DOUBLE_STOP_RE.sub(".", filled)  # "… Electrical Co." + "."
            faults = self._faults(template, filled, filled + tail if opens else None)
            if best is None or faults < best[0]:
                best = (faults, template, filled)
            if not any(faults):
                break
        assert best is not None
        _, template, filled = best
        self.used.add(template)
        self.nouns |= _referring(template) | (_words(filled + tail) & REFERRING_NOUNS)
        self.said |= _content(template)
        self.named |= {n for n in ("role", "company") if "{" + n + "}" in template}
        if "{a_role}" in template:
            self.named.add("role")
        if opens:
            self.previous = opening(filled + tail)
        return filled

"""Declarative rule kinds: a rule is a small value, its kind says how it finds problems.

- `Existence`: phrases that should not be there (with an optional preferred form).
- `Required`: something that must appear within a part of the note.
- `Logic`: a plain function `(doc, ctx, cfg) -> Iterator[Hit]` for rules that need code.

Every rule carries its id (`p08.pushy-phrase`: module prefix, then a name), the practice it
serves, a severity, a message, a why, and fail/pass examples that the meta-test runs.
Examples run under a named example context (see `check/examples.py`) when the rule needs a
record. `applies` limits a rule to stages, media and to contexts that have what it needs.

A rule's `scope` says what its findings are about: `span` (the words marked are the problem)
or `note` (something is missing, or the note as a whole is off; the span is only an anchor).
`Required` rules are note-level by nature; a hit may override its rule's scope.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from followup.model import Medium, Severity, Stage
from followup.model.report import Scope

if TYPE_CHECKING:
    from followup.check.context import CheckContext
    from followup.check.document import Document, Span


@dataclass(frozen=True)
class Hit:
    """Where a rule fired; message/suggestion/severity/scope/why override the rule's defaults."""

    start: int
    end: int
    message: str | None = None
    suggestion: str | None = None
    severity: Severity | None = None
    scope: Scope | None = None
    why: str | None = None


@dataclass(frozen=True)
class Example:
    """An example text with the named example context it runs under (see examples.py)."""

    text: str
    context: str | None = None


class Needs:
    """What a rule needs from the context before it applies."""

    RECORD = "record"
    INTERVIEWER = "interviewer"
    NOW = "now"
    OTHERS = "others"
    DRAFTS = "drafts"


@dataclass(frozen=True, kw_only=True)
class Rule:
    """The common part of every rule."""

    id: str
    practice: str
    severity: Severity
    message: str
    why: str
    fail: tuple[str | Example, ...]
    passes: tuple[str | Example, ...]
    example_context: str | None = None
    stages: frozenset[Stage] = frozenset(Stage)
    media: frozenset[Medium] = frozenset(Medium)
    needs: frozenset[str] = frozenset()
    scope: Scope = Scope.SPAN

    def applies(self, ctx: CheckContext) -> bool:
        if ctx.stage not in self.stages or ctx.medium not in self.media:
            return False
        have = {
            Needs.RECORD: ctx.interview is not None,
            Needs.INTERVIEWER: ctx.interviewer is not None,
            Needs.NOW: ctx.now is not None and ctx.interview is not None,
            Needs.OTHERS: bool(ctx.other_interviews),
            Needs.DRAFTS: bool(ctx.other_drafts),
        }
        return all(have[need] for need in self.needs)

    def find(self, doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
        raise NotImplementedError

    def examples(self, kind: str) -> list[Example]:
        """The `fail` or `passes` examples, each with its context name resolved."""
        raw = self.fail if kind == "fail" else self.passes
        return [e if isinstance(e, Example) else Example(e, self.example_context) for e in raw]


def part(doc: Document, where: str) -> Span:
    """A named part of the note: `body`, `content`, `subject`, `opening`, `closing`, `all`."""
    from followup.check.document import Span

    if where == "content":
        return doc.content
    if where == "subject":
        return doc.subject or Span(0, 0)
    if where == "opening":
        sentences = doc.sentences[:2]
        return Span(sentences[0].start, sentences[-1].end) if sentences else Span(0, 0)
    if where == "all":
        return Span(0, len(doc.text))
    return Span(doc.body_start, len(doc.text))


@dataclass(frozen=True, kw_only=True)
class Existence(Rule):
    """Flag every match of these patterns (case-insensitive) in a part of the note.

    `replace` maps a lower-cased match to the preferred form, offered as the suggestion.
    """

    patterns: tuple[str, ...]
    where: str = "body"
    replace: Mapping[str, str] = field(default_factory=dict)
    _compiled: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        joined = "|".join(f"(?:{p})" for p in self.patterns)
        object.__setattr__(self, "_compiled", re.compile(joined, re.IGNORECASE))

    def find(self, doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
        span = part(doc, self.where)
        for match in self._compiled.finditer(doc.text, span.start, span.end):
            if match.end() > match.start():
                preferred = self.replace.get(match.group(0).lower())
                yield Hit(match.start(), match.end(), suggestion=preferred)


@dataclass(frozen=True, kw_only=True)
class Required(Rule):
    """Require a match of one of these patterns in a part; else report at an anchor span.

    `anchor` names the part reported when missing (`opening`, `content`, `closing`, …).
    """

    patterns: tuple[str, ...]
    where: str = "content"
    anchor: str = "opening"
    scope: Scope = Scope.NOTE
    _compiled: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        joined = "|".join(f"(?:{p})" for p in self.patterns)
        object.__setattr__(self, "_compiled", re.compile(joined, re.IGNORECASE))

    def find(self, doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
        span = part(doc, self.where)
        if self._compiled.search(doc.text, span.start, span.end):
            return
        target = anchor_span(doc, self.anchor)
        yield Hit(target.start, target.end)


def anchor_span(doc: Document, name: str) -> Span:
    """A span to hang a "missing" finding on: a part if non-empty, else the first line.

    `head` is the first few words of the first sentence (for findings about the whole note);
    `tail` the end of the last sentence (for a missing close: offer, interest, question).
    """
    from followup.check.document import Span

    if name == "head":
        return head(doc)
    if name == "tail" and doc.sentences:
        return tail(doc)
    if name == "last-paragraph" and doc.content_paragraphs:
        return doc.content_paragraphs[-1]
    if name == "closing":
        target = doc.closing or (doc.content_paragraphs[-1] if doc.content_paragraphs else None)
        if target is not None:
            return target
    if name == "salutation" and doc.salutation is not None:
        return doc.salutation
    if name in ("opening", "content", "subject"):
        span = part(doc, name)
        if len(span):
            return span
    first = doc.anchor()
    return first if len(first) else Span(0, 0)


HEAD_WORDS = 6


def head(doc: Document, words: int = HEAD_WORDS) -> Span:
    """Where a finding about the whole note points: the first few words of its first sentence.

    Short, so the mark in the human output sits where the reader starts, not at the end of
    the whole message; falls back to the first line when the note has no sentence.
    """
    from followup.check.document import Span

    if not doc.sentences:
        return anchor_span(doc, "opening")
    first = doc.sentences[0]
    found = doc.words_in(first)[:words]
    if not found:
        return first
    end = found[-1].end
    if len(doc.words_in(first)) <= words:
        end = first.end  # the whole (short) sentence, with its final punctuation
    return Span(first.start, end)


def tail(doc: Document, words: int = 8) -> Span:
    """Where a "something is missing at the end" finding points: the content's last sentence
    (its last few words when it is long), which is where the missing line would go."""
    from followup.check.document import Span

    last = doc.sentences[-1]
    found = doc.words_in(last)
    if len(found) <= words:
        return last
    return Span(found[-words].start, last.end)


LogicFn = Callable[["Document", "CheckContext", "Settings"], Iterator[Hit]]


@dataclass(frozen=True, kw_only=True)
class Logic(Rule):
    """A rule whose finding needs code: `fn(doc, ctx, cfg)` yields hits."""

    fn: LogicFn

    def find(self, doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
        return self.fn(doc, ctx, cfg)


@dataclass(frozen=True)
class Settings:
    """The configuration values rules read (limits), the enable/disable switches, and the
    user's own dictionary (`check.words` plus `check --accept`), as written."""

    limits: Mapping[str, int]
    checks: Mapping[str, bool] = field(default_factory=dict)
    words: frozenset[str] = frozenset()

    def limit(self, name: str) -> int:
        return int(self.limits[name])

    @classmethod
    def from_config(cls, config: Any = None, checks: Mapping[str, bool] | None = None,
                    words: Iterable[str] = ()) -> Settings:
        """Settings from a `followup.config.Config` (defaults when None); `checks` and
        `words` add switches and accepted words for one run."""
        from followup import config as config_module

        cfg = config if config is not None else config_module.defaults()
        values: Mapping[str, Any] = cfg.values
        limits = {k.removeprefix("limits."): int(v) for k, v in values.items()
                  if k.startswith("limits.")}
        switches = {k.removeprefix("checks."): bool(v) for k, v in values.items()
                    if k.startswith("checks.")}
        switches.update(checks or {})
        switches = renamed_switches(switches)
        mine = frozenset(w.strip() for w in (*values.get("check.words", ()), *words)
                         if w.strip())
        return cls(limits=limits, checks=switches, words=mine)


# Rule ids before they all followed the `pNN.` scheme: a switch written with an old id (or
# prefix) in a config file still turns the renamed rules on or off.
RENAMED: Mapping[str, tuple[str, ...]] = {
    "interest": ("p08.reaffirm-interest",),
    "interest.reaffirm": ("p08.reaffirm-interest",),
    "signoff": ("p09.no-closing", "p09.no-name"),
    "signoff.no-closing": ("p09.no-closing",),
    "signoff.no-name": ("p09.no-name",),
}


def renamed_switches(checks: Mapping[str, bool]) -> dict[str, bool]:
    """The switches with old rule ids translated (a switch under the new id wins)."""
    out = dict(checks)
    for old in sorted((k for k in checks if k in RENAMED), key=len):
        for new in RENAMED[old]:
            if new not in checks:
                out[new] = checks[old]
    return out


def is_enabled(rule_id: str, checks: Mapping[str, bool]) -> bool:
    """Whether a rule is on: the most specific matching prefix key wins; default on."""
    best: tuple[int, bool] | None = None
    for key, on in checks.items():
        matches = rule_id == key or rule_id.startswith(key + ".")
        if matches and (best is None or len(key) > best[0]):
            best = (len(key), on)
    return True if best is None else best[1]


@dataclass(frozen=True)
class Registry:
    """An explicit set of rules; the engine runs the enabled, applicable ones."""

    rules: tuple[Rule, ...]

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for rule in self.rules:
            if rule.id in seen:
                raise ValueError(f"duplicate rule id {rule.id}")
            seen.add(rule.id)

    def get(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def enabled(self, checks: Mapping[str, bool]) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if is_enabled(r.id, checks))

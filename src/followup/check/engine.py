"""The checker's engine: run the enabled, applicable rules over a note and score the result.

Score formula (0–100, deterministic):

    penalty = Σ over findings of  SEVERITY_COST[severity] × PRACTICE_WEIGHT[practice]
              (a rule counts at most 3 times: repeats of one problem are one lesson)
    score   = round(100 − penalty), clamped to 0..100
    if any finding is an error: score = min(score, 69)

SEVERITY_COST: error 35, warning 6, suggestion 2. PRACTICE_WEIGHT: 1.0, except P2
(personalization), P8 (tone of the ask) and P9 (proofreading) at 1.25, and P1 (timing,
which the text cannot fix) at 0.75. So a careful note with one warning and a couple of
suggestions stays at 90 or above, and any error lands below 70.

A practice's status: `fail` with an error, `warn` with a warning, `ok` when its rules ran
with at most suggestions, `n/a` when none of its rules applied (e.g. P1 without a record and
a moment, P10 for a thank-you note).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from followup.check.context import CheckContext, with_addressee
from followup.check.document import Document
from followup.check.kinds import Registry, Rule, Settings
from followup.model import (
    Finding,
    PracticeResult,
    PracticeStatus,
    Report,
    Severity,
    TextStats,
)
from followup.practices import PRACTICES

SEVERITY_COST: Mapping[Severity, float] = {
    Severity.ERROR: 35.0,
    Severity.WARNING: 6.0,
    Severity.SUGGESTION: 2.0,
}
PRACTICE_WEIGHT: Mapping[str, float] = {"P1": 0.75, "P2": 1.25, "P8": 1.25, "P9": 1.25}
MAX_REPEATS_SCORED = 3
ERROR_SCORE_CAP = 69

_default_registry: Registry | None = None


def default_registry() -> Registry:
    """The built-in rules, P1–P10 (built once, then reused)."""
    global _default_registry
    if _default_registry is None:
        from followup.check.rules import all_rules

        _default_registry = Registry(all_rules())
    return _default_registry


def check(
    text: str,
    context: CheckContext | None = None,
    config: Any = None,
    *,
    registry: Registry | None = None,
    checks: Mapping[str, bool] | None = None,
    words: Iterable[str] = (),
) -> Report:
    """Check a note; `config` is a `followup.config.Config` (defaults when None).

    `checks` switches rules on or off and `words` are accepted as correctly spelled, for this
    call only (on top of the config's `checks.*` and `check.words`).
    """
    if isinstance(config, Settings):
        settings = config
        if words:
            settings = replace(settings, words=settings.words | frozenset(words))
    else:
        settings = Settings.from_config(config, checks, words)
    registry = registry or default_registry()
    ctx = context or CheckContext()
    doc = Document(text, ctx.subject)
    if doc.subject is not None and ctx.subject is None:
        ctx = replace(ctx, subject=doc.subject_text)
    name_span = doc.salutation_name
    ctx = with_addressee(ctx, doc.slice(name_span) if name_span else None)
    findings: list[Finding] = []
    applied: set[str] = set()
    for rule in registry.enabled(settings.checks):
        if not rule.applies(ctx):
            continue
        applied.add(rule.practice)
        findings.extend(_run(rule, doc, ctx, settings))
    findings.sort(key=lambda f: (f.start, f.end, f.severity.rank, f.rule))
    findings = _dedupe(findings)
    return Report(
        score=score(findings),
        practices=practice_results(findings, applied),
        findings=tuple(findings),
        stats=stats(doc),
    )


def _run(rule: Rule, doc: Document, ctx: CheckContext, settings: Settings) -> Iterable[Finding]:
    text = doc.text
    for hit in rule.find(doc, ctx, settings):
        start = max(0, min(hit.start, len(text)))
        end = max(start, min(hit.end, len(text)))
        yield Finding(
            rule=rule.id,
            practice=rule.practice,
            severity=hit.severity or rule.severity,
            message=hit.message or rule.message,
            why=hit.why or rule.why,
            start=start,
            end=end,
            text=text[start:end],
            suggestion=hit.suggestion,
            scope=hit.scope or rule.scope,
        )


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, int, int]] = set()
    out: list[Finding] = []
    for f in findings:
        key = (f.rule, f.start, f.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def score(findings: Iterable[Finding]) -> int:
    """The 0–100 score of a set of findings (formula in the module docstring)."""
    per_rule: Counter[str] = Counter()
    penalty = 0.0
    has_error = False
    for f in findings:
        has_error = has_error or f.severity is Severity.ERROR
        per_rule[f.rule] += 1
        if per_rule[f.rule] > MAX_REPEATS_SCORED:
            continue
        penalty += SEVERITY_COST[f.severity] * PRACTICE_WEIGHT.get(f.practice, 1.0)
    result = max(0, min(100, round(100 - penalty)))
    return min(result, ERROR_SCORE_CAP) if has_error else result


def practice_results(findings: Iterable[Finding], applied: set[str]) -> dict[str, PracticeResult]:
    worst: dict[str, Severity] = {}
    for f in findings:
        if f.practice not in worst or f.severity.rank < worst[f.practice].rank:
            worst[f.practice] = f.severity
    out: dict[str, PracticeResult] = {}
    for p in PRACTICES:
        if p.id in worst and worst[p.id] is Severity.ERROR:
            status = PracticeStatus.FAIL
        elif p.id in worst and worst[p.id] is Severity.WARNING:
            status = PracticeStatus.WARN
        elif p.id in applied:
            status = PracticeStatus.OK
        else:
            status = PracticeStatus.NA
        out[p.id] = PracticeResult(p.title, status)
    return out


def stats(doc: Document) -> TextStats:
    return TextStats(
        words=len(doc.all_words),
        characters=len(doc.text),
        sentences=len(doc.sentences),
        paragraphs=len(doc.paragraphs),
        reading_grade=doc.reading_grade,
    )

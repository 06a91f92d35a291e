"""P6 outstanding questions: answer, briefly and better, what you fumbled in the interview.

The record lists per interviewer the questions the candidate wants to answer better (with
the better answer). A question no sentence of the note touches — by meaning-bearing words
of the question (two, or one distinctive) or of the better answer (three, or one
distinctive), within one sentence — is a warning that proposes the better answer.
"""

from __future__ import annotations

from collections.abc import Iterator

from followup.check.context import CheckContext
from followup.check.document import Document
from followup.check.kinds import Hit, Logic, Needs, Settings, anchor_span
from followup.check.words import content_stems, related
from followup.model import Severity, Stage
from followup.model.report import Scope


def _unanswered(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    person = ctx.interviewer
    if person is None or not person.questions:
        return
    sentences = [content_stems(doc.slice(span))[0] for span in doc.sentences]
    for question in person.questions:
        if any(related(question.question, stems) or (
                question.better and _retells(question.better, stems)) for stems in sentences):
            continue
        target = anchor_span(doc, "tail")
        better = f" — e.g. \u201c{question.better}\u201d" if question.better else ""
        yield Hit(target.start, target.end, message=(
            f"You wanted to answer \u201c{question.question}\u201d better; "
            f"add a sentence{better}."))


BETTER_SHARED = 3


def _retells(better: str, sentence: frozenset[str]) -> bool:
    """Whether one sentence retells the better answer: three of its meaning-bearing words, or
    one distinctive one (two common words, "plan" and "family", happen by chance)."""
    stems, rare = content_stems(better)
    shared = stems & sentence
    return len(shared) >= BETTER_SHARED or bool(shared & rare)


RULES = (
    Logic(
        id="p06.unanswered", practice="P6", severity=Severity.WARNING,
        message="An open question from the interview is not addressed.",
        why="A brief, better answer to a question you fumbled shows self-awareness and "
            "clears doubt.",
        fail=("Dear Dana,\n\nThank you for yesterday and for the talk about Kafka.\n\n"
              "Best regards,\nPriya",),
        passes=("Dear Dana,\n\nThank you for yesterday. On schema changes in dbt: I version "
                "every model and run contract tests in CI.\n\nBest regards,\nPriya",),
        example_context="northwind", stages=frozenset({Stage.THANK_YOU}),
        needs=frozenset({Needs.INTERVIEWER}), scope=Scope.NOTE, fn=_unanswered,
    ),
)

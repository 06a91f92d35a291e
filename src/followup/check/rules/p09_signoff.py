"""P9, sign-off: a closing line and the candidate's name, as a finished letter has.

Reports under P9 (a professional, finished message). LinkedIn connection notes are exempt:
their 300 characters go to the message itself. The ids were `signoff.no-closing` and
`signoff.no-name` before ids followed the `pNN.` scheme; old `checks.signoff*` switches still
reach them (see `kinds.RENAMED`).
"""

from __future__ import annotations

from collections.abc import Iterator

from followup.check.context import CheckContext
from followup.check.document import Document
from followup.check.kinds import Hit, Logic, Settings, anchor_span
from followup.check.words import fold, tokens
from followup.model import Medium, Severity
from followup.model.report import Scope

LETTERS = frozenset({Medium.EMAIL, Medium.LINKEDIN_MESSAGE, Medium.CARD})


def _no_closing(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    if doc.closing is None and doc.words:
        target = anchor_span(doc, "tail")
        yield Hit(target.start, target.end)


def _no_name(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    if doc.closing is None:
        return
    signature = doc.signature
    if signature is None:
        yield Hit(doc.closing.start, doc.closing.end,
                  suggestion=(doc.slice(doc.closing) + "\n" + ctx.me_name) if ctx.me_name
                  else None)
        return
    if ctx.me_name:
        mine = {fold(t) for t in tokens(ctx.me_name)}
        signed = {fold(t) for t in tokens(doc.slice(signature))}
        short = {s for s in signed if len(s) >= 3 and any(m.startswith(s) for m in mine)}
        if not (mine & signed or short):  # "Sid" for Siddharth is his name too
            yield Hit(signature.start, signature.end, scope=Scope.SPAN, message=(
                f"The signature does not carry your name ({ctx.me_name})."))


_GOOD = "Dear Dana,\n\nThank you for yesterday.\n\nBest regards,\nPriya Raman"

RULES = (
    Logic(
        id="p09.no-closing", practice="P9", severity=Severity.WARNING,
        message="No closing line (\u201cBest regards,\u201d and your name).",
        why="A proper close is part of a professional, finished message.",
        fail=("Dear Dana,\n\nThank you for yesterday.",), passes=(_GOOD,),
        media=LETTERS, scope=Scope.NOTE, fn=_no_closing,
    ),
    Logic(
        id="p09.no-name", practice="P9", severity=Severity.WARNING,
        message="Sign with your name after the closing.",
        why="Your name at the end tells them who wrote, without opening the header.",
        fail=("Dear Dana,\n\nThank you for yesterday.\n\nBest regards,",
              "Dear Dana,\n\nThank you.\n\nBest regards,\nAlex"),
        passes=(_GOOD,), example_context="northwind", media=LETTERS, scope=Scope.NOTE, fn=_no_name,
    ),
)

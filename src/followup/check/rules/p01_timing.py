"""P1 timing: send within the day, not rushed, and not in the middle of the recipient's night.

Needs the record (when the interview ended) and the moment of sending (`--now`). Findings
point at the note's first line: timing is about the whole message, not a phrase in it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

from followup.check.context import CheckContext
from followup.check.document import Document
from followup.check.kinds import Example, Hit, Logic, Needs, Settings
from followup.model import Severity, Stage
from followup.model.report import Scope
from followup.windows import is_night, next_send_slot, thank_you_window

_NOTE = "Thank you for your time yesterday, Dana."


def duration(delta: timedelta) -> str:
    """"1 day 3 h", "5 h", "40 min": how far apart two moments are, for messages."""
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days} day{'s' if days > 1 else ''} {hours} h" if hours else f"{days} days"
    return f"{hours} h" if hours else f"{mins} min"


def _zone(ctx: CheckContext) -> str:
    person = ctx.interviewer
    if person is not None and person.timezone:
        return person.timezone
    return ctx.interview.timezone if ctx.interview else "UTC"


def _now(ctx: CheckContext) -> datetime:
    assert ctx.now is not None and ctx.interview is not None
    return ctx.now if ctx.now.tzinfo else ctx.now.replace(tzinfo=ctx.interview.starts_at.tzinfo)


def _late(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    assert ctx.interview is not None
    window = thank_you_window(ctx.interview.ends_at, cfg.limit("thank_you_opens_hours"),
                              cfg.limit("thank_you_due_hours"))
    now = _now(ctx)
    if now > window.due:
        anchor = doc.anchor()
        yield Hit(anchor.start, anchor.end, message=(
            f"Sent {duration(now - window.due)} after the {cfg.limit('thank_you_due_hours')} h "
            f"window closed ({window.due:%a %H:%M %Z}); send it now and keep it warm, without "
            "apologising at length."))


def _early(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    assert ctx.interview is not None
    window = thank_you_window(ctx.interview.ends_at, cfg.limit("thank_you_opens_hours"),
                              cfg.limit("thank_you_due_hours"))
    now = _now(ctx)
    if now < window.opens:
        anchor = doc.anchor()
        yield Hit(anchor.start, anchor.end, message=(
            f"Only {duration(now - ctx.interview.ends_at)} after the interview ended; the window "
            f"opens at {window.opens:%H:%M %Z}. Take the time to reread it before sending."))


def _night(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    zone = _zone(ctx)
    now = _now(ctx)
    if is_night(now, zone):
        slot = next_send_slot(now, zone, cfg.limit("send_hour_start"), cfg.limit("send_hour_end"))
        anchor = doc.anchor()
        yield Hit(anchor.start, anchor.end, message=(
            f"It is {now.astimezone(slot.tzinfo):%H:%M} for the recipient ({zone}); schedule it "
            f"for {slot:%a %H:%M} their time instead."))


def _check_in_early(doc: Document, ctx: CheckContext, cfg: Settings) -> Iterator[Hit]:
    assert ctx.interview is not None
    due = ctx.interview.ends_at + timedelta(days=cfg.limit("check_in_days"))
    now = _now(ctx)
    if now < due:
        anchor = doc.anchor()
        pressing = now - ctx.interview.ends_at < timedelta(days=PRESSING_DAYS)
        yield Hit(anchor.start, anchor.end, severity=Severity.WARNING if pressing else None,
                  message=(
            f"A check-in {duration(now - ctx.interview.ends_at)} after the interview is early"
            + ("; asking for news the day after presses them" if pressing else "")
            + f"; wait until about {due:%a %Y-%m-%d}."))


PRESSING_DAYS = 2  # a check-in sooner than this asks for a decision a day later: a warning


_WHY_LATE = "A note within a day keeps you fresh in the interviewer's mind."
THANK_YOU = frozenset({Stage.THANK_YOU})

RULES = (
    Logic(
        id="p01.late", practice="P1", severity=Severity.WARNING,
        message="Sent after the thank-you window closed.", why=_WHY_LATE,
        fail=(Example(_NOTE, "northwind-late"),), passes=(Example(_NOTE, "northwind-ontime"),),
        stages=THANK_YOU, needs=frozenset({Needs.NOW}), scope=Scope.NOTE, fn=_late,
    ),
    Logic(
        id="p01.too-soon", practice="P1", severity=Severity.SUGGESTION,
        message="Sent right after the interview.",
        why="A note sent minutes after the call looks rushed; take time to make it thoughtful.",
        fail=(Example(_NOTE, "northwind-early"),), passes=(Example(_NOTE, "northwind-ontime"),),
        stages=THANK_YOU, needs=frozenset({Needs.NOW}), scope=Scope.NOTE, fn=_early,
    ),
    Logic(
        id="p01.night-send", practice="P1", severity=Severity.SUGGESTION,
        message="Sent at night in the recipient's time zone.",
        why="A message that arrives in working hours is read; one at 2 am sinks under the "
            "morning's mail.",
        fail=(Example(_NOTE, "northwind-night"),), passes=(Example(_NOTE, "northwind-ontime"),),
        needs=frozenset({Needs.NOW}), scope=Scope.NOTE, fn=_night,
    ),
    Logic(
        id="p01.check-in-early", practice="P1", severity=Severity.SUGGESTION,
        message="Checking in too soon after the interview.",
        why="A check-in before about a week has passed reads as impatience.",
        fail=(Example(_NOTE, "northwind-check-in-early"),),
        passes=(Example(_NOTE, "northwind-check-in"),),
        stages=frozenset({Stage.CHECK_IN}), needs=frozenset({Needs.NOW}), fn=_check_in_early,
        scope=Scope.NOTE,
    ),
)

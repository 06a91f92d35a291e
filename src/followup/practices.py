"""The ten practices of a good interview follow-up, as data: the vocabulary everyone uses.

Each practice has an id (`P1` … `P10`), a short title and why it matters, traced to the seed
article. The checker's rules name the practice they serve; the report summarises by practice.
Two "reasons" from the article (reaffirmed interest, a professional close) have no practice
of their own: their rules report under P8 (the closing: eagerness and availability) and P9
(a professional, finished message) respectively.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Practice:
    """One practice: what it is called and why a hiring manager cares."""

    id: str
    title: str
    why: str


PRACTICES: tuple[Practice, ...] = (
    Practice("P1", "Timing", "Within a day keeps you fresh in their mind; a rushed note reads "
             "as careless."),
    Practice("P2", "Personalization", "A note that recalls this conversation shows you "
             "listened; a generic one is forgotten."),
    Practice("P3", "Right medium", "Each medium has its own conventions and limits; the "
             "message must fit where it is read."),
    Practice("P4", "Gratitude first", "Opening with thanks for their time sets a warm, "
             "professional tone."),
    Practice("P5", "Key qualifications", "One or two qualifications tied to the job remind "
             "them of your fit; a list of everything buries it."),
    Practice("P6", "Outstanding questions", "A short, better answer to a question you fumbled "
             "shows self-awareness."),
    Practice("P7", "Brief and clear", "Interviewers read many notes; short, plain sentences "
             "get read."),
    Practice("P8", "Call to action, not pushy", "Offering more information keeps the dialogue "
             "open; pressure closes it."),
    Practice("P9", "Proofread", "Errors, wrong names and leftovers from another note undo "
             "the professionalism you want to show."),
    Practice("P10", "Follow through", "A gentle check-in after a week shows continued "
             "interest without pressure."),
)

BY_ID: Mapping[str, Practice] = {p.id: p for p in PRACTICES}


def practice(practice_id: str) -> Practice:
    """The practice with this id (`P1` … `P10`); KeyError for anything else."""
    return BY_ID[practice_id]

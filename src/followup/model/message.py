"""What a follow-up message is: its stage in the process and the medium it goes by."""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    """Which follow-up a message is."""

    THANK_YOU = "thank-you"
    CHECK_IN = "check-in"


class Medium(StrEnum):
    """How a message reaches the interviewer."""

    EMAIL = "email"
    LINKEDIN_MESSAGE = "linkedin-message"
    LINKEDIN_NOTE = "linkedin-note"
    CARD = "card"

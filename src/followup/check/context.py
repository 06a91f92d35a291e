"""What the checker knows besides the text: the record, who is addressed, stage, medium, now.

All of it is optional; rules that need a piece the context lacks simply do not apply (their
practice reports `n/a` when nothing else of it applied).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime

from followup.model import Interview, Interviewer, Medium, Stage
from followup.model.interview import name_key


@dataclass(frozen=True)
class CheckContext:
    """Everything a check may use beyond the text itself."""

    interview: Interview | None = None
    interviewer: Interviewer | None = None
    stage: Stage = Stage.THANK_YOU
    medium: Medium = Medium.EMAIL
    now: datetime | None = None
    other_interviews: tuple[Interview, ...] = ()
    other_drafts: tuple[str, ...] = ()
    subject: str | None = None
    candidate_name: str = field(default="")

    @property
    def panel(self) -> tuple[Interviewer, ...]:
        return self.interview.interviewers if self.interview else ()

    @property
    def me_name(self) -> str:
        """The candidate's name: the record's `me:` when it has one (the same on the CLI and
        the web), else the configured name (`candidate_name`)."""
        me = self.interview.me if self.interview else None
        if me is not None and me.name:
            return me.name
        return self.candidate_name


_NAME_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_TITLES = {"mr", "mrs", "ms", "mx", "dr", "prof", "professor", "sir", "madam"}


def addressed_in(salutation_name: str, interview: Interview) -> Interviewer | None:
    """The panel member a greeting's name refers to ("Dr. Whitfield", "Dana"), if exactly one."""
    tokens = [t for t in _NAME_TOKEN_RE.findall(salutation_name) if name_key(t) not in _TITLES]
    if not tokens:
        return None
    whole = interview.find_interviewer(" ".join(tokens))
    if whole is not None:
        return whole
    for token in tokens:
        found = interview.find_interviewer(token)
        if found is not None:
            return found
    return None


def with_addressee(context: CheckContext, salutation_name: str | None) -> CheckContext:
    """The context with its interviewer filled in from the greeting, or the only panel member."""
    if context.interviewer is not None or context.interview is None:
        return context
    person = addressed_in(salutation_name, context.interview) if salutation_name else None
    if person is None and len(context.interview.interviewers) == 1:
        person = context.interview.interviewers[0]
    return replace(context, interviewer=person) if person else context

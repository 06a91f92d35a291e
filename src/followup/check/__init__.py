"""The checker: `check(text, context, config) -> Report`, every practice as rules.

    from followup.check import CheckContext, check
    report = check(draft, CheckContext(interview=record, interviewer=person))
"""

from followup.check.context import CheckContext
from followup.check.engine import check, default_registry
from followup.check.kinds import Registry, Rule

__all__ = ["CheckContext", "Registry", "Rule", "check", "default_registry"]

"""The built-in rules, one module per practice (plus interest and sign-off).

`all_rules()` lists them explicitly; nothing registers itself at import time. A module's
rules all carry its prefix (`p08.` in `p08_call_to_action.py`), which the meta-test checks.
"""

from __future__ import annotations

from followup.check.kinds import Rule

MODULES = (
    "p01_timing", "p02_personalization", "p03_medium", "p04_gratitude", "p05_qualifications",
    "p06_questions", "p07_brevity", "p08_call_to_action", "p09_proofread",
    "p09_names", "p10_follow_through", "interest", "signoff",
)


def all_rules() -> tuple[Rule, ...]:
    """Every built-in rule, in practice order."""
    from followup.check.rules import (
        interest,
        p01_timing,
        p02_personalization,
        p03_medium,
        p04_gratitude,
        p05_qualifications,
        p06_questions,
        p07_brevity,
        p08_call_to_action,
        p09_names,
        p09_proofread,
        p10_follow_through,
        signoff,
    )

    modules = (p01_timing, p02_personalization, p03_medium, p04_gratitude, p05_qualifications,
               p06_questions, p07_brevity, p08_call_to_action, p09_proofread,
               p09_names, p10_follow_through, interest, signoff)
    return tuple(rule for module in modules for rule in module.RULES)

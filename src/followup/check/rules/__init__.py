"""The built-in rules, one or more modules per practice (`p09_proofread`, `p09_names`, …).

`all_rules()` lists them explicitly; nothing registers itself at import time. A module's
rules all carry its prefix (`p08.` in `p08_call_to_action.py` and `p08_interest.py`), which
the meta-test checks.
"""

from __future__ import annotations

from followup.check.kinds import Rule

MODULES = (
    "p01_timing", "p02_personalization", "p03_medium", "p04_gratitude", "p05_qualifications",
    "p06_questions", "p07_brevity", "p08_call_to_action", "p08_interest", "p09_spelling",
    "p09_proofread", "p09_sentences", "p09_names", "p09_who", "p09_signoff", "p10_follow_through",
)


def all_rules() -> tuple[Rule, ...]:
    """Every built-in rule, in practice order."""
    from followup.check.rules import (
        p01_timing,
        p02_personalization,
        p03_medium,
        p04_gratitude,
        p05_qualifications,
        p06_questions,
        p07_brevity,
        p08_call_to_action,
        p08_interest,
        p09_names,
        p09_proofread,
        p09_sentences,
        p09_signoff,
        p09_spelling,
        p09_who,
        p10_follow_through,
    )

    modules = (p01_timing, p02_personalization, p03_medium, p04_gratitude, p05_qualifications,
               p06_questions, p07_brevity, p08_call_to_action, p08_interest, p09_spelling,
               p09_proofread, p09_sentences, p09_names, p09_who,
               p09_signoff, p10_follow_through)
    return tuple(rule for module in modules for rule in module.RULES)

"""P8, reaffirmed interest: the note should say the candidate still wants this role.

One of the article's reasons a follow-up matters; it reports under P8 (the closing, where
eagerness and availability go together). Its id was `interest.reaffirm` before ids followed
the `pNN.` scheme; `checks.interest*` switches still reach it (see `kinds.RENAMED`).
"""

from __future__ import annotations

from followup.check.kinds import Required
from followup.model import Medium, Severity

INTEREST = (
    r"\b(?:excited|enthusiastic|eager|keen|thrilled|motivated|delighted)\b",
    r"\b(?:very|really|still|remain|genuinely|more|even more|strongly) interested\b",
    r"\binterest in (?:the|this|joining|working)\b",
    r"\b(?:would|'d) (?:love|welcome the chance|be glad|be happy|be delighted|be thrilled) to "
    r"(?:join|contribute|work|help|be part|bring|support|build|grow|learn)\b",
    r"\bwant (?:to join|to work|this role)\b",
    r"\blook(?:ing)? forward to (?:the (?:next|possibility)|joining|contributing|working)\b",
    r"\b(?:hope|hoping) to (?:join|contribute|work|be part|help|bring|grow|learn)\b",
    r"\b(?:would|['’]d) like to (?:join|contribute|work|be part|help|bring|grow)\b",
    r"\bappeals? to me\b",
    r"\b(?:is|remains?|are) my (?:first|top|clear) choice\b",
    r"\b(?:would|['’]d) love to (?:do (?:that|this|more|similar|the same)|be (?:on|part|a part))\b",
    r"\bi(?:'m| am) (?:all in|in)\b",
)

RULES = (
    Required(
        id="p08.reaffirm-interest", practice="P8", severity=Severity.WARNING,
        message="Say that you still want this role.",
        why="Reaffirming your interest tells them you are invested in this opportunity.",
        fail=("Dear Dana,\n\nThank you for yesterday.\n\nBest regards,\nPriya",),
        passes=("Dear Dana,\n\nThank you for yesterday. I am even more excited about the role "
                "now.\n\nBest regards,\nPriya",
                "Dear Dana,\n\nThank you. Northwind remains my first choice.\n\nBest,\nPriya",
                "Hi Dana,\n\nThanks! I'd love to do that kind of work with you.\n\nBest,\nPriya"),
        patterns=INTEREST, where="content", anchor="tail",
        media=frozenset({Medium.EMAIL, Medium.LINKEDIN_MESSAGE, Medium.CARD}),
    ),
)

""""a" or "an" by how the next word sounds: an SRE, a UX lead, an hourly job, a union."""

from __future__ import annotations

import re

_WORD_RE = re.compile(r"[^\W_]+")


def _pronounceable(word: str) -> bool:
    """Whether an all-caps word is said as a word (NASA, SaaS) rather than spelled (SRE)."""
    return bool(re.fullmatch(r"[B-DF-HJ-NP-TV-Z]?[AEIOU][A-Z]*[AEIOU]?[A-Z]*", word)) and len(
        word) >= 4


def indefinite_article(phrase: str) -> str:
    """"a" or "an" for the phrase that follows, by sound."""
    found = _WORD_RE.search(phrase)
    if not found:
        return "a"
    word = found.group()
    low = word.lower()
    spelled = word.isupper() or sum(c.isupper() for c in word) >= 2   # "SRE", "MSc", "PhD"
    if spelled and len(word) > 1 and word.isalpha() and not _pronounceable(word.upper()):
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    if word.isdigit():
        return "an" if word.startswith(("8", "11", "18")) else "a"
    if low.startswith(("hour", "honest", "honor", "honour", "heir")):
        return "an"
    if low.startswith(("uni", "use", "usu", "ura", "ure", "euro", "one", "once", "ubiq", "uti")):
        return "a"
    return "an" if low[:1] in "aeiou" else "a"

"""Word-level helpers: meaning-bearing words, light stemming, name distance, shingles.

"Matched by meaning-bearing words" (P2, P5, P6) means: tokenize, drop stop words and the
words every thank-you note uses, stem lightly ("migrating" ~ "migration" ~ "migrate"), then
call two texts related when they share at least two stems, or one distinctive stem (a
capitalised term, a number, or a word of nine letters or more).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

TOKEN_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

_STOP_WORDS = """
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not of off on once only or other our ours out over own same she
should so some such than that the their theirs them then there these they this those through to
too under until up very was we were what when where which while who whom why will with would
you your yours yourself yourselves let lets it's i'm i've i'd i'll you're we're that's there's
don't didn't isn't wasn't can't won't really much many well one two get got make made way lot
lots thing things something anything everything thank thanks thanked time today yesterday week
morning afternoon talk talked speak spoke speaking meet met meeting chat chatted conversation
conversations discuss discussed discussion interview interviewed interviews role position
opportunity team company enjoy enjoyed learn learned hear heard hearing appreciate appreciated
great good nice dear hi hello best regards sincerely kind look looking forward
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ments", "ment", "ers", "er",
             "ies", "es", "ed", "ly", "s", "e")


def fold(word: str) -> str:
    """Lower-case and strip accents: "Siobhán" → "siobhan"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A light stem: one common suffix off, keeping at least three letters."""
    w = fold(word).replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                continue
            w = w[: -len(suffix)]
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    if w.endswith("at") and len(w) > 5:
        w = w[:-2]  # migrate, migrating, migration → migr
    return w


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text)


def is_distinctive(token: str, position: int) -> bool:
    """A capitalised term (not sentence-initial), a number, or a long word."""
    if any(c.isdigit() for c in token):
        return True
    if position > 0 and token[:1].isupper():
        return True
    return len(token) >= 9


@lru_cache(maxsize=4096)
def content_stems(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(all meaning-bearing stems, the distinctive ones) of a text."""
    all_stems: set[str] = set()
    rare: set[str] = set()
    for i, tok in enumerate(tokens(text)):
        low = fold(tok)
        if low in STOP_WORDS or (len(low) < 3 and not any(c.isdigit() for c in low)):
            continue
        s = stem(tok)
        all_stems.add(s)
        if is_distinctive(tok, i):
            rare.add(s)
    return frozenset(all_stems), frozenset(rare)


def related(point: str, note_stems: frozenset[str]) -> bool:
    """Whether a note (its stems) refers to a point: ≥2 shared stems or 1 distinctive one."""
    stems, rare = content_stems(point)
    shared = stems & note_stems
    return len(shared) >= 2 or bool(shared & rare)


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Edit distance where swapping two neighbouring letters counts as one edit (optimal
    string alignment, "Dena" ~ "Dean" at 1); gives up (returning `limit`) at `limit`.

    Each letter is edited at most once, so "ca" → "abc" is 3, not 2 (unrestricted
    Damerau–Levenshtein); for typos in a name the difference does not matter.
    """
    if abs(len(a) - len(b)) >= limit:
        return limit
    before: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            best = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb and ca != cb:
                best = min(best, before[j - 2] + 1)
            cur.append(best)
        if min(cur) >= limit:
            return limit  # a row's minimum never decreases, transpositions included
        before, prev = prev, cur
    return min(prev[-1], limit)


def shingles(text: str, drop: Iterable[str] = (), size: int = 3) -> frozenset[tuple[str, ...]]:
    """Word `size`-grams of a text, lower-cased, without the given words (e.g. names)."""
    dropped = {fold(d) for d in drop}
    words = [fold(t) for t in tokens(text)]
    words = [w for w in words if w not in dropped]
    if len(words) < size:
        return frozenset({tuple(words)}) if words else frozenset()
    return frozenset(tuple(words[i:i + size]) for i in range(len(words) - size + 1))


def jaccard(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)

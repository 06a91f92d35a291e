"""Spelling suggestions ranked as a good speller would rank them.

`suggest(word)` proposes corrections for a word a dictionary (Harper, in the checker) did not
know. Candidates are the English words of wordfreq (how common each one is), plus any
`extra` words the caller knows to be right (the user's own dictionary, the record's terms).
Each candidate costs its weighted edit distance from the word (`edit_cost`), and the
ranking is

    score = COST_WEIGHT × edit_cost − zipf(candidate)        (lowest first)

so a one-edit common word beats a one-edit rare one, and a rare word needs to be much closer
than a common one. The edit distance counts what people actually get wrong as cheaper than
an arbitrary edit: two neighbouring letters swapped, a doubled letter dropped or added, one
vowel for another, a neighbouring key, a sound-alike letter (c/s/k, s/z…). A split into
two words ("alot" → "a lot") is a candidate too, but never preferred over a one-edit real
word that is common. Words from `extra` count as very common: "roastry" → "roastery" when
"roastery" is in the user's dictionary.

Where candidates come from (fast: a note's few unknown words cost a millisecond or two):
words one edit away (every delete, swap, replace and insert looked up in a set); words
whose one-letter deletions meet the word's deletions up to two (a deletes index, built per
first letter on first use), and words with the same "skeleton" (doubled letters collapsed:
"acomodate" ~ "accommodate"). wordfreq is loaded on first use (about 0.15 s), never at import.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

LETTERS = "abcdefghijklmnopqrstuvwxyz"
VOWELS = frozenset("aeiouy")
MIN_ZIPF = 1.5  # words rarer than this are not offered (wordfreq's long tail holds typos)
EXTRA_ZIPF = 5.0  # how common a word of the user's dictionary or the record counts
COST_WEIGHT = 4.0
MAX_COST = 2.2
SWAP_COST = 0.45
VOWEL_COST = 0.6
SPLIT_COST = 0.9
# A split is offered only when no common one-edit word exists.
SPLIT_BEATEN_BY_ZIPF = 3.0

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_SOUNDS = ("cs", "ck", "sz", "gj", "ck", "kq", "fv", "td", "bp", "mn", "xz", "ie", "ae")


def _keyboard() -> frozenset[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for r, row in enumerate(_ROWS):
        for i, c in enumerate(row):
            near = [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
            for other in (r - 1, r + 1):
                if 0 <= other < len(_ROWS):
                    near += [_ROWS[other][j] for j in (i - 1, i, i + 1)
                             if 0 <= j < len(_ROWS[other])]
            pairs.update((c, n) for n in near)
    return frozenset(pairs)


_NEAR_KEYS = _keyboard()
_SOUND_PAIRS = frozenset({(p[0], p[1]) for p in _SOUNDS} | {(p[1], p[0]) for p in _SOUNDS})


def substitution_cost(a: str, b: str) -> float:
    """What writing `a` for `b` costs: a vowel for a vowel, a neighbouring key or a
    sound-alike letter is a likelier slip than any other letter."""
    if a == b:
        return 0.0
    if a in VOWELS and b in VOWELS:
        return VOWEL_COST
    if (a, b) in _SOUND_PAIRS:
        return 0.65
    if (a, b) in _NEAR_KEYS:
        return 0.7
    return 1.0


def _indel_cost(word: str, i: int) -> float:
    """Adding or dropping word[i]: cheap when it doubles a neighbour ("ocured", "untill")."""
    c = word[i]
    if (i > 0 and word[i - 1] == c) or (i + 1 < len(word) and word[i + 1] == c):
        return 0.45
    if c in VOWELS:
        return 0.8
    return 1.0


def edit_cost(typed: str, right: str) -> float:
    """Weighted optimal-string-alignment distance from `typed` to `right` (a swap of two
    neighbouring letters is one cheap edit); an edit of the first letter costs a bit more,
    as people rarely get it wrong."""
    n, m = len(typed), len(right)
    prev2: list[float] = []
    prev = [0.0] * (m + 1)
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + _indel_cost(right, j - 1)
    for i in range(1, n + 1):
        cur = [prev[0] + _indel_cost(typed, i - 1)] + [0.0] * m
        a = typed[i - 1]
        for j in range(1, m + 1):
            b = right[j - 1]
            best = min(prev[j] + _indel_cost(typed, i - 1),
                       cur[j - 1] + _indel_cost(right, j - 1),
                       prev[j - 1] + substitution_cost(a, b))
            if i > 1 and j > 1 and a == right[j - 2] and typed[i - 2] == b and a != b:
                best = min(best, prev2[j - 2] + SWAP_COST)
            cur[j] = best
        prev2, prev = prev, cur
    cost = prev[m]
    if typed[:1] != right[:1]:
        cost += 0.3
    return cost


def skeleton(word: str) -> str:
    """The word with doubled letters collapsed: "accommodate" → "acomodate"."""
    out: list[str] = []
    for c in word:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


_SOUND_FOLDS = (("ph", "f"), ("ck", "k"), ("c(?=[eiy])", "s"), ("c", "k"), ("q", "k"),
                ("z", "s"), ("x", "ks"), ("(?<=.)[aeiouyhw]", ""))


def sound_key(word: str) -> str:
    """How a word sounds, roughly: its first letter, then its consonants with sound-alikes
    folded (c/k/q, c/s before e, i, y, s/z, ph/f) and doubles collapsed: "exersize" and
    "exercise" share "eksrss"→"eksrs", "analisys" and "analysis" share "anls"."""
    import re

    out = word.lower()
    for pattern, repl in _SOUND_FOLDS:
        out = re.sub(pattern, repl, out)
    return "~" + skeleton(out)  # "~": never equal to a plain skeleton


def edits1(word: str) -> set[str]:
    """Every string one delete, swap, replace or insert away (lower-case letters)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in LETTERS}
    inserts = {a + c + b for a, b in splits for c in LETTERS}
    return deletes | swaps | replaces | inserts


def _deletes(word: str, depth: int) -> set[str]:
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def _wordfreq_english() -> dict[str, float]:
    """wordfreq's English frequencies. Read straight from its data file (a gzipped msgpack
    "cBpack": after a header, one list of words per centibel of frequency), which spares
    importing wordfreq itself (about 0.3 s of regular expressions and language tables);
    through wordfreq's API when the file is not in that shape."""
    import gzip
    import importlib.util
    from pathlib import Path

    try:
        import msgpack

        spec = importlib.util.find_spec("wordfreq")
        assert spec is not None and spec.origin is not None
        with gzip.open(Path(spec.origin).parent / "data" / "large_en.msgpack.gz", "rb") as f:
            data = msgpack.load(f, raw=False)
        header, buckets = data[0], data[1:]
        if header != {"format": "cB", "version": 1}:
            raise ValueError(header)
        return {word: 10 ** (-cb / 100) for cb, bucket in enumerate(buckets) for word in bucket}
    except Exception:  # any surprise: ask wordfreq the documented way
        import wordfreq

        return dict(wordfreq.get_frequency_dict("en"))


class ZipfTable:
    """wordfreq's frequencies read as zipf values, for listed English words only (letters
    and apostrophes, ASCII, at least MIN_ZIPF). Wraps wordfreq's own dictionary, so nothing
    is copied at load time."""

    def __init__(self, freqs: dict[str, float]) -> None:
        self.freqs = freqs
        self.floor = 10 ** (MIN_ZIPF - 9.0)

    def get(self, word: str, default: float = 0.0) -> float:
        freq = self.freqs.get(word, 0.0)
        if freq < self.floor or not word.isascii() or not word.replace("'", "").isalpha():
            return default
        return math.log10(freq) + 9.0

    def listed(self, word: str) -> float:
        """The zipf value of any word wordfreq lists, accented ones included ("sauté")."""
        freq = self.freqs.get(word.lower(), 0.0)
        return math.log10(freq) + 9.0 if freq > 0 else 0.0

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word, -1.0) >= 0.0

    def words(self, first: str) -> list[str]:
        """The listed words starting with `first` (no apostrophes)."""
        return [w for w, f in self.freqs.items()
                if w[:1] == first and f >= self.floor and w.isalpha() and w.isascii()]


class Lexicon:
    """wordfreq's English words with their zipf frequency, and the lookup indexes (built
    per first letter, on first use: a few tens of milliseconds each)."""

    def __init__(self, zipf: ZipfTable) -> None:
        self.zipf = zipf
        self._deletes: dict[str, dict[str, list[str]]] = {}
        self._skeletons: dict[str, dict[str, list[str]]] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_wordfreq(cls) -> Lexicon:
        return cls(ZipfTable(_wordfreq_english()))

    def _build(self, first: str) -> None:
        with self._lock:
            if first in self._deletes:
                return
            deletes: dict[str, list[str]] = {}
            skeletons: dict[str, list[str]] = {}
            for word in self.zipf.words(first):
                skeletons.setdefault(skeleton(word), []).append(word)
                sound = sound_key(word)
                if sound != skeleton(word):
                    skeletons.setdefault(sound, []).append(word)
                for i in range(len(word)):
                    deletes.setdefault(word[:i] + word[i + 1:], []).append(word)
            self._skeletons[first] = skeletons
            self._deletes[first] = deletes

    def deletes_index(self, first: str) -> dict[str, list[str]]:
        """One-letter deletions → words, for the words starting with `first`."""
        if first not in self._deletes:
            self._build(first)
        return self._deletes[first]

    def skeletons(self, first: str) -> dict[str, list[str]]:
        """Skeletons (doubled letters collapsed) → words, for words starting with `first`."""
        if first not in self._skeletons:
            self._build(first)
        return self._skeletons[first]

    def candidates(self, word: str) -> set[str]:
        """Words within about two edits of `word` (see the module docstring)."""
        zipf = self.zipf
        found = {w for w in edits1(word) if w in zipf}
        if word:
            index = self.deletes_index(word[0])
            for d in _deletes(word, 2):
                found.update(index.get(d, ()))
                if d in zipf:
                    found.add(d)
            keys = self.skeletons(word[0])
            found.update(keys.get(skeleton(word), ()))
            found.update(keys.get(sound_key(word), ()))
        found.discard(word)
        return found


_lexicon: Lexicon | None = None
_load_lock = threading.Lock()


def lexicon() -> Lexicon:
    """The shared lexicon, loaded on first use."""
    global _lexicon
    if _lexicon is None:
        with _load_lock:
            if _lexicon is None:
                _lexicon = Lexicon.from_wordfreq()
    return _lexicon


def zipf(word: str) -> float:
    """How common a word is on wordfreq's zipf scale (0 when it is not listed)."""
    return lexicon().zipf.get(word.lower(), 0.0)


@dataclass(frozen=True, order=True)
class Suggestion:
    """A ranked candidate: lower `score` is better."""

    score: float
    word: str
    cost: float
    zipf: float


def _splits(word: str, zipfs: ZipfTable) -> list[tuple[str, float]]:
    out = []
    for i in range(1, len(word)):
        left, right = word[:i], word[i:]
        if (len(left) > 1 or left in ("a", "i")) and (len(right) > 1 or right == "a"):
            zl, zr = zipfs.get(left, 0.0), zipfs.get(right, 0.0)
            if min(zl, zr) >= 3.0:
                out.append((f"{left} {right}", min(zl, zr)))
    return out


def rank(word: str, extra: Iterable[str] = (), limit: int = 5) -> list[Suggestion]:
    """Candidates for `word` (any case), best first; `extra` words count as common."""
    low = word.lower()
    if not low.replace("'", "").isalpha():
        return []
    return list(_rank(low, frozenset(w.lower() for w in extra))[:limit])


@lru_cache(maxsize=4096)
def _rank(low: str, extra: frozenset[str]) -> tuple[Suggestion, ...]:
    lex = lexicon()
    scored: list[Suggestion] = []
    for cand in lex.candidates(low) | {e for e in extra if abs(len(e) - len(low)) <= 3}:
        if cand == low or ("'" in cand and "'" not in low):
            continue
        cost = edit_cost(low, cand)
        if cost > MAX_COST:
            continue
        z = max(lex.zipf.get(cand, 0.0), EXTRA_ZIPF if cand in extra else 0.0)
        scored.append(Suggestion(COST_WEIGHT * cost - z, cand, cost, z))
    common_one_edit = any(s.cost <= 1.0 and s.zipf >= SPLIT_BEATEN_BY_ZIPF for s in scored)
    if not common_one_edit:
        for split, z in _splits(low, lex.zipf):
            scored.append(Suggestion(COST_WEIGHT * SPLIT_COST - z, split, SPLIT_COST, z))
    scored.sort()
    return tuple(scored)


_PROPER_WORDS = """monday tuesday wednesday thursday friday saturday sunday january february
march april june july august september october november december english"""
_PROPER = frozenset(_PROPER_WORDS.split())


def match_case(word: str, like: str) -> str:
    """`word` written in the case of `like`: "Receive" for "Recieve", "RECEIVE" for "RECIEVE"
    (and days and months capitalised: "wensday" → "Wednesday")."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper() or word in _PROPER:
        return word[:1].upper() + word[1:]
    return word


def suggest(word: str, extra: Iterable[str] = (),
            is_word: Callable[[str], bool] | None = None) -> str | None:
    """The best correction for `word`, in its case, or None when nothing is close enough.

    `is_word`, when given, vets candidates (wordfreq also lists common misspellings): the
    first ranked candidate it accepts, or a word of `extra`, wins.
    """
    mine = frozenset(w.lower() for w in extra)
    for item in rank(word, mine, limit=8):
        parts = item.word.split()
        if item.word in mine or is_word is None or all(
                is_word(p) or p in _PROPER for p in parts):
            return match_case(item.word, word)
    return None


def near_common_word(word: str, min_zipf: float = 3.0,
                     extra: Iterable[str] = ()) -> str | None:
    """A common word (or a word of `extra`) one plain edit from `word`, if there is one:
    "Snowflak" → "snowflake". Names are rarely one edit from a common word."""
    low = word.lower()
    mine = {w.lower() for w in extra}
    table = lexicon().zipf
    close = {c for c in edits1(low) if c != low and (c in mine or c in table)}
    for cand in sorted(close, key=lambda c: (-zipf(c), c)):
        if cand in mine or zipf(cand) >= min_zipf:
            return cand
    return None


JARGON_ZIPF = 1.5
UNLISTED_ZIPF = 1.0  # a word wordfreq does not list is rarer than this


def likely_slip(word: str, is_word: Callable[[str], bool] | None = None) -> str | None:
    """The word `word` is most likely a slip of, if a much more common word is cheaply close
    ("recieve" → "receive": one swap, a hundred times more common; "superviser" →
    "supervisor"); None for a word nothing common is near ("intubated", "precepted")."""
    low = word.lower()
    z = max(zipf(low), UNLISTED_ZIPF)
    for item in rank(low, limit=30):
        if " " in item.word or (is_word is not None and not is_word(item.word)):
            continue
        if (item.cost <= 0.5 and item.zipf >= z + 1.0) or (
                item.cost <= 1.0 and item.zipf >= z + 1.5) or (
                item.cost <= 1.6 and item.zipf >= z + 2.0):
            return item.word
    return None


def plausible_word(word: str) -> bool:
    """Whether a word a dictionary does not know is probably a real word anyway (trade or
    field jargon: "intubated", "summative", "omnichannel"): wordfreq lists it as used, and
    it is no likely slip of a much more common word (`likely_slip`; "recieve" is listed
    too)."""
    return zipf(word.lower()) >= JARGON_ZIPF and likely_slip(word) is None


def compound_of_words(word: str, is_word: Callable[[str], bool]) -> bool:
    """A hyphenated compound whose parts are all words or common prefixes ("super-user",
    "day-one", "de-escalation", "co-taught")."""
    parts = [p for p in word.lower().replace("’", "'").split("-")]
    if len(parts) < 2 or not all(parts):
        return False
    return all(p in PREFIXES or is_word(p) or zipf(p) >= 3.0 for p in parts)


_PREFIX_WORDS = """a anti bi co counter cross de e ex extra hyper inter intra macro mega meta
micro mid mini multi non over para post pre pro re semi self sub super trans tri ultra un under
up"""
PREFIXES = frozenset(_PREFIX_WORDS.split())


_TAGS = (("ed", ("VBD", "VBN"), "VERB"), ("ing", ("VBG",), "VERB"), ("s", ("VBZ",), "VERB"),
         ("s", ("NNS",), "NOUN"))


def _regular(lemma: str, ending: str) -> set[str]:
    """The regular forms of `lemma` with an ending: "precept" + "ed" → {"precepted"}."""
    base = {lemma + ending}
    if ending in ("ed", "ing") and lemma.endswith("e"):
        base.add(lemma[:-1] + ending)
    if ending == "ed" and lemma.endswith("y"):
        base.add(lemma[:-1] + "ied")
    if ending == "s":
        base.add(lemma + "es")
        if lemma.endswith("y"):
            base.add(lemma[:-1] + "ies")
    if ending in ("ed", "ing"):
        base.add(lemma + lemma[-1] + ending)
    return base


def inflection_of(word: str, is_word: Callable[[str], bool]) -> str | None:
    """The known word `word` is a regular inflection of, if any: "precepted" → "precept"
    (lemminflect's rules; the inflection must be the lemma's usual one, so "occured" and
    "refered", which it lists as variants, are not accepted)."""
    from lemminflect import getInflection, getLemma

    low = word.lower()
    for ending, tags, upos in _TAGS:
        if not low.endswith(ending):
            continue
        for lemma in getLemma(low, upos=upos):
            if lemma == low or len(lemma) < 4 or low not in _regular(lemma, ending):
                continue
            if not is_word(lemma):
                continue
            for tag in tags:
                forms = getInflection(lemma, tag=tag)
                if forms and forms[0] == low:
                    return str(lemma)
    return None


def warm() -> None:
    """Load wordfreq's list and lemminflect's tables now (about half a second), for a
    long-running process such as the web app, so no keystroke pays for them."""
    lexicon().deletes_index("a")
    from lemminflect import getAllLemmas

    getAllLemmas("taught")

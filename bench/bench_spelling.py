"""Spelling suggestions: first-fix accuracy and recall of Harper, SymSpell and our ranker.

Run: .venv/bin/python bench/bench_spelling.py [TSV ...]   (symspellpy from the bench extra)

The default data set is bench/data/misspellings_own.tsv (typed<TAB>intended<TAB>kind),
written by the team; rows of kind `skip` are correct words, used to count false alarms.
Wikipedia's common-misspellings list and Norvig's test sets are deliberately not used
here: they are the held-out test (pass their path as an argument to measure on them,
never to tune).

Measures, per engine:
- recall: misspellings flagged at all (Harper's detection; SymSpell and the ranker only
  suggest, so they share Harper's detection in the checker);
- first fix: the first suggestion is the intended word (over all misspellings);
- top 3: the intended word is among the first three suggestions;
- ms/word: mean suggestion time, warm.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "bench" / "data" / "misspellings_own.tsv"


def load(paths: list[Path]) -> tuple[list[tuple[str, str, str]], list[str]]:
    pairs: dict[str, tuple[str, str, str]] = {}
    correct: list[str] = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            typed, right = cols[0].strip(), cols[1].strip()
            kind = cols[2].strip() if len(cols) > 2 else "-"
            if kind == "skip" or typed == right:
                correct.append(right)
            else:
                pairs.setdefault(typed, (typed, right, kind))
    return list(pairs.values()), correct


def harper_engine() -> tuple[object, object]:
    from followup.check import proofread

    proofread.warm()

    def flagged(word: str) -> bool:
        return any(item.kind in ("Spelling", "Typo") for item in proofread.lint(word))

    def suggest(word: str) -> list[str]:
        return [item.suggestion for item in proofread.lint(word)
                if item.kind in ("Spelling", "Typo") and item.suggestion]

    return flagged, suggest


def symspell_engine() -> object:
    from importlib.resources import files

    from symspellpy import SymSpell, Verbosity

    sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    path = files("symspellpy") / "frequency_dictionary_en_82_765.txt"
    sym.load_dictionary(str(path), term_index=0, count_index=1)

    def suggest(word: str) -> list[str]:
        found = sym.lookup(word, Verbosity.CLOSEST, max_edit_distance=2)
        if not found:
            found = sym.lookup_compound(word, max_edit_distance=2)
        return [s.term for s in found]

    return suggest


def ranker_engine() -> object:
    from followup.check import proofread
    from followup.language import spelling

    def suggest(word: str) -> list[str]:
        best = spelling.suggest(word, is_word=proofread.is_dictionary_word)
        rest = [s.word for s in spelling.rank(word, limit=3) if s.word != best]
        return ([best] if best else []) + rest

    return suggest


def checker_recall(pairs: list[tuple[str, str, str]], correct: list[str]) -> str:
    """What the checker itself does with each word in a sentence: flagged (p09.spelling or
    p09.grammar on the word), and its first fix right; correct words flagged."""
    from followup.check import check

    def found(word: str) -> list[str | None]:
        text = f"Thank you for Tuesday. I think the {word} was fine."
        start = text.index(word)
        return [f.suggestion for f in check(text).findings
                if f.rule in ("p09.spelling", "p09.grammar") and f.start <= start < f.end]

    caught = right = 0
    for typed, want, _ in pairs:
        fixes = found(typed)
        caught += bool(fixes)
        right += bool(fixes) and fixes[0] == want
    alarms = sum(1 for word in correct if found(word))
    n = len(pairs)
    return (f"checker in a sentence: recall {caught / n:.1%}, first fix right {right / n:.1%}, "
            f"correct words flagged {alarms}/{len(correct)}")


def measure(name: str, suggest: object, pairs: list[tuple[str, str, str]]) -> dict[str, object]:
    first = top3 = 0
    by_kind: Counter[str] = Counter()
    kinds: Counter[str] = Counter(kind for _, _, kind in pairs)
    misses: list[str] = []
    for typed, _right, _ in pairs[:20]:
        suggest(typed)  # type: ignore[operator]  (warm caches)
    start = time.perf_counter()
    for typed, right, kind in pairs:
        got = suggest(typed)  # type: ignore[operator]
        if got[:1] == [right]:
            first += 1
            by_kind[kind] += 1
        else:
            misses.append(f"{typed}→{got[:1]} (want {right})")
        if right in got[:3]:
            top3 += 1
    elapsed = (time.perf_counter() - start) / len(pairs) * 1000
    n = len(pairs)
    return {"name": name, "first": first / n, "top3": top3 / n, "ms": elapsed,
            "by_kind": {k: by_kind[k] / kinds[k] for k in sorted(kinds)}, "misses": misses}


def main(argv: list[str]) -> None:
    paths = [Path(a) for a in argv if not a.startswith("-")] or [DEFAULT]
    pairs, correct = load(paths)
    flagged, harper_suggest = harper_engine()
    caught = sum(1 for typed, _, _ in pairs if flagged(typed))  # type: ignore[operator]
    alarms = sum(1 for word in correct if flagged(word))  # type: ignore[operator]
    print(f"data: {', '.join(p.name for p in paths)}: {len(pairs)} misspellings, "
          f"{len(correct)} correct words")
    print(f"recall (Harper detection): {caught / len(pairs):.1%}; "
          f"correct words flagged: {alarms}/{len(correct)}")
    print(checker_recall(pairs, correct))
    results = [measure("Harper", harper_suggest, pairs)]
    if "--checker-only" in argv:
        return
    try:
        results.append(measure("SymSpell (symspellpy, its 82k dictionary)", symspell_engine(),
                               pairs))
    except ImportError:
        print("symspellpy not installed: pip install symspellpy")
    results.append(measure("followup ranker (language/spelling.py)", ranker_engine(), pairs))
    print("| engine | first fix | top 3 | ms/word | first fix by kind |")
    print("|---|---|---|---|---|")
    for r in results:
        kinds = ", ".join(f"{k} {v:.0%}" for k, v in r["by_kind"].items())  # type: ignore[union-attr]
        print(f"| {r['name']} | {r['first']:.1%} | {r['top3']:.1%} | {r['ms']:.2f} | {kinds} |")
    if "-v" in argv:
        for r in results:
            print(f"\n{r['name']} misses:")
            for miss in r["misses"]:  # type: ignore[union-attr]
                print("  ", miss)


if __name__ == "__main__":
    main(sys.argv[1:])

"""The checker against the labelled corpus: per-practice precision and recall, false alarms.

Run: .venv/bin/python bench/bench_corpus.py [--markdown]

Per-practice precision and recall use the notes whose labels are complete (`flags`: every
practice a coach would flag at warning or error level; issue 11's notes_voices.yaml). A
practice counts as flagged by the checker when it has a warning or an error.

False alarms per 1,000 words: spelling and grammar findings (p09.spelling, p09.grammar) on
words that are right, over every corpus note. A finding is an alarm unless the note's labels
expect that rule (its `errors`/`warnings`/`suggestions` list it).

To measure the checker of another commit, put its `src` first on PYTHONPATH:
    git archive <commit> src | tar -x -C /tmp/before
    PYTHONPATH=/tmp/before/src .venv/bin/python bench/bench_corpus.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

PRACTICES = [f"P{i}" for i in range(1, 11)]
PROOF_RULES = ("p09.spelling", "p09.grammar")


def main(argv: list[str]) -> None:
    from followup.check import check
    from followup.check.document import Document
    from followup.model import Severity
    from test_check_corpus import NOTES, context_for

    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    wrong: list[str] = []
    alarms = words = labelled = 0
    alarm_examples: list[str] = []
    for note in NOTES:
        report = check(note["text"], context_for(note), words=note.get("accept", ()))
        expected = set(note.get("errors", ())) | set(note.get("warnings", ())) | set(
            note.get("suggestions", ()))
        words += len(Document(note["text"]).all_words)
        for f in report.findings:
            if f.rule in PROOF_RULES and f.rule not in expected:
                alarms += 1
                alarm_examples.append(f"{note['id']}: {f.rule} {f.text!r}")
        if "flags" not in note:
            continue
        labelled += 1
        want = set(note["flags"])
        got = {f.practice for f in report.findings
               if f.severity in (Severity.ERROR, Severity.WARNING)}
        for p in PRACTICES:
            if p in want and p in got:
                tp[p] += 1
            elif p in got:
                fp[p] += 1
                rules = sorted({f.rule for f in report.findings if f.practice == p})
                wrong.append(f"{note['id']}: {p} flagged ({', '.join(rules)})")
            elif p in want:
                fn[p] += 1
                wrong.append(f"{note['id']}: {p} missed")
    print(f"notes: {len(NOTES)} ({labelled} with complete practice labels), words: {words}")
    print(f"proofreading false alarms: {alarms} = {1000 * alarms / words:.2f} per 1,000 words")
    print("\n| practice | labelled flagged | precision | recall | false flags | misses |")
    print("|---|---|---|---|---|---|")
    for p in PRACTICES:
        flagged = tp[p] + fn[p]
        precision = tp[p] / (tp[p] + fp[p]) if tp[p] + fp[p] else float("nan")
        recall = tp[p] / flagged if flagged else float("nan")
        print(f"| {p} | {flagged} | {_pct(precision)} | {_pct(recall)} | {fp[p]} | {fn[p]} |")
    all_tp, all_fp, all_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    print(f"| all | {all_tp + all_fn} | {_pct(all_tp / max(1, all_tp + all_fp))} | "
          f"{_pct(all_tp / max(1, all_tp + all_fn))} | {all_fp} | {all_fn} |")
    if "-v" in argv:
        print("\njudged differently from the labels:")
        for line in wrong:
            print("  ", line)
        print("\nproofreading alarms:")
        for line in alarm_examples:
            print("  ", line)


def _pct(value: float) -> str:
    return "—" if value != value else f"{value:.0%}"


if __name__ == "__main__":
    main(sys.argv[1:])

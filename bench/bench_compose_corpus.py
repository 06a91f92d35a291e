"""The composer on the terse-notes corpus: speed, mechanical faults, what it leaves out, and a
blind sample for an independent reader.

Run: .venv/bin/python bench/bench_compose_corpus.py [--sample DIR] [--seed N] [--size N]

Composes every stage × medium × tone for every interviewer of tests/corpus/terse, times
`compose`, counts the mechanical faults of tests/terse_corpus.py, the notes left out (with
reasons), and prints a table. With --sample, writes DIR/NN.txt files for a reader: each holds
only the notes file and one draft (drafts drawn at random from lines of work other than
software, each stage, medium and tone), and DIR/KEY.tsv saying which is which.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from followup.compose import compose_with_hints, default_tone, full_text
from followup.model import Medium, Stage, Tone
from terse_corpus import TERSE, faults, records

RECORDS: dict = {}  # type: ignore[type-arg]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sample", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--size", type=int, default=100)
    args = parser.parse_args()

    corpus = list(records())
    RECORDS.update(corpus)
    times: list[float] = []
    fault_kinds: Counter[str] = Counter()
    left_out: Counter[str] = Counter()
    drafts = []
    for path, record in corpus:
        for person in record.interviewers:
            for stage, number in ((Stage.THANK_YOU, 1), (Stage.CHECK_IN, 1),
                                  (Stage.CHECK_IN, 2)):
                for medium in Medium:
                    for tone in Tone:
                        start = time.perf_counter()
                        result = compose_with_hints(record, person, stage, medium, tone,
                                                    check_in_number=number)
                        times.append(time.perf_counter() - start)
                        draft = result.draft
                        for fault in faults(draft.body, draft.subject):
                            fault_kinds[fault.split(":")[0].split(" '")[0]] += 1
                        if stage is Stage.THANK_YOU and medium is Medium.EMAIL:
                            for hint in result.hints:
                                if hint.startswith("left out"):
                                    left_out[hint.rsplit(": ", 1)[-1][:40]] += 1
                        drafts.append((path, person.name, stage, number, medium, tone, draft))
    times.sort()
    print(f"records {len(corpus)} · lines of work {len({p.split('/')[0] for p, _ in corpus})} "
          f"· drafts {len(drafts)}")
    print("| measure | value |\n|---|---|")
    print(f"| compose, median per draft | {statistics.median(times) * 1000:.2f} ms |")
    print(f"| compose, p99 per draft | {times[int(len(times) * 0.99)] * 1000:.2f} ms |")
    print(f"| drafts with a mechanical fault | {sum(fault_kinds.values())} |")
    for kind, count in fault_kinds.most_common():
        print(f"| — {kind} | {count} |")
    print(f"| notes left out (thank-you emails) | {sum(left_out.values())} |")
    for reason, count in left_out.most_common(6):
        print(f"| — {reason}… | {count} |")
    if args.sample:
        write_sample(args.sample, drafts, args.seed, args.size)


def write_sample(folder: Path, drafts: list, seed: int, size: int) -> None:  # type: ignore[type-arg]
    """DIR/NN.txt with a notes file and one draft each; DIR/KEY.tsv for the bench author."""
    rng = random.Random(seed)
    # What a user of the record gets: the tone its culture calls for; a card only for thanks.
    pool = [d for d in drafts if not d[0].startswith("software")
            and d[5] is default_tone(RECORDS[d[0]])
            and not (d[2] is Stage.CHECK_IN and d[4] is Medium.CARD)]
    chosen = rng.sample(pool, size)
    folder.mkdir(parents=True, exist_ok=True)
    key = ["n\tfile\tto\tstage\tmedium\ttone"]
    for n, (path, name, stage, number, medium, tone, draft) in enumerate(chosen, 1):
        notes = (TERSE / path).read_text(encoding="utf-8")
        label = "thank-you" if stage is Stage.THANK_YOU else f"check-in {number}"
        (folder / f"{n:03d}.txt").write_text(
            f"=== NOTES FILE ===\n{notes}\n=== DRAFT ({label}, {medium.value}, to {name}) ===\n"
            f"{full_text(draft)}\n", encoding="utf-8")
        key.append(f"{n}\t{path}\t{name}\t{label}\t{medium.value}\t{tone.value}")
    (folder / "KEY.tsv").write_text("\n".join(key) + "\n", encoding="utf-8")
    print(f"wrote {size} drafts for a reader to {folder}")


if __name__ == "__main__":
    main()

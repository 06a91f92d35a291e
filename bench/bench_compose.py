"""Composer speed and the checker's verdict on its drafts, over a few hundred generated records.

Run: .venv/bin/python bench/bench_compose.py [RECORDS]   (prints a table; default 300 records)

For every record (1–3 interviewers, each with at least one point; realistic note fragments,
qualifications, a job description, sometimes an open question and a decision date) it
composes every stage × medium × tone for each interviewer (check-ins to the primary contact
only), times `compose` alone, then checks each draft with the panel's other drafts as context
and collects the scores. Aim: under 20 ms per draft; no error, minimum score ≥ 90.
"""

from __future__ import annotations

import itertools
import random
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from followup.check.proofread import warm
from followup.compose import compose, full_text, review
from followup.model import Culture, Draft, Interview, Interviewer, Me, Medium, Question, Stage, Tone

NAMES = ("Dana Whitfield", "Luis Ortega", "Mei-Ling Zhou", "Amara Okafor", "Tomasz Kowalski",
         "Priyanka Nair", "Kenji Tanaka", "Sofia Rossi", "Ingrid Lindqvist", "Rafael Moreno")
COMPANIES = ("Acme Robotics", "Globex", "Initech", "Umbrella Health", "Hooli", "Blue Harbor Bank")
ROLES = ("Backend Engineer", "Site Reliability Engineer", "Product Designer", "Data Analyst",
         "Engineering Manager", "Analytics Engineer", "iOS Developer")
DISCUSSED = ("migrating the billing service to Postgres", "how the team reviews pull requests",
             "on-call rotations and incident reviews", "the roadmap for the mobile app",
             "move the reporting jobs to Airflow", "our hiring plans for next year",
             "how they test payments end to end", "data quality checks in the warehouse")
SHARED = ("our team will double next year", "she said the team ships twice a week",
          "she leads a group of 12 engineers", "the company is opening an office in Lisbon",
          "her team is rewriting the search service in Go",
          "they moved to a four-day week last spring", "team will grow by 5 people in Q3")
QUALIFICATIONS = ("led the migration of 40 services to Kubernetes",
                  "built a data pipeline processing 2 million events a day",
                  "7 years of Python and SQL", "my experience mentoring junior engineers",
                  "shipped the checkout redesign that raised conversion by 12%",
                  "leading a team of six engineers")
REQUIREMENTS = ("5+ years of Python and SQL", "Experience running services on Kubernetes",
                "Experience with data pipelines and streaming",
                "A track record of mentoring engineers",
                "Comfort with on-call and incident reviews")
QUESTIONS = (Question("why I left my last job", "I left to work on larger systems"),
             Question("How do you prioritise tech debt?", "keep a ranked list of it"),
             Question("my experience with Terraform", ""))


def generate(count: int, seed: int = 11) -> list[Interview]:
    rng = random.Random(seed)
    records = []
    for index in range(count):
        panel = []
        for n, name in enumerate(rng.sample(NAMES, rng.randint(1, 3))):
            discussed = tuple(rng.sample(DISCUSSED, rng.randint(0, 2)))
            shared = tuple(rng.sample(SHARED, rng.randint(0 if discussed else 1, 2)))
            panel.append(Interviewer(
                name=name, email=f"p{n}@corp.example" if rng.random() < 0.7 else "",
                discussed=discussed, shared=shared,
                questions=tuple(rng.sample(QUESTIONS, rng.randint(0, 1))), id=n + 1))
        day = date(2026, 1, 5) + timedelta(days=rng.randint(0, 600))
        reqs = rng.sample(REQUIREMENTS, rng.randint(0, 4))
        records.append(Interview(
            company=rng.choice(COMPANIES), role=rng.choice(ROLES),
            starts_at=datetime(day.year, day.month, day.day, 10, tzinfo=ZoneInfo("UTC")),
            timezone="UTC", culture=rng.choice(list(Culture)),
            decision_by=day + timedelta(days=10) if rng.random() < 0.5 else None,
            job_description="Requirements:\n" + "\n".join(f"- {r}" for r in reqs),
            interviewers=tuple(panel),
            qualifications=tuple(rng.sample(QUALIFICATIONS, rng.randint(1, 3))),
            me=Me("Priya Raman", "p@x.example", "Priya Raman\n+1 312 555 0147"), id=index + 1,
        ))
    return records


def run(count: int) -> None:
    records = generate(count)
    warm()
    compose_times: list[float] = []
    scores: dict[tuple[Stage, Medium], list[int]] = {}
    errors = 0
    for record in records:
        for stage, medium, tone in itertools.product(Stage, Medium, Tone):
            people = record.interviewers if stage is Stage.THANK_YOU else (
                record.primary_contact,)
            drafts: list[tuple[Interviewer, Draft]] = []
            for person in people:
                assert person is not None
                start = time.perf_counter()
                draft = compose(record, person, stage, medium, tone, record.id or 0)
                compose_times.append(time.perf_counter() - start)
                drafts.append((person, draft))
            texts = [full_text(d) for _, d in drafts]
            for index, (person, draft) in enumerate(drafts):
                others = tuple(t for i, t in enumerate(texts) if i != index)
                report = review(draft, record, person, other_drafts=others)
                errors += report.has_errors
                scores.setdefault((stage, medium), []).append(report.score)
    all_scores = [s for group in scores.values() for s in group]
    millis = sorted(t * 1000 for t in compose_times)
    print(f"{count} records, {len(millis)} drafts\n")
    print(f"{'measure':<36}{'value':>12}")
    print(f"{'compose, median ms/draft':<36}{statistics.median(millis):>12.2f}")
    print(f"{'compose, p95 ms/draft':<36}{millis[int(len(millis) * 0.95)]:>12.2f}")
    print(f"{'compose, max ms/draft':<36}{millis[-1]:>12.2f}")
    print(f"{'checker score, min':<36}{min(all_scores):>12}")
    print(f"{'checker score, median':<36}{statistics.median(all_scores):>12}")
    print(f"{'drafts scoring < 90':<36}{sum(s < 90 for s in all_scores):>12}")
    print(f"{'drafts with an error finding':<36}{errors:>12}")
    print(f"\n{'stage / medium':<36}{'min':>6}{'median':>8}{'n':>7}")
    for (stage, medium), group in sorted(scores.items()):
        label = f"{stage.value} / {medium.value}"
        print(f"{label:<36}{min(group):>6}{statistics.median(group):>8}{len(group):>7}")


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 300)

"""Properties over generated records: drafts are grounded, pass the checker, differ per person.

Records are built from realistic note fragments of every shape the phrasing handles (topics,
clauses, reported speech, the interviewer's "our"/"she", numbers, proper nouns), so a
property failure names a real sentence a candidate could have written.
"""

from __future__ import annotations

import itertools
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.compose import compose, full_text, review
from followup.compose.wording import all_templates
from followup.config import Config, defaults
from followup.model import Culture, Interview, Interviewer, Me, Medium, Question, Stage, Tone

FIRST_NAMES = ("Dana", "Luis", "Mei-Ling", "Amara", "Tomasz", "Priyanka", "Kenji", "Sofia",
               "Olusegun", "Ingrid", "Rafael", "Hana")
LAST_NAMES = ("Whitfield", "Ortega", "Zhou", "Okafor", "Kowalski", "Nair", "Tanaka", "Rossi",
              "Adeyemi", "Lindqvist", "Moreno", "Novak")
COMPANIES = ("Acme Robotics", "Globex", "Initech", "Umbrella Health", "Hooli", "Stark Logistics",
             "Northwind Analytics", "Blue Harbor Bank")
ROLES = ("Backend Engineer", "Site Reliability Engineer", "Product Designer", "Data Analyst",
         "Engineering Manager", "Analytics Engineer", "Senior Data Engineer", "iOS Developer")
DISCUSSED = (
    "migrating the billing service to Postgres",
    "how the team reviews pull requests",
    "on-call rotations and incident reviews",
    "the roadmap for the mobile app",
    "move the reporting jobs to Airflow",
    "our hiring plans for next year",
    "how they test payments end to end",
    "why the team chose Go for the new services",
    "data quality checks in the warehouse",
    "about the design system and accessibility",
)
SHARED = (
    "our team will double next year",
    "she said the team ships twice a week",
    "she leads a group of 12 engineers",
    "the company is opening an office in Lisbon",
    "every engineer pairs with a designer on new features",
    "her team is rewriting the search service in Go",
    "they moved to a four-day week last spring",
    "he joined from a startup three years ago",
    "team will grow by 5 people in Q3",
    "analysts sit with the product teams on Tuesdays",
)
QUALIFICATIONS = (
    "led the migration of 40 services to Kubernetes",
    "built a data pipeline processing 2 million events a day",
    "7 years of Python and SQL",
    "my experience mentoring junior engineers",
    "shipped the checkout redesign that raised conversion by 12%",
    "have run incident reviews for a team of 30",
    "leading a team of six engineers",
    "designed the accessibility audit: 200 screens, WCAG AA",
)
REQUIREMENTS = (
    "5+ years of Python and SQL",
    "Experience running services on Kubernetes",
    "Experience with data pipelines and streaming",
    "A track record of mentoring engineers",
    "Strong product sense and user research skills",
    "Comfort with on-call and incident reviews",
    "Knowledge of accessibility standards",
)
QUESTIONS = (
    Question("why I left my last job", "I left to work on larger systems and to lead a team"),
    Question("how I would design a rate limiter",
             "I would start with a token bucket per client, stored in Redis"),
    Question("How do you prioritise tech debt?",
             "keep a ranked list and spend a fixed share of each sprint on it"),
    Question("my experience with Terraform", ""),
)


@st.composite
def people(draw: st.DrawFn) -> tuple[Interviewer, ...]:
    count = draw(st.integers(1, 3))
    firsts = draw(st.lists(st.sampled_from(FIRST_NAMES), min_size=count, max_size=count,
                           unique=True))
    panel = []
    for index, first in enumerate(firsts):
        discussed = draw(st.lists(st.sampled_from(DISCUSSED), max_size=2, unique=True))
        shared = draw(st.lists(st.sampled_from(SHARED), min_size=0 if discussed else 1,
                               max_size=2, unique=True))
        contact = draw(st.sampled_from(("email", "linkedin")))
        panel.append(Interviewer(
            name=f"{first} {draw(st.sampled_from(LAST_NAMES))}",
            email=f"{first.lower()}@corp.example" if contact == "email" else "",
            linkedin=f"https://www.linkedin.com/in/{first.lower()}" if contact else "",
            discussed=tuple(discussed), shared=tuple(shared),
            questions=tuple(draw(st.lists(st.sampled_from(QUESTIONS), max_size=1))),
            id=index + 1,
        ))
    return tuple(panel)


@st.composite
def records(draw: st.DrawFn) -> Interview:
    zone = draw(st.sampled_from(("America/Chicago", "Europe/Berlin", "Asia/Tokyo")))
    day = draw(st.dates(min_value=date(2026, 1, 5), max_value=date(2027, 12, 20)))
    starts = datetime(day.year, day.month, day.day, draw(st.integers(8, 17)), 0,
                      tzinfo=ZoneInfo(zone))
    reqs = draw(st.lists(st.sampled_from(REQUIREMENTS), max_size=4, unique=True))
    description = ("Requirements:\n" + "\n".join(f"- {r}" for r in reqs)) if reqs else ""
    me = draw(st.sampled_from((Me("Priya Raman", "p@x.example", "Priya Raman\n+1 312 555 0147"),
                               Me("Sam Okafor"), None)))
    decision = draw(st.one_of(st.none(), st.dates(min_value=day, max_value=date(2027, 12, 31))))
    return Interview(
        company=draw(st.sampled_from(COMPANIES)), role=draw(st.sampled_from(ROLES)),
        starts_at=starts, timezone=zone, culture=draw(st.sampled_from(Culture)),
        decision_by=decision, job_description=description, interviewers=draw(people()),
        qualifications=tuple(draw(st.lists(st.sampled_from(QUALIFICATIONS), max_size=3,
                                           unique=True))),
        me=me, id=draw(st.integers(1, 500)),
    )


def user_config() -> Config:
    """The candidate's settings: a name and signature, as every real user has configured."""
    base = defaults()
    return Config({**base.values, "me.name": "Jordan Reyes", "me.signature": "jordan.dev"})


CONFIG = user_config()

# -- grounding -------------------------------------------------------------------------------

CALENDAR = {f"{date(2026, m, 1):%B}" for m in range(1, 13)} | {
    f"{date(2026, 1, d):%A}" for d in range(5, 12)}
_CAPITALISED_RE = re.compile(r"\b[A-Z][\w'’\-]*")
_NUMBER_RE = re.compile(r"\d+")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|\u2014\s*|[\"“(]\s*)$")


def template_vocabulary() -> set[str]:
    words: set[str] = set()
    for template in all_templates():
        words.update(m.group(0) for m in _CAPITALISED_RE.finditer(re.sub(r"\{\w+\}", "",
                                                                         template)))
    return words | {"I", "I'm", "I'd", "I've", "I'll"}


VOCABULARY = template_vocabulary()


def record_text(record: Interview) -> str:
    parts = [CONFIG.me.name, CONFIG.me.signature, record.company, record.role,
             record.job_description, *record.qualifications]
    if record.me is not None:
        parts += [record.me.name, record.me.signature]
    for person in record.interviewers:
        parts += [person.name, *person.points,
                  *(f"{q.question} {q.better}" for q in person.questions)]
    return " ".join(parts)


def ungrounded(text: str, record: Interview) -> list[str]:
    """Capitalised words not at a sentence start, and numbers, that the record lacks."""
    known_words = set(re.findall(r"[\w'’\-]+", record_text(record)))
    known_words |= {w.split("'")[0].split("’")[0] for w in known_words}
    dates = [record.starts_at.date(), *([record.decision_by] if record.decision_by else [])]
    known_numbers = set(_NUMBER_RE.findall(record_text(record))) | {str(d.day) for d in dates}
    bad = []
    for match in _CAPITALISED_RE.finditer(text):
        word = match.group(0)
        if _SENTENCE_START_RE.search(text[:match.start()]):
            continue
        if word in VOCABULARY or word in CALENDAR or word in known_words:
            continue
        if word.rstrip("'’s") in known_words or word.split("'")[0] in CALENDAR | known_words:
            continue
        bad.append(word)
    bad += [n for n in _NUMBER_RE.findall(text) if n not in known_numbers]
    return bad


SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(records(), st.sampled_from(Stage), st.sampled_from(Medium), st.sampled_from(Tone),
       st.integers(0, 7))
def test_no_name_or_number_in_a_draft_that_the_record_lacks(
        record: Interview, stage: Stage, medium: Medium, tone: Tone, variant: int) -> None:
    for person in record.interviewers:
        draft = compose(record, person, stage, medium, tone, variant, config=CONFIG)
        assert ungrounded(full_text(draft), record) == [], full_text(draft)


def test_the_grounding_check_catches_an_invented_name_and_number() -> None:
    record = Interview(company="Globex", role="Data Analyst",
                       starts_at=datetime(2026, 3, 3, 9, tzinfo=ZoneInfo("UTC")), timezone="UTC",
                       interviewers=(Interviewer("Hana Novak"),))
    assert ungrounded("Thank you, Hana. I met Boris at Globex in 2019.", record) == [
        "Boris", "2019"]


# -- the checker's verdict over generated records --------------------------------------------


@SETTINGS
@given(records(), st.sampled_from(Tone), st.integers(0, 3))
def test_every_draft_of_a_record_with_points_passes_the_checker(
        record: Interview, tone: Tone, variant: int) -> None:
    for stage, medium in itertools.product(Stage, Medium):
        people = record.interviewers if stage is Stage.THANK_YOU else (record.primary_contact,)
        drafts = {}
        for person in people:
            assert person is not None
            drafts[person.name] = compose(record, person, stage, medium, tone, variant,
                                          config=CONFIG)
        for person in people:
            assert person is not None
            others = tuple(full_text(d) for n, d in drafts.items() if n != person.name)
            report = review(drafts[person.name], record, person, CONFIG, other_drafts=others)
            findings = [(f.rule, f.text, f.message) for f in report.findings]
            assert not report.has_errors, (full_text(drafts[person.name]), findings)
            assert report.score >= 90, (full_text(drafts[person.name]), findings)


# -- what an editor would otherwise fix ------------------------------------------------------

_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u201c\"])")
_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def message_sentences(body: str, medium: Medium) -> list[str]:
    """The sentences between greeting and closing (the connection note: after "Dear X, ")."""
    if medium is Medium.LINKEDIN_NOTE:
        first = body.strip().split("\n")[0]
        return _SENTENCE_END_RE.split(first.split(", ", 1)[-1])
    paragraphs = body.strip().split("\n\n")[1:-1]
    return [s for p in paragraphs for s in _SENTENCE_END_RE.split(p.strip()) if s.strip()]


@SETTINGS
@given(records(), st.sampled_from(Stage), st.sampled_from(Medium), st.sampled_from(Tone),
       st.integers(0, 7))
def test_role_and_company_are_named_once_and_no_two_sentences_open_alike(
        record: Interview, stage: Stage, medium: Medium, tone: Tone, variant: int) -> None:
    people = record.interviewers if stage is Stage.THANK_YOU else (record.primary_contact,)
    for person in people:
        assert person is not None
        draft = compose(record, person, stage, medium, tone, variant, config=CONFIG)
        sentences = message_sentences(draft.body, medium)
        text = " ".join(sentences)
        assert text.count(record.role) <= 1, draft.body
        assert text.count(record.company) <= 1, draft.body
        openings = [tuple(w.lower() for w in _WORD_RE.findall(s)[:2]) for s in sentences]
        assert all(a != b for a, b in itertools.pairwise(openings)), draft.body
        assert draft.body.endswith("\n") and not draft.body.endswith("\n\n")
        greeting = "Dear" if tone is Tone.FORMAL else "Hi"
        assert draft.body.startswith(f"{greeting} {person.first_name},"), draft.body

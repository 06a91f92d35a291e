"""The composer on the demo record: content and order, the checker's verdict, panel, variants,
limits, subjects, hints and determinism."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from followup.check.words import shingles
from followup.compose import (
    VARIANTS,
    compose,
    compose_with_hints,
    default_medium,
    default_tone,
    draft_all,
    full_text,
    recipients,
    review,
)
from followup.compose.outline import outline
from followup.compose.render import word_count
from followup.config import defaults
from followup.model import Culture, Interview, Interviewer, Medium, Question, Stage, Tone
from followup.notes import read_notes_file

SAMPLE = Path(__file__).parent.parent / "src" / "followup" / "samples" / "northwind.md"


@pytest.fixture(scope="module")
def northwind() -> Interview:
    record = read_notes_file(SAMPLE)
    people = tuple(replace(p, id=10 + i) for i, p in enumerate(record.interviewers))
    return replace(record, id=7, interviewers=people)


def person(record: Interview, first: str) -> Interviewer:
    found = record.find_interviewer(first)
    assert found is not None
    return found


# -- what a thank-you says, in order -------------------------------------------------------


def test_thank_you_email_has_every_part_in_order(northwind: Interview) -> None:
    dana = person(northwind, "Dana")
    draft = compose(northwind, dana, Stage.THANK_YOU, Medium.EMAIL, Tone.FORMAL, 0)
    body = draft.body
    marks = [
        body.index("Dana,"),                                   # salutation
        body.index("Senior Data Engineer"),                    # thanks naming the role
        body.index("nightly batch jobs to streaming"),         # her discussed point
        body.index("double in size next year"),                # what she shared
        body.index("I version every model"),                   # the better answer
        body.index("dbt project"),                             # a qualification, leading …
        body.index("Northwind Analytics", body.index("dbt project")),  # … into the interest
        body.rindex("Priya Raman"),                            # signature
    ]
    assert marks == sorted(marks)
    assert re.search(r"\bthank", body.split("\n\n")[1], re.IGNORECASE)  # gratitude first


def test_draft_carries_the_records_ids_and_options(northwind: Interview) -> None:
    luis = person(northwind, "Luis")
    draft = compose(northwind, luis, Stage.THANK_YOU, Medium.CARD, Tone.CASUAL, 2)
    assert (draft.interview_id, draft.interviewer_id) == (7, 11)
    assert (draft.stage, draft.medium, draft.tone, draft.variant) == (
        Stage.THANK_YOU, Medium.CARD, Tone.CASUAL, 2)


def test_unsaved_record_gives_interview_id_zero_and_no_interviewer_id(
        northwind: Interview) -> None:
    record = replace(northwind, id=None, interviewers=tuple(
        replace(p, id=None) for p in northwind.interviewers))
    draft = compose(record, record.interviewers[0], Stage.THANK_YOU, Medium.EMAIL, Tone.FORMAL)
    assert draft.interview_id == 0 and draft.interviewer_id is None


def test_each_note_uses_only_that_interviewers_points(northwind: Interview) -> None:
    mine = {"Dana": "nightly batch jobs", "Luis": "paging by half",
            "Mei-Ling": "metric definitions"}
    for first, phrase in mine.items():
        draft = compose(northwind, person(northwind, first), Stage.THANK_YOU, Medium.EMAIL,
                        Tone.FORMAL)
        assert phrase in draft.body
        for other, theirs in mine.items():
            if other != first:
                assert theirs not in draft.body


def test_interviewers_words_are_turned_towards_them(northwind: Interview) -> None:
    mei = person(northwind, "Mei-Ling")
    draft = compose(northwind, mei, Stage.THANK_YOU, Medium.EMAIL, Tone.FORMAL)
    assert "your team is rolling out a semantic layer" in draft.body
    assert "her team" not in draft.body
    luis = person(northwind, "Luis")
    assert "how you cut paging by half" in compose(
        northwind, luis, Stage.THANK_YOU, Medium.EMAIL, Tone.FORMAL).body


def test_best_fitting_qualification_comes_first_with_what_it_serves(
        northwind: Interview) -> None:
    dana = person(northwind, "Dana")
    body = compose(northwind, dana, Stage.THANK_YOU, Medium.LINKEDIN_MESSAGE, Tone.FORMAL).body
    # Dana asked about dbt: the dbt project answers both her question and the requirements.
    assert "I built the company-wide dbt project (300 models, tests in CI)." in body
    # The qualification is said plainly: no sentence announces it or ties it with stock words.
    for filler in ("For context", "which speaks to", "which bears", "carries over",
                   "experience that fits"):
        assert filler not in body


def test_formal_and_casual_differ_in_greeting_and_closing(northwind: Interview) -> None:
    dana = person(northwind, "Dana")
    formal = compose(northwind, dana, Stage.THANK_YOU, Medium.EMAIL, Tone.FORMAL).body
    casual = compose(northwind, dana, Stage.THANK_YOU, Medium.EMAIL, Tone.CASUAL).body
    assert formal.startswith(("Dear ", "Hello "))
    assert casual.startswith(("Hi ", "Hello ", "Hey "))
    assert formal.split("\n\n")[-1] != casual.split("\n\n")[-1]


def test_salutation_from_the_record_always_wins(northwind: Interview) -> None:
    dana = replace(person(northwind, "Dana"), salutation="Dr. Whitfield")
    record = replace(northwind, interviewers=(dana, *northwind.interviewers[1:]))
    assert compose(record, dana, Stage.THANK_YOU, Medium.EMAIL, Tone.FORMAL).body.startswith(
        ("Dear Dr. Whitfield,", "Hello Dr. Whitfield,"))
    # It is how they asked to be addressed: a casual note uses it too.
    assert compose(record, dana, Stage.THANK_YOU, Medium.EMAIL, Tone.CASUAL).body.startswith(
        "Hi Dr. Whitfield,")


# -- the checker's verdict -------------------------------------------------------------------


COMBINATIONS = list(itertools.product(Stage, Medium, Tone, range(VARIANTS)))


@pytest.mark.parametrize(("stage", "medium", "tone", "variant"), COMBINATIONS)
def test_every_draft_passes_the_checker(northwind: Interview, stage: Stage, medium: Medium,
                                       tone: Tone, variant: int) -> None:
    people = recipients(northwind, stage) if stage is Stage.CHECK_IN else northwind.interviewers
    drafts = {p.name: compose(northwind, p, stage, medium, tone, variant) for p in people}
    for someone in people:
        others = tuple(full_text(d) for name, d in drafts.items() if name != someone.name)
        report = review(drafts[someone.name], northwind, someone, other_drafts=others)
        assert not report.has_errors, [f.rule for f in report.findings]
        assert report.score >= 90, [(f.rule, f.message) for f in report.findings]
        assert not any(f.rule == "p02.panel-duplicate" for f in report.findings)


@pytest.mark.parametrize("number", [1, 2])
def test_check_ins_pass_the_checker_at_both_steps(northwind: Interview, number: int) -> None:
    dana = person(northwind, "Dana")
    for medium, tone in itertools.product(Medium, Tone):
        draft = compose(northwind, dana, Stage.CHECK_IN, medium, tone, check_in_number=number)
        report = review(draft, northwind, dana)
        assert not report.has_errors and report.score >= 90, report.findings


# -- distinct for each panel member ----------------------------------------------------------


def _frame(record: Interview, someone: Interviewer, body: str) -> str:
    """The note without names and personal points: what is left is the wording."""
    for phrase in [p.phrase for p in outline(record, someone).points] + someone.name.split():
        body = body.replace(phrase, "…")
    return body


def _similarity(a: str, b: str, names: list[str]) -> float:
    left, right = shingles(a, names), shingles(b, names)
    return len(left & right) / len(left | right)


@pytest.mark.parametrize(("medium", "tone"), list(itertools.product(Medium, Tone)))
def test_panel_notes_differ_in_content_and_phrasing(northwind: Interview, medium: Medium,
                                                    tone: Tone) -> None:
    names = [part for p in northwind.interviewers for part in p.name.split()]
    drafts = [compose(northwind, p, Stage.THANK_YOU, medium, tone) for p in northwind.interviewers]
    frames = [_frame(northwind, p, d.body) for p, d in zip(northwind.interviewers, drafts,
                                                             strict=True)]
    for a, b in itertools.combinations(drafts, 2):
        assert _similarity(a.body, b.body, names) < 0.5
    # With names and personal points blanked out, the wording around them still differs.
    assert len(set(frames)) == len(frames)


def test_same_points_for_two_people_still_get_different_wording(northwind: Interview) -> None:
    twin = replace(northwind.interviewers[0], name="Ana Lind", email="ana@x.example",
                   primary=False, id=99)
    record = replace(northwind, interviewers=(northwind.interviewers[0], twin))
    first, second = (compose(record, p, Stage.THANK_YOU, Medium.EMAIL, Tone.FORMAL)
                     for p in record.interviewers)
    assert _frame(record, record.interviewers[0], first.body) != _frame(
        record, twin, second.body)
    report = review(first, record, record.interviewers[0], other_drafts=(full_text(second),))
    assert not any(f.rule == "p02.panel-duplicate" for f in report.findings)


# -- variants --------------------------------------------------------------------------------


@pytest.mark.parametrize(("stage", "medium", "tone"),
                         list(itertools.product(Stage, Medium, Tone)))
def test_no_two_variants_are_the_same_text(northwind: Interview, stage: Stage, medium: Medium,
                                          tone: Tone) -> None:
    for someone in northwind.interviewers:
        texts = {full_text(compose(northwind, someone, stage, medium, tone, v))
                 for v in range(VARIANTS)}
        assert len(texts) == VARIANTS


def test_variant_is_deterministic_and_wraps(northwind: Interview) -> None:
    dana = person(northwind, "Dana")
    one = compose(northwind, dana, Stage.THANK_YOU, Medium.EMAIL, Tone.FORMAL, 1)
    assert one == compose(northwind, dana, Stage.THANK_YOU, Medium.EMAIL, Tone.FORMAL, 1)
    wrapped = compose(northwind, dana, Stage.THANK_YOU, Medium.EMAIL, Tone.FORMAL, 1 + VARIANTS)
    assert wrapped.body == one.body and wrapped.variant == 1


# -- limits ------------------------------------------------------------------------------------


@pytest.mark.parametrize("limit", [300, 200])
def test_linkedin_note_fits_the_configured_limit(northwind: Interview, limit: int) -> None:
    config = defaults()
    config = replace(config, values={**config.values, "limits.linkedin_note_chars": limit})
    for stage, tone, v in itertools.product(Stage, Tone, range(VARIANTS)):
        for someone in northwind.interviewers:
            draft = compose(northwind, someone, stage, Medium.LINKEDIN_NOTE, tone, v,
                            config=config)
            assert len(draft.body.strip()) <= limit
            assert draft.subject == ""


def test_card_and_messages_stay_within_their_word_limits(northwind: Interview) -> None:
    for someone, tone, v in itertools.product(northwind.interviewers, Tone, range(VARIANTS)):
        card = compose(northwind, someone, Stage.THANK_YOU, Medium.CARD, tone, v)
        message = compose(northwind, someone, Stage.THANK_YOU, Medium.LINKEDIN_MESSAGE, tone, v)
        email = compose(northwind, someone, Stage.THANK_YOU, Medium.EMAIL, tone, v)
        assert word_count(card.body) <= 80
        assert word_count(message.body) <= 120
        assert 75 <= word_count(email.body) <= 200
        assert len([p for p in email.body.split("\n\n")[1:-1] if p.strip()]) <= 4


def test_check_ins_are_short_and_the_second_is_shorter(northwind: Interview) -> None:
    dana = person(northwind, "Dana")
    for tone, v in itertools.product(Tone, range(VARIANTS)):
        first = compose(northwind, dana, Stage.CHECK_IN, Medium.EMAIL, tone, v)
        second = compose(northwind, dana, Stage.CHECK_IN, Medium.EMAIL, tone, v,
                         check_in_number=2)
        assert word_count(first.body) <= 120
        assert word_count(second.body) < word_count(first.body)


def test_check_in_names_role_date_and_decision_date(northwind: Interview) -> None:
    dana = person(northwind, "Dana")
    for v in range(VARIANTS):
        body = compose(northwind, dana, Stage.CHECK_IN, Medium.EMAIL, Tone.FORMAL, v).body
        assert "Senior Data Engineer" in body
        assert "November 24" in body
        assert "December 4" in body
        assert "?" in body


def test_check_in_without_a_decision_date_still_asks_about_the_timeline(
        northwind: Interview) -> None:
    record = replace(northwind, decision_by=None)
    body = compose(record, record.interviewers[0], Stage.CHECK_IN, Medium.EMAIL,
                   Tone.FORMAL).body
    assert "December" not in body and "?" in body


def test_second_check_in_closes_gracefully(northwind: Interview) -> None:
    dana = person(northwind, "Dana")
    graceful = ("understand", "stay in touch", "thank you", "thanks", "outcome", "Either way",
                "Whatever")
    for tone, v in itertools.product(Tone, range(VARIANTS)):
        body = compose(northwind, dana, Stage.CHECK_IN, Medium.EMAIL, tone, v,
                       check_in_number=2).body
        assert any(word.lower() in body.lower() for word in graceful)


# -- subjects ------------------------------------------------------------------------------------


def test_email_subjects_name_role_and_company_and_are_never_bare(northwind: Interview) -> None:
    for stage, tone, v, number in itertools.product(Stage, Tone, range(VARIANTS), (1, 2)):
        draft = compose(northwind, northwind.interviewers[0], stage, Medium.EMAIL, tone, v,
                        check_in_number=number)
        assert "Senior Data Engineer" in draft.subject
        assert "Northwind Analytics" in draft.subject
        assert len(draft.subject) <= 60
        assert draft.subject.strip().lower() not in ("thank you", "thanks", "follow up")


def test_only_email_has_a_subject(northwind: Interview) -> None:
    for medium in (Medium.LINKEDIN_MESSAGE, Medium.LINKEDIN_NOTE, Medium.CARD):
        draft = compose(northwind, northwind.interviewers[0], Stage.THANK_YOU, medium,
                        Tone.FORMAL)
        assert draft.subject == "" and "Subject:" not in full_text(draft)


# -- when the record lacks material ----------------------------------------------------------


def test_missing_points_give_a_readable_draft_and_a_hint(northwind: Interview) -> None:
    bare = replace(northwind.interviewers[0], discussed=(), shared=(), questions=())
    record = replace(northwind, interviewers=(bare,))
    result = compose_with_hints(record, bare, Stage.THANK_YOU, Medium.EMAIL, Tone.FORMAL)
    assert "add one thing you discussed with Dana" in result.hints[0]
    report = review(result.draft, record, bare)
    assert not report.has_errors
    assert "{" not in result.draft.body and "  " not in result.draft.body


def test_missing_better_answer_qualifications_and_name_are_hinted(northwind: Interview) -> None:
    dana = replace(northwind.interviewers[0], questions=(Question("why I left my last job"),))
    record = replace(northwind, interviewers=(dana,), qualifications=(), me=None)
    hints = compose_with_hints(record, dana, Stage.THANK_YOU, Medium.EMAIL, Tone.FORMAL).hints
    assert any("better answer" in h and "why I left my last job" in h for h in hints)
    assert any("qualifications" in h for h in hints)
    assert any("me.name" in h for h in hints)


def test_what_a_short_medium_left_out_is_reported(northwind: Interview) -> None:
    dana = person(northwind, "Dana")
    result = compose_with_hints(northwind, dana, Stage.THANK_YOU, Medium.LINKEDIN_NOTE,
                                Tone.FORMAL)
    assert any("better answer" in h for h in result.hints)


def test_config_name_signs_when_the_record_has_none(northwind: Interview) -> None:
    config = defaults()
    config = replace(config, values={**config.values, "me.name": "Sam Okafor",
                                     "me.signature": "sam.dev"})
    record = replace(northwind, me=None)
    body = compose(record, record.interviewers[0], Stage.THANK_YOU, Medium.EMAIL, Tone.FORMAL,
                   config=config).body
    assert body.endswith("Sam Okafor\nsam.dev\n")


# -- defaults and the batch ------------------------------------------------------------------


def test_defaults_follow_contact_details_and_culture(northwind: Interview) -> None:
    dana, _, mei = northwind.interviewers
    assert default_medium(dana) is Medium.EMAIL
    assert default_medium(mei) is Medium.LINKEDIN_MESSAGE
    assert default_tone(northwind) is Tone.FORMAL
    assert default_tone(replace(northwind, culture=Culture.CASUAL)) is Tone.CASUAL


def test_draft_all_gives_one_thank_you_each_or_one_check_in(northwind: Interview) -> None:
    drafts = draft_all(northwind, defaults())
    assert [d.interviewer_id for d in drafts] == [10, 11, 12]
    assert [d.medium for d in drafts] == [Medium.EMAIL, Medium.EMAIL, Medium.LINKEDIN_MESSAGE]
    check_ins = draft_all(northwind, defaults(), stage=Stage.CHECK_IN)
    assert [d.interviewer_id for d in check_ins] == [10]


def test_compose_is_deterministic(northwind: Interview) -> None:
    assert draft_all(northwind) == draft_all(northwind)


# -- a greeting word one edit from a name ('Dear'/'Dean') is not a misspelt name ------------


def test_greeting_word_next_to_a_similar_name_is_not_a_misspelling(
        northwind: Interview) -> None:
    dean = replace(northwind.interviewers[0], name="Dean Moss", salutation=None)
    record = replace(northwind, interviewers=(dean,))
    draft = compose(record, dean, Stage.THANK_YOU, Medium.EMAIL, Tone.FORMAL, 0)
    assert draft.body.startswith("Dear Dean,")
    report = review(draft, record, dean)
    assert not report.has_errors, [(f.rule, f.text) for f in report.findings]


def test_a_check_in_recalls_one_thing_from_that_conversation(northwind: Interview) -> None:
    dana = person(northwind, "Dana")
    body = compose(northwind, dana, Stage.CHECK_IN, Medium.EMAIL, Tone.FORMAL).body
    assert "moving the nightly batch jobs to streaming" in body
    bare = replace(dana, discussed=(), shared=())
    record = replace(northwind, interviewers=(bare, *northwind.interviewers[1:]))
    plain = compose(record, bare, Stage.CHECK_IN, Medium.EMAIL, Tone.FORMAL).body
    assert "conversation about" not in plain and "discussion of" not in plain


@pytest.mark.parametrize(("sent_on", "said"), [
    (None, "on Tuesday"),
    (date(2026, 11, 24), "today"),
    (date(2026, 11, 25), "yesterday"),
    (date(2026, 11, 27), "on Tuesday"),
    (date(2026, 12, 2), "on Tuesday, November 24"),
])
def test_the_interview_day_is_named_as_the_send_day_sees_it(
        northwind: Interview, sent_on: date | None, said: str) -> None:
    luis = person(northwind, "Luis")
    body = compose(northwind, luis, Stage.THANK_YOU, Medium.EMAIL, Tone.FORMAL,
                   sent_on=sent_on).body
    assert f"me {said} about" in body


def test_a_thank_you_drafted_the_evening_of_the_interview_says_yesterday(
        northwind: Interview) -> None:
    from followup.drafting import send_day

    luis = person(northwind, "Luis")
    evening = datetime(2026, 11, 24, 17, 0, tzinfo=ZoneInfo("America/Chicago"))
    assert send_day(northwind, luis, Stage.THANK_YOU, evening) == date(2026, 11, 25)

"""A coach's pass over the checker: misses and false alarms pinned on whole drafts.

Each test names the draft a careful coach objected to and what the report must (not) say.
"""

from __future__ import annotations

import pytest

from followup.check import check
from followup.check.examples import example_context
from followup.model import Severity

NORTHWIND = example_context("northwind")

# A draft in the spirit of the one the lead found: deadline, presumed start, résumé list.
PRESSING = (
    "Subject: Thanks\n\nHi Dana,\n\nThanks for meeting me about the data platform role. "
    "I look forward to hearing from you by Monday. Please let me know when I can start.\n\n"
    "I bring 9 years of Scala, 4 years of Airflow, a GCP certification, a PhD in statistics, "
    "and I mentored five analysts.\n\nBest,\nPriya"
)


def _by_rule(text: str, context_name: str | None = "northwind") -> dict[str, list]:
    report = check(text, example_context(context_name))
    out: dict[str, list] = {}
    for f in report.findings:
        out.setdefault(f.rule, []).append(f)
    return out


def test_deadline_and_presumed_start_are_demands() -> None:
    found = _by_rule(PRESSING)
    texts = {f.text for f in found["p08.demand"]}
    assert "hearing from you by Monday" in texts
    assert "when I can start" in texts
    assert all(f.severity is Severity.ERROR for f in found["p08.demand"])
    deadline = next(f for f in found["p08.demand"] if "Monday" in f.text)
    assert deadline.suggestion == "hearing from you"


def test_a_call_to_action_with_a_deadline_does_not_count() -> None:
    found = _by_rule(PRESSING)
    assert "p08.no-call-to-action" in found
    fine = PRESSING.replace(" by Monday", "")
    assert "p08.no-call-to-action" not in _by_rule(fine)


def test_claims_inside_an_enumeration_count() -> None:
    found = _by_rule(PRESSING)
    assert "p05.resume-dump" in found
    assert found["p05.resume-dump"][0].message.startswith("5 claims")
    one_list = PRESSING.replace(
        "I bring 9 years of Scala, 4 years of Airflow, a GCP certification, a PhD in statistics, "
        "and I mentored five analysts.",
        "I built our pipelines in Scala, Python, SQL and Go.")
    assert "p05.resume-dump" not in _by_rule(one_list)


def test_note_level_findings_point_at_a_short_span() -> None:
    text = ("Dear Dana,\n\nThank you for your time yesterday and for the tour of the offices, "
            "which were much brighter than I expected from the photos online.\n\n"
            "Best regards,\nPriya Raman")
    report = check(text, NORTHWIND)
    no_point = [f for f in report.findings if f.rule == "p02.no-point"]
    assert no_point
    for f in no_point:
        assert text[f.start:f.end] == f.text
        assert f.text == "Thank you for your time yesterday"


def test_linkedin_note_overflow_marks_what_would_be_cut() -> None:
    text = "Hi Dana, " + "thank you for the chat about Kafka streaming and the team. " * 8
    report = check(text, example_context("linkedin-note"))
    [too_long] = [f for f in report.findings if f.rule == "p03.too-long"]
    assert too_long.severity is Severity.ERROR
    assert too_long.start == 300 and too_long.end == len(text.rstrip())


def test_reporting_their_own_timeline_is_not_a_demand() -> None:
    text = ("Dear Dana,\n\nThank you for Tuesday. You mentioned the committee would decide by "
            "December 4, so I am happy to send anything that helps before then.\n\n"
            "Best regards,\nPriya Raman")
    assert "p08.demand" not in _by_rule(text)


def test_candidate_own_speed_is_not_urgency() -> None:
    text = ("Dear Dana,\n\nThank you for Tuesday. I can send the dbt contract-test write-up as "
            "soon as possible if that helps.\n\nBest regards,\nPriya Raman")
    assert "p08.pushy-phrase" not in _by_rule(text)
    assert "p08.pushy-phrase" in _by_rule(text.replace(
        "I can send the dbt contract-test write-up as soon as possible if that helps.",
        "Please reply as soon as possible."))


def test_the_greeting_word_is_not_a_misspelled_name() -> None:
    from dataclasses import replace

    from followup.check import CheckContext
    from followup.check.examples import NORTHWIND as RECORD

    for name, greeting in (("Dean Moss", "Dear Dean,"), ("Helle Sørensen", "Hello Helle,")):
        person = replace(RECORD.interviewers[0], name=name, salutation=None)
        record = replace(RECORD, interviewers=(person,))
        text = f"{greeting}\n\nThank you for Tuesday.\n\nBest regards,\nPriya Raman"
        report = check(text, CheckContext(interview=record, interviewer=person))
        assert "p09.name-misspelled" not in {f.rule for f in report.findings}
        typo = check(text.replace(greeting, greeting.replace(name.split()[0], name.split()[0][:-1]
                                                              + "x")),
                     CheckContext(interview=record, interviewer=person))
        assert "p09.name-misspelled" in {f.rule for f in typo.findings}


def test_placeholders_say_what_the_record_holds() -> None:
    text = ("Dear [Name],\n\nThank you for the {company} interview for the <Role> position."
            "\n\nBest regards,\nPriya Raman")
    found = {f.text: f.suggestion for f in check(text, NORTHWIND).findings
             if f.rule == "p09.placeholder"}
    assert found == {"[Name]": "Dana Whitfield", "{company}": "Northwind Analytics",
                     "<Role>": "Senior Data Engineer"}


def test_acronyms_and_names_are_not_shouting_or_recased() -> None:
    text = ("Dear Sam,\n\nThank you for the interview. I worked on HIPAA and FINRA reporting "
            "with NVIDIA GPUs and CUDA, and I am REALLY keen.\n\nBest,\nAlex")
    report = check(text)
    assert [f.text for f in report.findings if f.rule == "p09.shouting"] == ["REALLY"]
    assert "Sam" not in {f.text for f in report.findings if f.rule == "p09.grammar"}


def test_missing_close_points_at_the_end_of_the_last_sentence() -> None:
    text = ("Dear Dana,\n\nThank you for Tuesday and the talk about moving nightly batch jobs to "
            "Kafka streaming. I ran the Kafka migration for our order events pipeline at my last "
            "job, which took most of a year.\n\nBest regards,\nPriya Raman")
    report = check(text, NORTHWIND)
    [cta] = [f for f in report.findings if f.rule == "p08.no-call-to-action"]
    assert cta.text == "last job, which took most of a year."


def test_generic_subject_without_record_offers_no_fix_with_a_blank() -> None:
    report = check("Subject: Thanks!\n\nHi Ana,\n\nThanks for the pairing session.\n\nLeo")
    [subject] = [f for f in report.findings if f.rule == "p03.generic-subject"]
    assert subject.suggestion is None
    assert "role" in subject.message


def test_a_bare_name_line_signs_the_note() -> None:
    report = check("Subject: Checking in\n\nHi Zofia,\n\nAny update on the Frontend Engineer "
                   "role we discussed?\n\nRahul", None)
    assert "p09.spelling" not in {f.rule for f in report.findings}


def _claims(sentence: str) -> list[str]:
    from followup.check.document import Document
    from followup.check.rules.p05_qualifications import claims

    doc = Document(sentence)
    return [doc.slice(span) for span in claims(doc)]


@pytest.mark.parametrize("sentence", [
    "I appreciated learning that you lead the platform group.",
    "I appreciated learning that you led the platform group.",
    "I loved hearing how your team runs the on-call rotation.",
    "I enjoyed hearing that Dana built the alerting.",
    "I admired the migration Luis led last spring.",
    "I was glad to hear how the team cut paging by half.",
])
def test_what_they_do_is_not_a_claim_about_me(sentence: str) -> None:
    """The subject of the claim word is "you" or someone else, not the candidate."""
    assert _claims(sentence) == []


@pytest.mark.parametrize("sentence", [
    "I lead the platform group at Contoso.",
    "At my last job I led the Kafka migration.",
    "I am proud that I built our dbt project.",
    "Your team built the platform, and I led a similar migration.",
    "I am AWS certified.",
    "My team cut the warehouse bill by a third.",
])
def test_what_i_do_is_a_claim(sentence: str) -> None:
    assert _claims(sentence) == [sentence]

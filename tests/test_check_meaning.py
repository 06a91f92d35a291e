"""Issue 11, practices by meaning in any line of work, and letters as people write them.

Qualification claims in any phrasing (lemminflect tells a past-tense verb, not a list),
thanks anywhere in the opening after an address block, date and "Re:" line, calls to action
in their many forms, inline sign-offs and closings of many kinds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from followup.check import check
from followup.check.document import Document


def _rules(text: str) -> set[str]:
    return {f.rule for f in check(text).findings}


def _note(body: str, closing: str = "Best regards,\nJo Whitcombe") -> str:
    return f"Dear Ms. Hale,\n\nThank you for meeting me on Monday. {body}\n\n{closing}"


@pytest.mark.parametrize("claim", [
    "I precepted six new graduate nurses on a 32-bed telemetry unit.",
    "I am PCCN certified.",
    "I hold a journeyman electrician license.",
    "That work taught me to stay calm when the floor is short-staffed.",
    "The new rota helped me cut overtime by a fifth.",
    "I taught fourth grade for six years.",
    "I rewired a 40-unit apartment block last spring.",
    "Our team cut wait times by 30% after we redesigned triage.",
    "I speak Spanish and Tagalog with families every day.",
])
def test_a_qualification_in_any_phrasing_counts(claim: str) -> None:
    assert "p05.no-qualification" not in _rules(_note(claim))


@pytest.mark.parametrize("not_a_claim", [
    "I enjoyed meeting the charge nurses.",
    "You gave me a great tour of the unit.",
    "I admired the schedule Dana built.",
    "I learned a lot about your plans for the new wing.",
])
def test_what_is_not_a_claim_stays_no_claim(not_a_claim: str) -> None:
    assert "p05.no-qualification" in _rules(_note(not_a_claim))


LETTER = """Jo Whitcombe
1450 Pearl Street
Boulder, CO 80302
(720) 555-0182

December 3, 2026

Ms. Amelia Hale
Nurse Manager, 4 West
St. Brigid's Medical Center

Re: Telemetry RN interview

Dear Ms. Hale,

I am grateful for the time you and the charge nurses spent with me on Monday. Seeing the \
huddle board on 4 West made your points about handoffs concrete. I precepted six new \
graduates on a telemetry unit, and I would love to bring that to your team.

Please let me know if I can send references.

With all good wishes,
Jo Whitcombe"""


def test_a_letter_with_address_block_date_and_re_line() -> None:
    doc = Document(LETTER)
    assert doc.salutation is not None and doc.slice(doc.salutation) == "Dear Ms. Hale,"
    assert doc.slice(doc.content).startswith("I am grateful")
    assert doc.closing is not None and doc.slice(doc.closing) == "With all good wishes,"
    found = _rules(LETTER)
    for rule in ("p04.no-thanks", "p04.thanks-late", "p05.no-qualification",
                 "p08.no-call-to-action", "p09.no-closing", "p03.no-greeting", "p09.no-name"):
        assert rule not in found, rule


@pytest.mark.parametrize("closing", ["With all good wishes,", "Warm wishes,", "Yours faithfully,",
                                     "Many thanks again,", "Kindest regards,", "All best,",
                                     "With gratitude and best wishes,", "Sincerely yours,"])
def test_closings_of_many_kinds(closing: str) -> None:
    assert "p09.no-closing" not in _rules(_note("I ran the night shift.", f"{closing}\nJo"))


@pytest.mark.parametrize("line", ["Best, Jo", "Thanks again — Jo Whitcombe", "Cheers, Jo"])
def test_an_inline_sign_off(line: str) -> None:
    text = _note("I ran the night shift for two years.", line)
    doc = Document(text)
    assert doc.closing is not None and doc.signature is not None
    assert doc.slice(doc.signature).startswith("Jo")
    assert not {"p09.no-closing", "p09.no-name"} & _rules(text)


def test_thanks_in_the_third_sentence_of_the_first_paragraph_is_in_the_opening() -> None:
    text = ("Dear Ms. Hale,\n\nI hope your week is going well. The huddle on 4 West stayed "
            "with me. Thank you for showing it to me.\n\nI ran the night shift for two years."
            "\n\nBest,\nJo")
    assert "p04.thanks-late" not in _rules(text)


@pytest.mark.parametrize("offer", [
    "You can reach me at (720) 555-0182 any time.",
    "Should you need anything else, I can send it today.",
    "I would be happy to come in again to meet the night team.",
    "I would welcome the chance to shadow a shift.",
    "I hope to hear about the next steps.",
    "If references would help, just ask.",
])
def test_calls_to_action_in_many_forms(offer: str) -> None:
    assert "p08.no-call-to-action" not in _rules(_note(f"I ran the night shift. {offer}"))


def test_a_question_is_answered_by_one_sentence_not_by_words_scattered_by_chance() -> None:
    """The better answer mentions a plan and the family; a note that speaks of the school's
    plan for family nights has not answered the reading question."""
    import yaml

    from followup.check import CheckContext
    from followup.model.codec import interview_from_dict

    corpus = Path(__file__).parent / "corpus" / "records.yaml"
    record = interview_from_dict(yaml.safe_load(corpus.read_text(encoding="utf-8"))["maplewood"])
    ctx = CheckContext(interview=record, interviewer=record.interviewers[0])
    base = ("Dear Dr. Oduya,\n\nThank you for Wednesday. The plan to start a family reading "
            "night each month sounds wonderful. I taught fourth grade for six years. {answer}"
            "Please let me know if I can send anything else; I remain keen on the role.\n\n"
            "Sincerely,\nMateo")
    rules = {f.rule for f in check(base.format(answer=""), ctx).findings}
    assert "p06.unanswered" in rules
    answered = base.format(answer="When a student falls behind in reading, I meet them in a "
                                  "small group three times a week. ")
    assert "p06.unanswered" not in {f.rule for f in check(answered, ctx).findings}

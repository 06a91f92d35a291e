"""Spelling: fixes ranked as a good speller would, names left alone, jargon and compounds known.

Covers `language/spelling.py` (the ranker) and the `p09.spelling` rule that uses it.
"""

from __future__ import annotations

import pytest

from followup.check import check
from followup.language import spelling
from followup.model import Severity


def _spelling(text: str, words: tuple[str, ...] = ()) -> list[tuple[str, str | None, Severity]]:
    return [(f.text, f.suggestion, f.severity) for f in check(text, words=words).findings
            if f.rule == "p09.spelling"]


@pytest.mark.parametrize(("typed", "right"), [
    ("recieve", "receive"),        # a swap is one cheap edit
    ("relevent", "relevant"),      # a one-edit word, not a split ("rel event")
    ("calender", "calendar"),
    ("occured", "occurred"),       # a doubled letter dropped
    ("untill", "until"),           # a doubled letter added
    ("Definately", "Definitely"),  # in the typed word's case
    ("wendesday", "Wednesday"),    # days keep their capital
    ("acomodate", "accommodate"),  # two doubled letters dropped
])
def test_the_first_fix_is_the_word_meant(typed: str, right: str) -> None:
    from followup.check import proofread

    assert spelling.suggest(typed, is_word=proofread.is_dictionary_word) == right


def test_a_split_is_not_preferred_over_a_common_one_edit_word() -> None:
    ranked = [s.word for s in spelling.rank("positon")]
    assert ranked[0] == "position"
    assert "posit on" not in ranked


def test_the_personal_dictionary_offers_candidates() -> None:
    text = "Thank you for the tour of the roastry yesterday."
    assert _spelling(text, ("roastery",)) == [("roastry", "roastery", Severity.WARNING)]
    assert spelling.suggest("roastry", extra=("roastery",)) == "roastery"


@pytest.mark.parametrize("text", [
    "Thank you. I precepted six new graduate nurses on a 32-bed telemetry unit.",
    "Thank you. I was the super-user for our charting system from day one.",
    "Thank you. Summative rubrics and co-taught lessons are close to my heart.",
    "Thank you. I intubated patients and trained staff in de-escalation.",
])
def test_jargon_inflections_and_compounds_are_not_misspellings(text: str) -> None:
    assert _spelling(text) == []


@pytest.mark.parametrize("text", [
    "Thank you. Ngozi and Oluwaseun showed me the ward. Chidinma joined us later.",
    "Thank you for the time with you and Thao, and for the tour with Leilani Kahale.",
    "Thank you. Tomasz said the Wisniewski account is the biggest one.",
])
def test_names_without_a_record_are_not_misspellings(text: str) -> None:
    assert _spelling(text) == []


def test_a_capitalised_slip_of_a_known_term_is_a_warning_with_its_fix() -> None:
    found = _spelling("Thank you. We moved the reports to Snowflak last year.")
    assert found == [("Snowflak", "Snowflake", Severity.WARNING)]


def test_a_capitalised_slip_of_a_common_word_is_caught() -> None:
    found = _spelling("Thank you. Yesterdya was a great day.")
    assert [(t, s) for t, s, _ in found] == [("Yesterdya", "Yesterday")]


def test_lowercase_misspellings_still_warn() -> None:
    found = _spelling("Thank you for the intervew and the tour of the warehose.")
    assert [(t, s) for t, s, _ in found] == [("intervew", "interview"),
                                             ("warehose", "warehouse")]


def test_ranker_costs() -> None:
    assert spelling.edit_cost("recieve", "receive") < spelling.edit_cost("recxeve", "receive")
    assert spelling.edit_cost("untill", "until") < spelling.edit_cost("untilk", "until")
    assert spelling.skeleton("accommodate") == "acomodate"


# --- Issue 11: false alarms and harmful fixes ------------------------------------------------

def _p09(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.rule, f.text, f.suggestion) for f in check(text).findings
            if f.rule in ("p09.grammar", "p09.spelling")]


def test_day_one_is_no_brand() -> None:
    assert _p09("Thank you. I could help the team from day one.") == []


@pytest.mark.parametrize("text", [
    "Thank you. I can send the references as soon as possible.",
    "Thank you. I would be glad to come in as soon as possible as well.",
])
def test_no_word_is_dropped_from_as_soon_as_possible(text: str) -> None:
    assert not [f for f in _p09(text) if f[2] == ""]


def test_an_expanded_initialism_keeps_the_sentence_case() -> None:
    fixes = [s for _, t, s in _p09("Thank you. I can send the forms ASAP.") if t == "ASAP"]
    assert fixes in ([], ["as soon as possible"])


@pytest.mark.parametrize("number", ["(720) 555-0182", "720-555-0182", "+1 720 555-0182",
                                    "020 7946-0958"])
def test_phone_numbers_are_not_ranges(number: str) -> None:
    assert _p09(f"Thank you. You can reach me at {number} any day.") == []


def test_a_real_range_still_gets_its_dash() -> None:
    found = _p09("Thank you. I worked there 2019-2021 as a nurse.")
    assert [s for _, _, s in found] in ([], ["\u2013"])


@pytest.mark.parametrize(("typed", "right"), [
    ("thier", "their"),          # OOV lemmatizing once passed it as a form of "thy"
    ("superviser", "supervisor"),
    ("untill", "until"),         # Harper's "Typo" lint offered "distill"
    ("adress", "address"),       # Harper's split guess "a dress"
    ("afternon", "afternoon"),
    ("lookforward", "look forward"),
    ("exersize", "exercise"),    # two sound-alike letters
])
def test_slips_are_caught_in_a_sentence_with_the_right_fix(typed: str, right: str) -> None:
    text = f"Thank you for Tuesday. I think the {typed} was fine."
    fixes = [f.suggestion for f in check(text).findings
             if f.rule in ("p09.spelling", "p09.grammar") and f.text == typed]
    assert fixes == [right]


@pytest.mark.parametrize("word", ["jobsite", "chairside", "titrated", "vasopressors"])
def test_closed_compounds_and_terms_are_left_alone(word: str) -> None:
    text = f"Thank you for Tuesday. I think the {word} was fine."
    assert not [f for f in check(text).findings
                if f.rule in ("p09.spelling", "p09.grammar") and f.text == word]

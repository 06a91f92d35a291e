"""The shared language package: shorthand, fragment kinds, names, articles."""

from __future__ import annotations

import pytest

from followup.language import fragments, shorthand
from followup.language.fragments import Kind
from followup.model.interview import Interview, Interviewer
from followup.model.names import parse_name

# -- shorthand -------------------------------------------------------------------------------


@pytest.mark.parametrize("abbreviation", sorted(k for k, v in shorthand.WORDS.items() if v))
def test_every_shorthand_entry_expands_in_a_sentence(abbreviation: str) -> None:
    expansion = shorthand.WORDS[abbreviation]
    if abbreviation == "ft":
        text, expected = "a ft role on nights", "a full-time role on nights"
    else:
        text, expected = f"we spoke {abbreviation} today", f"we spoke {expansion} today"
    assert shorthand.expand(text) == expected
    assert [s.text for s in shorthand.find(text)] == [abbreviation]


@pytest.mark.parametrize(("note", "expected"), [
    ("4 yrs on tele unit", "4 years on tele unit"),
    ("w/ the night team", "with the night team"),
    ("w/o a float pool", "without a float pool"),
    ("a deteriorating pt", "a deteriorating patient"),
    ("esp. new hires", "especially new hires"),
    ("~40 staff", "about 40 staff"),
    ("why A and not B??", "why A and not B?"),
    ("current BLS + ACLS", "current BLS and ACLS"),
    ("paper -> EHR", "paper to EHR"),
    ("decision by fri", "decision by Friday"),
    ("5+ yrs exp", "more than 5 years of experience"),
    ("HR mgr & dept head", "HR manager and department head"),
    ("budgets, forecasting, payroll, etc", "budgets, forecasting and payroll"),
    ("days/nights rotation", "days and nights rotation"),
    ("b/c of the merger", "because of the merger"),
])
def test_notes_shorthand_is_written_out(note: str, expected: str) -> None:
    assert shorthand.expand(note) == expected


@pytest.mark.parametrize("text", [
    "ICU and PACU float", "AP Biology, ACCA, CPA", "PT and OT referrals", "HVAC and SQL",
    "Hartley & Sons Electrical", "the HR team", "24/7 coverage", "sun exposure on site",
    "we sat down with the team", "a 6 ft ladder",
])
def test_acronyms_names_and_everyday_words_are_left_alone(text: str) -> None:
    assert shorthand.expand(text) == text
    assert shorthand.find(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("6 beds in March", "six beds in March"),
    ("opening 2 new units", "opening two new units"),
    ("61% to 78% in 2 years", "61% to 78% in two years"),
    ("a 32-bed unit", "a 32-bed unit"),
    ("12 new hires", "12 new hires"),
    ("round 2 on Friday", "round 2 on Friday"),
])
def test_small_numbers_before_words_are_spelled_out(text: str, expected: str) -> None:
    assert shorthand.spell_small_numbers(text) == expected


# -- fragment kinds, across lines of work ----------------------------------------------------


@pytest.mark.parametrize(("note", "kind"), [
    ("precepted 6 new grads", Kind.VERB_PAST),
    ("trained 12 cashiers on the new POS", Kind.VERB_PAST),
    ("rewired a 1920s duplex to code", Kind.VERB_PAST),
    ("taught AP Bio for 3 yrs", Kind.VERB_PAST),
    ("manage ~40 staff", Kind.VERB_PRESENT),
    ("they're opening 6 beds in March", Kind.CLAUSE),
    ("school uses restorative practices", Kind.CLAUSE),
    ("the platform team will double in size next year", Kind.CLAUSE),
    ("she has 2 kids in the district", Kind.CLAUSE),
    ("porting the POS to tablets", Kind.GERUND),
    ("how I handle month-end close", Kind.QUESTION),
    ("PCCN certified, current BLS + ACLS", Kind.ADJECTIVE),
    ("fluent in Tagalog", Kind.ADJECTIVE),
    ("licensed in 3 states", Kind.ADJECTIVE),
    ("bilingual", Kind.ADJECTIVE),
    ("State of Illinois teaching license, Biology 6-12", Kind.NOUN_PHRASE),
    ("the new ninth-grade biology curriculum built around local river ecology",
     Kind.NOUN_PHRASE),
    ("registered nurse for 6 yrs", Kind.NOUN_PHRASE),
    ("pass rate up from 61% to 78% in 2 yrs", Kind.RESULT),
    ("shrink down 20% this yr", Kind.RESULT),
    ("should've used the other example - the one w/ the angry parent", Kind.SELF_NOTE),
    ("I totally blanked on the budget q", Kind.SELF_NOTE),
    ("next time bring the portfolio!!", Kind.SELF_NOTE),
    ("I led the inventory recount", Kind.FIRST_PERSON),
])
def test_fragment_kinds(note: str, kind: Kind) -> None:
    assert fragments.read(note).kind is kind


def test_details_after_a_comma_are_kept_apart_from_the_main_part() -> None:
    fragment = fragments.read("PCCN certified, current BLS + ACLS")
    assert (fragment.main, fragment.details) == ("PCCN certified", "current BLS and ACLS")
    assert fragment.phrase() == "PCCN certified (current BLS and ACLS)"
    assert fragments.read("precepting, esp. new hires").phrase() == (
        "precepting, especially new hires")


def test_a_list_of_short_noun_phrases_stays_one_list() -> None:
    assert fragments.read("budgets, forecasting, payroll").phrase() == (
        "budgets, forecasting and payroll")


def test_results_become_full_clauses() -> None:
    assert fragments.result_clause("pass rate up from 61% to 78% in two years") == (
        "the pass rate went up from 61% to 78% in two years")
    assert fragments.result_clause("sales up 15% this year") == "sales went up 15% this year"


@pytest.mark.parametrize(("phrase", "expected"), [
    ("State of Illinois teaching license", "a State of Illinois teaching license"),
    ("mentorship program for new hires", "a mentorship program for new hires"),
    ("experience with pediatric patients", "experience with pediatric patients"),
    ("strong Excel skills", "strong Excel skills"),
    ("my dbt experience", "my dbt experience"),
    ("four years on nights", "four years on nights"),
    ("HVAC", "HVAC"),
])
def test_articles_only_where_english_needs_one(phrase: str, expected: str) -> None:
    assert fragments.with_article(phrase) == expected


# -- names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "formal", "casual"), [
    ("Dr. Angela Whitmore", "Dr. Whitmore", "Angela"),
    ("Sister Mary Clare", "Sister Mary Clare", "Sister Mary Clare"),
    ("Pieter van der Berg", "Pieter", "Pieter"),
    ("Prof. Pieter van der Berg", "Prof. van der Berg", "Pieter"),
    ("Battalion Chief Tom Brennan", "Chief Brennan", "Chief Brennan"),
    ("Prof. Dr. Hans-Jürgen Vogt", "Prof. Vogt", "Prof. Vogt"),
    ("Dr. Alice Leung Mei-ling", "Dr. Leung", "Alice"),
    ("Mdm. Chua Lay Hoon", "Mdm. Chua", "Mdm. Chua"),
    ("Chua Lay Hoon", "Lay Hoon", "Lay Hoon"),
    ("Trần Văn Minh", "Minh", "Minh"),
    ("Siti Hajar binti Yusof", "Siti Hajar", "Siti Hajar"),
    ("Prof. Antonio De Luca", "Prof. De Luca", "Antonio"),
    ("Dato' Ahmad Fauzi bin Hassan", "Dato' Ahmad Fauzi", "Dato' Ahmad Fauzi"),
    ("José de la Cruz Jr.", "José", "José"),
    ("Sgt. Maria Lopez", "Sgt. Lopez", "Sgt. Lopez"),
    ("Rev. James Okafor III", "Rev. Okafor", "Rev. Okafor"),
    ("Judge Ruth Bader", "Judge Bader", "Judge Bader"),
    ("Aoife Ní Bhriain", "Aoife", "Aoife"),
    ("Ngozi", "Ngozi", "Ngozi"),
    ("Dr. Li", "Dr. Li", "Dr. Li"),
    ("Mr. Okafor", "Mr. Okafor", "Mr. Okafor"),
    ("Sean O'Connor", "Sean", "Sean"),
])
def test_salutations_from_names_with_titles_and_particles(
        name: str, formal: str, casual: str) -> None:
    parsed = parse_name(name)
    assert (parsed.formal(), parsed.casual()) == (formal, casual)


def test_surnames_with_particles_and_suffixes() -> None:
    assert parse_name("Pieter van der Berg").surname == "van der Berg"
    assert parse_name("Aoife Ní Bhriain").surname == "Ní Bhriain"
    assert parse_name("José de la Cruz Jr.").suffix == "Jr."
    assert parse_name("Whitmore, Angela").given == "Angela"


@pytest.mark.parametrize("wanted", ["Angela", "Whitmore", "Dr. Whitmore", "dr whitmore",
                                    "Dr. Angela Whitmore", "Angela Whitmore"])
def test_to_finds_a_titled_interviewer_by_any_usual_form(wanted: str) -> None:
    from datetime import UTC, datetime

    record = Interview("St. Mary's", "RN", datetime(2026, 12, 1, 9, tzinfo=UTC), "UTC",
                       interviewers=(Interviewer("Dr. Angela Whitmore"), Interviewer("Luis")))
    found = record.find_interviewer(wanted)
    assert found is not None and found.name == "Dr. Angela Whitmore"

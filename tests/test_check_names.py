"""Names in a note: swapped letters count as one edit, and dropped accents are suggestions.

The guards of the name rule (the greeting word, another panel member's name, words Harper
knows outside the greeting) must keep holding now that swaps reach further.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from followup.check import CheckContext, check
from followup.check.examples import KESTREL, NORTHWIND
from followup.check.words import edit_distance
from followup.model import Interview, Interviewer, Me, Severity


def _record(*names: str, me: str = "Priya Raman") -> Interview:
    people = tuple(Interviewer(name=n) for n in names)
    return replace(NORTHWIND, interviewers=people, me=Me(name=me), notes="")


def _note(greeting: str, body: str = "Thank you for Tuesday.", sign: str = "Priya Raman") -> str:
    return f"{greeting}\n\n{body}\n\nBest regards,\n{sign}"


def _found(text: str, record: Interview, to: str | None = None,
           rule: str = "p09.name-misspelled") -> list[tuple[str, str | None, Severity]]:
    person = record.find_interviewer(to) if to else None
    report = check(text, CheckContext(interview=record, interviewer=person))
    return [(f.text, f.suggestion, f.severity) for f in report.findings if f.rule == rule]


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("dena", "dean", 1), ("whitfiled", "whitfield", 1), ("ab", "ba", 1), ("dean", "dean", 0),
    ("dnaa", "dana", 1), ("kitten", "sitting", 3), ("ca", "abc", 3), ("whtifeld", "whitfield", 2),
])
def test_a_swap_of_neighbours_is_one_edit(a: str, b: str, expected: int) -> None:
    assert edit_distance(a, b) == expected
    assert edit_distance(b, a) == expected


def test_the_distance_gives_up_at_its_limit() -> None:
    assert edit_distance("dean", "margaret", limit=2) == 2
    assert edit_distance("abcdef", "badcfe", limit=2) == 2


@pytest.mark.parametrize(("greeting", "right"), [
    ("Dear Dena,", "Dean"), ("Hi Dnaa,", "Dana"), ("Dear Mr. Msos,", "Moss"),
])
def test_swapped_letters_in_the_greeting_are_an_error(greeting: str, right: str) -> None:
    record = _record("Dean Moss", "Dana Whitfield")
    assert _found(_note(greeting), record) == [(greeting.split()[-1].rstrip(","), right,
                                                 Severity.ERROR)]


def test_swapped_letters_in_the_body_are_an_error() -> None:
    record = _record("Dean Moss", "Dana Whitfield", "Luis Ortega")
    text = _note("Dear Dean,", "Thank you for Tuesday, and please thank Lusi Ortega and "
                               "Dana Whitfiled for their time.")
    assert [(w, s) for w, s, _ in _found(text, record, "Dean Moss")] == [
        ("Lusi", "Luis"), ("Whitfiled", "Whitfield")]


def test_the_greeting_word_is_never_a_swapped_name() -> None:
    """ "Dear" is one swap from "Dera", and sits right beside "Mia": still not a name."""
    record = _record("Mia Dera", "Hiro Tanaka")
    assert _found(_note("Dear Mia,"), record, "Mia Dera") == []
    assert _found(_note("Hello Mia Dera,"), record, "Mia Dera") == []
    assert _found(_note("Dear Mia Drea,"), record, "Mia Dera") == [("Drea", "Dera",
                                                                     Severity.ERROR)]


def test_another_panel_members_name_is_not_a_swap() -> None:
    record = _record("Dean Moss", "Dena Kaur")
    assert _found(_note("Dear Dena,"), record, "Dena Kaur") == []
    text = _note("Dear Dean,", "Thank you for Tuesday; Dena Kaur's demo was great.")
    assert _found(text, record, "Dean Moss") == []


def test_an_english_word_outside_the_greeting_is_not_a_swap() -> None:
    """ "Gray" is one swap from "Gary", but Harper knows it and no part of Gary's name is near."""
    record = _record("Gary Holt")
    text = _note("Dear Gary,", "Thank you for Tuesday. Gray areas in the runbook worried me "
                               "too, so I wrote down what I would change.")
    assert _found(text, record, "Gary Holt") == []


def _kestrel(text: str, to: str = "Siobhán Ní Bhriain", record: Interview = KESTREL):
    return _found(text, record, to, rule="p09.name-accent")


def test_a_dropped_accent_is_a_suggestion_with_the_accented_fix() -> None:
    text = _note("Dear Siobhan,", "Thank you for Monday, and please thank Ciaran O Donaill.",
                 sign="Tomasz Wiśniewski")
    assert _kestrel(text) == [("Siobhan", "Siobhán", Severity.SUGGESTION),
                              ("Ciaran", "Ciarán", Severity.SUGGESTION),
                              ("O", "Ó", Severity.SUGGESTION),
                              ("Donaill", "Dónaill", Severity.SUGGESTION)]
    report = check(text, CheckContext(interview=KESTREL, interviewer=KESTREL.interviewers[0]))
    assert not report.has_errors
    [first] = [f for f in report.findings if f.rule == "p09.name-accent"][:1]
    assert "with its accents" in first.message


def test_accents_written_as_recorded_and_short_words_alone_are_quiet() -> None:
    text = _note("Dear Siobhán,", "Thank you for Monday. O yes, and Ni hao to Ciarán Ó Dónaill.",
                 sign="Tomasz")
    assert _kestrel(text) == []


def test_the_candidates_own_name_and_signature_are_theirs_to_spell() -> None:
    text = _note("Dear Siobhán,", "Thank you for Monday.", sign="Tomasz Wisniewski")
    assert _kestrel(text) == []
    zoe = _record("Zoë Laurent", "Dean Moss", me="Zoe Park")
    greeting = _note("Dear Zoe,", "Thank you for Tuesday. Zoe from the front desk was kind.",
                     sign="Zoe Park")
    # The greeting addresses Zoë; the body's "Zoe" may be the candidate, the signature is.
    assert _found(greeting, zoe, "Zoë Laurent", rule="p09.name-accent") == [
        ("Zoe", "Zoë", Severity.SUGGESTION)]
    no_me = replace(zoe, me=None)
    assert [w for w, _, _ in _found(greeting, no_me, "Zoë Laurent", rule="p09.name-accent")
            ] == ["Zoe", "Zoe"]  # without a recorded name, the body's Zoe is a panel name


def test_a_recorded_plain_salutation_is_respected() -> None:
    siobhan = replace(KESTREL.interviewers[0], salutation="Siobhan")
    record = replace(KESTREL, interviewers=(siobhan, *KESTREL.interviewers[1:]))
    text = _note("Dear Siobhan,", "Thank you for Monday.", sign="Tomasz")
    assert _kestrel(text, record=record) == []


def test_a_word_of_the_users_dictionary_is_written_as_they_wish() -> None:
    text = _note("Dear Siobhan,", "Thank you for Monday.", sign="Tomasz")
    context = CheckContext(interview=KESTREL, interviewer=KESTREL.interviewers[0])
    assert "p09.name-accent" in {f.rule for f in check(text, context).findings}
    assert "p09.name-accent" not in {f.rule for f in check(text, context,
                                                           words=["siobhan"]).findings}


def test_an_english_word_opening_a_sentence_is_not_a_name() -> None:
    record = _record("Ángel Ruiz")
    text = _note("Dear Ángel,", "Thank you for Tuesday. Angel investors backed my last "
                                "company, so I know the pace. Thanks again, Angel.")
    assert [w for w, _, _ in _found(text, record, "Ángel Ruiz", rule="p09.name-accent")] == [
        "Angel"]
    assert _found(text, record, "Ángel Ruiz", rule="p09.name-accent")[0][1] == "Ángel"


def test_accents_added_where_the_record_has_none() -> None:
    record = _record("Sean Doyle")
    [(word, fix, severity)] = _found(_note("Dear Séan,"), record, "Sean Doyle",
                                     rule="p09.name-accent")
    assert (word, fix, severity) == ("Séan", "Sean", Severity.SUGGESTION)


def test_without_a_record_the_addressee_given_by_name_counts() -> None:
    person = Interviewer(name="José Ibarra")
    report = check(_note("Hi Jose,", sign="Alex"), CheckContext(interviewer=person))
    assert [(f.text, f.suggestion) for f in report.findings if f.rule == "p09.name-accent"] == [
        ("Jose", "José")]

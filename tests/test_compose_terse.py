"""The composer on terse notes from many lines of work (tests/corpus/terse).

Every draft (each stage, medium and tone) must be free of the mechanical faults a careful
reader marks at once: shorthand or note symbols from the notes, doubled punctuation, a
sentence in lower case or without a verb, an over-long subject; it must keep the medium's
limits, greet each person as EXPECTED.yaml says a careful writer would, never quote a note to
self, and score at least 90 with the checker.
"""

from __future__ import annotations

import re

import pytest

from followup.compose import compose, compose_with_hints, default_medium, default_tone, review
from followup.compose.render import Limits
from followup.language import fragments
from followup.model import Interview, Medium, Stage, Tone
from terse_corpus import expectations, faults, records

RECORDS = dict(records())
EXPECTED = expectations()
LIMITS = Limits()


def test_the_corpus_spans_many_lines_of_work() -> None:
    fields = {path.split("/")[0] for path in RECORDS}
    assert len(RECORDS) >= 150
    assert len(fields) >= 12


def _drafts(record: Interview):  # type: ignore[no-untyped-def]
    for person in record.interviewers:
        for stage, number in ((Stage.THANK_YOU, 1), (Stage.CHECK_IN, 1), (Stage.CHECK_IN, 2)):
            for medium in Medium:
                for tone in Tone:
                    yield person, stage, number, medium, tone, compose(
                        record, person, stage, medium, tone, check_in_number=number)


def _words(text: str) -> int:
    return len(re.findall(r"[^\W_]+(?:['’\-][^\W_]+)*", text))


@pytest.mark.parametrize("path", sorted(RECORDS))
def test_no_draft_has_a_mechanical_fault_and_limits_hold(path: str) -> None:
    problems = []
    for person, stage, number, medium, tone, draft in _drafts(RECORDS[path]):
        where = f"{person.name} {stage} {number} {medium} {tone}"
        problems += [f"{where}: {f}" for f in faults(draft.body, draft.subject)]
        body = draft.body
        if medium is Medium.LINKEDIN_NOTE:
            if len(body.strip()) > LIMITS.linkedin_note_chars:
                problems.append(f"{where}: {len(body.strip())} characters")
        elif medium is Medium.CARD and _words(body) > LIMITS.card_words:
            problems.append(f"{where}: {_words(body)} words on a card")
        elif stage is Stage.CHECK_IN and _words(body) > LIMITS.check_in_words:
            problems.append(f"{where}: {_words(body)} words in a check-in")
    assert problems == []


# Greetings a careful writer gets right from knowledge the record does not hold in a form the
# composer reads. Each stays listed while it fails (the test below checks both ways), so the
# list says exactly what is not yet done; `salutation:` in the notes fixes any of them.
KNOWN_GAPS = {
    # A compound given name cannot be told from a given name and a first surname
    # ("Juan Camilo Restrepo" and "Juan García López") without a name list per culture.
    "María Elena Domínguez": "compound given name", "Billy Ray Cobb": "compound given name",
    "Dr. Ana Paula Ribeiro": "compound given name", "Juan Camilo Restrepo": "compound given name",
    "José Luis Ramírez": "compound given name", "Luisa Fernanda Ospina": "compound given name",
    "Dr. Carolina Fuentes Aravena": "double surname",
    # Said only in a free-text note ("call him Emeka", "everyone else used Dr.").
    "Chukwuemeka Eze": "nickname in a note", "Dr. Minh Pham": "preference in a note",
}


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_each_person_is_greeted_as_a_careful_writer_would(path: str) -> None:
    record = RECORDS[path]
    expected = EXPECTED[path]
    for person in record.interviewers:
        for tone, names, opener in ((Tone.FORMAL, expected.salutation_formal, "Dear"),
                                    (Tone.CASUAL, expected.salutation_casual, "Hi")):
            if person.name not in names:
                continue
            draft = compose(record, person, Stage.THANK_YOU, Medium.EMAIL, tone)
            greeting = draft.body.splitlines()[0]
            wanted = f"{opener} {names[person.name]},"
            if person.name in KNOWN_GAPS and greeting != wanted:
                continue
            assert greeting == wanted, person.name


def test_known_greeting_gaps_still_fail_and_are_few() -> None:
    """Each KNOWN_GAPS entry is still wrong (else take it off the list), and they stay rare."""
    still_wrong = set()
    total = 0
    for path, expected in EXPECTED.items():
        for person in RECORDS[path].interviewers:
            for tone, names, opener in ((Tone.FORMAL, expected.salutation_formal, "Dear"),
                                        (Tone.CASUAL, expected.salutation_casual, "Hi")):
                if person.name not in names:
                    continue
                total += 1
                draft = compose(RECORDS[path], person, Stage.THANK_YOU, Medium.EMAIL, tone)
                if draft.body.splitlines()[0] != f"{opener} {names[person.name]},":
                    still_wrong.add(person.name)
    assert still_wrong == set(KNOWN_GAPS)
    assert len(KNOWN_GAPS) <= total * 0.03


@pytest.mark.parametrize("path", sorted(p for p in EXPECTED if EXPECTED[p].notes_to_self))
def test_notes_to_self_are_never_quoted_and_are_named_in_the_hints(path: str) -> None:
    record = RECORDS[path]
    for note in EXPECTED[path].notes_to_self:
        said = fragments.clean(note)
        for person in record.interviewers:
            result = compose_with_hints(record, person, Stage.THANK_YOU, Medium.EMAIL,
                                        default_tone(record))
            assert said.lower() not in result.draft.body.lower()
            assert note.strip()[:20].lower() not in result.draft.body.lower()


# A note the composer could not say (all figures, or a note only its writer can read) leaves a
# practice unserved; the draft then scores below 90 for that reason alone and its hints name
# the note. Any other finding below 90 is the composer's fault.
UNSAYABLE = {"p02.no-point", "p05.no-qualification", "p06.unanswered"}


def _default_reviews():  # type: ignore[no-untyped-def]
    for path, record in sorted(RECORDS.items()):
        for person in record.interviewers:
            for stage in (Stage.THANK_YOU, Stage.CHECK_IN):
                result = compose_with_hints(record, person, stage, default_medium(person),
                                            default_tone(record))
                yield path, person, stage, result, review(result.draft, record, person)


def test_default_drafts_score_at_least_90_unless_the_notes_left_nothing_to_say() -> None:
    faults_found, short = [], 0
    total = 0
    for path, person, stage, result, report in _default_reviews():
        total += 1
        errors = [f.rule for f in report.findings if f.severity.value == "error"]
        if errors:
            faults_found.append((path, person.name, stage.value, errors))
        if report.score >= 90:
            continue
        short += 1
        others = {f.rule for f in report.findings} - UNSAYABLE
        told = any(h.startswith(("left out", "add ")) for h in result.hints)
        if others or not told:
            faults_found.append((path, person.name, stage.value, report.score, sorted(others)))
    assert faults_found == []
    # 26 of 644 (4.0%) on 2026-12-03: records whose notes are all figures, shorthand or pay
    # talk, which a thank-you leaves out.
    assert short <= total * 0.05, f"{short} of {total} drafts below 90"

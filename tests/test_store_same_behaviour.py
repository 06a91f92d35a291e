"""SQLite and PostgreSQL behave alike: the same length limits (a 900 KB company fits a SQLite
row but not PostgreSQL's index), and two imports of the same new record at once store one
record and both succeed (on PostgreSQL the second insert used to break the unique key)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from followup.errors import InputError, NotesFormatError
from followup.model.interview import MAX_NAME_CHARS
from followup.notes import parse_notes
from followup.store import Store


def test_a_huge_company_is_refused_on_both(store: Store,
                                           make_interview: Callable[..., Any]) -> None:
    with pytest.raises(InputError, match=r"interview\.company: is 900,000 characters long; "
                                         rf"expected at most {MAX_NAME_CHARS}"):
        store.save_interview(make_interview(company="x" * 900_000))
    long_name = make_interview()
    person = replace(long_name.interviewers[0], name="y" * (MAX_NAME_CHARS + 1))
    with pytest.raises(InputError, match=r"interviewers\[0\]\.name: is 201 characters"):
        store.save_interview(replace(long_name, interviewers=(person,)))
    assert store.list_interviews() == []
    store.save_interview(make_interview(company="z" * MAX_NAME_CHARS))  # the edge fits


def test_the_notes_file_says_so_with_its_line() -> None:
    text = f"---\ncompany: {'x' * 900_000}\nrole: B\nwhen: 2026-11-24 14:00\n---\n"
    with pytest.raises(NotesFormatError) as caught:
        parse_notes(text, source="n.md")
    assert caught.value.field == "company" and caught.value.line == 2
    assert "expected at most 200" in str(caught.value)


def test_the_same_new_record_saved_at_once_is_one_record(
        store_factory: Callable[[], Store], make_interview: Callable[..., Any]) -> None:
    store = store_factory()
    for round_number in range(6):
        record = make_interview(day=round_number + 2)
        barrier = threading.Barrier(3)
        outcomes: list[str] = []

        def save(interview: Any = record, barrier: threading.Barrier = barrier,
                 outcomes: list[str] = outcomes) -> None:
            barrier.wait()
            try:
                outcomes.append(store.save_interview(interview)[1])
            except Exception as error:  # the race this test is about
                outcomes.append(f"{type(error).__name__}: {error}")

        threads = [threading.Thread(target=save) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert sorted(outcomes) == ["created", "updated", "updated"], outcomes
    assert len(store.list_interviews()) == 6

"""The store's side of exactly-once: one conditional UPDATE decides who sends a draft and
who records it sent, on SQLite and PostgreSQL, with many threads racing for it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from draft_helpers import stored_draft
from followup.errors import ConflictError
from followup.model import DraftStatus, Event, EventKind, FollowupKind
from followup.store import Store

NOW = datetime(2026, 11, 25, 14, 30, tzinfo=UTC)


def _race(count: int, work: Callable[[int], Any]) -> list[Any]:
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count

    def run(index: int) -> None:
        barrier.wait()
        try:
            results[index] = work(index)
        except Exception as error:  # the race's loser: kept to assert on
            results[index] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_of_many_claimants_exactly_one_wins(store_factory: Callable[[], Store],
                                            make_interview: Callable[..., Any]) -> None:
    store = store_factory()
    for round_number in range(5):
        draft, _ = stored_draft(store, make_interview, day=round_number + 2)
        won = _race(6, lambda i, d=draft: store.claim_send(
            d, message_id=f"<m{i}@x>", sent_at=NOW, token=f"h:1:{i}", claimed_at=NOW))
        assert sorted(won, key=str) == [False] * 5 + [True]
        winner = won.index(True)
        assert store.send_claim(draft.id or 0) == (f"h:1:{winner}", NOW)
        assert store.get_draft(draft.id or 0).message_id == f"<m{winner}@x>"


def test_a_claimed_draft_cannot_be_edited_or_marked_sent(
        store: Store, make_interview: Callable[..., Any]) -> None:
    draft, person_id = stored_draft(store, make_interview)
    assert store.claim_send(draft, message_id="<m@x>", sent_at=NOW, token="h:1:a",
                            claimed_at=NOW)
    with pytest.raises(ConflictError, match="under way"):
        store.save_draft(replace(draft, body="changed"))
    event = Event(draft.interview_id, EventKind.SENT, NOW, person_id, FollowupKind.THANK_YOU,
                  draft.id, "Zoë")
    with pytest.raises(ConflictError, match="under way"):
        store.record_sent(replace(draft, status=DraftStatus.SENT, sent_at=NOW), event)
    store.release_send(draft.id or 0, "h:1:a", restore=draft)
    assert store.get_draft(draft.id or 0).sent_at is None
    assert store.send_claim(draft.id or 0) is None
    store.save_draft(replace(draft, body="changed"))  # free again

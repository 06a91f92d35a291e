"""Stage, send, eml and replies through the in-memory transport: states, events, never twice."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest_mail import MORNING, Sample, account, parse, reply_bytes, sample_store
from followup.config import defaults
from followup.errors import InputError, MailError
from followup.mail import service
from followup.mail.memory import MemoryTransport
from followup.mail.transport import Folder
from followup.model import DraftStatus, EventKind, FollowupKind
from followup.timeline import ItemStatus, Rules, timeline

ACCOUNT = account()


@pytest.fixture
def sample(tmp_path: Path) -> Iterator[Sample]:
    made = sample_store(tmp_path)
    yield made
    made.store.close()


def did(sample: Sample, draft_id: int) -> DraftStatus:
    return sample.store.get_draft(draft_id).status


def test_stage_appends_the_built_bytes_to_drafts_and_marks_staged(sample: Sample) -> None:
    box = MemoryTransport()
    staged = service.stage(sample.store, sample.dana.id or 0, ACCOUNT, box, now=MORNING)
    assert staged.folder == "Drafts" and staged.draft.status is DraftStatus.STAGED
    assert box.appended_flags == [(Folder.DRAFTS, True)]
    stored = sample.store.get_draft(sample.dana.id or 0)
    assert stored.message_id == staged.message_id
    # The bytes in Drafts are exactly what the .eml export gives for the stored draft.
    assert box.folders[Folder.DRAFTS] == [
        service.eml_bytes(sample.store, stored.id or 0, now=MORNING, account=ACCOUNT)]
    assert parse(box.folders[Folder.DRAFTS][0])["To"].addresses[0].addr_spec == \
        "dana.whitfield@northwind.example"


def test_a_failed_stage_leaves_the_draft_as_it_was(sample: Sample) -> None:
    box = MemoryTransport(fail_imap=MailError("the IMAP server 127.0.0.1:1 refused"))
    with pytest.raises(MailError):
        service.stage(sample.store, sample.dana.id or 0, ACCOUNT, box, now=MORNING)
    assert sample.store.get_draft(sample.dana.id or 0) == sample.dana


def test_send_delivers_marks_sent_records_the_event_and_files_a_copy(sample: Sample) -> None:
    box = MemoryTransport()
    sent = service.send(sample.store, sample.dana.id or 0, ACCOUNT, box, now=MORNING)
    assert [e.recipients for e in box.outbox] == [("dana.whitfield@northwind.example",)]
    assert box.outbox[0].sender == "priya.raman@example.com"
    assert box.folders[Folder.SENT] == [box.outbox[0].data] and sent.filed_in == "Sent"
    stored = sample.store.get_draft(sample.dana.id or 0)
    assert stored.status is DraftStatus.SENT and stored.sent_at == MORNING
    assert stored.message_id == sent.message_id == parse(box.outbox[0].data)["Message-ID"]
    events = sample.store.list_events(sample.interview.id)
    assert [(e.kind, e.followup, e.draft_id) for e in events] == [
        (EventKind.SENT, FollowupKind.THANK_YOU, sample.dana.id)]
    # Exporting afterwards gives the very bytes that went out.
    assert service.eml_bytes(sample.store, stored.id or 0, now=MORNING + timedelta(days=3),
                             account=ACCOUNT) == box.outbox[0].data
    with pytest.raises(InputError, match="already sent"):
        service.send(sample.store, sample.dana.id or 0, ACCOUNT, box, now=MORNING)
    assert len(box.outbox) == 1


def test_no_copy_is_filed_when_the_provider_files_it(sample: Sample) -> None:
    box = MemoryTransport(files_sent=True)
    sent = service.send(sample.store, sample.dana.id or 0, ACCOUNT, box, now=MORNING)
    assert sent.filed_in is None and len(box.folders[Folder.SENT]) == 1


def test_a_failure_before_the_message_leaves_the_draft_unchanged(sample: Sample) -> None:
    box = MemoryTransport(fail_next_send=MailError("cannot connect: connection refused"))
    with pytest.raises(MailError, match="connection refused"):
        service.send(sample.store, sample.dana.id or 0, ACCOUNT, box, now=MORNING)
    assert sample.store.get_draft(sample.dana.id or 0) == sample.dana
    assert sample.store.list_events(sample.interview.id) == []


def test_an_interrupted_send_is_found_in_sent_and_never_sent_twice(sample: Sample) -> None:
    box = MemoryTransport(files_sent=True,
                          fail_next_send=MailError("timed out", maybe_sent=True))
    draft_id = sample.dana.id or 0
    with pytest.raises(MailError, match=r"may have gone out.*Sent folder"):
        service.send(sample.store, draft_id, ACCOUNT, box, now=MORNING)
    pending = sample.store.get_draft(draft_id)
    assert pending.status is DraftStatus.DRAFT and pending.message_id and pending.sent_at
    assert service.prepare_send(sample.store, draft_id, ACCOUNT, now=MORNING).resuming
    later = MORNING + timedelta(minutes=5)
    result = service.send(sample.store, draft_id, ACCOUNT, box, now=later)
    assert result.already and len(box.outbox) == 1
    assert result.message_id == pending.message_id
    assert did(sample, draft_id) is DraftStatus.SENT


def test_an_interrupted_send_not_in_sent_is_retried_with_the_same_bytes(sample: Sample) -> None:
    # The connection broke after the server took the message; this provider files no copy
    # in Sent, so the retry cannot tell and sends again: the same Message-ID and Date, which
    # the recipient's mail program shows as one message.
    box = MemoryTransport(fail_next_send=MailError("timed out", maybe_sent=True))
    draft_id = sample.dana.id or 0
    with pytest.raises(MailError, match="may have gone out"):
        service.send(sample.store, draft_id, ACCOUNT, box, now=MORNING)
    service.send(sample.store, draft_id, ACCOUNT, box, now=MORNING + timedelta(minutes=1))
    assert len(box.outbox) == 2 and box.outbox[0].data == box.outbox[1].data
    assert box.calls[:3] == ["send", "contains sent", "send"]
    assert did(sample, draft_id) is DraftStatus.SENT


def test_error_findings_block_the_send_unless_forced(sample: Sample) -> None:
    store = sample.store
    bad = store.save_draft(replace(sample.dana, body="Dear [Name],\n\nThanks.\n\nPriya"))
    box = MemoryTransport()
    with pytest.raises(InputError, match="not sent: the checker found"):
        service.send(store, bad.id or 0, ACCOUNT, box, now=MORNING, config=defaults())
    assert box.outbox == [] and did(sample, bad.id or 0) is DraftStatus.DRAFT
    service.send(store, bad.id or 0, ACCOUNT, box, now=MORNING, force=True)
    assert len(box.outbox) == 1


def test_header_injection_is_refused_before_anything_is_sent(sample: Sample) -> None:
    store = sample.store
    evil = store.save_draft(replace(sample.dana, subject="Thanks\r\nBcc: all@example.com"))
    box = MemoryTransport()
    with pytest.raises(InputError, match="subject: contains a line break"):
        service.send(store, evil.id or 0, ACCOUNT, box, now=MORNING, force=True)
    assert box.outbox == [] and box.calls == []


def test_mailto_and_eml_need_no_account(sample: Sample) -> None:
    link = service.mailto(sample.store, sample.luis.id or 0)
    assert link.startswith("mailto:luis.ortega@northwind.example?subject=")
    data = service.eml_bytes(sample.store, sample.luis.id or 0, now=MORNING, config=defaults())
    assert parse(data)["From"].addresses[0].addr_spec == "priya.raman@example.com"
    # The Message-ID is kept, so a reply to a note sent from the user's own program counts.
    assert sample.store.get_draft(sample.luis.id or 0).message_id == parse(data)["Message-ID"]


def _check_in_status(sample: Sample, at: object) -> list[ItemStatus]:
    interview = sample.store.get_interview(sample.interview.id or 0)
    items = timeline(interview, sample.store.list_events(interview.id), at,  # type: ignore[arg-type]
                     Rules())
    return [i.status for i in items if i.kind is FollowupKind.CHECK_IN_1]


def test_replies_by_in_reply_to_and_by_sender_are_recorded_once(sample: Sample) -> None:
    box = MemoryTransport()
    sent = service.send(sample.store, sample.dana.id or 0, ACCOUNT, box, now=MORNING)
    box.plant(reply_bytes(sender="Dana Whitfield <dana.whitfield@northwind.example>",
                          date="Thu, 26 Nov 2026 10:00:00 -0500", in_reply_to=sent.message_id))
    box.plant(reply_bytes(sender="Luis Ortega <LUIS.ORTEGA@northwind.example>",
                          date="Thu, 26 Nov 2026 11:00:00 -0600",
                          message_id="<reply-2@northwind.example>"))
    box.plant(reply_bytes(sender="Stranger <someone@else.example>",
                          date="Thu, 26 Nov 2026 11:00:00 -0600",
                          message_id="<other@else.example>"))
    box.plant(reply_bytes(sender="Luis Ortega <luis.ortega@northwind.example>",
                          date="Mon, 23 Nov 2026 09:00:00 -0600",
                          message_id="<before@northwind.example>"))  # before any note
    now = MORNING + timedelta(days=2)
    assert _check_in_status(sample, now) == [ItemStatus.UPCOMING]
    found = service.scan_replies(sample.store, ACCOUNT, date(2026, 11, 1), now, transport=box)
    assert [(r.interviewer, r.matched_by, r.new) for r in found] == [
        ("Dana Whitfield", "in-reply-to", True), ("Luis Ortega", "sender", True)]
    assert found[0].draft_id == sample.dana.id
    replied = [e for e in sample.store.list_events(sample.interview.id)
               if e.kind is EventKind.REPLIED]
    assert len(replied) == 2
    assert _check_in_status(sample, now) == [ItemStatus.CANCELLED]
    again = service.scan_replies(sample.store, ACCOUNT, None, now, transport=box)
    assert [r.new for r in again] == [False, False]
    assert len([e for e in sample.store.list_events(sample.interview.id)
                if e.kind is EventKind.REPLIED]) == 2
    assert set(found[0].to_dict()) == {"interview_id", "company", "interviewer", "from",
                                       "subject", "date", "matched_by", "draft_id", "new"}


def test_a_reply_through_references_from_someone_else_counts(sample: Sample) -> None:
    box = MemoryTransport()
    sent = service.send(sample.store, sample.dana.id or 0, ACCOUNT, box, now=MORNING)
    box.plant(reply_bytes(sender="Recruiting <jobs@northwind.example>",
                          date="Thu, 26 Nov 2026 10:00:00 -0500",
                          references=f"<a@x.example> {sent.message_id}"))
    found = service.scan_replies(sample.store, ACCOUNT, None, MORNING + timedelta(days=2),
                                 transport=box)
    assert [(r.interviewer, r.sender, r.matched_by) for r in found] == [
        (None, "jobs@northwind.example", "references")]


def test_nothing_sent_means_no_scan_and_no_connection(sample: Sample) -> None:
    box = MemoryTransport()
    assert service.scan_replies(sample.store, ACCOUNT, None, MORNING, transport=box) == []
    assert box.calls == []


def test_what_was_shown_is_exactly_what_goes_out(sample: Sample) -> None:
    box = MemoryTransport()
    draft_id = sample.dana.id or 0
    shown = service.prepare_send(sample.store, draft_id, ACCOUNT, now=MORNING)
    later = MORNING + timedelta(seconds=40)  # the user took a while to confirm
    sent = service.send(sample.store, draft_id, ACCOUNT, box, now=later, prepared=shown)
    assert box.outbox[0].data == shown.data and sent.message_id == shown.message_id


def test_a_draft_edited_after_it_was_shown_is_not_sent(sample: Sample) -> None:
    box = MemoryTransport()
    draft_id = sample.dana.id or 0
    shown = service.prepare_send(sample.store, draft_id, ACCOUNT, now=MORNING)
    sample.store.save_draft(replace(sample.dana, body=sample.dana.body + "\nP.S."))
    with pytest.raises(InputError, match="changed after it was shown"):
        service.send(sample.store, draft_id, ACCOUNT, box, now=MORNING, prepared=shown)
    assert box.outbox == []

"""Noticing replies: the inbox's headers matched against the notes followup knows were sent.

A message is a reply to an interview when its In-Reply-To or References names the
Message-ID of one of the interview's drafts, or when it comes from one of the interviewers'
addresses after the first note of that interview went out. Each reply is recorded once as a
REPLIED event (the timeline then cancels the pending check-ins); the event's detail carries
the reply's Message-ID, which is how a later scan knows it already counted it. Only headers
are fetched, through a read-only connection: nothing on the server is marked, moved or
deleted, and no message body is read.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from followup.mail.transport import Incoming, Transport, message_ids
from followup.model import Draft, Event, EventKind, Interview, Interviewer

if TYPE_CHECKING:
    from followup.mail.account import Account
    from followup.store import Store

log = logging.getLogger(__name__)
JSON_KEYS = ("interview_id", "company", "interviewer", "from", "subject", "date",
             "matched_by", "draft_id", "new")


@dataclass(frozen=True)
class Reply:
    """One reply found in the inbox, and whether this scan recorded it (`new`)."""

    interview_id: int
    company: str
    interviewer: str | None
    sender: str
    subject: str
    at: datetime
    matched_by: str  # "in-reply-to", "references" or "sender"
    draft_id: int | None
    key: str
    new: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "interview_id": self.interview_id, "company": self.company,
            "interviewer": self.interviewer, "from": self.sender, "subject": self.subject,
            "date": self.at.isoformat(), "matched_by": self.matched_by,
            "draft_id": self.draft_id, "new": self.new,
        }


@dataclass
class _Known:
    """What the store knows: sent notes' ids, interviewers' addresses, replies counted."""

    by_message_id: dict[str, tuple[Interview, Draft]]
    by_address: dict[str, list[tuple[Interview, Interviewer]]]
    first_sent: dict[int, datetime]
    counted: set[str]

    @classmethod
    def load(cls, store: Store) -> _Known:
        by_id: dict[str, tuple[Interview, Draft]] = {}
        by_address: dict[str, list[tuple[Interview, Interviewer]]] = defaultdict(list)
        first_sent: dict[int, datetime] = {}
        counted: set[str] = set()
        for interview, events, drafts in store.open_interviews_with_events():
            iid = interview.id or 0
            for draft in drafts:
                if draft.message_id:
                    by_id[draft.message_id.lower()] = (interview, draft)
            sent = [e.at for e in events if e.kind is EventKind.SENT]
            if sent:
                first_sent[iid] = min(sent)
            for person in interview.interviewers:
                if person.email.strip():
                    by_address[person.email.strip().lower()].append((interview, person))
            for event in events:
                if event.kind is EventKind.REPLIED:
                    counted.update(key.lower() for key in message_ids(event.detail))
        return cls(by_id, by_address, first_sent, counted)

    def earliest(self) -> datetime | None:
        moments = [*self.first_sent.values(),
                   *(d.sent_at for _, d in self.by_message_id.values() if d.sent_at)]
        return min(moments) if moments else None


def _key(message: Incoming) -> str:
    """The reply's Message-ID, or a stable stand-in made from its sender, date and subject."""
    if message.message_id:
        return message.message_id
    basis = f"{message.sender}|{message.date}|{message.subject}".encode()
    return f"<no-id.{hashlib.sha256(basis).hexdigest()[:16]}@followup.invalid>"


def _match(message: Incoming, known: _Known
           ) -> tuple[Interview, Interviewer | None, Draft | None, str] | None:
    for header, ids in (("in-reply-to", message.in_reply_to),
                        ("references", message.references)):
        for ref in ids:
            hit = known.by_message_id.get(ref.lower())
            if hit is not None:
                interview, draft = hit
                # Someone else in the thread (a recruiter) counts too, without a name.
                person = next((p for p in interview.interviewers
                               if p.email.strip().lower() == message.sender), None)
                return interview, person, draft, header
    if message.date is None:
        return None
    moment = message.date
    candidates = [(known.first_sent[i.id or 0], i, p)
                  for i, p in known.by_address.get(message.sender, [])
                  if (i.id or 0) in known.first_sent and known.first_sent[i.id or 0] < moment]
    if not candidates:
        return None
    _, interview, person = max(candidates, key=lambda c: c[0])
    return interview, person, None, "sender"


def scan_replies(
    store: Store, account: Account, since: date | None, now: datetime, *,
    transport: Transport | None = None,
) -> list[Reply]:
    """Find replies to sent notes in the inbox and record the new ones (see module doc).

    `since` limits the scan to messages from that day on; by default it starts the day
    before the first note of any open interview went out. Returns every reply found, old
    and new, oldest first.
    """
    known = _Known.load(store)
    start = since
    if start is None:
        earliest = known.earliest()
        if earliest is None:
            return []  # nothing was sent: no reply to look for, no connection made
        start = (earliest - timedelta(days=1)).date()
    if transport is None:
        from followup.mail.account import read_password
        from followup.mail.transport import connect

        transport = connect(account, read_password(account))
    me = account.address.lower()
    found: list[Reply] = []
    for message in sorted(transport.incoming(start),
                          key=lambda m: (m.date or now, m.uid)):
        if message.sender == me:
            continue
        hit = _match(message, known)
        if hit is None:
            continue
        interview, person, draft, how = hit
        key = _key(message)
        new = key.lower() not in known.counted
        at = min(message.date or now, now)
        if new:
            who = message.sender_name or message.sender
            store.record_event(Event(
                interview.id or 0, EventKind.REPLIED, at, person.id if person else None,
                None, draft.id if draft else None,
                f"reply from {who} ({how}) {key}"))
            known.counted.add(key.lower())
        log.info("reply on interview #%s (%s), %s", interview.id, how,
                 "recorded" if new else "already known")
        found.append(Reply(interview.id or 0, interview.company,
                           person.name if person else None, message.sender, message.subject,
                           at, how, draft.id if draft else None, key, new))
    return found

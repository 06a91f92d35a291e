"""Helpers shared by the mail tests: a store with the sample interview and its drafts.

The sample (northwind.md) is a panel interview on Tue 2026-11-24 14:00 in Chicago: Dana
Whitfield (primary, with an email), Luis Ortega (email), Mei-Ling Zhou (LinkedIn only).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from followup.cli.demo import sample_notes_path
from followup.compose import compose
from followup.config import defaults
from followup.mail.account import Account
from followup.model import Draft, Interview, Medium, Stage, Tone
from followup.notes import read_notes_file
from followup.store import Store, open_store

MORNING = datetime.fromisoformat("2026-11-25T08:30:00-06:00")


@dataclass
class Sample:
    store: Store
    interview: Interview
    dana: Draft  # thank-you email to Dana Whitfield
    luis: Draft  # thank-you email to Luis Ortega


def sample_store(path: Path) -> Sample:
    store = open_store(f"sqlite:///{path / 'mail.sqlite3'}")
    interview, _ = store.save_interview(
        read_notes_file(sample_notes_path(), default_timezone="America/Chicago"))
    config = defaults()
    drafts = []
    for name in ("Dana Whitfield", "Luis Ortega"):
        person = interview.find_interviewer(name)
        assert person is not None
        draft = compose(interview, person, Stage.THANK_YOU, Medium.EMAIL, Tone.FORMAL,
                        config=config)
        drafts.append(store.save_draft(draft))
    return Sample(store, interview, drafts[0], drafts[1])


def account(**changes: object) -> Account:
    fields: dict[str, object] = {
        "address": "priya.raman@example.com", "user": "priya.raman@example.com",
        "imap_host": "127.0.0.1", "imap_port": 1143, "smtp_host": "127.0.0.1",
        "smtp_port": 1025, "security": "none", "timeout": 5,
    }
    fields.update(changes)
    return Account(**fields)  # type: ignore[arg-type]


def parse(data: bytes) -> EmailMessage:
    msg = message_from_bytes(data, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


def reply_bytes(*, sender: str, subject: str = "Re: Thank you", date: str,
                in_reply_to: str | None = None, references: str | None = None,
                message_id: str = "<reply-1@northwind.example>") -> bytes:
    lines = [f"From: {sender}", "To: Priya Raman <priya.raman@example.com>",
             f"Subject: {subject}", f"Date: {date}", f"Message-ID: {message_id}"]
    if in_reply_to:
        lines.append(f"In-Reply-To: {in_reply_to}")
    if references:
        lines.append(f"References: {references}")
    lines += ["Content-Type: text/plain; charset=utf-8", "", "Thanks Priya, talk soon.", ""]
    return "\r\n".join(lines).encode()

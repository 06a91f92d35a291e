"""The small interface between followup and a mailbox: the Transport Protocol.

Everything mail-related in the service goes through these five operations, so the unit
tests run against `MemoryTransport` and the real thing (`ServerTransport`: IMAP + SMTP) is
swapped in at the edge. Each operation opens and closes its own connection with bounded
timeouts; failures are MailError with one clear line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from email import message_from_bytes, policy
from email.utils import getaddresses, parsedate_to_datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from followup.mail.account import Account, Password


class Folder(StrEnum):
    """The mailboxes followup uses, by role; each server names them its own way."""

    INBOX = "inbox"
    DRAFTS = "drafts"
    SENT = "sent"


@dataclass(frozen=True)
class Incoming:
    """The headers of one received message that reply detection needs (never the body)."""

    uid: str
    message_id: str
    sender: str  # the From address, lower-cased
    sender_name: str
    subject: str
    date: datetime | None
    in_reply_to: tuple[str, ...] = ()
    references: tuple[str, ...] = ()


class Transport(Protocol):
    """What followup asks of a mailbox and its outgoing server."""

    def append(self, folder: Folder, data: bytes, *, when: datetime, draft: bool) -> str:
        """Store a message in a folder (flagged \\Seen, and \\Draft when `draft`); returns
        the folder's name on the server."""
        ...

    def contains(self, folder: Folder, message_id: str) -> bool:
        """Whether a message with this Message-ID is in the folder."""
        ...

    def send(self, data: bytes, sender: str, recipients: Sequence[str]) -> None:
        """Hand a message to the outgoing server (MailError(maybe_sent=True) when the
        connection broke while the message was being handed over)."""
        ...

    def incoming(self, since: date) -> list[Incoming]:
        """Headers of the inbox's messages since a day, without changing anything."""
        ...

    def probe(self) -> list[str]:
        """Log in to each server and say what was found; MailError on the first failure."""
        ...


_IDS_SPLIT = str.maketrans({",": " ", "\t": " ", "\r": " ", "\n": " "})


def message_ids(value: str | None) -> tuple[str, ...]:
    """The <...> ids in an In-Reply-To or References header, in order."""
    if not value:
        return ()
    found: list[str] = []
    for part in str(value).translate(_IDS_SPLIT).split():
        start = part.find("<")
        end = part.find(">", start)
        if start >= 0 and end > start:
            found.append(part[start:end + 1])
    return tuple(found)


def parse_incoming(uid: str, headers: bytes, fallback_date: datetime | None = None) -> Incoming:
    """An Incoming from a message's raw header block (or the whole message)."""
    msg = message_from_bytes(headers, policy=policy.compat32)
    name, address = next(iter(getaddresses([str(msg.get("From", ""))])), ("", ""))
    moment: datetime | None
    try:
        moment = parsedate_to_datetime(str(msg.get("Date", ""))) if msg.get("Date") else None
    except (TypeError, ValueError, IndexError):
        moment = None
    if moment is not None and moment.tzinfo is None:
        moment = None
    from email.header import decode_header, make_header

    def text(field: str) -> str:
        raw = msg.get(field)
        if raw is None:
            return ""
        try:
            return str(make_header(decode_header(str(raw)))).strip()
        except (ValueError, LookupError, UnicodeError):
            return str(raw).strip()

    ids = message_ids(text("Message-ID"))
    return Incoming(
        uid=uid, message_id=ids[0] if ids else "", sender=address.strip().lower(),
        sender_name=str(make_header(decode_header(name))) if name else "",
        subject=text("Subject"), date=moment or fallback_date,
        in_reply_to=message_ids(text("In-Reply-To")),
        references=message_ids(text("References")),
    )


def connect(account: Account, password: Password) -> Transport:
    """The real transport for an account: IMAP for folders, SMTP for sending."""
    from followup.mail.servers import ServerTransport

    return ServerTransport(account, password)

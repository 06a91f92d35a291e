"""An in-memory mailbox and outgoing server: the Transport for unit tests and demos.

Folders are lists of raw messages; what was "sent" is kept in `outbox`. Failures can be
planted: `fail_next_send` raises once (after delivering, when the error says the message
may have gone out, like a connection lost while waiting for the server's answer), and
`files_sent` makes the fake provider file a copy in Sent itself, as Gmail does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from followup.errors import MailError
from followup.mail.transport import Folder, Incoming, parse_incoming

NAMES = {Folder.INBOX: "INBOX", Folder.DRAFTS: "Drafts", Folder.SENT: "Sent"}


@dataclass
class Envelope:
    sender: str
    recipients: tuple[str, ...]
    data: bytes


@dataclass
class MemoryTransport:
    """A Transport that keeps everything in lists; see module docstring."""

    files_sent: bool = False
    folders: dict[Folder, list[bytes]] = field(
        default_factory=lambda: {folder: [] for folder in Folder})
    outbox: list[Envelope] = field(default_factory=list)
    fail_next_send: MailError | None = None
    fail_imap: MailError | None = None
    appended_flags: list[tuple[Folder, bool]] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)

    def _imap(self, what: str) -> None:
        self.calls.append(what)
        if self.fail_imap is not None:
            raise self.fail_imap

    def append(self, folder: Folder, data: bytes, *, when: datetime, draft: bool) -> str:
        self._imap(f"append {folder.value}")
        self.folders[folder].append(data)
        self.appended_flags.append((folder, draft))
        return NAMES[folder]

    def contains(self, folder: Folder, message_id: str) -> bool:
        self._imap(f"contains {folder.value}")
        needle = f"Message-ID: {message_id}".encode().lower()
        return any(needle in data.lower() for data in self.folders[folder])

    def send(self, data: bytes, sender: str, recipients: Sequence[str]) -> None:
        self.calls.append("send")
        failure, self.fail_next_send = self.fail_next_send, None
        if failure is not None and not failure.maybe_sent:
            raise failure
        self.outbox.append(Envelope(sender, tuple(recipients), data))
        if self.files_sent:
            self.folders[Folder.SENT].append(data)
        if failure is not None:
            raise failure

    def incoming(self, since: date) -> list[Incoming]:
        self._imap("incoming")
        found = [parse_incoming(str(uid), data)
                 for uid, data in enumerate(self.folders[Folder.INBOX], start=1)]
        return [m for m in found if m.date is None or m.date.date() >= since]

    def probe(self) -> list[str]:
        self._imap("probe")
        return ["memory: ok"]

    def plant(self, data: bytes) -> None:
        """Deliver a message to the inbox (a reply arriving)."""
        self.folders[Folder.INBOX].append(data)

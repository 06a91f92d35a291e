"""The real Transport: IMAP for the folders, SMTP for sending, one connection per step.

TLS certificates are verified against the system's trust store (plus `mail.ca_file` when a
company server has its own CA); there is no switch to skip verification.
"""

from __future__ import annotations

import ssl
from collections.abc import Sequence
from datetime import date, datetime

from followup.errors import ConfigError
from followup.mail import imap, smtp
from followup.mail.account import Account, Password
from followup.mail.transport import Folder, Incoming


def tls_context(account: Account) -> ssl.SSLContext:
    """A verifying TLS client context (TLS 1.2 or later)."""
    context = ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    if account.ca_file:
        try:
            context.load_verify_locations(cafile=account.ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise ConfigError(f"mail.ca_file: cannot read {account.ca_file} as a PEM "
                              f"certificate ({exc})") from None
    return context


class ServerTransport:
    """Talks to the account's servers; see `followup.mail.transport.Transport`."""

    def __init__(self, account: Account, password: Password) -> None:
        self.account = account
        self._password = password
        self._context = tls_context(account)

    def __repr__(self) -> str:
        return f"ServerTransport({self.account.imap_host!r}, {self.account.smtp_host!r})"

    def append(self, folder: Folder, data: bytes, *, when: datetime, draft: bool) -> str:
        with imap.open_session(self.account, self._password, self._context) as session:
            return session.append(folder, data, when, draft)

    def contains(self, folder: Folder, message_id: str) -> bool:
        with imap.open_session(self.account, self._password, self._context) as session:
            return session.contains(folder, message_id)

    def send(self, data: bytes, sender: str, recipients: Sequence[str]) -> None:
        smtp.send(self.account, self._password, self._context, data, sender, recipients)

    def incoming(self, since: date) -> list[Incoming]:
        with imap.open_session(self.account, self._password, self._context) as session:
            return session.incoming(since)

    def probe(self) -> list[str]:
        return [imap.probe(self.account, self._password, self._context),
                smtp.probe(self.account, self._password, self._context)]

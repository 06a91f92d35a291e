"""IMAP: put a message in Drafts or Sent, look for a Message-ID, read the inbox's headers.

Folders are found by their special-use flag (RFC 6154: \\Drafts, \\Sent), else by the usual
names, unless the account names one. Reading is read-only (EXAMINE, BODY.PEEK): followup
never marks, moves or deletes mail. Every wait is bounded by the account's timeout.
"""

from __future__ import annotations

import base64
import contextlib
import imaplib
import re
import ssl
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from followup.errors import MailError
from followup.mail.failures import looks_full, network_failure, server_name, server_text
from followup.mail.transport import Folder, Incoming, parse_incoming

if TYPE_CHECKING:
    from followup.mail.account import Account, Password

FLAGS = {Folder.DRAFTS: "\\Drafts", Folder.SENT: "\\Sent"}
NAMES = {
    Folder.DRAFTS: ("drafts", "draft", "[gmail]/drafts", "inbox.drafts", "entwürfe",
                    "brouillons", "borradores"),
    Folder.SENT: ("sent", "sent items", "sent messages", "sent mail", "[gmail]/sent mail",
                  "inbox.sent", "gesendet", "gesendete elemente", "envoyés"),
}
HEADERS = "FROM DATE SUBJECT MESSAGE-ID IN-REPLY-TO REFERENCES"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_LIST = re.compile(rb'\((?P<flags>[^)]*)\) (?:"(?:[^"\\]|\\.)*"|NIL) (?P<name>.*)$')
_FETCH = re.compile(rb"UID (\d+)")
_INTERNALDATE = re.compile(rb'INTERNALDATE "([^"]+)"')


def decode_name(raw: str) -> str:
    """A mailbox name from IMAP's modified UTF-7 (RFC 3501 5.1.3) to text."""
    def piece(match: re.Match[str]) -> str:
        inner = match.group(1)
        if not inner:
            return "&"
        data = inner.replace(",", "/")
        data += "=" * (-len(data) % 4)
        return base64.b64decode(data).decode("utf-16-be")
    return re.sub(r"&([A-Za-z0-9+,]*)-", piece, raw)


def encode_name(name: str) -> str:
    """Text to IMAP's modified UTF-7, for a mailbox name given in the config."""
    out: list[str] = []
    pending = ""

    def flush() -> None:
        nonlocal pending
        if pending:
            data = base64.b64encode(pending.encode("utf-16-be")).decode().rstrip("=")
            out.append("&" + data.replace("/", ",") + "-")
            pending = ""
    for char in name:
        if 0x20 <= ord(char) <= 0x7E:
            flush()
            out.append("&-" if char == "&" else char)
        else:
            pending += char
    flush()
    return "".join(out)


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Session:
    """A logged-in IMAP connection for one account (use `open_session`)."""

    def __init__(self, conn: imaplib.IMAP4, account: Account) -> None:
        self.conn = conn
        self.account = account
        self.where = server_name("IMAP", account.imap_host, account.imap_port)
        self._folders: list[tuple[str, str]] | None = None

    def folders(self) -> list[tuple[str, str]]:
        """(flags, raw name) for every mailbox."""
        if self._folders is None:
            typ, data = self.conn.list('""', '"*"')
            self._check(typ, data, "list the folders")
            found: list[tuple[str, str]] = []
            for item in data or []:
                line, literal = (item[0], item[1]) if isinstance(item, tuple) else (item, None)
                if not isinstance(line, bytes):
                    continue
                match = _LIST.match(line)
                if match is None:
                    continue
                name = literal if literal is not None else match.group("name")
                text = name.decode("utf-8", "replace") if isinstance(name, bytes) else ""
                if literal is None and text.startswith('"'):
                    text = re.sub(r'\\(.)', r"\1", text[1:-1])
                found.append((match.group("flags").decode("ascii", "replace"), text))
            self._folders = found
        return self._folders

    def folder(self, role: Folder) -> str:
        """The raw (encoded) name of the folder with this role on this server."""
        if role is Folder.INBOX:
            return "INBOX"
        configured = (self.account.drafts_folder if role is Folder.DRAFTS
                      else self.account.sent_folder)
        if configured:
            return encode_name(configured)
        folders = self.folders()
        for flags, name in folders:
            if FLAGS[role].lower() in flags.lower().split():
                return name
        for wanted in NAMES[role]:
            for _, name in folders:
                if decode_name(name).lower() == wanted:
                    return name
        key = "mail.drafts_folder" if role is Folder.DRAFTS else "mail.sent_folder"
        raise MailError(f"{self.where} has no {role.value.title()} folder that followup can "
                        f"recognise; name it with `followup config set {key} NAME`")

    def _check(self, typ: str, data: Sequence[object] | None, what: str) -> None:
        if typ != "OK":
            text = server_text(data[0] if data and isinstance(data[0], bytes | str) else "")
            if looks_full(text):
                raise MailError(f"{self.where} refused to {what}: the mailbox is full ({text})")
            raise MailError(f"{self.where} refused to {what} ({typ} {text})")

    def append(self, role: Folder, data: bytes, when: datetime, draft: bool) -> str:
        name = self.folder(role)
        flags = "(\\Seen \\Draft)" if draft else "(\\Seen)"
        stamp = imaplib.Time2Internaldate(when)
        typ, reply = self.conn.append(quoted(name), flags, stamp, data)
        self._check(typ, reply, f"store the message in {decode_name(name)}")
        return decode_name(name)

    def examine(self, role: Folder) -> None:
        name = self.folder(role)
        typ, reply = self.conn.select(quoted(name), readonly=True)
        self._check(typ, reply, f"open {decode_name(name)}")

    def contains(self, role: Folder, message_id: str) -> bool:
        self.examine(role)
        typ, data = self.conn.uid("SEARCH", "HEADER", "Message-ID", quoted(message_id))
        self._check(typ, data, "search")
        return bool(data and isinstance(data[0], bytes) and data[0].split())

    def incoming(self, since: date) -> list[Incoming]:
        self.examine(Folder.INBOX)
        day = f"{since.day:02d}-{MONTHS[since.month - 1]}-{since.year}"
        typ, data = self.conn.uid("SEARCH", "SINCE", day)
        self._check(typ, data, "search the inbox")
        uids = data[0].split() if data and isinstance(data[0], bytes) else []
        found: list[Incoming] = []
        for start in range(0, len(uids), 200):
            batch = b",".join(uids[start:start + 200]).decode()
            typ, rows = self.conn.uid(
                "FETCH", batch, f"(UID INTERNALDATE BODY.PEEK[HEADER.FIELDS ({HEADERS})])")
            self._check(typ, rows, "read the inbox")
            for row in rows:
                if isinstance(row, tuple) and len(row) == 2:
                    found.append(_incoming(row[0], row[1]))
        return found


def _incoming(meta: bytes, headers: bytes) -> Incoming:
    uid = _FETCH.search(meta)
    stamp = _INTERNALDATE.search(meta)
    received = None
    if stamp is not None:
        with contextlib.suppress(ValueError):
            received = datetime.strptime(stamp.group(1).decode(), "%d-%b-%Y %H:%M:%S %z")
    return parse_incoming(uid.group(1).decode() if uid else "", headers, received)


def _text(exc: BaseException) -> str:
    """An imaplib error's server text (imaplib passes the server's bytes as the argument)."""
    arg = exc.args[0] if exc.args else ""
    return server_text(arg if isinstance(arg, bytes | str) else str(arg))


def _failure(exc: BaseException, account: Account) -> MailError:
    where = server_name("IMAP", account.imap_host, account.imap_port)
    if isinstance(exc, imaplib.IMAP4.abort):
        return MailError(f"{where} closed the connection unexpectedly ({_text(exc)})")
    if isinstance(exc, imaplib.IMAP4.error):
        text = _text(exc)
        if looks_full(text):
            return MailError(f"{where}: the mailbox is full ({text})")
        return MailError(f"{where} refused: {text}")
    return network_failure(exc, where, security=account.security, timeout=account.timeout,
                           setting="mail.imap_host/imap_port")


@contextlib.contextmanager
def open_session(account: Account, password: Password, context: ssl.SSLContext
                 ) -> Iterator[Session]:
    """A logged-in session (TLS unless security is none), logged out afterwards."""
    where = server_name("IMAP", account.imap_host, account.imap_port)
    try:
        if account.security == "ssl":
            conn: imaplib.IMAP4 = imaplib.IMAP4_SSL(
                account.imap_host, account.imap_port, ssl_context=context,
                timeout=account.timeout)
        else:
            conn = imaplib.IMAP4(account.imap_host, account.imap_port,
                                 timeout=account.timeout)
    except (OSError, imaplib.IMAP4.error) as exc:
        raise _failure(exc, account) from None
    try:
        try:
            if account.security == "starttls":
                if "STARTTLS" not in conn.capabilities:
                    raise MailError(f"{where} does not offer STARTTLS; followup will not "
                                    "send your password unencrypted (try security ssl, 993)")
                conn.starttls(ssl_context=context)
            try:
                conn.login(account.user, password.secret)
            except imaplib.IMAP4.abort:
                raise
            except imaplib.IMAP4.error as exc:
                raise MailError(f"{where} refused the login for {account.user}: wrong user "
                                f"name or password ({_text(exc)}); Gmail, "
                                "Outlook, iCloud and Fastmail need an app password") from None
            yield Session(conn, account)
        except (OSError, imaplib.IMAP4.error) as exc:
            raise _failure(exc, account) from None
    finally:
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            conn.logout()


def probe(account: Account, password: Password, context: ssl.SSLContext) -> str:
    """Log in, find Drafts and Sent; one line saying what was found."""
    with open_session(account, password, context) as session:
        drafts = decode_name(session.folder(Folder.DRAFTS))
        sent = decode_name(session.folder(Folder.SENT))
    security = {"ssl": "TLS", "starttls": "STARTTLS", "none": "no encryption"}[account.security]
    return (f"IMAP {account.imap_host}:{account.imap_port} ({security}): logged in as "
            f"{account.user}; Drafts folder {drafts!r}, Sent folder {sent!r}")

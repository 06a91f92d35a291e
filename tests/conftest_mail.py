"""Mail test fixtures: a store with the sample interview and its drafts, and real servers.

The servers are started once per session on free ports of 127.0.0.1: Dovecot (Debian's
dovecot-imapd, a Maildir and a password file in a temporary directory; every test gets a
user of its own, so an empty mailbox) and aiosmtpd (AUTH over plain text, STARTTLS and
implicit TLS with a self-signed certificate made by `openssl req`). Without Dovecot the
integration tests skip with the install hint, or fail when CI is set.

The sample (northwind.md) is a panel interview on Tue 2026-11-24 14:00 in Chicago: Dana
Whitfield (primary, with an email), Luis Ortega (email), Mei-Ling Zhou (LinkedIn only).
"""

from __future__ import annotations

import asyncio
import contextlib
import imaplib
import itertools
import os
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

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


# -- real servers for the integration tests ----------------------------------------------------

DOVECOT = "/usr/sbin/dovecot"
DOVECOT_HINT = "install Dovecot to run them: apt-get install dovecot-imapd"
# The recipe of /work/shared/testing/dovecot-test.conf.in, plus no delay after a failed login.
DOVECOT_CONF = """\
protocols = imap
first_valid_uid = 1
listen = 127.0.0.1
base_dir = @DIR@/run
state_dir = @DIR@/state
log_path = @DIR@/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_location = maildir:@DIR@/mail/%u
default_internal_user = dovecot
default_login_user = dovenull
default_internal_group = dovecot
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u @DIR@/passwd
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=@DIR@/mail/%u
}
service imap-login {
  inet_listener imap {
    port = @PORT@
  }
}
namespace inbox {
  inbox = yes
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
}
"""


def pytest_configure(config: pytest.Config) -> None:
    # The plain-text SMTP server (security none, this machine only) is meant to be lax.
    config.addinivalue_line(
        "filterwarnings", "ignore:Requiring AUTH while not requiring TLS:UserWarning")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for_port(port: int, what: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            sock.settimeout(1)
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
    pytest.fail(f"{what} did not start on port {port}\n{tail}")


@dataclass
class Dovecot:
    """A running Dovecot; each test gets its own user, hence its own empty mailbox."""

    port: int
    directory: Path
    users: dict[str, str]

    def add_users(self, users: list[tuple[str, str]]) -> None:
        self.users.update(users)
        lines = "".join(f"{u}:{{PLAIN}}{p}\n" for u, p in self.users.items())
        (self.directory / "passwd").write_text(lines, encoding="utf-8")

    def login(self, user: str) -> imaplib.IMAP4:
        conn = imaplib.IMAP4("127.0.0.1", self.port, timeout=10)
        conn.login(user, self.users[user])
        return conn

    def messages(self, user: str, folder: str) -> list[tuple[bytes, str]]:
        """Every message in a folder: its raw bytes and its flags."""
        conn = self.login(user)
        try:
            conn.select(folder, readonly=True)
            _, data = conn.uid("SEARCH", "ALL")
            found = []
            for uid in data[0].split():
                _, rows = conn.uid("FETCH", uid, "(FLAGS BODY.PEEK[])")
                meta, raw = rows[0]
                found.append((raw, meta.decode()))
            return found
        finally:
            conn.logout()

    def plant(self, user: str, data: bytes, folder: str = "INBOX") -> None:
        conn = self.login(user)
        try:
            conn.append(folder, "", imaplib.Time2Internaldate(time.time()), data)
        finally:
            conn.logout()


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    if not Path(DOVECOT).exists():
        message = f"Dovecot ({DOVECOT}) not found; {DOVECOT_HINT}"
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the mail tests: {message}", pytrace=False)
        pytest.skip(message)
    directory = Path(tempfile.mkdtemp(prefix="followup-dovecot-"))
    directory.chmod(0o755)
    for sub in ("run", "state", "mail"):
        (directory / sub).mkdir()
    shutil.chown(directory / "mail", "dovecot", "dovecot")
    port = free_port()
    conf = directory / "dovecot.conf"
    conf.write_text(DOVECOT_CONF.replace("@DIR@", str(directory)).replace("@PORT@", str(port)),
                    encoding="utf-8")
    server = Dovecot(port, directory, {})
    # Every user is in the password file before the server starts (one per test, each with
    # an empty mailbox of its own): no reliance on Dovecot noticing a changed file.
    server.add_users([(f"user{n}@example.net", f"pw-{n}") for n in range(1, USERS + 1)])
    # Dovecot daemonizes; its output goes to a file, since a pipe would stay open with it.
    with open(directory / "start.log", "wb") as out:
        subprocess.run([DOVECOT, "-c", str(conf)], check=True, stdout=out,
                       stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, timeout=60)
    try:
        _wait_for_port(port, "Dovecot", directory / "dovecot.log")
        yield server
    finally:
        pid_file = directory / "run" / "master.pid"
        with contextlib.suppress(OSError, ValueError):
            os.kill(int(pid_file.read_text().strip()), signal.SIGTERM)
        shutil.rmtree(directory, ignore_errors=True)


@dataclass
class Received:
    sender: str
    recipients: list[str]
    data: bytes


@dataclass
class Handler:
    """The SMTP server's behaviour: keep what arrives; optionally act like a provider that
    files sent mail itself, stall before answering, or refuse the message."""

    received: list[Received] = field(default_factory=list)
    file_in_sent: Callable[[bytes], None] | None = None
    stall: float = 0.0
    refuse: str | None = None

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse:
            return self.refuse
        data = bytes(envelope.original_content)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), data))
        if self.file_in_sent is not None:
            self.file_in_sent(data)
        if self.stall:
            await asyncio.sleep(self.stall)
        return "250 OK"

    def reset(self) -> None:
        self.received.clear()
        self.file_in_sent = None
        self.stall = 0.0
        self.refuse = None


@dataclass
class SmtpServers:
    handler: Handler
    plain_port: int  # AUTH over plain text (security none, this machine only)
    starttls_port: int  # STARTTLS required, then AUTH
    ssl_port: int  # implicit TLS
    cert: Path


@pytest.fixture(scope="session")
def tls_cert(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost."""
    directory = tmp_path_factory.mktemp("tls")
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
         "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, capture_output=True, timeout=60)
    return cert, key


@pytest.fixture(scope="session")
def smtp_servers(dovecot: Dovecot, tls_cert: tuple[Path, Path]) -> Iterator[SmtpServers]:
    """aiosmtpd servers (plain+AUTH, STARTTLS+AUTH, implicit TLS+AUTH) checking logins
    against the Dovecot users, so one password works for both, as at a provider."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str,
                     auth_data: Any) -> AuthResult:
        if isinstance(auth_data, LoginPassword):
            user = auth_data.login.decode()
            if dovecot.users.get(user) == auth_data.password.decode():
                return AuthResult(success=True)
        return AuthResult(success=False, handled=False)

    cert, key = tls_cert
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(cert), str(key))
    handler = Handler()
    common: dict[str, Any] = {"authenticator": authenticate, "auth_required": True}
    ports = [free_port() for _ in range(3)]
    controllers = [
        Controller(handler, hostname="127.0.0.1", port=ports[0], auth_require_tls=False,
                   **common),
        Controller(handler, hostname="127.0.0.1", port=ports[1], tls_context=context,
                   require_starttls=True, **common),
        # aiosmtpd does not count implicit TLS as TLS for AUTH; it is, so allow AUTH.
        Controller(handler, hostname="127.0.0.1", port=ports[2], ssl_context=context,
                   server_hostname="127.0.0.1", auth_require_tls=False, **common),
    ]
    started = []
    try:
        for controller in controllers:
            controller.start()
            started.append(controller)
        yield SmtpServers(handler, ports[0], ports[1], ports[2], cert)
    finally:
        for controller in started:
            controller.stop()


@dataclass
class MailEnv:
    """One test's mailbox on the real servers, and an account that reaches it."""

    dovecot: Dovecot
    smtp: SmtpServers
    user: str
    password: str

    @property
    def handler(self) -> Handler:
        return self.smtp.handler

    def account(self, **changes: object) -> Account:
        fields: dict[str, object] = {
            "address": "priya.raman@example.com", "user": self.user,
            "imap_host": "127.0.0.1", "imap_port": self.dovecot.port,
            "smtp_host": "127.0.0.1", "smtp_port": self.smtp.plain_port,
            "security": "none", "timeout": 10,
        }
        fields.update(changes)
        return Account(**fields)  # type: ignore[arg-type]

    def folder(self, name: str) -> list[tuple[bytes, str]]:
        return self.dovecot.messages(self.user, name)

    def plant(self, data: bytes, folder: str = "INBOX") -> None:
        self.dovecot.plant(self.user, data, folder)


_users = itertools.count(1)
USERS = 500


@pytest.fixture
def mail_env(dovecot: Dovecot, smtp_servers: SmtpServers) -> Iterator[MailEnv]:
    number = next(_users)
    assert number <= USERS, "raise USERS in conftest_mail.py"
    user, password = f"user{number}@example.net", f"pw-{number}"
    smtp_servers.handler.reset()
    yield MailEnv(dovecot, smtp_servers, user, password)
    smtp_servers.handler.reset()


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections (the kernel's backlog) and never says a word."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield int(sock.getsockname()[1])

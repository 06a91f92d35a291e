"""Against real servers: Dovecot (IMAP) and aiosmtpd (SMTP with AUTH, STARTTLS, TLS).

Staging lands in Drafts with the right bytes; sending delivers and lands in Sent; a planted
reply is found by In-Reply-To and by sender, read-only; an interrupted send is not repeated;
every failure gives one clear message and leaves the draft as it was.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from conftest_mail import MORNING, MailEnv, Sample, parse, reply_bytes, sample_store
from followup.errors import InputError, MailError
from followup.mail import service
from followup.mail.account import Password
from followup.mail.transport import connect
from followup.model import DraftStatus, EventKind


@pytest.fixture
def sample(tmp_path: Path) -> Iterator[Sample]:
    made = sample_store(tmp_path)
    yield made
    made.store.close()


def transport(env: MailEnv, **changes: object):  # type: ignore[no-untyped-def]
    return connect(env.account(**changes), Password(env.password, "test"))


def test_probe_finds_drafts_and_sent_by_their_special_use_flags(mail_env: MailEnv) -> None:
    lines = transport(mail_env).probe()
    assert "Drafts folder 'Drafts', Sent folder 'Sent'" in lines[0]
    assert lines[1].startswith("SMTP 127.0.0.1:") and "logged in" in lines[1]


def test_staging_lands_in_drafts_with_the_same_bytes(mail_env: MailEnv, sample: Sample) -> None:
    draft_id = sample.dana.id or 0
    staged = service.stage(sample.store, draft_id, mail_env.account(), transport(mail_env),
                           now=MORNING)
    [(raw, flags)] = mail_env.folder("Drafts")
    assert raw == service.eml_bytes(sample.store, draft_id, now=MORNING,
                                    account=mail_env.account())
    assert "\\Draft" in flags and "\\Seen" in flags
    assert parse(raw)["Message-ID"] == staged.message_id
    assert sample.store.get_draft(draft_id).status is DraftStatus.STAGED
    assert mail_env.handler.received == []  # staging sends nothing


def test_sending_over_starttls_delivers_and_files_a_copy_in_sent(
        mail_env: MailEnv, sample: Sample) -> None:
    account = mail_env.account(smtp_port=mail_env.smtp.starttls_port, smtp_security="starttls",
                               ca_file=str(mail_env.smtp.cert))
    draft_id = sample.dana.id or 0
    sent = service.send(sample.store, draft_id, account, transport(
        mail_env, smtp_port=mail_env.smtp.starttls_port, smtp_security="starttls",
        ca_file=str(mail_env.smtp.cert)), now=MORNING)
    [got] = mail_env.handler.received
    assert got.sender == "priya.raman@example.com"
    assert got.recipients == ["dana.whitfield@northwind.example"]
    assert got.data == service.eml_bytes(sample.store, draft_id, now=MORNING, account=account)
    [(raw, _)] = mail_env.folder("Sent")
    assert raw == got.data and sent.filed_in == "Sent"
    assert sample.store.get_draft(draft_id).status is DraftStatus.SENT


def test_sending_over_implicit_tls(mail_env: MailEnv, sample: Sample) -> None:
    changes: dict[str, object] = {"smtp_port": mail_env.smtp.ssl_port, "smtp_security": "ssl",
                                  "ca_file": str(mail_env.smtp.cert)}
    service.send(sample.store, sample.luis.id or 0, mail_env.account(**changes),
                 transport(mail_env, **changes), now=MORNING)
    assert [r.recipients for r in mail_env.handler.received] == [
        ["luis.ortega@northwind.example"]]


def test_replies_are_found_by_in_reply_to_and_by_sender_without_touching_the_inbox(
        mail_env: MailEnv, sample: Sample) -> None:
    account = mail_env.account()
    sent = service.send(sample.store, sample.dana.id or 0, account, transport(mail_env),
                        now=MORNING)
    service.send(sample.store, sample.luis.id or 0, account, transport(mail_env), now=MORNING)
    mail_env.plant(reply_bytes(sender="Dana Whitfield <dana.whitfield@northwind.example>",
                               date="Thu, 26 Nov 2026 10:00:00 -0500",
                               in_reply_to=sent.message_id))
    mail_env.plant(reply_bytes(sender="Luis Ortega <luis.ortega@northwind.example>",
                               subject="Great talking", date="Thu, 26 Nov 2026 11:00:00 -0600",
                               message_id="<luis-1@northwind.example>"))
    now = MORNING + timedelta(days=2)
    found = service.scan_replies(sample.store, account, None, now, transport=transport(mail_env))
    assert [(r.interviewer, r.matched_by, r.new) for r in found] == [
        ("Dana Whitfield", "in-reply-to", True), ("Luis Ortega", "sender", True)]
    again = service.scan_replies(sample.store, account, None, now, transport=transport(mail_env))
    assert [r.new for r in again] == [False, False]
    replied = [e for e in sample.store.list_events() if e.kind is EventKind.REPLIED]
    assert len(replied) == 2
    inbox = mail_env.folder("INBOX")
    assert len(inbox) == 2 and all("\\Seen" not in flags for _, flags in inbox)


def test_an_interrupted_send_is_found_in_sent_and_not_repeated(
        mail_env: MailEnv, sample: Sample) -> None:
    # A provider that files sent mail itself (as Gmail does) takes the message, then the
    # connection breaks before its answer arrives.
    account = mail_env.account(timeout=1, copy_to_sent="no")
    mail_env.handler.file_in_sent = lambda data: mail_env.plant(data, "Sent")
    mail_env.handler.stall = 3
    draft_id = sample.dana.id or 0
    with pytest.raises(MailError, match="may have gone out") as caught:
        service.send(sample.store, draft_id, account, transport(mail_env, timeout=1),
                     now=MORNING)
    assert caught.value.maybe_sent and "did not answer within 1 s" in str(caught.value)
    assert sample.store.get_draft(draft_id).status is DraftStatus.DRAFT
    mail_env.handler.stall = 0
    result = service.send(sample.store, draft_id, account, transport(mail_env),
                          now=MORNING + timedelta(minutes=2))
    assert result.already
    assert len(mail_env.handler.received) == 1 and len(mail_env.folder("Sent")) == 1
    assert sample.store.get_draft(draft_id).status is DraftStatus.SENT


def _unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize("case", ["smtp-dead", "imap-dead", "smtp-password", "imap-password",
                                  "smtp-tls", "imap-tls", "untrusted", "smtp-silent",
                                  "imap-silent", "mailbox-full"])
def test_every_failure_is_one_clear_message_and_the_draft_keeps_its_state(
        mail_env: MailEnv, sample: Sample, silent_port: int, case: str) -> None:
    dead = _unused_port()
    changes: dict[str, object] = {
        "smtp-dead": {"smtp_port": dead}, "imap-dead": {"imap_port": dead},
        "smtp-password": {}, "imap-password": {},
        "smtp-tls": {"smtp_security": "ssl"}, "imap-tls": {"security": "ssl"},
        "untrusted": {"smtp_port": mail_env.smtp.starttls_port, "smtp_security": "starttls"},
        "smtp-silent": {"smtp_port": silent_port, "timeout": 1},
        "imap-silent": {"imap_port": silent_port, "timeout": 1},
        "mailbox-full": {},
    }[case]  # type: ignore[assignment]
    expected = {
        "smtp-dead": f"cannot connect to the SMTP server 127.0.0.1:{dead}: connection refused",
        "imap-dead": f"cannot connect to the IMAP server 127.0.0.1:{dead}: connection refused",
        "smtp-password": "refused the login for",
        "imap-password": "refused the login for",
        "smtp-tls": "TLS failed with the SMTP server",
        "imap-tls": "TLS failed with the IMAP server",
        "untrusted": "certificate is not trusted",
        "smtp-silent": "did not answer within 1 s",
        "imap-silent": "did not answer within 1 s",
        "mailbox-full": "mailbox full",
    }[case]
    account = mail_env.account(**changes)
    password = Password("wrong" if case.endswith("password") else mail_env.password, "test")
    if case == "mailbox-full":
        mail_env.handler.refuse = "552 5.2.2 Mailbox full"
    draft_id = sample.dana.id or 0
    before = sample.store.get_draft(draft_id)
    action = service.stage if case.startswith("imap") else service.send
    with pytest.raises(MailError) as caught:
        action(sample.store, draft_id, account, connect(account, password), now=MORNING)
    message = str(caught.value)
    assert expected in message and "\n" not in message
    assert not caught.value.maybe_sent
    assert sample.store.get_draft(draft_id) == before
    assert sample.store.list_events() == []
    assert mail_env.handler.received == []


def test_header_injection_is_refused_before_any_connection(
        mail_env: MailEnv, sample: Sample) -> None:
    from dataclasses import replace

    evil = sample.store.save_draft(replace(sample.dana, subject="Hi\r\nBcc: all@example.com"))
    with pytest.raises(InputError, match="subject: contains a line break"):
        service.send(sample.store, evil.id or 0, mail_env.account(), transport(mail_env),
                     now=MORNING, force=True)
    assert mail_env.handler.received == [] and mail_env.folder("Sent") == []

"""Sending over SMTP with implicit TLS (465) or STARTTLS (587), with bounded waits.

The envelope is handed over step by step (MAIL, RCPT, DATA) so a failure is known to be
before the message (nothing sent: the draft keeps its state) or during it (maybe sent:
`MailError.maybe_sent`, and the next `followup send` looks in Sent first).
"""

from __future__ import annotations

import contextlib
import smtplib
import ssl
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from followup.errors import MailError
from followup.mail.failures import looks_full, network_failure, server_name, server_text

if TYPE_CHECKING:
    from followup.mail.account import Account, Password


def _where(account: Account) -> str:
    return server_name("SMTP", account.smtp_host, account.smtp_port)


def _refusal(exc: smtplib.SMTPException, account: Account) -> MailError:
    where = _where(account)
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return MailError(f"{where} refused the login for {account.user}: wrong user name or "
                         f"password ({exc.smtp_code} {server_text(exc.smtp_error)}); Gmail, "
                         "Outlook, iCloud and Fastmail need an app password")
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return MailError(f"{where} does not support what followup asked: {exc}")
    if isinstance(exc, smtplib.SMTPResponseException):
        text = server_text(exc.smtp_error)
        if looks_full(text) or exc.smtp_code in (452, 552):
            return MailError(f"{where} refused the message: mailbox full or message too "
                             f"large ({exc.smtp_code} {text})")
        return MailError(f"{where} refused the message ({exc.smtp_code} {text})")
    return MailError(f"{where} failed: {exc}")


def _failure(exc: BaseException, account: Account, *, maybe_sent: bool = False) -> MailError:
    where = _where(account)
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        # smtplib reports a timeout while reading a reply as a disconnection.
        if "timed out" in str(exc):
            return MailError(f"{where} did not answer within {account.timeout} s (timed "
                             "out); is it up, and is the port right?", maybe_sent=maybe_sent)
        if maybe_sent:
            return MailError(f"{where} closed the connection while taking the message",
                             maybe_sent=True)
        return MailError(f"{where} closed the connection unexpectedly")
    if isinstance(exc, smtplib.SMTPException):
        return _refusal(exc, account)
    return network_failure(exc, where, security=account.smtp_mode, timeout=account.timeout,
                           setting="mail.smtp_host/smtp_port", maybe_sent=maybe_sent)


@contextlib.contextmanager
def session(account: Account, password: Password, context: ssl.SSLContext
            ) -> Iterator[smtplib.SMTP]:
    """A logged-in SMTP connection (TLS unless security is none), closed afterwards."""
    mode = account.smtp_mode
    try:
        if mode == "ssl":
            conn: smtplib.SMTP = smtplib.SMTP_SSL(account.smtp_host, account.smtp_port,
                                                  timeout=account.timeout, context=context)
        else:
            conn = smtplib.SMTP(account.smtp_host, account.smtp_port, timeout=account.timeout)
    except (OSError, smtplib.SMTPException) as exc:
        raise _failure(exc, account) from None
    try:
        try:
            conn.ehlo()
            if mode == "starttls":
                if not conn.has_extn("starttls"):
                    raise MailError(f"{_where(account)} does not offer STARTTLS; followup "
                                    "will not send your password unencrypted (try "
                                    "security ssl on port 465)")
                conn.starttls(context=context)
                conn.ehlo()
            if conn.has_extn("auth"):
                conn.login(account.user, password.secret)
        except (OSError, smtplib.SMTPException) as exc:
            raise _failure(exc, account) from None
        yield conn
    finally:
        with contextlib.suppress(OSError, smtplib.SMTPException):
            conn.quit()
        conn.close()


def send(account: Account, password: Password, context: ssl.SSLContext, data: bytes,
         sender: str, recipients: Sequence[str]) -> None:
    """Hand one message to the server; see the module docstring for what failures mean."""
    with session(account, password, context) as conn:
        try:
            code, reply = conn.mail(sender)
            if code != 250:
                raise smtplib.SMTPSenderRefused(code, reply, sender)
            for recipient in recipients:
                code, reply = conn.rcpt(recipient)
                if code not in (250, 251):
                    raise MailError(f"{_where(account)} refused the recipient {recipient} "
                                    f"({code} {server_text(reply)})")
        except (OSError, smtplib.SMTPException) as exc:
            raise _failure(exc, account) from None
        try:
            code, reply = conn.data(data)
            if code != 250:  # smtplib returns the final answer rather than raising
                raise smtplib.SMTPDataError(code, reply)
        except smtplib.SMTPDataError as exc:
            raise _refusal(exc, account) from None  # the server said no: nothing was sent
        except (OSError, smtplib.SMTPException) as exc:
            raise _failure(exc, account, maybe_sent=True) from None


def probe(account: Account, password: Password, context: ssl.SSLContext) -> str:
    """Log in and log out; one line saying what worked."""
    with session(account, password, context) as conn:
        auth = "logged in" if conn.has_extn("auth") else "no login needed"
    security = {"ssl": "TLS", "starttls": "STARTTLS", "none": "no encryption"}[
        account.smtp_mode]
    return f"SMTP {account.smtp_host}:{account.smtp_port} ({security}): {auth} as {account.user}"

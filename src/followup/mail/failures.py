"""Network and TLS failures of either server, turned into one clear MailError line.

Shared by `smtp` and `imap`: a refused connection, an unknown host, a timeout, an untrusted
certificate or a TLS handshake on the wrong port each get a message that says what happened
and what to check. Protocol-specific refusals (a wrong password, a full mailbox) are mapped
by each protocol module before falling through to this.
"""

from __future__ import annotations

import socket
import ssl

from followup.errors import MailError


def server_name(protocol: str, host: str, port: int) -> str:
    return f"the {protocol} server {host}:{port}"


def network_failure(exc: BaseException, where: str, *, security: str, timeout: int,
                    setting: str, maybe_sent: bool = False) -> MailError:
    """A MailError for an OSError-like failure talking to `where`."""
    if isinstance(exc, ssl.SSLCertVerificationError):
        reason = exc.verify_message or exc.reason or "verification failed"
        return MailError(f"TLS failed with {where}: its certificate is not trusted "
                         f"({reason}); for a server with its own CA set mail.ca_file")
    if isinstance(exc, ssl.SSLError):
        reason = exc.reason or str(exc)
        return MailError(f"TLS failed with {where} ({reason}): is the port right for "
                         f"security={security}? Usually 993/465 are ssl, 143/587 starttls")
    if isinstance(exc, TimeoutError | socket.timeout):
        return MailError(f"{where} did not answer within {timeout} s (timed out); is it "
                         f"up, and is the port right?", maybe_sent=maybe_sent)
    if isinstance(exc, ConnectionRefusedError):
        return MailError(f"cannot connect to {where}: connection refused; is the server "
                         f"running and is {setting} right?")
    if isinstance(exc, socket.gaierror):
        return MailError(f"cannot find {where}: unknown host name; check {setting}")
    if isinstance(exc, ConnectionError | EOFError):
        return MailError(f"{where} closed the connection unexpectedly", maybe_sent=maybe_sent)
    if isinstance(exc, OSError):
        detail = exc.strerror or str(exc) or type(exc).__name__
        return MailError(f"cannot talk to {where}: {detail}", maybe_sent=maybe_sent)
    return MailError(f"{where} failed: {exc}", maybe_sent=maybe_sent)


def server_text(raw: bytes | str | None) -> str:
    """A server's reply as one short line (never more than 200 characters)."""
    if raw is None:
        return ""
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    text = " ".join(text.split())
    return text if len(text) <= 200 else text[:197] + "..."


def looks_full(text: str) -> bool:
    """Whether a refusal says the mailbox or quota is full."""
    lowered = text.lower()
    return any(word in lowered for word in ("overquota", "quota", "mailbox full",
                                            "mailbox is full", "5.2.2", "insufficient"))

"""A draft as an Internet message: one builder for staging, sending and `.eml` export.

    msg = build_message(draft, interview, interviewer, me, now=now)
    data = message_bytes(msg)            # CRLF line ends, 7-bit clean: what every path uses

The message is plain UTF-8 text (quoted-printable when not ASCII) in `format=flowed`, so
long paragraphs are wrapped at 72 columns for old clients and re-flowed by modern ones.
Non-ASCII names and subjects are RFC 2047 encoded. The Message-ID carries the moment it was
made (`<followup.20240503T091500Z.1a2b3c4d5e6f@example.com>`) and the Date header is read
back from it, so a draft with a stored Message-ID always yields the same bytes: the copy in
Drafts, the message sent and a later `.eml` export are identical.
"""

from __future__ import annotations

import re
import secrets
from datetime import UTC, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from urllib.parse import quote

from followup.errors import InputError
from followup.mail.headers import check_address, check_header_text, domain_of
from followup.model import Draft, Interview, Interviewer, Me, Medium

WIDTH = 72  # where format=flowed breaks a long line
# SMTP's policy (CRLF, 78-column header folding) with RFC 2047 words for non-ASCII headers.
POLICY = policy.SMTP.clone(cte_type="7bit")
_ID = re.compile(r"<followup\.(\d{8}T\d{6}Z)\.[0-9a-f]+@[^>]+>")


def new_message_id(sender_address: str, now: datetime) -> str:
    """A unique Message-ID in the sender's domain that records when it was made."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"<followup.{stamp}.{secrets.token_hex(6)}@{domain_of(sender_address)}>"


def message_moment(message_id: str) -> datetime | None:
    """When a Message-ID made by `new_message_id` was made (None for other ids)."""
    found = _ID.fullmatch(message_id)
    if found is None:
        return None
    return datetime.strptime(found.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


def flowed(text: str, width: int = WIDTH) -> str:
    """Plain text as RFC 3676 format=flowed: long lines broken at spaces with a trailing
    space (a soft break), hard lines kept, lines space-stuffed where a reader would
    misread them as quotes."""
    out: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw if raw == "-- " else raw.rstrip(" ")
        pieces = _break(line, width) if len(line) > width and line != "-- " else [line]
        for piece in pieces:
            if piece.startswith((" ", ">", "From ")):
                piece = " " + piece
            out.append(piece)
    return "\n".join(out)


def _break(line: str, width: int) -> list[str]:
    words = line.split(" ")
    pieces: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            pieces.append(current + " ")  # trailing space: a soft line break
            current = word
        else:
            current = f"{current} {word}" if current else word
    pieces.append(current)
    return pieces


def _address(field: str, name: str, email: str) -> Address:
    check_header_text(f"{field} name", name)
    check_address(f"{field} address", email)
    local, _, domain = email.partition("@")
    return Address(display_name=name.strip(), username=local, domain=domain)


def check_mailable(draft: Draft, interviewer: Interviewer | None) -> Interviewer:
    """The recipient of an email draft; InputError for another medium or no address."""
    if draft.medium is not Medium.EMAIL:
        raise InputError(f"draft #{draft.id} is a {draft.medium.value}, not an email; copy it "
                         "into LinkedIn or onto the card yourself")
    if interviewer is None:
        raise InputError(f"draft #{draft.id} names no interviewer to send it to")
    if not interviewer.email.strip():
        raise InputError(f"{interviewer.name} has no email address on record; add one with "
                         f"`followup edit {draft.interview_id}`")
    if not draft.subject.strip():
        raise InputError(f"draft #{draft.id} has no subject; add one with "
                         f"`followup draft-edit {draft.id}`")
    return interviewer


def build_message(
    draft: Draft, interview: Interview, interviewer: Interviewer | None, me: Me, *,
    now: datetime,
) -> EmailMessage:
    """The draft as a message from `me` to the interviewer.

    Uses the draft's stored Message-ID (and the Date it records) when it has one, else a
    new one made at `now`. Raises InputError for header injection, a bad address, a draft
    that is not an email or lacks a recipient or subject.
    """
    person = check_mailable(draft, interviewer)
    if not me.email:
        raise InputError("no sender address: set it with `followup mail setup` or "
                         "`followup config set me.email you@example.com`")
    sender = _address("From", me.name, me.email)
    recipient = _address("To", person.name, person.email.strip())
    subject = check_header_text("subject", draft.subject.strip())
    if "\x00" in draft.body:
        raise InputError(f"draft #{draft.id}: the body contains a NUL character")
    message_id = draft.message_id or new_message_id(me.email, now)
    check_header_text("Message-ID", message_id)
    moment = message_moment(message_id) or now

    msg = EmailMessage(policy=POLICY)
    msg["From"] = sender
    msg["To"] = recipient
    msg["Subject"] = subject
    msg["Date"] = format_datetime(moment.astimezone(UTC))
    msg["Message-ID"] = message_id
    body = flowed(draft.body.strip("\n") + "\n")
    cte = "7bit" if body.isascii() else "quoted-printable"
    msg.set_content(body, subtype="plain", charset="utf-8", cte=cte,
                    params={"format": "flowed"})
    return msg


def message_bytes(msg: EmailMessage) -> bytes:
    """The message as sent: CRLF line ends, headers folded and encoded by the SMTP policy."""
    return msg.as_bytes(policy=POLICY)


def mailto_link(draft: Draft, interviewer: Interviewer | None) -> str:
    """A `mailto:` link (RFC 6068) that opens the note in the user's own mail program."""
    person = check_mailable(draft, interviewer)
    address = check_address("To address", person.email.strip())
    subject = check_header_text("subject", draft.subject.strip())
    body = draft.body.strip("\n").replace("\r\n", "\n").replace("\n", "\r\n")
    return (f"mailto:{quote(address, safe='@')}?subject={quote(subject, safe='')}"
            f"&body={quote(body, safe='')}")

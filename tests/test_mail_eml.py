"""The message builder: correct MIME, RFC 2047 names, stable bytes, no header injection."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from followup.errors import InputError
from followup.mail.eml import (
    build_message,
    flowed,
    mailto_link,
    message_bytes,
    message_moment,
    new_message_id,
)
from followup.mail.headers import check_address
from followup.model import Draft, Interview, Interviewer, Me, Medium, Stage

NOW = datetime(2026, 11, 25, 14, 30, tzinfo=UTC)
ME = Me("Zoë Núñez", "zoe@example.org")
PERSON = Interviewer(name="Dana Whitfield", email="dana@northwind.example", id=7)
INTERVIEW = Interview(company="Northwind", role="Data Engineer",
                      starts_at=datetime(2026, 11, 24, 20, 0, tzinfo=UTC), timezone="UTC",
                      interviewers=(PERSON,), id=1)
BODY = ("Dear Dana,\n\nThank you for the conversation about moving the nightly batch jobs to "
        "streaming with Kafka; it was the most interesting part of my afternoon and I keep "
        "thinking about it.\n\nBest regards,\nZoë")


def draft(**changes: object) -> Draft:
    fields: dict[str, object] = {
        "interview_id": 1, "interviewer_id": 7, "stage": Stage.THANK_YOU,
        "medium": Medium.EMAIL, "subject": "Thank you — Data Engineer interview",
        "body": BODY, "id": 3,
    }
    fields.update(changes)
    return Draft(**fields)  # type: ignore[arg-type]


def build(d: Draft | None = None, person: Interviewer | None = PERSON, me: Me = ME) -> bytes:
    return message_bytes(build_message(d or draft(), INTERVIEW, person, me, now=NOW))


def test_headers_are_encoded_and_the_body_decodes_back() -> None:
    from email import message_from_bytes, policy

    data = build()
    assert data.isascii()  # RFC 2047 headers, quoted-printable body: 7-bit clean
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    head = data.split(b"\r\n\r\n", 1)[0].decode()
    assert "=?utf-8?" in head  # Zoë Núñez and the dash in the subject, encoded
    msg = message_from_bytes(data, policy=policy.default)
    assert str(msg["From"]) == "Zoë Núñez <zoe@example.org>"
    assert str(msg["To"]) == "Dana Whitfield <dana@northwind.example>"
    assert str(msg["Subject"]) == "Thank you — Data Engineer interview"
    assert msg["Message-ID"].endswith("@example.org>")  # the sender's domain
    assert msg["Date"] == "Wed, 25 Nov 2026 14:30:00 +0000"
    assert msg.get_content_type() == "text/plain"
    assert msg.get_param("charset") == "utf-8" and msg.get_param("format") == "flowed"
    text = msg.get_content().replace("\r\n", "\n")
    assert all(len(line) <= 73 for line in text.splitlines())  # 72 + the soft-break space
    # Re-flowing the soft breaks gives back the note as written.
    assert text.replace(" \n", " ").rstrip("\n") == BODY


def test_a_stored_message_id_gives_the_same_bytes_at_any_later_moment() -> None:
    made = new_message_id("zoe@example.org", NOW)
    assert message_moment(made) == NOW
    once = build(draft(message_id=made))
    later = message_bytes(build_message(draft(message_id=made), INTERVIEW, PERSON, ME,
                                        now=datetime(2027, 1, 1, tzinfo=UTC)))
    assert once == later


def test_new_message_ids_are_unique() -> None:
    assert len({new_message_id("a@b.example", NOW) for _ in range(50)}) == 50


@pytest.mark.parametrize("field, value", [
    ("subject", "Thank you\r\nBcc: victim@example.com"),
    ("subject", "Thanks\nX-Evil: 1"),
    ("subject", "Thanks\u2028more"),
    ("subject", "tab\there"),
])
def test_line_breaks_and_control_characters_in_the_subject_are_refused(field: str,
                                                                        value: str) -> None:
    with pytest.raises(InputError, match="subject: contains"):
        build(draft(subject=value))


def test_an_injected_name_is_refused() -> None:
    evil = replace(PERSON, name="Dana\r\nBcc: everyone@example.com")
    with pytest.raises(InputError, match="To name: contains a line break"):
        build(person=evil)
    with pytest.raises(InputError, match="From name"):
        build(me=Me("Zoë\nBcc: x@y.example", "zoe@example.org"))


@pytest.mark.parametrize("address", [
    "dana", "dana@", "@northwind.example", "dana@@northwind.example", "da na@x.example",
    "dana@northwind", "dana@x.example>, evil@y.example", "dana@x.example\r\nBcc: e@y.example",
    "dänä@x.example",
])
def test_bad_addresses_are_refused(address: str) -> None:
    with pytest.raises(InputError):
        build(person=replace(PERSON, email=address))


def test_good_addresses_pass() -> None:
    for address in ("dana@northwind.example", "d.o'brien+jobs@sub.example.co.uk"):
        assert check_address("to", address) == address


def test_only_email_drafts_with_a_recipient_and_subject_can_be_mailed() -> None:
    with pytest.raises(InputError, match="linkedin-note, not an email"):
        build(draft(medium=Medium.LINKEDIN_NOTE))
    with pytest.raises(InputError, match="no email address"):
        build(person=replace(PERSON, email=""))
    with pytest.raises(InputError, match="no subject"):
        build(draft(subject=" "))
    with pytest.raises(InputError, match="no sender address"):
        build(me=Me("Zoë"))


def test_flowed_wraps_long_lines_and_stuffs_quote_like_lines() -> None:
    text = flowed("x " * 60 + "\n> not a quote\nFrom here\n-- \nsig")
    lines = text.split("\n")
    assert lines[0].endswith(" ") and len(lines[0]) <= 73
    assert " > not a quote" in lines and " From here" in lines and "-- " in lines


def test_mailto_link_encodes_subject_and_body() -> None:
    link = mailto_link(draft(), PERSON)
    assert link.startswith("mailto:dana@northwind.example?subject=Thank%20you%20%E2%80%94")
    assert "%0D%0A%0D%0AThank%20you" in link and "\n" not in link

"""Guards for what goes into a mail header: no injected lines, no malformed addresses.

A name, subject or address with a line break could add headers of its own (a Bcc to a
stranger); these checks refuse such values with a message that names the field, before any
message is built.
"""

from __future__ import annotations

import re
import unicodedata

from followup.errors import InputError

# RFC 5321/5322 dot-atom local part and a host name of letters, digits and hyphens.
_LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_ADDRESS = re.compile(rf"{_LOCAL}@{_LABEL}(?:\.{_LABEL})+")
_LINE_BREAKS = {"\u2028", "\u2029"}


def _bad_char(value: str) -> str | None:
    for char in value:
        if unicodedata.category(char) == "Cc" or char in _LINE_BREAKS:
            return char
    return None


def check_header_text(field: str, value: str) -> str:
    """The value if it can go in a header; InputError on a line break or control character."""
    bad = _bad_char(value)
    if bad is not None:
        what = "a line break" if bad in "\r\n\x85" or bad in _LINE_BREAKS else \
            f"the control character U+{ord(bad):04X}"
        raise InputError(f"{field}: contains {what}, which could inject mail headers; "
                         f"remove it ({value!r})")
    return value


def check_address(field: str, value: str) -> str:
    """A plain address (local@domain.tld), or InputError saying what is wrong with it."""
    check_header_text(field, value)
    if not value.strip():
        raise InputError(f"{field}: no email address")
    if not value.isascii():
        raise InputError(f"{field}: {value!r} has non-ASCII characters; write the domain in "
                         "its xn-- form")
    if len(value) > 254 or _ADDRESS.fullmatch(value) is None:
        raise InputError(f"{field}: {value!r} is not an email address like name@example.com")
    return value


def domain_of(address: str) -> str:
    return address.rpartition("@")[2].lower()

"""The user's settings: a TOML file in the config directory, checked against a spec.

Keys are dotted (`me.name`, `limits.email_words_max`). Every key has a type, a default and a
one-line description, so `followup config show` can list them and `set` can refuse a wrong
type with a message that says what was expected.
"""

from __future__ import annotations

import contextlib
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup.errors import ConfigError
from followup.model import Me
from followup.paths import atomic_write_text, config_file


@dataclass(frozen=True)
class Setting:
    """One key: `kind` is int, str, or list (a list of words, held as a tuple of text)."""

    key: str
    kind: type
    default: Any
    help: str


SPEC: tuple[Setting, ...] = (
    Setting("me.name", str, "", "your name, used to sign notes"),
    Setting("me.email", str, "", "the address notes are sent from"),
    Setting("me.signature", str, "", "lines under your name (phone, portfolio link)"),
    Setting("timezone", str, "", "your IANA time zone, e.g. Europe/Berlin (default: system)"),
    Setting("country", str, "US", "ISO country code whose public holidays are skipped"),
    Setting("limits.thank_you_opens_hours", int, 1, "hours after an interview ends"),
    Setting("limits.thank_you_due_hours", int, 24, "hours after an interview ends"),
    Setting("limits.send_hour_start", int, 8, "earliest suggested send hour, recipient's zone"),
    Setting("limits.send_hour_end", int, 10, "latest suggested send hour, recipient's zone"),
    Setting("limits.check_in_days", int, 7, "days after the interview for the first check-in"),
    Setting("limits.check_in_after_decision_days", int, 2, "business days after decision_by"),
    Setting("limits.second_check_in_days", int, 7, "days after the first check-in was sent"),
    Setting("limits.email_words_ideal_min", int, 75, "ideal shortest thank-you email"),
    Setting("limits.email_words_ideal_max", int, 200, "ideal longest thank-you email"),
    Setting("limits.email_words_max", int, 250, "warn above this many words in an email"),
    Setting("limits.email_paragraphs_max", int, 4, "most paragraphs in an email"),
    Setting("limits.check_in_words_max", int, 120, "most words in a check-in"),
    Setting("limits.linkedin_note_chars", int, 300, "connection note limit (200 on free)"),
    Setting("limits.linkedin_message_words", int, 120, "keep LinkedIn messages under this"),
    Setting("limits.card_words_max", int, 80, "most words on a handwritten card"),
    Setting("limits.reading_grade_max", int, 10, "highest reading grade before a warning"),
    Setting("llm.url", str, "", "OpenAI-compatible endpoint for --polish, e.g. "
            "http://127.0.0.1:11434/v1 (empty: off)"),
    Setting("llm.model", str, "", "model name to ask for when polishing"),
    Setting("llm.api_key_env", str, "", "environment variable holding the endpoint's API key"),
    Setting("mail.address", str, "", "the address notes are sent from (empty: mail is off)"),
    Setting("mail.user", str, "", "login name for IMAP and SMTP (default: mail.address)"),
    Setting("mail.imap_host", str, "", "IMAP server, e.g. imap.gmail.com"),
    Setting("mail.imap_port", int, 993, "IMAP port (993 TLS, 143 STARTTLS)"),
    Setting("mail.smtp_host", str, "", "SMTP server, e.g. smtp.gmail.com"),
    Setting("mail.smtp_port", int, 465, "SMTP port (465 TLS, 587 STARTTLS)"),
    Setting("mail.security", str, "ssl", "ssl | starttls | none (none: this machine only)"),
    Setting("mail.smtp_security", str, "", "SMTP's own security when it differs from IMAP's"),
    Setting("mail.drafts_folder", str, "", "Drafts folder (default: found by its \\Drafts flag)"),
    Setting("mail.sent_folder", str, "", "Sent folder (default: found by its \\Sent flag)"),
    Setting("mail.copy_to_sent", str, "auto", "auto | yes | no: file a copy in Sent after "
            "sending (auto: unless the provider already did)"),
    Setting("mail.ca_file", str, "", "extra CA certificate to trust (a company's own CA)"),
    Setting("mail.timeout", int, 30, "seconds to wait for a mail server before giving up"),
    Setting("check.words", list, (), "your own dictionary: words spelling never flags "
            "(comma-separated for `config set`, e.g. \"roastery, Kubeflow\")"),
)
SETTINGS: Mapping[str, Setting] = {s.key: s for s in SPEC}


@dataclass(frozen=True)
class Config:
    """The settings in force: defaults overlaid with the user's file."""

    values: Mapping[str, Any]

    def get(self, key: str) -> Any:
        return self.values[key]

    @property
    def me(self) -> Me:
        return Me(self.values["me.name"], self.values["me.email"], self.values["me.signature"])

    @property
    def timezone(self) -> str:
        return str(self.values["timezone"])

    @property
    def country(self) -> str:
        return str(self.values["country"])

    def limit(self, name: str) -> int:
        return int(self.values[f"limits.{name}"])


def system_timezone() -> str:
    """The machine's IANA zone (TZ, /etc/timezone, /etc/localtime), else UTC.

    A fresh install should show times in the user's own zone without any setup.
    """
    import os

    candidates = [os.environ.get("TZ", "").lstrip(":")]
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    try:
        target = str(Path("/etc/localtime").resolve())
        candidates.append(target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else "")
    except OSError:
        pass
    for name in candidates:
        if (name and "/" in name) or name == "UTC":
            try:
                ZoneInfo(name)
                return name
            except (ZoneInfoNotFoundError, ValueError, OSError):
                continue
    return "UTC"


def defaults() -> Config:
    values = {s.key: s.default for s in SPEC}
    values["timezone"] = system_timezone()
    return Config(values)


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in table.items():
        full = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{full}."))
        else:
            flat[full] = value
    return flat


def _nest(flat: Mapping[str, Any]) -> dict[str, Any]:
    nested: dict[str, Any] = {}
    for key, value in flat.items():
        node = nested
        *parents, leaf = key.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    return nested


def load(path: Path | None = None) -> Config:
    """Read the config file (if any) over the defaults; a broken file is a clear error."""
    path = path or config_file()
    values = dict(defaults().values)
    if not path.exists():
        return Config(values)
    try:
        stored = _flatten(tomllib.loads(path.read_text(encoding="utf-8")))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
    for key, value in stored.items():
        if key in SETTINGS:
            values[key] = _checked(key, value, path)
        elif key.startswith("checks.") and isinstance(value, bool):
            values[key] = value  # checker rule switches by id prefix, e.g. checks.p07 = false
    _check_order(values, path)
    return Config(values)


# What each number means bounds it: hours of a day, days of a sane follow-up, port numbers.
RANGES: dict[str, tuple[int, int, str]] = {
    "limits.thank_you_opens_hours": (0, 72, "hours"),
    "limits.thank_you_due_hours": (1, 168, "hours (a week at most)"),
    "limits.send_hour_start": (0, 23, "an hour of the day"),
    "limits.send_hour_end": (0, 23, "an hour of the day"),
    "limits.check_in_days": (1, 90, "days"),
    "limits.check_in_after_decision_days": (0, 30, "business days"),
    "limits.second_check_in_days": (1, 90, "days"),
    "limits.email_words_ideal_min": (1, 5000, "words"),
    "limits.email_words_ideal_max": (1, 5000, "words"),
    "limits.email_words_max": (1, 5000, "words"),
    "limits.email_paragraphs_max": (1, 100, "paragraphs"),
    "limits.check_in_words_max": (1, 5000, "words"),
    "limits.linkedin_note_chars": (1, 5000, "characters"),
    "limits.linkedin_message_words": (1, 5000, "words"),
    "limits.card_words_max": (1, 5000, "words"),
    "limits.reading_grade_max": (1, 30, "a school grade"),
    "mail.imap_port": (1, 65535, "a port number"),
    "mail.smtp_port": (1, 65535, "a port number"),
    "mail.timeout": (1, 600, "seconds"),
}
# Pairs whose first must not exceed the second.
ORDERED = (("limits.send_hour_start", "limits.send_hour_end"),
           ("limits.thank_you_opens_hours", "limits.thank_you_due_hours"),
           ("limits.email_words_ideal_min", "limits.email_words_ideal_max"))


def _check_order(values: dict[str, Any], source: Path | str) -> None:
    for low, high in ORDERED:
        if values[low] > values[high]:
            raise ConfigError(f"{source}: {low} ({values[low]}) must not be more than {high} "
                              f"({values[high]})")


def _checked(key: str, value: Any, source: Path | str) -> Any:
    setting = SETTINGS[key]
    if setting.kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ConfigError(f"{source}: {key} must be a whole number, not {value!r}")
    if key in RANGES and not RANGES[key][0] <= value <= RANGES[key][1]:
        low, high, meaning = RANGES[key]
        raise ConfigError(f"{source}: {key} is {value}; expected {low} to {high} ({meaning})")
    if setting.kind is str and not isinstance(value, str):
        raise ConfigError(f"{source}: {key} must be text, not {value!r}")
    if setting.kind is list:
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{source}: {key} must be a list of words such as "
                              f"[\"roastery\", \"Kubeflow\"], not {value!r}")
        value = words_list(value, f"{source}: {key}")
    if key == "timezone":
        check_timezone(value, f"{source}: {key}")
    if key == "country":
        check_country(value, f"{source}: {key}")
    return value


_WORD_RE = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
MAX_WORD_CHARS = 64


def words_list(items: Iterable[str], where: str) -> tuple[str, ...]:
    """Single words, stripped, blanks and repeats dropped; anything else is a ConfigError."""
    out: list[str] = []
    for item in items:
        word = item.strip()
        if not word:
            continue
        if len(word) > MAX_WORD_CHARS or not _WORD_RE.fullmatch(word):
            raise ConfigError(f"{where}: {word!r} is not a single word; give words separated "
                              "by commas, e.g. \"roastery, Kubeflow\"")
        if word not in out:
            out.append(word)
    return tuple(out)


def parse_words(raw: str, where: str) -> tuple[str, ...]:
    """Comma-separated text (newlines count as commas) → the words in it, checked."""
    return words_list(re.split(r"[,\n]", raw), where)


def check_timezone(name: str, where: str) -> ZoneInfo:
    """The zone for an IANA name, or a ConfigError that says what a valid name looks like."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError):
        raise ConfigError(
            f"{where}: unknown time zone {name!r}; expected an IANA name such as "
            "Europe/Berlin or America/Chicago"
        ) from None


def check_country(code: str, where: str) -> str:
    import holidays

    if code.upper() not in holidays.list_supported_countries():
        raise ConfigError(f"{where}: unknown country {code!r}; expected an ISO code such as US")
    return code.upper()


def parse_value(key: str, raw: str) -> Any:
    """Turn the text given to `config set KEY VALUE` into a value of the key's type."""
    if key not in SETTINGS:
        known = ", ".join(sorted(SETTINGS))
        raise ConfigError(f"unknown setting {key!r}; known settings: {known}")
    setting = SETTINGS[key]
    value: Any = raw
    if setting.kind is int:
        try:
            value = int(raw)
        except ValueError:
            raise ConfigError(f"{key} must be a whole number, not {raw!r}") from None
        if value < 0:
            raise ConfigError(f"{key} must not be negative, got {value}")
    if setting.kind is list:
        value = parse_words(raw, key)
    if key == "country":
        value = raw.upper()
    return _checked(key, value, "config")


def set_value(key: str, raw: str, path: Path | None = None) -> Config:
    """Store one setting, keeping the rest of the file; written atomically."""
    path = path or config_file()
    value = parse_value(key, raw)
    stored: dict[str, Any] = {}
    if path.exists():
        try:
            stored = _flatten(tomllib.loads(path.read_text(encoding="utf-8")))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc}); fix or remove it") from exc
    stored[key] = list(value) if isinstance(value, tuple) else value
    merged = dict(defaults().values)
    merged.update({k: v for k, v in stored.items() if k in SETTINGS})
    _check_order(merged, "config")
    import tomli_w

    atomic_write_text(path, tomli_w.dumps(_nest(stored)))
    return load(path)

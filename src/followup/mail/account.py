"""The mail account: where the servers are, how to reach them, and where the password lives.

Settings come from the config (`mail.*` keys); the password never does. It is read from the
system keyring (the `keyring` package) or, when no keyring backend exists on the machine,
from the environment variable FOLLOWUP_MAIL_PASSWORD. `Password.source` says which, so the
CLI can tell the user.

    account = load_account(config)          # None when mail.address is empty
    password = read_password(account)       # MailError when none is available
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from followup.errors import ConfigError, MailError
from followup.mail.headers import check_address

if TYPE_CHECKING:
    from followup.config import Config

SECURITY = ("ssl", "starttls", "none")
COPY_TO_SENT = ("auto", "yes", "no")
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
PASSWORD_ENV = "FOLLOWUP_MAIL_PASSWORD"
KEYRING_SERVICE = "followup-mail"


@dataclass(frozen=True)
class Account:
    """One mailbox reachable over IMAP and SMTP. Holds no secret."""

    address: str
    user: str
    imap_host: str
    imap_port: int
    smtp_host: str
    smtp_port: int
    security: str = "ssl"
    smtp_security: str = ""
    drafts_folder: str = ""
    sent_folder: str = ""
    copy_to_sent: str = "auto"
    ca_file: str = ""
    timeout: int = 30

    @property
    def smtp_mode(self) -> str:
        """The security SMTP uses: its own setting, else the account's."""
        return self.smtp_security or self.security

    @property
    def keyring_name(self) -> str:
        """The entry the password is stored under in the keyring: user at IMAP host."""
        return f"{self.user}@{self.imap_host}"

    def settings(self) -> dict[str, str | int]:
        """The account as `mail.*` config values (what `mail setup` writes)."""
        return {f"mail.{name}": getattr(self, name) for name in (
            "address", "user", "imap_host", "imap_port", "smtp_host", "smtp_port", "security",
            "smtp_security", "drafts_folder", "sent_folder", "copy_to_sent", "ca_file",
            "timeout")}


@dataclass(frozen=True)
class Preset:
    """A provider's usual settings, filled in from the address's domain."""

    provider: str
    imap_host: str
    smtp_host: str
    smtp_port: int
    smtp_security: str
    copy_to_sent: str  # "no" where the provider files sent mail itself
    help: str


_GOOGLE = Preset("Gmail", "imap.gmail.com", "smtp.gmail.com", 465, "ssl", "no",
                 "turn on 2-step verification, then create an app password at "
                 "https://myaccount.google.com/apppasswords")
_MICROSOFT = Preset("Outlook.com", "outlook.office365.com", "smtp-mail.outlook.com", 587,
                    "starttls", "no", "create an app password at "
                    "https://account.live.com/proofs/AppPassword")
_FASTMAIL = Preset("Fastmail", "imap.fastmail.com", "smtp.fastmail.com", 465, "ssl", "auto",
                   "create an app password under Settings → Privacy & Security")
_APPLE = Preset("iCloud Mail", "imap.mail.me.com", "smtp.mail.me.com", 587, "starttls", "auto",
                "create an app-specific password at https://account.apple.com")
PRESETS: dict[str, Preset] = {
    "gmail.com": _GOOGLE, "googlemail.com": _GOOGLE,
    "outlook.com": _MICROSOFT, "hotmail.com": _MICROSOFT, "live.com": _MICROSOFT,
    "msn.com": _MICROSOFT,
    "fastmail.com": _FASTMAIL, "fastmail.fm": _FASTMAIL,
    "icloud.com": _APPLE, "me.com": _APPLE, "mac.com": _APPLE,
}


def preset_for(address: str) -> Preset | None:
    """The usual settings of the address's provider, if it is a well-known one."""
    domain = address.rpartition("@")[2].strip().lower()
    return PRESETS.get(domain)


def account_from_preset(address: str, preset: Preset, user: str = "") -> Account:
    return Account(
        address=address, user=user or address, imap_host=preset.imap_host, imap_port=993,
        smtp_host=preset.smtp_host, smtp_port=preset.smtp_port, security="ssl",
        smtp_security="" if preset.smtp_security == "ssl" else preset.smtp_security,
        copy_to_sent=preset.copy_to_sent,
    )


def validate(account: Account, where: str = "mail") -> Account:
    """The account if its settings make sense; a ConfigError naming the bad one otherwise."""
    check_address(f"{where}.address", account.address)
    for key in ("user", "imap_host", "smtp_host"):
        value = getattr(account, key)
        if not value.strip() or any(c.isspace() or ord(c) < 32 for c in value):
            raise ConfigError(f"{where}.{key}: {value!r} is empty or contains spaces; "
                              "`followup mail setup` fills it in")
    for key in ("imap_port", "smtp_port"):
        port = getattr(account, key)
        if not 0 < port < 65536:
            raise ConfigError(f"{where}.{key}: {port} is not a port number (1-65535)")
    for key in ("security", "smtp_security"):
        value = getattr(account, key)
        if value not in SECURITY and not (key == "smtp_security" and value == ""):
            raise ConfigError(f"{where}.{key}: {value!r} is not one of {', '.join(SECURITY)}")
    for mode, host, key in ((account.security, account.imap_host, "imap_host"),
                            (account.smtp_mode, account.smtp_host, "smtp_host")):
        if mode == "none" and host not in LOCAL_HOSTS:
            raise ConfigError(f"{where}.security none would send your password unencrypted "
                              f"to {host}; it is only allowed for a server on this machine "
                              f"({where}.{key} = localhost or 127.0.0.1)")
    if account.copy_to_sent not in COPY_TO_SENT:
        raise ConfigError(f"{where}.copy_to_sent: {account.copy_to_sent!r} is not one of "
                          f"{', '.join(COPY_TO_SENT)}")
    if account.timeout <= 0:
        raise ConfigError(f"{where}.timeout must be at least 1 second, not {account.timeout}")
    if account.ca_file and not os.path.isfile(account.ca_file):
        raise ConfigError(f"{where}.ca_file: {account.ca_file} is not a file")
    return account


def load_account(config: Config) -> Account | None:
    """The configured account, or None when mail is not set up (mail.address empty)."""
    address = str(config.get("mail.address")).strip()
    if not address:
        return None
    account = Account(
        address=address,
        user=str(config.get("mail.user")).strip() or address,
        imap_host=str(config.get("mail.imap_host")).strip(),
        imap_port=int(config.get("mail.imap_port")),
        smtp_host=str(config.get("mail.smtp_host")).strip(),
        smtp_port=int(config.get("mail.smtp_port")),
        security=str(config.get("mail.security")).strip().lower(),
        smtp_security=str(config.get("mail.smtp_security")).strip().lower(),
        drafts_folder=str(config.get("mail.drafts_folder")),
        sent_folder=str(config.get("mail.sent_folder")),
        copy_to_sent=str(config.get("mail.copy_to_sent")).strip().lower(),
        ca_file=str(config.get("mail.ca_file")).strip(),
        timeout=int(config.get("mail.timeout")),
    )
    return validate(account, "config: mail")


def require_account(config: Config) -> Account:
    account = load_account(config)
    if account is None:
        raise ConfigError("mail is not set up: run `followup mail setup` (or use "
                          "`followup eml` / `followup mailto`, which need no account)")
    return account


# -- the password ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Password:
    """A secret and where it came from ("keyring" or the environment variable's name).

    repr() never shows the secret, so it cannot leak into a log or a traceback by accident.
    """

    secret: str
    source: str

    def __repr__(self) -> str:
        return f"Password(source={self.source!r})"


def keyring_available() -> bool:
    """Whether a real keyring backend exists (not keyring's "fail" or "null" stand-ins)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return False
    return "null" not in type(backend).__module__


def where_passwords_live() -> str:
    if keyring_available():
        return "the system keyring"
    return f"the environment variable {PASSWORD_ENV} (no system keyring on this machine)"


def read_password(account: Account) -> Password:
    """The account's password: from the keyring if stored there, else the environment."""
    if keyring_available():
        import keyring
        from keyring.errors import KeyringError

        try:
            secret = keyring.get_password(KEYRING_SERVICE, account.keyring_name)
        except KeyringError as exc:
            raise MailError(f"the system keyring could not be read ({type(exc).__name__}); "
                            f"unlock it, or set {PASSWORD_ENV}") from None
        if secret:
            return Password(secret, "keyring")
    secret = os.environ.get(PASSWORD_ENV, "")
    if secret:
        return Password(secret, PASSWORD_ENV)
    hint = ("run `followup mail setup` to store it in the system keyring"
            if keyring_available() else f"set the environment variable {PASSWORD_ENV} "
            "(this machine has no system keyring)")
    raise MailError(f"no password for {account.keyring_name}: {hint}")


def store_password(account: Account, secret: str) -> str:
    """Put the password in the system keyring; returns where it went. Never on disk here."""
    if not keyring_available():
        raise MailError(f"this machine has no system keyring: set the environment variable "
                        f"{PASSWORD_ENV} instead (followup never writes the password to disk)")
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, account.keyring_name, secret)
    except KeyringError as exc:
        raise MailError(f"the system keyring refused the password ({type(exc).__name__})") from None
    return "keyring"


def with_overrides(account: Account, **changes: object) -> Account:
    """The account with some settings replaced (flags given to `mail setup`)."""
    given = {k: v for k, v in changes.items() if v is not None}
    return replace(account, **given)  # type: ignore[arg-type]

"""How one web server runs: where it listens, which database, its secrets, its clock.

`followup serve` builds a WebSettings and, for several worker processes, hands it to each
through environment variables (`to_env` / `from_env`), so every worker signs cookies and
CSRF tokens with the same secret.
"""

from __future__ import annotations

import base64
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
WILDCARD = frozenset({"0.0.0.0", "::", ""})
ENV_PREFIX = "FOLLOWUP_WEB_"
DEFAULT_PORT = 8765


def _new_secret() -> bytes:
    return secrets.token_bytes(32)


@dataclass(frozen=True)
class WebSettings:
    """Everything create_app() needs; the defaults are a local, single-user server."""

    database_url: str | None = None
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    secret: bytes = field(default_factory=_new_secret, repr=False)
    access_token: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)
    allowed_hosts: tuple[str, ...] = ()
    clock: Callable[[], datetime] | None = None
    warm_checker: bool = True
    # Monotonic seconds for the login back-off (see `limiter`); tests step it.
    login_clock: Callable[[], float] | None = None

    @property
    def loopback(self) -> bool:
        return self.host in LOOPBACK

    @property
    def requires_login(self) -> bool:
        """A server reachable from other machines asks for the token or the password."""
        return not self.loopback

    def host_allowed(self, header: str) -> bool:
        """Whether a request's Host header names this server (the DNS-rebinding guard)."""
        name, port = split_host(header)
        if port is not None and self.port and port != self.port:
            return False
        if name in self.allowed_hosts:
            return True
        if self.loopback:
            return name in {"127.0.0.1", "localhost", "[::1]", "::1"}
        if self.host in WILDCARD:
            return bool(name)
        return name == self.host

    def credential_ok(self, given: str) -> bool:
        """The access token or the configured password, compared in constant time."""
        good = [c for c in (self.access_token, self.password) if c]
        return any(secrets.compare_digest(given.encode(), c.encode()) for c in good)

    def to_env(self) -> dict[str, str]:
        env = {
            "HOST": self.host, "PORT": str(self.port),
            "SECRET": base64.urlsafe_b64encode(self.secret).decode(),
            "ALLOWED_HOSTS": ",".join(self.allowed_hosts),
        }
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        if self.access_token:
            env["ACCESS_TOKEN"] = self.access_token
        if self.password:
            env["PASSWORD"] = self.password
        return {ENV_PREFIX + k: v for k, v in env.items()}

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> WebSettings:
        env = os.environ if environ is None else environ

        def get(key: str) -> str | None:
            return env.get(ENV_PREFIX + key) or None

        secret = get("SECRET")
        return cls(
            database_url=get("DATABASE_URL"),
            host=get("HOST") or "127.0.0.1",
            port=int(get("PORT") or DEFAULT_PORT),
            secret=base64.urlsafe_b64decode(secret) if secret else _new_secret(),
            access_token=get("ACCESS_TOKEN"),
            password=get("PASSWORD"),
            allowed_hosts=tuple(h for h in (get("ALLOWED_HOSTS") or "").split(",") if h),
        )


def split_host(header: str) -> tuple[str, int | None]:
    """'localhost:8765' -> ('localhost', 8765); '[::1]:80' -> ('[::1]', 80)."""
    header = header.strip().lower()
    if header.startswith("["):
        end = header.find("]")
        name, rest = header[: end + 1], header[end + 1:]
        port_text = rest[1:] if rest.startswith(":") else ""
    else:
        name, _, port_text = header.partition(":")
    try:
        return name, int(port_text) if port_text else None
    except ValueError:
        return "", None

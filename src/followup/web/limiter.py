"""Slowing down password guessing: exponential back-off per client after failed logins.

Every way of presenting a credential counts — the login form, a `?token=` link, an API call's
`Authorization: Bearer` header — and shares one `LoginLimiter` per server process (coach-mode
account logins are meant to use the same object). A client (by IP address) gets `FREE` wrong
attempts; each further one doubles the wait before the next is even looked at, from `BASE`
seconds up to `CEILING`. While it waits, any attempt, right or wrong, is answered 429 with a
Retry-After header, so a guesser learns nothing and the server does no comparison. A right
credential after the wait clears the client's record.

The clock is injected (monotonic seconds) so tests step time instead of sleeping. The table
is bounded: past `MAX_CLIENTS` the entries that have waited longest are dropped.

Behind a reverse proxy every request comes from the proxy's address; see the README for
what to put in front of a server opened to a network.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from followup.errors import FollowupError

FREE = 5
BASE = 1.0
CEILING = 15 * 60.0
MAX_CLIENTS = 10_000


class TooManyAttemptsError(FollowupError):
    """A client that failed to log in too often must wait `retry_after` seconds."""

    exit_code = 1
    http_status = 429

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many failed logins from your address; try again in "
                         f"{retry_after} s")
        self.retry_after = retry_after


@dataclass
class _Client:
    failures: int = 0
    blocked_until: float = 0.0


class LoginLimiter:
    """Failed-login back-off per client; thread-safe (see module docstring)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._clients: OrderedDict[str, _Client] = OrderedDict()
        self._lock = threading.Lock()

    def wait(self, client: str) -> int:
        """Seconds this client must still wait before an attempt is looked at (0: none)."""
        with self._lock:
            entry = self._clients.get(client)
            if entry is None:
                return 0
            left = entry.blocked_until - self._clock()
            return math.ceil(left) if left > 0 else 0

    def check(self, client: str) -> None:
        """TooManyAttemptsError while the client must wait."""
        left = self.wait(client)
        if left:
            raise TooManyAttemptsError(left)

    def failed(self, client: str) -> int:
        """Record a wrong credential; returns the seconds the client now has to wait."""
        with self._lock:
            entry = self._clients.pop(client, None) or _Client()
            entry.failures += 1
            delay = 0.0
            if entry.failures > FREE:
                delay = min(BASE * 2 ** (entry.failures - FREE - 1), CEILING)
                entry.blocked_until = self._clock() + delay
            self._clients[client] = entry  # most recent last
            while len(self._clients) > MAX_CLIENTS:
                self._clients.popitem(last=False)
            return math.ceil(delay)

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._clients.pop(client, None)


# Passwords: long enough to resist guessing even at one try a second for years.
MIN_PASSWORD = 12
_COMMON = ("password", "passwort", "qwerty", "123456", "letmein", "welcome", "admin",
           "followup", "iloveyou", "abc123", "111111")


def password_problem(password: str) -> str | None:
    """Why a server password is too weak to put on a network, or None."""
    if len(password) < MIN_PASSWORD:
        return (f"it is {len(password)} characters long; use at least {MIN_PASSWORD} (a "
                "phrase of three or four unrelated words works well)")
    if len(set(password.casefold())) < 5:
        return "it repeats too few different characters"
    folded = password.casefold()
    for common in _COMMON:
        if common in folded and len(folded) - len(common) < 8:
            return f"it is mostly the common password {common!r}"
    return None

"""Who is sending a draft right now: the claim `send` takes before any connection.

A claim is a token `host:pid:random` stored on the draft by one conditional UPDATE (see
`Store.claim_send`), with the wall-clock moment it was taken. Another send of the same draft
sees it and stops, saying so. A claim outlives its claimant only when that process died
mid-send (killed, power cut); it is then *stale* and the next `send` takes it over and
resolves the send (it looks for the Message-ID in Sent first). Stale means: the claimant was
a process on this host that no longer runs, or the claim is older than `LEASE` (a claimant on
another host, which cannot be asked).

The lease runs on the wall clock, not the injected `now` of a command (which may be a moment
in the past or future for a test or a `--now`): it measures how long a real process has held
the claim.
"""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from followup.errors import ConflictError

# Far longer than a send takes (connect, log in, hand over; each step within the account's
# timeout): a live claimant on another host is never taken over.
LEASE = timedelta(minutes=15)
WallClock = Callable[[], datetime]


def wall_clock() -> datetime:
    return datetime.now(UTC)


def new_token() -> str:
    """This process's claim token: host and pid (to tell whether it still runs) and noise."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(8)}"


@dataclass(frozen=True)
class Holder:
    """A claim found on a draft."""

    token: str
    since: datetime | None

    @property
    def host(self) -> str:
        return self.token.rsplit(":", 2)[0]

    @property
    def pid(self) -> int | None:
        parts = self.token.rsplit(":", 2)
        return int(parts[1]) if len(parts) == 3 and parts[1].isdigit() else None

    def stale(self, now: datetime) -> bool:
        """True when the claimant is certainly gone (or the lease ran out)."""
        if self.since is None or now - self.since > LEASE:
            return True
        if self.host != socket.gethostname() or self.pid is None:
            return False  # another machine: only the lease can tell
        return not _running(self.pid)

    def under_way(self, draft_id: int) -> ConflictError:
        """What a second sender is told: the send is someone else's, nothing was sent."""
        since = f" since {self.since:%H:%M:%S} UTC" if self.since else ""
        pid = self.pid
        who = "this server" if pid == os.getpid() and self.host == socket.gethostname() \
            else f"process {pid} on {self.host}" if pid is not None else "another process"
        here = self.host == socket.gethostname()
        until = "" if here or self.since is None else f" after {self.since + LEASE:%H:%M} UTC"
        return ConflictError(
            f"a send of draft #{draft_id} is already under way ({who}{since}); nothing was "
            f"sent. If that followup was stopped, run `followup send {draft_id}` again{until}")


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True

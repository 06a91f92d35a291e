"""How `followup serve` runs uvicorn: bounded waits and connections, so idle or dribbling
clients cannot hold the server's file descriptors.

uvicorn's keep-alive timeout closes a connection idle *between* requests, but nothing closes
one that connects and never finishes a request head (a half-open or "slowloris" client):
1,100 such connections kept a server with 1,024 descriptors starved. `GuardedH11` gives each
request head `HEADER_TIMEOUT` seconds from the moment the connection opens or the previous
response ends; `uvicorn_options` adds a short keep-alive, a cap on concurrent connections
(503 past it) and a cap on the size of a request head. A public server still wants a reverse
proxy in front (TLS, per-client connection limits): see the README.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT = 10.0
KEEP_ALIVE = 5
MAX_CONNECTIONS = 200
MAX_HEAD_BYTES = 16 * 1024


class GuardedH11(H11Protocol):
    """uvicorn's h11 protocol with a deadline for each request head."""

    header_timeout = HEADER_TIMEOUT

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_timer: asyncio.TimerHandle | None = None
        self._arm()

    def _arm(self) -> None:
        self._disarm()
        self._waiting_after = self.cycle  # a new cycle means a request head arrived
        self._head_timer = self.loop.call_later(self.header_timeout, self._expired)

    def _disarm(self) -> None:
        timer = getattr(self, "_head_timer", None)
        if timer is not None:
            timer.cancel()
            self._head_timer = None

    def _expired(self) -> None:
        self._head_timer = None
        if self.cycle is self._waiting_after and not self.transport.is_closing():
            self.transport.close()  # no request head in time: drop the connection

    def handle_events(self) -> None:
        super().handle_events()
        if self.cycle is not self._waiting_after:
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)


def uvicorn_options() -> dict[str, Any]:
    """The keyword arguments `followup serve` gives uvicorn (Config and run alike)."""
    return {"http": GuardedH11, "timeout_keep_alive": KEEP_ALIVE,
            "limit_concurrency": MAX_CONNECTIONS, "h11_max_incomplete_event_size": MAX_HEAD_BYTES,
            "server_header": False, "log_level": "warning"}

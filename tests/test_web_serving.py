"""`followup serve` bounds what a client can hold: a connection that never completes a
request head is closed (half-open and dribbling clients alike), keep-alive is short, and
concurrent connections and head sizes are capped. A real uvicorn on a free port; the header
deadline is shortened for the test and the socket waits far longer, so nothing is timed."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from followup.cli import app
from followup.web.serving import GuardedH11, uvicorn_options


class QuickHeads(GuardedH11):
    header_timeout = 0.5


@pytest.fixture
def server(tmp_path: Path) -> Iterator[int]:
    import uvicorn

    from followup.web import WebSettings, create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    settings = WebSettings(database_url=f"sqlite:///{tmp_path / 'w.db'}", port=port,
                           warm_checker=False)
    options = {**uvicorn_options(), "http": QuickHeads}
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port,
                                           **options))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "server did not start"
        time.sleep(0.05)
    yield port
    server.should_exit = True
    thread.join(timeout=10)


def _closed_by_server(sock: socket.socket) -> bool:
    """True when the server closes the connection; False when it is still open after 20 s."""
    sock.settimeout(20)
    try:
        return sock.recv(1024) == b""
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True


def test_a_silent_connection_is_closed(server: int) -> None:
    with socket.create_connection(("127.0.0.1", server)) as sock:
        assert _closed_by_server(sock)


def test_a_dribbled_request_head_is_closed(server: int) -> None:
    with socket.create_connection(("127.0.0.1", server)) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never the blank line
        assert _closed_by_server(sock)


def test_normal_requests_on_one_connection_still_work(server: int) -> None:
    with socket.create_connection(("127.0.0.1", server)) as sock:
        sock.settimeout(20)
        for _ in range(2):
            sock.sendall(f"GET /api/csrf HTTP/1.1\r\nHost: 127.0.0.1:{server}\r\n\r\n".encode())
            data = b""
            while b"csrf_token" not in data:
                chunk = sock.recv(4096)
                assert chunk, data
                data += chunk
            assert data.startswith(b"HTTP/1.1 200")


def test_serve_runs_uvicorn_with_the_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    runs: list[Any] = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, *a, **k: runs.append(self))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = CliRunner().invoke(app, ["serve", "--no-browser", "--port", str(port)])
    assert result.exit_code == 0, result.output
    config = runs[0].config
    assert config.http is GuardedH11
    assert config.timeout_keep_alive == 5 and config.limit_concurrency == 200
    assert config.h11_max_incomplete_event_size == 16 * 1024

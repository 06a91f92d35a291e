"""Polish by a language model, against a real local HTTP server speaking chat completions.

The server (a thread on 127.0.0.1) rewrites the draft it receives with a function the test
chooses: a light, faithful edit is accepted; a rewrite that invents a name or number, adds a
claim, drops the personal point or breaks the checker is refused with the reason; endpoint
failures (HTTP 500, malformed JSON, no answer in time) keep the composed draft.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from followup.cli import app
from followup.cli.demo import sample_notes_path
from followup.compose import compose
from followup.compose.llm import Endpoint, endpoint_from, polish
from followup.config import Config, defaults
from followup.errors import ConfigError
from followup.model import Interview, Medium, Stage, Tone
from followup.notes import read_notes_file

Rewrite = Callable[[str], str]


@dataclass
class ChatServer:
    """A chat-completions endpoint whose answer the test controls."""

    url: str
    rewrite: Rewrite = lambda text: text
    status: int = 200
    raw: bytes | None = None
    delay: float = 0.0
    requests: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)


@pytest.fixture
def server() -> Iterator[ChatServer]:
    state = ChatServer(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            payload = json.loads(self.rfile.read(length))
            state.requests.append({"path": self.path, **payload})
            state.headers.append(dict(self.headers))
            if state.delay:
                time.sleep(state.delay)
            if state.raw is not None:
                body = state.raw
            else:
                text = payload["messages"][-1]["content"]
                body = json.dumps({"choices": [{"index": 0, "message": {
                    "role": "assistant", "content": state.rewrite(text)}}]}).encode()
            self.send_response(state.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture(scope="module")
def northwind() -> Interview:
    record = read_notes_file(sample_notes_path())
    return replace(record, id=1, interviewers=tuple(
        replace(p, id=i + 1) for i, p in enumerate(record.interviewers)))


def config_for(url: str, **extra: str) -> Config:
    base = defaults()
    return Config({**base.values, "llm.url": url, "llm.model": "tiny", **extra})


def luis_draft(record: Interview):  # type: ignore[no-untyped-def]
    luis = record.interviewers[1]
    return luis, compose(record, luis, Stage.THANK_YOU, Medium.EMAIL, Tone.FORMAL, 0)


def test_a_faithful_rewrite_replaces_the_draft(server: ChatServer, northwind: Interview) -> None:
    server.rewrite = lambda t: t.replace("Thank you for speaking", "Thank you very much for "
                                         "speaking", 1)
    luis, draft = luis_draft(northwind)
    result = polish(draft, northwind, luis, config_for(server.url))
    assert result.polished, result.reason
    assert "Thank you very much for speaking" in result.draft.body
    assert result.draft.subject == draft.subject
    sent = server.requests[0]
    assert sent["path"] == "/v1/chat/completions" and sent["model"] == "tiny"
    assert [m["role"] for m in sent["messages"]] == ["system", "user"]
    assert sent["messages"][1]["content"] == draft.body


def _insert_before_closing(sentence: str) -> Rewrite:
    return lambda t: t.replace("\n\nWarm regards,", f" {sentence}\n\nWarm regards,")


@pytest.mark.parametrize(("rewrite", "reason"), [
    (_insert_before_closing("Boris from the data team said hello."), "adds Boris"),
    (_insert_before_closing("The team has 14 open roles."), "adds 14"),
    (_insert_before_closing("I also led a platform team at my last job."), "adds a claim"),
    (lambda t: re.sub(r" [^.]*(?:paging by half|reliability rotation)[^.]*\.", "", t),
     "drops the point from your conversation with Luis Ortega"),
    (lambda t: t.replace("Thank you for speaking with me on Tuesday about",
                         "I am writing about"), "scores"),
])
def test_a_bad_rewrite_is_refused_with_the_reason(server: ChatServer, northwind: Interview,
                                                  rewrite: Rewrite, reason: str) -> None:
    server.rewrite = rewrite
    luis, draft = luis_draft(northwind)
    result = polish(draft, northwind, luis, config_for(server.url))
    assert not result.polished
    assert result.draft == draft
    assert reason in result.reason and "kept the composed draft" in result.reason


@pytest.mark.parametrize(("status", "raw", "reason"), [
    (500, b'{"error": "boom"}', "failed"),
    (200, b"not json", "failed"),
    (200, b'{"choices": []}', "no choices"),
])
def test_endpoint_failures_keep_the_draft(server: ChatServer, northwind: Interview,
                                          status: int, raw: bytes, reason: str) -> None:
    server.status, server.raw = status, raw
    luis, draft = luis_draft(northwind)
    result = polish(draft, northwind, luis, config_for(server.url))
    assert not result.polished and result.draft == draft
    assert reason in result.reason


def test_no_answer_in_time_keeps_the_draft(server: ChatServer, northwind: Interview) -> None:
    server.delay = 1.0
    luis, draft = luis_draft(northwind)
    endpoint = Endpoint(server.url, "tiny", connect_timeout=1.0, read_timeout=0.2)
    result = polish(draft, northwind, luis, config_for(server.url), endpoint=endpoint)
    assert not result.polished and "did not answer in time" in result.reason


def test_api_key_comes_from_the_named_environment_variable(
        server: ChatServer, northwind: Interview, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEST_LLM_KEY", "sk-local")
    config = config_for(server.url, **{"llm.api_key_env": "TEST_LLM_KEY"})
    luis, draft = luis_draft(northwind)
    polish(draft, northwind, luis, config)
    assert server.headers[0]["Authorization"] == "Bearer sk-local"


def test_missing_settings_are_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError, match=r"llm\.url"):
        endpoint_from(defaults())
    monkeypatch.delenv("NOT_SET_KEY", raising=False)
    with pytest.raises(ConfigError, match="NOT_SET_KEY"):
        endpoint_from(config_for("http://127.0.0.1:9/v1", **{"llm.api_key_env": "NOT_SET_KEY"}))


def test_cli_polish_stores_the_kept_draft_and_says_why(server: ChatServer, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOLLOWUP_HOME", str(tmp_path / "home"))
    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'cli.sqlite3'}"

    def cli(*args: str):  # type: ignore[no-untyped-def]
        return runner.invoke(app, ["--db", db, *args])

    assert cli("import", str(sample_notes_path())).exit_code == 0
    refused = cli("draft", "1", "--to", "Luis", "--polish")
    assert refused.exit_code == 2 and "llm.url" in refused.stderr
    cli("config", "set", "llm.url", server.url)
    cli("config", "set", "llm.model", "tiny")
    server.rewrite = _insert_before_closing("Boris from the data team said hello.")
    result = cli("draft", "1", "--to", "Luis", "--polish")
    assert result.exit_code == 0, result.output
    assert "adds Boris" in result.stdout
    stored = json.loads(cli("drafts", "1", "--json").stdout)
    assert "Boris" not in stored[-1]["body"]
    server.rewrite = lambda t: t.replace("Thank you for speaking", "Thank you so much for "
                                         "speaking", 1)
    good = cli("draft", "1", "--to", "Luis", "--polish", "--json")
    assert "Thank you so much for speaking" in json.loads(good.stdout)["body"]

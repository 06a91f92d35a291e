"""Exactly once: two `followup send N --yes` processes at the same moment, and two web
"Send now" posts at the same moment, deliver one message to the real SMTP test server.

The SMTP server stalls after taking the message, so the two senders overlap for certain:
without a claim in the database the second one sends again. bench/bench_send_once.py runs
the process race for 20 rounds and records them in bench/RESULTS.md.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest_mail import MailEnv
from followup.cli import app
from followup.cli.demo import sample_notes_path

NOW = "2026-11-25T08:30:00-06:00"


def _prepare_cli(db: str, env: MailEnv) -> None:
    runner = CliRunner()
    for args in (["config", "set", "timezone", "America/Chicago"],
                 ["import", str(sample_notes_path())], ["draft", "1"],
                 ["mail", "setup", "--address", "priya.raman@example.com", "--user", env.user,
                  "--imap-host", "127.0.0.1", "--imap-port", str(env.dovecot.port),
                  "--smtp-host", "127.0.0.1", "--smtp-port", str(env.smtp.plain_port),
                  "--security", "none", "--no-test"]):
        result = runner.invoke(app, ["--db", db, *args])
        assert result.exit_code == 0, result.output


def race_cli_send(db: str, password: str, draft_id: int = 1,
                  ) -> list[subprocess.CompletedProcess[str]]:
    """Start two `followup send DRAFT --yes` processes at once; wait for both."""
    env = {**os.environ, "FOLLOWUP_MAIL_PASSWORD": password, "NO_COLOR": "1"}
    command = [sys.executable, "-m", "followup", "--db", db, "send", str(draft_id), "--yes",
               "--now", NOW]
    procs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(command, proc.returncode, out, err))
    return results


@pytest.mark.parametrize("round_number", [1, 2])
@pytest.mark.parametrize("backend_name", ["sqlite", pytest.param("postgres",
                                                                 marks=pytest.mark.postgres)])
def test_two_processes_sending_one_draft_deliver_one_message(
        tmp_path: Path, mail_env: MailEnv, round_number: int, backend_name: str,
        request: pytest.FixtureRequest) -> None:
    db = f"sqlite:///{tmp_path / 'race.sqlite3'}" if backend_name == "sqlite" else \
        str(request.getfixturevalue("postgres_url"))
    _prepare_cli(db, mail_env)
    mail_env.handler.stall = 1.5  # both processes are certainly under way together
    results = race_cli_send(db, mail_env.password)
    assert len(mail_env.handler.received) == 1, [r.stderr for r in results]
    winners = [r for r in results if r.returncode == 0]
    losers = [r for r in results if r.returncode != 0]
    assert len(winners) == 1 and len(losers) == 1, [(r.stdout, r.stderr) for r in results]
    assert "Sent" in winners[0].stdout
    message = losers[0].stderr.strip()
    assert message.startswith("error: ") and "\n" not in message, message
    assert re.search(r"under way|already sent", message), message
    assert "Traceback" not in losers[0].stderr

    from followup.store import open_store

    with open_store(db) as store:
        draft = store.get_draft(1)
        assert draft.status.value == "sent"
        sent = [e for e in store.list_events() if e.kind.value == "sent"]
        assert [e.draft_id for e in sent] == [1]
        assert draft.message_id is not None
        assert draft.message_id.encode() in mail_env.handler.received[0].data


def test_two_web_posts_of_one_confirmation_deliver_one_message(
        tmp_path: Path, mail_env: MailEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    from followup.config import set_value
    from test_web_fixtures import Browser, make_client

    monkeypatch.setenv("FOLLOWUP_MAIL_PASSWORD", mail_env.password)
    for key, value in mail_env.account().settings().items():
        set_value(key, str(value))
    set_value("me.name", "Priya Raman")
    mail_env.handler.stall = 1.5
    with make_client(tmp_path) as client:
        browser = Browser(client)
        interview_id = browser.import_sample()
        drafts = browser.post(f"/api/interviews/{interview_id}/drafts", json={"to": "Dana"})
        draft_id = int(drafts.json()[0]["draft_id"])
        page = browser.get(f"/drafts/{draft_id}/send")
        found = re.search(r'name="fingerprint" value="(\w+)"', page.text)
        assert found, page.text
        responses: list[Any] = [None, None]

        def post(index: int) -> None:
            responses[index] = browser.form(f"/drafts/{draft_id}/send",
                                            {"fingerprint": found.group(1), "force": "yes"})

        threads = [threading.Thread(target=post, args=(i,)) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        statuses = sorted(r.status_code for r in responses)
        assert len(mail_env.handler.received) == 1, statuses
        assert statuses == [303, 409], [r.text[:300] for r in responses]
        refused = next(r for r in responses if r.status_code == 409)
        assert re.search(r"under way|already sent", refused.text)
        assert browser.get(f"/api/drafts/{draft_id}").json()["status"] == "sent"
        events = [e for e in browser.get(f"/api/interviews/{interview_id}").json()
                  .get("events", []) if e.get("kind") == "sent"]
        assert len(events) <= 1


def test_a_sender_killed_mid_send_leaves_a_claim_the_next_send_resolves(
        tmp_path: Path, mail_env: MailEnv) -> None:
    import signal
    import time

    db = f"sqlite:///{tmp_path / 'crash.sqlite3'}"
    _prepare_cli(db, mail_env)
    # A provider that files sent mail itself; the server then stalls before saying "250".
    mail_env.handler.file_in_sent = lambda data: mail_env.plant(data, "Sent")
    mail_env.handler.stall = 30
    env = {**os.environ, "FOLLOWUP_MAIL_PASSWORD": mail_env.password, "NO_COLOR": "1"}
    command = [sys.executable, "-m", "followup", "--db", db, "send", "1", "--yes", "--now", NOW]
    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    try:
        deadline = time.monotonic() + 60
        while not mail_env.handler.received:
            assert time.monotonic() < deadline and first.poll() is None, first.communicate()
            time.sleep(0.05)
        # While it runs, a second send is told and sends nothing.
        second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 5, second.stderr
        assert "already under way" in second.stderr and "nothing was sent" in second.stderr
        assert "\n" not in second.stderr.strip()
    finally:
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=30)
    mail_env.handler.stall = 0
    # The claimant is gone: the next send takes the claim over, finds the note in Sent and
    # only records it.
    third = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert third.returncode == 0, third.stderr
    assert "had already gone out" in third.stdout
    assert len(mail_env.handler.received) == 1
    from followup.store import open_store

    with open_store(db) as store:
        assert store.get_draft(1).status.value == "sent"
        assert store.send_claim(1) is None
        assert [e.draft_id for e in store.list_events() if e.kind.value == "sent"] == [1]

"""The mail commands end to end: setup (presets, flags, keyring or environment), stage, send
with confirmation, eml, mailto, replies clearing the check-in from `followup due`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from keyring.backend import KeyringBackend
from typer.testing import CliRunner

from conftest_mail import MailEnv, parse, reply_bytes
from followup.cli import app
from followup.cli.demo import sample_notes_path
from followup.paths import config_file

NOW = "2026-11-25T08:30:00-06:00"
LATER = "2026-12-10T09:00:00-06:00"  # after check-in 1 would be due


class Cli:
    def __init__(self, db: str) -> None:
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None) -> Any:
        return self.runner.invoke(app, ["--db", self.db, *args], input=input)

    def ok(self, *args: str, input: str | None = None) -> str:
        result = self(*args, input=input)
        assert result.exit_code == 0, result.output
        return str(result.stdout)

    def fails(self, code: int, *args: str) -> str:
        result = self(*args)
        assert result.exit_code == code, result.output
        message = str(result.stderr).strip()
        assert message.startswith("error: ") and "\n" not in message
        return message


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    run = Cli(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    run.ok("config", "set", "timezone", "America/Chicago")
    run.ok("import", str(sample_notes_path()))
    run.ok("draft", "1")  # drafts 1 Dana, 2 Luis (email), 3 Mei-Ling (LinkedIn)
    return run


def setup_flags(env: MailEnv) -> list[str]:
    return ["mail", "setup", "--address", "priya.raman@example.com", "--user", env.user,
            "--imap-host", "127.0.0.1", "--imap-port", str(env.dovecot.port),
            "--smtp-host", "127.0.0.1", "--smtp-port", str(env.smtp.plain_port),
            "--security", "none"]


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


def test_setup_with_flags_tests_both_servers_and_keeps_the_password_out_of_the_config(
        cli: Cli, mail_env: MailEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOLLOWUP_MAIL_PASSWORD", mail_env.password)
    out = cli.ok(*setup_flags(mail_env))
    assert "Using the password from the environment variable FOLLOWUP_MAIL_PASSWORD" in out
    assert "ok IMAP 127.0.0.1" in out and "Drafts folder 'Drafts'" in out
    assert "ok SMTP 127.0.0.1" in out and "logged in" in out
    assert mail_env.password not in config_file().read_text(encoding="utf-8")
    assert "Password from the environment variable" in cli.ok("mail", "test")


def test_the_password_goes_to_the_keyring_when_there_is_one(
        cli: Cli, mail_env: MailEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring

    ring = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(ring)
    try:
        monkeypatch.delenv("FOLLOWUP_MAIL_PASSWORD", raising=False)
        out = cli.ok(*setup_flags(mail_env), "--password-stdin", input=mail_env.password + "\n")
        assert f"Password stored in the system keyring as {mail_env.user}@127.0.0.1" in out
        assert ring.items == {("followup-mail", f"{mail_env.user}@127.0.0.1"): mail_env.password}
        assert "ok SMTP" in out
        assert "Password from the system keyring" in cli.ok("mail", "test")
    finally:
        keyring.set_keyring(previous)
    assert mail_env.password not in config_file().read_text(encoding="utf-8")


@pytest.mark.parametrize("address, expected", [
    ("someone@gmail.com", {"imap_host": "imap.gmail.com", "smtp_host": "smtp.gmail.com",
                           "smtp_port": 465, "copy_to_sent": "no"}),
    ("someone@hotmail.com", {"imap_host": "outlook.office365.com", "smtp_port": 587,
                             "smtp_security": "starttls"}),
    ("someone@fastmail.com", {"imap_host": "imap.fastmail.com", "smtp_port": 465}),
    ("someone@me.com", {"imap_host": "imap.mail.me.com", "smtp_host": "smtp.mail.me.com",
                        "smtp_port": 587, "smtp_security": "starttls"}),
])
def test_provider_presets_fill_in_the_servers(cli: Cli, address: str,
                                              expected: dict[str, Any]) -> None:
    import tomllib

    cli.ok("mail", "setup", "--address", address, "--no-test")
    mail = tomllib.loads(config_file().read_text(encoding="utf-8"))["mail"]
    assert mail["address"] == address and mail["user"] == address
    assert {key: mail[key] for key in expected} == expected


def test_setup_refuses_plain_text_to_another_machine_and_bad_values(cli: Cli) -> None:
    base = ["mail", "setup", "--address", "me@example.org", "--imap-host", "mail.example.org",
            "--smtp-host", "mail.example.org", "--no-test"]
    assert "only allowed for a server on this machine" in cli.fails(2, *base, "--security",
                                                                    "none")
    assert "'tls' is not one of ssl, starttls, none" in cli.fails(2, *base, "--security", "tls")
    assert "not an email address" in cli.fails(2, "mail", "setup", "--address", "me@",
                                               "--no-test")


def test_stage_send_and_replies_clear_the_check_in(
        cli: Cli, mail_env: MailEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOLLOWUP_MAIL_PASSWORD", mail_env.password)
    cli.ok(*setup_flags(mail_env))
    out = cli.ok("stage", "2", "--now", NOW)
    assert "Draft #2 is in your Drafts folder" in out
    assert len(mail_env.folder("Drafts")) == 1

    assert "Pass --yes" in cli.fails(2, "send", "1", "--now", NOW)  # no terminal to ask
    assert mail_env.handler.received == []
    out = cli.ok("send", "1", "--yes", "--now", NOW)
    for shown in ("From: Priya Raman <priya.raman@example.com>",
                  "To: Dana Whitfield <dana.whitfield@northwind.example>", "Subject: ",
                  "Sent draft #1 to dana.whitfield@northwind.example (thank-you)",
                  "A copy is in your Sent folder."):
        assert shown in out
    [got] = mail_env.handler.received
    message_id = parse(got.data)["Message-ID"]
    assert "already sent" in cli.fails(2, "send", "1", "--yes", "--now", NOW)

    due = json.loads(cli.ok("due", "--json", "--all", "--now", LATER))
    assert [i["status"] for i in due if i["kind"] == "check-in-1"] == ["overdue"]
    mail_env.plant(reply_bytes(sender="Dana Whitfield <dana.whitfield@northwind.example>",
                               date="Thu, 26 Nov 2026 10:00:00 -0500", in_reply_to=message_id))
    found = json.loads(cli.ok("replies", "--json", "--now", LATER))
    assert [(r["interviewer"], r["matched_by"], r["new"]) for r in found] == [
        ("Dana Whitfield", "in-reply-to", True)]
    assert list(found[0]) == ["interview_id", "company", "interviewer", "from", "subject",
                              "date", "matched_by", "draft_id", "new"]
    assert "known" in cli.ok("replies", "--now", LATER)
    due = json.loads(cli.ok("due", "--json", "--all", "--now", LATER))
    assert [i["status"] for i in due if i["kind"] == "check-in-1"] == ["cancelled"]


def test_a_mail_failure_is_one_line_and_exit_4(
        cli: Cli, mail_env: MailEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOLLOWUP_MAIL_PASSWORD", "not-the-password")
    cli.ok(*setup_flags(mail_env), "--no-test")
    assert "refused the login" in cli.fails(4, "stage", "1", "--now", NOW)
    assert "refused the login" in cli.fails(4, "send", "1", "--yes", "--now", NOW)
    assert "draft" in cli.ok("drafts", "1")  # still drafts, nothing marked


def test_mail_commands_without_an_account_say_how_to_set_one_up(cli: Cli) -> None:
    assert "followup mail setup" in cli.fails(2, "stage", "1")
    assert "followup mail setup" in cli.fails(2, "replies")


def test_eml_and_mailto_need_no_account(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "note.eml"
    assert "Wrote" in cli.ok("eml", "1", "-o", str(target), "--now", NOW)
    msg = parse(target.read_bytes())
    assert str(msg["To"]) == "Dana Whitfield <dana.whitfield@northwind.example>"
    link = cli.ok("mailto", "2").strip()
    assert link.startswith("mailto:luis.ortega@northwind.example?subject=")
    assert "not an email" in cli.fails(2, "mailto", "3")  # Mei-Ling: LinkedIn only


def test_explain_mail_shows_the_message_without_an_account(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    from datetime import datetime

    from conftest_mail import sample_store
    from followup.cli.mail_cmd import explain_mail
    from followup.config import defaults

    sample = sample_store(tmp_path)
    try:
        explain_mail(sample.store, sample.interview,
                     datetime.fromisoformat(NOW), defaults())
    finally:
        sample.store.close()
    out = capsys.readouterr().out
    assert "From: Priya Raman <priya.raman@example.com>" in out
    assert "Content-Type: text/plain; charset=\"utf-8\"; format=\"flowed\"" in out
    assert "followup stage ID" in out and "followup replies" in out

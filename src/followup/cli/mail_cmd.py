"""`followup mail setup|test`, `stage`, `send`, `eml`, `mailto` and `replies`.

    followup mail setup                      asks (provider settings filled in from the domain)
    followup mail setup --address A --imap-host H ... --security starttls   (no questions)
    followup mail test                       log in to both servers again
    followup stage 4                         draft #4 into your mailbox's Drafts folder
    followup send 4                          show it, confirm, send, mark sent
    followup eml 4 -o note.eml | mailto 4    hand-offs that need no account
    followup replies [--since DATE] [--json] notice replies; pending check-ins stop

Thin: everything that talks to a server or the store is in `followup.mail.service`, which
the web calls too. `explain_mail` is the demo's account-free tour of these steps.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape

from followup.cli import app
from followup.cli.common import confirm, parse_now, store_for, user_config
from followup.cli.render import console, print_json
from followup.errors import InputError, MailError

if TYPE_CHECKING:
    from followup.config import Config
    from followup.mail.account import Account, Password
    from followup.mail.service import Outgoing
    from followup.model import Interview
    from followup.store import Store

mail_app = typer.Typer(help="Set up and test the mail account (IMAP and SMTP).",
                       no_args_is_help=True)
app.add_typer(mail_app, name="mail")
NOW_HELP = "Pretend it is this moment (ISO 8601)."


@mail_app.command("setup")
def setup(
    address: str | None = typer.Option(None, "--address", help="Your email address."),
    user: str | None = typer.Option(None, "--user", help="Login name (default: address)."),
    imap_host: str | None = typer.Option(None, "--imap-host"),
    imap_port: int | None = typer.Option(None, "--imap-port"),
    smtp_host: str | None = typer.Option(None, "--smtp-host"),
    smtp_port: int | None = typer.Option(None, "--smtp-port"),
    security: str | None = typer.Option(None, "--security", help="ssl | starttls | none"),
    smtp_security: str | None = typer.Option(None, "--smtp-security",
                                             help="SMTP's own, when it differs"),
    ca_file: str | None = typer.Option(None, "--ca-file", help="Extra CA certificate (PEM)."),
    timeout: int | None = typer.Option(None, "--timeout", help="Seconds to wait for a server."),
    password_stdin: bool = typer.Option(False, "--password-stdin",
                                        help="Read the password from standard input."),
    test: bool = typer.Option(True, "--test/--no-test", help="Log in to both servers."),
) -> None:
    """Set up the mail account; the password goes to the system keyring, never to a file."""
    from followup.mail.account import Account, validate, with_overrides

    interactive = address is None
    if interactive and not sys.stdin.isatty():
        raise InputError("give --address (and the server flags) when not on a terminal")
    if address is None:
        address = typer.prompt("Your email address").strip()
    account = _starting_point(address)
    account = with_overrides(account, user=user, imap_host=imap_host, imap_port=imap_port,
                             smtp_host=smtp_host, smtp_port=smtp_port, security=security,
                             smtp_security=smtp_security, ca_file=ca_file, timeout=timeout)
    if interactive:
        account = _ask(account)
    account = validate(account)
    assert isinstance(account, Account)
    _save(account)
    console.print(f"Saved the mail settings for {escape(account.address)} to the config "
                  "(no password there).")
    password = _setup_password(account, interactive, password_stdin)
    if test and password is not None:
        _probe(account, password)


def _starting_point(address: str) -> Account:
    from followup.mail.account import Account, account_from_preset, preset_for

    preset = preset_for(address)
    if preset is not None:
        console.print(f"{preset.provider}: server settings filled in. Password: "
                      f"{escape(preset.help)}.")
        return account_from_preset(address, preset)
    return Account(address=address, user=address, imap_host="", imap_port=993,
                   smtp_host="", smtp_port=465)


def _ask(account: Account) -> Account:
    from dataclasses import replace

    def ask(label: str, value: Any, kind: type = str) -> Any:
        return typer.prompt(label, default=value if value not in ("", None) else None,
                            type=kind)

    return replace(
        account, user=ask("Login name", account.user),
        imap_host=ask("IMAP server", account.imap_host),
        imap_port=ask("IMAP port", account.imap_port, int),
        smtp_host=ask("SMTP server", account.smtp_host),
        smtp_port=ask("SMTP port", account.smtp_port, int),
        security=ask("Security (ssl, starttls, none)", account.security),
        smtp_security=ask("SMTP security if different (blank: same)",
                          account.smtp_security or "-").strip("-"),
    )


def _save(account: Account) -> None:
    from followup import config

    for key, value in account.settings().items():
        config.set_value(key, str(value))


def _setup_password(account: Account, interactive: bool, from_stdin: bool) -> Password | None:
    from followup.mail.account import (
        PASSWORD_ENV,
        Password,
        keyring_available,
        read_password,
        store_password,
    )

    secret = ""
    if from_stdin:
        secret = sys.stdin.readline().rstrip("\r\n")
    elif interactive and keyring_available():
        secret = typer.prompt("App password (goes to the system keyring)", hide_input=True)
    if secret and keyring_available():
        store_password(account, secret)
        console.print(f"Password stored in the system keyring as {account.keyring_name}.")
        return Password(secret, "keyring")
    if secret:
        console.print(f"No system keyring on this machine: the password is used for this test "
                      f"only. Set {PASSWORD_ENV} in your environment for later commands.")
        return Password(secret, "stdin")
    try:
        password = read_password(account)
    except MailError as error:
        console.print(f"[yellow]{escape(str(error))}[/]; connections not tested.")
        return None
    console.print(f"Using the password from {_source(password)}.")
    return password


def _source(password: Password) -> str:
    return "the system keyring" if password.source == "keyring" else \
        f"the environment variable {password.source}"


def _probe(account: Account, password: Password) -> None:
    from followup.mail.transport import connect

    for line in connect(account, password).probe():
        console.print(f"[green]ok[/] {escape(line)}")


@mail_app.command("test")
def test_connection() -> None:
    """Log in to the IMAP and SMTP servers and find the Drafts and Sent folders."""
    from followup.mail.account import read_password, require_account

    account = require_account(user_config())
    password = read_password(account)
    console.print(f"Password from {_source(password)}.")
    _probe(account, password)


def _account(config: Config) -> Account:
    from followup.mail.account import require_account

    return require_account(config)


@app.command("stage")
def stage(
    ctx: typer.Context,
    draft_id: int = typer.Argument(..., metavar="DRAFT_ID"),
    now: str | None = typer.Option(None, "--now", hidden=True, help=NOW_HELP),
) -> None:
    """Put a draft in your mailbox's Drafts folder, to review and send from your mail app."""
    from followup.mail import service

    config = user_config()
    account = _account(config)
    with store_for(ctx) as store:
        staged = service.stage(store, draft_id, account, now=parse_now(now), config=config)
    console.print(f"Draft #{draft_id} is in your [bold]{escape(staged.folder)}[/] folder "
                  f"({escape(account.address)}), Message-ID {escape(staged.message_id)}.")
    if staged.replaced:
        console.print(f"[yellow]An earlier copy ({escape(staged.replaced)}) is still there: "
                      "delete it in your mail program.[/]")
    console.print(f"Review and send it there, then record it with `followup sent {draft_id}` "
                  "(or let `followup replies` notice the answer).")


def show_outgoing(out: Outgoing) -> None:
    """Exactly what goes where: the headers as sent and the text of the note."""
    from email import message_from_bytes, policy

    msg = message_from_bytes(out.data, policy=policy.default)
    for header in ("From", "To", "Subject", "Date", "Message-ID"):
        console.print(f"[bold]{header}:[/] {escape(str(msg[header]))}")
    console.print()
    console.print(escape(out.draft.body.strip("\n")), soft_wrap=True)
    console.print()
    score = out.report.score
    errors = sum(1 for f in out.report.findings if f.severity.value == "error")
    console.print(f"[dim]check: score {score}/100, {len(out.report.findings)} finding(s), "
                  f"{errors} error(s)[/]")


@app.command("send")
def send(
    ctx: typer.Context,
    draft_id: int = typer.Argument(..., metavar="DRAFT_ID"),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
    force: bool = typer.Option(False, "--force", help="Send despite error-level findings."),
    now: str | None = typer.Option(None, "--now", hidden=True, help=NOW_HELP),
) -> None:
    """Send a draft over SMTP after showing it and asking; it is then marked sent."""
    from followup.mail import service

    config = user_config()
    account = _account(config)
    moment = parse_now(now)
    with store_for(ctx) as store:
        out = service.prepare_send(store, draft_id, account, now=moment, config=config)
        show_outgoing(out)
        if out.resuming:
            console.print(f"[yellow]An earlier send of draft #{draft_id} was interrupted; "
                          "followup first looks for it in your Sent folder.[/]")
        if out.report.has_errors and not force:
            raise InputError(service.refusal(out.report))
        if not confirm(f"Send this note to {out.recipient}?", assume_yes=yes):
            console.print("Not sent; the draft is unchanged.")
            return
        result = service.send(store, draft_id, account, now=moment, config=config,
                              force=force, prepared=out)
    from followup.tracking import KIND_LABEL

    if result.already:
        console.print(f"Draft #{draft_id} had already gone out: it is in your Sent folder. "
                      "Recorded as sent; nothing was sent again.")
    else:
        console.print(f"[green]Sent[/] draft #{draft_id} to {escape(out.recipient)} "
                      f"({KIND_LABEL[result.kind]}), Message-ID {escape(result.message_id)}.")
    if result.filed_in:
        console.print(f"A copy is in your {escape(result.filed_in)} folder.")
    if result.warning:
        console.print(f"[yellow]{escape(result.warning)}[/]")


@app.command("eml")
def eml(
    ctx: typer.Context,
    draft_id: int = typer.Argument(..., metavar="DRAFT_ID"),
    output: Path = typer.Option(..., "-o", "--output", metavar="FILE.eml"),
    now: str | None = typer.Option(None, "--now", hidden=True, help=NOW_HELP),
) -> None:
    """Write a draft as an .eml file your mail program opens, ready to send (no account)."""
    from followup.mail.account import load_account
    from followup.mail.service import eml_bytes
    from followup.paths import atomic_write_bytes

    config = user_config()
    with store_for(ctx) as store:
        data = eml_bytes(store, draft_id, now=parse_now(now), config=config,
                         account=load_account(config))
    atomic_write_bytes(output, data)
    console.print(f"Wrote {output} ({len(data):,} bytes); open it with your mail program.")


@app.command("mailto")
def mailto(ctx: typer.Context, draft_id: int = typer.Argument(..., metavar="DRAFT_ID")) -> None:
    """Print a mailto: link that opens the note in your mail program (no account)."""
    from followup.mail.service import mailto as link

    with store_for(ctx) as store:
        typer.echo(link(store, draft_id))


@app.command("replies")
def replies(
    ctx: typer.Context,
    since: str | None = typer.Option(None, "--since", metavar="DATE",
                                     help="Only messages from this day on (YYYY-MM-DD)."),
    as_json: bool = typer.Option(False, "--json", help="Print the replies as JSON."),
    now: str | None = typer.Option(None, "--now", hidden=True, help=NOW_HELP),
) -> None:
    """Scan the inbox for replies to sent notes (read-only); record them, stop check-ins."""
    from followup.mail.service import scan_replies

    day: date | None = None
    if since is not None:
        try:
            day = date.fromisoformat(since)
        except ValueError:
            raise InputError(f"--since: {since!r} is not a date like 2026-11-24") from None
    config = user_config()
    account = _account(config)
    with store_for(ctx) as store:
        found = scan_replies(store, account, day, parse_now(now))
    if as_json:
        print_json([reply.to_dict() for reply in found])
        return
    if not found:
        console.print("No replies to your notes yet.")
        return
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(config.timezone)
    for reply in found:
        who = reply.interviewer or reply.sender
        mark = "[green]new[/]" if reply.new else "[dim]known[/]"
        when = reply.at.astimezone(zone)
        console.print(f"{mark} #{reply.interview_id} {escape(reply.company)}: "
                      f"{escape(who)} — {escape(reply.subject)} "
                      f"[dim]({when:%Y-%m-%d %H:%M %Z}, by {reply.matched_by})[/]")
    fresh = sorted({r.interview_id for r in found if r.new})
    if fresh:
        ids = ", ".join(f"#{i}" for i in fresh)
        console.print(f"Recorded; pending check-ins for {ids} are cancelled (see `followup due`).")


def explain_mail(store: Store, interview: Interview, now: datetime, settings: Config) -> None:
    """The demo's mail step, without an account: a draft as the .eml it would be, and the
    commands that stage, send and watch for replies."""
    from email import message_from_bytes, policy

    from followup.mail.eml import build_message, message_bytes
    from followup.mail.service import sender_identity
    from followup.tracking import draft_recipient

    drafts = [d for d in store.list_drafts(interview.id) if d.medium.value == "email"]
    if not drafts:
        console.print("No email draft to show.")
        return
    draft = drafts[0]
    person = draft_recipient(interview, draft)
    me = sender_identity(interview, settings, None)
    msg = message_from_bytes(message_bytes(build_message(draft, interview, person, me,
                                                         now=now)), policy=policy.default)
    console.print(f"Draft #{draft.id} as the message that would go out (the same bytes are "
                  "staged, sent or saved as .eml):\n")
    for header in ("From", "To", "Subject", "Date", "Message-ID", "Content-Type"):
        console.print(f"  [bold]{header}:[/] {escape(str(msg[header]))}")
    console.print(
        "\nWith no account: [bold]followup eml ID -o note.eml[/] (open it in your mail "
        "program) or [bold]followup mailto ID[/] (a link).\n"
        "With an account ([bold]followup mail setup[/]: IMAP + SMTP, an app password kept in "
        "the system keyring):\n"
        "  [bold]followup stage ID[/]    put it in your Drafts folder to review there\n"
        "  [bold]followup send ID[/]     show exactly what goes, ask, send, mark it sent\n"
        "  [bold]followup replies[/]     notice the interviewer's answer; check-ins stop")

"""Staging, sending and handing off a draft: the one core the CLI and the web both call.

    staged = stage(store, draft_id, account, transport, now=now)      # into Drafts, "staged"
    outgoing = prepare_send(store, draft_id, account, now=now)        # what will go (preview)
    sent = send(store, draft_id, account, transport, now=now)         # SMTP, then "sent"
    data = eml_bytes(store, draft_id, now=now, config=config)         # the same bytes, a file
    found = scan_replies(store, account, since, now, transport=t)     # see `replies`

Exactly once: before any connection, `send` claims the draft in the database with one
conditional UPDATE that only one claimant can win (across processes and web requests, on
SQLite and PostgreSQL); it stores the Message-ID it will use and the moment with the claim.
A second send while one is under way is told so and sends nothing (ConflictError); one that
comes after finds the draft sent. When the connection breaks while the message is being
handed over, the claim is given back but the mark (`sent_at` on a draft not yet sent) stays;
when the claimant dies, its claim goes stale (see `claim`). Either way the next `send` first
looks for the Message-ID in the Sent folder and, when it is there, only records the send. A
failure that certainly sent nothing (server down, wrong password, TLS, refused) puts the
draft back exactly as it was.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from followup.errors import ConflictError, FollowupError, InputError, MailError
from followup.mail.claim import Holder, WallClock, new_token, wall_clock
from followup.mail.eml import build_message, check_mailable, mailto_link, message_bytes
from followup.mail.eml import new_message_id as make_message_id
from followup.mail.replies import Reply, scan_replies
from followup.mail.transport import Folder, Transport
from followup.model import (
    Draft,
    DraftStatus,
    FollowupKind,
    Interview,
    Interviewer,
    Me,
    Report,
)

if TYPE_CHECKING:
    from followup.config import Config
    from followup.mail.account import Account
    from followup.store import Store

__all__ = ["Outgoing", "Reply", "Sent", "Staged", "eml_bytes", "mailto", "prepare_send",
           "scan_replies", "send", "stage"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Staged:
    draft: Draft
    folder: str
    message_id: str
    replaced: str | None  # the Message-ID of an earlier staged copy still in Drafts


@dataclass(frozen=True)
class Outgoing:
    """Exactly what `send` would hand to the server, and the checker's verdict on it."""

    draft: Draft  # as stored
    interview: Interview
    person: Interviewer
    me: Me
    message_id: str
    data: bytes
    report: Report
    kind: FollowupKind
    resuming: bool  # an earlier send of this draft was interrupted
    stale_claim: str | None = None  # the claim a dead claimant left, to take over

    @property
    def recipient(self) -> str:
        return self.person.email.strip()


@dataclass(frozen=True)
class Sent:
    draft: Draft
    message_id: str
    kind: FollowupKind
    already: bool  # found in Sent after an interrupted send: nothing was sent this time
    filed_in: str | None  # the Sent folder a copy was appended to, if followup did it
    warning: str | None


def sender_identity(interview: Interview, config: Config | None,
                    account: Account | None) -> Me:
    """Who the note is from: the candidate's name, the account's address when mail is set up."""
    from followup.compose.outline import sender

    me = sender(interview, config)
    return replace(me, email=account.address) if account is not None else me


def _free_or_stale(store: Store, draft_id: int, clock: WallClock) -> str | None:
    """None when nobody is sending the draft, the stale claim when its claimant is gone;
    ConflictError when a send is under way."""
    found = store.send_claim(draft_id)
    if found is None:
        return None
    holder = Holder(*found)
    if holder.stale(clock()):
        return holder.token
    raise holder.under_way(draft_id)


def _load(store: Store, draft_id: int) -> tuple[Draft, Interview, Interviewer]:
    from followup.tracking import draft_recipient

    draft = store.get_draft(draft_id)
    interview = store.get_interview(draft.interview_id)
    person = check_mailable(draft, draft_recipient(interview, draft))
    return draft, interview, person


def _refuse_sent(draft: Draft) -> None:
    if draft.status is DraftStatus.SENT:
        when = f" on {draft.sent_at:%Y-%m-%d %H:%M %Z}" if draft.sent_at else ""
        raise InputError(f"draft #{draft.id} was already sent{when}; followup never sends "
                         "a note twice")


def _pending_send(draft: Draft) -> bool:
    return (draft.status is not DraftStatus.SENT and draft.sent_at is not None
            and draft.message_id is not None)


def _connect(account: Account, transport: Transport | None) -> Transport:
    if transport is not None:
        return transport
    from followup.mail.account import read_password
    from followup.mail.transport import connect

    return connect(account, read_password(account))


def stage(
    store: Store, draft_id: int, account: Account, transport: Transport | None = None, *,
    now: datetime, config: Config | None = None,
) -> Staged:
    """Append the draft to the mailbox's Drafts folder and mark it staged.

    The draft gets a new Message-ID (kept, so a reply to the copy sent from the user's own
    mail program is recognised). Nothing is stored when the server refuses.
    """
    draft, interview, person = _load(store, draft_id)
    _refuse_sent(draft)
    if _free_or_stale(store, draft_id, wall_clock) is not None or _pending_send(draft):
        raise InputError(f"a send of draft #{draft_id} was interrupted; run `followup send "
                         f"{draft_id}` to finish it (it checks Sent first) before staging")
    me = sender_identity(interview, config, account)
    message_id = make_message_id(me.email, now)
    view = replace(draft, message_id=message_id)
    data = message_bytes(build_message(view, interview, person, me, now=now))
    folder = _connect(account, transport).append(Folder.DRAFTS, data, when=now, draft=True)
    log.info("staged draft #%s in %s (%d bytes)", draft_id, folder, len(data))
    saved = store.save_draft(replace(view, status=DraftStatus.STAGED))
    earlier = draft.message_id if draft.status is DraftStatus.STAGED else None
    return Staged(saved, folder, message_id, earlier)


def prepare_send(
    store: Store, draft_id: int, account: Account, *, now: datetime,
    config: Config | None = None, clock: WallClock = wall_clock,
) -> Outgoing:
    """What `send` would do, without doing it: the bytes, the recipient, the check.
    ConflictError when another send of the draft is under way."""
    from followup.compose import full_text
    from followup.drafting import check_draft, panel_drafts
    from followup.tracking import next_kind

    draft, interview, person = _load(store, draft_id)
    _refuse_sent(draft)
    stale = _free_or_stale(store, draft_id, clock)
    kind = next_kind(draft.stage, person, store.list_events(interview.id))
    me = sender_identity(interview, config, account)
    resuming = _pending_send(draft)
    view = draft if resuming else replace(draft, message_id=make_message_id(me.email, now))
    assert view.message_id is not None
    data = message_bytes(build_message(view, interview, person, me, now=now))
    others = tuple(full_text(d) for d in panel_drafts(store, draft))
    everyone = tuple(i for i in store.all_interviews() if i.id != interview.id)
    report = check_draft(draft, interview, person, config, now=now, others=everyone,
                         other_drafts=others)
    return Outgoing(draft, interview, person, me, view.message_id, data, report, kind,
                    resuming or stale is not None, stale)


def refusal(report: Report) -> str:
    """Why a note with error-level findings is not sent, naming the first ones."""
    from followup.model.report import Severity

    errors = [f for f in report.findings if f.severity is Severity.ERROR]
    listed = "; ".join(f"{f.rule}: {f.message}" for f in errors[:3])
    more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
    return (f"not sent: the checker found {len(errors)} error(s): {listed}{more}. Fix the "
            "draft, or pass --force to send it anyway")


def send(
    store: Store, draft_id: int, account: Account, transport: Transport | None = None, *,
    now: datetime, config: Config | None = None, force: bool = False,
    prepared: Outgoing | None = None, clock: WallClock = wall_clock,
) -> Sent:
    """Send the draft over SMTP after the checker's re-check; mark it sent and record the
    SENT event the timeline expects; file a copy in Sent when the provider does not.

    `prepared` is what `prepare_send` showed the user: exactly those bytes (Message-ID and
    Date included) go out, provided the draft has not changed since. Nothing is sent unless
    this call wins the draft's claim (see the module docstring); `clock` is the wall clock
    the claim's lease runs on.
    """
    out = prepare_send(store, draft_id, account, now=now, config=config, clock=clock)
    if prepared is not None:
        if prepared.draft != out.draft or prepared.draft.id != draft_id:
            raise InputError(f"draft #{draft_id} changed after it was shown; nothing was "
                             "sent, run the send again")
        out = replace(prepared, resuming=out.resuming, stale_claim=out.stale_claim)
    if out.report.has_errors and not force:
        raise InputError(refusal(out.report))
    before = out.draft
    token = new_token()
    # The claim, with the mark of a send under way, stored before the server hears anything.
    sent_at = before.sent_at if out.resuming and before.sent_at else now
    if not store.claim_send(before, message_id=out.message_id, sent_at=sent_at, token=token,
                            claimed_at=clock(), replacing=out.stale_claim):
        raise _lost(store, draft_id)
    try:
        mailer = _connect(account, transport)
        if out.resuming and mailer.contains(Folder.SENT, out.message_id):
            kind, saved = _finish(store, draft_id, token, sent_at)
            return Sent(saved, out.message_id, kind, True, None, None)
        mailer.send(out.data, out.me.email, [out.recipient])
    except MailError as error:
        if error.maybe_sent:
            store.release_send(draft_id, token, restore=None)  # the mark stays: resolve later
            raise MailError(
                f"{error}. The note may have gone out: run `followup send {draft_id}` again; "
                f"it looks for Message-ID {out.message_id} in your Sent folder before "
                "sending anything", maybe_sent=True) from error
        # Certainly not sent: the draft is as it was (an earlier interrupted mark included).
        store.release_send(draft_id, token, restore=before if before.sent_at is None else None)
        raise
    except BaseException:
        store.release_send(draft_id, token, restore=None)  # unknown: resolve on the next run
        raise
    log.info("sent draft #%s (%d bytes)", draft_id, len(out.data))
    kind, saved = _finish(store, draft_id, token, now if out.resuming else sent_at)
    filed_in, warning = _file_copy(account, mailer, out, now)
    return Sent(saved, out.message_id, kind, False, filed_in, warning)


def _finish(store: Store, draft_id: int, token: str, at: datetime) -> tuple[FollowupKind, Draft]:
    """Record the send this claimant made: the draft sent, the SENT event, the claim gone."""
    from followup.tracking import sent_event

    kind, event, _, _ = sent_event(store, store.get_draft(draft_id), at)
    return kind, store.finish_send(draft_id, token, event)


def _lost(store: Store, draft_id: int) -> FollowupError:
    """Why this caller did not win the claim: sent meanwhile, under way, or changed."""
    draft = store.get_draft(draft_id)
    if draft.status is DraftStatus.SENT:
        when = f" on {draft.sent_at:%Y-%m-%d %H:%M %Z}" if draft.sent_at else ""
        return ConflictError(f"draft #{draft_id} was already sent{when} (by another "
                             "followup at the same time); nothing was sent again")
    found = store.send_claim(draft_id)
    if found is not None:
        return Holder(*found).under_way(draft_id)
    return ConflictError(f"draft #{draft_id} changed while it was being sent; nothing was "
                         "sent, run the send again")


def _file_copy(account: Account, mailer: Transport, out: Outgoing, now: datetime
               ) -> tuple[str | None, str | None]:
    """Append the sent message to Sent unless the provider files it itself."""
    mode = account.copy_to_sent
    try:
        if mode == "no" or (mode == "auto" and mailer.contains(Folder.SENT, out.message_id)):
            return None, None
        return mailer.append(Folder.SENT, out.data, when=now, draft=False), None
    except MailError as error:
        return None, f"sent, but no copy could be filed in your Sent folder: {error}"


def _hand_off_draft(store: Store, draft_id: int) -> tuple[Draft, Interview, Interviewer]:
    draft, interview, person = _load(store, draft_id)
    return draft, interview, person


def eml_bytes(
    store: Store, draft_id: int, *, now: datetime, config: Config | None = None,
    account: Account | None = None, remember: bool = True,
) -> bytes:
    """The draft as an .eml file's bytes: the very bytes staged or sent when it was, else a
    new message whose Message-ID is stored when `remember` (so a reply to it is recognised
    by Message-ID; without, replies are still matched by sender). The web's GET download
    passes remember=False: a GET changes nothing."""
    draft, interview, person = _hand_off_draft(store, draft_id)
    me = sender_identity(interview, config, account)
    if draft.message_id is None:
        from followup.mail.headers import check_address

        check_address("your address (me.email or mail.address)", me.email)
        draft = replace(draft, message_id=make_message_id(me.email, now))
        if remember:
            draft = store.save_draft(draft)
    return message_bytes(build_message(draft, interview, person, me, now=now))


def mailto(store: Store, draft_id: int) -> str:
    """A mailto: link that opens the note in the user's own mail program."""
    draft, _, person = _hand_off_draft(store, draft_id)
    return mailto_link(draft, person)

"""The Store: the one object the CLI and the web use to keep interview records.

Each public method is one transaction. Writes on SQLite take the write lock up front
(`BEGIN IMMEDIATE`) so concurrent processes queue instead of failing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, TypeVar

import sqlalchemy as sa

from followup.errors import ConflictError, FollowupError, InputError, NotFoundError, StorageError
from followup.model import Draft, Event, EventKind, Interview, Status
from followup.model.limits import DB_INT_MAX
from followup.store import followups
from followup.store import repository as repo
from followup.store.connect import WRITE, connection_error, create_engine
from followup.store.migrate import ensure_head
from followup.store.records import InterviewSummary, RestoreResult
from followup.store.urls import redact, resolve_url, sqlite_path

Clock = Callable[[], datetime]
_R = TypeVar("_R")


def _utc_now() -> datetime:
    return datetime.now(UTC)


def open_store(url: str | None = None, *, clock: Clock = _utc_now) -> Store:
    """Open (creating and migrating as needed) the database at `url` or the default one."""
    resolved = resolve_url(url)
    db_file = sqlite_path(resolved)
    if db_file is not None:
        from followup.paths import create_private

        try:
            # 0600 before SQLite opens it; its -wal and -shm files take the same mode.
            create_private(db_file)
        except OSError as exc:
            raise StorageError(f"cannot create {db_file}: {exc.strerror}") from None
    engine = create_engine(resolved)
    try:
        backup = ensure_head(engine, resolved, clock())
    except FollowupError:
        engine.dispose()
        raise
    except (sa.exc.SQLAlchemyError, OSError) as exc:
        engine.dispose()
        raise connection_error(resolved, exc) from None
    return Store(engine, resolved, clock=clock, migration_backup=backup)


class Store:
    """Interview records in SQLite or PostgreSQL; see module docstring."""

    def __init__(
        self, engine: sa.Engine, url: str, *, clock: Clock = _utc_now,
        migration_backup: Path | None = None,
    ) -> None:
        self._engine = engine
        self.url = url
        self._clock = clock
        # The copy made before migrating on open, if any; the CLI may mention it.
        self.migration_backup = migration_backup

    @property
    def safe_url(self) -> str:
        """The URL without its password, for messages."""
        return redact(self.url)

    @contextmanager
    def _transaction(self, *, write: bool) -> Iterator[sa.Connection]:
        try:
            with self._engine.connect() as conn:
                if write:
                    conn = conn.execution_options(**{WRITE: True})
                with conn.begin():
                    yield conn
        except sa.exc.IntegrityError as exc:
            raise InputError(f"{self.safe_url}: the change conflicts with stored data "
                             f"({str(exc.orig).splitlines()[0]})") from exc
        except sa.exc.OperationalError as exc:
            raise connection_error(self.url, exc, "database error on") from exc
        except OverflowError:  # SQLite: an id past 2^63 - 1 cannot even be looked up
            raise NotFoundError(f"no such record: a number past {DB_INT_MAX} cannot be an id "
                                "followup gave") from None
        except sa.exc.DataError as exc:  # PostgreSQL: a value out of a column's range
            raise InputError(f"{self.safe_url}: a value cannot be stored "
                             f"({str(exc.orig).splitlines()[0]})") from exc

    # -- writing ---------------------------------------------------------------------------

    def save_interview(
        self, interview: Interview
    ) -> tuple[Interview, Literal["created", "updated"]]:
        """Insert or update: by `interview.id` if set, else by company, role and start."""
        repo.check_storable(interview)
        return self._retrying_key_race(lambda conn: self._save(conn, interview))

    def save_interviews(
        self, named: Sequence[tuple[str, Interview]]
    ) -> list[tuple[Interview, Literal["created", "updated"]]]:
        """Save several records (each named by its source, e.g. its file) in one transaction:
        all are stored or none is, and an error names the source it came from."""
        for source, interview in named:
            _named(source, repo.check_storable, interview)
        return self._retrying_key_race(
            lambda conn: [_named(source, self._save, conn, interview)
                          for source, interview in named])

    def _retrying_key_race(self, work: Callable[[sa.Connection], _R]) -> _R:
        """Run `work` in a write transaction, once more if it lost a race on the natural key.

        On PostgreSQL two imports of the same new record both find no row and both insert;
        the second insert waits for the first and then breaks the unique key. Run again, it
        finds the row and updates it, as a single import would (SQLite's writers queue, so
        there the first attempt always sees the row)."""
        for attempt in (1, 2):
            try:
                with self._transaction(write=True) as conn:
                    return work(conn)
            except InputError as error:
                if attempt == 2 or not _natural_key_race(error):
                    raise
        raise AssertionError("unreachable")

    def _save(
        self, conn: sa.Connection, interview: Interview
    ) -> tuple[Interview, Literal["created", "updated"]]:
        now = self._clock()
        same_key = repo.find_id(conn, interview)
        if interview.id is None:
            if same_key is None:
                return repo.insert(conn, interview, now), "created"
            return repo.update(conn, same_key, interview, now), "updated"
        if not repo.exists(conn, interview.id):
            raise _not_found(interview.id)
        if same_key is not None and same_key != interview.id:
            raise InputError(
                f"interview {same_key} already has company {interview.company!r}, role "
                f"{interview.role!r} and start {interview.starts_at.isoformat()}; "
                f"cannot give interview {interview.id} the same"
            )
        return repo.update(conn, interview.id, interview, now), "updated"

    def delete_interview(self, interview_id: int) -> Interview:
        """Delete an interview with everything under it; returns what was deleted."""
        with self._transaction(write=True) as conn:
            found = repo.load(conn, interview_id)
            if not found:
                raise _not_found(interview_id)
            repo.delete(conn, interview_id)
            return found[0]

    def restore(self, data: Any, *, source: str = "backup") -> RestoreResult:
        """Merge a backup in, matching records by natural key; all or nothing.

        The whole file is checked before anything is written. Restoring the same backup
        twice changes nothing the second time: a record whose fields, drafts and events
        equal the backup's counts as unchanged and is not touched (its updated_at stays);
        see `backup_restore` for what is compared and what is replaced.
        """
        # Backups are rare; their modules load only when used, keeping every command's start
        # (and `followup list`'s in particular) light.
        from followup.store import backup_restore
        from followup.store.backup import parse_backup

        incoming = parse_backup(data, source)
        with self._transaction(write=True) as conn:
            return backup_restore.merge(conn, incoming, self._clock())

    # -- reading ---------------------------------------------------------------------------

    def find_by_natural_key(self, interview: Interview) -> int | None:
        with self._transaction(write=False) as conn:
            return repo.find_id(conn, interview)

    def get_interview(self, interview_id: int) -> Interview:
        with self._transaction(write=False) as conn:
            found = repo.load(conn, interview_id)
        if not found:
            raise _not_found(interview_id)
        return found[0]

    def list_interviews(self, *, status: Status | None = None) -> list[InterviewSummary]:
        """Summaries, newest start first."""
        with self._transaction(write=False) as conn:
            return repo.summaries(conn, status)

    def all_interviews(self) -> list[Interview]:
        """Every full record, newest start first (five queries in all)."""
        with self._transaction(write=False) as conn:
            return repo.load(conn)

    def export_all(self) -> dict[str, Any]:
        """The whole database as a backup document, read in one transaction (see `restore`)."""
        from followup.store import backup_restore

        with self._transaction(write=False) as conn:
            return backup_restore.export_document(conn)

    # -- after the interview: drafts and events -------------------------------------------

    def save_draft(self, draft: Draft) -> Draft:
        """Insert a draft (no id) or overwrite the stored one with the same id; a draft being
        sent cannot change (ConflictError)."""
        with self._transaction(write=True) as conn:
            if not repo.exists(conn, draft.interview_id):
                raise _not_found(draft.interview_id)
            now = self._clock()
            if draft.id is None:
                draft_id = followups.insert_draft(conn, draft, now)
            elif followups.update_draft(conn, draft, now):
                draft_id = draft.id
            elif followups.send_claim(conn, draft.id) is not None:
                raise _under_way(draft.id)
            else:
                raise _draft_not_found(draft.id)
            return followups.load_drafts(conn, draft_id=draft_id)[0]

    def get_draft(self, draft_id: int) -> Draft:
        with self._transaction(write=False) as conn:
            found = followups.load_drafts(conn, draft_id=draft_id)
        if not found:
            raise _draft_not_found(draft_id)
        return found[0]

    def list_drafts(self, interview_id: int | None = None) -> list[Draft]:
        """Drafts in creation order, of one interview or of all."""
        with self._transaction(write=False) as conn:
            return followups.load_drafts(conn, interview_id=interview_id)

    def record_event(self, event: Event) -> Event:
        """Store something that happened (a note sent, a reply, a close)."""
        with self._transaction(write=True) as conn:
            if not repo.exists(conn, event.interview_id):
                raise _not_found(event.interview_id)
            return replace(event, id=_insert_event(conn, event))

    def record_sent(self, draft: Draft, event: Event) -> Draft:
        """Mark a draft sent at `draft.sent_at` and store the SENT event: both or neither.

        Conditional on the draft not being sent already nor claimed by a send under way, so
        of two callers at once the second is told (ConflictError), whatever the timing."""
        with self._transaction(write=True) as conn:
            if draft.id is None:
                raise _draft_not_found(0)
            assert draft.sent_at is not None
            if not followups.mark_sent(conn, draft.id, draft.sent_at, self._clock(),
                                       token=None):
                found = followups.load_drafts(conn, draft_id=draft.id)
                if not found:
                    raise _draft_not_found(draft.id)
                if found[0].status.value == "sent":
                    raise ConflictError(f"draft #{draft.id} is already recorded as sent")
                raise _under_way(draft.id)
            _insert_event(conn, event)
            return followups.load_drafts(conn, draft_id=draft.id)[0]

    # -- sending exactly once: see `followup.mail.claim` -----------------------------------

    def send_claim(self, draft_id: int) -> tuple[str, datetime | None] | None:
        """The claim of a send under way on this draft (token, since when), or None."""
        with self._transaction(write=False) as conn:
            return followups.send_claim(conn, draft_id)

    def claim_send(self, seen: Draft, *, message_id: str, sent_at: datetime, token: str,
                   claimed_at: datetime, replacing: str | None = None) -> bool:
        """Take the send claim on `seen` if it is still exactly as seen and free (or held by
        `replacing`); True when this caller won it. One conditional UPDATE."""
        with self._transaction(write=True) as conn:
            return followups.claim_draft(conn, seen, message_id=message_id, sent_at=sent_at,
                                         token=token, claimed_at=claimed_at,
                                         replacing=replacing, now=self._clock())

    def release_send(self, draft_id: int, token: str, *, restore: Draft | None) -> None:
        """Give a claim back after a failed send (see `followups.release_claim`)."""
        with self._transaction(write=True) as conn:
            followups.release_claim(conn, draft_id, token, restore=restore,
                                    now=self._clock())

    def finish_send(self, draft_id: int, token: str, event: Event) -> Draft:
        """Record the send a claimant made: the draft sent at `event.at`, its SENT event, the
        claim gone. Already recorded (by a claimant that took over): left as it is."""
        with self._transaction(write=True) as conn:
            if followups.mark_sent(conn, draft_id, event.at, self._clock(), token=token):
                _insert_event(conn, event)
            found = followups.load_drafts(conn, draft_id=draft_id)
            if not found:
                raise _draft_not_found(draft_id)
            return found[0]

    def list_events(self, interview_id: int | None = None) -> list[Event]:
        """Events in the order they happened, of one interview or of all."""
        with self._transaction(write=False) as conn:
            return followups.load_events(conn, interview_id=interview_id)

    def close_interview(self, interview_id: int, outcome: str, at: datetime) -> Interview:
        """Mark an interview closed with its outcome and record when; one transaction."""
        with self._transaction(write=True) as conn:
            found = repo.load(conn, interview_id)
            if not found:
                raise _not_found(interview_id)
            closed = replace(found[0], status=Status.CLOSED, outcome=outcome)
            repo.update(conn, interview_id, closed, self._clock())
            followups.insert_event(conn, Event(interview_id, EventKind.CLOSED, at,
                                               detail=outcome))
            return repo.load(conn, interview_id)[0]

    def open_interviews_with_events(self) -> list[tuple[Interview, list[Event], list[Draft]]]:
        """Every open interview with its events and drafts, for the agenda (four queries).

        The records carry times, zones and people but no notes; see `store.agenda`.
        """
        from followup.store.agenda import load_open_for_agenda

        with self._transaction(write=False) as conn:
            return load_open_for_agenda(conn)

    # -- lifetime --------------------------------------------------------------------------

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.safe_url!r})"


def _id(interview: Interview) -> int:
    assert interview.id is not None, "records loaded from the store carry ids"
    return interview.id


def _natural_key_race(error: BaseException) -> bool:
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, sa.exc.IntegrityError):
            return "uq_interviews_natural_key" in str(cause.orig) or \
                "interviews.company_key" in str(cause.orig)
        cause = cause.__cause__
    return False


def _named(source: str, work: Callable[..., _R], *args: Any) -> _R:
    """Run `work`; a FollowupError it raises is re-raised naming `source` first. A database
    error (constraint, value out of range) is turned into one too, so the transaction around
    it rolls back and the message still says which file it was."""
    try:
        return work(*args)
    except FollowupError as error:
        raise type(error)(f"{source}: {error.message}") from error
    except (sa.exc.IntegrityError, sa.exc.DataError) as exc:
        raise InputError(f"{source}: cannot be stored "
                         f"({str(exc.orig).splitlines()[0]})") from exc


def _insert_event(conn: sa.Connection, event: Event) -> int:
    """Insert an event; a second SENT event for the same draft, thank-you recipient or
    check-in (unique indexes) is a ConflictError naming it, not a database error."""
    try:
        return followups.insert_event(conn, event)
    except sa.exc.IntegrityError:
        if event.kind is not EventKind.SENT:
            raise
    if event.draft_id is not None:
        what = f"draft #{event.draft_id}"
    elif event.followup is not None and event.followup.value == "thank-you":
        what = f"the thank-you to {event.detail or 'this interviewer'}"
    else:
        what = f"{event.followup.value if event.followup else 'this note'} of " \
               f"#{event.interview_id}"
    raise ConflictError(f"{what} is already recorded as sent; nothing was recorded twice")


def _under_way(draft_id: int) -> ConflictError:
    return ConflictError(f"a send of draft #{draft_id} is under way; it cannot change now "
                         f"(if no followup is sending it, `followup send {draft_id}` finishes "
                         "it)")


def _draft_not_found(draft_id: int) -> NotFoundError:
    return NotFoundError(f"no draft with id {draft_id}; `followup drafts ID` lists an interview's")


def _not_found(interview_id: int) -> NotFoundError:
    return NotFoundError(f"no interview with id {interview_id}; `followup list` shows the ids")

"""One error hierarchy for the whole tool, mapped to exit codes (CLI) and HTTP statuses (web).

Every user mistake raises a FollowupError subclass whose message is one clear line that names
the file, line, field or value at fault and says what was expected.
"""

from __future__ import annotations


class FollowupError(Exception):
    """Base of every error a user can cause or fix."""

    exit_code = 1
    http_status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(FollowupError):
    """Bad input: a malformed file, flag or value."""

    exit_code = 2
    http_status = 422


class NotesFormatError(InputError):
    """A notes file that does not follow NOTES-FORMAT.md; carries where the problem is."""

    def __init__(
        self, problem: str, *, file: str | None = None, line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.problem = problem
        self.file = file
        self.line = line
        self.field = field
        where = file or "<notes>"
        if line is not None:
            where += f":{line}"
        if field:
            where += f": {field}"
        super().__init__(f"{where}: {problem}")


class NotFoundError(FollowupError):
    """A record the user named does not exist."""

    exit_code = 2
    http_status = 404


class ConfigError(FollowupError):
    """A bad configuration key or value."""

    exit_code = 2
    http_status = 422


class ConflictError(FollowupError):
    """The request collides with work under way or already done (a send in progress, an
    event already recorded); nothing was changed."""

    exit_code = 5
    http_status = 409


class StorageError(FollowupError):
    """The database cannot be opened, migrated or written."""

    exit_code = 3
    http_status = 500


class MailError(FollowupError):
    """A mail server could not be reached or refused: down, wrong password, TLS, timeout, full.

    `maybe_sent` is True when the connection broke while the message was being handed over,
    so it may have gone out; `followup send` then checks the Sent folder before trying again.
    """

    exit_code = 4
    http_status = 502

    def __init__(self, message: str, *, maybe_sent: bool = False) -> None:
        super().__init__(message)
        self.maybe_sent = maybe_sent

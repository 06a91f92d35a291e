"""The database schema as SQLAlchemy Core tables: one interview and its children.

This is the schema the code reads and writes at head. Migrations in `migrations/versions`
spell out their own DDL (they must not change when this file does); a test checks that
upgrading to head yields exactly these tables.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

# Named constraints, so later migrations (and SQLite batch mode) can refer to them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING)


class UTCDateTime(sa.TypeDecorator[datetime]):
    """An aware datetime stored as UTC.

    PostgreSQL keeps `timestamptz`; SQLite has no zone support, so the value is stored naive
    in UTC and read back as UTC. Either way the caller always gets an aware datetime.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)  # type: ignore[no-any-return]
        return value.astimezone(UTC)  # type: ignore[no-any-return]


def _cascade_fk(target: str) -> sa.ForeignKey:
    return sa.ForeignKey(target, ondelete="CASCADE")


interviews = sa.Table(
    "interviews",
    metadata,
    # sqlite_autoincrement: never hand a deleted interview's id to a new one, since users
    # type these ids (`followup show 7`) and later tables refer to them.
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("company", sa.Text, nullable=False),
    sa.Column("role", sa.Text, nullable=False),
    # The natural key, computed in Python (strip + casefold) because SQL lower() is
    # ASCII-only on SQLite and would disagree with PostgreSQL on "Zürich" or "İstanbul".
    sa.Column("company_key", sa.Text, nullable=False),
    sa.Column("role_key", sa.Text, nullable=False),
    sa.Column("starts_at", UTCDateTime, nullable=False),
    sa.Column("timezone", sa.Text, nullable=False),
    sa.Column("duration_minutes", sa.Integer, nullable=False),
    sa.Column("round", sa.Integer),
    sa.Column("format", sa.Text),
    sa.Column("culture", sa.Text, nullable=False),
    sa.Column("decision_by", sa.Date),
    sa.Column("job_description", sa.Text, nullable=False),
    sa.Column("notes", sa.Text, nullable=False),
    sa.Column("me", sa.JSON),
    sa.Column("extra", sa.JSON, nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("outcome", sa.Text),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("company_key", "role_key", "starts_at", name="uq_interviews_natural_key"),
    sa.CheckConstraint("status IN ('open', 'closed')", name="status"),
    sa.Index("ix_interviews_starts_at", "starts_at"),
    sqlite_autoincrement=True,
)

interviewers = sa.Table(
    "interviewers",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("interview_id", sa.Integer, _cascade_fk("interviews.id"), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("email", sa.Text, nullable=False),
    sa.Column("linkedin", sa.Text, nullable=False),
    sa.Column("timezone", sa.Text),
    sa.Column("salutation", sa.Text),
    sa.Column("is_primary", sa.Boolean, nullable=False),
    sa.Column("extra", sa.JSON, nullable=False),
    sa.Index("ix_interviewers_interview_id", "interview_id"),
    sqlite_autoincrement=True,
)

# What was discussed, shared and promised next, per interviewer; `kind` says which list.
interviewer_points = sa.Table(
    "interviewer_points",
    metadata,
    sa.Column("interviewer_id", sa.Integer, _cascade_fk("interviewers.id"), primary_key=True),
    sa.Column("kind", sa.Text, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.CheckConstraint("kind IN ('discussed', 'shared', 'next')", name="kind"),
)

interviewer_questions = sa.Table(
    "interviewer_questions",
    metadata,
    sa.Column("interviewer_id", sa.Integer, _cascade_fk("interviewers.id"), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("question", sa.Text, nullable=False),
    sa.Column("better", sa.Text, nullable=False),
)

qualifications = sa.Table(
    "qualifications",
    metadata,
    sa.Column("interview_id", sa.Integer, _cascade_fk("interviews.id"), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
)

POINT_KINDS = ("discussed", "shared", "next")

# A note to one interviewer for one stage and medium, from composition to sending.
drafts = sa.Table(
    "drafts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("interview_id", sa.Integer, _cascade_fk("interviews.id"), nullable=False),
    # SET NULL: a draft outlives the removal of its interviewer from the record.
    sa.Column("interviewer_id", sa.Integer,
              sa.ForeignKey("interviewers.id", ondelete="SET NULL")),
    sa.Column("stage", sa.Text, nullable=False),
    sa.Column("medium", sa.Text, nullable=False),
    sa.Column("tone", sa.Text, nullable=False),
    sa.Column("variant", sa.Integer, nullable=False),
    sa.Column("subject", sa.Text, nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.Column("sent_at", UTCDateTime),
    sa.Column("message_id", sa.Text),
    # A send under way: who claimed the draft (host:pid:random) and when, by the wall clock.
    # Set by one conditional UPDATE only one claimant can win; see `mail.claim`.
    sa.Column("claim", sa.Text),
    sa.Column("claimed_at", UTCDateTime),
    sa.CheckConstraint("status IN ('draft', 'approved', 'staged', 'sent')", name="status"),
    sa.Index("ix_drafts_interview_id", "interview_id"),
    sqlite_autoincrement=True,
)

# The partial unique indexes of `events` (also spelled out in migration 0003).
SENT_DRAFT = sa.text("kind = 'sent' AND draft_id IS NOT NULL")
SENT_THANK_YOU = sa.text("kind = 'sent' AND followup = 'thank-you' AND interviewer_id IS NOT NULL")
SENT_CHECK_IN = sa.text("kind = 'sent' AND followup IN ('check-in-1', 'check-in-2')")

# What happened after the interview: notes sent, replies, the process closing.
events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("interview_id", sa.Integer, _cascade_fk("interviews.id"), nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("interviewer_id", sa.Integer,
              sa.ForeignKey("interviewers.id", ondelete="SET NULL")),
    sa.Column("followup", sa.Text),
    sa.Column("draft_id", sa.Integer, sa.ForeignKey("drafts.id", ondelete="SET NULL")),
    sa.Column("detail", sa.Text, nullable=False),
    sa.CheckConstraint("kind IN ('sent', 'replied', 'closed')", name="kind"),
    sa.Index("ix_events_interview_id", "interview_id"),
    # One SENT event per draft, per thank-you recipient, per check-in: enforced here, so two
    # `followup sent` at once cannot both record (the check before the insert can race).
    sa.Index("uq_events_sent_draft", "draft_id", unique=True,
             sqlite_where=SENT_DRAFT, postgresql_where=SENT_DRAFT),
    sa.Index("uq_events_sent_thank_you", "interview_id", "interviewer_id", unique=True,
             sqlite_where=SENT_THANK_YOU, postgresql_where=SENT_THANK_YOU),
    sa.Index("uq_events_sent_check_in", "interview_id", "followup", unique=True,
             sqlite_where=SENT_CHECK_IN, postgresql_where=SENT_CHECK_IN),
    sqlite_autoincrement=True,
)

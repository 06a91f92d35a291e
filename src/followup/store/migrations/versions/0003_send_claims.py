"""Exactly once: a claim on a draft being sent, and one SENT event per draft and per item.

`drafts.claim`/`claimed_at` hold who is sending a draft right now (taken by a conditional
UPDATE only one claimant can win). Three partial unique indexes on `events` make a second
SENT event for the same draft, the same thank-you recipient or the same check-in impossible;
duplicates recorded by earlier versions (the race this closes) are removed first, keeping the
earliest of each.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SENT_DRAFT = "kind = 'sent' AND draft_id IS NOT NULL"
SENT_THANK_YOU = "kind = 'sent' AND followup = 'thank-you' AND interviewer_id IS NOT NULL"
SENT_CHECK_IN = "kind = 'sent' AND followup IN ('check-in-1', 'check-in-2')"
UNIQUE = (
    ("uq_events_sent_draft", ["draft_id"], SENT_DRAFT),
    ("uq_events_sent_thank_you", ["interview_id", "interviewer_id"], SENT_THANK_YOU),
    ("uq_events_sent_check_in", ["interview_id", "followup"], SENT_CHECK_IN),
)


def upgrade() -> None:
    op.add_column("drafts", sa.Column("claim", sa.Text))
    op.add_column("drafts", sa.Column("claimed_at", sa.DateTime(timezone=True)))
    for name, columns, where in UNIQUE:
        keys = ", ".join(columns)
        # The subquery is wrapped once more: MySQL-style self-reference rules aside, this is
        # plain SQL that SQLite and PostgreSQL both run.
        op.execute(sa.text(
            f"DELETE FROM events WHERE {where} AND id NOT IN "
            f"(SELECT keep FROM (SELECT MIN(id) AS keep FROM events WHERE {where} "
            f"GROUP BY {keys}) AS kept)"))
        op.create_index(name, "events", columns, unique=True, sqlite_where=sa.text(where),
                        postgresql_where=sa.text(where))


def downgrade() -> None:
    for name, _, _ in reversed(UNIQUE):
        op.drop_index(name, "events")
    with op.batch_alter_table("drafts") as batch:
        batch.drop_column("claimed_at")
        batch.drop_column("claim")

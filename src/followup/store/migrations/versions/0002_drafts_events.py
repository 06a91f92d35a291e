"""Drafts (composed notes and their sending state) and events (sent, replied, closed).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _utc() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "drafts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("interview_id", sa.Integer, nullable=False),
        sa.Column("interviewer_id", sa.Integer),
        sa.Column("stage", sa.Text, nullable=False),
        sa.Column("medium", sa.Text, nullable=False),
        sa.Column("tone", sa.Text, nullable=False),
        sa.Column("variant", sa.Integer, nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("updated_at", _utc(), nullable=False),
        sa.Column("sent_at", _utc()),
        sa.Column("message_id", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_drafts"),
        sa.ForeignKeyConstraint(["interview_id"], ["interviews.id"], ondelete="CASCADE",
                                name="fk_drafts_interview_id_interviews"),
        sa.ForeignKeyConstraint(["interviewer_id"], ["interviewers.id"], ondelete="SET NULL",
                                name="fk_drafts_interviewer_id_interviewers"),
        sa.CheckConstraint("status IN ('draft', 'approved', 'staged', 'sent')",
                           name="ck_drafts_status"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_drafts_interview_id", "drafts", ["interview_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("interview_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("at", _utc(), nullable=False),
        sa.Column("interviewer_id", sa.Integer),
        sa.Column("followup", sa.Text),
        sa.Column("draft_id", sa.Integer),
        sa.Column("detail", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sa.ForeignKeyConstraint(["interview_id"], ["interviews.id"], ondelete="CASCADE",
                                name="fk_events_interview_id_interviews"),
        sa.ForeignKeyConstraint(["interviewer_id"], ["interviewers.id"], ondelete="SET NULL",
                                name="fk_events_interviewer_id_interviewers"),
        sa.ForeignKeyConstraint(["draft_id"], ["drafts.id"], ondelete="SET NULL",
                                name="fk_events_draft_id_drafts"),
        sa.CheckConstraint("kind IN ('sent', 'replied', 'closed')", name="ck_events_kind"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_events_interview_id", "events", ["interview_id"])


def downgrade() -> None:
    op.drop_index("ix_events_interview_id", "events")
    op.drop_table("events")
    op.drop_index("ix_drafts_interview_id", "drafts")
    op.drop_table("drafts")

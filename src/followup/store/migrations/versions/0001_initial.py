"""Initial schema: interviews, interviewers, their points and questions, qualifications.

Revision ID: 0001
Revises: none
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _utc() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "interviews",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("company", sa.Text, nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("company_key", sa.Text, nullable=False),
        sa.Column("role_key", sa.Text, nullable=False),
        sa.Column("starts_at", _utc(), nullable=False),
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
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("updated_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_interviews"),
        sa.UniqueConstraint(
            "company_key", "role_key", "starts_at", name="uq_interviews_natural_key"
        ),
        sa.CheckConstraint("status IN ('open', 'closed')", name="ck_interviews_status"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_interviews_starts_at", "interviews", ["starts_at"])
    op.create_table(
        "interviewers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("interview_id", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("email", sa.Text, nullable=False),
        sa.Column("linkedin", sa.Text, nullable=False),
        sa.Column("timezone", sa.Text),
        sa.Column("salutation", sa.Text),
        sa.Column("is_primary", sa.Boolean, nullable=False),
        sa.Column("extra", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_interviewers"),
        sa.ForeignKeyConstraint(
            ["interview_id"], ["interviews.id"], ondelete="CASCADE",
            name="fk_interviewers_interview_id_interviews",
        ),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_interviewers_interview_id", "interviewers", ["interview_id"])
    op.create_table(
        "interviewer_points",
        sa.Column("interviewer_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint(
            "interviewer_id", "kind", "position", name="pk_interviewer_points"
        ),
        sa.ForeignKeyConstraint(
            ["interviewer_id"], ["interviewers.id"], ondelete="CASCADE",
            name="fk_interviewer_points_interviewer_id_interviewers",
        ),
        sa.CheckConstraint(
            "kind IN ('discussed', 'shared', 'next')", name="ck_interviewer_points_kind"
        ),
    )
    op.create_table(
        "interviewer_questions",
        sa.Column("interviewer_id", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("better", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("interviewer_id", "position", name="pk_interviewer_questions"),
        sa.ForeignKeyConstraint(
            ["interviewer_id"], ["interviewers.id"], ondelete="CASCADE",
            name="fk_interviewer_questions_interviewer_id_interviewers",
        ),
    )
    op.create_table(
        "qualifications",
        sa.Column("interview_id", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("interview_id", "position", name="pk_qualifications"),
        sa.ForeignKeyConstraint(
            ["interview_id"], ["interviews.id"], ondelete="CASCADE",
            name="fk_qualifications_interview_id_interviews",
        ),
    )


def downgrade() -> None:
    for table in (
        "qualifications", "interviewer_questions", "interviewer_points", "interviewers",
        "interviews",
    ):
        op.drop_table(table)

"""customer notices: e-mail and channel on the registration, SMTP settings, the outbox and its events

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-02 04:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.db.models

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("account_registration", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email", sa.String(length=254), server_default="", nullable=False))
        # existing customers have a postal address and no e-mail: they are told by letter until changed
        batch_op.add_column(sa.Column("notice_channel", sa.String(length=10), server_default="letter", nullable=False))
    with op.batch_alter_table("merchant_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("smtp_host", sa.String(length=200), server_default="", nullable=False))
        batch_op.add_column(sa.Column("smtp_port", sa.Integer(), server_default="587", nullable=False))
        batch_op.add_column(sa.Column("smtp_security", sa.String(length=10), server_default="starttls", nullable=False))
        batch_op.add_column(sa.Column("smtp_user", sa.String(length=200), server_default="", nullable=False))
        batch_op.add_column(sa.Column("smtp_sender", sa.String(length=254), server_default="", nullable=False))
        batch_op.add_column(sa.Column("smtp_reply_to", sa.String(length=254), server_default="", nullable=False))
    op.create_table(
        "notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("customer_number", sa.String(length=20), nullable=False),
        sa.Column("billing_line_id", sa.Integer(), nullable=True),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("recipient", sa.String(length=254), nullable=False),
        sa.Column("message_id", sa.String(length=200), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", app.db.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("done_by", sa.Integer(), nullable=True),
        sa.Column("done_at", app.db.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("updated_at", app.db.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["billing_line_id"], ["billing_line.id"], name=op.f("fk_notice_billing_line_id_billing_line")
        ),
        sa.ForeignKeyConstraint(["created_by"], ["operator.id"], name=op.f("fk_notice_created_by_operator")),
        sa.ForeignKeyConstraint(["done_by"], ["operator.id"], name=op.f("fk_notice_done_by_operator")),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["account_registration.id"],
            name=op.f("fk_notice_registration_id_account_registration"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice")),
    )
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notice_customer_number"), ["customer_number"], unique=False)
        batch_op.create_index(batch_op.f("ix_notice_registration_id"), ["registration_id"], unique=False)
        batch_op.create_index("ix_notice_state_due", ["state", "due"], unique=False)
        batch_op.create_index("uq_notice_line_kind", ["billing_line_id", "kind"], unique=True)
    op.create_table(
        "notice_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("notice_id", sa.Integer(), nullable=False),
        sa.Column("at", app.db.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("state_before", sa.String(length=12), nullable=False),
        sa.Column("state_after", sa.String(length=12), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["notice_id"], ["notice.id"], name=op.f("fk_notice_event_notice_id_notice")),
        sa.ForeignKeyConstraint(["operator_id"], ["operator.id"], name=op.f("fk_notice_event_operator_id_operator")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice_event")),
    )
    with op.batch_alter_table("notice_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notice_event_notice_id"), ["notice_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("notice_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notice_event_notice_id"))
    op.drop_table("notice_event")
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.drop_index("uq_notice_line_kind")
        batch_op.drop_index("ix_notice_state_due")
        batch_op.drop_index(batch_op.f("ix_notice_registration_id"))
        batch_op.drop_index(batch_op.f("ix_notice_customer_number"))
    op.drop_table("notice")
    with op.batch_alter_table("merchant_settings", schema=None) as batch_op:
        for column in ("smtp_reply_to", "smtp_sender", "smtp_user", "smtp_security", "smtp_port", "smtp_host"):
            batch_op.drop_column(column)
    with op.batch_alter_table("account_registration", schema=None) as batch_op:
        batch_op.drop_column("notice_channel")
        batch_op.drop_column("email")

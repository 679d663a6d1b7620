"""operators: password hashes, login lock-out, maintenance, audit with machine and session user, idle lock

Revision ID: 0011
Revises: 0008
Create Date: 2026-12-02 04:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("operator", schema=None) as batch_op:
        batch_op.add_column(sa.Column("password_hash", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("must_change_password", sa.Boolean(), server_default="0", nullable=False))
    # the old "admin" role (the system operator) is a supervisor now; roles are clerk / supervisor / auditor
    op.execute("UPDATE operator SET role = 'supervisor' WHERE role = 'admin'")
    op.create_table(
        "login_guard",
        sa.Column("login_id", sa.String(length=40), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("login_id", name=op.f("pk_login_guard")),
    )
    op.create_table(
        "maintenance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["operator_id"], ["operator.id"], name=op.f("fk_maintenance_operator_id_operator")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_maintenance")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.alter_column("operator_id", existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column("login_id", sa.String(length=40), server_default="", nullable=False))
        batch_op.add_column(sa.Column("machine", sa.String(length=100), server_default="", nullable=False))
        batch_op.add_column(sa.Column("db_user", sa.String(length=63), server_default="", nullable=False))
    with op.batch_alter_table("registration_history", schema=None) as batch_op:
        batch_op.add_column(sa.Column("db_user", sa.String(length=63), server_default="", nullable=False))
    with op.batch_alter_table("merchant_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("idle_lock_minutes", sa.Integer(), server_default="15", nullable=False))
    if op.get_bind().dialect.name == "postgresql":
        # History and audit rows name the database's own session user, whatever the client sends (OP-8).
        op.execute(
            "CREATE FUNCTION kofuri_stamp_session_user() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN NEW.db_user := session_user; RETURN NEW; END $$"
        )
        for table in ("audit_log", "registration_history"):
            op.execute(
                f"CREATE TRIGGER {table}_session_user BEFORE INSERT ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION kofuri_stamp_session_user()"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in ("audit_log", "registration_history"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_session_user ON {table}")
        op.execute("DROP FUNCTION IF EXISTS kofuri_stamp_session_user()")
    with op.batch_alter_table("merchant_settings", schema=None) as batch_op:
        batch_op.drop_column("idle_lock_minutes")
    with op.batch_alter_table("registration_history", schema=None) as batch_op:
        batch_op.drop_column("db_user")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_column("db_user")
        batch_op.drop_column("machine")
        batch_op.drop_column("login_id")
    op.drop_table("maintenance")
    op.drop_table("login_guard")
    with op.batch_alter_table("operator", schema=None) as batch_op:
        batch_op.drop_column("must_change_password")
        batch_op.drop_column("password_hash")

"""registration debited before the product (新規コード 0 in its first month)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 04:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("account_registration", schema=None) as batch_op:
        batch_op.add_column(sa.Column("debited_before", sa.Boolean(), server_default="0", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("account_registration", schema=None) as batch_op:
        batch_op.drop_column("debited_before")

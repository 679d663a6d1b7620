"""月額 as BIGINT: the bank file's 10 digits fit on both engines (an int4 column refused them on PostgreSQL only)

Revision ID: 0016
Revises: 0012
Create Date: 2026-12-02 11:25:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("account_registration", schema=None) as batch_op:
        batch_op.alter_column("monthly_amount", existing_type=sa.Integer(), type_=sa.BigInteger())


def downgrade() -> None:
    with op.batch_alter_table("account_registration", schema=None) as batch_op:
        batch_op.alter_column("monthly_amount", existing_type=sa.BigInteger(), type_=sa.Integer())

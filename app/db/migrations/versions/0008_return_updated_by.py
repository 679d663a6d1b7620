"""who last changed a deficiency return (so a stale follow-up can name them)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 17:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("deficiency_return", schema=None) as batch_op:
        batch_op.add_column(sa.Column("updated_by", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_deficiency_return_updated_by_operator"), "operator", ["updated_by"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("deficiency_return", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_deficiency_return_updated_by_operator"), type_="foreignkey")
        batch_op.drop_column("updated_by")

"""cover sheet contact person; forms sent with an incomplete checklist

Revision ID: 0014
Revises: 0008
Create Date: 2026-12-02 04:20:00

merchant_settings.contact_person: the merchant's person in charge, printed on the agency's cover sheet.
shipment_item.sent_anyway_reason / sent_anyway_by: a form whose stored checklist was incomplete went out
because a supervisor sent it anyway, with the reason (issue 14: held back otherwise).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("merchant_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("contact_person", sa.String(length=40), server_default="", nullable=False))
    with op.batch_alter_table("shipment_item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sent_anyway_reason", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("sent_anyway_by", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("shipment_item", schema=None) as batch_op:
        batch_op.drop_column("sent_anyway_by")
        batch_op.drop_column("sent_anyway_reason")
    with op.batch_alter_table("merchant_settings", schema=None) as batch_op:
        batch_op.drop_column("contact_person")

"""The append-only audit log: who (operator, login ID as typed, PostgreSQL session user), when, where, what."""

from __future__ import annotations

import json
import socket
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import AuditLog, Operator
from app.services.operators.core import OperatorRef
from app.services.operators.permissions import Action, require

ACTION_LABELS = {
    "login": "ログイン",
    "login_failed": "ログイン失敗",
    "lock": "ロック",
    "unlock": "ロック解除",
    "password_reset": "パスワード再設定",
    "password_change": "パスワード変更",
    "operator_add": "担当者の追加",
    "role_change": "役割の変更",
    "change": "変更",
    "export": "個人データの出力",
    "print": "個人データの印刷",
    "reveal": "口座番号の表示",
    "maintenance_on": "メンテナンス開始",
    "maintenance_off": "メンテナンス終了",
    "backup": "バックアップ",
    "restore": "復元",
    "refused": "権限のない操作の拒否",
    "schedule": "年間スケジュールの変更",
}


def machine_name() -> str:
    return socket.gethostname()[:100]


def audit(
    session: Session,
    operator: OperatorRef | None,
    entity: str,
    entity_id: str,
    action: str,
    *,
    login_id: str | None = None,
    **changes: Any,
) -> None:
    """Add one audit row in the caller's transaction. Never pass a full account number or a password."""
    session.add(
        AuditLog(
            operator_id=operator.id if operator else None,
            login_id=(login_id if login_id is not None else operator.login_id if operator else "")[:40],
            machine=machine_name(),
            entity=entity,
            entity_id=entity_id[:40],
            action=action,
            changes=changes,
        )
    )


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    operator: str  # the login ID (as typed, for a failed login)
    action: str
    detail: str
    machine: str
    db_user: str

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    def as_record(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "operator": self.operator,
            "action": self.action,
            "detail": self.detail,
            "machine": self.machine,
            "db_user": self.db_user,
        }


def _detail(entity: str, entity_id: str, changes: dict[str, Any]) -> str:
    body = json.dumps(changes, ensure_ascii=False, sort_keys=True, default=str) if changes else ""
    return " ".join(part for part in (f"{entity}:{entity_id}", body) if part)


def list_audit(
    db: Database,
    operator: OperatorRef,
    *,
    start: date | None = None,
    end: date | None = None,
    login_id: str | None = None,
    action: str | None = None,
    limit: int = 5000,
) -> list[AuditEntry]:
    """The audit log, oldest first, filtered by day (inclusive, UTC), login ID and action."""
    require(operator, Action.AUDIT, db)
    query = select(AuditLog, Operator.login_id).outerjoin(Operator, Operator.id == AuditLog.operator_id)
    if start is not None:
        query = query.where(AuditLog.at >= datetime.combine(start, time(), UTC))
    if end is not None:
        query = query.where(AuditLog.at < datetime.combine(end + timedelta(days=1), time(), UTC))
    if login_id:  # what this ID did, and what was done to it (a lock, an unlock, a reset)
        about = AuditLog.entity.in_(("login", "operator")) & (AuditLog.entity_id == login_id)
        query = query.where((AuditLog.login_id == login_id) | (Operator.login_id == login_id) | about)
    if action:
        query = query.where(AuditLog.action == action)
    with db.read() as session:
        rows = session.execute(query.order_by(AuditLog.id).limit(limit)).all()
        return [
            AuditEntry(
                at=row.at,
                operator=row.login_id or (login or ""),
                action=row.action,
                detail=_detail(row.entity, row.entity_id, dict(row.changes)),
                machine=row.machine,
                db_user=row.db_user,
            )
            for row, login in rows
        ]

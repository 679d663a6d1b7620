"""SQLAlchemy 2 typed models. Rows that record what happened (history) are never updated or deleted."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    event,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored in UTC and read back timezone-aware on every backend (SQLite keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: use app.db.models.utcnow()")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime()}


class MerchantSettings(Base):
    """The merchant's own data (one row, id 1): printed on forms and written into files [REG-5]."""

    __tablename__ = "merchant_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    consignor_code: Mapped[str] = mapped_column(String(10))  # 委託者コード
    consignor_category: Mapped[str] = mapped_column(String(10), default="")  # 区分
    consignor_name: Mapped[str] = mapped_column(String(80), default="")  # 委託者名
    charge_description: Mapped[str] = mapped_column(String(80), default="")  # 料金の種類
    customer_number_prefix: Mapped[str] = mapped_column(String(7))  # REG-4
    agency_address: Mapped[str] = mapped_column(String(200), default="")  # 収納会社の送付先
    merchant_address: Mapped[str] = mapped_column(String(200), default="")
    merchant_phone: Mapped[str] = mapped_column(String(20), default="")
    # what the bank file's header needs (issue: billing): 10-digit code, kana name, the merchant's account
    zengin_consignor_code: Mapped[str] = mapped_column(String(10), default="", server_default="")
    consignor_name_kana: Mapped[str] = mapped_column(String(80), default="", server_default="")
    merchant_bank_code: Mapped[str] = mapped_column(String(4), default="", server_default="")
    merchant_branch_code: Mapped[str] = mapped_column(String(3), default="", server_default="")
    merchant_deposit_type: Mapped[str] = mapped_column(String(1), default="", server_default="")
    merchant_account_number: Mapped[str] = mapped_column(String(7), default="", server_default="")
    stop_request_business_days: Mapped[int] = mapped_column(Integer, default=7, server_default="7")
    quiet_period_weeks: Mapped[int] = mapped_column(Integer, default=6, server_default="6")  # REG-3
    contact_person: Mapped[str] = mapped_column(String(40), default="", server_default="")  # 担当者 (cover sheet)
    # REG-2/REG-3: 1 bills only paper registrations confirmed by a result or a supervisor (the stricter policy)
    bill_confirmed_only: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # RES-2: 1 carries code-1 (insufficient funds) failures into the next draft month automatically
    carry_insufficient_funds: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    idle_lock_minutes: Mapped[int] = mapped_column(Integer, default=15, server_default="15")  # idle window lock
    # customer notices by e-mail (OP-5); the password is in the operating system's keyring, never here
    smtp_host: Mapped[str] = mapped_column(String(200), default="", server_default="")
    smtp_port: Mapped[int] = mapped_column(Integer, default=587, server_default="587")
    smtp_security: Mapped[str] = mapped_column(String(10), default="starttls", server_default="starttls")
    smtp_user: Mapped[str] = mapped_column(String(200), default="", server_default="")
    smtp_sender: Mapped[str] = mapped_column(String(254), default="", server_default="")
    smtp_reply_to: Mapped[str] = mapped_column(String(254), default="", server_default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    __mapper_args__ = {"version_id_col": version}


class Operator(Base):
    """A person (or the system) acting in the program. The password is an Argon2id hash [OP-1]; the system
    operator has none and cannot log in (it is the actor of set-up and of tests)."""

    __tablename__ = "operator"

    id: Mapped[int] = mapped_column(primary_key=True)
    login_id: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(20))  # clerk / supervisor / auditor
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class LoginGuard(Base):
    """Consecutive failed logins per login ID, known or not (OP-1: an unknown ID locks like a known one)."""

    __tablename__ = "login_guard"

    login_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_at: Mapped[datetime | None] = mapped_column()


class Maintenance(Base):
    """Maintenance mode [OP-2]: one row (id 1) while a supervisor has the database in maintenance."""

    __tablename__ = "maintenance"

    id: Mapped[int] = mapped_column(primary_key=True)
    operator_id: Mapped[int] = mapped_column(ForeignKey("operator.id"))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    until: Mapped[datetime] = mapped_column()
    note: Mapped[str] = mapped_column(Text, default="")


class AccountRegistration(Base):
    """One customer's direct-debit registration: every field of the request form [FORM-2]."""

    __tablename__ = "account_registration"
    __table_args__ = (
        CheckConstraint("deposit_type IN (1, 2, 3, 9)", name="deposit_type"),
        CheckConstraint("length(customer_number) = 20", name="customer_number_length"),
        Index("ix_account_registration_bank_account", "account_number", "bank_code", "branch_code"),
        # covers the default list (every active registration in customer-number order) without reading rows
        Index("ix_account_registration_number_status", "customer_number", "status"),
        # a status or a branch listed in customer-number order straight from the index (first page at once)
        Index("ix_account_registration_status_number", "status", "customer_number"),
        Index("ix_account_registration_branch_number", "bank_code", "branch_code", "customer_number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_number: Mapped[str] = mapped_column(String(20), unique=True)
    contract_holder_name: Mapped[str] = mapped_column(String(80))
    contract_holder_kana: Mapped[str] = mapped_column(String(80), index=True)
    postal_code: Mapped[str] = mapped_column(String(8), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    # derived search keys, kept by the accounts service in the same transaction as the fields they come from
    phone_digits: Mapped[str] = mapped_column(String(20), default="", index=True)
    phone_digits_reversed: Mapped[str] = mapped_column(String(20), default="", index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")
    bank_code: Mapped[str] = mapped_column(String(4))
    bank_name: Mapped[str] = mapped_column(String(60))
    branch_code: Mapped[str] = mapped_column(String(3))
    branch_name: Mapped[str] = mapped_column(String(60))
    deposit_type: Mapped[int] = mapped_column(Integer)
    account_number: Mapped[str] = mapped_column(String(7))
    account_holder_kana: Mapped[str] = mapped_column(String(80))
    jp_symbol: Mapped[str | None] = mapped_column(String(5))
    jp_number: Mapped[str | None] = mapped_column(String(8))
    method: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(20))
    monthly_amount: Mapped[int | None] = mapped_column(BigInteger)  # limits.AMOUNT_MAX: 10 digits
    registration_date: Mapped[date] = mapped_column(Date, index=True)
    checklist: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    note: Mapped[str] = mapped_column(Text, default="")
    billing_stopped: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")  # OP-7
    sent_on: Mapped[date | None] = mapped_column(Date)  # REG-3: when the paper form last left in a shipment
    corrected: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")  # a form after a return
    billing_stop_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    # debited before the product took it over (imported as complete): its first month here is not new (新規コード 0)
    debited_before: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    email: Mapped[str] = mapped_column(String(254), default="", server_default="")  # OP-5: notices
    notice_channel: Mapped[str] = mapped_column(String(10), default="letter", server_default="letter")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    history: Mapped[list[RegistrationHistory]] = relationship(
        back_populates="registration", order_by="RegistrationHistory.id", viewonly=True
    )

    __mapper_args__ = {"version_id_col": version}


class RegistrationSearchGram(Base):
    """Substring index of names and kana: one row per bigram per registration (derived data, rebuilt on change)."""

    __tablename__ = "registration_search_gram"

    gram: Mapped[str] = mapped_column(String(2), primary_key=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("account_registration.id"), primary_key=True, index=True)


class CustomerNumberReservation(Base):
    """A customer number printed on a blank form before anyone registered it (REG-4: never issued twice)."""

    __tablename__ = "customer_number_reservation"

    customer_number: Mapped[str] = mapped_column(String(20), primary_key=True)
    operator_id: Mapped[int] = mapped_column(ForeignKey("operator.id"))
    reserved_at: Mapped[datetime] = mapped_column(default=utcnow)
    purpose: Mapped[str] = mapped_column(String(80), default="")


class RegistrationHistory(Base):
    """Append-only: who did what to a registration, when, why, with field-level before and after."""

    __tablename__ = "registration_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("account_registration.id"), index=True)
    customer_number: Mapped[str] = mapped_column(String(20), index=True)
    operator_id: Mapped[int] = mapped_column(ForeignKey("operator.id"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    action: Mapped[str] = mapped_column(String(20), index=True)  # register / change / invalidate / status
    reason: Mapped[str] = mapped_column(Text, default="")
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # field → [before, after]
    confirmed_duplicate_account: Mapped[bool] = mapped_column(Boolean, default=False)
    version_after: Mapped[int] = mapped_column(Integer)
    db_user: Mapped[str] = mapped_column(String(63), default="", server_default="")  # PostgreSQL: session_user

    registration: Mapped[AccountRegistration] = relationship(back_populates="history")
    operator: Mapped[Operator] = relationship()


class AuditLog(Base):
    """Append-only record of what happened outside registrations: settings, billing months, operators, logins,
    exports and prints of personal data, reveals of an account number. Who (operator and login ID as typed,
    the PostgreSQL session user set by a trigger there), when, on which machine."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(20))
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    login_id: Mapped[str] = mapped_column(String(40), default="", server_default="")
    machine: Mapped[str] = mapped_column(String(100), default="", server_default="")
    db_user: Mapped[str] = mapped_column(String(63), default="", server_default="")


def _refuse_rewrite(mapper: Mapper[Any], connection: Any, target: Any) -> None:
    raise RuntimeError(f"{type(target).__name__} rows record what happened and are never changed or deleted")


for _append_only in (RegistrationHistory, AuditLog):
    event.listen(_append_only, "before_update", _refuse_rewrite)
    event.listen(_append_only, "before_delete", _refuse_rewrite)


class AnnualSchedule(Base):
    """The provider's annual schedule (BILL-2, BILL-3), keyed or imported by a supervisor."""

    __tablename__ = "annual_schedule"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # YYYY-MM
    billing_deadline: Mapped[date] = mapped_column(Date)
    result_date: Mapped[date | None] = mapped_column(Date)


class BillingMonth(Base):
    """One month's billing: draft → final (locked, BILL-6) → results received."""

    __tablename__ = "billing_month"

    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[str] = mapped_column(String(7), unique=True)
    state: Mapped[str] = mapped_column(String(20), default="draft")
    locked_at: Mapped[datetime | None] = mapped_column()
    locked_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class BillingLine(Base):
    """One debit request; the bank account as it goes to the bank is kept with it (新規コード compares it)."""

    __tablename__ = "billing_line"
    __table_args__ = (
        # one standing line per registration and month; a re-billed failure is its own line beside it
        Index(
            "uq_billing_line_month_registration",
            "billing_month_id",
            "registration_id",
            unique=True,
            sqlite_where=text("rebill_of_line_id IS NULL"),
            postgresql_where=text("rebill_of_line_id IS NULL"),
        ),
        Index("ix_billing_line_month_number", "billing_month_id", "customer_number"),  # the file's order
        CheckConstraint("amount > 0 AND amount < 10000000000", name="amount_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    billing_month_id: Mapped[int] = mapped_column(ForeignKey("billing_month.id"))
    registration_id: Mapped[int] = mapped_column(ForeignKey("account_registration.id"), index=True)
    customer_number: Mapped[str] = mapped_column(String(20))
    amount: Mapped[int] = mapped_column(BigInteger)
    description: Mapped[str] = mapped_column(String(80), default="")
    bank_code: Mapped[str] = mapped_column(String(4), default="")
    branch_code: Mapped[str] = mapped_column(String(3), default="")
    deposit_type: Mapped[int] = mapped_column(Integer, default=1)
    account_number: Mapped[str] = mapped_column(String(7), default="")
    account_holder_bank: Mapped[str] = mapped_column(String(30), default="")  # half-width, as the file carries it
    new_code: Mapped[int] = mapped_column(Integer, default=0)
    stopped: Mapped[bool] = mapped_column(Boolean, default=False)  # BILL-7
    stop_reason: Mapped[str] = mapped_column(Text, default="")
    stopped_at: Mapped[datetime | None] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    rebill_of_line_id: Mapped[int | None] = mapped_column(ForeignKey("billing_line.id"), unique=True)  # RES-2


class BillingExport(Base):
    """Every export: who, when, which format, how many lines, the total (append-only)."""

    __tablename__ = "billing_export"

    id: Mapped[int] = mapped_column(primary_key=True)
    billing_month_id: Mapped[int] = mapped_column(ForeignKey("billing_month.id"), index=True)
    operator_id: Mapped[int] = mapped_column(ForeignKey("operator.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    format: Mapped[str] = mapped_column(String(10))
    final: Mapped[bool] = mapped_column(Boolean, default=False)
    line_count: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(BigInteger)
    file_name: Mapped[str] = mapped_column(String(260), default="")


event.listen(BillingExport, "before_update", _refuse_rewrite)
event.listen(BillingExport, "before_delete", _refuse_rewrite)


class Shipment(Base):
    """A bundle of bank copies sent to the collection agency (COVER-1, COVER-2)."""

    __tablename__ = "shipment"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int] = mapped_column(ForeignKey("operator.id"))
    status: Mapped[str] = mapped_column(String(10), default="open")  # open → sent
    sent_on: Mapped[date | None] = mapped_column(Date)
    tracking_number: Mapped[str] = mapped_column(String(40), default="")


class ShipmentItem(Base):
    __tablename__ = "shipment_item"
    __table_args__ = (Index("uq_shipment_item", "shipment_id", "registration_id", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipment.id"))
    registration_id: Mapped[int] = mapped_column(ForeignKey("account_registration.id"), index=True)
    customer_number: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(10))  # new / corrected (新規分 / 不備分)
    # a form with an incomplete checklist that a supervisor sent anyway: why, and who (operator id)
    sent_anyway_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    sent_anyway_by: Mapped[int | None] = mapped_column(Integer)


class DeficiencyReturn(Base):
    """A form the bank sent back (DEF-1, DEF-2), with what was done about it."""

    __tablename__ = "deficiency_return"

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("account_registration.id"), index=True)
    customer_number: Mapped[str] = mapped_column(String(20), index=True)
    received_on: Mapped[date] = mapped_column(Date)
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(String(20), default="new_form")  # new_form (recommended) / correction
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)
    scan_file: Mapped[str] = mapped_column(String(260), default="")  # under the attachments folder [OP-6]
    scan_name: Mapped[str] = mapped_column(String(260), default="")
    created_by: Mapped[int] = mapped_column(ForeignKey("operator.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"), default=None)


class ReturnContact(Base):
    """The contact log of a return: date, channel, note, operator (append-only)."""

    __tablename__ = "return_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("deficiency_return.id"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    channel: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    operator_id: Mapped[int] = mapped_column(ForeignKey("operator.id"))


event.listen(ReturnContact, "before_update", _refuse_rewrite)
event.listen(ReturnContact, "before_delete", _refuse_rewrite)


class ResultImport(Base):
    """One result file (振替結果) taken in for a locked month (RES-1, BILL-3); a replaced one is kept, inactive."""

    __tablename__ = "result_import"

    id: Mapped[int] = mapped_column(primary_key=True)
    billing_month_id: Mapped[int] = mapped_column(ForeignKey("billing_month.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(260), default="")
    file_hash: Mapped[str] = mapped_column(String(64), index=True)  # sha256 of the bytes: the same file twice
    format: Mapped[str] = mapped_column(String(10))  # zengin / table
    operator_id: Mapped[int] = mapped_column(ForeignKey("operator.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    replaced_at: Mapped[datetime | None] = mapped_column()
    replaced_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    line_count: Mapped[int] = mapped_column(Integer, default=0)
    paid_count: Mapped[int] = mapped_column(Integer, default=0)
    paid_amount: Mapped[int] = mapped_column(BigInteger, default=0)
    failed_count: Mapped[int] = mapped_column(Integer, default=0)
    failed_amount: Mapped[int] = mapped_column(BigInteger, default=0)


class DebitResult(Base):
    """The bank's result for one billing line, the code kept exactly as it came (unknown codes too)."""

    __tablename__ = "debit_result"
    __table_args__ = (
        Index("ix_debit_result_month_code", "billing_month_id", "active", "result_code"),
        Index("ix_debit_result_registration", "registration_id", "active"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("result_import.id"), index=True)
    billing_month_id: Mapped[int] = mapped_column(ForeignKey("billing_month.id"))
    billing_line_id: Mapped[int] = mapped_column(ForeignKey("billing_line.id"), index=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("account_registration.id"))
    customer_number: Mapped[str] = mapped_column(String(20))
    amount: Mapped[int] = mapped_column(BigInteger)
    result_code: Mapped[str] = mapped_column(String(1))
    record_number: Mapped[int] = mapped_column(Integer)  # the record (or row) of the file it came from
    debit_date: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)  # False once a supervisor replaced the file


class FollowUp(Base):
    """A failed debit (or a paid one that needs a look) on the work list (RES-2, DEF-3)."""

    __tablename__ = "follow_up"
    __table_args__ = (Index("ix_follow_up_state_deadline", "state", "deadline"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("debit_result.id"), index=True)
    billing_line_id: Mapped[int] = mapped_column(ForeignKey("billing_line.id"), index=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("account_registration.id"), index=True)
    customer_number: Mapped[str] = mapped_column(String(20), index=True)
    month: Mapped[str] = mapped_column(String(7))
    result_code: Mapped[str] = mapped_column(String(1))
    kind: Mapped[str] = mapped_column(String(20), default="failed")  # failed / paid_with_return
    amount: Mapped[int] = mapped_column(BigInteger)
    deadline: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(20), default="open")  # open / contacted / waiting_form / resolved
    settlement: Mapped[str] = mapped_column(String(20), default="", server_default="")  # "" / rebilled / settled
    rebill_line_id: Mapped[int | None] = mapped_column(ForeignKey("billing_line.id"))
    settlement_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class FollowUpContact(Base):
    """The contact log of a follow-up item: who acted, when, the state it moved to, the note (append-only)."""

    __tablename__ = "follow_up_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    follow_up_id: Mapped[int] = mapped_column(ForeignKey("follow_up.id"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    operator_id: Mapped[int] = mapped_column(ForeignKey("operator.id"))
    state_before: Mapped[str] = mapped_column(String(20))
    state_after: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")


for _append_only_result in (FollowUpContact,):
    event.listen(_append_only_result, "before_update", _refuse_rewrite)
    event.listen(_append_only_result, "before_delete", _refuse_rewrite)


class Notice(Base):
    """A notice to a customer [OP-5]: a reminder before and on the debit date, a failed-debit notice, a
    confirmation; planned by the event that causes it, in the same transaction, and sent from this outbox."""

    __tablename__ = "notice"
    __table_args__ = (
        # one notice of a kind per billing line: planning twice adds nothing
        Index("uq_notice_line_kind", "billing_line_id", "kind", unique=True),
        Index("ix_notice_state_due", "state", "due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # reminder_before / reminder_day / failure / confirmation
    registration_id: Mapped[int] = mapped_column(ForeignKey("account_registration.id"), index=True)
    customer_number: Mapped[str] = mapped_column(String(20), index=True)
    billing_line_id: Mapped[int | None] = mapped_column(ForeignKey("billing_line.id"))
    month: Mapped[str] = mapped_column(String(7), default="")
    channel: Mapped[str] = mapped_column(String(10))  # email / letter
    due: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(12), default="planned")
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # what the text needs, as planned
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")  # the server's answer of the last failure
    recipient: Mapped[str] = mapped_column(String(254), default="")  # the address it went to
    message_id: Mapped[str] = mapped_column(String(200), default="")  # recorded before the message leaves
    created_by: Mapped[int] = mapped_column(ForeignKey("operator.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    done_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))  # who sent or printed it
    done_at: Mapped[datetime | None] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class NoticeEvent(Base):
    """Append-only: every step of a notice (planned, claimed, sent, failed with the answer, printed, …)."""

    __tablename__ = "notice_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    operator_id: Mapped[int] = mapped_column(ForeignKey("operator.id"))
    action: Mapped[str] = mapped_column(String(20))
    state_before: Mapped[str] = mapped_column(String(12), default="")
    state_after: Mapped[str] = mapped_column(String(12))
    detail: Mapped[str] = mapped_column(Text, default="")


event.listen(NoticeEvent, "before_update", _refuse_rewrite)
event.listen(NoticeEvent, "before_delete", _refuse_rewrite)

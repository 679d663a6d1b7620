"""Makes tests/data/schema_0001.sqlite3: a database as the first release (schema 0001) left it, with one
registration, its history row, the system operator and the merchant settings. Frozen: committed, and made again
only if the first release's schema itself was wrong (it never changes after release).

    .venv/bin/python tests/data/make_schema_0001.py
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from app.db.database import Database
from app.db.migrate import alembic_config

TARGET = Path(__file__).resolve().parent / "schema_0001.sqlite3"
AT = "2026-12-01 09:00:00.000000"


def main() -> None:
    TARGET.unlink(missing_ok=True)
    db = Database(f"sqlite:///{TARGET}")
    command.upgrade(alembic_config(db), "0001")
    db.dispose()
    connection = sqlite3.connect(TARGET)
    with connection:
        connection.execute(
            "INSERT INTO operator (id, login_id, name, role, active, created_at) VALUES (1, 'system', 'システム', 'admin', 1, ?)",
            (AT,),
        )
        connection.execute(
            "INSERT INTO merchant_settings (id, consignor_code, consignor_category, consignor_name, charge_description,"
            " customer_number_prefix, agency_address, merchant_address, merchant_phone, version, updated_at)"
            " VALUES (1, '329273', '一般', '口振デスク商店', '会費', '0329279', '東京都千代田区', '東京都港区',"
            " '03-0000-0000', 1, ?)",
            (AT,),
        )
        connection.execute(
            "INSERT INTO account_registration (id, customer_number, contract_holder_name, contract_holder_kana,"
            " postal_code, address, phone, bank_code, bank_name, branch_code, branch_name, deposit_type,"
            " account_number, account_holder_kana, jp_symbol, jp_number, method, status, monthly_amount,"
            " registration_date, checklist, note, created_at, updated_at, version)"
            " VALUES (1, '03292790000000000001', '初版 花子', 'ショハン ハナコ', '100-0001', '東京都千代田区千代田1-1',"
            " '03-1234-5678', '0005', '三菱ＵＦＪ', '001', '本店', 1, '1234567', 'ショハン ハナコ', NULL, NULL,"
            " 'paper', 'keyed', 3300, '2026-12-01', '{}', '第1版で登録', ?, ?, 1)",
            (AT, AT),
        )
        connection.execute(
            "INSERT INTO registration_history (id, registration_id, customer_number, operator_id, at, action, reason,"
            " changes, confirmed_duplicate_account, version_after)"
            " VALUES (1, 1, '03292790000000000001', 1, ?, 'create', '', '{}', 0, 1)",
            (AT,),
        )
    connection.execute("VACUUM")
    connection.close()
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()

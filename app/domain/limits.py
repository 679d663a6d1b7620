"""The one set of limits on what is entered: every entry path (the screens, a change, the importers, the command
line) validates against these numbers, so SQLite and PostgreSQL accept exactly the same data, and every limit fits
its column (app/db/models.py) and the bank file (zengin-furikae-format.md).

Bank file [ZENGIN]: 引落金額 is 10 digits; 預金者名 is 30 half-width characters (after the bank conversion).
Printed form [FORM-2]: how long a keyed value may be so that the request form can print it.

The request-form layouts (forms/request_*.json) give each box its size; these are the longest values that
still fit their box at a readable size (two lines for names and addresses, never below the renderer's
smallest size). The registration and settings validators use the same numbers, and a render test prints a
value of each maximum length made of the widest characters and checks that it stays inside its box.
"""

from __future__ import annotations

CONTRACT_HOLDER_NAME_MAX = 40  # ご契約者名: 2 lines in a 120 mm box
CONTRACT_HOLDER_KANA_MAX = 40  # フリガナ: 1 line in a 120 mm box
ADDRESS_MAX = 120  # ご住所: 2 lines in a 186 mm box
ACCOUNT_HOLDER_NAME_MAX = 40
CONSIGNOR_NAME_MAX = 40  # 委託者名: 2 lines in a 98 mm box
CHARGE_DESCRIPTION_MAX = 40  # 料金の種類: 2 lines in an 86 mm box
CONTACT_PERSON_MAX = 30  # the cover sheet's 担当者 box
MERCHANT_ADDRESS_MAX = 60  # the merchant's contact line under the notes (with name and phone: 2 lines)

# the smallest size the renderer may use for a value a customer or a bank clerk reads
MIN_READABLE_PT = 7.0

# bank file: 引落金額 N(10); the columns holding an amount are BIGINT
AMOUNT_DIGITS = 10
AMOUNT_MAX = 10**AMOUNT_DIGITS - 1
ACCOUNT_HOLDER_BANK_KANA_MAX = 30  # 預金者名 C(30), counted after the conversion to the bank character set
BILLING_DESCRIPTION_MAX = 80  # 摘要: billing_line.description String(80)
# every text column a person types into holds at least this (notes, reasons; Text on both engines)
NOTE_MAX = 2000
KEYED_TEXT_MAX = 254  # the longest any keyed field of a registration may be before its own check (e-mail)

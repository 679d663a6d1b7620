"""Moved: the bank file's byte format lives in app.io.zengin (formats belong in io). This name stays importable
for code written before the move; new code imports app.io.zengin."""

from app.io.zengin import (
    CATEGORY_DIRECT_DEBIT,
    DATA,
    ENCODING,
    END,
    HEADER,
    RECORD_LENGTH,
    TRAILER,
    DebitLine,
    Field,
    Header,
    NewCode,
    data_record,
    record,
    write,
)

__all__ = [
    "CATEGORY_DIRECT_DEBIT",
    "DATA",
    "ENCODING",
    "END",
    "HEADER",
    "RECORD_LENGTH",
    "TRAILER",
    "DebitLine",
    "Field",
    "Header",
    "NewCode",
    "data_record",
    "record",
    "write",
]

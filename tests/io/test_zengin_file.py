"""The bank file's bytes: groups past the trailer's 6-digit count (issue #14 point 4), read back as bytes."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.errors import InvalidValue
from app.io import zengin
from app.io.zengin import DebitLine, Header

HEADER = Header("0000329273", "ｻﾝﾌﾟﾙ", date(2027, 3, 1), "0001", "ﾐｽﾞﾎ", "210", "ﾎﾝﾃﾝ", 1, "7654321")


def line(number: int, amount: int) -> DebitLine:
    return DebitLine("0005", "ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ", "001", "ﾎﾝﾃﾝ", 1, "1234567", "ﾔﾏﾀﾞ ﾀﾛｳ", amount, 1, f"{number:020d}")


def records(data: bytes) -> list[str]:
    chunks = data.split(b"\r\n")
    assert chunks[-1] == b""
    assert all(len(c) == 120 for c in chunks[:-1])
    return [c.decode("cp932") for c in chunks[:-1]]


def test_the_trailer_never_carries_a_cut_count() -> None:
    assert zengin.MAX_GROUP_LINES == 999_999 and zengin.MAX_GROUP_AMOUNT == 999_999_999_999
    lines = [line(i, 1000 + i) for i in range(1, 8)]
    out = records(zengin.write(HEADER, lines, max_lines=3))
    kinds = "".join(r[0] for r in out)
    assert kinds == "1222812228128" + "9"  # three groups of 3, 3 and 1 lines, one end record
    headers = [r for r in out if r[0] == "1"]
    assert len(set(headers)) == 1  # every group carries the same header
    trailers = [r for r in out if r[0] == "8"]
    assert [(int(t[1:7]), int(t[7:19])) for t in trailers] == [(3, 3006), (3, 3015), (1, 1007)]
    # the data records, group by group, add up to their trailer
    group: list[int] = []
    for record in out:
        if record[0] == "2":
            group.append(int(record[80:90]))
        elif record[0] == "8":
            assert (len(group), sum(group)) == (int(record[1:7]), int(record[7:19]))
            group = []


def test_a_group_closes_before_its_total_overflows() -> None:
    lines = [line(1, 600), line(2, 600), line(3, 100)]
    out = records(zengin.write(HEADER, lines, max_amount=1000))
    trailers = [(int(t[1:7]), int(t[7:19])) for t in out if t[0] == "8"]
    assert trailers == [(1, 600), (2, 700)]
    with pytest.raises(InvalidValue):
        zengin.plan_groups([1001], max_amount=1000)


def test_a_month_within_the_limit_is_one_group_and_empty_still_has_one() -> None:
    assert [r[0] for r in records(zengin.write(HEADER, []))] == ["1", "8", "9"]
    assert "".join(r[0] for r in records(zengin.write(HEADER, [line(1, 5), line(2, 6)]))) == "12289"


def test_the_header_must_be_complete() -> None:
    assert zengin.header_problems(HEADER) == []
    empty = Header("", "", date(2027, 3, 1))
    assert {field for field, _ in zengin.header_problems(empty)} == {
        "consignor_code", "consignor_name", "bank_code", "branch_code", "account_number", "deposit_type",
        "bank_name", "branch_name",
    }  # fmt: skip
    wrong = Header("12345", "ｻﾝﾌﾟﾙ", date(2027, 3, 1), "0001", "ﾐｽﾞﾎ", "210", "ﾎﾝﾃﾝ", 4, "7654321")
    assert zengin.header_problems(wrong) == [("consignor_code", "invalid"), ("deposit_type", "invalid")]


def test_the_old_import_path_still_works() -> None:
    from app.domain import zengin as old

    assert old.write is zengin.write and old.NewCode.FIRST == 1

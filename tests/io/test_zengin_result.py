"""The result reader (formats only): separators, 0x1A, several groups, trailer checks, unknown codes kept."""

from __future__ import annotations

from app.io.zengin_result import parse_zengin_result


def _header(mmdd: str = "0127") -> bytes:
    return (
        b"1910"
        + b"0000329273"
        + b"KOFURI".ljust(40)
        + mmdd.encode()
        + b"0005"
        + b" " * 15
        + b"001"
        + b" " * 15
        + b"1"
        + b"7654321"
    ).ljust(120)


def _data(number: int, amount: int, code: str) -> bytes:
    record = (
        b"2"
        + b"0005"
        + b" " * 15
        + b"001"
        + b" " * 15
        + b"    "
        + b"1"
        + b"1234567"
        + "ﾔﾏﾀﾞ".encode("cp932").ljust(30)
        + f"{amount:010d}".encode()
        + b"0"
        + f"0329279{number:013d}".encode()
        + code.encode()
    )
    return record.ljust(120)


def _trailer(paid: list[int], failed: list[int]) -> bytes:
    total = len(paid) + len(failed), sum(paid) + sum(failed)
    return f"8{total[0]:06d}{total[1]:012d}{len(paid):06d}{sum(paid):012d}{len(failed):06d}{sum(failed):012d}".encode().ljust(
        120
    )


END = b"9".ljust(120)


def test_records_without_separator_with_eof_and_several_groups() -> None:
    body = (
        _header()
        + _data(1, 1000, "0")
        + _data(2, 2000, "1")
        + _trailer([1000], [2000])
        + _header()
        + _data(3, 3000, "N")
        + _trailer([], [3000])
        + END
        + b"\x1a"
    )
    parsed = parse_zengin_result(body)
    assert parsed.problems == []
    assert [(g.debit_mmdd, len(g.records)) for g in parsed.groups] == [("0127", 2), ("0127", 1)]
    assert [(r.record, r.result_code, r.amount) for r in parsed.records] == [
        (2, "0", 1000),
        (3, "1", 2000),
        (6, "N", 3000),
    ]


def test_crlf_and_lf_read_the_same() -> None:
    records = [_header(), _data(1, 1000, "0"), _trailer([1000], []), END]
    for separator in (b"\r\n", b"\n"):
        parsed = parse_zengin_result(separator.join(records) + separator)
        assert parsed.problems == [] and len(parsed.records) == 1


def test_a_trailer_that_does_not_add_up_is_named_by_record() -> None:
    body = _header() + _data(1, 1000, "0") + _data(2, 2000, "2") + _trailer([1000], [1999]) + END
    problems = [str(p) for p in parse_zengin_result(body).problems]
    assert "レコード 4: トレーラの振替不能金額 1,999 円がデータの合計 2,000 円と一致しません" in problems


def test_a_short_record_and_a_missing_end_are_problems() -> None:
    body = b"\r\n".join([_header(), _data(1, 1000, "0")[:100], _trailer([], [])])
    problems = [str(p) for p in parse_zengin_result(body).problems]
    assert problems[0] == "レコード 2: レコードの長さが 100 バイトです（120バイトのはずです）"
    assert problems[-1] == "レコード 3: エンドレコードがありません"

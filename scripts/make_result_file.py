"""Make a bank result file (振替結果) from a request file, the way the bank would: a result code at byte 112
of each data record and the trailer's paid / failed counts and amounts filled. For demos and benchmarks; it
shares no code with the importer on purpose (a second reading of the format).

    python scripts/make_result_file.py REQUEST OUT [--codes 0,0,1,2,...] [--set NUMBER=CODE ...]
                                       [--no-newline] [--eof] [--break-trailer] [--add-line NUMBER:AMOUNT]

Without --codes every line is paid (0); --codes cycles over the data records in order.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def records_of(data: bytes) -> list[bytes]:
    body = data.rstrip(b"\x1a")
    if b"\n" in body:
        return [r.rstrip(b"\r") for r in body.split(b"\n") if r.strip(b"\r")]
    return [body[i : i + 120] for i in range(0, len(body), 120)]


def make(
    data: bytes,
    codes: list[str],
    overrides: dict[str, str],
    *,
    break_trailer: bool = False,
    extra: list[tuple[str, int]] | None = None,
) -> list[bytes]:
    out: list[bytes] = []
    paid = [0, 0]
    failed = [0, 0]
    index = 0
    template: bytes | None = None
    for record in records_of(data):
        kind = record[:1]
        if kind == b"1":
            paid, failed = [0, 0], [0, 0]
            out.append(record)
        elif kind == b"2":
            number = record[91:111].decode()
            code = overrides.get(number, codes[index % len(codes)] if codes else "0")
            index += 1
            amount = int(record[80:90])
            bucket = paid if code == "0" else failed
            bucket[0] += 1
            bucket[1] += amount
            template = record
            out.append(record[:111] + code.encode() + record[112:])
        elif kind == b"8":
            for number, amount in extra or []:  # a line that was never billed
                assert template is not None
                line = (
                    template[:80]
                    + f"{amount:010d}".encode()
                    + template[90:91]
                    + number.encode()
                    + b"1"
                    + template[112:]
                )
                out.append(line)
                failed[0] += 1
                failed[1] += amount
            total = [paid[0] + failed[0], paid[1] + failed[1]]
            if break_trailer:
                paid[1] += 1  # the paid amount off by one yen
            trailer = f"8{total[0]:06d}{total[1]:012d}{paid[0]:06d}{paid[1]:012d}{failed[0]:06d}{failed[1]:012d}"
            out.append(trailer.encode().ljust(120))
        else:
            out.append(record)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("request", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--codes", default="0", help="comma-separated codes, cycled over the data records")
    parser.add_argument("--set", action="append", default=[], help="CUSTOMER_NUMBER=CODE")
    parser.add_argument("--no-newline", action="store_true")
    parser.add_argument("--eof", action="store_true", help="end with 0x1A")
    parser.add_argument("--break-trailer", action="store_true")
    parser.add_argument("--add-line", action="append", default=[], help="CUSTOMER_NUMBER:AMOUNT never billed")
    args = parser.parse_args()
    overrides = dict(item.split("=", 1) for item in args.set)
    extra = [(n, int(a)) for n, a in (item.split(":", 1) for item in args.add_line)]
    records = make(
        args.request.read_bytes(),
        [c.strip() for c in args.codes.split(",") if c.strip()],
        overrides,
        break_trailer=args.break_trailer,
        extra=extra,
    )
    separator = b"" if args.no_newline else b"\r\n"
    body = separator.join(records) + separator + (b"\x1a" if args.eof else b"")
    args.out.write_bytes(body)
    print(f"{args.out}: {sum(1 for r in records if r[:1] == b'2')} data records")


if __name__ == "__main__":
    main()

"""A local SMTP server that accepts every message and prints it decoded (subject, from, to, body): for trying
the customer notices without a real mail server.

    .venv/bin/python scripts/smtp_sink.py [PORT]     # default 8025; then: kofuri settings set smtp_port 8025
"""

from __future__ import annotations

import sys
import time
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aiosmtpd.controller import Controller  # noqa: E402


class Printer:
    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content, policy=policy.default)
        body = message.get_body(("plain",))
        print("=" * 72)
        print(f"envelope: {envelope.mail_from} -> {', '.join(envelope.rcpt_tos)}")
        for header in ("Message-ID", "From", "To", "Reply-To", "Subject", "Content-Type"):
            print(f"{header}: {message[header]}")
        print(f"(raw Subject: {message_from_bytes(envelope.content)['Subject']})")
        print()
        print(body.get_content() if body is not None else "")  # type: ignore[attr-defined]
        sys.stdout.flush()
        return "250 Message accepted for delivery"


def main() -> None:
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8025
    controller = Controller(Printer(), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"listening on 127.0.0.1:{port}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        controller.stop()


if __name__ == "__main__":
    main()

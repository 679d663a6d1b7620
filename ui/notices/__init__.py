"""お知らせ: the customer notices\x27 outbox."""

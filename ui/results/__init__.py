"""振替結果: result import, summary, result lines, follow-up work list, and the ledger view."""

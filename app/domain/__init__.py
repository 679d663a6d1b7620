"""Pure rules of the direct-debit world: no I/O, no database, no Qt."""

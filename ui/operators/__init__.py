"""Operators: login, the first supervisor, operators and maintenance, the audit log, the idle lock."""

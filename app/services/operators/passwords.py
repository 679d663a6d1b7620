"""Argon2id password hashes [OP-1], at OWASP's minimum or above: m=19 MiB, t=2, p=1."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from app.domain.errors import InvalidValue

MIN_LENGTH = 8
HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
# Verified against when the login ID is unknown or has no password, so it costs the same time as a real one.
_DUMMY = HASHER.hash("dummy-password-that-never-matches")


def check_new_password(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise InvalidValue("operators.password_short", length=MIN_LENGTH)


def hash_password(password: str) -> str:
    check_new_password(password)
    return HASHER.hash(password)


def verify(stored: str | None, password: str) -> bool:
    """True when `password` matches; an absent hash is verified against a dummy (same time, always False)."""
    try:
        return HASHER.verify(stored or _DUMMY, password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return HASHER.check_needs_rehash(stored)

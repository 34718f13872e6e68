"""Staff PINs: hashed with Argon2 (slow on purpose) and locked after repeated wrong guesses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError

from .clock import from_db
from .errors import LoyaltyError, Refused

ROLES = ("cashier", "owner")
MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=5)

# OWASP's minimum Argon2id settings: about 20 ms a check here, so a 4-digit PIN space still costs minutes
# to walk offline, and the lockout stops guessing at the counter.
_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


@dataclass(frozen=True)
class StaffMember:
    id: str
    name: str
    role: str

    @property
    def is_owner(self) -> bool:
        return self.role in ("owner", "system")


def check_pin_format(pin: str) -> str:
    if not re.fullmatch(r"\d{4,8}", pin or ""):
        raise LoyaltyError("A PIN is 4 to 8 digits.", code="bad_pin")
    return pin


def hash_pin(pin: str) -> str:
    return _HASHER.hash(check_pin_format(pin))


def pin_matches(pin_hash: str | None, pin: str) -> bool:
    if not pin_hash:
        return False
    try:
        return _HASHER.verify(pin_hash, pin)
    except (VerifyMismatchError, InvalidHashError):
        return False


def locked_until(row, now: datetime) -> datetime | None:
    until = from_db(row["locked_until"]) if row["locked_until"] else None
    return until if until and until > now else None


def lockout_after_failure(failures_before: int, now: datetime) -> datetime | None:
    return now + LOCKOUT if failures_before + 1 >= MAX_FAILURES else None


def locked_message(name: str, until: datetime, now: datetime) -> Refused:
    minutes = max(1, round((until - now).total_seconds() / 60))
    return Refused(f"Too many wrong PINs for {name}: locked for {minutes} more minute(s).", code="locked")

"""Unsubscribe tokens: the customer's id signed with one of the chain's card keys, so every till and the server can
check a token offline; nobody can forge one for another customer."""

from __future__ import annotations

import base64
import hashlib
import hmac
import uuid
from dataclasses import dataclass

from ..errors import LoyaltyError

PREFIX = "u1"
_MAC = 8


class TokenError(LoyaltyError):
    code = "bad_unsubscribe_token"


@dataclass(frozen=True)
class Parsed:
    key_id: int
    customer_id: str
    mac: bytes

    def signed_by(self, secret: bytes) -> bool:
        return hmac.compare_digest(self.mac, _mac(secret, self.key_id, self.customer_id))


def _mac(secret: bytes, key_id: int, customer_id: str) -> bytes:
    body = b"unsubscribe:" + key_id.to_bytes(2, "big") + uuid.UUID(customer_id).bytes
    return hmac.new(secret, body, hashlib.sha256).digest()[:_MAC]


def make(customer_id: str, key_id: int, secret: bytes) -> str:
    data = key_id.to_bytes(2, "big") + uuid.UUID(customer_id).bytes + _mac(secret, key_id, customer_id)
    return PREFIX + base64.b32encode(data).decode().rstrip("=").lower()


def parse(text: str) -> Parsed:
    """The parts of a token as typed or clicked (case, spaces and dashes do not matter); TokenError if it is none."""
    raw = "".join(c for c in (text or "").strip().lower() if c not in " -\t")
    wrong = TokenError("This is not an unsubscribe code from one of our e-mails.")
    if not raw.startswith(PREFIX):
        raise wrong
    body = raw[len(PREFIX):].upper()
    try:
        data = base64.b32decode(body + "=" * (-len(body) % 8))
    except ValueError:
        raise wrong from None
    if len(data) != 2 + 16 + _MAC:
        raise wrong
    return Parsed(int.from_bytes(data[:2], "big"), str(uuid.UUID(bytes=data[2:18])), data[18:])


def verify(text: str, keys: dict[int, bytes]) -> str:
    """The customer id a token stands for, checked against the card keys held here."""
    parsed = parse(text)
    secret = keys.get(parsed.key_id)
    if secret is None or not parsed.signed_by(secret):
        raise TokenError("This unsubscribe code is not valid here (mistyped, or from another shop's e-mail).")
    return parsed.customer_id

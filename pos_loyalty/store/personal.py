"""Personal fields at rest: AES-GCM per field, and blind search tokens (keyed hashes) instead of a plaintext index.

A sealed field is `1 | key id (4 bytes) | nonce (12) | ciphertext + tag`, with the customer id and the field name
as associated data, so a value copied to another row or field does not decrypt. Search never sees plaintext
either: each customer has a set of tokens, HMAC-SHA256 (a second key derived from the same secret) of the
normalised pieces a cashier may type, truncated to 64 bits (an accidental match needs ~2^32 tokens):

- `w` every prefix of each word of the name and of the email's local part (casefolded, accents removed),
- `e` the email's prefixes from its first '.' or '@' on (what an email-like entry such as "anna.m" looks up),
  and `x` the whole email, for an exact lookup,
- `p` the phone number's digit suffixes of 4 digits and more (the end of a number is what people know),
- `b` the birthday's month and day, for "birthday in the next N days" without decrypting every customer.

What the tokens give away is equality: two customers whose names start alike share a token; that is the price of
searching without the key being able to read. The month-day token is one of 366 groups (as weak as a star sign)
but still needs the key to know which day a group is.
"""

from __future__ import annotations

import hmac
import os
import sqlite3
import unicodedata
from dataclasses import dataclass
from datetime import date
from hashlib import sha256

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .. import keys
from ..keys import KeyProblem

FIELDS = ("name", "email", "phone", "birthday")
FORMAT = 1
MIN_PHONE = 4
_NONCE = 12


def _derive(secret: bytes, purpose: bytes, length: int = 32) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=b"pos-loyalty " + purpose).derive(secret)


def key_id_of(secret: bytes) -> str:
    return _derive(secret, b"key id", 4).hex()


def fold(text: str) -> str:
    """Casefolded, accents removed ('Zoë' -> 'zoe'): how both the tokens and what is typed are compared."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Words as SQLite's unicode61 tokenizer split them: runs of letters and digits."""
    out, word = [], []
    for c in fold(text):
        if c.isalnum():
            word.append(c)
        elif word:
            out.append("".join(word))
            word = []
    if word:
        out.append("".join(word))
    return out


def digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def pieces(fields: dict) -> set[tuple[str, str]]:
    """(kind, text) of everything a customer can be found by; see the module's docstring."""
    out: set[tuple[str, str]] = set()
    name, email, phone, birthday = (fields.get(f) for f in FIELDS)
    email = fold(email) if email else None
    local = email.partition("@")[0] if email else ""
    for word in words(name or "") + words(local):
        out.update(("w", word[:n]) for n in range(1, len(word) + 1))
    if email:
        first = min((i for i in (email.find("."), email.find("@")) if i >= 0), default=len(email))
        out.update(("e", email[:n]) for n in range(first + 1, len(email) + 1))
        out.add(("x", email))
    if phone:
        number = digits(phone)
        out.update(("p", number[-n:]) for n in range(MIN_PHONE, len(number) + 1))
    if birthday:
        out.add(("b", birthday[5:10]))
    return out


@dataclass
class Personal:
    """The data folder's key, ready to seal, open and make tokens."""

    key_id: str
    _aead: AESGCM
    _index: bytes
    _prefix: bytes

    @classmethod
    def from_secret(cls, secret: bytes) -> "Personal":
        key_id = key_id_of(secret)
        return cls(key_id, AESGCM(_derive(secret, b"personal fields")), _derive(secret, b"blind index"),
                   bytes([FORMAT]) + bytes.fromhex(key_id))

    def seal(self, customer_id: str, field: str, value: str | None) -> bytes | None:
        if value is None:
            return None
        nonce = os.urandom(_NONCE)
        return self._prefix + nonce + self._aead.encrypt(nonce, value.encode(), f"{customer_id}\0{field}".encode())

    def open(self, customer_id: str, field: str, sealed) -> str | None:
        if sealed is None:
            return None
        if not isinstance(sealed, bytes) or sealed[:1] != self._prefix[:1]:
            raise KeyProblem(f"Customer {customer_id}: the {field} is stored unencrypted or in an unknown format. "
                             "Run 'pos-loyalty check'.", code="data_damaged")
        if sealed[:5] != self._prefix:
            raise KeyProblem(f"The personal fields were encrypted with key {sealed[1:5].hex()}, but the key found "
                             f"for this data folder is {self.key_id}. Restore the right key with "
                             "'pos-loyalty key import FILE'.", code="key_wrong")
        nonce, body = sealed[5:5 + _NONCE], sealed[5 + _NONCE:]
        try:
            return self._aead.decrypt(nonce, body, f"{customer_id}\0{field}".encode()).decode()
        except InvalidTag:
            raise KeyProblem(f"Customer {customer_id}: the {field} does not decrypt with this data folder's key "
                             "(the key is wrong or the database was altered).", code="data_damaged") from None

    def token(self, kind: str, text: str) -> int:
        digest = hmac.digest(self._index, f"{kind}\0{text}".encode(), sha256)
        return int.from_bytes(digest[:8], "big", signed=True)

    def tokens(self, fields: dict) -> set[int]:
        return {self.token(kind, text) for kind, text in pieces(fields)}

    def birthday_tokens(self, first: date, last: date) -> list[int]:
        """Tokens of every month-day from first to last; 29 February is celebrated on the 28th in common years."""
        days = set()
        for ordinal in range(first.toordinal(), last.toordinal() + 1):
            day = date.fromordinal(ordinal)
            days.add(day.strftime("%m-%d"))
            if (day.month, day.day) == (2, 28) and not _leap(day.year):
                days.add("02-29")
        return [self.token("b", d) for d in sorted(days)]


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


# ---- the key of a connection's data folder ----

def of(conn: sqlite3.Connection) -> Personal:
    """The key of the database behind `conn` (a store.db connection), loaded once per connection."""
    found = conn.personal
    if found is None:
        found = conn.personal = _load(conn)
    return found


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                 (key, value))


def holds_personal_data(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT EXISTS (SELECT 1 FROM customers WHERE name IS NOT NULL OR email IS NOT NULL "
                        "OR phone IS NOT NULL OR birthday IS NOT NULL)").fetchone()[0] == 1


def export_key(conn: sqlite3.Connection) -> str:
    """The key as text for `pos-loyalty key export` (to keep it with the backups)."""
    key = of(conn)
    database_id = _meta(conn, "database_id")
    secret, _ = keys.load(conn.data_dir, database_id)
    return keys.export_text(database_id, key.key_id, secret)


def import_key(conn: sqlite3.Connection, text: str) -> str:
    """Store an exported key for this database (after a restore on another computer); returns its key id."""
    database_id, key_id, secret = keys.parse_export(text)
    if key_id_of(secret) != key_id:
        raise keys.KeyProblem("The key file is damaged (its key does not match its key id).", code="key_damaged")
    own = _meta(conn, "database_id")
    expected = _meta(conn, "personal_key_id")
    if database_id != own and expected != key_id:
        raise keys.KeyProblem(f"This key belongs to another database ({database_id}); this one is {own}.",
                              code="key_wrong")
    if expected not in (None, key_id) and holds_personal_data(conn):
        raise keys.KeyProblem(f"This is key {key_id}; the personal fields here were encrypted with {expected}.",
                              code="key_wrong")
    _set_meta(conn, "personal_key_store", keys.store(conn.data_dir, own, secret))
    _set_meta(conn, "personal_key_id", key_id)
    conn.personal = None
    return key_id


def _load(conn: sqlite3.Connection) -> Personal:
    """Find the key; make one only while nothing is encrypted yet. A missing or wrong key is an error that says
    what to restore, never a silent new key (that would make every stored name unreadable)."""
    database_id = _meta(conn, "database_id")
    if database_id is None:
        raise KeyProblem("This database has no id for its key yet (it needs an upgrade).", code="key_missing")
    expected = _meta(conn, "personal_key_id")
    secret, where = keys.load(conn.data_dir, database_id)
    if secret is not None:
        personal = Personal.from_secret(secret)
        if expected not in (None, personal.key_id) and holds_personal_data(conn):
            raise KeyProblem(f"The key found in {where} ({personal.key_id}) is not the one this database's "
                             f"personal fields were encrypted with ({expected}). Restore the right key with "
                             "'pos-loyalty key import FILE'.", code="key_wrong")
        if expected != personal.key_id:
            _set_meta(conn, "personal_key_id", personal.key_id)
        return personal
    if expected is not None and holds_personal_data(conn):
        kept = _meta(conn, "personal_key_store") or "file"
        raise KeyProblem(f"The key to the customers' names and contact details (key {expected}, kept in the "
                         f"{'system keyring' if kept == 'keyring' else 'key file'}) is missing: looked in {where}. "
                         "Restore it with 'pos-loyalty key import FILE' from the copy you exported "
                         "('pos-loyalty key export'), or put the data folder's keys/ folder back.",
                         code="key_missing")
    secret = keys.new_key()
    personal = Personal.from_secret(secret)
    _set_meta(conn, "personal_key_store", keys.store(conn.data_dir, database_id, secret))
    _set_meta(conn, "personal_key_id", personal.key_id)
    return personal

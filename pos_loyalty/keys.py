"""Where the key to the customers' personal fields lives: the OS keyring, else a key file outside the database.

The database never holds the key, so a copy of `loyalty.db` (a backup, a file sent for support) reveals no name,
email, phone number or birthday. One key per database, named by the database's own id (meta 'database_id'),
which stays the same when the till registers with a server or the folder is moved.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from pathlib import Path

import keyring
import keyring.errors
from keyring.backends import fail, null

from .errors import LoyaltyError

SERVICE = "pos-loyalty"
KEY_BYTES = 32
FOLDER = "keys"


class KeyProblem(LoyaltyError):
    """The personal fields cannot be read: the key is missing, wrong, or the data is damaged."""

    code = "key_missing"


def keyring_usable() -> bool:
    """A real backend (Windows Credential Locker, macOS Keychain, Secret Service...), not the placeholders keyring
    falls back to when there is none (as on a headless Linux till)."""
    backend = keyring.get_keyring()
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return False
    try:
        return backend.priority > 0
    except Exception:  # noqa: BLE001 - a backend that cannot even say how usable it is, is not
        return False


def key_file(data_dir: Path, database_id: str) -> Path:
    return Path(data_dir) / FOLDER / f"{database_id}.key"


def load(data_dir: Path, database_id: str) -> tuple[bytes | None, str]:
    """(key or None, where it was looked for, in words for an error message)."""
    places = []
    if keyring_usable():
        places.append(f"the system keyring (service '{SERVICE}', entry '{database_id}')")
        try:
            stored = keyring.get_password(SERVICE, database_id)
        except keyring.errors.KeyringError as exc:
            stored, places[-1] = None, places[-1] + f", which could not be opened ({exc})"
        if stored:
            return _decode(stored), places[0]
    path = key_file(data_dir, database_id)
    places.append(str(path))
    if path.exists():
        return _decode(path.read_text(encoding="ascii").strip()), str(path)
    return None, " and ".join(places)


def store(data_dir: Path, database_id: str, key: bytes) -> str:
    """Keep the key: in the keyring when it works, else in a file only this user can read. Returns where."""
    text = base64.b64encode(key).decode("ascii")
    if keyring_usable():
        try:
            keyring.set_password(SERVICE, database_id, text)
            return "keyring"
        except keyring.errors.KeyringError:
            pass  # a locked or broken keyring: the file below still keeps the till working
    path = key_file(data_dir, database_id)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    write_private(path, text + "\n")
    return "file"


def write_private(path: Path, text: str) -> None:
    """Write a file only its owner can read (0600), whole or not at all."""
    path = Path(path)
    partial = path.with_name(path.name + ".tmp")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(partial, 0o600)  # an existing file keeps its mode through O_CREAT: make it exact
    os.replace(partial, path)


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def export_text(database_id: str, key_id: str, key: bytes) -> str:
    """What `pos-loyalty key export` writes: enough to restore this database's key on another computer."""
    return json.dumps({"pos_loyalty_key": 1, "database_id": database_id, "key_id": key_id,
                       "key": base64.b64encode(key).decode("ascii")}, indent=2) + "\n"


def parse_export(text: str) -> tuple[str, str, bytes]:
    """(database_id, key_id, key) from an exported key file."""
    try:
        data = json.loads(text)
        if data.get("pos_loyalty_key") != 1:
            raise ValueError
        return data["database_id"], data["key_id"], _decode(data["key"])
    except (ValueError, KeyError, TypeError, AttributeError):
        raise LoyaltyError("This is not a key file written by 'pos-loyalty key export'.", code="bad_key_file") from None


def _decode(text: str) -> bytes:
    try:
        key = base64.b64decode(text, validate=True)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise KeyProblem("The stored key for the personal fields is damaged (not a 256-bit key). Restore it with "
                         "'pos-loyalty key import FILE'.", code="key_damaged")
    return key

"""A customer's rights over their data (GDPR): a copy of everything the shop holds (export), and erasure.

Erasure removes the person (name, email, phone, birthday, consent, search tokens, free texts staff typed about
them, messages) and blocks their cards: they asked to be forgotten, so a card that still collected points would
keep a profile of their visits under a new guise. What stays is what the books need and names no one: the
account id, the ledger's amounts and dates. Both are recorded in the audit (who, when, why; never the data).
The erasure syncs: the server blanks its copy of the fields, and every till erases on its next pull.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import cards
from .clock import to_db, utcnow
from .errors import LoyaltyError, NotFound, Refused
from .keys import write_private
from .service import Loyalty
from .staff import StaffMember
from .store import customers as customer_sql, events as event_sql, privacy as privacy_sql

FORMAT = "pos-loyalty customer data 1"
_INTERNAL = ("num", "seq", "synced", "pulled")


def customer_of_card(app: Loyalty, scanned: str) -> str:
    """The account behind a card, blocked or not (an erased customer's cards are blocked, their data still
    exportable)."""
    token = cards.verify(scanned, app.card_keys()).text
    row = customer_sql.card(app.db.conn, token)
    if row is None:
        raise NotFound("This card is not in use here.", code="unknown_card")
    return row["customer_id"]


def export(app: Loyalty, customer_id: str, staff: StaffMember | None = None) -> dict:
    """Everything held about the customer and the accounts merged into theirs, as one JSON-ready dict."""
    return _export(app, customer_id, staff, lambda data: None)


def save_export(app: Loyalty, customer_id: str, path: str | Path, staff: StaffMember | None = None) -> Path:
    """The export as a JSON file only this computer's user can read (it is for handing to the customer)."""
    path = Path(path)

    def write(data: dict) -> None:
        try:
            write_private(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        except OSError as exc:
            raise LoyaltyError(f"Cannot write {path}: {exc.strerror}.", code="cannot_write") from None

    _export(app, customer_id, staff, write)
    return path


def _export(app: Loyalty, customer_id: str, staff: StaffMember | None, deliver) -> dict:
    """Collect and audit in one transaction; `deliver` failing (a file not written) leaves no audit entry."""
    staff = staff or app.system_staff()
    app.customer(customer_id)  # NotFound for an unknown id
    now = utcnow()
    with app.db.write() as conn:
        ids = privacy_sql.family(conn, customer_id)
        events = [_plain(r) for r in privacy_sql.events_of(conn, ids)]
        privacy_sql.audit(conn, now, staff.id, "export", customer_id, {"accounts": len(ids), "events": len(events)})
        people = [customer_sql.get(conn, cid) for cid in ids]
        out = {
            "format": FORMAT,
            "exported_at": to_db(now),
            "shop": app.program.name,
            "currency": app.program.currency,
            "customer": _person(people[0]),
            "merged_accounts": [_person(p) for p in people[1:]],
            "cards": [_plain(r) for r in privacy_sql.cards_of(conn, ids)],
            "imported": privacy_sql.imported_of(conn, ids),
            "balance": dict(zip(("stamps", "points", "cashback"), event_sql.balance(conn, customer_id))),
            "events": events,
            "audit": [{k: a[k] for k in ("at", "action", "staff_name", "detail")}
                      for a in privacy_sql.audit_of(conn, customer_id)],
        }
        messages = privacy_sql.messages_of(conn, ids)
        if messages is not None:
            out["messages"] = messages
        deliver(out)
    return out


def erase(app: Loyalty, customer_id: str, staff: StaffMember, reason: str) -> dict:
    """Erase the customer's personal data (and of the accounts merged into theirs); the ledger's figures stay."""
    if not staff.is_owner:
        raise Refused("Only the owner can erase a customer's data.", code="not_owner")
    reason = " ".join(reason.split())
    if not reason:
        raise LoyaltyError("Say why the data is erased (e.g. 'asked in the shop on 3 May'); it is kept in the "
                           "audit.", code="erase_reason")
    customer = app.customer(customer_id)
    if customer["merged_into"]:
        raise Refused("This account was merged into another: erase that one (it includes this).",
                      code="already_merged")
    if customer["erased_at"]:
        raise Refused(f"This customer's data was already erased on {customer['erased_at'][:10]}.",
                      code="already_erased")
    now = utcnow()
    with app.db.write() as conn:
        done = privacy_sql.erase(conn, customer_id, now)
        privacy_sql.audit(conn, now, staff.id, "erase", customer_id, done | {"reason": reason})
    return {"customer": customer_id, "erased_at": to_db(now)} | done


def audit(app: Loyalty, customer_id: str | None = None) -> list[dict]:
    return privacy_sql.audit_of(app.db.conn, customer_id)


def _person(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in _INTERNAL}


def _plain(row) -> dict:
    out = {k: row[k] for k in row.keys() if k not in _INTERNAL}
    for key in ("items", "detail"):
        if isinstance(out.get(key), str):
            out[key] = json.loads(out[key])
    return out

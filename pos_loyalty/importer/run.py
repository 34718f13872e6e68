"""The import itself: every new customer, card and opening balance in ONE transaction, all of it or nothing."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from ..clock import utcnow
from ..errors import LoyaltyError, Refused
from ..service import Loyalty
from ..staff import StaffMember
from ..store import imports as import_sql
from . import csvfile
from .plan import Plan, build

Progress = Callable[[int, int], None]  # (done, total); raising from it stops the import and rolls it back


class Cancelled(LoyaltyError):
    code = "import_cancelled"


@dataclass(frozen=True)
class ImportedCard:
    line: int
    customer_id: str
    name: str | None
    card: str  # the new card, one of our signed tokens
    old_card: str | None


@dataclass
class Result:
    import_id: str
    plan: Plan  # the plan as it was carried out (checked again inside the transaction)
    cards: list[ImportedCard]

    def summary(self) -> dict:
        return self.plan.summary() | {"ok": True, "import_id": self.import_id, "imported": len(self.cards),
                                      "skipped": len(self.plan.bad_lines)}


def run(app: Loyalty, plan: Plan, staff: StaffMember, *, skip_bad_rows: bool = False,
        progress: Progress | None = None, at: datetime | None = None) -> Result:
    """Import what `plan` found. Rows with problems refuse the whole import unless skip_bad_rows says otherwise.

    The plan is made again inside the write transaction: the shop may have enrolled someone since the preview.
    Each customer is enrolled through the service (its checks, its card, personal fields stored however the store
    keeps them) without the enrollment bonus: an imported customer is not new to the shop.
    """
    at = at or utcnow()
    import_id = str(uuid.uuid4())
    imported = []
    with app.db.write() as conn:
        fresh = build(app, plan.table, plan.mapping, at.date())
        if fresh.problems and not skip_bad_rows:
            raise Refused(f"{len(fresh.bad_lines)} row(s) have problems; nothing was imported. Fix the file, or "
                          "choose to skip those rows.", code="import_has_problems")
        result = Result(import_id, fresh, imported)
        total = len(fresh.customers)
        import_sql.record(conn, import_id, fresh.table.name, fresh.table.fingerprint, staff.id, at,
                          {k: v for k, v in fresh.summary().items() if k != "problems"})
        for done, row in enumerate(fresh.customers):
            if progress and done % 100 == 0:
                progress(done, total)
            customer_id, token, _ = app.enroll(staff, name=row.name, email=row.email, phone=row.phone,
                                               birthday=row.birthday, consent_email=row.consent_email, at=at,
                                               bonus=False)
            if row.stamps or row.points or row.cashback:
                app.open_balance(staff, customer_id, row.stamps, row.points, row.cashback,
                                 {"import": import_id, "line": row.line}, at)
            import_sql.add_customer(conn, row.key, import_id, customer_id, row.line, row.old_card)
            imported.append(ImportedCard(row.line, customer_id, row.name, token, row.old_card))
        if progress:
            progress(total, total)
    return result


def imports(app: Loyalty) -> list[dict]:
    """Every import of this shop, newest first: when, which file, by whom, what it did."""
    return [{"id": row["id"], "file": row["file_name"], "at": row["created_at"], "staff": row["staff_name"],
             "summary": json.loads(row["summary"])} for row in import_sql.all_imports(app.db.conn)]


def cards_of(app: Loyalty, import_id: str) -> list[ImportedCard]:
    """The customers an import brought in with their current card (a card re-issued since is the new one)."""
    if import_sql.get(app.db.conn, import_id) is None:
        raise Refused(f"There is no import {import_id}; 'pos-loyalty import list' shows them.",
                      code="unknown_import")
    out = []
    for row in import_sql.customers_of(app.db.conn, import_id):
        customer = app.customer(row["customer_id"])
        if customer["card"]:
            out.append(ImportedCard(row["line"], customer["id"], customer["name"], customer["card"], row["old_card"]))
    return out


def write_cards(path: str | Path, imported: list[ImportedCard], delimiter: str = ";",
                header: tuple[str, str, str, str] = ("Line", "Name", "Card", "Old card")) -> Path:
    """Name -> new card, to print the cards with a mail merge or hand them out by list."""
    rows = [[str(c.line), c.name or "", c.card, c.old_card or ""] for c in imported]
    return csvfile.write(path, list(header), rows, delimiter)


def write_problems(path: str | Path, plan: Plan, describe: Callable = lambda p: p.message,
                   header: tuple[str, str] = ("Line", "Problem")) -> Path:
    """The rows that were not imported, as they were, with their line and problems: fix them here, import again."""
    by_line: dict[int, list[str]] = {}
    for problem in plan.problems:
        text = describe(problem)
        by_line.setdefault(problem.line, []).append(f"{problem.column}: {text}" if problem.column else text)
    cells = dict(plan.table.records)
    rows = [list(cells[line]) + [str(line), "; ".join(texts)] for line, texts in sorted(by_line.items())]
    return csvfile.write(path, list(plan.table.header) + list(header), rows, plan.table.delimiter)

"""What an import would do, row by row, without writing: new customers, opening balances, problems, duplicates."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from ..money import plain
from ..program import Program
from ..service import Loyalty
from ..store import imports as import_sql, personal
from . import mapping as columns, values
from .csvfile import ImportFileError, Table
from .values import Invalid, Problem

DUPLICATES = ("same_as_line", "card_twice", "existing_customer")


@dataclass(frozen=True)
class NewCustomer:
    """A row that passed every check, as it will be enrolled, with its opening balance."""

    line: int
    name: str | None
    email: str | None
    phone: str | None
    birthday: str | None  # ISO
    consent_email: bool
    stamps: int
    points: int
    cashback: int  # minor units
    old_card: str | None  # the old system's number, upper case without spaces
    key: int = 0  # the row's identity as a keyed token (store.personal): who, never in clear

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "key"}


@dataclass
class Plan:
    table: Table
    mapping: dict[int, str]
    currency: str
    customers: list[NewCustomer] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    already_imported: list[tuple[int, str]] = field(default_factory=list)  # (line, id of the import)
    previous_import: dict | None = None  # an earlier import of these very bytes

    @property
    def bad_lines(self) -> list[int]:
        return sorted({p.line for p in self.problems})

    def summary(self) -> dict:
        """The dry run's answer: exactly what the import would do."""
        return {
            "file": self.table.name, "encoding": self.table.encoding, "delimiter": self.table.delimiter,
            "mapping": columns.describe(self.table.header, self.mapping),
            "rows": len(self.table.records),
            "new_customers": len(self.customers),
            "opening_stamps": sum(c.stamps for c in self.customers),
            "opening_points": sum(c.points for c in self.customers),
            "opening_cashback": plain(sum(c.cashback for c in self.customers), self.currency),
            "currency": self.currency,
            "bad_rows": len(self.bad_lines),
            "duplicates": len({p.line for p in self.problems if p.code in DUPLICATES}),
            "already_imported": len(self.already_imported),
            "previous_import": self.previous_import,
            "problems": [p.as_dict() for p in self.problems],
        }


def build(app: Loyalty, table: Table, mapping: dict[int, str], today: date | None = None) -> Plan:
    """Check every row against the program and the shop's customers; reads only."""
    columns.check(table.header, mapping)
    program = app.program
    today = today or date.today()
    plan = Plan(table, dict(mapping), program.currency)
    keys = personal.of(app.db.conn)
    for line, cells in table.records:
        customer, problems = _row(table, mapping, program, line, cells, today)
        if table.extra.get(line):
            problems.append(Problem(line, None, "too_many_fields", ref=str(table.extra[line])))
        if problems:
            plan.problems += problems
        else:
            plan.customers.append(_keyed(customer, keys))
    _check_units(plan, program)
    previous = import_sql.by_fingerprint(app.db.conn, table.fingerprint)
    if previous is not None:
        plan.previous_import = {"id": previous["id"], "at": previous["created_at"]}
    _drop_already_imported(app, plan)
    _drop_duplicates(app, plan)
    plan.problems.sort(key=lambda p: p.line)
    return plan


def _row(table: Table, mapping: dict[int, str], program: Program, line: int, cells: tuple[str, ...],
         today: date) -> tuple[NewCustomer | None, list[Problem]]:
    got: dict[str, object] = {}
    problems = []
    for index, name in mapping.items():
        text = cells[index]
        try:
            got[name] = _value(name, text, program, today)
        except Invalid as bad:
            problems.append(Problem(line, table.header[index], bad.code, bad.value))
    full = " ".join(p for p in (got.get("name") or got.get("first_name"), got.get("last_name")) if p) or None
    if not problems and not (full or got.get("email") or got.get("phone") or got.get("old_card")):
        problems.append(Problem(line, None, "no_identity"))
    if problems:
        return None, problems
    return NewCustomer(line, full, got.get("email"), got.get("phone"), got.get("birthday"),
                       bool(got.get("consent_email")), got.get("stamps", 0), got.get("points", 0),
                       got.get("cashback", 0), got.get("old_card")), []


def _value(name: str, text: str, program: Program, today: date):
    if name in ("stamps", "points"):
        return values.count(text, values.MAX_STAMPS if name == "stamps" else values.MAX_POINTS)
    if name == "cashback":
        return values.money(text, program.currency)
    if name == "consent_email":
        return values.consent(text)
    if not text:
        return None
    if name == "email":
        return values.email(text)
    if name == "phone":
        return values.phone(text)
    if name == "birthday":
        return values.birthday(text, today)
    if name == "old_card":
        return "".join(text.split()).upper()
    return " ".join(text.split())  # names


def _keyed(customer: NewCustomer, keys: personal.Personal) -> NewCustomer:
    """The row's identity: its old card number if it has one, else who the person is (never the balances, so a
    file exported again later, with balances moved on, is still recognised)."""
    who = [customer.old_card] if customer.old_card else [
        (customer.name or "").casefold(), (customer.email or "").casefold(), _digits(customer.phone),
        customer.birthday or ""]
    key = keys.token("import", json.dumps(who, ensure_ascii=False))
    return NewCustomer(**(customer.__dict__ | {"key": key}))


def _check_units(plan: Plan, program: Program) -> None:
    """Balances the program cannot hold refuse the whole file: they would be lost without a trace."""
    has = {"stamps": program.stamps is not None or program.card_size is not None,
           "points": program.points is not None, "cashback": program.cashback is not None}
    for unit, present in has.items():
        holder = next((c for c in plan.customers if getattr(c, unit)), None)
        if holder is not None and not present:
            raise ImportFileError(f"Line {holder.line} has {unit}, but the program '{program.name}' has no {unit}. "
                                  f"Import that column as 'not imported', or load a program with {unit} first.",
                                  code=f"program_has_no_{unit}")


def _drop_already_imported(app: Loyalty, plan: Plan) -> None:
    """Rows an earlier import brought in are left alone: importing a file again adds no one twice."""
    done = import_sql.imported_keys(app.db.conn)
    kept = []
    for customer in plan.customers:
        if customer.key in done:
            plan.already_imported.append((customer.line, done[customer.key]))
        else:
            kept.append(customer)
    plan.customers = kept


def _digits(phone: str | None) -> str:
    """A phone number's digits without leading zeros: '0151 1234567' and '+49 151 1234567' end alike."""
    return "".join(c for c in phone or "" if c.isdigit()).lstrip("0")


def _same_phone(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return short == long or (len(short) >= 7 and long.endswith(short))


def _same_name(a: str | None, b: str | None) -> bool:
    """Two people sharing an email or a phone (a family) are two customers; the same name, or none, is one."""
    return not a or not b or a.casefold() == b.casefold()


def _drop_duplicates(app: Loyalty, plan: Plan) -> None:
    """A second row of the same customer, or a customer the shop already has, is skipped with its reason.

    Not merged: two rows may be the same paper card written down twice, and an existing customer's stamps may
    have been carried over by hand already; adding them up would give balances twice. The owner sees each one
    (line, reason) and can merge or adjust by hand.
    """
    header = plan.table.header
    column = {f: header[i] for i, f in plan.mapping.items()}
    cards, emails, phones = {}, {}, {}
    existing = app.customer_count() > 0
    kept = []
    for c in plan.customers:
        problem = None
        if c.old_card and c.old_card in cards:
            problem = Problem(c.line, column["old_card"], "card_twice", c.old_card, str(cards[c.old_card]))
        if problem is None and c.email:
            earlier = next((line for line, name in emails.get(c.email.casefold(), ()) if _same_name(name, c.name)),
                           None)
            if earlier:
                problem = Problem(c.line, column["email"], "same_as_line", c.email, str(earlier))
            elif existing:
                match = _existing(app, c.email, c.name, lambda row: (row["email"] or "").casefold()
                                  == c.email.casefold())
                if match:
                    problem = Problem(c.line, column["email"], "existing_customer", c.email, match)
        if problem is None and c.phone:
            digits = _digits(c.phone)
            earlier = next((line for line, other, name in phones.get(digits[-7:], ())
                            if _same_phone(digits, other) and _same_name(name, c.name)), None)
            if earlier:
                problem = Problem(c.line, column["phone"], "same_as_line", c.phone, str(earlier))
            elif existing:
                match = _existing(app, digits[-9:], c.name, lambda row: _same_phone(digits, _digits(row["phone"])))
                if match:
                    problem = Problem(c.line, column["phone"], "existing_customer", c.phone, match)
        if problem is not None:
            plan.problems.append(problem)
            continue
        kept.append(c)
        if c.old_card:
            cards[c.old_card] = c.line
        if c.email:
            emails.setdefault(c.email.casefold(), []).append((c.line, c.name))
        if c.phone:
            digits = _digits(c.phone)
            phones.setdefault(digits[-7:], []).append((c.line, digits, c.name))
    plan.customers = kept


def _existing(app: Loyalty, text: str, name: str | None, same) -> str | None:
    """The name of a customer the shop already has with this email or phone (through the service's search, which
    reads personal fields however they are stored)."""
    for row in app.search(text, limit=50):
        if same(row) and _same_name(row["name"], name):
            return row["name"] or row["email"] or row["phone"] or row["id"]
    return None


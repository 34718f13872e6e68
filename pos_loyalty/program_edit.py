"""The program file as the owner edits it in the app, and a preview of what a purchase earns under it.

ProgramDocument wraps the file's TOML with tomlkit, so the owner's comments, key order and spacing survive every
edit, and an unchanged document gives back the same text byte for byte. It knows where keys go, not what is valid:
check() runs program.py's parser, the one judge of a program. preview() runs the rules engine a checkout runs, on
a made-up customer, so what the editor promises is what the counter books.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import tomlkit
from tomlkit.container import Container
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import AoT, Item, Table, Whitespace

from . import program as program_file, rules
from .money import exponent, plain
from .program import WEEKDAYS, Program, ProgramError
from .rules import CustomerState, Entry, Purchase

SECTIONS = ("program", "stamps", "points", "tiers", "cashback", "bonuses", "rewards", "sync")  # where new ones go
LEVELS = ("tiers", "levels")
BONUSES = ("bonuses",)
REWARDS = ("rewards",)
REFERRER = "referrer"  # the preview's stand-in for the customer who recommended the shop

Path = tuple  # keys and row numbers, e.g. ("rewards", 0, "name_de")


class ProgramDocument:
    """The owner's program file, edited key by key: get(path), set(path, value), rows, optional sections."""

    def __init__(self, text: str):
        try:
            self._doc = tomlkit.parse(text)
        except TOMLKitError as exc:
            raise ProgramError(f"not a valid TOML file: {exc}") from None
        self._put_away: dict[str, Item] = {}  # sections switched off, back as they were when switched on again

    @property
    def text(self) -> str:
        return tomlkit.dumps(self._doc)

    def check(self) -> Program:
        """The program this text makes, or ProgramError naming the key (`path`) and what is wrong (`reason`)."""
        return program_file.loads(self.text)

    # ---- keys ----

    def get(self, path: Path, default=None):
        node = self._node(path)
        if node is None:
            return default
        return node.unwrap() if hasattr(node, "unwrap") else node

    def set(self, path: Path, value) -> None:
        """Write a value; None removes the key, so the program's default applies. The key's comment stays."""
        parent, key = self._node(path[:-1]), path[-1]
        if not isinstance(parent, (Table, Container)):
            raise KeyError(f"{path[:-1]} is not a table of the program file")
        if value is None:
            if key in parent:
                del parent[key]
            return
        if key in parent:
            old = parent[key].unwrap()
            if type(old) is not type(value) or old != value:
                parent[key] = value
            return
        anchor = _anchor(parent, key)
        if anchor:
            _container(parent)._insert_after(anchor, key, tomlkit.item(value))
        else:
            parent[key] = value

    def _node(self, path: Path):
        node = self._doc
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return None
        return node

    def _order(self) -> list[str | None]:
        """Top-level keys as the file has them (the document's dict order is insertion order); None for comments."""
        return [key.key if key else None for key, _ in self._doc.body]

    # ---- optional sections ----

    def has(self, section: str) -> bool:
        return section in self._doc

    def set_enabled(self, section: str, on: bool, defaults: dict | None = None) -> None:
        """Switch [stamps], [points], … on (as it was before it was switched off, else `defaults`) or off."""
        if on == self.has(section):
            return
        if not on:
            self._put_away[section] = self._doc[section]
            del self._doc[section]
            return
        self._insert_section(section, self._put_away.pop(section, None) or _table(defaults or {}))

    def _insert_section(self, section: str, item: Item) -> None:
        before = [s for s in SECTIONS[:SECTIONS.index(section)] if s in self._doc]
        after = [s for s in SECTIONS[SECTIONS.index(section) + 1:] if s in self._doc]
        if before:
            _end_with_blank_line(self._doc[before[-1]])
            self._doc._insert_after(before[-1], section, item)
        elif after:
            self._doc._insert_at(self._order().index(after[0]), section, item)
        else:
            self._doc[section] = item
        if after:
            _end_with_blank_line(item)

    # ---- rows: [[tiers.levels]], [[bonuses]], [[rewards]] ----

    def rows(self, where: Path) -> int:
        node = self._node(where)
        return len(node) if isinstance(node, AoT) else 0

    def add_row(self, where: Path, values: dict) -> int:
        """Append a row with these keys; returns its number."""
        table = _table(values)
        node = self._node(where)
        if isinstance(node, AoT):
            _end_with_blank_line(node[-1])
            node.append(table)
            table.trivia.indent = table.trivia.indent.lstrip("\n")  # tomlkit's own blank line would be a second
        else:
            node = tomlkit.aot()
            node.append(table)
            if len(where) == 1:
                self._insert_section(where[0], node)
            else:
                self._node(where[:-1]).append(where[-1], node)
        if self._order()[-1] != where[0]:  # more follows: keep the empty line between tables
            _end_with_blank_line(table)
        return len(node) - 1

    def remove_row(self, where: Path, index: int) -> None:
        node = self._node(where)
        last = index == len(node) - 1
        del node[index]
        if not len(node):
            del self._node(where[:-1])[where[-1]]
        elif last and self._order()[-1] == where[0]:
            _trim_blank_lines(node[-1])  # it ends the file again: as it did before a row was added after it


def _container(table) -> Container:
    return table.value if isinstance(table, Table) else table


def _anchor(parent, key: str) -> str | None:
    """Where a new key goes: a name in another language (name_de) right after the name and its other languages."""
    if not re.fullmatch(r"name_[a-z]{2}", key) or "name" not in parent:
        return None
    names = [k for k in parent if k == "name" or re.fullmatch(r"name_[a-z]{2}", k)]
    return names[-1]


def _table(values: dict) -> Table:
    table = tomlkit.table()
    for key, value in values.items():
        table.add(key, value)
    return table


def _trim_blank_lines(table: Table) -> None:
    body = table.value.body
    while body and body[-1][0] is None and isinstance(body[-1][1], Whitespace):
        body.pop()


def _end_with_blank_line(item) -> None:
    """A table (or the last of an array of tables) about to get a neighbour ends with an empty line."""
    table = item[-1] if isinstance(item, AoT) else item
    if isinstance(table, Table) and not table.as_string().endswith("\n\n"):
        table.add(tomlkit.nl())


# ---- what the owner types, as the file keeps it ----

def typed(kind: str, text: str):
    """A field's text as a file value: None when empty (the key goes, its default applies); anything that does not
    read as its kind stays text, so the parser names the mistake (it is the only judge of what is valid).

    kind: "count" (a whole number), "money" and "ratio" (text like "2.50"; a decimal comma is read as a point),
    "patterns" (item codes separated by commas or spaces), else plain text.
    """
    text = text.strip()
    if not text:
        return None
    if kind == "count":
        return int(text) if re.fullmatch(r"-?[0-9]{1,12}", text) else text
    if kind in ("money", "ratio"):
        return text.replace(",", ".") if re.fullmatch(r"[0-9]+,[0-9]+", text) else text
    if kind == "patterns":
        return [part for part in re.split(r"[,;\s]+", text) if part]
    return text


def unique_id(taken: list[str], stem: str = "reward") -> str:
    number = 1
    while f"{stem}-{number}" in taken:
        number += 1
    return f"{stem}-{number}"


def new_section(section: str, currency: str = "EUR") -> dict:
    """What a section switched on for the first time starts with: a working example the owner adapts."""
    unit = plain(10 ** exponent(currency), currency)
    return {
        "stamps": {"per_purchase": 1},
        "points": {"per_unit": 1, "unit": unit},
        "cashback": cashback_rate("percent", currency),
        "tiers": {"qualify_by": "spend", "window_days": 365},
        "sync": {"offline_after_minutes": 60},
    }[section]


def cashback_rate(mode: str, currency: str = "EUR") -> dict:
    """The keys of a cashback rate: "percent" (5 %) or "fixed" (1.00 for every 20.00 spent)."""
    one = 10 ** exponent(currency)
    return {"fixed": plain(one, currency), "per": plain(20 * one, currency)} if mode == "fixed" else {"percent": "5"}


def new_tier(program: Program | None, qualify_by: str, currency: str = "EUR") -> dict:
    """The next tier up: twice the highest threshold (the first one starts at zero)."""
    levels = program.tiers.levels if program and program.tiers and program.tiers.qualify_by == qualify_by else ()
    top = levels[-1].threshold if levels else None
    if qualify_by == "spend":
        start = 0 if top is None else max(top * 2, 100 * 10 ** exponent(currency))
        threshold = plain(start, currency)
    else:
        threshold = 0 if top is None else max(top * 2, 10)
    return {"name": "New tier", "name_de": "Neue Stufe", "from": threshold, "multiplier": "1"}


def new_reward(program: Program | None, taken: list[str]) -> dict:
    """A reward for stamps (a full card) where the program has stamps, else for points."""
    cost = {"stamps": program.card_size or 10} if program is None or program.stamps else {"points": 100}
    return {"id": unique_id(taken), "name": "New reward", "name_de": "Neue Prämie", **cost}


def new_bonus(kind: str, program: Program | None, currency: str = "EUR") -> dict:
    """A bonus of this kind, filled in with a common example (an item bonus still needs its item codes)."""
    if program and not program.points and program.stamps and kind in ("birthday", "enrollment"):
        gift = {"stamps": 1}
    elif program and not program.points and program.cashback and kind in ("birthday", "referral"):
        gift = {"cashback": plain(5 * 10 ** exponent(currency), currency)}
    else:
        gift = {"points": 20}
    return {"kind": kind} | {
        "happy_hour": {"name": "Happy hour", "name_de": "Happy Hour", "days": list(WEEKDAYS[:5]), "start": "15:00",
                       "end": "16:00", "multiplier": "2"},
        "seasonal": {"name": "Christmas", "name_de": "Weihnachten", "from": "12-01", "to": "12-24",
                     "multiplier": "2"},
        "item": {"name": "Double points on items", "name_de": "Doppelte Punkte auf Artikel", "items": [],
                 "multiplier": "2"},
        "birthday": {"name": "Birthday", "name_de": "Geburtstag", **gift, "window_days": 7},
        "referral": {"name": "Recommendation", "name_de": "Empfehlung", **gift},
        "enrollment": {"name": "Welcome", "name_de": "Willkommen", **gift},
    }[kind]


# ---- the preview ----

@dataclass(frozen=True)
class Earned:
    """What one purchase would earn: totals for the customer, the multipliers at work, and each bonus entry
    (an entry with customer == REFERRER goes to the customer who recommended the shop)."""

    stamps: int
    points: int
    cashback: int
    multipliers: tuple[tuple[str, str, str], ...]  # (tier or bonus name, item code or "", factor as text)
    bonuses: tuple[Entry, ...]
    tier: str | None


def preview(program: Program, amount: int, at: datetime, items: tuple[rules.Item, ...] = (), *,
            tier: str | None = None, birthday: bool = False, new_customer: bool = False,
            referred: bool = False) -> Earned:
    """What a checkout of `amount` at `at` (aware) would book for a customer in `tier` (the lowest if None), whose
    birthday it is, who is new (enrolled with this purchase: the welcome bonus), or who was recommended by a
    customer (and so buys for the first time). Nothing is stored."""
    levels = program.tiers.levels if program.tiers else ()
    chosen = next((t for t in levels if t.name == tier), levels[0] if levels else None)
    state = CustomerState(qualifying=chosen.threshold if chosen else 0,
                          birthday=rules.local_time(program, at).date() if birthday else None,
                          has_purchased=not (new_customer or referred),
                          referred_by=REFERRER if referred else None)
    entries = rules.evaluate_enrollment(program) if new_customer else []
    purchase, *bonuses = rules.evaluate_purchase(program, state, Purchase(amount, at, tuple(items)))
    own = [e for e in [*entries, purchase, *bonuses] if e.customer is None]
    return Earned(sum(e.stamps for e in own), sum(e.points for e in own), sum(e.cashback for e in own),
                  tuple(tuple(m) for m in purchase.detail.get("multipliers", ())), tuple(entries + bonuses),
                  chosen.name if chosen else None)

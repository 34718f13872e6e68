"""SQL of the reports: tables the ledger keeps up to date through triggers, and the queries the dashboard runs.

A dashboard over two million events must not read them: it reads three small derived tables instead, which
triggers on `events` and `customers` keep exact with every booking, void, merge, edit and pulled sync page
(rebuilt from the ledger by the schema step, so an existing shop starts with them complete):

- `report_slots`: per 15 minutes (UTC; every time zone's midnight falls on one), shop, kind of booking and, for
  purchases, whether the customer gave personal details: counts and sums. Voids subtract what they void, in
  the slot of the voided booking; a customer who gives or erases their details moves their purchases across.
- `report_ledger`: one narrow row per purchase and bonus that stands (not voided), under the account everything
  was merged into (the root), with the times of the root's two visits before it (anywhere, and at this shop):
  "distinct customers in a period" then becomes a count over one index range instead of a GROUP BY.
- `report_members`: per root account, what the member figures need: when and where the family's first account
  was enrolled, identified or not, visits, spend, last visit, what purchases, bonuses and adjustments earned
  (in total and in the first 90 days), and the first reward taken.

Times in these tables are integer microseconds since the epoch (UTC), exact to the ledger's own.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from .events import NOT_VOIDED

EARLY_DAYS = 90  # "reached a first reward within 90 days of enrolling"
SLOT_US = 900_000_000  # 15 minutes
DAY_US = 86_400_000_000
_EARLY_US = EARLY_DAYS * DAY_US
FLOW_KINDS = ("purchase", "bonus", "adjust", "redeem", "donate", "expire", "tier")
_FLOWS = "('purchase', 'bonus', 'adjust', 'redeem', 'donate', 'expire', 'tier')"
_EARNING = "('purchase', 'bonus', 'adjust')"
_REWARDS = "('redeem', 'donate')"


def _us(text: str) -> str:
    """SQL: an ISO time as stored ('2026-03-01T10:30:00.123456Z', any number of decimals) to microseconds."""
    return (f"(unixepoch(substr({text}, 1, 19)) * 1000000 + CASE WHEN length({text}) > 21 "
            f"THEN CAST(substr(substr({text}, 21, length({text}) - 21) || '00000', 1, 6) AS INTEGER) ELSE 0 END)")


def _identified(c: str) -> str:
    return f"({c}.name IS NOT NULL OR {c}.email IS NOT NULL OR {c}.phone IS NOT NULL OR {c}.birthday IS NOT NULL)"


def _root_of(customer_id: str) -> str:
    """SQL: customers.num of the account a customer id was merged into (or its own)."""
    return (f"(SELECT COALESCE(r.num, c.num) FROM customers c LEFT JOIN customers r ON r.id = c.merged_into "
            f"WHERE c.id = {customer_id})")


def _slot_key(alias: str, identified: str) -> str:
    """SQL: the slot a booking (`alias`) counts in: its 15 minutes, kind, shop, identified (purchases), tier move."""
    return f"""{_us(f'{alias}.created_at')} / {SLOT_US}, {alias}.kind, COALESCE({alias}.shop_id, ''),
           CASE WHEN {alias}.kind = 'purchase' THEN {identified} ELSE 0 END,
           CASE WHEN {alias}.kind = 'tier' THEN COALESCE(json_extract({alias}.detail, '$.from'), '') || '>' ||
                COALESCE(json_extract({alias}.detail, '$.to'), '') ELSE '' END"""


def _value(alias: str) -> str:
    return (f"CASE WHEN {alias}.kind IN {_REWARDS} THEN COALESCE(json_extract({alias}.detail, '$.value'), 0) "
            "ELSE 0 END")


_SLOT_COLUMNS = ("INSERT INTO report_slots (slot, kind, shop, identified, label, n, amount, stamps, points, cashback, "
                 "value)")
_UPSERT = """ ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
        stamps = stamps + excluded.stamps, points = points + excluded.points, cashback = cashback + excluded.cashback,
        value = value + excluded.value;"""
_SLOT_UPSERT = " GROUP BY 1, 2, 3, 4, 5" + _UPSERT


def _slot_add(alias: str, sign: str, identified: str) -> str:
    """SQL: add (sign 1) or take away (-1) the bookings selected as `alias` to/from their slots (the caller adds
    FROM and WHERE, then _SLOT_UPSERT)."""
    return f"""{_SLOT_COLUMNS}
    SELECT {_slot_key(alias, identified)},
           {sign} * count(*), {sign} * sum({alias}.amount), {sign} * sum({alias}.stamps), {sign} * sum({alias}.points),
           {sign} * sum({alias}.cashback), {sign} * sum({_value(alias)})"""


def _root_identified(customer_id: str) -> str:
    """SQL: whether the account a customer id belongs to now (after merges) has personal details."""
    return (f"(SELECT {_identified('r')} FROM customers c JOIN customers r ON r.id = COALESCE(c.merged_into, c.id) "
            f"WHERE c.id = {customer_id})")


def _chain(root: str, after: str = "") -> str:
    """SQL: recompute the 'two visits before' of a root's visits (from a position on, when `after` is given).

    Rows before one are those earlier in (at, seq) order; ordering them by `at` alone walks the root index
    backwards without a sort, and rows tied on `at` give the same times whichever comes first.
    """
    row = "report_ledger"  # a trigger's UPDATE takes no alias
    before = f"p.root = {row}.root AND p.kind = 0 AND p.at <= {row}.at AND (p.at < {row}.at OR p.seq < {row}.seq)"
    order = "ORDER BY p.at DESC"
    return f"""UPDATE report_ledger SET
        prev = (SELECT p.at FROM report_ledger p WHERE {before} {order} LIMIT 1),
        prev2 = (SELECT p.at FROM report_ledger p WHERE {before} {order} LIMIT 1 OFFSET 1),
        sprev = (SELECT p.at FROM report_ledger p WHERE {before} AND p.shop IS {row}.shop {order} LIMIT 1),
        sprev2 = (SELECT p.at FROM report_ledger p WHERE {before} AND p.shop IS {row}.shop {order} LIMIT 1 OFFSET 1)
    WHERE root = {root} AND kind = 0 {after};"""


def _member_refresh(root: str) -> str:
    """SQL: recompute one root's member row from the customers and the ledger (after a void, merge or edit)."""
    family = ("(SELECT id FROM customers WHERE id = report_members.id OR merged_into = report_members.id)")
    early = f"{_us('e.created_at')} < report_members.enrolled_at + {_EARLY_US}"
    return f"""UPDATE report_members SET
        (enrolled_at, home_shop, staff_id) = (SELECT {_us('c.created_at')}, c.home_shop, c.enrolled_by FROM customers c
            WHERE c.id = report_members.id OR c.merged_into = report_members.id ORDER BY c.created_at, c.num LIMIT 1),
        identified = (SELECT {_identified('c')} FROM customers c WHERE c.num = report_members.root)
    WHERE root = {root};
    UPDATE report_members SET
        (visits, spend, last_visit) = (SELECT count(*), COALESCE(sum(amount), 0), max(at) FROM report_ledger
            WHERE root = report_members.root AND kind = 0),
        (earned_stamps, earned_points, earned_cashback, early_stamps, early_points, early_cashback) = (
            SELECT COALESCE(sum(e.stamps), 0), COALESCE(sum(e.points), 0), COALESCE(sum(e.cashback), 0),
                   COALESCE(sum(CASE WHEN {early} THEN e.stamps END), 0),
                   COALESCE(sum(CASE WHEN {early} THEN e.points END), 0),
                   COALESCE(sum(CASE WHEN {early} THEN e.cashback END), 0)
            FROM events e WHERE e.customer_id IN {family} AND e.kind IN {_EARNING} AND {NOT_VOIDED}),
        first_reward = (SELECT min({_us('e.created_at')}) FROM events e WHERE e.customer_id IN {family}
            AND e.kind IN {_REWARDS} AND {NOT_VOIDED})
    WHERE root = {root};"""


def _schema() -> str:
    root_new = _root_of("new.customer_id")
    own_root = "(SELECT root FROM report_ledger WHERE seq = new.seq)"  # once the new row is in: a rowid lookup
    at_new = _us("new.created_at")
    early_new = f"{at_new} < enrolled_at + {_EARLY_US}"
    earned_new = ", ".join(f"earned_{u} = earned_{u} + new.{u}, early_{u} = early_{u} + "
                           f"CASE WHEN {early_new} THEN new.{u} ELSE 0 END" for u in ("stamps", "points", "cashback"))
    ledger_row = (f"INSERT INTO report_ledger (seq, root, at, kind, shop, amount, points) "
                  f"SELECT new.seq, COALESCE(r.num, c.num), {at_new}, {{kind}}, new.shop_id, new.amount, "
                  f"new.points FROM customers c LEFT JOIN customers r ON r.id = c.merged_into "
                  f"WHERE c.id = new.customer_id;")
    original = "(SELECT {} FROM events WHERE id = new.ref)"
    orig_root = _root_of(original.format("customer_id"))
    old_root = "(SELECT num FROM customers WHERE id = COALESCE(old.merged_into, old.id))"
    new_root = "(SELECT num FROM customers WHERE id = COALESCE(new.merged_into, new.id))"
    # Purchases are in the slots under their root's "identified"; a merge or an edit moves them across.
    identified_as = "(SELECT {} FROM customers r WHERE r.id = COALESCE({}.merged_into, {}.id))"
    was, becomes = (identified_as.format(_identified("r"), side, side) for side in ("old", "new"))
    own_purchases = f"FROM events e WHERE e.customer_id = new.id AND e.kind = 'purchase' AND {NOT_VOIDED}"
    family_purchases = (f"FROM events e WHERE e.customer_id IN (SELECT id FROM customers WHERE id = new.id OR "
                        f"merged_into = new.id) AND e.kind = 'purchase' AND {NOT_VOIDED}")
    return f"""
CREATE TABLE report_slots (
    slot INTEGER NOT NULL,
    kind TEXT NOT NULL,
    shop TEXT NOT NULL,
    identified INTEGER NOT NULL,
    label TEXT NOT NULL,
    n INTEGER NOT NULL,
    amount INTEGER NOT NULL,
    stamps INTEGER NOT NULL,
    points INTEGER NOT NULL,
    cashback INTEGER NOT NULL,
    value INTEGER NOT NULL,
    PRIMARY KEY (slot, kind, shop, identified, label)
) WITHOUT ROWID;

CREATE TABLE report_ledger (
    seq INTEGER PRIMARY KEY,
    root INTEGER NOT NULL,
    at INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    shop TEXT,
    amount INTEGER NOT NULL,
    points INTEGER NOT NULL,
    prev INTEGER,
    prev2 INTEGER,
    sprev INTEGER,
    sprev2 INTEGER
);
CREATE INDEX report_ledger_root ON report_ledger(root, kind, at, amount, points);
CREATE INDEX report_ledger_visits ON report_ledger(at, shop, prev, prev2, sprev, sprev2) WHERE kind = 0;

CREATE TABLE report_members (
    root INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    home_shop TEXT,
    staff_id TEXT,
    enrolled_at INTEGER NOT NULL,
    identified INTEGER NOT NULL,
    visits INTEGER NOT NULL DEFAULT 0,
    spend INTEGER NOT NULL DEFAULT 0,
    last_visit INTEGER,
    earned_stamps INTEGER NOT NULL DEFAULT 0,
    earned_points INTEGER NOT NULL DEFAULT 0,
    earned_cashback INTEGER NOT NULL DEFAULT 0,
    early_stamps INTEGER NOT NULL DEFAULT 0,
    early_points INTEGER NOT NULL DEFAULT 0,
    early_cashback INTEGER NOT NULL DEFAULT 0,
    first_reward INTEGER
);

-- What the ledger holds already.
INSERT INTO report_members (root, id, home_shop, staff_id, enrolled_at, identified)
    SELECT f.root, r.id, f.home_shop, f.enrolled_by, {_us('f.created_at')}, {_identified('r')}
    FROM (SELECT COALESCE(m.num, c.num) AS root, c.home_shop, c.enrolled_by, c.created_at,
                 row_number() OVER (PARTITION BY COALESCE(m.num, c.num) ORDER BY c.created_at, c.num) AS rank
          FROM customers c LEFT JOIN customers m ON m.id = c.merged_into) f
    JOIN customers r ON r.num = f.root WHERE f.rank = 1;

INSERT INTO report_ledger (seq, root, at, kind, shop, amount, points, prev, prev2, sprev, sprev2)
    SELECT seq, root, at, kind, shop, amount, points,
           CASE kind WHEN 0 THEN lag(at, 1) OVER w END, CASE kind WHEN 0 THEN lag(at, 2) OVER w END,
           CASE kind WHEN 0 THEN lag(at, 1) OVER s END, CASE kind WHEN 0 THEN lag(at, 2) OVER s END
    FROM (SELECT e.seq, COALESCE(m.num, c.num) AS root, {_us('e.created_at')} AS at,
                 CASE e.kind WHEN 'purchase' THEN 0 ELSE 1 END AS kind, e.shop_id AS shop, e.amount, e.points
          FROM events e JOIN customers c ON c.id = e.customer_id LEFT JOIN customers m ON m.id = c.merged_into
          WHERE e.kind IN ('purchase', 'bonus') AND {NOT_VOIDED})
    WINDOW w AS (PARTITION BY root, kind ORDER BY at, seq), s AS (PARTITION BY root, kind, shop ORDER BY at, seq);

UPDATE report_members SET (visits, spend, last_visit) = (SELECT count(*), COALESCE(sum(amount), 0), max(at)
    FROM report_ledger WHERE root = report_members.root AND kind = 0);

UPDATE report_members SET (earned_stamps, earned_points, earned_cashback, early_stamps, early_points, early_cashback)
    = (t.es, t.ep, t.ec, t.xs, t.xp, t.xc)
    FROM (SELECT m.root, sum(e.stamps) AS es, sum(e.points) AS ep, sum(e.cashback) AS ec,
                 sum(CASE WHEN {_us('e.created_at')} < m.enrolled_at + {_EARLY_US} THEN e.stamps ELSE 0 END) AS xs,
                 sum(CASE WHEN {_us('e.created_at')} < m.enrolled_at + {_EARLY_US} THEN e.points ELSE 0 END) AS xp,
                 sum(CASE WHEN {_us('e.created_at')} < m.enrolled_at + {_EARLY_US} THEN e.cashback ELSE 0 END) AS xc
          FROM events e JOIN customers c ON c.id = e.customer_id
          JOIN report_members m ON m.id = COALESCE(c.merged_into, c.id)
          WHERE e.kind IN {_EARNING} AND {NOT_VOIDED} GROUP BY m.root) AS t
    WHERE report_members.root = t.root;

UPDATE report_members SET first_reward = t.first
    FROM (SELECT m.root, min({_us('e.created_at')}) AS first
          FROM events e JOIN customers c ON c.id = e.customer_id
          JOIN report_members m ON m.id = COALESCE(c.merged_into, c.id)
          WHERE e.kind IN {_REWARDS} AND {NOT_VOIDED} GROUP BY m.root) AS t
    WHERE report_members.root = t.root;

{_slot_add('e', '1', 'm.identified')}
    FROM events e JOIN customers c ON c.id = e.customer_id
    JOIN report_members m ON m.id = COALESCE(c.merged_into, c.id)
    WHERE e.kind IN {_FLOWS} AND {NOT_VOIDED}{_SLOT_UPSERT}

-- From now on, every booking.
CREATE TRIGGER report_customer_new AFTER INSERT ON customers WHEN new.merged_into IS NULL
BEGIN
    INSERT INTO report_members (root, id, home_shop, staff_id, enrolled_at, identified)
    VALUES (new.num, new.id, new.home_shop, new.enrolled_by, {_us('new.created_at')}, {_identified('new')});
END;

CREATE TRIGGER report_booking AFTER INSERT ON events WHEN new.kind IN {_FLOWS}
BEGIN
    {_SLOT_COLUMNS} VALUES ({_slot_key('new', _root_identified('new.customer_id'))}, 1, new.amount, new.stamps,
        new.points, new.cashback, {_value('new')}){_UPSERT}
END;

CREATE TRIGGER report_visit AFTER INSERT ON events WHEN new.kind = 'purchase'
BEGIN
    {ledger_row.format(kind=0)}
    {_chain(own_root, f"AND at >= {at_new} AND (at > {at_new} OR seq >= new.seq)")}
    UPDATE report_members SET visits = visits + 1, spend = spend + new.amount,
        last_visit = max(COALESCE(last_visit, 0), {at_new}), {earned_new}
    WHERE root = {own_root};
END;

CREATE TRIGGER report_bonus AFTER INSERT ON events WHEN new.kind = 'bonus'
BEGIN
    {ledger_row.format(kind=1)}
END;

CREATE TRIGGER report_earning AFTER INSERT ON events WHEN new.kind IN ('bonus', 'adjust')
BEGIN
    UPDATE report_members SET {earned_new} WHERE root = {root_new};
END;

CREATE TRIGGER report_reward AFTER INSERT ON events WHEN new.kind IN {_REWARDS}
BEGIN
    UPDATE report_members SET first_reward = min(COALESCE(first_reward, {at_new}), {at_new}) WHERE root = {root_new};
END;

CREATE TRIGGER report_void AFTER INSERT ON events WHEN new.kind = 'void'
BEGIN
    {_slot_add('o', '-1', _root_identified('o.customer_id'))} FROM events o WHERE o.id = new.ref
        AND o.kind IN {_FLOWS}{_SLOT_UPSERT}
    DELETE FROM report_ledger WHERE seq = {original.format('seq')};
    {_chain(orig_root, f"AND at >= {_us(original.format('created_at'))}")}
    {_member_refresh(orig_root)}
END;

CREATE TRIGGER report_identified AFTER UPDATE OF name, email, phone, birthday ON customers
WHEN new.merged_into IS NULL AND {_identified('old')} != {_identified('new')}
BEGIN
    {_slot_add('e', '-1', _identified('old'))} {family_purchases}{_SLOT_UPSERT}
    {_slot_add('e', '1', _identified('new'))} {family_purchases}{_SLOT_UPSERT}
    UPDATE report_members SET identified = {_identified('new')} WHERE root = new.num;
END;

CREATE TRIGGER report_merged AFTER UPDATE OF merged_into ON customers WHEN old.merged_into IS NOT new.merged_into
BEGIN
    {_slot_add('e', '-1', was)} {own_purchases}{_SLOT_UPSERT}
    {_slot_add('e', '1', becomes)} {own_purchases}{_SLOT_UPSERT}
    UPDATE report_ledger SET root = {new_root}
        WHERE seq IN (SELECT seq FROM events WHERE customer_id = new.id AND kind IN ('purchase', 'bonus'));
    DELETE FROM report_members WHERE root = new.num AND new.merged_into IS NOT NULL;
    INSERT OR IGNORE INTO report_members (root, id, enrolled_at, identified)
        SELECT new.num, new.id, 0, 0 WHERE new.merged_into IS NULL;
    {_chain(old_root)}
    {_chain(new_root)}
    {_member_refresh(old_root)}
    {_member_refresh(new_root)}
END;

CREATE TRIGGER report_enrolment AFTER UPDATE OF home_shop, enrolled_by, created_at ON customers
WHEN old.home_shop IS NOT new.home_shop OR old.enrolled_by IS NOT new.enrolled_by
    OR old.created_at IS NOT new.created_at
BEGIN
    {_member_refresh(new_root)}
END;
"""


SCHEMA = _schema()


# ---- the dashboard's queries (times in microseconds; `local` is SQL turning a UTC column into shop time) ----

def _shop(column: str, shop: str | None) -> tuple[str, tuple]:
    return (f" AND {column} = ?", (shop,)) if shop is not None else ("", ())


def flows_by_day(conn: sqlite3.Connection, local: str, first_slot: int, end_slot: int,
                 shop: str | None) -> list[sqlite3.Row]:
    """Per shop-calendar day (days since the epoch), kind, identified and label: the standing bookings' sums."""
    where, args = _shop("shop", shop)
    day = f"({local.format(f'slot * {SLOT_US}')}) / {DAY_US}"
    return conn.execute(
        f"""SELECT {day} AS day, kind, identified, label, sum(n) AS n, sum(amount) AS amount, sum(stamps) AS stamps,
                   sum(points) AS points, sum(cashback) AS cashback, sum(value) AS value
            FROM report_slots WHERE slot >= ? AND slot < ?{where} GROUP BY 1, 2, 3, 4""",
        (first_slot, end_slot, *args)).fetchall()


def visits_by_hour(conn: sqlite3.Connection, local: str, first_slot: int, end_slot: int,
                   shop: str | None) -> list[sqlite3.Row]:
    """Visits per weekday (Monday 0) and hour of the day, in shop time."""
    where, args = _shop("shop", shop)
    moment = local.format(f"slot * {SLOT_US}")
    return conn.execute(
        f"""SELECT ({moment} / {DAY_US} + 3) % 7 AS weekday, ({moment} % {DAY_US}) / 3600000000 AS hour,
                   sum(n) AS n
            FROM report_slots WHERE kind = 'purchase' AND slot >= ? AND slot < ?{where} GROUP BY 1, 2""",
        (first_slot, end_slot, *args)).fetchall()


def visitors(conn: sqlite3.Connection, start: int, end: int, shop: str | None) -> tuple[int, int]:
    """(customers who visited from start to end, those of them who visited twice or more): each customer's first
    visit in the range is the one whose previous visit is before it, the second the one whose previous-but-one is."""
    prev, prev2 = ("sprev", "sprev2") if shop is not None else ("prev", "prev2")
    where, args = _shop("shop", shop)
    once = conn.execute(
        f"""SELECT count(*) FROM report_ledger WHERE kind = 0 AND at >= ? AND at < ?{where}
            AND ({prev} IS NULL OR {prev} < ?)""", (start, end, *args, start)).fetchone()[0]
    twice = conn.execute(
        f"""SELECT count(*) FROM report_ledger WHERE kind = 0 AND at >= ? AND at < ?{where}
            AND {prev} >= ? AND ({prev2} IS NULL OR {prev2} < ?)""", (start, end, *args, start, start)).fetchone()[0]
    return once, twice


# Customers a CSV import brought in were members before (of the paper card or the old app): not new ones.
_NOT_IMPORTED = "id NOT IN (SELECT customer_id FROM imported_customers)"


def enrolled(conn: sqlite3.Connection, local: str, start: int, end: int, shop: str | None) -> list[sqlite3.Row]:
    """New members per shop-calendar day and staff member (not those a customer import brought in)."""
    where, args = _shop("home_shop", shop)
    return conn.execute(
        f"""SELECT ({local.format('enrolled_at')}) / {DAY_US} AS day, staff_id, count(*) AS n FROM report_members
            WHERE enrolled_at >= ? AND enrolled_at < ?{where} AND {_NOT_IMPORTED} GROUP BY 1, 2""",
        (start, end, *args)).fetchall()


def cohort(conn: sqlite3.Connection, start: int, end: int, shop: str | None, costs: tuple[int, int, int],
           now: int) -> sqlite3.Row:
    """How far the members enrolled from start to end have come by now; `costs` is what the cheapest reward
    asks in stamps, points and cashback (a huge number where the program has no such reward)."""
    where, args = _shop("home_shop", shop)
    reached = "(earned_stamps >= :s OR earned_points >= :p OR earned_cashback >= :c)"
    early = "(early_stamps >= :s OR early_points >= :p OR early_cashback >= :c)"
    return conn.execute(
        f"""SELECT count(*) AS enrolled, COALESCE(sum(visits >= 1), 0) AS visited,
                   COALESCE(sum(visits >= 2), 0) AS visited_again, COALESCE(sum({reached}), 0) AS reached,
                   COALESCE(sum({early}), 0) AS reached_early,
                   COALESCE(sum(NOT {early} AND enrolled_at + {_EARLY_US} > :now), 0) AS pending,
                   COALESCE(sum(first_reward IS NOT NULL), 0) AS redeemed,
                   avg(CASE WHEN first_reward IS NOT NULL THEN first_reward - enrolled_at END) AS reward_after
            FROM report_members WHERE enrolled_at >= :start AND enrolled_at < :end{where.replace('?', ':shop')}
            AND {_NOT_IMPORTED}""",
        {"s": costs[0], "p": costs[1], "c": costs[2], "now": now, "start": start, "end": end,
         "shop": args[0] if args else None}).fetchone()


def members_now(conn: sqlite3.Connection, now: int, inactive_since: int, shop: str | None) -> sqlite3.Row:
    """Members enrolled by now: how many, their spend, membership time and how many stayed away."""
    where, args = _shop("home_shop", shop)
    return conn.execute(
        f"""SELECT count(*) AS members, COALESCE(sum(spend), 0) AS spend, avg(? - enrolled_at) AS membership,
                   COALESCE(sum(CASE WHEN last_visit IS NULL THEN enrolled_at < ? ELSE last_visit < ? END), 0)
                       AS inactive
            FROM report_members WHERE enrolled_at <= ?{where}""",
        (now, inactive_since, inactive_since, now, *args)).fetchone()


def inactive(conn: sqlite3.Connection, now: int, since: int, shop: str | None, limit: int) -> list[sqlite3.Row]:
    """Members with no visit since `since` (or none at all, enrolled before it), biggest spenders first."""
    where, args = _shop("m.home_shop", shop)
    return conn.execute(
        f"""SELECT m.id, m.enrolled_at, m.last_visit, m.visits, m.spend, COALESCE(b.stamps, 0) AS stamps,
                   COALESCE(b.points, 0) AS points, COALESCE(b.cashback, 0) AS cashback
            FROM report_members m LEFT JOIN balances b ON b.customer_id = m.id
            WHERE m.enrolled_at <= ? AND CASE WHEN m.last_visit IS NULL THEN m.enrolled_at < ? ELSE m.last_visit < ? END
            {where} ORDER BY m.spend DESC, m.last_visit DESC, m.id LIMIT ?""",
        (now, since, since, *args, limit)).fetchall()


def liability(conn: sqlite3.Connection, shop: str | None) -> tuple[int, int, int]:
    """Stamps, points and cashback on the cards now (of the shop's members)."""
    if shop is None:
        row = conn.execute("SELECT sum(stamps), sum(points), sum(cashback) FROM balances").fetchone()
    else:
        row = conn.execute(
            """SELECT sum(b.stamps), sum(b.points), sum(b.cashback) FROM balances b
               JOIN customers c ON c.id = b.customer_id JOIN report_members m ON m.id = COALESCE(c.merged_into, c.id)
               WHERE m.home_shop = ?""", (shop,)).fetchone()
    return tuple(v or 0 for v in row)


def tier_counts(conn: sqlite3.Connection, measure: str, since: int, until: int, thresholds: Sequence[int],
                now: int, shop: str | None) -> dict[int, int]:
    """Members per tier (index into `thresholds`, ascending) by their measure ('spend', 'visits' or 'points') over
    [since, until), as the rules engine computes a tier. (Walking the root index in order and summing as it goes
    is 3x faster than the time index the planner would pick, which then sorts every visit of the window.)"""
    column = {"spend": "sum(amount)", "visits": "count(*)", "points": "sum(points)"}[measure]
    kinds = "" if measure == "points" else " AND kind = 0"
    tier = " ".join(f"WHEN COALESCE(t.x, 0) >= {int(v)} THEN {i}" for i, v in reversed(list(enumerate(thresholds))))
    where, args = _shop("m.home_shop", shop)
    rows = conn.execute(
        f"""SELECT CASE {tier} ELSE 0 END AS tier, count(*) FROM report_members m
            LEFT JOIN (SELECT root, {column} AS x FROM report_ledger INDEXED BY report_ledger_root
                       WHERE at >= ? AND at < ?{kinds} GROUP BY root) t
                ON t.root = m.root
            WHERE m.enrolled_at <= ?{where} GROUP BY 1""", (since, until, now, *args)).fetchall()
    return {r[0]: r[1] for r in rows}


def shops(conn: sqlite3.Connection) -> list[str]:
    """Every shop the ledger knows: where members were enrolled or bookings made."""
    return [r[0] for r in conn.execute(
        "SELECT home_shop FROM report_members WHERE home_shop IS NOT NULL UNION "
        "SELECT shop FROM report_slots WHERE shop != '' ORDER BY 1")]


"""The benchmark shop: a seeded, realistic boutique with many customers and a long ledger, built fast.

Used by bench_checkout.py; see benchmarks/README.md for what the data looks like and how it is loaded.
"""

from __future__ import annotations

import json
import math
import os
import random
import unicodedata
import uuid
from collections import deque
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from _common import Stopwatch, utc_stamp

from pos_loyalty import cards, ledger, rules
from pos_loyalty.clock import to_db
from pos_loyalty.paths import resource
from pos_loyalty.service import Loyalty
from pos_loyalty.store import events as event_sql, personal

MANIFEST = "bench-manifest.json"
FORMAT = 2  # bump when the generated data changes shape (a kept folder of another format gets a warning)
PROGRAM = "boutique"
CASHIERS = [("Bench Cashier", "cashier", "4711"), ("Bench Owner", "owner", "0815")]
BASELINE_TABLE = "bench_commit"
HISTORY_DAYS = 730

SEC = 1_000_000  # times are integer microseconds since the epoch while generating
DAY = 86_400 * SEC


# ---- realistic people (a German high street): Zipf-weighted, so some names are common and most are rare ----

FIRST = """Anna Maria Emma Sophie Laura Julia Lena Lea Hannah Sarah Lisa Katharina Johanna Marie Clara Mia Sabine
Petra Andrea Claudia Susanne Nicole Stefanie Monika Ursula Birgit Heike Karin Christina Elena Nina Jana Anja Kerstin
Melanie Sandra Tanja Martina Renate Gabriele Ingrid Helga Charlotte Greta Ida Frieda Mathilda Emilia Luisa Paula
Leonie Amelie Jasmin Vanessa Franziska Carolin Svenja Miriam Ayşe Fatma Elif Zeynep Büşra Merve Agnieszka Katarzyna
Małgorzata Joanna Olga Natalia Irina Svetlana Giulia Francesca Chiara Sofia Renée Zoë Noémie Inès Thomas Michael
Andreas Stefan Christian Markus Alexander Daniel Jan Tobias Florian Sebastian Lukas Jonas Felix Paul Leon Ben Noah
Elias Finn Max Moritz Jürgen Klaus Wolfgang Peter Uwe Frank Dirk Holger Matthias Martin Oliver Tim Niklas Philipp
Mehmet Mustafa Ahmet Emre Can Łukasz Piotr Tomasz Marco Luca Ioannis Dimitrios José André""".split()

LAST = """Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein
Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier
Lehmann Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß
Jung Hahn Schubert Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht
Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß Seidel Heinrich
Brandt Haas Schreiber Graf Schulte Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch Bergmann Thomas Voigt Sauer
Arnold Wolff Pfeiffer Yılmaz Kaya Demir Şahin Çelik Öztürk Aydın Kowalski Nowak Wiśniewski Wójcik Kamińska Rossi
Russo Ferrari Esposito Bianchi Papadopoulos Nguyen Ivanova Petrović Novák García Fernández Dubois Lefèvre""".split()

DOMAINS = ["gmail.com", "web.de", "gmx.de", "gmx.net", "t-online.de", "outlook.com", "yahoo.de", "icloud.com",
           "posteo.de", "freenet.de", "hotmail.com", "mailbox.org"]
SKUS = [("DRESS", 8990), ("BLOUSE", 4990), ("SCARF", 2490), ("JEANS", 9990), ("SHIRT", 3990), ("BELT", 2990),
        ("BAG", 12900), ("SOCKS", 990), ("JACKET", 17900), ("EARRINGS", 1990)]


def _zipf(count: int, s: float = 0.9) -> list[float]:
    total, out = 0.0, []
    for rank in range(count):
        total += 1 / (rank + 2) ** s
        out.append(total)
    return out


def _ascii(text: str) -> str:
    text = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = text.replace("ı", "i").replace("ł", "l")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii() and (c.isalnum() or c in ".-_"))


def _fast_to_db():
    """to_db for integer microseconds, ~5x faster than strftime (checked against to_db below)."""
    days: dict[int, str] = {}
    epoch = date(1970, 1, 1).toordinal()

    def fmt(us: int) -> str:
        day, rest = divmod(us, DAY)
        prefix = days.get(day)
        if prefix is None:
            prefix = days[day] = date.fromordinal(epoch + day).isoformat()
        secs, micro = divmod(rest, SEC)
        hours, secs = divmod(secs, 3600)
        minutes, secs = divmod(secs, 60)
        return f"{prefix}T{hours:02d}:{minutes:02d}:{secs:02d}.{micro:06d}Z"

    return fmt


def _uuid4(rng: random.Random) -> str:
    """str(uuid.uuid4()) from a seeded RNG, without the cost of building a UUID object."""
    n = rng.getrandbits(128) & ~(0xF000 << 64) & ~(0xC000 << 48) | (0x4000 << 64) | (0x8000 << 48)
    h = f"{n:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _us(moment: datetime) -> int:
    return (moment - datetime(1970, 1, 1, tzinfo=timezone.utc)) // timedelta(microseconds=1)


# ---- building the shop ----

class ShopBuilder:
    """Generates customers, cards and a consistent two-year ledger (what the real operations would have booked)."""

    def __init__(self, app: Loyalty, rng: random.Random, customers: int, events: int, anchor: datetime):
        self.app, self.rng = app, rng
        self.n_customers, self.n_events = customers, events
        self.anchor = _us(anchor)
        self.start = self.anchor - HISTORY_DAYS * DAY
        self.fmt = _fast_to_db()
        for probe in (anchor, anchor - timedelta(days=400, microseconds=17)):
            assert self.fmt(_us(probe)) == to_db(probe), "fast timestamp formatter disagrees with clock.to_db"
        probe_rng = random.Random(1)
        assert _uuid4(probe_rng) == str(uuid.UUID(int=random.Random(1).getrandbits(128), version=4))
        program = app.program
        assert program.points and program.tiers and program.tiers.qualify_by == "spend", \
            f"{PROGRAM}.toml must earn points and have spend tiers for this benchmark"
        self.expiry = program.points.expiry_days * DAY
        self.window = program.tiers.window_days * DAY
        self.levels = [(t.threshold, t.name, t.multiplier,
                        t.multiplier * program.points.per_unit / program.points.unit) for t in program.tiers.levels]
        birthday = program.bonuses_of("birthday")
        self.birthday_bonus = birthday[0] if birthday else None
        self.rewards = [r for r in program.rewards if r.cost_points and not r.cost_stamps]
        # JSON the app would write (json.dumps of the same dicts), made once for the common events
        self.purchase_detail = {}
        for _, name, multiplier, _ in self.levels:
            detail = {"tier": name} | ({"multipliers": [[name, "", str(multiplier)]]} if multiplier != 1 else {})
            self.purchase_detail[name] = json.dumps(detail)
        self.redeem_detail = {r.id: json.dumps({"reward": r.id, "value": r.value}) for r in self.rewards}
        self.first_cum, self.last_cum = _zipf(len(FIRST)), _zipf(len(LAST))
        self.system_id = app.system_staff().id
        self.staff_ids = [app.staff_member(name).id for name, _, _ in CASHIERS]
        self.counts = {"customers": 0, "cards": 0, "events": 0, "purchases": 0, "redeems": 0, "expiries": 0,
                       "bonuses": 0, "tier_changes": 0, "enrolls": 0}
        self.customers: list[tuple] = []  # (id, enrolled_us, birthday date | None, activity weight)
        self.people: list[tuple] = []  # (id, {personal field: plain value}) of those who gave any
        self.key = personal.of(app.db.conn)

    def _tier(self, qualifying: int):
        reached = self.levels[0]
        for level in self.levels:
            if qualifying >= level[0]:
                reached = level
        return reached

    # customers and cards

    def customer_rows(self):
        rng, fmt = self.rng, self.fmt
        key_id, secret = self.app.db.one("SELECT key_id, secret FROM card_keys ORDER BY created_at DESC LIMIT 1")
        secret = bytes(secret)
        self.cards: list[tuple] = []
        span = self.anchor - DAY - self.start
        emails: set[str] = set()
        for _ in range(self.n_customers):
            cid = _uuid4(rng)
            enrolled = self.start + int(span * rng.random() ** 1.3)
            name = email = phone = birthday = None
            if rng.random() >= 0.08:  # a few guests never give their name
                first = rng.choices(FIRST, cum_weights=self.first_cum)[0]
                last = rng.choices(LAST, cum_weights=self.last_cum)[0]
                if rng.random() < 0.06:
                    last = f"{last}-{rng.choices(LAST, cum_weights=self.last_cum)[0]}"
                name = f"{first} {last}"
                if rng.random() < 0.7:
                    f, l = _ascii(first), _ascii(last)
                    local = rng.choice([f"{f}.{l}", f"{f}.{l}", f"{f[0]}.{l}", f"{f}{l}", f"{l}.{f}", f"{f}_{l[0]}",
                                        f"{f}{rng.randint(1, 99)}", f"{f}.{l}{rng.randint(60, 99)}"])
                    email = f"{local}@{rng.choice(DOMAINS)}"
                    while email in emails:
                        email = f"{local}{rng.randint(1, 999)}@{rng.choice(DOMAINS)}"
                    emails.add(email)
                if rng.random() < 0.6:
                    phone = rng.choice([
                        f"+49 1{rng.choice('567')}{rng.randint(0, 9)} {rng.randint(1000000, 99999999)}",
                        f"01{rng.choice('567')}{rng.randint(0, 9)} {rng.randint(1000000, 99999999)}",
                        f"0{rng.randint(30, 9999)} {rng.randint(10000, 9999999)}",
                    ])
                if rng.random() < 0.5:
                    birthday = date(rng.randint(1945, 2007), rng.randint(1, 12), rng.randint(1, 28))
            at = fmt(enrolled)
            staff = rng.choice(self.staff_ids)
            weight = rng.lognormvariate(0, 1.1) * (self.anchor - enrolled) / DAY
            self.customers.append((cid, enrolled, birthday, weight, staff))
            token = cards.issue(key_id, secret)
            if rng.random() < 0.02:  # lost the first card: a blocked one and the current one
                old = cards.issue(key_id, secret)
                lost = enrolled + int((self.anchor - enrolled) * rng.random())
                self.cards.append((old, cid, at, fmt(lost), "lost"))
                self.cards.append((token, cid, fmt(lost), None, None))
            else:
                self.cards.append((token, cid, at, None, None))
            self.counts["customers"] += 1
            fields = {"name": name, "email": email, "phone": phone,
                      "birthday": birthday.isoformat() if birthday else None}
            if name:
                self.people.append((len(self.customers), fields))
            seal = self.key.seal
            yield (cid, *(seal(cid, f, v) for f, v in fields.items()), int(rng.random() < 0.4), staff, at, at)
        self.counts["cards"] = len(self.cards)

    def token_rows(self, first_num: int):
        """(token, num) of every customer's search tokens, as customers.create writes them."""
        tokens = self.key.tokens
        for index, fields in self.people:
            num = first_num + index
            for token in tokens(fields):
                yield token, num

    # the ledger

    def event_rows(self):
        """Every customer's events in the order the app would have booked them; the caller sorts by time."""
        rng = self.rng
        total_weight = sum(c[3] for c in self.customers)
        remaining_weight = total_weight
        events_left = self.n_events
        purchases_done = events_after_enroll = 0
        for index, (cid, enrolled, birthday, weight, staff) in enumerate(self.customers):
            # Spread the remaining event budget by activity, correcting for the events each purchase brings along
            # (redemptions, expiries, bonuses), so the total lands close to --events.
            per_purchase = events_after_enroll / purchases_done if purchases_done > 500 else 1.6
            customers_left = self.n_customers - index
            budget = max(0.0, (events_left - customers_left) / per_purchase)
            expected = budget * weight / remaining_weight if remaining_weight > 0 else 0
            remaining_weight -= weight
            days = (self.anchor - enrolled) / DAY
            purchases = min(int(expected + rng.random()), max(1, int(days)))  # a daily regular at most
            rows = self._customer_ledger(cid, enrolled, birthday, staff, purchases)
            events_left -= len(rows)
            purchases_done += purchases
            events_after_enroll += len(rows) - 1
            yield from rows

    def _customer_ledger(self, cid, enrolled, birthday, staff, purchases) -> list[tuple]:
        rng, fmt = self.rng, self.fmt
        rows: list[tuple] = []  # (created_at, id, customer, kind, points, amount, items, reason, detail, ref, staff,
        #                          expires_at)
        rows.append((fmt(enrolled), _uuid4(rng), cid, "enroll", 0, 0, None,
                     "", json.dumps({"card": self.card_of[cid]}), None, staff, None))
        self.counts["enrolls"] += 1
        lots: deque = deque()  # [event_id, earned_us, expires_us, remaining], oldest first
        window: deque = deque()  # (time, amount) of purchases inside the tier window
        spent = balance = 0
        bonus_years: set[int] = set()
        bday_doy = birthday.timetuple().tm_yday if birthday else None
        first_at = enrolled + rng.randint(0, 3600 * SEC)
        times = sorted(rng.randint(first_at, self.anchor - 2 * 3600 * SEC) for _ in range(purchases))
        times = [t - t % DAY + 8 * 3600 * SEC + rng.randint(0, 10 * 3600 * SEC - 1) for t in times]  # shop hours
        times = sorted(min(max(t, first_at), self.anchor - 3600 * SEC) for t in times)

        def expire_due(now: int) -> int:
            """Book the expiry of lots due by `now`, as the nightly run (or the next booking) would have."""
            nonlocal balance
            while lots and lots[0][2] <= now:
                lot_id, earned, expires, remaining = lots.popleft()
                if remaining <= 0:
                    continue
                night = expires - expires % DAY + 2 * 3600 * SEC
                if night < expires:
                    night += DAY
                rows.append((fmt(min(night, now)), _uuid4(rng), cid, "expire", -remaining, 0, None,
                             "Points expired", f'{{"earned_at": "{fmt(earned)}"}}', lot_id, self.system_id, None))
                balance -= remaining
                self.counts["expiries"] += 1
            return balance

        for t in times:
            expire_due(t)
            while window and window[0][0] < t - self.window:
                spent -= window.popleft()[1]
            cashier = rng.choice(self.staff_ids) if rng.random() < 0.9 else staff
            amount = max(500, int(rng.lognormvariate(math.log(5500), 0.7)) // 10 * 10)
            _, tier, _, rate = self._tier(spent)
            points = amount * rate.numerator // rate.denominator
            items = None
            if rng.random() < 0.4:
                sku, price = rng.choice(SKUS)
                items = json.dumps([[sku, min(price, amount)]])
            pid = _uuid4(rng)
            created, expires = fmt(t), fmt(t + self.expiry)
            rows.append((created, pid, cid, "purchase", points, amount, items, "", self.purchase_detail[tier], None,
                         cashier, expires))
            lots.append([pid, t, t + self.expiry, points])
            balance += points
            self.counts["purchases"] += 1
            bonus = self.birthday_bonus
            if bonus and bday_doy is not None:
                day = date(1970, 1, 1) + timedelta(days=t // DAY)
                close = abs(day.timetuple().tm_yday - bday_doy)
                year = (rules.birthday_year(birthday, day, bonus.window_days)
                        if min(close, 366 - close) <= bonus.window_days + 1 else None)
                if year is not None and year not in bonus_years:
                    bonus_years.add(year)
                    bid = _uuid4(rng)
                    rows.append((created, bid, cid, "bonus", bonus.points, 0, None, bonus.name,
                                 json.dumps({"bonus": "birthday", "year": year}), pid, cashier,
                                 expires if bonus.points > 0 else None))
                    lots.append([bid, t, t + self.expiry, bonus.points])
                    balance += bonus.points
                    self.counts["bonuses"] += 1
            after = self._tier(spent + amount)[1]
            if after != tier:
                rows.append((created, _uuid4(rng), cid, "tier", 0, 0, None,
                             f"{tier} → {after}", json.dumps({"from": tier, "to": after}), pid, cashier, None))
                self.counts["tier_changes"] += 1
            window.append((t, amount))
            spent += amount
            # Some customers take a reward when they can; the points come off the oldest lots first.
            affordable = [r for r in self.rewards if r.cost_points <= balance]
            if affordable and rng.random() < 0.35:
                reward = affordable[-1] if rng.random() < 0.3 else affordable[0]
                at = t + rng.randint(20, 120) * SEC
                expire_due(at)
                if reward.cost_points <= balance:
                    need = reward.cost_points
                    for lot in lots:
                        take = min(need, lot[3])
                        lot[3] -= take
                        need -= take
                        if not need:
                            break
                    while lots and lots[0][3] == 0:
                        lots.popleft()
                    balance -= reward.cost_points
                    rows.append((fmt(at), _uuid4(rng), cid, "redeem",
                                 -reward.cost_points, 0, None, reward.name,
                                 self.redeem_detail[reward.id], None, cashier, None))
                    self.counts["redeems"] += 1
        expire_due(self.anchor)
        self.counts["events"] += len(rows)
        return rows


def build(data_dir: Path, customers: int, events: int, seed: int) -> dict:
    """A fresh shop in data_dir: the app's own schema, program, staff and keys; then bulk data in one transaction."""
    watch = Stopwatch()
    rng = random.Random(seed)
    anchor = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)
    with watch.lap("create shop (migrations, program, staff)"):
        app = Loyalty(data_dir)
        app.load_program(resource("programs", f"{PROGRAM}.toml"))
        for name, role, pin in CASHIERS:
            app.add_staff(name, role, pin)
    conn = app.db.conn
    try:
        # Bulk-load settings for this connection only: the rollback journal of a nearly empty file is tiny, where
        # WAL would write the whole gigabyte twice. The measuring run reopens the file with the app's settings.
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA cache_size=-400000")  # 400 MB
        conn.execute("PRAGMA temp_store=FILE")
        builder = ShopBuilder(app, rng, customers, events, anchor)
        shop_id, terminal_id = app.db.meta("shop_id"), app.db.meta("terminal_id")
        version = app.program_version
        conn.execute("BEGIN IMMEDIATE")  # the whole load is one transaction
        try:
            before = conn.execute("SELECT COALESCE(MAX(num), 0) FROM customers").fetchone()[0]
            with watch.lap("insert customers (fields sealed)"):
                conn.executemany(
                    """INSERT INTO customers (id, name, email, phone, birthday, consent_email, home_shop,
                                              enrolled_by, created_at, updated_at)
                       VALUES (?, ?, ?, ?, ?, ?, 'local', ?, ?, ?)""", builder.customer_rows())
            with watch.lap("search tokens (keyed hashes, sorted insert)"):
                conn.execute("CREATE TEMP TABLE tokens (token INTEGER, num INTEGER)")
                conn.executemany("INSERT INTO temp.tokens VALUES (?, ?)", builder.token_rows(before))
                conn.execute("INSERT OR IGNORE INTO customer_tokens (token, num) "
                             "SELECT token, num FROM temp.tokens ORDER BY token, num")
                counts_tokens = conn.execute("SELECT COUNT(*) FROM temp.tokens").fetchone()[0]
                conn.execute("DROP TABLE temp.tokens")
            with watch.lap("insert cards"):
                conn.executemany("INSERT INTO cards (token, customer_id, issued_at, blocked_at, block_reason) "
                                 "VALUES (?, ?, ?, ?, ?)", builder.cards)
                builder.card_of = {c[1]: c[0] for c in builder.cards if c[3] is None}
            with watch.lap("generate ledger into a temp table"):
                conn.execute("""CREATE TEMP TABLE stage (created_at TEXT, id TEXT, customer_id TEXT, kind TEXT,
                                points INTEGER, amount INTEGER, items TEXT, reason TEXT, detail TEXT, ref TEXT,
                                staff_id TEXT, expires_at TEXT)""")
                conn.executemany("INSERT INTO temp.stage VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 builder.event_rows())
            # Indexes are dropped for the load and recreated from their own SQL (sorted builds are much faster
            # than 2M random b-tree inserts); the schema ends up exactly as the migrations made it.
            indexes = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' "
                                   "AND sql IS NOT NULL").fetchall()
            with watch.lap("insert events in time order"):
                for name, _ in indexes:
                    conn.execute(f"DROP INDEX {name}")
                conn.execute(
                    """INSERT INTO events (id, customer_id, kind, stamps, points, cashback, amount, items, reason,
                                           detail, ref, staff_id, shop_id, terminal_id, created_at, expires_at,
                                           program_version)
                       SELECT id, customer_id, kind, 0, points, 0, amount, items, reason, detail, ref, staff_id, ?, ?,
                              created_at, expires_at, ? FROM temp.stage ORDER BY created_at, rowid""",
                    (shop_id, terminal_id, version))
                conn.execute("DROP TABLE temp.stage")
            with watch.lap("create event indexes"):
                for _, sql in indexes:
                    conn.execute(sql)
            with watch.lap("rebuild balances"):
                event_sql.rebuild_balances(conn)
            conn.execute(f"CREATE TABLE IF NOT EXISTS {BASELINE_TABLE} "
                         "(id INTEGER PRIMARY KEY, at TEXT NOT NULL, note TEXT)")
            with watch.lap("commit"):
                conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        with watch.lap("switch back to WAL, flush to disk"):
            conn.execute("PRAGMA journal_mode=WAL")
            # synchronous=OFF left ~1 GB of dirty pages in the OS cache; their writeback would slow the fsyncs
            # being measured, so get them onto the disk now.
            with open(data_dir / "loyalty.db", "rb") as handle:
                os.fsync(handle.fileno())
            if hasattr(os, "sync"):
                os.sync()
        with watch.lap("check expiries were booked (sample)"):
            # The generator books every expiry due by the anchor, as the nightly run would have; otherwise the first
            # checkout of each customer would book a backlog of them. Checked with the app's own lot replay.
            sample = [c[0] for c in rng.sample(builder.customers, min(300, len(builder.customers)))]
            now = datetime.fromtimestamp(builder.anchor / SEC, timezone.utc)
            try:
                stale = [cid for cid in sample
                         if ledger.due_expiries(ledger.point_lots(event_sql.points_events(conn, cid)), now)]
            except (AttributeError, TypeError) as exc:  # the ledger's internals moved on: say so, don't fail
                print(f"  note: could not check the generated expiries against the ledger code ({exc})")
                stale = []
            if stale:
                raise RuntimeError(f"generated ledger is inconsistent: {len(stale)} sampled customers have "
                                   f"unbooked expiries (e.g. {stale[0]})")
    finally:
        app.close()
    counts = dict(builder.counts) | {"search_tokens": counts_tokens}
    return {"anchor": to_db(anchor), "seed": seed, "customers_requested": customers, "events_requested": events,
            "counts": counts, "build_seconds": round(watch.total, 2),
            "build_phases_seconds": {k: round(v, 2) for k, v in watch.laps.items()}, "format": FORMAT,
            "program": PROGRAM, "built_at": utc_stamp()}

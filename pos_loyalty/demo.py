"""A realistic demo shop: staff, a few hundred customers and months of history, booked through the real rules."""

from __future__ import annotations

import random
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path

from . import cards
from .errors import Refused
from .paths import resource
from .rules import Item
from .service import Loyalty

FIRST = ["Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hannes", "Ida", "Jonas", "Karla", "Leon",
         "Mia", "Noah", "Olga", "Paul", "Rosa", "Samuel", "Tilda", "Uwe", "Vera", "Willi", "Yasemin", "Zoe",
         "Mehmet", "Sophie", "Lukas", "Marie", "Jürgen", "Büşra", "Renée", "Łukasz"]
LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Yılmaz", "Kowalski", "Braun", "Zimmermann"]
STAFF = [("Maria", "owner", "1234"), ("Jonas", "cashier", "1111"), ("Lea", "cashier", "2222")]
SKUS = [("BIO-BREAD", 420), ("BIO-ROLL", 90), ("BREAD", 350), ("ROLL", 60), ("CAKE", 290), ("COFFEE", 250)]


def build(data_dir: str | Path, *, customers: int = 300, days: int = 180, program: str = "bakery",
          seed: int = 7, now: datetime | None = None) -> dict:
    data_dir = Path(data_dir)
    app = Loyalty(data_dir)
    try:
        if app.customer_count():
            raise Refused(f"{data_dir} already holds a shop; use an empty folder for the demo.", code="not_empty")
        path = Path(program) if Path(program).suffix == ".toml" else resource("programs", f"{program}.toml")
        app.load_program(path)
        staff = [app.add_staff(name, role, pin) for name, role, pin in STAFF]
        rng = random.Random(seed)
        now = now or datetime.now(timezone.utc)
        start = now - timedelta(days=days)
        with app.db.write():  # one transaction: thousands of bookings in seconds, all or nothing
            stats = _history(app, rng, staff, customers, start, now)
        stats["cards"] = _card_images(app, data_dir / "demo-cards")
    finally:
        app.close()
    return {"data_dir": str(data_dir), "staff": [{"name": n, "role": r, "pin": p} for n, r, p in STAFF]} | stats


def _history(app: Loyalty, rng: random.Random, staff, count: int, start: datetime, now: datetime) -> dict:
    span = (now - start).total_seconds()
    plan = []
    for index in range(count):
        enrolled = start + timedelta(seconds=span * rng.random() ** 1.5)
        plan.append((enrolled, "enroll", index))
        weekly = rng.choice([0.3, 0.8, 1.5, 3, 5])  # some come daily for rolls, some once a month
        moment = enrolled
        while True:
            moment += timedelta(days=rng.expovariate(weekly / 7))
            if moment >= now:
                break
            plan.append((_opening_hours(moment, rng), "visit", index))
    plan.sort(key=lambda step: step[0])
    tokens: dict[int, str] = {}
    bookings = redemptions = 0
    for moment, what, index in plan:
        cashier = rng.choice(staff)
        if what == "enroll":
            tokens[index] = _enroll(app, rng, cashier, moment, tokens)
            continue
        if index not in tokens or moment < start:
            continue
        items = [Item(sku, price) for sku, price in rng.sample(SKUS, rng.randint(1, 3))]
        amount = sum(i.price for i in items) + rng.choice([0, 0, 120, 250, 480])
        app.checkout(cashier, tokens[index], amount, items, at=moment)
        bookings += 1
        balance = app.balance_of(app.resolve(tokens[index]), now=moment)
        if balance.rewards_available and rng.random() < 0.7:
            app.redeem(cashier, tokens[index], balance.rewards_available[0], at=moment + timedelta(seconds=30))
            redemptions += 1
    return {"customers": count, "purchases": bookings, "redemptions": redemptions}


def _opening_hours(moment: datetime, rng: random.Random) -> datetime:
    """Move a time into the bakery's day (06:30-18:30 Berlin, roughly 05:30-17:30 UTC), busiest mornings."""
    hour = min(17, max(5, int(rng.gauss(8, 3))))
    return moment.replace(hour=hour, minute=rng.randint(0, 59), second=rng.randint(0, 59))


def _enroll(app: Loyalty, rng: random.Random, cashier, moment: datetime, tokens: dict[int, str]) -> str:
    anonymous = rng.random() < 0.15
    first, last = rng.choice(FIRST), rng.choice(LAST)
    fields = {} if anonymous else {
        "name": f"{first} {last}",
        "email": _ascii(f"{first}.{last}@example.org".lower()) if rng.random() < 0.6 else None,
        "phone": f"+49 1{rng.randint(50, 79)} {rng.randint(1000000, 9999999)}" if rng.random() < 0.5 else None,
        "birthday": f"{rng.randint(1950, 2006)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if rng.random() < 0.5 else None,
        "consent_email": rng.random() < 0.4,
    }
    referrer = rng.choice(list(tokens.values())) if tokens and rng.random() < 0.1 else None
    return app.enroll(cashier, referred_by=referrer, at=moment, **fields)[1]


def _ascii(text: str) -> str:
    """'jürgen.müller' -> 'jurgen.muller', as people write their email addresses."""
    return unicodedata.normalize("NFKD", text.replace("ł", "l").replace("ı", "i")).encode("ascii", "ignore").decode()


def _card_images(app: Loyalty, folder: Path) -> list[str]:
    """A few customers' cards as PNGs: scan them with a phone or feed the folder as a camera (--camera)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for number, (token, name) in enumerate(app.named_cards(5), start=1):
        path = folder / f"card-{number}.png"
        cards.card_image(token, name).save(path)
        written.append(str(path))
    return written

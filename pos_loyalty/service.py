"""The one façade the GUI and the CLI share: every operation a shop does, each in one ledger transaction."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from . import cards, program as program_file, rules, staff as staff_rules
from .clock import from_db, to_db, utcnow
from .errors import LoyaltyError, NotFound, Refused
from .ledger import OPENING, VOIDABLE, customer_id_for, derived_id, due_expiries, expiry_event_id, point_lots
from .money import plain
from .program import Program
from .rules import Entry, Item, Purchase
from .staff import StaffMember
from .store import Database
from .store import customers as customer_sql, events as event_sql, setup as setup_sql, staff as staff_sql
from .store import imports as import_sql, sync as sync_sql
from .store.events import Booking

UNDO_WINDOW = timedelta(minutes=5)
SHOP_FIELDS = ("name", "address", "phone", "email", "website")


@dataclass
class Balance:
    customer_id: str
    card: str | None
    name: str | None
    stamps: int
    points: int
    cashback: int
    tier: str | None
    rewards_available: list[str]
    card_size: int | None = None
    birthday: str | None = None
    alerts: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Receipt:
    """What one booking did: the main event, what it earned or spent, and the balance after."""

    event_id: str
    kind: str
    stamps: int
    points: int
    cashback: int
    bonuses: list[dict]
    balance: Balance
    tier_change: str | None = None

    def as_dict(self) -> dict:
        out = asdict(self)
        out["earned"] = {"stamps": self.stamps, "points": self.points, "cashback": self.cashback,
                         "bonuses": self.bonuses}
        return out


class Loyalty:
    """Open a data folder; call operations; close. One instance per thread (it owns a SQLite connection)."""

    def __init__(self, data_dir: str | Path):
        self.data_dir = Path(data_dir)
        self.db = Database.in_dir(self.data_dir)
        self._program: tuple[int, Program] | None = None
        self._first_run()

    def close(self) -> None:
        self.db.close()

    def _first_run(self) -> None:
        if self.db.meta("terminal_id"):
            return
        now = utcnow()
        with self.db.write() as conn:
            setup_sql.initialise(conn, *cards.new_key(), now)
            staff_sql.create(conn, "Command line", "system", None, now)

    # ---- program ----

    def load_program(self, path: str | Path, staff: StaffMember | None = None) -> int:
        parsed = program_file.load(path)
        with self.db.write() as conn:
            version = setup_sql.add_program(conn, parsed.name, parsed.source, utcnow(),
                                            (staff or self.system_staff()).id)
        self._program = None
        return version

    def save_program_source(self, text: str, staff: StaffMember) -> int:
        """The program editor's save: the text becomes a new version if it parses (ProgramError names the mistake
        otherwise); the same text as the current version stores nothing. Returns the version in force."""
        if not staff.is_owner:
            raise Refused("Only the owner changes the loyalty program.", code="not_owner")
        parsed = program_file.loads(text)
        with self.db.write() as conn:
            latest = setup_sql.latest_program(conn)
            if latest and latest[1] == text:
                return latest[0]
            version = setup_sql.add_program(conn, parsed.name, text, utcnow(), staff.id)
        self._program = None
        return version

    def program_versions(self) -> list[dict]:
        """Newest first: version, name, loaded_at (UTC), staff (who saved it), origin ('server' if pulled)."""
        return [dict(row) | {"loaded_at": from_db(row["loaded_at"])} for row in setup_sql.programs(self.db.conn)]

    def program_source(self, version: int) -> str:
        source = setup_sql.program_source(self.db.conn, version)
        if source is None:
            raise NotFound(f"There is no program version {version}.", code="unknown_program_version")
        return source

    def restore_program(self, version: int, staff: StaffMember) -> int:
        """An old version in force again, as a new version (events keep the version they were booked under)."""
        return self.save_program_source(self.program_source(version), staff)

    @property
    def program_version(self) -> int:
        return self._current_program()[0]

    @property
    def program(self) -> Program:
        return self._current_program()[1]

    def _current_program(self) -> tuple[int, Program]:
        latest = setup_sql.latest_program(self.db.conn)
        if latest is None:
            raise NotFound("No program is loaded yet: load one with 'pos-loyalty program load FILE'.",
                           code="no_program")
        version, source = latest
        if not self._program or self._program[0] != version:
            self._program = (version, program_file.loads(source))
        return self._program

    # ---- the shop's details (on cards, in messages) ----

    def shop_details(self) -> dict[str, str]:
        """Name, address, phone, email and website as the owner entered them; the name defaults to the program's."""
        details = {key: self.db.meta(f"shop_{key}") or "" for key in SHOP_FIELDS}
        if not details["name"]:
            try:
                details["name"] = self.program.name
            except NotFound:
                pass
        return details

    def shop_name(self) -> str:
        return self.shop_details()["name"]

    def set_shop_details(self, staff: StaffMember, **fields: str) -> None:
        if not staff.is_owner:
            raise Refused("Only the owner changes the shop's details.", code="not_owner")
        unknown = set(fields) - set(SHOP_FIELDS)
        if unknown:
            raise LoyaltyError(f"Unknown shop field(s): {', '.join(sorted(unknown))}.", code="usage")
        with self.db.write():
            for key, value in fields.items():
                self.db.set_meta(f"shop_{key}", " ".join(value.split()))

    # ---- staff ----

    def system_staff(self) -> StaffMember:
        row = staff_sql.system(self.db.conn)
        return StaffMember(row["id"], row["name"], row["role"])

    def add_staff(self, name: str, role: str, pin: str) -> StaffMember:
        if role not in staff_rules.ROLES:
            raise LoyaltyError(f"Role must be one of {', '.join(staff_rules.ROLES)}.", code="bad_role")
        name = name.strip()
        if not name:
            raise LoyaltyError("A staff member needs a name.", code="bad_name")
        if staff_sql.by_name(self.db.conn, name):
            raise Refused(f"There is already a staff member called {name}.", code="exists")
        pin_hash = staff_rules.hash_pin(pin)
        with self.db.write() as conn:
            staff_id = staff_sql.create(conn, name, role, pin_hash, utcnow())
        return StaffMember(staff_id, name, role)

    def staff_list(self) -> list[dict]:
        return [dict(r) | {"pin_hash": None} for r in staff_sql.all_staff(self.db.conn)]

    def staff_member(self, name: str) -> StaffMember:
        row = staff_sql.by_name(self.db.conn, name)
        if not row or not row["active"]:
            raise NotFound(f"No active staff member called {name}.", code="unknown_staff")
        return StaffMember(row["id"], row["name"], row["role"])

    def sign_in(self, name: str, pin: str, now: datetime | None = None) -> StaffMember:
        """Check a PIN; five wrong ones in a row lock the member out for a while."""
        now = now or utcnow()
        row = staff_sql.by_name(self.db.conn, name)
        if not row or not row["active"] or row["role"] == "system":
            raise NotFound(f"No active staff member called {name}.", code="unknown_staff")
        until = staff_rules.locked_until(row, now)
        if until:
            raise staff_rules.locked_message(row["name"], until, now)
        ok = staff_rules.pin_matches(row["pin_hash"], pin)
        lock = None if ok else staff_rules.lockout_after_failure(row["failed_pins"], now)
        with self.db.write() as conn:
            staff_sql.record_attempt(conn, row["id"], ok, lock)
        if ok:
            return StaffMember(row["id"], row["name"], row["role"])
        if lock:
            raise staff_rules.locked_message(row["name"], lock, now)
        left = staff_rules.MAX_FAILURES - row["failed_pins"] - 1
        raise Refused(f"Wrong PIN. {left} attempt(s) left before a {staff_rules.LOCKOUT.seconds // 60}-minute lock.",
                      code="wrong_pin")

    def set_pin(self, name: str, pin: str) -> None:
        member = self.staff_member(name)
        pin_hash = staff_rules.hash_pin(pin)
        with self.db.write() as conn:
            staff_sql.set_pin(conn, member.id, pin_hash)

    def set_staff_active(self, name: str, active: bool) -> None:
        row = staff_sql.by_name(self.db.conn, name)
        if not row:
            raise NotFound(f"No staff member called {name}.", code="unknown_staff")
        with self.db.write() as conn:
            staff_sql.set_active(conn, row["id"], active)

    # ---- cards and customers ----

    def card_keys(self) -> dict[int, bytes]:
        return setup_sql.card_keys(self.db.conn)

    def new_token(self) -> str:
        return cards.issue(*setup_sql.signing_key(self.db.conn))

    def resolve(self, scanned: str, *, create: bool = False, staff: StaffMember | None = None) -> str:
        """The customer id behind a scanned card. An unused genuine card (pre-printed) enrolls a guest if create."""
        token = cards.verify(scanned, self.card_keys()).text
        row = customer_sql.card(self.db.conn, token)
        if row is None:
            if not create:
                raise NotFound("This card has not been used yet: book a purchase or enroll to start it.",
                               code="unknown_card")
            return self.enroll(staff or self.system_staff(), card=token)[0]
        if row["blocked_at"]:
            raise Refused(f"This card was blocked on {row['blocked_at'][:10]} ({row['block_reason'] or 'lost'}). "
                          "Use the customer's new card.", code="card_blocked")
        return row["customer_id"]

    def enroll(self, staff: StaffMember, *, name: str | None = None, email: str | None = None,
               phone: str | None = None, birthday: str | None = None, consent_email: bool = False,
               referred_by: str | None = None, card: str | None = None,
               at: datetime | None = None, bonus: bool = True) -> tuple[str, str, list[Entry]]:
        """A new customer with a card (new, or a pre-printed one), booking any enrollment bonus (not with
        bonus=False: a customer imported from another system is not new to the shop)."""
        at = at or utcnow()
        fields = _clean_fields(name=name, email=email, phone=phone, birthday=birthday)
        referrer = self.resolve(referred_by) if referred_by else None
        token = card or self.new_token()
        entries = rules.evaluate_enrollment(self.program) if bonus else []
        booking = self._booking(staff, at)
        customer_id = customer_id_for(token)
        with self.db.write() as conn:
            if customer_sql.card(conn, token):
                raise Refused("This card is already in use.", code="card_in_use")
            customer_sql.create(conn, customer_id, at=at, staff_id=staff.id, shop_id=booking.shop_id,
                                referred_by=referrer, consent_email=consent_email, **fields)
            customer_sql.add_card(conn, token, customer_id, at)
            enroll_id = event_sql.append(conn, customer_id, Entry("enroll", detail={"card": token}), booking,
                                         event_id=derived_id(customer_id, "enroll"))
            for number, entry in enumerate(entries):
                event_sql.append(conn, customer_id, entry, booking, ref=enroll_id, expires_at=self._expiry(entry, at),
                                 event_id=derived_id(customer_id, "enroll", str(number)))
        return customer_id, token, entries

    def customer_count(self) -> int:
        return customer_sql.count(self.db.conn)

    def named_cards(self, limit: int = 5) -> list[tuple[str, str]]:
        """(card, name) of the first named customers: the demo prints these."""
        return [(c["token"], c["name"]) for c in customer_sql.named_cards(self.db.conn, limit)]

    def customer(self, customer_id: str) -> dict:
        row = customer_sql.get(self.db.conn, customer_id)
        if row is None:
            raise NotFound("No such customer.", code="unknown_customer")
        out = row
        out["cards"] = [dict(c) for c in customer_sql.cards_of(self.db.conn, customer_id)]
        out["card"] = customer_sql.active_card(self.db.conn, customer_id)
        return out

    def search(self, text: str, limit: int = 50) -> list[dict]:
        """By card (scanned or typed), name, email or the end of a phone number."""
        if text.strip().upper().startswith(cards.PREFIX):
            try:
                return [self.customer(self.resolve(text))]
            except LoyaltyError:
                return []
        found = customer_sql.search(self.db.conn, text, limit)
        old_card = import_sql.customer_by_old_card(self.db.conn, "".join(text.split()).upper())
        if old_card:  # the number of a card from before an import: that customer first
            return [self.customer(old_card)] + [c for c in found if c["id"] != old_card][:limit - 1]
        return found

    def update_customer(self, customer_id: str, **fields) -> None:
        self.customer(customer_id)
        consent = fields.pop("consent_email", None)
        cleaned = _clean_fields(**fields)
        if consent is not None:
            cleaned["consent_email"] = int(bool(consent))
        with self.db.write() as conn:
            customer_sql.update(conn, customer_id, utcnow(), **cleaned)

    def block_card(self, scanned: str, reason: str = "lost") -> str:
        token = cards.verify(scanned, self.card_keys()).text
        row = customer_sql.card(self.db.conn, token)
        if row is None:
            raise NotFound("This card is not in use here.", code="unknown_card")
        with self.db.write() as conn:
            customer_sql.block_card(conn, token, utcnow(), reason)
        return row["customer_id"]

    def reissue_card(self, customer_id: str, reason: str = "lost") -> str:
        """Block the customer's current card and give the same account a new one."""
        self.customer(customer_id)
        token, now = self.new_token(), utcnow()
        with self.db.write() as conn:
            old = customer_sql.active_card(conn, customer_id)
            if old:
                customer_sql.block_card(conn, old, now, reason)
            customer_sql.add_card(conn, token, customer_id, now)
        return token

    def merge(self, staff: StaffMember, source: str, target: str, at: datetime | None = None) -> None:
        """Move everything of `source` onto `target` (both ids); the source's cards then open the target."""
        at = at or utcnow()
        if source == target:
            raise Refused("These are the same customer.", code="same_customer")
        for cid in (source, target):
            if self.customer(cid)["merged_into"]:
                raise Refused("One of these accounts was already merged into another.", code="already_merged")
        booking = self._booking(staff, at)
        with self.db.write() as conn:
            stamps, points, cashback = event_sql.balance(conn, source)
            lots = [lot for lot in point_lots(event_sql.points_events(conn, source)) if lot.remaining > 0]
            detail_out, detail_in = {"into": target}, {"from": source}
            out_id = event_sql.append(conn, source, Entry("merge", -stamps, -points, -cashback, detail=detail_out),
                                      booking)
            moved = sum(lot.remaining for lot in lots)
            event_sql.append(conn, target, Entry("merge", stamps, 0 if moved == points else points, cashback,
                                                 detail=detail_in), booking, ref=out_id)
            if moved == points:  # keep each lot's own expiry date
                for lot in lots:
                    event_sql.append(conn, target, Entry("merge", points=lot.remaining, detail=detail_in), booking,
                                     ref=out_id, expires_at=lot.expires_at)
            customer_sql.merge(conn, source, target, at)

    # ---- bookings ----

    def _booking(self, staff: StaffMember, at: datetime) -> Booking:
        return Booking(staff.id, at, self.program_version, self.db.meta("shop_id"), self.db.meta("terminal_id"))

    def _expiry(self, entry: Entry, at: datetime) -> datetime | None:
        return rules.expiry_date(self.program, at) if entry.points > 0 else None

    def _expire(self, conn, customer_id: str, booking: Booking) -> int:
        """Book the expiry of the customer's lots that are due (done before anything spends points)."""
        expired = 0
        for lot in due_expiries(point_lots(event_sql.points_events(conn, customer_id)), booking.at):
            entry = Entry("expire", points=-lot.remaining, reason="Points expired",
                          detail={"earned_at": to_db(lot.earned_at)})
            event_sql.append(conn, customer_id, entry, booking, ref=lot.event_id,
                             event_id=expiry_event_id(lot))
            expired += lot.remaining
        return expired

    def checkout(self, staff: StaffMember, scanned: str, amount: int, items: list[Item] = (),
                 at: datetime | None = None) -> Receipt:
        at = at or utcnow()
        program = self.program
        priced = sum(i.price for i in items if i.price is not None)
        if priced > amount:
            raise LoyaltyError("The items cost more than the amount paid; check the prices.", code="bad_items")
        customer_id = self.resolve(scanned, create=True, staff=staff)
        booking = self._booking(staff, at)
        purchase = Purchase(amount, at, tuple(items))
        with self.db.write() as conn:
            self._expire(conn, customer_id, booking)
            state = event_sql.customer_state(conn, program, customer_id, at)
            entries = rules.evaluate_purchase(program, state, purchase)
            item_list = [[i.sku, i.price] for i in items] or None
            purchase_id = event_sql.append(conn, customer_id, entries[0], booking, amount=amount, items=item_list,
                                           expires_at=self._expiry(entries[0], at))
            for entry in entries[1:]:
                event_sql.append(conn, entry.customer or customer_id, entry, booking, ref=purchase_id,
                                 expires_at=self._expiry(entry, at))
            tier_change = self._tier_change(conn, program, customer_id, state, at, purchase_id, booking)
        return self._receipt(purchase_id, entries, customer_id, at, tier_change)

    def _tier_change(self, conn, program: Program, customer_id: str, state, at: datetime, ref: str,
                     booking: Booking) -> str | None:
        if not program.tiers:
            return None
        before = rules.tier_of(program, state.qualifying)
        after = rules.tier_of(program, event_sql.qualifying(conn, program, customer_id, at + timedelta(microseconds=1)))
        if before.name == after.name:
            return None
        change = f"{before.name} → {after.name}"
        event_sql.append(conn, customer_id, Entry("tier", reason=change, detail={"from": before.name, "to": after.name}),
                         booking, ref=ref)
        return change

    def _receipt(self, event_id: str, entries: list[Entry], customer_id: str, at: datetime,
                 tier_change: str | None = None, expiry_booked: bool = True) -> Receipt:
        """The receipt shows the balance as of the booking's own time (scripts book in the past with --at)."""
        own = [e for e in entries if e.customer in (None, customer_id)]
        bonuses = [{"name": e.reason, "stamps": e.stamps, "points": e.points, "cashback": e.cashback,
                    "customer": e.customer} for e in entries if e.kind == "bonus"]
        return Receipt(event_id, entries[0].kind, sum(e.stamps for e in own), sum(e.points for e in own),
                       sum(e.cashback for e in own), bonuses,
                       self.balance_of(customer_id, at, expiry_booked=expiry_booked), tier_change)

    def redeem(self, staff: StaffMember, scanned: str, reward_id: str, amount: int | None = None,
               at: datetime | None = None) -> Receipt:
        at = at or utcnow()
        program = self.program
        customer_id = self.resolve(scanned)
        booking = self._booking(staff, at)
        with self.db.write() as conn:
            self._expire(conn, customer_id, booking)
            state = event_sql.customer_state(conn, program, customer_id, at)
            entry = rules.evaluate_redeem(program, state, reward_id, amount)
            self._check_offline_limit(conn, program, customer_id, entry)
            event_id = event_sql.append(conn, customer_id, entry, booking)
        return self._receipt(event_id, [entry], customer_id, at)

    def _check_offline_limit(self, conn, program: Program, customer_id: str, entry: Entry) -> None:
        """While this terminal has not synced for a while, cap what a customer redeems here (program [sync])."""
        limits = program.sync
        if limits is None or not self.db.meta("sync_token"):
            return  # a terminal without a server has nothing to be out of date with
        last = self.db.meta("sync_last_ok")
        offline = utcnow() - from_db(last) if last else None
        if offline is not None and offline <= timedelta(minutes=limits.offline_after_minutes):
            return
        spent = sync_sql.unsynced_redemptions(conn, customer_id)
        wanted = (-entry.stamps, -entry.points, -entry.cashback)
        caps = (limits.offline_redeem_limit_stamps, limits.offline_redeem_limit_points,
                limits.offline_redeem_limit_cashback)
        for unit, cap, already, more in zip(("stamps", "points", "cashback"), caps, spent, wanted):
            if cap is not None and more > 0 and already + more > cap:
                since = f"for {int(offline.total_seconds() // 60)} minutes" if offline else "yet"
                shown = plain(cap, program.currency) + f" {program.currency}" if unit == "cashback" else f"{cap} {unit}"
                raise Refused(f"This till has not synced {since}: a customer can redeem at most {shown} here "
                              "until it is back online.", code="offline_limit")

    def adjust(self, staff: StaffMember, scanned: str, points: int, reason: str, at: datetime | None = None) -> Receipt:
        at = at or utcnow()
        if not reason.strip():
            raise LoyaltyError("Say why the points are adjusted (a reason is kept in the ledger).", code="no_reason")
        if points == 0:
            raise LoyaltyError("An adjustment of 0 points changes nothing.", code="bad_amount")
        customer_id = self.resolve(scanned, create=points > 0, staff=staff)
        booking = self._booking(staff, at)
        entry = Entry("adjust", points=points, reason=reason.strip())
        with self.db.write() as conn:
            self._expire(conn, customer_id, booking)
            current = event_sql.balance(conn, customer_id)[1]
            if points < 0 and current + points < 0:
                raise Refused(f"Cannot take {-points} points: the balance is {current} points.",
                              code="insufficient_balance")
            event_id = event_sql.append(conn, customer_id, entry, booking, expires_at=self._expiry(entry, at))
        return self._receipt(event_id, [entry], customer_id, at)

    def open_balance(self, staff: StaffMember, customer_id: str, stamps: int, points: int, cashback: int,
                     detail: dict, at: datetime | None = None) -> str:
        """Balances carried over from another system (a paper card file, an old app) as one 'opening' event; its
        points are a lot that expires like points earned now."""
        at = at or utcnow()
        if min(stamps, points, cashback) < 0:
            raise LoyaltyError("An opening balance cannot be negative.", code="bad_amount")
        entry = Entry(OPENING, stamps, points, cashback, "Opening balance", detail)
        with self.db.write() as conn:
            return event_sql.append(conn, customer_id, entry, self._booking(staff, at),
                                    expires_at=self._expiry(entry, at))

    def void(self, staff: StaffMember, event_id: str, at: datetime | None = None) -> Receipt:
        """Take back a purchase, redemption or adjustment: reverse exactly what it and its bonuses booked."""
        at = at or utcnow()
        booking = self._booking(staff, at)
        with self.db.write() as conn:
            original = event_sql.get(conn, event_id)
            if original is None:
                raise NotFound(f"There is no booking {event_id}.", code="unknown_event")
            if original["kind"] not in VOIDABLE:
                raise Refused(f"A '{original['kind']}' event cannot be undone; only {', '.join(VOIDABLE)}.",
                              code="not_voidable")
            if event_sql.is_voided(conn, event_id):
                raise Refused("This booking was already undone.", code="already_voided")
            entries, first = [], None
            for row in event_sql.group(conn, event_id):
                entry = Entry("void", -row["stamps"], -row["points"], -row["cashback"], f"Undo {row['kind']}",
                              {"voided": row["kind"]}, customer=row["customer_id"])
                void_id = event_sql.append(conn, row["customer_id"], entry, booking, amount=-row["amount"],
                                           ref=row["id"], expires_at=self._expiry(entry, at))
                entries.append(entry)
                first = first or void_id
        return self._receipt(first, entries, original["customer_id"], at, expiry_booked=False)

    def last_undoable(self, staff: StaffMember, now: datetime | None = None) -> dict | None:
        """The staff member's latest booking if it can still be undone at the counter."""
        row = event_sql.latest_by_staff(self.db.conn, staff.id, (now or utcnow()) - UNDO_WINDOW)
        return dict(row) if row else None

    def expire(self, at: datetime | None = None, staff: StaffMember | None = None) -> dict:
        """The nightly expiry run: every lot past its date loses what is left of it."""
        at = at or utcnow()
        booking = self._booking(staff or self.system_staff(), at)
        total, touched = 0, 0
        with self.db.write() as conn:
            for customer_id in event_sql.customers_with_expiring_points(conn, at):
                expired = self._expire(conn, customer_id, booking)
                if expired:
                    total, touched = total + expired, touched + 1
        return {"points_expired": total, "customers": touched}

    # ---- reading ----

    def balance(self, scanned: str) -> Balance:
        return self.balance_of(self.resolve(scanned))

    def balance_of(self, customer_id: str, now: datetime | None = None, *, expiry_booked: bool = False) -> Balance:
        """The balance as the counter shows it; `expiry_booked` when the caller just booked what was due."""
        now = now or utcnow()
        program = self.program
        conn = self.db.conn
        row = customer_sql.get(conn, customer_id)
        stamps, points, cashback = event_sql.balance(conn, customer_id)
        if not expiry_booked:  # points past their date are not offered, even before the nightly run
            points -= sum(lot.remaining for lot in due_expiries(point_lots(event_sql.points_events(conn, customer_id)),
                                                                 now))
        state = rules.CustomerState(stamps=stamps, points=points, cashback=cashback)
        tier = rules.tier_of(program, event_sql.qualifying(conn, program, customer_id, now + timedelta(microseconds=1)))
        alerts = []
        if min(stamps, points, cashback) < 0:
            alerts.append("negative_balance")
        if row["birthday"] and rules.birthday_year(date.fromisoformat(row["birthday"]),
                                                    rules.local_time(program, now).date(), 7) is not None:
            alerts.append("birthday")
        available = rules.rewards_available(program, state)
        if available:
            alerts.append("reward_ready")
        return Balance(customer_id, customer_sql.active_card(conn, customer_id), row["name"], stamps, points, cashback,
                       tier.name if tier else None, available, program.card_size, row["birthday"], alerts)

    def unsynced_count(self) -> int:
        """Events booked here that the central server does not hold yet."""
        return event_sql.unsynced_count(self.db.conn)

    def sync_conflicts(self) -> list[dict]:
        """Overspends and doubly used cards the server flagged (they come with sync), for the owner to settle."""
        return sync_sql.conflicts(self.db.conn)

    def history(self, customer_id: str, limit: int = 200) -> list[dict]:
        out = []
        for row in event_sql.history(self.db.conn, customer_id, limit):
            item = dict(row)
            item["items"] = json.loads(row["items"]) if row["items"] else []
            item["detail"] = json.loads(row["detail"]) if row["detail"] else {}
            out.append(item)
        return out

    # ---- maintenance ----

    def check(self, repair: bool = False) -> dict:
        integrity = [r[0] for r in self.db.query("PRAGMA integrity_check")]
        mismatched = [dict(r) for r in event_sql.mismatched_balances(self.db.conn)]
        report = {"integrity": integrity, "ok": integrity == ["ok"] and not mismatched,
                  "mismatched_balances": mismatched, "repaired": False}
        if repair and mismatched:
            with self.db.write() as conn:
                event_sql.rebuild_balances(conn)
            report["repaired"] = True
        return report

    def backup(self, dest: str | Path) -> Path:
        dest = Path(dest)
        if dest.is_dir():
            dest = dest / f"loyalty-{utcnow():%Y%m%d-%H%M%S}.db"
        return self.db.backup_to(dest)


def _clean_fields(**fields) -> dict:
    out = {}
    for key, value in fields.items():
        value = value.strip() if isinstance(value, str) else value
        if value in ("", None):
            out[key] = None
            continue
        if key == "birthday":
            try:
                born = date.fromisoformat(value)
            except ValueError:
                raise LoyaltyError(f"Birthday '{value}' is not a date like 1990-04-23.", code="bad_birthday") from None
            if not date(1900, 1, 1) <= born <= date.today():
                raise LoyaltyError(f"Birthday {value} is not a plausible date.", code="bad_birthday")
        if key == "email" and "@" not in value:
            raise LoyaltyError(f"'{value}' is not an email address.", code="bad_email")
        out[key] = value
    return out

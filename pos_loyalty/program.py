"""The program file: TOML in, a validated immutable Program out, with errors that name the key and the line."""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from datetime import time
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.numbers import list_currencies

from .errors import LoyaltyError
from .money import exponent

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
BONUS_KINDS = ("happy_hour", "seasonal", "item", "birthday", "referral", "enrollment")
CASHBACK_REWARD = "cashback"


class ProgramError(LoyaltyError):
    """`path` is the key at fault, e.g. ("rewards", 0, "stamps"); `reason` the message without line and key."""

    code = "bad_program"

    def __init__(self, message: str, *, path: tuple = (), reason: str | None = None):
        super().__init__(message)
        self.path, self.reason = path, reason or message


_LOCAL_NAME = re.compile(r"name_([a-z]{2})")  # name_de = "Gratis-Kaffee": the name in one language


class Named:
    """A tier, bonus or reward, whose `name` may come in other languages too (`names`, from name_de = "…")."""

    def name_in(self, language: str) -> str:
        return dict(self.names).get(language, self.name)


@dataclass(frozen=True)
class Stamps:
    per_purchase: int = 1
    min_amount: int = 0
    daily_cap: int | None = None
    count: str = "visit"  # "visit": per purchase; "item": one stamp per eligible item
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Points:
    per_unit: int = 1
    unit: int = 100  # minor units that earn per_unit points
    expiry_days: int | None = None


@dataclass(frozen=True)
class Tier(Named):
    name: str
    threshold: int  # minor units, visits or points, per Tiers.qualify_by
    multiplier: Fraction = Fraction(1)
    names: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Tiers:
    qualify_by: str  # spend | visits | points
    window_days: int
    levels: tuple[Tier, ...]

    def tier_for(self, qualifying: int) -> Tier:
        reached = [t for t in self.levels if qualifying >= t.threshold]
        return reached[-1] if reached else self.levels[0]


@dataclass(frozen=True)
class Cashback:
    percent: Fraction | None = None
    fixed: int | None = None
    per: int | None = None
    min_redeem: int = 0


@dataclass(frozen=True)
class Bonus(Named):
    kind: str
    name: str
    multiplier: Fraction = Fraction(1)
    points: int = 0
    stamps: int = 0
    cashback: int = 0
    days: frozenset[int] = frozenset(range(7))
    start: time | None = None
    end: time | None = None
    date_from: str | None = None  # "MM-DD"
    date_to: str | None = None
    items: tuple[str, ...] = ()
    window_days: int = 7
    referred_points: int = 0
    names: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Reward(Named):
    id: str
    name: str
    cost_stamps: int = 0
    cost_points: int = 0
    value: int = 0
    donation: bool = False
    names: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class SyncRules:
    """What a terminal may let a customer redeem while it has not synced for `offline_after_minutes`: the
    redemptions the server has not seen yet, per customer, stay within these limits (None = no limit)."""

    offline_after_minutes: int = 60
    offline_redeem_limit_points: int | None = None
    offline_redeem_limit_stamps: int | None = None
    offline_redeem_limit_cashback: int | None = None  # minor units


# Customer messages (pos_loyalty.messages); transactional ones are not capped, marketing ones are.
MESSAGE_KINDS = ("welcome", "reward_earned", "tier_reached", "birthday", "reward_expiring", "points_expiring",
                 "we_miss_you")


@dataclass(frozen=True)
class MessageRules:
    """[messages]: which messages are sent, how far ahead, how often at most, and the hours to keep quiet."""

    send: tuple[str, ...] = MESSAGE_KINDS
    birthday_days_before: int = 3
    expiry_warning_days: int = 14  # points (or a reward they pay for) that expire within this many days
    inactive_days: int = 60  # "we miss you" after this many days without a visit
    marketing_cap_days: int = 7  # at most one marketing message per customer in this many days
    birthday_cap_days: int = 365
    reengagement_cap_days: int = 90
    quiet_start: time = time(21)  # shop time; nothing is sent from quiet_start to quiet_end (equal: never quiet)
    quiet_end: time = time(8)


@dataclass(frozen=True)
class Program:
    name: str
    currency: str
    timezone: str
    locale: str
    stamps: Stamps | None = None
    points: Points | None = None
    tiers: Tiers | None = None
    cashback: Cashback | None = None
    bonuses: tuple[Bonus, ...] = ()
    rewards: tuple[Reward, ...] = ()
    source: str = field(default="", compare=False, repr=False)
    sync: SyncRules | None = None
    messages: MessageRules = MessageRules()

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def reward(self, reward_id: str) -> Reward | None:
        return next((r for r in self.rewards if r.id == reward_id), None)

    def bonuses_of(self, kind: str) -> list[Bonus]:
        return [b for b in self.bonuses if b.kind == kind]

    def name_in(self, name: str, language: str) -> str:
        """A tier, bonus or reward name as events and balances keep it, in `language` where the file gives one."""
        for item in (*(self.tiers.levels if self.tiers else ()), *self.bonuses, *self.rewards):
            if item.name == name:
                return item.name_in(language)
        return name

    @property
    def card_size(self) -> int | None:
        """Stamps on a full card: the cheapest stamp reward."""
        costs = [r.cost_stamps for r in self.rewards if r.cost_stamps]
        return min(costs) if costs else None


# ---- locating keys in the source, so every error names a line ----

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\.\"' ]+?)\s*=")


def _key_lines(text: str) -> dict[tuple, int]:
    """Map every key path (array tables indexed) to the line it is written on."""
    lines: dict[tuple, int] = {}
    counters: dict[tuple, int] = {}
    table: tuple = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            path = tuple(p.strip().strip("\"'") for p in header[2].split("."))
            if header[1] == "[[":
                counters[path] = counters.get(path, -1) + 1
                table = path + (counters[path],)
            else:
                table = path
            lines.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if key:
            path = tuple(p.strip().strip("\"'") for p in key[1].split("."))
            lines.setdefault(table + path, number)
    return lines


class _Reader:
    """Walks the parsed TOML, converting values and raising ProgramError with key and line."""

    def __init__(self, text: str, currency: str = "EUR"):
        self.lines = _key_lines(text)
        self.currency = currency

    def fail(self, path: tuple, message: str):
        for cut in range(len(path), 0, -1):
            if path[:cut] in self.lines:
                raise ProgramError(f"line {self.lines[path[:cut]]}: {self.dotted(path)}: {message}", path=path,
                                   reason=message)
        raise ProgramError(f"{self.dotted(path) or 'program'}: {message}", path=path, reason=message)

    @staticmethod
    def dotted(path: tuple) -> str:
        out = ""
        for part in path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
        return out

    def table(self, data, path: tuple, allowed: tuple[str, ...], *, named: bool = False) -> dict:
        """`named`: the table may also give its name in other languages (name_de = "…")."""
        if not isinstance(data, dict):
            self.fail(path, "must be a table")
        for key in data:
            if key not in allowed and not (named and _LOCAL_NAME.fullmatch(key)):
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(allowed)})"
                self.fail(path + (key,), f"unknown key{hint}")
        return data

    def integer(self, data: dict, path: tuple, key: str, default=None, minimum: int = 0):
        if key not in data:
            return default
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(path + (key,), f"must be a whole number, got {value!r}")
        if value < minimum:
            self.fail(path + (key,), f"must be at least {minimum}")
        return value

    def money(self, data: dict, path: tuple, key: str, default=None) -> int | None:
        if key not in data:
            return default
        value = data[key]
        try:
            if isinstance(value, bool):
                raise InvalidOperation
            exact = Decimal(str(value))
        except InvalidOperation:
            self.fail(path + (key,), f'must be an amount like "2.50", got {value!r}')
        digits = exponent(self.currency)
        minor = exact.scaleb(digits)
        if minor != minor.to_integral_value() or minor < 0:
            self.fail(path + (key,), f"{value} is not a valid {self.currency} amount")
        return int(minor)

    def ratio(self, data: dict, path: tuple, key: str, default=Fraction(1)) -> Fraction:
        if key not in data:
            return default
        value = data[key]
        try:
            if isinstance(value, bool):
                raise ValueError
            exact = Fraction(Decimal(str(value)))
        except (ValueError, InvalidOperation):
            self.fail(path + (key,), f'must be a number like "1.5", got {value!r}')
        if exact < 0:
            self.fail(path + (key,), "must not be negative")
        return exact

    def text(self, data: dict, path: tuple, key: str, default=None, choices=None):
        if key not in data:
            if default is None:
                self.fail(path + (key,), "is required")
            return default
        value = data[key]
        if not isinstance(value, str) or not value.strip():
            self.fail(path + (key,), f"must be text, got {value!r}")
        if choices and value not in choices:
            self.fail(path + (key,), f"must be one of {', '.join(choices)}, got {value!r}")
        return value

    def names(self, data: dict, path: tuple) -> tuple[tuple[str, str], ...]:
        return tuple((match[1], self.text(data, path, key)) for key in data if (match := _LOCAL_NAME.fullmatch(key)))

    def patterns(self, data: dict, path: tuple, key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.fail(path + (key,), 'must be a list of item codes or patterns, e.g. ["BIO-*"]')
        return tuple(value)

    def clock(self, data: dict, path: tuple, key: str) -> time | None:
        if key not in data:
            return None
        value = data[key]
        if isinstance(value, time):
            return value
        try:
            return time.fromisoformat(str(value))
        except ValueError:
            self.fail(path + (key,), f'must be a time like "17:00", got {value!r}')


def loads(text: str) -> Program:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProgramError(f"not a valid TOML file: {exc}") from None
    r = _Reader(text)
    r.table(data, (), ("program", "stamps", "points", "tiers", "cashback", "bonuses", "rewards", "sync",
                    "messages"))
    head = r.table(data.get("program", {}), ("program",), ("name", "currency", "timezone", "locale"))
    currency = r.text(head, ("program",), "currency", "EUR").upper()
    if currency not in list_currencies():  # babel gives any unknown code the default precision
        r.fail(("program", "currency"), f"unknown currency {currency!r}")
    r.currency = currency
    zone = r.text(head, ("program",), "timezone", "Europe/Berlin")
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        r.fail(("program", "timezone"), f"unknown time zone {zone!r} (use a name like Europe/Berlin)")
    program = Program(
        name=r.text(head, ("program",), "name", "My shop"),
        currency=currency,
        timezone=zone,
        locale=r.text(head, ("program",), "locale", "de_DE"),
        stamps=_stamps(r, data),
        points=_points(r, data),
        tiers=_tiers(r, data),
        cashback=_cashback(r, data),
        bonuses=_bonuses(r, data),
        rewards=_rewards(r, data),
        source=text,
        sync=_sync(r, data),
        messages=_messages(r, data),
    )
    _cross_check(r, program)
    return program


def load(path: str | Path) -> Program:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ProgramError(f"cannot read program file {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ProgramError(f"{path} is not a UTF-8 text file") from None
    return loads(text)


def _stamps(r: _Reader, data: dict) -> Stamps | None:
    if "stamps" not in data:
        return None
    p = ("stamps",)
    s = r.table(data["stamps"], p, ("per_purchase", "min_amount", "daily_cap", "count", "items"))
    stamps = Stamps(
        per_purchase=r.integer(s, p, "per_purchase", 1, minimum=1),
        min_amount=r.money(s, p, "min_amount", 0),
        daily_cap=r.integer(s, p, "daily_cap", None, minimum=1),
        count=r.text(s, p, "count", "visit", choices=("visit", "item")),
        items=r.patterns(s, p, "items"),
    )
    if stamps.count == "item" and not stamps.items:
        r.fail(p + ("items",), 'is required when count = "item"')
    return stamps


def _points(r: _Reader, data: dict) -> Points | None:
    if "points" not in data:
        return None
    p = ("points",)
    s = r.table(data["points"], p, ("per_unit", "unit", "expiry_days"))
    unit = r.money(s, p, "unit", 10 ** exponent(r.currency))
    if unit == 0:
        r.fail(p + ("unit",), "must be more than zero")
    return Points(
        per_unit=r.integer(s, p, "per_unit", 1, minimum=1),
        unit=unit,
        expiry_days=r.integer(s, p, "expiry_days", None, minimum=1),
    )


def _tiers(r: _Reader, data: dict) -> Tiers | None:
    if "tiers" not in data:
        return None
    p = ("tiers",)
    s = r.table(data["tiers"], p, ("qualify_by", "window_days", "levels"))
    qualify_by = r.text(s, p, "qualify_by", "spend", choices=("spend", "visits", "points"))
    levels = s.get("levels")
    if not isinstance(levels, list) or not levels:
        r.fail(p + ("levels",), "needs at least one [[tiers.levels]] entry")
    out = []
    for i, level in enumerate(levels):
        lp = p + ("levels", i)
        level = r.table(level, lp, ("name", "from", "multiplier"), named=True)
        threshold = r.money(level, lp, "from", 0) if qualify_by == "spend" else r.integer(level, lp, "from", 0)
        out.append(Tier(r.text(level, lp, "name"), threshold, r.ratio(level, lp, "multiplier"), r.names(level, lp)))
        if i and threshold <= out[i - 1].threshold:
            r.fail(lp + ("from",), "tiers must be listed from the lowest threshold up")
    return Tiers(qualify_by, r.integer(s, p, "window_days", 365, minimum=1), tuple(out))


def _cashback(r: _Reader, data: dict) -> Cashback | None:
    if "cashback" not in data:
        return None
    p = ("cashback",)
    s = r.table(data["cashback"], p, ("percent", "fixed", "per", "min_redeem"))
    percent = r.ratio(s, p, "percent", None)
    fixed, per = r.money(s, p, "fixed"), r.money(s, p, "per")
    if (percent is None) == (fixed is None):
        r.fail(p, 'set either percent = "5" or fixed = "1.00" with per = "20.00"')
    if fixed is not None and not per:
        r.fail(p + ("per",), 'is required with fixed (e.g. per = "20.00")')
    if percent is not None and percent > 100:
        r.fail(p + ("percent",), "must be at most 100")
    return Cashback(percent, fixed, per, r.money(s, p, "min_redeem", 0))


BONUS_KEYS = {  # the keys each kind of bonus takes (the editor shows these fields)
    "happy_hour": ("days", "start", "end", "multiplier", "points"),
    "seasonal": ("from", "to", "multiplier", "points"),
    "item": ("items", "multiplier"),
    "birthday": ("points", "stamps", "cashback", "window_days"),
    "referral": ("points", "cashback", "referred_points"),
    "enrollment": ("points", "stamps"),
}
_MONTH_DAY = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")


def _bonuses(r: _Reader, data: dict) -> tuple[Bonus, ...]:
    entries = data.get("bonuses", [])
    if not isinstance(entries, list):
        r.fail(("bonuses",), "write each bonus as a [[bonuses]] table")
    out = []
    for i, entry in enumerate(entries):
        p = ("bonuses", i)
        kind = r.text(entry, p, "kind", choices=BONUS_KINDS)
        b = r.table(entry, p, ("kind", "name") + BONUS_KEYS[kind], named=True)
        days = b.get("days", list(WEEKDAYS))
        if not isinstance(days, list) or any(d not in WEEKDAYS for d in days):
            r.fail(p + ("days",), f"must list days among {', '.join(WEEKDAYS)}")
        bonus = Bonus(
            kind=kind,
            name=r.text(b, p, "name", kind.replace("_", " ")),
            multiplier=r.ratio(b, p, "multiplier"),
            points=r.integer(b, p, "points", 0),
            stamps=r.integer(b, p, "stamps", 0),
            cashback=r.money(b, p, "cashback", 0),
            days=frozenset(WEEKDAYS.index(d) for d in days),
            start=r.clock(b, p, "start"),
            end=r.clock(b, p, "end"),
            date_from=b.get("from"),
            date_to=b.get("to"),
            items=r.patterns(b, p, "items"),
            window_days=r.integer(b, p, "window_days", 7),
            referred_points=r.integer(b, p, "referred_points", 0),
            names=r.names(b, p),
        )
        if kind == "happy_hour" and not (bonus.start and bonus.end and bonus.start < bonus.end):
            r.fail(p + ("start",), 'needs start and end times, start before end (e.g. "17:00" to "18:00")')
        if kind == "seasonal":
            for key in ("from", "to"):
                if not isinstance(b.get(key), str) or not _MONTH_DAY.match(b[key]):
                    r.fail(p + (key,), 'must be a month and day like "12-01"')
        if kind == "item" and not bonus.items:
            r.fail(p + ("items",), 'is required, e.g. items = ["BIO-*"]')
        out.append(bonus)
    return tuple(out)


def _rewards(r: _Reader, data: dict) -> tuple[Reward, ...]:
    entries = data.get("rewards", [])
    if not isinstance(entries, list):
        r.fail(("rewards",), "write each reward as a [[rewards]] table")
    out: list[Reward] = []
    for i, entry in enumerate(entries):
        p = ("rewards", i)
        s = r.table(entry, p, ("id", "name", "stamps", "points", "value", "donation"), named=True)
        reward = Reward(
            id=r.text(s, p, "id"),
            name=r.text(s, p, "name", s.get("id")),
            cost_stamps=r.integer(s, p, "stamps", 0),
            cost_points=r.integer(s, p, "points", 0),
            value=r.money(s, p, "value", 0),
            donation=bool(s.get("donation", False)),
            names=r.names(s, p),
        )
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", reward.id) or reward.id == CASHBACK_REWARD:
            r.fail(p + ("id",), f"{reward.id!r}: use lowercase letters, digits and dashes (and not 'cashback')")
        if bool(reward.cost_stamps) == bool(reward.cost_points):
            r.fail(p, "a reward costs either stamps or points (set one of them, above zero)")
        if any(o.id == reward.id for o in out):
            r.fail(p + ("id",), f"reward id {reward.id!r} is used twice")
        out.append(reward)
    return tuple(out)


def _sync(r: _Reader, data: dict) -> SyncRules | None:
    if "sync" not in data:
        return None
    p = ("sync",)
    s = r.table(data["sync"], p, ("offline_after_minutes", "offline_redeem_limit_points",
                                  "offline_redeem_limit_stamps", "offline_redeem_limit_cashback"))
    return SyncRules(
        offline_after_minutes=r.integer(s, p, "offline_after_minutes", 60, minimum=1),
        offline_redeem_limit_points=r.integer(s, p, "offline_redeem_limit_points", None),
        offline_redeem_limit_stamps=r.integer(s, p, "offline_redeem_limit_stamps", None),
        offline_redeem_limit_cashback=r.money(s, p, "offline_redeem_limit_cashback", None),
    )


def _messages(r: _Reader, data: dict) -> MessageRules:
    if "messages" not in data:
        return MessageRules()
    p = ("messages",)
    s = r.table(data["messages"], p, ("send", "birthday_days_before", "expiry_warning_days", "inactive_days",
                                      "marketing_cap_days", "birthday_cap_days", "reengagement_cap_days",
                                      "quiet_start", "quiet_end"))
    send = s.get("send", list(MESSAGE_KINDS))
    if not isinstance(send, list) or any(k not in MESSAGE_KINDS for k in send):
        r.fail(p + ("send",), f"must list messages among {', '.join(MESSAGE_KINDS)}")
    default = MessageRules()
    days = {key: r.integer(s, p, key, getattr(default, key), minimum=1)
            for key in ("birthday_days_before", "expiry_warning_days", "inactive_days", "marketing_cap_days",
                        "birthday_cap_days", "reengagement_cap_days")}
    quiet = {key: r.clock(s, p, key) or getattr(default, key) for key in ("quiet_start", "quiet_end")}
    return MessageRules(send=tuple(k for k in MESSAGE_KINDS if k in send), **days, **quiet)


def _cross_check(r: _Reader, program: Program) -> None:
    for i, reward in enumerate(program.rewards):
        if reward.cost_stamps and not program.stamps:
            r.fail(("rewards", i, "stamps"), "costs stamps, but the program has no [stamps] section")
        if reward.cost_points and not program.points:
            r.fail(("rewards", i, "points"), "costs points, but the program has no [points] section")
    for i, bonus in enumerate(program.bonuses):
        for key, unit, section in (("points", "points", program.points), ("referred_points", "points", program.points),
                                   ("stamps", "stamps", program.stamps), ("cashback", "cashback", program.cashback)):
            if getattr(bonus, key) and not section:
                r.fail(("bonuses", i, key), f"gives {unit}, but the program has no [{unit}] section")
    if program.tiers and program.tiers.qualify_by == "points" and not program.points:
        r.fail(("tiers", "qualify_by"), "tiers by points need a [points] section")
    if not (program.stamps or program.points or program.cashback):
        r.fail((), "the program earns nothing: add [stamps], [points] or [cashback]")

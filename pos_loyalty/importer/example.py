"""An example customer file as German Excel writes it (`;`, Windows-1252, 23.04.1990, 12,50), optionally with the
mistakes real files have; screenshots, tests and the benchmark import it and know what each row should give."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from ..demo import FIRST, LAST

HEADER = ("Kundennr.", "Vorname", "Nachname", "E-Mail", "Telefon", "Geburtstag", "Stempel", "Punkte", "Guthaben",
          "Newsletter", "Notizen")
UNIT_COLUMNS = {"stamps": "Stempel", "points": "Punkte", "cashback": "Guthaben"}
NOTES = ("", "", "", "Stammkunde", "mag Roggenbrot", "Karte verloren, neu ausgestellt")
# (expected problem code, the column written wrong, what is written): the mistakes of real files.
MISTAKES = (
    ("bad_email", "E-Mail", "anna.weber(at)example.org"),
    ("impossible_date", "Geburtstag", "31.02.1985"),
    ("negative", "Stempel", "-3"),
    ("bad_money", "Guthaben", "zwölf"),
    ("excel_number", "Telefon", "4,91512E+11"),
    ("bad_count", "Punkte", "12,5"),
    ("same_as_line", None, None),  # the row before it, written down twice
)


@dataclass(frozen=True)
class Row:
    """A customer of the example file and what importing the row should give (problem: the expected code)."""

    line: int
    name: str
    email: str | None
    phone: str | None
    birthday: str | None  # ISO
    stamps: int
    points: int
    cashback: int  # cents
    old_card: str
    consent_email: bool
    problem: str | None = None


def rows(count: int, *, bad_rows: int = 0, units: tuple[str, ...] = ("stamps", "points", "cashback"),
         seed: int = 7, encoding: str = "cp1252") -> tuple[tuple[str, ...], list[Row], list[list[str]]]:
    """(header, expected rows, cells). `bad_rows` mistakes are spread evenly, one kind after another."""
    rng = random.Random(seed)
    header = tuple(h for h in HEADER if h not in UNIT_COLUMNS.values() or any(UNIT_COLUMNS[u] == h for u in units))
    first = [n for n in FIRST if _encodable(n, encoding)]
    last = [n for n in LAST if _encodable(n, encoding)]
    mistakes = [m for m in MISTAKES if m[1] is None or m[1] in header]
    every = max(2, count // bad_rows) if bad_rows else 0
    planned = {every * k + every - 1: mistakes[k % len(mistakes)] for k in range(bad_rows)}
    out, cells = [], []
    for index in range(count):
        line = index + 2
        code, column, text = planned.get(index, (None, None, None))
        if code == "same_as_line":  # the row before, written down twice, under the next card number
            out.append(replace(out[-1], line=line, old_card=_card(index), problem=code))
            cells.append([_card(index) if h == "Kundennr." else c for h, c in zip(header, cells[-1])])
            continue
        given, family = rng.choice(first), rng.choice(last)
        born = date(1940, 1, 1) + timedelta(days=rng.randrange(68 * 365)) if rng.random() < 0.7 else None
        # The row before a duplicate has an email: the duplicate is then recognised by it.
        mailed = rng.random() < 0.8 or planned.get(index + 1, ("",))[0] == "same_as_line"
        row = Row(line, f"{given} {family}",
                  f"{_ascii(given)}.{_ascii(family)}.{index}@example.org".lower() if mailed else None,
                  f"0151 {10_000_000 + index * 7919 % 89_000_000}" if rng.random() < 0.6 else None,
                  born.isoformat() if born else None,
                  rng.randrange(10) if "stamps" in units else 0,
                  rng.choice((0, rng.randrange(2500))) if "points" in units else 0,
                  rng.choice((0, rng.randrange(5000))) if "cashback" in units else 0,
                  _card(index), rng.random() < 0.4, code)
        record = {"Kundennr.": row.old_card, "Vorname": given, "Nachname": family, "E-Mail": row.email or "",
                  "Telefon": row.phone or "", "Geburtstag": born.strftime("%d.%m.%Y") if born else "",
                  "Stempel": str(row.stamps), "Punkte": _points(row.points),
                  "Guthaben": f"{row.cashback // 100},{row.cashback % 100:02d}" if row.cashback else "",
                  "Newsletter": "ja" if row.consent_email else "nein", "Notizen": rng.choice(NOTES)}
        if column:
            record[column] = text
        out.append(row)
        cells.append([record[h] for h in header])
    return header, out, cells


def write(path: str | Path, count: int, **options) -> list[Row]:
    """Write the example file (German Excel's way: `;`, CRLF, Windows-1252); returns its rows."""
    encoding = options.get("encoding", "cp1252")
    header, out, cells = rows(count, **options)
    lines = [";".join(header)] + [";".join(_quoted(c) for c in record) for record in cells]
    Path(path).write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return out


def _card(index: int) -> str:
    return f"K-{index + 1:05d}"


def _points(value: int) -> str:
    return f"{value // 1000}.{value % 1000:03d}" if value >= 1000 else str(value)  # Excel's thousands: 1.234


def _quoted(cell: str) -> str:
    return f'"{cell}"' if ";" in cell or '"' in cell else cell


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii() and c.isalnum())

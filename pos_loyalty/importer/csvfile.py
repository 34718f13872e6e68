"""Reading a customer file as people have them: Excel's `;` and cp1252, UTF-8 with or without BOM, commas, tabs."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import LoyaltyError

DELIMITERS = (";", ",", "\t", "|")
MAX_BYTES = 50 * 1024 * 1024  # a customer list, not a database dump: ~500,000 rows of 100 bytes


class ImportFileError(LoyaltyError):
    """The file as a whole cannot be imported (not a CSV, no header, a mapping that does not fit)."""

    code = "bad_import_file"


@dataclass(frozen=True)
class Table:
    """A CSV file read into memory: the header and each non-empty record with the line it starts on."""

    name: str
    fingerprint: str  # sha256 of the bytes: the same file imported twice is recognised
    encoding: str
    delimiter: str
    header: tuple[str, ...]
    records: tuple[tuple[int, tuple[str, ...]], ...]  # (line, values), values padded to the header's width
    extra: dict[int, int]  # line -> number of non-empty values beyond the header's width


def read(path: str | Path) -> Table:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportFileError(f"{path.name} is {size // 1024 // 1024} MB; a customer list of that size is "
                                  "not supported (at most 50 MB).", code="file_too_large")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(f"There is no file {path}.", code="file_not_found") from None
    except IsADirectoryError:
        raise ImportFileError(f"{path} is a folder, not a file.", code="file_not_found") from None
    except OSError as exc:
        raise ImportFileError(f"{path} cannot be read: {exc.strerror or exc}.", code="file_unreadable") from None
    return parse(data, path.name)


def parse(data: bytes, name: str = "customers.csv") -> Table:
    text, encoding = _decode(data, name)
    first = text.split("\n", 1)[0].strip()
    if first.lower().startswith("sep=") and len(first) == 5:  # Excel's hint line: "sep=;"
        delimiter, skip = first[4], 1
    else:
        delimiter, skip = _delimiter(text), 0
    rows = _records(text, delimiter, name)[skip:]
    if not rows:
        raise ImportFileError(f"{name} is empty.", code="empty_file")
    (_, header), body = rows[0], rows[1:]
    header = tuple(_clean(h) for h in header)
    while header and not header[-1]:  # Excel writes trailing separators for formatted empty columns
        header = header[:-1]
    if len(header) < 1 or not any(header):
        raise ImportFileError(f"{name} has no header row: the first line must name the columns "
                              "(e.g. Name;E-Mail;Stempel).", code="no_header")
    _check_header(header, name)
    records, extra = [], {}
    for line, values in body:
        values = tuple(_clean(v) for v in values)
        if not any(values):
            continue  # blank lines and rows of empty cells are not customers
        beyond = [v for v in values[len(header):] if v]
        if beyond:
            extra[line] = len(beyond)
        records.append((line, values[:len(header)] + ("",) * (len(header) - len(values))))
    if not records:
        raise ImportFileError(f"{name} has a header but no customers.", code="no_rows")
    return Table(name, hashlib.sha256(data).hexdigest(), encoding, delimiter, header, tuple(records), extra)


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """UTF-8 (BOM or not) when it decodes cleanly, UTF-16 by its BOM, else Windows-1252 (German Excel)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:4096]:
        raise ImportFileError(f"{name} is not a text file (an Excel workbook?). In Excel choose "
                              "File > Save as > CSV.", code="not_csv")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; a file that has them is not cp1252 either, but latin-1 keeps them
        # readable instead of refusing a list of customers for one odd character.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            return data.decode("latin-1"), "latin-1"


def _delimiter(text: str) -> str:
    """The separator that splits the first lines into the most columns, the same number on each line."""
    sample = text[:64 * 1024]
    lines = sample.splitlines()[:50]
    if len(lines) > 1 and len(sample) == 64 * 1024:
        lines = lines[:-1]  # the last one may be cut off
    best, best_score = ",", (0, 0)
    for candidate in DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(lines, delimiter=candidate) if any(c.strip() for c in r)]
        except csv.Error:
            continue
        if not widths or widths[0] < 2:
            continue
        consistent = sum(w == widths[0] for w in widths)
        score = (consistent, widths[0])
        if score > best_score:
            best, best_score = candidate, score
    return best


def _records(text: str, delimiter: str, name: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out, line = [], 1
    try:
        for values in reader:
            out.append((line, values))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFileError(f"{name}, line {reader.line_num}: the file cannot be read as CSV ({exc}).",
                              code="not_csv") from None
    return out


def _clean(value: str) -> str:
    """Trimmed, NFC (a Mac writes ü as u + ¨), non-breaking spaces as spaces."""
    return unicodedata.normalize("NFC", value.replace("\u00a0", " ")).strip()


def _check_header(header: tuple[str, ...], name: str) -> None:
    seen: dict[str, int] = {}
    for index, title in enumerate(header, 1):
        if not title:
            continue
        key = title.casefold()
        if key in seen:
            raise ImportFileError(f"{name}: columns {seen[key]} and {index} are both called '{title}'; "
                                  "rename one of them.", code="duplicate_column")
        seen[key] = index


def write(path: str | Path, header: list[str], rows: list[list[str]], delimiter: str = ";") -> Path:
    """A CSV that Excel opens as it is: UTF-8 with a BOM (Excel's sign for UTF-8), the given separator."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path

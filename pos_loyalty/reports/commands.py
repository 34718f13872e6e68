"""`pos-loyalty report`: the dashboard's numbers headless, as a text table, JSON, CSV files or a PDF."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from ..clock import parse_at, utcnow
from .build import INACTIVE_DAYS, build
from .export import write_csv, write_pdf
from .model import Report
from .period import KINDS, Period, PeriodError
from .tables import is_number, tables
from .texts import language, summary, text


def add_parser(sub) -> None:
    report = sub.add_parser(
        "report", help="the owner's report of a period: figures, or CSV files, or a PDF",
        description="The same numbers as the dashboard. Without --csv or --pdf it prints them (with --json: one "
                    "JSON object, money in minor units, times in UTC). A period is this calendar day, week (from "
                    "Monday), month, quarter or year, or the days --from to --to, both included.")
    report.add_argument("--period", choices=KINDS, help="this day, week, month, quarter or year (default: month)")
    report.add_argument("--from", dest="first", metavar="YYYY-MM-DD", help="first day of a custom period")
    report.add_argument("--to", dest="last", metavar="YYYY-MM-DD", help="last day of a custom period (included)")
    report.add_argument("--shop", metavar="ID", help="one shop's bookings and members (default: every shop)")
    report.add_argument("--lang", choices=("en", "de"), help="language of texts and files (default: the program's)")
    report.add_argument("--inactive-days", type=int, default=INACTIVE_DAYS, metavar="N",
                        help=f"members count as inactive after N days without a visit (default {INACTIVE_DAYS})")
    report.add_argument("--csv", type=Path, metavar="DIR", help="write every table to a CSV file in DIR")
    report.add_argument("--pdf", type=Path, metavar="FILE", help="write the whole report to a PDF file")
    report.add_argument("--at", metavar="ISO-8601", help="the report as it stood at this moment (default: now)")


def run(app, args: argparse.Namespace) -> dict:
    """Build the report the arguments ask for; write the files; return what to print."""
    program = app.program
    lang = language(args.lang or program.locale)
    now = parse_at(args.at, program.timezone) if args.at else utcnow()
    report = build(app, period_of(args, now.astimezone(program.zone).date()), args.shop, now=now,
                   inactive_days=args.inactive_days)
    files = []
    if args.csv:
        files += [str(p) for p in write_csv(report, args.csv, lang)]
    if args.pdf:
        files.append(str(write_pdf(report, args.pdf, lang)))
    if files:
        return {"files": files, "text": "\n".join(f"wrote {f}" for f in files)}
    if args.json:
        return report.as_dict()
    return {"text": text_table(report, lang)}


def period_of(args: argparse.Namespace, today: date) -> Period:
    if args.first or args.last:
        if not (args.first and args.last):
            raise PeriodError("A custom period needs both --from and --to (YYYY-MM-DD, both days included).")
        if args.period:
            raise PeriodError("Give either --period or --from/--to, not both.")
        return Period.custom(_day(args.first, "--from"), _day(args.last, "--to"))
    return Period.named(args.period or "month", today)


def _day(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise PeriodError(f"{option} {value!r} is not a date like 2026-03-01.") from None


def text_table(report: Report, lang: str) -> str:
    """The report for a terminal: a heading, the summary, then every table with aligned columns."""
    lang = language(lang)
    shop = report.shop_name or text("pdf.all_shops", lang)
    moment = report.generated_at.astimezone(ZoneInfo(report.timezone)).strftime("%Y-%m-%d %H:%M")
    lines = [f"{text('pdf.title', lang)}: {report.program_name} - {shop}",
             f"{report.period.label(lang)} ({report.period.start} - {report.period.last}), {moment}",
             f"{text('pdf.compared', lang)}: {report.compared.label(lang)}", "",
             summary(report, lang)]
    for name, (headers, rows) in tables(report, lang).items():
        if name in ("days", "hours") or not rows:
            continue  # 30 days or 24 hours across: the CSV files and the PDF hold those
        lines += ["", text(f"table.{name}", lang), _aligned(headers, rows)]
    return "\n".join(lines)


def _aligned(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(c)) for c in column) for column in zip(headers, *rows)]
    numeric = [all(is_number(r[i]) or not r[i] for r in rows) for i in range(len(headers))]

    def line(cells) -> str:
        return "  ".join(str(c).rjust(w) if numeric[i] else str(c).ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    return "\n".join([line(headers), "  ".join("-" * w for w in widths)] + [line(r) for r in rows])

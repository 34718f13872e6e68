"""Reports to files: every table to CSV, the whole dashboard to a PDF.

CSV: one file per table, named `report-<first day>[-to-<last day>]-<table>.csv`, UTF-8 with a byte-order mark (so
Excel opens umlauts and the euro sign right); fields separated by "," in English and by ";" in German, where
Excel expects that because "," is the decimal mark. The cells are those of `tables()`.

PDF (reportlab): A4, the bundled DejaVu Sans embedded (it has the euro sign and umlauts); a title block (program,
shop, period, what it is compared with, when it was made), the summary, the key figures, every chart, then the
tables, long ones flowing over pages with their header repeated; "Page n of m" at the foot of every page.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from xml.sax.saxutils import escape

from ..errors import LoyaltyError
from ..paths import resource
from .charts import charts_for
from .model import Report
from .tables import is_number, tables
from .texts import language, number, summary, text, weekdays

FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
DPI = 200
_MARGIN = 18 * mm


class ExportError(LoyaltyError):
    code = "export_failed"


def file_stem(report: Report) -> str:
    period = report.period
    last = f"-to-{period.last.isoformat()}" if period.days > 1 else ""
    return f"report-{period.start.isoformat()}{last}"


def write_csv(report: Report, directory: str | Path, lang: str) -> list[Path]:
    """One CSV file per table in `directory` (made if missing); returns the files written."""
    directory = Path(directory)
    delimiter = ";" if language(lang) == "de" else ","
    written = []
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for name, (headers, rows) in tables(report, lang).items():
            path = directory / f"{file_stem(report)}-{name}.csv"
            with path.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle, delimiter=delimiter)
                writer.writerow(headers)
                writer.writerows(rows)
            written.append(path)
    except OSError as exc:
        raise ExportError(f"Could not write the CSV files to {directory}: {exc.strerror or exc}.") from None
    return written


def write_pdf(report: Report, path: str | Path, lang: str) -> Path:
    """The dashboard as a PDF: title block, summary, key figures, charts, tables, page numbers."""
    path = Path(path)
    _register_fonts()
    styles = _styles()
    story = _title_block(report, lang, styles)
    story += [Paragraph(escape(summary(report, lang)), styles["summary"]), Spacer(1, 4 * mm)]
    all_tables = tables(report, lang)
    story += _table_section(text("table.figures", lang), *all_tables.pop("figures"), styles, widths=(0.55, 0.15,
                                                                                                    0.15, 0.15))
    width = A4[0] - 2 * _MARGIN
    for make in charts_for(report).values():
        figure = make(report, lang)
        picture = io.BytesIO()
        figure.savefig(picture, format="png", dpi=DPI)
        inches = figure.get_size_inches()
        picture.seek(0)
        story += [Image(picture, width=width, height=width * inches[1] / inches[0]), Spacer(1, 3 * mm)]
    hours = all_tables.pop("hours")
    for name, (headers, rows) in all_tables.items():
        note = None
        if name == "inactive" and report.inactive_count > len(rows):
            note = text("pdf.first_rows", lang, rows=number(len(rows), lang), total=number(report.inactive_count,
                                                                                          lang))
        if name == "inactive":  # the start of the customer number finds the customer; the CSV has it whole
            rows = [[row[0][:8] + "…", *row[1:]] for row in rows]
        story += _table_section(text(f"table.{name}", lang), headers, rows, styles, note=note)
        if name == "days":  # the hours read better as 24 rows of weekdays than as 25 columns across A4
            story += _table_section(text("table.hours", lang), *_hours_down(report, hours, lang), styles)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        document = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=_MARGIN, rightMargin=_MARGIN,
                                     topMargin=_MARGIN, bottomMargin=_MARGIN, title=text("pdf.title", lang),
                                     author=report.program_name, subject=report.period.label(language(lang)))
        document.build(story, canvasmaker=_numbered(text("pdf.page", lang, page="{page}", pages="{pages}")))
    except OSError as exc:
        raise ExportError(f"Could not write the PDF to {path}: {exc.strerror or exc}.") from None
    return path


def _register_fonts() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(resource("fonts", "DejaVuSans.ttf"))))
        pdfmetrics.registerFont(TTFont(BOLD, str(resource("fonts", "DejaVuSans-Bold.ttf"))))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=18, leading=22, spaceAfter=2 * mm),
        "heading": ParagraphStyle("heading", parent=body, fontName=BOLD, fontSize=12, leading=15, spaceBefore=4 * mm,
                                  spaceAfter=2 * mm, keepWithNext=1),
        "summary": ParagraphStyle("summary", parent=body, fontSize=11, leading=15),
        "body": body,
        "cell": ParagraphStyle("cell", parent=body, fontSize=7.5, leading=9),
        "number": ParagraphStyle("number", parent=body, fontSize=7.5, leading=9, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", parent=body, fontName=BOLD, fontSize=7.5, leading=9),
        "head_number": ParagraphStyle("head_number", parent=body, fontName=BOLD, fontSize=7.5, leading=9,
                                      alignment=TA_RIGHT),
    }


def _title_block(report: Report, lang: str, styles) -> list:
    lang = language(lang)
    made = format_datetime(report.generated_at.astimezone(ZoneInfo(report.timezone)), "medium", locale=lang)
    period = report.period
    span = f"{period.label(lang)} ({period.start.isoformat()} – {period.last.isoformat()})"
    lines = [(text("pdf.shop", lang), report.shop_name or text("pdf.all_shops", lang)),
             (text("pdf.period", lang), span), (text("pdf.compared", lang), report.compared.label(lang)),
             (text("pdf.generated", lang), made)]
    facts = Table([[Paragraph(escape(k), styles["head"]), Paragraph(escape(v), styles["body"])] for k, v in lines],
                  colWidths=(35 * mm, None), hAlign="LEFT")
    facts.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    title = f"{text('pdf.title', lang)}: {report.program_name}"
    return [Paragraph(escape(title), styles["title"]), facts, Spacer(1, 4 * mm)]


def _table_section(title: str, headers: list[str], rows: list[list[str]], styles, widths=None, note=None) -> list:
    """A heading and a table whose header row repeats on every page it runs over."""
    width = A4[0] - 2 * _MARGIN
    numeric = [all(is_number(r[i]) for r in rows if r[i]) and any(r[i] for r in rows) for i in range(len(headers))]
    data = [[Paragraph(escape(h), styles["head_number" if numeric[i] else "head"]) for i, h in enumerate(headers)]]
    data += [[Paragraph(escape(c), styles["number" if numeric[i] else "cell"]) for i, c in enumerate(row)]
             for row in rows]
    columns = [width * w for w in widths] if widths else _fit(headers, rows, width)
    table = Table(data, colWidths=columns, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF4")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F6F8FA")]),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor("#0072B2")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    out = [Paragraph(escape(title), styles["heading"]), table]
    if note:
        out.append(Paragraph(escape(note), styles["body"]))
    return out


def _fit(headers: list[str], rows: list[list[str]], width: float) -> list[float]:
    """Column widths from what they hold: a column as wide as its longest cell (headers may wrap between words),
    none wider than 40 % of the page; a table wider than the page shrinks to fit it (its text wraps)."""
    def measure(text_: str, font: str) -> float:
        return pdfmetrics.stringWidth(text_, font, 7.5) + 14  # 6 + 6 of cell padding, and a little air

    natural = [min(max([measure(w, BOLD) for w in h.split()] + [measure(r[i], FONT) for r in rows]), 0.4 * width)
               for i, h in enumerate(headers)]
    return [w * min(1.0, width / sum(natural)) for w in natural]


def _hours_down(report: Report, table: tuple[list[str], list[list[str]]], lang: str):
    """The hours table turned: one row per hour that had a visit, one column per weekday."""
    rows = table[1]
    busy = [h for h in range(24) if any(day[h] for day in report.hours)]
    return ([text("column.time", lang), *weekdays(lang, "abbreviated")],
            [[f"{h:02d}:00", *(row[h + 1] for row in rows)] for h in busy])



def _numbered(template: str):
    """A canvas that writes 'Page n of m' once it knows m (it keeps every page until the document is done)."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(FONT, 8)
                self.setFillColor(colors.HexColor("#555555"))
                self.drawRightString(A4[0] - _MARGIN, 10 * mm,
                                     template.format(page=self._pageNumber, pages=total))
                super().showPage()
            super().save()

    return NumberedCanvas

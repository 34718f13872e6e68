"""Reports out of the app: CSV files read back to the same tables, a PDF that opens and says it all, the charts."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from datetime import date

import pytest
from matplotlib.figure import Figure
from PySide6.QtPdf import QPdfDocument

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.reports import Period, build, tables
from pos_loyalty.reports.charts import CHARTS, charts_for
from pos_loyalty.reports.export import write_csv, write_pdf
from pos_loyalty.reports.model import InactiveRow
from pos_loyalty.reports.texts import TEXTS, summary
from test_reports import NOW, book_shop


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    app = book_shop(tmp_path_factory.mktemp("export") / "shop")
    try:
        yield build(app, Period.named("month", date(2026, 3, 1)), now=NOW)
    finally:
        app.close()


@pytest.mark.parametrize(("lang", "delimiter"), [("en", ","), ("de", ";")])
def test_csv_files_read_back_to_the_tables(report, tmp_path, lang, delimiter):
    files = write_csv(report, tmp_path / "csv", lang)
    shown = tables(report, lang)
    assert [f.name for f in files] == [f"report-2026-03-01-to-2026-03-31-{name}.csv" for name in shown]
    for path, (headers, rows) in zip(files, shown.values()):
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
        with path.open(encoding="utf-8-sig", newline="") as handle:
            read = list(csv.reader(handle, delimiter=delimiter))
        assert read == [headers] + rows
    days = dict(zip(shown, files))["days"].read_text(encoding="utf-8-sig")
    assert ("31.03.2026;" if lang == "de" else "2026-03-31,") in days
    money = [r[4] for r in shown["days"][1] if r[4] != ("0,00" if lang == "de" else "0.00")]
    assert money and all(re.fullmatch(r"\d+,\d\d" if lang == "de" else r"\d+\.\d\d", m) for m in money)


def test_csv_into_a_file_instead_of_a_folder_is_refused(report, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(LoyaltyError) as error:
        write_csv(report, blocker, "en")
    assert error.value.code == "export_failed"


def _pdf_text(path) -> tuple[int, list[str]]:
    document = QPdfDocument()
    document.load(str(path))
    pages = [document.getAllText(i).text() for i in range(document.pageCount())]
    return document.pageCount(), [" ".join(p.replace("\u00a0", " ").split()) for p in pages]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_pdf_opens_and_holds_the_report(report, tmp_path, lang):
    path = write_pdf(report, tmp_path / "report.pdf", lang)
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert b"DejaVuSans" in data and b"FontFile2" in data  # the font is embedded, with its euro sign and umlauts
    count, pages = _pdf_text(path)
    assert count >= 3
    everything = " ".join(pages)
    assert " ".join(summary(report, lang).replace("\u00a0", " ").split()) in everything
    for i, page in enumerate(pages, 1):
        footer = f"Page {i} of {count}" if lang == "en" else f"Seite {i} von {count}"
        assert footer in page
    for name in tables(report, lang):
        assert TEXTS[lang][f"table.{name}"] in everything
    assert ("März 2026" if lang == "de" else "March 2026") in pages[0]


def test_long_tables_flow_over_pages_with_their_header(report, tmp_path):
    rows = tuple(InactiveRow(f"customer-{n:03d}", f"Kundin {n}", date(2026, 1, 1), 100 + n, n, n * 100, 0, n, 0)
                 for n in range(100))
    long = replace(report, inactive=rows, inactive_count=250)
    count, pages = _pdf_text(write_pdf(long, tmp_path / "long.pdf", "en"))
    holding = [p for p in pages if "Kundin " in p]
    assert len(holding) >= 2
    # The header row again on every page of the table (its titles wrap onto two lines, read line by line).
    assert all("Customer" in p and "number" in p and "Spend" in p for p in holding)
    assert "The first 100 of 250 are listed." in " ".join(pages)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_chart_explains_itself(report, tmp_path, lang):
    words = TEXTS[lang]
    for name, make in CHARTS.items():
        figure = make(report, lang)
        assert isinstance(figure, Figure)
        axes = figure.axes[0]
        title = axes.get_title(loc="left")
        assert title and title.split()[0] in words[f"chart.{name}"], name
        assert axes.get_xlabel() and axes.get_ylabel(), name
        picture = io.BytesIO()
        figure.savefig(picture, format="png", dpi=100)
        assert picture.getvalue().startswith(b"\x89PNG"), name
    visits = CHARTS["visits"](report, lang).axes[0]
    ticks = " ".join(t.get_text() for t in visits.get_xticklabels())
    assert ("März" if lang == "de" else "Mar") in ticks
    assert [t.get_text() for t in visits.get_legend().get_texts()] == [words["legend.members"],
                                                                      words["legend.anonymous"]]
    hours = CHARTS["hours"](report, lang)
    assert hours.axes[0].get_yticklabels()[0].get_text() == ("Mo." if lang == "de" else "Mon")


def test_a_program_without_tiers_has_no_tier_chart(report):
    plain = replace(report, tiers=())
    assert "tiers" not in charts_for(plain) and "tiers" in charts_for(report)
    texts = [t.get_text() for t in CHARTS["tiers"](plain, "en").axes[0].texts]
    assert "This program has no tiers" in texts

"""The report's date charts: their date labels never overlap, at the dashboard's half width and on the PDF page."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from pos_loyalty.reports import Period
from pos_loyalty.reports.charts import SIZE, enrollments_chart, visits_chart
from pos_loyalty.reports.model import Day, Kpis, Report, Split

DPI = 110  # ui/widgets/chart_canvas.py draws at this many dots per inch
HALF = (470, 380)  # pixels: a chart beside another in the smallest window (1024 wide); a wider one has more room
NOW = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)


def _report(period: Period) -> Report:
    days = tuple(Day(d, Split(d.day % 7 + 3, 2), Split(1000, 500), d.day % 3) for d in period.dates())
    return Report(period=period, shop_id=None, shop_name="", program_name="Café", currency="EUR",
                  timezone="Europe/Berlin", generated_at=NOW, as_of=NOW, inactive_days=60, kpis=Kpis(),
                  previous=Kpis(), compared=period.comparison(NOW.replace(tzinfo=None)), daily=days)


def _labels(figure, width: float, height: float, dpi: float) -> list:
    """The date labels shown, drawn at width x height pixels."""
    figure.set_dpi(dpi)
    figure.set_size_inches(width / dpi, height / dpi)
    FigureCanvasAgg(figure).draw()
    axes = figure.axes[0]
    low, high = axes.get_xlim()
    return [label for label, tick in zip(axes.get_xticklabels(), axes.get_xticks())
            if label.get_text() and label.get_visible() and low <= tick <= high]


PERIODS = {"day": Period.named("today", date(2026, 11, 23)), "week": Period.named("week", date(2026, 11, 23)),
           "month": Period.named("month", date(2026, 11, 23)), "quarter": Period.named("quarter", date(2026, 11, 23)),
           "year": Period.named("year", date(2026, 11, 23)),
           "custom": Period.custom(date(2026, 1, 5), date(2026, 2, 18))}
SIZES = {"half": (*HALF, DPI), "wide": (1000, 420, DPI), "pdf": (SIZE[0] * 200, SIZE[1] * 200, 200)}


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("period", list(PERIODS))
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("chart", [visits_chart, enrollments_chart], ids=["visits", "enrollments"])
def test_date_labels_never_overlap(chart, size, period, lang):
    figure = chart(_report(PERIODS[period]), lang)
    labels = _labels(figure, *SIZES[size])
    boxes = [label.get_window_extent() for label in labels]
    assert boxes, "no date on the axis"
    for left, right in zip(boxes, boxes[1:]):
        assert left.x1 < right.x0, f"{labels[0].get_text()!r} ... overlap"
    width = figure.bbox.width
    assert boxes[0].x0 >= 0 and boxes[-1].x1 <= width  # none cut off at the edges


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_month_at_half_width_still_shows_a_date_a_week(lang):
    """Fewer labels, not none: a month has at least four, the first day among them; a year names its months."""
    month = _labels(visits_chart(_report(PERIODS["month"]), lang), *HALF, DPI)
    assert len(month) >= 4 and month[0].get_text() == {"en": "Nov 1", "de": "1. Nov."}[lang]
    year = [label.get_text() for label in _labels(visits_chart(_report(PERIODS["year"]), lang), *HALF, DPI)]
    assert len(year) >= 4 and year[0] == "Jan"

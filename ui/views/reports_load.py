"""The reports dashboard's background work: build a report from its own connection, then its texts and charts.

Runs on a worker thread (ui/tasks.py), so it opens its own Loyalty and touches no widget: matplotlib Figure objects
(no pyplot) are plain data until a canvas on the GUI thread draws them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from matplotlib.figure import Figure

from pos_loyalty.program import Program
from pos_loyalty.reports import Period, Report, build, shops, tables
from pos_loyalty.reports.charts import charts_for
from pos_loyalty.reports.texts import summary
from pos_loyalty.service import Loyalty


@dataclass(frozen=True)
class Loaded:
    """One report, worded and drawn in `lang`."""

    report: Report
    program: Program
    lang: str
    summary: str
    figures: dict[str, Figure]  # the charts this program has something for (no tier chart without tiers)
    tables: dict[str, tuple[list[str], list[list[str]]]]
    shops: tuple[tuple[str, str], ...]  # (shop id, name) of every shop in the data


def load(data_dir: Path, period: Period, shop_id: str | None, inactive_days: int, lang: str) -> Loaded:
    app = Loyalty(data_dir)
    try:
        report = build(app, period, shop_id, inactive_days=inactive_days)
        program = app.program
        shop_list = tuple(shops(app))
    finally:
        app.close()
    return render(report, program, shop_list, lang)


def render(report: Report, program: Program, shop_list: tuple[tuple[str, str], ...], lang: str) -> Loaded:
    """The texts and charts of a report in `lang` (a language switch needs only this, not the database again)."""
    figures = {name: make(report, lang) for name, make in charts_for(report).items()}
    return Loaded(report, program, lang, summary(report, lang), figures, tables(report, lang), shop_list)

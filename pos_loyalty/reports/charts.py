"""The report's charts as matplotlib Figures (no pyplot: safe in worker threads), titled and labelled in en/de.

Each function returns a new `matplotlib.figure.Figure`; draw it with a Qt canvas, or save it with
`figure.savefig(file, dpi=200)` (the Agg backend, no display needed). Colours are the colour-blind safe
Okabe-Ito pair (blue / orange) and a single-hue heat map; dates are written the language's way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from babel.dates import format_skeleton
from matplotlib import rcParams
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath
from matplotlib.ticker import FuncFormatter, Locator, MaxNLocator

from .model import Day, Report
from .tables import FUNNEL_STAGES
from .texts import language, number, percent, text, weekdays

BLUE, ORANGE, GREY, GREEN, RED = "#0072B2", "#E69F00", "#9AA5B1", "#009E73", "#D55E00"
SIZE = (8.0, 3.6)  # inches: readable on screen and as wide as an A4 page's text at 200 dpi


def visits_chart(report: Report, lang: str) -> Figure:
    """Visits per day (or week, or month, for long periods): identified members and anonymous cards stacked."""
    step, buckets = _buckets(report.daily)
    members = [sum(d.visits.members for d in days) for _, days in buckets]
    anonymous = [sum(d.visits.anonymous for d in days) for _, days in buckets]
    fig, ax = _figure(text("chart.visits", lang, step=text(f"step.{step}", lang)))
    x = range(len(buckets))
    ax.bar(x, members, color=BLUE, label=text("legend.members", lang), width=0.8)
    ax.bar(x, anonymous, bottom=members, color=ORANGE, label=text("legend.anonymous", lang), width=0.8)
    _date_axis(ax, [start for start, _ in buckets], step, lang)
    ax.set_ylabel(text("axis.visits", lang))
    if sum(members) + sum(anonymous):
        _legend(ax, max(m + a for m, a in zip(members, anonymous)))
    else:
        _empty(ax, lang)
    _group_digits(ax.yaxis, lang)
    return fig


def enrollments_chart(report: Report, lang: str) -> Figure:
    """New members per day (or week, or month)."""
    step, buckets = _buckets(report.daily)
    counts = [sum(d.enrolled for d in days) for _, days in buckets]
    fig, ax = _figure(text("chart.enrollments", lang, step=text(f"step.{step}", lang)))
    ax.bar(range(len(buckets)), counts, color=GREEN, width=0.8)
    _date_axis(ax, [start for start, _ in buckets], step, lang)
    ax.set_ylabel(text("axis.new_members", lang))
    if not sum(counts):
        _empty(ax, lang)
    _group_digits(ax.yaxis, lang)
    return fig


def funnel_chart(report: Report, lang: str) -> Figure:
    """Enrolled -> visited -> visited again -> reached a reward -> redeemed, for the period's new members."""
    counts = [getattr(report.funnel, stage) for stage in FUNNEL_STAGES]
    fig, ax = _figure(text("chart.funnel", lang))
    labels = [text(f"stage.{stage}", lang) for stage in FUNNEL_STAGES]
    y = range(len(labels))
    ax.barh(y, counts, color=[BLUE, BLUE, BLUE, GREEN, GREEN], height=0.65)
    ax.set_yticks(list(y), labels)
    ax.invert_yaxis()  # the first stage on top
    ax.set_xlabel(text("axis.members", lang))
    ax.set_ylabel(text("column.stage", lang))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    _group_digits(ax.xaxis, lang)
    top = max(counts) or 1
    ax.set_xlim(0, top * 1.25)
    for i, count in enumerate(counts):
        share = f" ({percent(count / counts[0], lang)})" if counts[0] and i else ""
        ax.text(count + top * 0.01, i, number(count, lang) + share, va="center", fontsize=9)
    if not counts[0]:
        _empty(ax, lang)
    return fig


def tiers_chart(report: Report, lang: str) -> Figure:
    """Members per tier now; beside each, how many moved up or down into it during the period."""
    tiers = [t for t in report.tiers if t.threshold is not None]
    fig, ax = _figure(text("chart.tiers", lang))
    x = range(len(tiers))
    ax.bar([i - 0.2 for i in x], [t.members for t in tiers], width=0.4, color=BLUE, label=text("axis.members", lang))
    ax.bar([i + 0.1 for i in x], [t.moved_up for t in tiers], width=0.2, color=GREEN,
           label=text("legend.moved_up", lang))
    ax.bar([i + 0.3 for i in x], [t.moved_down for t in tiers], width=0.2, color=RED,
           label=text("legend.moved_down", lang))
    ax.set_xticks(list(x), [t.name for t in tiers])
    ax.set_xlabel(text("column.tier", lang))
    ax.set_ylabel(text("axis.members", lang))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    for i, tier in enumerate(tiers):
        ax.text(i - 0.2, tier.members, number(tier.members, lang), ha="center", va="bottom", fontsize=9)
    _group_digits(ax.yaxis, lang)
    if tiers:
        _legend(ax, max(max(t.members, t.moved_up, t.moved_down) for t in tiers))
    else:
        ax.text(0.5, 0.5, text("chart.no_tiers", lang), transform=ax.transAxes, ha="center", va="center",
                color=GREY, fontsize=11)
    return fig


def hours_chart(report: Report, lang: str) -> Figure:
    """Busiest hours: a weekday x hour heat map of visits in shop time (the hours with any visit)."""
    fig, ax = _figure(text("chart.hours", lang))
    busy = [h for h in range(24) if any(row[h] for row in report.hours)]
    first, last = (busy[0], busy[-1]) if busy else (8, 19)
    grid = [list(row[first:last + 1]) for row in report.hours]
    image = ax.imshow(grid, aspect="auto", cmap="Blues", vmin=0, interpolation="nearest")
    ax.set_yticks(range(7), weekdays(lang, "abbreviated"))
    ax.set_xticks(range(last - first + 1), [f"{h:02d}" for h in range(first, last + 1)])
    ax.set_xlabel(text("axis.hour", lang))
    ax.set_ylabel(text("axis.weekday", lang))
    ax.spines[:].set_visible(False)
    bar = fig.colorbar(image, ax=ax, pad=0.01)
    bar.set_label(text("axis.visits", lang))
    bar.locator = MaxNLocator(integer=True)
    _group_digits(bar.ax.yaxis, lang)
    bar.update_ticks()
    if not busy:
        _empty(ax, lang)
    return fig


CHARTS: dict[str, Callable[[Report, str], Figure]] = {
    "visits": visits_chart, "enrollments": enrollments_chart, "funnel": funnel_chart, "tiers": tiers_chart,
    "hours": hours_chart}


def charts_for(report: Report) -> dict[str, Callable[[Report, str], Figure]]:
    """The charts that have something to show for this program (no tier chart without tiers)."""
    return {name: make for name, make in CHARTS.items() if name != "tiers" or report.tiers}


def _figure(title: str):
    fig = Figure(figsize=SIZE, layout="constrained")
    ax = fig.add_subplot()
    ax.set_title(title, loc="left", fontsize=12, fontweight="bold")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    return fig, ax


def _legend(ax, highest: int) -> None:
    """The legend in one row at the top, with headroom above the highest bar so it never covers one."""
    ax.set_ylim(0, max(highest, 1) * 1.3)
    ax.legend(loc="upper left", ncols=3, frameon=False, fontsize=9)


def _group_digits(axis, lang: str) -> None:
    axis.set_major_formatter(FuncFormatter(lambda value, _: number(int(value), lang) if value == int(value) else ""))


def _empty(ax, lang: str) -> None:
    ax.text(0.5, 0.5, text("chart.empty", lang), transform=ax.transAxes, ha="center", va="center", color=GREY,
            fontsize=11)


def _buckets(days: tuple[Day, ...]) -> tuple[str, list[tuple[date, list[Day]]]]:
    """Days grouped so a chart has at most about 60 bars: by day, by week (from Monday) or by month."""
    step = "day" if len(days) <= 45 else "week" if len(days) <= 200 else "month"
    groups: dict[date, list[Day]] = {}
    for d in days:
        if step == "day":
            key = d.day
        elif step == "week":
            key = d.day - timedelta(days=d.day.weekday())
        else:
            key = d.day.replace(day=1)
        groups.setdefault(key, []).append(d)
    return step, list(groups.items())


# Labels every how many bars, by bar: daily bars a week apart next, weekly ones a month or a quarter apart, ...
_EVERY = {"day": (1, 2, 7, 14, 28), "week": (1, 2, 4, 13, 26), "month": (1, 2, 3, 6, 12)}
_GAP_EM = 1.0  # at least this much space (in widths of an "m") between two date labels


class _DateTicks(Locator):
    """A label under every n-th bar, n the smallest step that keeps the labels apart at the size the chart is
    drawn (the dashboard's half width, a full-width card or the PDF page): measured when drawn, not guessed."""

    def __init__(self, labels: list[str], step: str):
        self.labels, self.step = labels, step

    def __call__(self):
        return self.tick_values(0, len(self.labels) - 1)

    def tick_values(self, vmin, vmax):
        axes = self.axis.axes
        low, high = axes.get_xlim()
        per_bar = axes.get_window_extent().width / axes.figure.dpi * 72 / (high - low)  # points
        font = FontProperties(size=rcParams["xtick.labelsize"])
        measure = TextToPath()
        gap = measure.get_text_width_height_descent("m", font, ismath=False)[0] * _GAP_EM
        widest = max((measure.get_text_width_height_descent(label, font, ismath=False)[0]
                      for label in self.labels), default=0) + gap
        needed = widest / per_bar if per_bar > 0 else len(self.labels)
        every = next((n for n in _EVERY[self.step] if n >= needed), max(1, -int(-needed // 1)))
        return list(range(0, len(self.labels), every))


def _date_axis(ax, starts: list[date], step: str, lang: str) -> None:
    """Dates the language's way ('Mar 14' / '14. März'; months 'Mar' / 'März', with the year when the bars span
    several), as many as fit apart."""
    several_years = starts and starts[0].year != starts[-1].year
    skeleton = {"day": "MMMd", "week": "MMMd", "month": "MMMy" if several_years else "MMM"}[step]
    labels = [format_skeleton(skeleton, start, locale=language(lang)) for start in starts]
    ax.set_xlim(-0.6, len(starts) - 0.4)
    ax.xaxis.set_major_locator(_DateTicks(labels, step))
    ax.xaxis.set_major_formatter(FuncFormatter(
        lambda x, _: labels[int(round(x))] if 0 <= round(x) < len(labels) else ""))
    ax.set_xlabel(text("axis.date", lang))


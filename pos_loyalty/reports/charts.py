"""The report's charts as matplotlib Figures (no pyplot: safe in worker threads), titled and labelled in en/de."""

from __future__ import annotations

from matplotlib.figure import Figure

from .model import Report


def visits_chart(report: Report, lang: str) -> Figure:
    """Visits per day (or week, for long periods): members and anonymous card holders stacked."""
    raise NotImplementedError  # being written


def enrollments_chart(report: Report, lang: str) -> Figure:
    """New members per day (or week)."""
    raise NotImplementedError


def funnel_chart(report: Report, lang: str) -> Figure:
    """Enrolled -> visited -> visited again -> reached a first reward -> redeemed, for the period's new members."""
    raise NotImplementedError


def tiers_chart(report: Report, lang: str) -> Figure:
    """Members per tier, with the period's moves up and down."""
    raise NotImplementedError


def hours_chart(report: Report, lang: str) -> Figure:
    """Busiest hours: a weekday x hour heat map of visits in shop time."""
    raise NotImplementedError


CHARTS = {"visits": visits_chart, "enrollments": enrollments_chart, "funnel": funnel_chart, "tiers": tiers_chart,
          "hours": hours_chart}

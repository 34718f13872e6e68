"""Every table of a report as (headers, rows), for the screen and the CSV and PDF exports."""

from __future__ import annotations

from .model import Report


def tables(report: Report, lang: str) -> dict[str, tuple[list[str], list[list]]]:
    """name -> (headers, rows); filled in with the figures (work in progress)."""
    return {}

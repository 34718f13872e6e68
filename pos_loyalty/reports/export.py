"""Reports to files: every table to CSV, the whole dashboard to a PDF."""

from __future__ import annotations

from pathlib import Path

from .model import Report


def write_csv(report: Report, directory: str | Path, lang: str) -> list[Path]:
    """One CSV file per table; returns the files written."""
    raise NotImplementedError  # being written


def write_pdf(report: Report, path: str | Path, lang: str) -> Path:
    """The dashboard as a PDF: summary, figures, charts, tables, page numbers."""
    raise NotImplementedError  # being written

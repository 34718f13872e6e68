"""The words of the reports in English and German, as plain data (the core has no Qt), and the summary sentence."""

from __future__ import annotations

from .model import Report

TEXTS: dict[str, dict[str, str]] = {"en": {}, "de": {}}


def text(key: str, lang: str) -> str:
    return TEXTS["de" if lang == "de" else "en"][key]


def summary(report: Report, lang: str) -> str:
    """'34 new members this month, 12 more than last month; 58% reached a first reward within 90 days.'"""
    raise NotImplementedError  # being written

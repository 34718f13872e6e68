"""The owner's reports: figures of a period computed from the ledger, their tables, charts, summary and exports."""

from .build import build, shops
from .model import Report
from .period import Period
from .tables import tables

__all__ = ["Period", "Report", "build", "shops", "tables"]

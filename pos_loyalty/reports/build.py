"""Compute a Report from the ledger (work in progress: the data model is final, the figures are being filled in)."""

from __future__ import annotations

from datetime import datetime

from ..clock import utcnow
from ..service import Loyalty
from .model import Kpis, Report
from .period import Period, midnight

INACTIVE_DAYS = 60


def build(app: Loyalty, period: Period, shop_id: str | None = None, *, now: datetime | None = None,
          inactive_days: int = INACTIVE_DAYS) -> Report:
    now = now or utcnow()
    program = app.program
    as_of = min(now, midnight(period.end, program.zone))
    return Report(period=period, shop_id=shop_id, shop_name=app.shop_name() if shop_id is None else shop_id,
                  program_name=program.name, currency=program.currency, timezone=program.timezone,
                  generated_at=now, as_of=as_of, inactive_days=inactive_days, kpis=Kpis(), previous=Kpis(),
                  hours=tuple((0,) * 24 for _ in range(7)))

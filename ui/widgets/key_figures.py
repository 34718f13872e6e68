"""The dashboard's key figures: a tile per figure with its change since the period compared with, and a note.

Tiles the program gives no meaning (no stamps in a points-only shop) are left out; four a row, headline figures first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from babel.numbers import format_percent
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QGridLayout, QWidget

from .. import i18n
from ..i18n import fill
from .kpi_tile import BAD, FLAT, GOOD, KpiTile

if TYPE_CHECKING:
    from ..views.reports_load import Loaded

# The tiles, in the order shown (four a row): the headline figures first.
TILES = ("enrolled", "active", "visits", "revenue",
         "average_spend", "repeat", "lifetime", "first_reward",
         "time_to_reward", "liability", "stamps_issued", "stamps_redeemed",
         "points_issued", "points_redeemed", "expired", "cashback_issued",
         "cashback_redeemed", "donations")
COLUMNS = 4
FIRST_REWARD_AIM = 0.5  # the industry's aim: half of the new members reach a first reward within 90 days


class KeyFigures(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._loaded: Loaded | None = None
        self.tiles: dict[str, KpiTile] = {name: KpiTile(name) for name in TILES}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(14)
        self._place()
        self.retranslate()

    def retranslate(self) -> None:
        for name, tile in self.tiles.items():
            tile.set_caption(*self._caption(name))
        if self._loaded is not None:
            self.fill(self._loaded)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _caption(self, name: str) -> tuple[str, str]:
        return {
            "enrolled": (self.tr("New members"), self.tr("Customers who got a loyalty card in this period.")),
            "active": (self.tr("Active members"),
                       self.tr("Members with a visit in the 90 days up to the end of the period.")),
            "visits": (self.tr("Visits"), self.tr("Purchases booked on a loyalty card in this period.")),
            "revenue": (self.tr("Revenue"), self.tr("What customers with a loyalty card spent in this period.")),
            "average_spend": (self.tr("Average spend per visit"), self.tr("Revenue divided by visits.")),
            "repeat": (self.tr("Repeat-visit rate"),
                       self.tr("Of the customers who came in this period, the share who came twice or more.")),
            "lifetime": (self.tr("Lifetime value"),
                         self.tr("What a member has spent on average since they joined.")),
            "first_reward": (self.tr("First reward within 90 days"),
                             self.tr("Of the members who joined in this period, the share who reached their first "
                                     "reward within 90 days. Programs aim for at least half.")),
            "time_to_reward": (self.tr("Time to first reward"),
                               self.tr("On average, how long new members took to reach their first reward.")),
            "stamps_issued": (self.tr("Stamps issued"), self.tr("Stamps customers earned in this period.")),
            "stamps_redeemed": (self.tr("Stamps redeemed"),
                                self.tr("Stamps customers spent on rewards in this period.")),
            "points_issued": (self.tr("Points issued"), self.tr("Points customers earned in this period.")),
            "points_redeemed": (self.tr("Points redeemed"),
                                self.tr("Points customers spent on rewards in this period.")),
            "cashback_issued": (self.tr("Cashback issued"), self.tr("Cashback customers earned in this period.")),
            "cashback_redeemed": (self.tr("Cashback redeemed"),
                                  self.tr("Cashback customers took off their bills in this period.")),
            "liability": (self.tr("Outstanding liability"),
                          self.tr("What customers could still redeem (stamps, points and cashback not yet used), "
                                  "in money: what the program owes them.")),
            "expired": (self.tr("Points expired"), self.tr("Points that ran out unused in this period.")),
            "donations": (self.tr("Donations"), self.tr("Rewards customers gave to a good cause in this period.")),
        }[name]


    def _money(self, minor: int | None) -> str:
        return "–" if minor is None else i18n.money(minor, self._loaded.program, self._loaded.report.currency)

    def _number(self, value: int | None) -> str:
        return "–" if value is None else i18n.number(value, self._loaded.program)

    def _percent(self, rate: float | None) -> str:
        return "–" if rate is None else format_percent(rate, locale=i18n.locale_of(self._loaded.program))

    def _days(self, days: float | None) -> str:
        return "–" if days is None else self.tr("%Ln day(s)", "", round(days))

    def _change(self, now, before, show, good_when_up: bool | None = True) -> tuple[str, str]:
        """('▲ up from 22', GOOD): how a figure moved since the period before, coloured by what that means."""
        if now is None or before is None:
            return "", FLAT
        if show(now) == show(before):
            return self.tr("= same as before"), FLAT
        up = now > before
        trend = FLAT if good_when_up is None else (GOOD if up == good_when_up else BAD)
        text = self.tr("▲ up from %1") if up else self.tr("▼ down from %1")
        return fill(text, show(before)), trend

    def fill(self, loaded: Loaded) -> None:
        self._loaded = loaded
        report = loaded.report
        now, before = report.kpis, report.previous
        n, money, pct = self._number, self._money, self._percent
        figures = {
            "enrolled": (n(now.members_enrolled), self._change(now.members_enrolled, before.members_enrolled, n),
                         ""),
            "active": (n(now.active_members), self._change(now.active_members, before.active_members, n),
                       fill(self.tr("of %1 members"), n(report.members_total))),
            "visits": (n(now.visits.total), self._change(now.visits.total, before.visits.total, n),
                       fill(self.tr("%1 by identified members, %2 by anonymous cards"), n(now.visits.members),
                            n(now.visits.anonymous))),
            "revenue": (money(now.revenue.total), self._change(now.revenue.total, before.revenue.total, money),
                        fill(self.tr("%1 from identified members"), money(now.revenue.members))),
            "average_spend": (money(now.average_spend),
                              self._change(now.average_spend, before.average_spend, money), ""),
            "repeat": (pct(now.repeat_visit_rate),
                       self._change(now.repeat_visit_rate, before.repeat_visit_rate, pct), ""),
            "lifetime": (money(report.lifetime_value), ("", FLAT),
                         fill(self.tr("members stay %1 on average"), self._days(report.average_membership_days))
                         if report.average_membership_days is not None else ""),
            "first_reward": (pct(now.first_reward_share),
                             self._change(now.first_reward_share, before.first_reward_share, pct),
                             self._first_reward_note(now)),
            "time_to_reward": (self._days(now.days_to_first_reward),
                               self._change(now.days_to_first_reward, before.days_to_first_reward, self._days,
                                            good_when_up=False), ""),
            "stamps_issued": (n(now.stamps_issued), self._change(now.stamps_issued, before.stamps_issued, n), ""),
            "stamps_redeemed": (n(now.stamps_redeemed),
                                self._change(now.stamps_redeemed, before.stamps_redeemed, n),
                                self._rate_note(now.stamp_redemption_rate)),
            "points_issued": (n(now.points_issued), self._change(now.points_issued, before.points_issued, n), ""),
            "points_redeemed": (n(now.points_redeemed),
                                self._change(now.points_redeemed, before.points_redeemed, n),
                                self._rate_note(now.point_redemption_rate)),
            "cashback_issued": (money(now.cashback_issued),
                                self._change(now.cashback_issued, before.cashback_issued, money), ""),
            "cashback_redeemed": (money(now.cashback_redeemed),
                                  self._change(now.cashback_redeemed, before.cashback_redeemed, money),
                                  self._rate_note(now.cashback_redemption_rate)),
            "liability": (money(report.liability_value), ("", FLAT), self._liability_note(report)),
            "expired": (n(now.points_expired),
                        self._change(now.points_expired, before.points_expired, n, good_when_up=False), ""),
            "donations": (n(now.donations), self._change(now.donations, before.donations, n),
                          fill(self.tr("%1 points, worth %2"), n(now.donated_points), money(now.donated_value))
                          if now.donations else ""),
        }
        for name, (value, (change, trend), note) in figures.items():
            self.tiles[name].set_figures(value, change, trend, note)
        self._place(self._relevant(loaded))

    def _first_reward_note(self, kpis) -> str:
        aim = fill(self.tr("Aim: at least %1"), self._percent(FIRST_REWARD_AIM))
        if not kpis.first_reward_cohort:
            return aim
        reached = fill(self.tr("%1 of %2 new members"), self._number(kpis.first_reward_reached),
                       self._number(kpis.first_reward_cohort))
        pending = (" " + self.tr("(%Ln still have time)", "", kpis.first_reward_pending)
                   if kpis.first_reward_pending else "")
        return f"{aim}\n{reached}{pending}"

    def _rate_note(self, rate: float | None) -> str:
        return "" if rate is None else fill(self.tr("Redemption rate: %1"), self._percent(rate))

    def _liability_note(self, report) -> str:
        parts = []
        if report.liability_stamps:
            parts.append(self.tr("%Ln stamp(s)", "", report.liability_stamps))
        if report.liability_points:
            parts.append(self.tr("%Ln point(s)", "", report.liability_points))
        if report.liability_cashback:
            parts.append(fill(self.tr("%1 cashback"), self._money(report.liability_cashback)))
        return ", ".join(parts)

    def _relevant(self, loaded: Loaded) -> list[str]:
        """Every tile the program (or the figures) give a meaning: no 'Stamps given: 0' for a points-only shop."""
        program, now, before, report = loaded.program, loaded.report.kpis, loaded.report.previous, loaded.report
        has = {
            "stamps": program.stamps is not None or any((now.stamps_issued, before.stamps_issued,
                                                          report.liability_stamps)),
            "points": program.points is not None or any((now.points_issued, before.points_issued,
                                                          report.liability_points)),
            "cashback": program.cashback is not None or any((now.cashback_issued, before.cashback_issued,
                                                              report.liability_cashback)),
            "donations": any(r.donation for r in program.rewards) or bool(now.donations or before.donations),
        }
        needs = {"stamps_issued": "stamps", "stamps_redeemed": "stamps", "points_issued": "points",
                 "points_redeemed": "points", "expired": "points", "cashback_issued": "cashback",
                 "cashback_redeemed": "cashback", "donations": "donations"}
        return [name for name in TILES if has.get(needs.get(name), True)]

    def _place(self, shown: list[str] | None = None) -> None:
        shown = list(TILES) if shown is None else shown
        for tile in self.tiles.values():
            self.grid.removeWidget(tile)
        for index, name in enumerate(shown):
            self.grid.addWidget(self.tiles[name], index // COLUMNS, index % COLUMNS)
        for name, tile in self.tiles.items():
            tile.setVisible(name in shown)
        for column in range(COLUMNS):
            self.grid.setColumnStretch(column, 1)

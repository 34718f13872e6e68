"""What a booking did, in words for the toast: "+1 stamp, +12 points", "Redeemed: Free bread", "Undone: …"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pos_loyalty.program import CASHBACK_REWARD, Program
from pos_loyalty.service import Receipt

from . import i18n


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Receipt", text, None, n)


def deltas(stamps: int, points: int, cashback: int, program: Program | None) -> str:
    """Signed changes, e.g. "+1 stamp, +12 points" or "−1 stamp"."""
    parts = []
    if stamps:
        parts.append(_sign(stamps) + i18n.plural(_tr("%n stamp(s)", abs(stamps)), abs(stamps)))
    if points:
        parts.append(_sign(points) + i18n.plural(_tr("%n point(s)", abs(points)), abs(points)))
    if cashback:
        parts.append(_sign(cashback) + i18n.fill(_tr("%1 cashback"), i18n.money(abs(cashback), program)))
    return ", ".join(parts)


def _sign(value: int) -> str:
    return "+" if value > 0 else "−"


def earned(receipt: Receipt, program: Program | None) -> str:
    text = deltas(receipt.stamps, receipt.points, receipt.cashback, program) or _tr("Booked; nothing earned this time.")
    own = (None, receipt.balance.customer_id)  # a referral bonus may go to someone else
    names = [b["name"] for b in receipt.bonuses if b.get("name") and b.get("customer") in own]
    if names:
        text += "  (" + ", ".join(dict.fromkeys(names)) + ")"
    if receipt.tier_change:
        text += "\n" + i18n.fill(_tr("New tier: %1"), receipt.tier_change)
    return text


def redeemed(receipt: Receipt, reward_id: str, program: Program | None) -> str:
    if reward_id == CASHBACK_REWARD:
        return i18n.fill(_tr("Cashback paid out: %1"), i18n.money(-receipt.cashback, program))
    reward = program.reward(reward_id) if program else None
    return i18n.fill(_tr("Redeemed: %1"), reward.name if reward else reward_id)


def undone(receipt: Receipt, program: Program | None) -> str:
    change = deltas(receipt.stamps, receipt.points, receipt.cashback, program)
    return _tr("Undone.") + (f"  {change}" if change else "")

"""What a booking did, in words for the toast: "+1 stamp, +12 points", "Redeemed: Free bread", "Undone: …"."""

from __future__ import annotations

from PySide6.QtCore import QObject

from pos_loyalty.program import CASHBACK_REWARD, Program
from pos_loyalty.service import Receipt

from . import i18n
from .i18n import fill


class ReceiptText(QObject):
    """Only the translation context of these texts: lupdate reads ReceiptText.tr(...) and its plural forms."""


def deltas(stamps: int, points: int, cashback: int, program: Program | None) -> str:
    """Signed changes, e.g. "+1 stamp, +12 points" or "−1 stamp"."""
    parts = []
    if stamps:
        parts.append(_sign(stamps) + ReceiptText.tr("%n stamp(s)", "", abs(stamps)))
    if points:
        parts.append(_sign(points) + ReceiptText.tr("%n point(s)", "", abs(points)))
    if cashback:
        parts.append(_sign(cashback) + fill(ReceiptText.tr("%1 cashback"), i18n.money(abs(cashback), program)))
    return ", ".join(parts)


def _sign(value: int) -> str:
    return "+" if value > 0 else "−"


def earned(receipt: Receipt, program: Program | None) -> str:
    text = (deltas(receipt.stamps, receipt.points, receipt.cashback, program)
            or ReceiptText.tr("Booked; nothing earned this time."))
    own = (None, receipt.balance.customer_id)  # a referral bonus may go to someone else
    names = [i18n.named(b["name"], program) for b in receipt.bonuses
             if b.get("name") and b.get("customer") in own]
    if names:
        text += "  (" + ", ".join(dict.fromkeys(names)) + ")"
    if receipt.tier_change:  # "Bronze → Silver", as the service writes it
        change = " → ".join(i18n.named(tier, program) for tier in receipt.tier_change.split(" → "))
        text += "\n" + fill(ReceiptText.tr("New tier: %1"), change)
    return text


def redeemed(receipt: Receipt, reward_id: str, program: Program | None) -> str:
    if reward_id == CASHBACK_REWARD:
        return fill(ReceiptText.tr("Cashback paid out: %1"), i18n.money(-receipt.cashback, program))
    reward = program.reward(reward_id) if program else None
    return fill(ReceiptText.tr("Redeemed: %1"), reward.name_in(i18n.language()) if reward else reward_id)


def undone(receipt: Receipt, program: Program | None) -> str:
    change = deltas(receipt.stamps, receipt.points, receipt.cashback, program)
    return ReceiptText.tr("Undone.") + (f"  {change}" if change else "")

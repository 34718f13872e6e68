"""Confirm a redemption; for cashback, ask how much (the full balance is proposed)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.money import parse_amount
from pos_loyalty.program import CASHBACK_REWARD, Program
from pos_loyalty.service import Balance

from .. import i18n
from ..i18n import editable_amount, fill, money
from ..messages import describe
from .parts import button_row, error_label
from ..theme import set_role


class RedeemDialog(QDialog):
    """confirm(amount or None) books it and may raise LoyaltyError, which is shown here (the dialog stays open)."""

    def __init__(self, title: str, detail: str, program: Program, confirm: Callable[[int | None], None], *,
                 cashback_available: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Redeem"))
        self.setMinimumWidth(560)
        self.program = program
        self._confirm = confirm
        heading = QLabel(title)
        set_role(heading, "title")
        heading.setWordWrap(True)
        info = QLabel(detail)
        set_role(info, "subtitle")
        info.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(16)
        layout.addWidget(heading)
        layout.addWidget(info)

        self.amount: QLineEdit | None = None
        if cashback_available is not None:
            self.amount = QLineEdit(editable_amount(cashback_available, program))
            self.amount.setObjectName("cashbackAmount")
            set_role(self.amount, "amount")
            self.amount.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.amount.selectAll()
            row = QHBoxLayout()
            row.addWidget(self.amount, 1)
            currency = QLabel(program.currency)
            set_role(currency, "metric")
            row.addWidget(currency)
            layout.addLayout(row)

        self.error = error_label()
        self.error.setObjectName("redeemError")
        layout.addWidget(self.error)

        buttons, self.ok_button = button_row(self, self.tr("Redeem"), self.tr("Cancel"), "confirmRedeem", self.submit)
        layout.addLayout(buttons)

    @classmethod
    def for_reward(cls, program: Program, reward_id: str, balance: Balance, confirm: Callable[[int | None], None],
                   parent: QWidget | None = None) -> "RedeemDialog":
        """The question for one reward of the program: what it costs, or (cashback) how much to pay out."""
        # RedeemDialog.tr spelled out: lupdate would file a bare tr(…) or cls.tr(…) under no or the wrong context.
        if reward_id == CASHBACK_REWARD:
            available = money(balance.cashback, program)
            detail = fill(RedeemDialog.tr("Available: %1. How much?"), available)
            return cls(RedeemDialog.tr("Pay out cashback?"), detail, program, confirm,
                       cashback_available=balance.cashback, parent=parent)
        reward = program.reward(reward_id)
        title = fill(RedeemDialog.tr("Redeem “%1”?"), reward.name_in(i18n.language()) if reward else reward_id)
        if reward and reward.cost_stamps:
            detail = RedeemDialog.tr("This takes %n stamp(s) from the card.", "", reward.cost_stamps)
        elif reward and reward.cost_points:
            detail = RedeemDialog.tr("This takes %n point(s).", "", reward.cost_points)
        else:
            detail = ""
        return cls(title, detail, program, confirm, parent=parent)

    def submit(self) -> None:
        try:
            amount = parse_amount(self.amount.text(), self.program.currency) if self.amount else None
            self._confirm(amount)
        except LoyaltyError as exc:
            self.error.setText(describe(exc, self.program))
            self.error.show()
            return
        self.accept()

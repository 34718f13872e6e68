"""The customer at the counter: name or Guest, tier, the stamp card, points, cashback, alerts and reward buttons."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_loyalty.cards import grouped
from pos_loyalty.program import CASHBACK_REWARD, Program
from pos_loyalty.service import Balance

from .. import i18n
from ..i18n import fill
from ..theme import set_role
from .stamp_card import StampCard

DANGER_ALERTS = {"negative_balance", "card_blocked"}


class CustomerPanel(QFrame):
    """show_balance(balance, program); a reward button emits reward_clicked(reward_id)."""

    reward_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        set_role(self, "panel")
        self.balance: Balance | None = None
        self.program: Program | None = None
        self._extra_alerts: tuple[str, ...] = ()
        self.reward_buttons: dict[str, QPushButton] = {}
        self.alert_labels: list[QLabel] = []

        self.name_label = QLabel()
        set_role(self.name_label, "name")
        self.name_label.setWordWrap(True)
        self.tier_label = QLabel()
        set_role(self.tier_label, "badge")
        self.card_label = QLabel()
        set_role(self.card_label, "hint")
        self.card_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        header = QHBoxLayout()
        header.addWidget(self.name_label, 1)
        header.addWidget(self.tier_label, 0, Qt.AlignTop)

        self.alerts_row = QHBoxLayout()
        self.alerts_row.setSpacing(10)
        self.alerts_row.addStretch(1)  # labels go in front of it

        self.stamp_card = StampCard()
        self.stamps_label = QLabel()
        set_role(self.stamps_label, "subtitle")
        self.stamps_label.setWordWrap(True)

        self.points_label, self.cashback_label = QLabel(), QLabel()
        metrics = QGridLayout()
        metrics.setHorizontalSpacing(40)
        self.points_caption, self.cashback_caption = QLabel(), QLabel()
        for column, (caption, value) in enumerate(((self.points_caption, self.points_label),
                                                  (self.cashback_caption, self.cashback_label))):
            set_role(caption, "hint")
            set_role(value, "metric")
            metrics.addWidget(caption, 0, column)
            metrics.addWidget(value, 1, column)
        metrics.setColumnStretch(2, 1)

        self.rewards_caption = QLabel()
        set_role(self.rewards_caption, "hint")
        self.rewards_box = QVBoxLayout()
        self.rewards_box.setSpacing(10)
        self.next_label = QLabel()
        set_role(self.next_label, "hint")
        self.next_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addWidget(self.card_label)
        layout.addLayout(self.alerts_row)
        layout.addWidget(self.stamp_card, 0, Qt.AlignLeft)
        layout.addWidget(self.stamps_label)
        layout.addLayout(metrics)
        layout.addWidget(self.rewards_caption)
        layout.addLayout(self.rewards_box)
        layout.addWidget(self.next_label)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.points_caption.setText(self.tr("Points"))
        self.cashback_caption.setText(self.tr("Cashback"))
        self.rewards_caption.setText(self.tr("Rewards available now"))
        if self.balance is not None and self.program is not None:
            self.show_balance(self.balance, self.program, extra_alerts=self._extra_alerts)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- filling ----

    def show_balance(self, balance: Balance, program: Program, *, new_stamps: int = 0,
                     extra_alerts: tuple[str, ...] = ()) -> None:
        self.balance, self.program, self._extra_alerts = balance, program, extra_alerts
        self.name_label.setText(balance.name or self.tr("Guest"))
        self.tier_label.setText(i18n.named(balance.tier, program) if balance.tier else "")
        self.tier_label.setVisible(bool(balance.tier))
        self.card_label.setText(fill(self.tr("Card %1"), grouped(balance.card)) if balance.card else "")
        self._show_alerts([*balance.alerts, *extra_alerts])
        self._show_stamps(balance, program, new_stamps)
        self.points_caption.setVisible(program.points is not None)
        self.points_label.setVisible(program.points is not None)
        self.points_label.setText(i18n.number(balance.points, program))
        self.cashback_caption.setVisible(program.cashback is not None)
        self.cashback_label.setVisible(program.cashback is not None)
        self.cashback_label.setText(i18n.money(balance.cashback, program))
        self._show_rewards(balance, program)

    def _show_stamps(self, balance: Balance, program: Program, new: int) -> None:
        size = balance.card_size
        shown = program.stamps is not None
        self.stamp_card.setVisible(shown and bool(size))
        self.stamps_label.setVisible(shown)
        if not shown:
            return
        if size:
            self.stamp_card.set_stamps(balance.stamps, size, new)
            text = fill(self.tr("%1 of %2 stamps"), min(max(balance.stamps, 0), size), size)
            if balance.stamps > size:
                text += " " + fill(self.tr("(+%1 on the next card)"), balance.stamps - size)
        else:
            text = self.tr("%n stamp(s)", "", balance.stamps)
        self.stamps_label.setText(text)

    def _show_alerts(self, alerts: list[str]) -> None:
        for label in self.alert_labels:
            label.deleteLater()
        self.alert_labels = []
        texts = {
            "birthday": self.tr("Birthday this week"),
            "reward_ready": self.tr("Reward ready"),
            "negative_balance": self.tr("Negative balance: check the sync conflict"),
            "card_blocked": self.tr("Card blocked"),
            "new_card": self.tr("New card: the first purchase starts it"),
        }
        for alert in dict.fromkeys(alerts):  # keep order, drop repeats
            label = QLabel(texts.get(alert, alert))
            set_role(label, "alert-danger" if alert in DANGER_ALERTS else "alert")
            label.setObjectName(f"alert-{alert}")
            self.alerts_row.insertWidget(self.alerts_row.count() - 1, label)
            self.alert_labels.append(label)

    def _show_rewards(self, balance: Balance, program: Program) -> None:
        for button in self.reward_buttons.values():
            button.deleteLater()
        self.reward_buttons = {}
        for reward_id in balance.rewards_available:
            button = QPushButton(self._reward_text(reward_id, balance, program))
            set_role(button, "reward")
            button.setObjectName(f"reward-{reward_id}")
            button.setCursor(Qt.PointingHandCursor)
            button.clicked.connect(lambda _=False, rid=reward_id: self.reward_clicked.emit(rid))
            self.rewards_box.addWidget(button)
            self.reward_buttons[reward_id] = button
        self.rewards_caption.setVisible(bool(self.reward_buttons))
        self.next_label.setText(self._next_reward(balance, program))
        self.next_label.setVisible(bool(self.next_label.text()))

    def _reward_text(self, reward_id: str, balance: Balance, program: Program) -> str:
        if reward_id == CASHBACK_REWARD:
            return fill(self.tr("Redeem cashback (%1 available)"), i18n.money(balance.cashback, program))
        reward = program.reward(reward_id)
        if reward is None:
            return reward_id
        if reward.cost_stamps:
            cost = self.tr("%n stamp(s)", "", reward.cost_stamps)
        else:
            cost = self.tr("%n point(s)", "", reward.cost_points)
        return fill(self.tr("Redeem: %1 (%2)"), reward.name_in(i18n.language()), cost)

    def _next_reward(self, balance: Balance, program: Program) -> str:
        """The closest reward not yet reached, so the cashier can say "two more visits"."""
        options = []
        for reward in program.rewards:
            if reward.id in balance.rewards_available:
                continue
            if reward.cost_stamps:
                options.append((1 - balance.stamps / reward.cost_stamps, reward, reward.cost_stamps - balance.stamps,
                                "stamps"))
            elif reward.cost_points:
                options.append((1 - balance.points / reward.cost_points, reward, reward.cost_points - balance.points,
                                "points"))
        if not options:
            return ""
        _, reward, missing, unit = min(options, key=lambda option: option[0])
        if unit == "stamps":
            text = self.tr("%n more stamp(s) to %1", "", missing)
        else:
            text = self.tr("%n more point(s) to %1", "", missing)
        return fill(text, reward.name_in(i18n.language()))

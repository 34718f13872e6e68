"""The editor's preview: what a purchase would earn under the program as it stands in the form.

It runs program_edit.preview(), the rules a checkout runs, on a made-up customer: the owner picks the amount, items,
tier, day and time, and whether it is the customer's birthday, a first visit or a recommended customer's first
purchase; the answer is in words ("earns +1 stamp, +25 points") with the multipliers and bonuses behind it.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from fractions import Fraction

from babel.dates import format_date
from babel.numbers import format_decimal
from PySide6.QtCore import QDate, QDateTime, QEvent, Qt, QTime, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFrame, QGridLayout, QLabel, QLineEdit, QScrollArea,
                               QTimeEdit, QVBoxLayout, QWidget)

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.money import parse_amount
from pos_loyalty.program import Program
from pos_loyalty.program_edit import REFERRER, Earned, preview

from .. import i18n
from ..i18n import fill
from ..messages import describe
from ..receipt_text import deltas
from ..theme import set_role
from .booking_bar import parse_items


class ProgramPreview(QFrame):
    """set_program(program or None: the form has a mistake); updated() after each new answer."""

    updated = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        set_role(self, "panel")
        self.setObjectName("programPreview")
        self.program: Program | None = None
        self.earned: Earned | None = None
        self.occasions: dict[QCheckBox, bool] = {}
        self.heading = QLabel()
        set_role(self.heading, "subtitle")
        self.heading.setWordWrap(True)
        self.amount = QLineEdit(i18n.editable_amount(1250))
        self.amount.setObjectName("previewAmount")
        self.items = QLineEdit()
        self.items.setObjectName("previewItems")
        self.items.setPlaceholderText("BIO-BREAD:4.20")
        self.tier = QComboBox()
        self.tier.setObjectName("previewTier")
        self.tier.setMinimumHeight(52)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setObjectName("previewDay")
        self.day.setCalendarPopup(True)
        self.day.setMinimumHeight(52)
        self.time = QTimeEdit(QTime(17, 30))
        self.time.setObjectName("previewTime")
        self.time.setDisplayFormat("HH:mm")
        self.time.setMinimumHeight(52)
        self.birthday, self.new_customer, self.referred = QCheckBox(), QCheckBox(), QCheckBox()
        for box, name in ((self.birthday, "previewBirthday"), (self.new_customer, "previewNew"),
                          (self.referred, "previewReferred")):
            box.setObjectName(name)
            box.toggled.connect(self.recompute)
        self.amount.textChanged.connect(self.recompute)
        self.items.textChanged.connect(self.recompute)
        self.tier.activated.connect(self.recompute)
        self.day.dateChanged.connect(self.recompute)
        self.time.timeChanged.connect(self.recompute)

        self.captions = [QLabel() for _ in range(5)]
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        # Amount | Time, then the day, the tier (when the program has tiers) and the items, each a line of its own.
        places = ((0, 0, 1), (6, 0, 2), (4, 0, 2), (2, 0, 2), (0, 1, 1))
        for caption, field, (row, column, span) in zip(self.captions, (self.amount, self.items, self.tier, self.day,
                                                                       self.time), places):
            set_role(caption, "hint")
            caption.setBuddy(field)
            grid.addWidget(caption, row, column, 1, span)
            grid.addWidget(field, row + 1, column, 1, span)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.sentence = QLabel()
        self.sentence.setObjectName("previewSentence")
        self.sentence.setWordWrap(True)
        self.result = QLabel()
        self.result.setObjectName("previewResult")
        set_role(self.result, "metric")
        self.result.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("previewDetails")
        self.details.setWordWrap(True)
        # The answer first, then what it is for: on a small screen the inputs scroll, the answer stays in sight.
        content = QWidget()
        content.setObjectName("previewContent")
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 6, 0)
        inner.setSpacing(8)
        inner.addWidget(self.sentence)
        inner.addWidget(self.result)
        inner.addWidget(self.details)
        inner.addSpacing(8)
        inner.addLayout(grid)
        for box in (self.birthday, self.new_customer, self.referred):
            inner.addWidget(box)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("previewScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 12, 14)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Preview"))
        for caption, text in zip(self.captions, (self.tr("Amount"), self.tr("Items (optional)"), self.tr("Tier"),
                                                 self.tr("Day"), self.tr("Time"))):
            caption.setText(text)
        self.day.setDisplayFormat("ddd d. MMM" if i18n.language() == "de" else "ddd d MMM")  # the year: below
        self.birthday.setText(self.tr("Birthday"))
        self.new_customer.setText(self.tr("New customer"))
        self.referred.setText(self.tr("Recommended, first purchase"))
        self._fill_tiers()
        self.recompute()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_program(self, program: Program | None) -> None:
        self.program = program
        self._fill_tiers()
        kinds = {b.kind for b in program.bonuses} if program else set()
        # Only the occasions the program rewards are offered (a hidden one counts as not ticked).
        self.occasions = {box: kind in kinds for box, kind in ((self.birthday, "birthday"),
                                                               (self.new_customer, "enrollment"),
                                                               (self.referred, "referral"))}
        for box, offered in self.occasions.items():
            box.setVisible(offered)
        self.recompute()

    def _fill_tiers(self) -> None:
        chosen = self.tier.currentData()
        self.tier.clear()
        levels = self.program.tiers.levels if self.program and self.program.tiers else ()
        for tier in levels:
            self.tier.addItem(tier.name_in(i18n.language()), tier.name)
        self.tier.setCurrentIndex(max(self.tier.findData(chosen), 0))
        for widget in (self.tier, self.captions[2]):
            widget.setVisible(bool(levels))

    def moment(self) -> datetime:
        """The chosen day and time in the shop's time zone."""
        chosen = QDateTime(self.day.date(), self.time.time()).toPython()
        return chosen.replace(tzinfo=self.program.zone)

    def recompute(self) -> None:
        program = self.program
        self.earned = None
        if program is None:
            self._show(self.tr("Correct the mistake in the program to see what a purchase earns."), "", "")
            return
        try:
            amount = parse_amount(self.amount.text(), program.currency)
            items = parse_items(self.items.text(), program.currency)
            if sum(i.price or 0 for i in items) > amount:
                raise LoyaltyError("The items cost more than the amount paid; check the prices.", code="bad_items")
        except LoyaltyError as exc:
            self._show(describe(exc, program), "", "")
            return
        at = self.moment()
        self.earned = earned = preview(
            program, amount, at, tuple(items), tier=self.tier.currentData(),
            birthday=self._ticked(self.birthday), new_customer=self._ticked(self.new_customer),
            referred=self._ticked(self.referred))
        self._show(self._sentence(amount, at), deltas(earned.stamps, earned.points, earned.cashback, program)
                   or self.tr("nothing"), "\n".join(self._details(earned)))

    def _ticked(self, box: QCheckBox) -> bool:
        return self.occasions.get(box, False) and box.isChecked()

    def _show(self, sentence: str, result: str, details: str) -> None:
        self.sentence.setText(sentence)
        self.result.setText(result)
        self.result.setVisible(bool(result))
        self.details.setText(details)
        self.details.setVisible(bool(details))
        self.updated.emit()

    def _sentence(self, amount: int, at: datetime) -> str:
        program = self.program
        money = i18n.money(amount, program)
        day = format_date(at.date(), "EEEE", locale=i18n.locale_of(program))
        when = i18n.day(at.date(), program)
        clock = at.strftime("%H:%M")
        if self.tier.count():
            return fill(self.tr("A purchase of %1 by a member of the %2 tier on %3, %4 at %5 earns:"), money,
                        self.tier.currentText(), day, when, clock)
        return fill(self.tr("A purchase of %1 on %2, %3 at %4 earns:"), money, day, when, clock)

    def _details(self, earned: Earned) -> list[str]:
        program = self.program
        lines = []
        for name, item, factor in earned.multipliers:
            exact = Fraction(factor)  # the engine writes it exactly: "2", "5/4"
            shown = format_decimal(Decimal(exact.numerator) / exact.denominator, locale=i18n.locale_of(program))
            if item:
                lines.append(fill(self.tr("× %1 %2 on %3"), shown, i18n.named(name, program), item))
            else:
                lines.append(fill(self.tr("× %1 %2"), shown, i18n.named(name, program)))
        for bonus in earned.bonuses:
            gift = deltas(bonus.stamps, bonus.points, bonus.cashback, program)
            name = i18n.named(bonus.reason, program)
            if bonus.customer == REFERRER:
                lines.append(fill(self.tr("%1: %2 for the customer who recommended"), name, gift))
            else:
                lines.append(fill(self.tr("%1: %2"), name, gift))
        return lines

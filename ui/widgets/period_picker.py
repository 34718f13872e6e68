"""Which period a report covers: Today … Year as one row of buttons, or a custom range with two date pickers."""

from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QButtonGroup, QDateEdit, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget)

from pos_loyalty.reports import Period
from pos_loyalty.reports.period import KINDS, PeriodError

from ..theme import set_role

CUSTOM = "custom"


def _date_format() -> str:
    """The locale's short date with a four-digit year ('dd.MM.yyyy', 'M/d/yyyy'): a report spans years."""
    short = QLocale().dateFormat(QLocale.ShortFormat)
    return short if "yyyy" in short else short.replace("yy", "yyyy")


class PeriodPicker(QWidget):
    """chosen() when a period button is pressed or a valid custom range is shown; period() is the one chosen.

    `today` is the shop's date now (asked each time: the app may stay open past midnight). A range the core refuses
    (the end before the start, longer than it allows) gets a message beside the dates, and nothing is reloaded.
    """

    chosen = Signal()

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("periodPicker")
        self.today = today
        self._period: Period = Period.named("month", today())
        self.buttons: dict[str, QPushButton] = {}
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        row = QHBoxLayout()
        row.setSpacing(0)
        for kind in (*KINDS, CUSTOM):
            button = QPushButton()
            button.setObjectName(f"period_{kind}")
            button.setCheckable(True)
            button.setAutoDefault(False)
            set_role(button, "segment")
            self.group.addButton(button)
            self.buttons[kind] = button
            row.addWidget(button)
        set_role(self.buttons[KINDS[0]], "segment-first")
        set_role(self.buttons[CUSTOM], "segment-last")
        self.buttons["month"].setChecked(True)  # the owner's natural unit: "how did this month go?"
        self.group.buttonClicked.connect(self._clicked)

        self.custom = QWidget()
        self.custom.setObjectName("customRange")
        self.from_label, self.to_label = QLabel(), QLabel()
        self.first, self.last = QDateEdit(), QDateEdit()
        for field, name, value in ((self.first, "customFirst", self._period.start),
                                   (self.last, "customLast", self._period.last)):
            field.setObjectName(name)
            field.setCalendarPopup(True)
            field.setDate(QDate(value))
        self.from_label.setBuddy(self.first)
        self.to_label.setBuddy(self.last)
        self.show_button = QPushButton()
        self.show_button.setObjectName("showCustom")
        set_role(self.show_button, "primary")
        self.show_button.setAutoDefault(False)
        self.show_button.clicked.connect(self.apply_custom)
        self.error = QLabel()
        self.error.setObjectName("periodError")
        set_role(self.error, "error")
        self.error.setWordWrap(True)
        self.error.hide()
        for field in (self.first, self.last):
            field.dateChanged.connect(lambda _d: self.error.hide())
        custom = QHBoxLayout(self.custom)
        custom.setContentsMargins(0, 0, 0, 0)
        custom.setSpacing(10)
        for widget in (self.from_label, self.first, self.to_label, self.last, self.show_button):
            custom.addWidget(widget)
        custom.addWidget(self.error, 1)
        for key in (Qt.Key_Return, Qt.Key_Enter):  # Enter in a date field shows the range, like the button
            enter = QShortcut(QKeySequence(key), self.custom)
            enter.setContext(Qt.WidgetWithChildrenShortcut)
            enter.activated.connect(self.apply_custom)
        self.custom.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(row)
        layout.addWidget(self.custom)
        self.retranslate()

    def retranslate(self) -> None:
        for kind, text in zip((*KINDS, CUSTOM), (self.tr("Today"), self.tr("This week"), self.tr("This month"),
                                                  self.tr("This quarter"), self.tr("This year"),
                                                  self.tr("Custom …"))):
            self.buttons[kind].setText(text)
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.show_button.setText(self.tr("Show"))
        for field in (self.first, self.last):
            field.setLocale(QLocale())
            field.setDisplayFormat(_date_format())
        if self.error.isVisible():
            self.error.setText(self._refusal())  # the refusal again, in the new language

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def kind(self) -> str:
        return next(kind for kind, button in self.buttons.items() if button.isChecked())

    def period(self) -> Period:
        """The period chosen last; a named one is worked out again from today's date."""
        if self._period.kind != CUSTOM:
            self._period = Period.named(self._period.kind, self.today())
        return self._period

    def choose(self, kind: str) -> None:
        """Press a period button (as a click does)."""
        self.buttons[kind].setChecked(True)
        self._clicked(self.buttons[kind])

    def set_range(self, first: date, last: date) -> bool:
        """Type a custom range and press Show; False (and the message shown) when it is refused."""
        self.buttons[CUSTOM].setChecked(True)
        self.custom.show()
        self.first.setDate(QDate(first))
        self.last.setDate(QDate(last))
        return self.apply_custom()

    def _clicked(self, button: QPushButton) -> None:
        custom = button is self.buttons[CUSTOM]
        self.custom.setVisible(custom)
        if custom:
            self.first.setFocus()  # the range is picked first; Show loads it
        else:
            self.error.hide()
            self._period = Period.named(self.kind(), self.today())
            self.chosen.emit()

    def _dates(self) -> tuple[date, date]:
        return self.first.date().toPython(), self.last.date().toPython()

    def _refusal(self) -> str:
        first, last = self._dates()
        if last < first:
            return self.tr("The end date is before the start date. Pick an end on or after the start.")
        return self.tr("That range is too long for one report. Pick a shorter range.")

    def apply_custom(self) -> bool:
        try:
            period = Period.custom(*self._dates())
        except PeriodError:
            self.error.setText(self._refusal())
            self.error.show()
            return False
        self.error.hide()
        self._period = period
        self.chosen.emit()
        return True

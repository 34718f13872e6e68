"""Pieces of the import wizard: the fields and row problems in words, its tables, page frames and progress relay."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from pos_loyalty import importer

from ..i18n import fill
from ..theme import set_role

_CONTEXT = "ImportCustomersDialog"  # one translation context for the whole wizard

FIELD_NAMES = {
    "name": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Name"),
    "first_name": QT_TRANSLATE_NOOP("ImportCustomersDialog", "First name"),
    "last_name": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Last name"),
    "email": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Email"),
    "phone": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Phone"),
    "birthday": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Birthday"),
    "stamps": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Stamps"),
    "points": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Points"),
    "cashback": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Cashback"),
    "old_card": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Old card number"),
    "consent_email": QT_TRANSLATE_NOOP("ImportCustomersDialog", "Agrees to emails"),
    importer.IGNORE: QT_TRANSLATE_NOOP("ImportCustomersDialog", "Not imported"),
}
# %1 is what the cell says, %2 what the problem points at (another line, an existing customer, a count).
PROBLEMS = {
    "bad_email": QT_TRANSLATE_NOOP("ImportCustomersDialog", "“%1” is not an email address"),
    "bad_phone": QT_TRANSLATE_NOOP("ImportCustomersDialog", "“%1” is not a phone number"),
    "excel_number": QT_TRANSLATE_NOOP(
        "ImportCustomersDialog", "“%1”: Excel turned the phone number into a number; format the column as text "
                                 "and save the file again"),
    "bad_date": QT_TRANSLATE_NOOP("ImportCustomersDialog", "“%1” is not a date like 23.04.1990"),
    "impossible_date": QT_TRANSLATE_NOOP("ImportCustomersDialog", "“%1” is not a day of the calendar"),
    "implausible_birthday": QT_TRANSLATE_NOOP("ImportCustomersDialog", "%1 is not a plausible birthday"),
    "bad_count": QT_TRANSLATE_NOOP("ImportCustomersDialog", "“%1” is not a whole number"),
    "negative": QT_TRANSLATE_NOOP("ImportCustomersDialog", "“%1” is negative"),
    "too_large": QT_TRANSLATE_NOOP("ImportCustomersDialog", "“%1” is too large to be right"),
    "bad_money": QT_TRANSLATE_NOOP("ImportCustomersDialog", "“%1” is not an amount of money like 12,50"),
    "bad_consent": QT_TRANSLATE_NOOP("ImportCustomersDialog", "“%1” is neither yes nor no"),
    "no_identity": QT_TRANSLATE_NOOP("ImportCustomersDialog", "no name, email, phone or card number"),
    "too_many_fields": QT_TRANSLATE_NOOP(
        "ImportCustomersDialog", "%2 field(s) more than the header (a separator inside a field without quotes?)"),
    "same_as_line": QT_TRANSLATE_NOOP("ImportCustomersDialog", "the same customer as line %2"),
    "card_twice": QT_TRANSLATE_NOOP("ImportCustomersDialog", "card number %1 is also in line %2"),
    "existing_customer": QT_TRANSLATE_NOOP("ImportCustomersDialog", "already a customer: %2"),
}


def field_name(field: str) -> str:
    return QCoreApplication.translate(_CONTEXT, FIELD_NAMES[field])


def problem_text(problem: importer.Problem) -> str:
    """A row's problem in the UI's language (the core's English text if the code is new to the UI)."""
    text = PROBLEMS.get(problem.code)
    return fill(QCoreApplication.translate(_CONTEXT, text), problem.value, problem.ref) if text else problem.message


class Progress(QObject):
    """(done, total) from a background job to the dialog. The job's closure owns it, not the dialog: a job that
    outlives its dialog reports into a void instead of into a deleted object."""

    changed = Signal(int, int)


def table(headers: list[str], name: str) -> QTableWidget:
    out = QTableWidget(0, len(headers))
    out.setObjectName(name)
    out.setHorizontalHeaderLabels(headers)
    out.verticalHeader().hide()
    out.setEditTriggers(QAbstractItemView.NoEditTriggers)
    out.setSelectionBehavior(QAbstractItemView.SelectRows)
    out.setAlternatingRowColors(True)
    out.setWordWrap(False)
    out.setTextElideMode(Qt.ElideMiddle)
    out.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    return out


def fill_table(widget: QTableWidget, headers: list[str], rows: list[list[str]], right: tuple[int, ...] = (),
               stretch: tuple[int, ...] = ()) -> None:
    """Replace the table's columns and rows. The `stretch` columns share the width the others leave and elide
    (each cell's tooltip holds its whole text): no sideways scrolling."""
    widget.clear()
    widget.setColumnCount(len(headers))
    widget.setHorizontalHeaderLabels(headers)
    widget.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if c in right:
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            widget.setItem(r, c, item)
    header = widget.horizontalHeader()
    for c in range(len(headers)):
        header.setSectionResizeMode(c, QHeaderView.Stretch if c in stretch else QHeaderView.ResizeToContents)


def page(title: str, *widgets: QWidget) -> tuple[QWidget, QVBoxLayout]:
    """A wizard page: its title, then the widgets; the caller adds the rest (stretch, buttons)."""
    out = QWidget()
    layout = QVBoxLayout(out)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(12)
    heading = QLabel(title)
    set_role(heading, "title")
    layout.addWidget(heading)
    for widget in widgets:
        layout.addWidget(widget)
    return out, layout


def text(role: str = "hint", name: str = "", words: str = "") -> QLabel:
    label = QLabel(words)
    set_role(label, role)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def button(words: str, name: str, slot, role: str = "") -> QPushButton:
    out = QPushButton(words)
    out.setObjectName(name)
    out.setAutoDefault(bool(role))
    if role:
        set_role(out, role)
    out.clicked.connect(slot)
    return out


def button_row(*buttons: QPushButton | None) -> QHBoxLayout:
    """Buttons left to right; None is the gap between going back and going on."""
    row = QHBoxLayout()
    for widget in buttons:
        if widget is None:
            row.addStretch(1)
        else:
            row.addWidget(widget)
    return row

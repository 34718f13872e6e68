"""The owner's customer list: search, then edit, block or re-issue the card, merge, or read the history."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.service import Loyalty
from pos_loyalty.staff import StaffMember

from ..dialogs.card import CardDialog
from ..dialogs.card_reason import CardReasonDialog
from ..dialogs.customer_edit import CustomerEditDialog
from ..dialogs.history import HistoryDialog
from ..dialogs.import_customers import ImportCustomersDialog
from ..dialogs.merge import MergeDialog
from ..dialogs.privacy import EraseDataDialog, ExportDataDialog
from ..i18n import fill
from ..messages import describe
from ..models.customer_table import CARD, EMAIL, CustomerTableModel
from ..theme import set_role


class CustomersView(QWidget):
    """changed() after anything was written (the status bar recounts unsynced events)."""

    changed = Signal()

    def __init__(self, service: Loyalty, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("customers")
        self.service = service
        self.staff: StaffMember | None = None
        self.dialog: QDialog | None = None
        self.model = CustomerTableModel(service, self)

        self.search = QLineEdit()
        self.search.setObjectName("customerSearch")
        self.search.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.run_search)
        self.search.textEdited.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.run_search)

        self.table = QTableView()
        self.table.setObjectName("customerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        for column in (EMAIL, CARD):  # the long ones share what is left and elide in the middle
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.Stretch)
        self.table.setTextElideMode(Qt.ElideMiddle)
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.model.modelReset.connect(self._update_buttons)

        self.empty = QLabel()
        set_role(self.empty, "hint")
        self.message = QLabel()
        self.message.setObjectName("customersMessage")
        set_role(self.message, "hint")
        self.message.setWordWrap(True)

        self.edit_button, self.block_button, self.reissue_button = QPushButton(), QPushButton(), QPushButton()
        self.merge_button, self.history_button = QPushButton(), QPushButton()
        actions = QVBoxLayout()  # a column beside the table: a row of five German labels is wider than the window
        actions.setSpacing(8)
        for button, name, slot in ((self.edit_button, "edit", self.edit),
                                   (self.history_button, "history", self.history),
                                   (self.merge_button, "merge", self.merge),
                                   (self.reissue_button, "reissue", self.reissue),
                                   (self.block_button, "block", self.block)):
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            actions.addWidget(button)
        actions.addStretch(1)
        self.import_button = QPushButton()  # for the whole list, not the selected customer: at the bottom
        self.import_button.setObjectName("importCustomers")
        self.import_button.setAutoDefault(False)
        self.import_button.clicked.connect(self.import_customers)
        actions.addWidget(self.import_button)

        # The customer's rights (GDPR) in a row under the table: the column beside it is full.
        self.export_button, self.erase_button = QPushButton(), QPushButton()
        rights = QHBoxLayout()
        for button, name, slot in ((self.export_button, "exportData", self.export_data),
                                   (self.erase_button, "eraseData", self.erase_data)):
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            rights.addWidget(button)
        rights.addStretch(1)
        self.export_path = None  # where the export dialog proposes to save (None: Documents); tests set it
        listing = QVBoxLayout()
        listing.addWidget(self.table, 1)
        listing.addLayout(rights)
        row = QHBoxLayout()
        row.setSpacing(14)
        row.addLayout(listing, 1)
        row.addLayout(actions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.search)
        layout.addLayout(row, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.message)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search: name, phone, email, card"))
        self.edit_button.setText(self.tr("Edit …"))
        self.history_button.setText(self.tr("History …"))
        self.merge_button.setText(self.tr("Merge …"))
        self.reissue_button.setText(self.tr("Re-issue card …"))
        self.block_button.setText(self.tr("Block card …"))
        self.export_button.setText(self.tr("Export data …"))
        self.export_button.setToolTip(self.tr("Everything held about the customer as a file, for them (GDPR)"))
        self.erase_button.setText(self.tr("Erase …"))
        self.erase_button.setToolTip(self.tr("Erase the customer's personal data at their request (GDPR)"))
        self.import_button.setText(self.tr("Import …"))
        self.import_button.setToolTip(self.tr("Import customers from a CSV file (a paper card list, another app)"))
        self.empty.setText(self.tr("Type a name, phone number, email or card number to find customers."))
        self.model.headerDataChanged.emit(Qt.Horizontal, 0, self.model.columnCount() - 1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_staff(self, staff: StaffMember | None) -> None:
        self.staff = staff

    # ---- list ----

    def run_search(self) -> None:
        self._timer.stop()
        self.model.search(self.search.text())
        self.empty.setVisible(self.model.rowCount() == 0)
        if self.model.rowCount():
            self.table.selectRow(0)

    def find(self, text: str) -> None:
        """A scanned or typed card (or any search text) into the search field, and search."""
        self.search.setText(text.strip())
        self.run_search()

    def refresh(self, select: str | None = None) -> None:
        selected = select or self.selected()
        self.model.refresh()
        row = self.model.row_of(selected) if selected else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.customer_id(rows[0].row()) if rows else None

    def select(self, customer_id: str) -> None:
        row = self.model.row_of(customer_id)
        if row >= 0:
            self.table.selectRow(row)

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        for button in (self.edit_button, self.block_button, self.reissue_button, self.merge_button,
                       self.history_button, self.export_button, self.erase_button):
            button.setEnabled(has)

    def _name(self, customer_id: str) -> str:
        return self.service.customer(customer_id).get("name") or self.tr("Guest")

    # ---- actions ----

    def _open(self, dialog: QDialog, on_accept=None) -> QDialog:
        self.dialog = dialog
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        if on_accept is not None:
            dialog.accepted.connect(on_accept)
        dialog.finished.connect(lambda _r, d=dialog: self._closed(d))
        dialog.open()
        return dialog

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.window().activateWindow()  # keys (and so the scanner) go to the active window only

    def edit(self) -> QDialog | None:
        customer_id = self.selected()
        if customer_id is None:
            return None
        dialog = CustomerEditDialog(self.service, customer_id, self)
        return self._open(dialog, lambda: (self.refresh(customer_id), self.changed.emit()))

    def history(self) -> QDialog | None:
        customer_id = self.selected()
        return None if customer_id is None else self._open(HistoryDialog(self.service, customer_id, self))

    def merge(self) -> QDialog | None:
        customer_id = self.selected()
        if customer_id is None or self.staff is None:
            return None
        dialog = MergeDialog(self.service, self.staff, customer_id, self)

        def merged() -> None:
            self.message.setText(fill(self.tr("Merged. %1 keeps both balances."), self._name(dialog.kept)))
            self.refresh(dialog.kept)
            self.changed.emit()

        return self._open(dialog, merged)

    def export_data(self) -> QDialog | None:
        customer_id = self.selected()
        if customer_id is None or self.staff is None:
            return None
        name = self._name(customer_id)
        dialog = ExportDataDialog(self.service, self.staff, customer_id, name, self, self.export_path)
        return self._open(dialog, lambda: self.message.setText(
            fill(self.tr("The data of %1 is saved in %2."), name, str(dialog.saved))))

    def erase_data(self) -> QDialog | None:
        customer_id = self.selected()
        if customer_id is None or self.staff is None:
            return None
        name = self._name(customer_id)
        dialog = EraseDataDialog(self.service, self.staff, customer_id, name, self)

        def erased() -> None:
            self.message.setText(fill(self.tr("The personal data of %1 is erased and the cards are blocked; the "
                                              "bookings' figures stay."), name))
            self.refresh()
            self.changed.emit()

        return self._open(dialog, erased)

    def import_customers(self) -> QDialog | None:
        if self.staff is None:
            return None
        dialog = ImportCustomersDialog(self.service, self.staff, self)

        def imported(count: int) -> None:
            self.message.setText(self.tr("Imported %Ln customer(s). Search for them by name, phone, email or old "
                                         "card number.", "", count))
            self.refresh()
            self.changed.emit()

        dialog.imported.connect(imported)
        return self._open(dialog)

    def block(self) -> QDialog | None:
        """Asks why (lost, stolen, ...), then blocks the active card; the reason shows when the card is scanned."""
        customer_id = self.selected()
        card = self.service.customer(customer_id).get("card") if customer_id else None
        if not card:
            self.message.setText(self.tr("This customer has no active card."))
            return None
        dialog = CardReasonDialog(self.tr("Block card"), fill(self.tr(
            "Block the card of %1? It will be refused at the counter; the balance stays on the account."),
            self._name(customer_id)), self.tr("Block card"), self)

        def blocked() -> None:
            try:
                self.service.block_card(card, dialog.reason())
            except LoyaltyError as exc:
                self.message.setText(describe(exc))
                return
            self.message.setText(fill(self.tr("The card of %1 is blocked. Re-issue a card to go on collecting."),
                                      self._name(customer_id)))
            self.refresh(customer_id)
            self.changed.emit()

        return self._open(dialog, blocked)

    def reissue(self) -> QDialog | None:
        """Asks why the old card goes, then issues the new one and shows it (print, PNG)."""
        customer_id = self.selected()
        if customer_id is None:
            return None
        dialog = CardReasonDialog(self.tr("Re-issue card"), fill(self.tr(
            "Give %1 a new card? The old card is blocked; the balance moves to the new one."),
            self._name(customer_id)), self.tr("New card"), self)

        def reissued() -> None:
            try:
                token = self.service.reissue_card(customer_id, dialog.reason())
            except LoyaltyError as exc:
                self.message.setText(describe(exc))
                return
            self.message.setText(fill(self.tr("%1 has a new card; the old one is blocked."), self._name(customer_id)))
            self.refresh(customer_id)
            self.changed.emit()
            self._open(CardDialog(token, self.service.shop_name(), self._name(customer_id), self))

        return self._open(dialog, reissued)

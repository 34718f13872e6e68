"""A customer's data on request: a copy of it as a file (export), or its erasure, said plainly before it happens.

Both run off the GUI thread on their own connection (an erasure scans the search tokens) and are recorded in the
audit by pos_loyalty.privacy.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos_loyalty import privacy
from pos_loyalty.service import Loyalty
from pos_loyalty.staff import StaffMember

from ..i18n import fill
from ..messages import describe
from ..tasks import run_in_background
from ..theme import set_role
from .parts import button_row, error_label


def _with_own_app(data_dir: Path, work):
    """Background work gets its own Loyalty: the GUI's connection belongs to the GUI thread."""
    app = Loyalty(data_dir)
    try:
        return work(app)
    finally:
        app.close()


def default_export_path(folder: Path | None = None) -> Path:
    folder = folder or next((p for p in (Path.home() / "Documents", Path.home()) if p.is_dir()), Path.cwd())
    return folder / f"customer-data-{date.today().isoformat()}.json"


class _Base(QDialog):
    def __init__(self, service: Loyalty, staff: StaffMember, customer_id: str, name: str, parent: QWidget | None):
        super().__init__(parent)
        self.data_dir, self.staff, self.customer_id, self.name = service.data_dir, staff, customer_id, name
        self.setMinimumWidth(720)
        self.error = error_label()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(28, 24, 28, 24)
        self.layout_.setSpacing(12)

    def fit(self) -> None:
        """Wrapped labels need the height their lines take at the dialog's width; Qt's first guess is shorter."""
        self.setMinimumHeight(self.layout_.totalHeightForWidth(self.minimumWidth()))

    def heading(self, text: str) -> None:
        label = QLabel(text)
        set_role(label, "title")
        self.layout_.addWidget(label)

    def text(self, text: str, role: str | None = None, name: str = "") -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setObjectName(name)
        if role:
            set_role(label, role)
        self.layout_.addWidget(label)
        return label

    def failed(self, exc: BaseException) -> None:
        self.confirm.setEnabled(True)
        self.error.setText(describe(exc))
        self.error.show()


class ExportDataDialog(_Base):
    """Saves everything held about the customer as a JSON file; `saved` is its path once accepted."""

    def __init__(self, service: Loyalty, staff: StaffMember, customer_id: str, name: str,
                 parent: QWidget | None = None, path: Path | None = None):
        super().__init__(service, staff, customer_id, name, parent)
        self.setObjectName("exportDataDialog")
        self.setWindowTitle(self.tr("Export customer data"))
        self.saved: Path | None = None
        self.heading(self.tr("Export customer data"))
        self.text(fill(self.tr("Everything this shop holds about %1 goes into one file: the details, the cards, "
                               "every booking with its figures, and the record of exports and erasures."), name))
        self.text(self.tr("Hand the file to the customer and do not keep copies: it is not encrypted."), "hint")
        self.path = QLineEdit(str(path or default_export_path()))
        self.path.setObjectName("exportPath")
        choose = QPushButton(self.tr("Choose …"))
        choose.setObjectName("chooseExportPath")
        choose.setAutoDefault(False)
        choose.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        self.layout_.addLayout(row)
        self.layout_.addWidget(self.error)
        buttons, self.confirm = button_row(self, self.tr("Save file"), self.tr("Cancel"), "saveExport", self.submit)
        self.layout_.addLayout(buttons)
        self.fit()

    def choose(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the customer's data"), self.path.text(),
                                                self.tr("JSON files (*.json)"))
        if chosen:
            self.path.setText(chosen)

    def submit(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.error.setText(self.tr("Choose where to save the file."))
            self.error.show()
            return
        path = Path(text).expanduser()
        self.confirm.setEnabled(False)
        staff, customer_id = self.staff, self.customer_id
        run_in_background(lambda: _with_own_app(self.data_dir, lambda app: privacy.save_export(
            app, customer_id, path, staff)), self._finished, self.failed)

    def _finished(self, path: Path) -> None:
        self.saved = path
        self.accept()


class EraseDataDialog(_Base):
    """Names the customer, says what goes and what stays, asks why; erases once confirmed (`result_` then)."""

    def __init__(self, service: Loyalty, staff: StaffMember, customer_id: str, name: str,
                 parent: QWidget | None = None):
        super().__init__(service, staff, customer_id, name, parent)
        self.setObjectName("eraseDataDialog")
        self.setWindowTitle(self.tr("Erase customer data"))
        self.result_: dict | None = None
        self.heading(self.tr("Erase customer data"))
        self.text(fill(self.tr("Erase the personal data of %1? This cannot be undone."), name), None, "question")
        self.text(self.tr("What goes"), "subtitle")
        self.text(self.tr("Name, email, phone number, birthday and email consent, and notes staff typed about them. "
                          "Their cards are blocked: the customer is forgotten here."))
        self.text(self.tr("What stays"), "subtitle")
        self.text(self.tr("The account number and the figures of every booking (amounts, stamps, points, cashback), "
                          "for the books. Nothing in them names the person."))
        self.text(self.tr("The other tills and the server erase it too when they next sync."), "hint")
        self.reason = QLineEdit()
        self.reason.setObjectName("eraseReason")
        self.reason.setMaxLength(120)
        self.reason.setPlaceholderText(self.tr("Why? E.g. asked at the counter (no names)"))
        self.layout_.addWidget(self.reason)
        self.layout_.addWidget(self.error)
        buttons, self.confirm = button_row(self, self.tr("Erase"), self.tr("Cancel"), "confirmErase", self.submit,
                                           default=False)
        self.confirm.setAutoDefault(False)  # Enter in the reason field must not erase: a click does
        self.layout_.addLayout(buttons)
        self.fit()

    def submit(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            self.error.setText(self.tr("Write why the data is erased (it is kept in the record, without names)."))
            self.error.show()
            self.reason.setFocus()
            return
        self.confirm.setEnabled(False)
        staff, customer_id = self.staff, self.customer_id
        run_in_background(lambda: _with_own_app(self.data_dir, lambda app: privacy.erase(
            app, customer_id, staff, reason)), self._finished, self.failed)

    def _finished(self, result: dict) -> None:
        self.result_ = result
        self.accept()

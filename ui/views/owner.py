"""The owner area: Reports, Customers and Staff tabs and the way back to the counter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from pos_loyalty.service import Loyalty
from pos_loyalty.staff import StaffMember

from ..theme import set_role
from .customers import CustomersView
from .messages import MessagesView
from .program_editor import ProgramEditor
from .reports import ReportsView
from .staff import StaffView


class OwnerView(QWidget):
    back = Signal()
    changed = Signal()

    def __init__(self, service: Loyalty, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("owner")
        self.service = service
        self.title = QLabel()
        set_role(self.title, "title")
        self.back_button = QPushButton()
        self.back_button.setObjectName("backToCounter")
        set_role(self.back_button, "primary")
        self.back_button.clicked.connect(self.back)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.back_button)
        self.reports = ReportsView(service)
        self.customers = CustomersView(service)
        self.staff_view = StaffView(service)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("ownerTabs")
        self.tabs.addTab(self.reports, "")  # first: "how is the program doing?" is what the owner comes for
        self.tabs.addTab(self.customers, "")
        self.tabs.addTab(self.staff_view, "")
        self.program_editor = ProgramEditor(service)
        self.tabs.addTab(self.program_editor, "")
        self.program_editor.saved.connect(self.changed)
        self.messages = MessagesView(service)
        self.tabs.addTab(self.messages, "")
        self.messages.changed.connect(self.changed)
        # A card scanned in the owner area lands in the customer search (see the main window): show its result.
        self.customers.model.modelReset.connect(lambda: self.tabs.setCurrentWidget(self.customers))
        self.customers.changed.connect(self.changed)
        self.staff_view.changed.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        escape = QShortcut(QKeySequence(Qt.Key_Escape), self)
        escape.setContext(Qt.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Owner"))
        self.back_button.setText(self.tr("Back to the counter  (Esc)"))
        self.tabs.setTabText(self.tabs.indexOf(self.reports), self.tr("Reports"))
        self.tabs.setTabText(self.tabs.indexOf(self.customers), self.tr("Customers"))
        self.tabs.setTabText(self.tabs.indexOf(self.staff_view), self.tr("Staff"))
        self.tabs.setTabText(self.tabs.indexOf(self.program_editor), self.tr("Program"))
        self.tabs.setTabText(self.tabs.indexOf(self.messages), self.tr("Messages"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open_for(self, owner: StaffMember) -> None:
        self.customers.set_staff(owner)
        self.staff_view.refresh()
        self.program_editor.open_for(owner)
        self.tabs.setCurrentWidget(self.reports)
        self.reports.take_focus()
        self.reports.refresh()  # bookings since the last visit count too

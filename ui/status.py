"""The status bar: who is signed in (and Sign out), online/offline, unsynced events, last sync."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QWidget

from pos_loyalty.service import Loyalty
from pos_loyalty.staff import StaffMember

from .i18n import fill


class StatusBar(QStatusBar):
    """refresh() is cheap to call often: updates are coalesced on a short timer, like Electrum's 'needs update'."""

    sign_out_requested = Signal()

    def __init__(self, service: Loyalty, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.setSizeGripEnabled(False)
        self.staff_label = QLabel(self.tr("Not signed in"))
        self.staff_label.setObjectName("staffLabel")
        self.sign_out = QPushButton(self.tr("Sign out"))
        self.sign_out.setObjectName("signOut")
        self.sign_out.clicked.connect(self.sign_out_requested)
        self.sign_out.hide()
        # The sync issue replaces these placeholders with the real connection state and times.
        self.online_label = QLabel(self.tr("Offline (no server set up)"))
        self.online_label.setObjectName("onlineLabel")
        self.unsynced_label = QLabel()
        self.unsynced_label.setObjectName("unsyncedLabel")
        self.last_sync_label = QLabel(self.tr("Last sync: never"))
        self.addWidget(self.staff_label)
        self.addWidget(self.sign_out)
        for label in (self.online_label, self.unsynced_label, self.last_sync_label):
            self.addPermanentWidget(label)
        self._pending = QTimer(self, singleShot=True, interval=200)
        self._pending.timeout.connect(self._update_counts)
        self._periodic = QTimer(self, interval=30_000)
        self._periodic.timeout.connect(self.refresh)
        self._periodic.start()
        self._update_counts()

    def set_staff(self, staff: StaffMember | None) -> None:
        if staff is None:
            self.staff_label.setText(self.tr("Not signed in"))
        else:
            role = self.tr("owner") if staff.is_owner else self.tr("cashier")
            self.staff_label.setText(fill(self.tr("Signed in: %1 (%2)"), staff.name, role))
        self.sign_out.setVisible(staff is not None)
        self.refresh()

    def refresh(self) -> None:
        if not self._pending.isActive():
            self._pending.start()

    def _update_counts(self) -> None:
        counter = getattr(self.service, "unsynced_count", None)
        self.unsynced_label.setVisible(counter is not None)
        if counter is not None:
            self.unsynced_label.setText(fill(self.tr("Unsynced events: %1"), counter()))

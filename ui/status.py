"""The status bar: who is signed in (and Sign out), Settings, online/offline, unsynced events, last sync."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QWidget

from pos_loyalty.service import Loyalty
from pos_loyalty.staff import StaffMember

from .i18n import fill


class StatusBar(QStatusBar):
    """refresh() is cheap to call often: updates are coalesced on a short timer, like Electrum's 'needs update'."""

    sign_out_requested = Signal()
    settings_requested = Signal()

    def __init__(self, service: Loyalty, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.staff: StaffMember | None = None
        self.setSizeGripEnabled(False)
        self.staff_label = QLabel()
        self.staff_label.setObjectName("staffLabel")
        self.sign_out = QPushButton()
        self.sign_out.setObjectName("signOut")
        self.sign_out.clicked.connect(self.sign_out_requested)
        self.sign_out.hide()
        # On the sign-in screen too: the language is anyone's to change, no owner PIN needed. A gear rather than
        # a word: the bar must hold everything at the window's 1024 px minimum, in German too.
        self.settings_button = QPushButton("⚙")
        self.settings_button.setObjectName("settings")
        self.settings_button.setStyleSheet("font-size: 26px; padding: 0px 14px;")
        self.settings_button.clicked.connect(self.settings_requested)
        # The sync issue replaces these placeholders with the real connection state and times.
        self.online_label = QLabel()
        self.online_label.setObjectName("onlineLabel")
        self.unsynced_label = QLabel()
        self.unsynced_label.setObjectName("unsyncedLabel")
        self.last_sync_label = QLabel()
        self.addWidget(self.staff_label)
        self.addWidget(self.sign_out)
        self.addWidget(self.settings_button)
        for label in (self.online_label, self.unsynced_label, self.last_sync_label):
            self.addPermanentWidget(label)
        self._pending = QTimer(self, singleShot=True, interval=200)
        self._pending.timeout.connect(self._update_counts)
        self._periodic = QTimer(self, interval=30_000)
        self._periodic.timeout.connect(self.refresh)
        self._periodic.start()
        self.retranslate()

    def retranslate(self) -> None:
        self.sign_out.setText(self.tr("Sign out"))
        self.settings_button.setToolTip(self.tr("Settings: language"))
        self.settings_button.setAccessibleName(self.tr("Settings"))
        self.online_label.setText(self.tr("Offline (no server)"))
        self.last_sync_label.setText(self.tr("Last sync: never"))
        self._show_staff()
        self._update_counts()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_staff(self, staff: StaffMember | None) -> None:
        self.staff = staff
        self._show_staff()
        self.sign_out.setVisible(staff is not None)
        self.refresh()

    def _show_staff(self) -> None:
        if self.staff is None:
            self.staff_label.setText(self.tr("Not signed in"))
            self.staff_label.setToolTip("")
            return
        role = self.tr("owner") if self.staff.is_owner else self.tr("cashier")
        # Just the name and role: Sign out beside it says the rest, and the bar is short of room in German.
        self.staff_label.setText(fill(self.tr("%1 (%2)", "who is signed in, and their role"), self.staff.name, role))
        self.staff_label.setToolTip(self.tr("Signed in"))

    def refresh(self) -> None:
        if not self._pending.isActive():
            self._pending.start()

    def _update_counts(self) -> None:
        counter = getattr(self.service, "unsynced_count", None)
        self.unsynced_label.setVisible(counter is not None)
        if counter is not None:
            self.unsynced_label.setText(fill(self.tr("Unsynced events: %1"), counter()))

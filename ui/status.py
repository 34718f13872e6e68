"""The status bar: who is signed in (and Sign out), Settings, online/offline, unsynced events, last sync, the last
sync error in words a cashier understands, conflicts, and "Sync now" for the owner."""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_datetime, format_time
from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QWidget

from pos_loyalty.clock import from_db, utcnow
from pos_loyalty.errors import LoyaltyError
from pos_loyalty.service import Loyalty
from pos_loyalty.staff import StaffMember
from pos_loyalty.sync.scheduler import SyncStatus

from .i18n import fill, locale_of


class StatusBar(QStatusBar):
    """refresh() is cheap to call often: updates are coalesced on a short timer, like Electrum's 'needs update'."""

    sign_out_requested = Signal()
    settings_requested = Signal()
    sync_now_requested = Signal()

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
        self.last_sync_label.setObjectName("lastSyncLabel")
        self.error_label = QLabel()  # the last sync error, short; the full text in its tooltip
        self.error_label.setObjectName("syncErrorLabel")
        self.error_label.hide()
        self.conflicts_label = QLabel()
        self.conflicts_label.setObjectName("conflictsLabel")
        self.conflicts_label.setStyleSheet("background: #B91C1C; font-weight: bold; border-radius: 6px;")
        self.conflicts_label.hide()
        self.sync_button = QPushButton()  # the owner's, once the terminal syncs with a server
        self.sync_button.setObjectName("syncNow")
        # A symbol and its progress mark, the words in the tooltip and accessible name, like the gear: the owner's
        # bar is the fullest, and words ("Abgleichen", "Abgeglichen ✓") do not fit beside the rest at 1024 px.
        self.sync_button.setStyleSheet("font-size: 22px; padding: 0px 12px;")
        self.sync_button.clicked.connect(self._sync_now_clicked)
        self.sync_button.hide()
        self.sync: SyncStatus | None = None  # the last status from the sync worker; None: no sync running
        self.sync_attempts = None  # callable: finished attempts so far (the worker's), for "Sync now" progress
        self._syncing_since: int | None = None  # attempts finished when "Sync now" was pressed
        self._sync_result: str | None = None  # "done" / "failed" after a "Sync now", until the next one
        self.addWidget(self.staff_label)
        self.addWidget(self.sign_out)
        self.addWidget(self.settings_button)
        for widget in (self.conflicts_label, self.error_label, self.online_label, self.unsynced_label,
                       self.last_sync_label, self.sync_button):
            self.addPermanentWidget(widget)
        self._pending = QTimer(self, singleShot=True, interval=200)
        self._pending.timeout.connect(self._update_counts)
        self._periodic = QTimer(self, interval=30_000)
        self._periodic.timeout.connect(self.refresh)
        self._periodic.start()
        self.retranslate()

    def retranslate(self) -> None:
        self.sign_out.setText(self.tr("Sign out"))
        self.settings_button.setToolTip(self.tr("Settings: language, server"))
        self.settings_button.setAccessibleName(self.tr("Settings"))
        self._show_staff()
        self._show_sync()
        self._update_counts()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_staff(self, staff: StaffMember | None) -> None:
        self.staff = staff
        self._show_staff()
        self.sign_out.setVisible(staff is not None)
        self._show_sync_button()
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

    # ---- sync ----

    def show_sync(self, status: SyncStatus) -> None:
        """A status from the sync worker (on the GUI thread)."""
        self.sync = status
        if self._syncing_since is not None and not status.running and self.sync_attempts is not None \
                and self.sync_attempts() > self._syncing_since:
            self._syncing_since = None
            self._sync_result = "failed" if status.last_error else "done"
        self._show_sync()
        self.refresh()  # the unsynced count, from the counter's own connection

    def _sync_now_clicked(self) -> None:
        self._syncing_since = self.sync_attempts() if self.sync_attempts is not None else 0
        self._sync_result = None
        self._show_sync()
        self.sync_now_requested.emit()

    def _show_sync_button(self) -> None:
        """"Sync now" is the owner's, once the till syncs; its text tells the progress of the last press."""
        status = self.sync
        _set_visible(self.sync_button, status is not None and self.staff is not None and self.staff.is_owner)
        if self._syncing_since is not None or (status is not None and status.running):
            mark, words = " …", self.tr("Syncing…")
        elif self._sync_result == "done":
            mark, words = " ✓", self.tr("Synced")
        elif self._sync_result == "failed":
            mark, words = " ✗", self.tr("Sync failed")
        else:
            mark, words = "", self.tr("Sync now")
        _set_text(self.sync_button, "↻" + mark)
        _set_tip(self.sync_button, words if not mark else fill(self.tr("%1 (press to sync again)"), words))
        if self.sync_button.accessibleName() != words:
            self.sync_button.setAccessibleName(words)
        self.sync_button.setEnabled(self._syncing_since is None)

    def _show_sync(self) -> None:
        status = self.sync
        self._show_sync_button()
        if status is None or not status.registered:
            _set_text(self.online_label, self.tr("Offline (no server)"))
            _set_tip(self.online_label, "")
        elif status.online is None:
            _set_text(self.online_label, self.tr("Connecting…"))
        else:
            _set_text(self.online_label, self.tr("Online") if status.online else self.tr("Offline"))
            _set_tip(self.online_label, "" if status.online else self.tr(
                "The server cannot be reached. Bookings are kept here and sent when it is back."))
        _set_text(self.last_sync_label, self._last_sync_text(status.last_ok if status else None))
        error, detail = self._error_text(status)
        _set_visible(self.error_label, bool(error))
        _set_text(self.error_label, error)
        _set_tip(self.error_label, detail)
        conflicts = status.conflicts if status else 0
        _set_visible(self.conflicts_label, conflicts > 0)
        # An alert, short: the bar has no room for more at 1024 px in German; the tooltip tells the story.
        _set_text(self.conflicts_label, fill(self.tr("⚠ %1", "sync conflicts: their number"), conflicts))
        _set_tip(self.conflicts_label, fill(self.tr(
            "Conflicts: %1. Points were redeemed at two tills while offline: a balance went negative. "
            "The owner should check it."), conflicts))
        self.conflicts_label.setAccessibleName(fill(self.tr("Conflicts: %1"), conflicts))

    def _last_sync_text(self, last_ok: str | None) -> str:
        if not last_ok:
            return self.tr("Last sync: never")
        try:
            program = self.service.program
        except LoyaltyError:
            program = None
        when: datetime = from_db(last_ok)
        zone = program.zone if program else None
        local, today = (when.astimezone(zone), utcnow().astimezone(zone)) if zone else (when, utcnow())
        locale = locale_of(program)
        text = format_time(local, "short", locale=locale) if local.date() == today.date() else \
            format_datetime(local, "short", locale=locale)
        return fill(self.tr("Last sync: %1"), text)

    def _error_text(self, status: SyncStatus | None) -> tuple[str, str]:
        """(a few words for the bar, the whole story for the tooltip); empty when all is well."""
        if status is None:
            return "", ""
        if status.last_error and status.online is False:
            return "", ""  # "Offline" says it; its tooltip says the rest
        if status.last_error:
            message = status.last_error
            if "HTTP 5" in message or "HTTP 429" in message:
                short = self.tr("Server problem")
            elif "revoked" in message.lower() or "token" in message.lower():
                short = self.tr("Terminal not accepted")
            else:
                short = self.tr("Sync error")
            return short, message
        if status.warning:
            return self.tr("Check the clock"), status.warning
        return "", ""


# Only what changed: every status from the worker would otherwise make the bar lay itself out again.
def _set_text(widget, text: str) -> None:
    if widget.text() != text:
        widget.setText(text)


def _set_visible(widget, visible: bool) -> None:
    if widget.isVisibleTo(widget.parentWidget()) != visible:
        widget.setVisible(visible)


def _set_tip(widget, text: str) -> None:
    if widget.toolTip() != text:
        widget.setToolTip(text)

"""Into the owner area from the counter: the signed-in owner goes straight in, anyone else needs an owner PIN."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QMainWindow

from pos_loyalty.staff import StaffMember

from .dialogs.owner_pin import OwnerPinDialog
from .views.owner import OwnerView


class OwnerAccess(QObject):
    """Adds the owner view to the window's stack and switches between it and the counter."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.view = OwnerView(window.service)
        self.dialog: OwnerPinDialog | None = None
        window.stack.addWidget(self.view)
        window.counter.owner_requested.connect(self.request)
        self.view.back.connect(self.leave)
        self.view.changed.connect(window.status.refresh)
        self.view.staff_view.changed.connect(window.sign_in.reload)  # its staff buttons list who may sign in

    @Slot()
    def request(self) -> OwnerPinDialog | None:
        staff = self.window.staff
        if staff is not None and staff.role == "owner":
            self.enter(staff)
            return None
        dialog = OwnerPinDialog(self.window.service, self.window)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.enter(dialog.owner))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        self.window.counter.open_dialog(dialog)
        return dialog

    def enter(self, owner: StaffMember) -> None:
        self.view.open_for(owner)
        self.window.stack.setCurrentWidget(self.view)

    @Slot()
    def leave(self) -> None:
        if self.window.stack.currentWidget() is self.view:
            self.window.stack.setCurrentWidget(self.window.counter)
            self.window.counter.show_idle()

    @property
    def active(self) -> bool:
        return self.window.stack.currentWidget() is self.view

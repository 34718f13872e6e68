"""The main window: layout and wiring only – sign-in and counter screens, the status bar, settings, scans routed in."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from pos_loyalty.service import Loyalty
from pos_loyalty.staff import StaffMember

from . import device_settings
from .dialogs.card import CardDialog
from .dialogs.settings import SettingsDialog
from .owner_access import OwnerAccess
from .status import StatusBar
from .sync_worker import SyncWorker, is_registered
from .views.counter import CounterView
from .views.sign_in import SignInView


class MainWindow(QMainWindow):
    def __init__(self, service: Loyalty):
        super().__init__()
        self.service = service
        self.sign_in = SignInView(service)
        self.counter = CounterView(service)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.sign_in)
        self.stack.addWidget(self.counter)
        self.setCentralWidget(self.stack)
        self.status = StatusBar(service)
        self.setStatusBar(self.status)

        self.sign_in.signed_in.connect(self.signed_in)
        self.status.sign_out_requested.connect(self.sign_out)
        self.status.settings_requested.connect(self.open_settings)
        self.counter.booked.connect(self.status.refresh)
        self.owner = OwnerAccess(self)  # the owner area (customers, staff) in the stack, behind the owner PIN
        self.sync = SyncWorker(service.data_dir, self)  # background sync; stops when the window closes
        self.counter.booked.connect(self.sync.poke)
        self.sync.status.connect(self.status.show_sync)
        self.status.sync_now_requested.connect(self.sync.sync_now)
        self.status.sync_attempts = lambda: self.sync.attempts
        if is_registered(service):
            self.sync.start()
        self.devices = device_settings.load()
        self.scanner = None  # the keyboard-wedge filter (set_scanner), tuned by the device settings
        self.camera = self.camera_preview = None  # made on first use (use_camera)
        self.settings_dialog: SettingsDialog | None = None
        self.setMinimumSize(1024, 700)
        self.resize(1280, 800)
        self.retranslate()

    # Switching the language retranslates in place rather than rebuilding the window: a rebuild would drop what
    # is on screen (the customer at the counter, a typed amount, the selected staff member), the camera preview
    # and the scanner's and camera's connections to this window. Each view and widget sets its texts in a
    # retranslate() that its changeEvent(LanguageChange) calls again; texts made from data (the customer panel,
    # search results, a refusal) are rebuilt from what the widget keeps. Dialogs are window-modal, so none but
    # Settings can be open while the language changes.
    def retranslate(self) -> None:
        shop = self.service.shop_name()
        self.setWindowTitle(self.tr("pos-loyalty") + (f" — {shop}" if shop else ""))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def staff(self) -> StaffMember | None:
        return self.counter.staff

    @Slot(object)
    def signed_in(self, staff: StaffMember) -> None:
        self.counter.set_staff(staff)
        self.status.set_staff(staff)
        self.stack.setCurrentWidget(self.counter)

    @Slot()
    def sign_out(self) -> None:
        self.counter.set_staff(None)
        self.status.set_staff(None)
        self.sign_in.reset()
        self.stack.setCurrentWidget(self.sign_in)

    @Slot(str)
    def on_code_scanned(self, text: str) -> None:
        """Every card read (keyboard-wedge filter, camera) arrives here."""
        if self.staff is None:
            self.sign_in.show_message(lambda: self.tr("Sign in first, then scan the card."))
            return
        dialog = self.settings_dialog
        if dialog is not None and shiboken6.isValid(dialog) and dialog.wants_scans():
            dialog.scanner.take_scan(text, self.scanner.last_gaps if self.scanner else [])
            return
        if self.owner.active:  # the owner area looks the card up in its customer list
            self.owner.view.customers.find(text)
            return
        self.counter.on_code_scanned(text)

    @Slot(QWidget)
    def set_camera_widget(self, widget: QWidget | None) -> None:
        self.counter.set_camera_widget(widget)

    @Slot()
    def open_settings(self) -> SettingsDialog:
        """Settings from the status bar, signed in or not: the language and this till's devices (no owner PIN), the
        shop's details and the sync server (the owner's); connecting a server starts background sync."""
        dialog = SettingsDialog(self, service=self.service, staff=self.staff, on_registered=self.sync.start)
        dialog.devices_changed.connect(self.apply_devices)
        dialog.shop_saved.connect(self.retranslate)
        dialog.print_blank.connect(lambda: self.show_blank_card(dialog))
        self.settings_dialog = dialog
        if self.staff is not None:
            self.counter.open_dialog(dialog)  # like the counter's own dialogs: a scanned card closes it
        else:
            dialog.setAttribute(Qt.WA_DeleteOnClose)
            dialog.open()
        return dialog

    def show_blank_card(self, parent: QWidget) -> CardDialog:
        """A new card with no customer yet, to print ahead: the first scan at the counter enrolls it."""
        dialog = CardDialog(self.service.new_token(), self.service.shop_name(), "", parent)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ---- devices ----

    def set_scanner(self, scanner) -> None:
        self.scanner = scanner
        scanner.scanned.connect(self.on_code_scanned)
        self.apply_devices(self.devices)

    @Slot(object)
    def apply_devices(self, devices: device_settings.Devices) -> None:
        camera_changed = devices.camera != self.devices.camera
        self.devices = devices
        if self.scanner is not None:
            self.scanner.max_gap_ms = devices.scanner_gap_ms
        if camera_changed:
            self.use_camera(devices.camera)

    def use_camera(self, spec: str) -> None:
        """Read cards from a camera number, a video file or a folder of images ("" = none); the old one stops."""
        from .camera import Camera, CameraPreview  # noqa: PLC0415 - OpenCV loads only when a camera is used

        if self.camera is not None:
            self.camera.stop()
        if not spec:
            if self.camera is not None:
                self.set_camera_widget(None)
            return
        if self.camera is None:
            self.camera, self.camera_preview = Camera(self), CameraPreview()
            self.camera.code_read.connect(self.on_code_scanned)
            self.camera.frame_ready.connect(self.camera_preview.show_frame)
            self.camera.error.connect(self.camera_preview.show_off)
        self.set_camera_widget(self.camera_preview)
        self.camera.start(spec)

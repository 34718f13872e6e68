"""Builds the application: QApplication, language, theme, data folder, services, main window, the scanner filter."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pos_loyalty.errors import LoyaltyError


def _has_screen() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform != "linux":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def build(service, app=None):
    """Load the language, theme the app, make the window, install the keyboard-wedge filter; returns (window, scanner).

    The caller owns both: remove the filter with app.removeEventFilter(scanner) when the window goes away.
    """
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from . import i18n, theme  # noqa: PLC0415
    from .main_window import MainWindow  # noqa: PLC0415
    from .scanner_filter import ScannerFilter  # noqa: PLC0415

    app = app or QApplication.instance()
    i18n.install(i18n.preferred_language(), app)
    theme.apply(app)
    window = MainWindow(service)
    scanner = ScannerFilter(window)
    app.installEventFilter(scanner)
    window.set_scanner(scanner)
    return window, scanner


def run(data_dir: Path, camera: str | None = None, self_test: bool = False) -> int:
    if self_test:  # a throw-away shop in a temporary folder; data_dir is never touched
        from .self_test import main as self_test_main  # noqa: PLC0415

        return self_test_main(camera)
    if not _has_screen():
        raise LoyaltyError("No screen found (DISPLAY is not set). Start the app from a desktop session, "
                           "or try: xvfb-run pos-loyalty gui", code="no_display")
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415 - after the screen check, so Qt cannot abort

    from pos_loyalty.service import Loyalty  # noqa: PLC0415

    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")  # QtMultimedia's start-up chatter
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("pos-loyalty")
    service = Loyalty(data_dir)
    window, scanner = build(service, app)
    window.use_camera(camera if camera is not None else window.devices.camera)  # --camera wins, unsaved
    window.show()
    try:
        return app.exec()
    finally:
        window.use_camera("")
        window.sync.stop()  # before the service closes; waits for the sync thread, never terminates it
        app.removeEventFilter(scanner)
        service.close()

"""Builds the application: QApplication, data folder, services, main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pos_loyalty.errors import LoyaltyError


def _has_screen() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform != "linux":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run(data_dir: Path, camera: str | None = None) -> int:
    if not _has_screen():
        raise LoyaltyError("No screen found (DISPLAY is not set). Start the app from a desktop session, "
                           "or try: xvfb-run pos-loyalty gui", code="no_display")
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415 - after the screen check, so Qt cannot abort

    from .main_window import MainWindow  # noqa: PLC0415
    from pos_loyalty.service import Loyalty  # noqa: PLC0415

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("pos-loyalty")
    service = Loyalty(data_dir)
    window = MainWindow(service)
    window.show()
    try:
        return app.exec()
    finally:
        service.close()

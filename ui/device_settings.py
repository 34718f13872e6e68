"""This till's own devices (camera, barcode scanner, card printer), kept on this computer with QSettings.

Not in the shop's database: two tills of one shop have different cameras and printers, and a database restored on
another computer must not point that till at devices it does not have.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtMultimedia import QMediaDevices
from PySide6.QtPrintSupport import QPrinterInfo

from . import i18n

# A USB scanner types a key every few ms; a wireless one may send its keys further apart. People type slower
# still (40 ms and more, see ui/scanner_filter.py), so the wider gap is only used when the owner chooses it.
SCANNER_GAP_MS = {False: 30.0, True: 60.0}


@dataclass(frozen=True)
class Devices:
    camera: str = ""  # "" no camera; "0", "1", ...: a camera by number; else a video file or a folder of images
    slow_scanner: bool = False
    printer: str = ""  # "" ask every time (the print dialog); else print on this printer at once

    @property
    def scanner_gap_ms(self) -> float:
        return SCANNER_GAP_MS[self.slow_scanner]


_KEYS = {"camera": "devices/camera", "slow_scanner": "devices/slowScanner", "printer": "devices/printer"}


def load() -> Devices:
    store = i18n.settings()
    return Devices(camera=str(store.value(_KEYS["camera"], "") or ""),
                   slow_scanner=str(store.value(_KEYS["slow_scanner"], "false")).lower() == "true",
                   printer=str(store.value(_KEYS["printer"], "") or ""))


def save(devices: Devices) -> None:
    store = i18n.settings()
    store.setValue(_KEYS["camera"], devices.camera)
    store.setValue(_KEYS["slow_scanner"], "true" if devices.slow_scanner else "false")
    store.setValue(_KEYS["printer"], devices.printer)
    store.sync()


def cameras() -> list[tuple[str, str]]:
    """(number as OpenCV opens it, name) of the cameras the system lists, without opening any of them.

    On Linux a camera's id is its /dev/videoN, and N is OpenCV's number; elsewhere the system's order is.
    """
    found = []
    for position, device in enumerate(QMediaDevices.videoInputs()):
        node = re.search(rb"/dev/video(\d+)$", bytes(device.id()))
        found.append((node.group(1).decode() if node else str(position), device.description()))
    return found


def printers() -> list[str]:
    return QPrinterInfo.availablePrinterNames()

"""UI fixtures: a real window on a real shop in a temp folder, the scanner filter installed, background work inline."""

import os

os.environ.setdefault("POS_LOYALTY_SOUND", "0")
os.environ["POS_LOYALTY_LANG"] = "en"  # the tests read English texts, whatever the machine's locale or settings

from dataclasses import dataclass  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QEvent, QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from ui import i18n, tasks  # noqa: E402
from ui.app import build  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.scanner_filter import ScannerFilter  # noqa: E402

SCANNER_DELAY = 2  # ms per press and per release: ~5-8 ms between characters, like a USB scanner
HUMAN_DELAY = 45  # ~90+ ms between characters, a fast typist


@pytest.fixture(scope="session", autouse=True)
def own_settings(tmp_path_factory):
    """QSettings (the saved language) in a folder of the test run, never the user's."""
    folder = str(tmp_path_factory.mktemp("settings"))
    for kind in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(kind, QSettings.UserScope, folder)


@pytest.fixture(autouse=True)
def english(qapp, own_settings):
    """Every test starts in English, with its plural forms loaded, whatever the test before switched to."""
    i18n.install("en", qapp)
    yield
    i18n.settings().clear()


@pytest.fixture
def sync_tasks():
    previous = tasks.set_runner(tasks.SyncRunner())
    yield
    tasks.set_runner(previous)


@pytest.fixture
def shop(make_shop):
    service = make_shop("bakery")
    service.add_staff("Jonas", "cashier", "1111")
    service.add_staff("Maria", "owner", "1234")
    return service


@dataclass
class Counter:
    """The app under test and the ways a cashier touches it."""

    qtbot: object
    window: MainWindow
    scanner: ScannerFilter
    service: object

    @property
    def counter(self):
        return self.window.counter

    def focused(self) -> QWidget:
        return QApplication.focusWidget()

    def sign_in(self, name="Jonas", pin="1111"):
        self.qtbot.mouseClick(self.window.sign_in.staff_buttons[name], Qt.LeftButton)
        pin_field = self.window.sign_in.pin_pad.field
        assert self.focused() is pin_field
        self.qtbot.keyClicks(pin_field, pin)
        self.qtbot.keyClick(pin_field, Qt.Key_Return)

    def signed_in(self):
        self.sign_in()
        self.qtbot.waitUntil(lambda: self.window.staff is not None, timeout=2000)

    def scan(self, code: str, widget: QWidget | None = None) -> str:
        """A keyboard-wedge burst into whatever has the focus; returns what the filter emitted."""
        widget = widget or self.focused()
        with self.qtbot.waitSignal(self.scanner.scanned, timeout=3000) as blocker:
            self.qtbot.keyClicks(widget, code, delay=SCANNER_DELAY)
            self.qtbot.keyClick(widget, Qt.Key_Return)
        return blocker.args[0]

    def type_amount(self, text: str):
        """Type like a person into the amount field, then Enter; wait until the held keys have landed."""
        field = self.counter.booking.amount
        field.setFocus()
        self.qtbot.keyClicks(field, text)
        self.qtbot.waitUntil(lambda: field.text() == text and not self.scanner.holding, timeout=2000)
        self.qtbot.keyClick(field, Qt.Key_Return)


def open_window(qtbot, service):
    """Build and show the real window; returns (window, scanner, close) – close() before the service closes."""
    window, scanner = build(service)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)

    def close():
        QApplication.instance().removeEventFilter(scanner)
        for widget in QApplication.topLevelWidgets():  # dialogs a failed test left open
            if widget.isVisible():
                widget.close()
        window.deleteLater()  # its timers go with it: none may fire after the service is closed
        QApplication.sendPostedEvents(None, QEvent.DeferredDelete)

    return window, scanner, close


@pytest.fixture
def app(qtbot, shop, sync_tasks):
    window, scanner, close = open_window(qtbot, shop)
    yield Counter(qtbot, window, scanner, shop)
    close()


@pytest.fixture
def customer(shop):
    """An enrolled customer: (customer id, card token)."""
    customer_id, token, _ = shop.enroll(shop.system_staff(), name="Anna Müller", email="anna@example.org")
    return customer_id, token

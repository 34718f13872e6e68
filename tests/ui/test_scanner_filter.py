"""The keyboard-wedge filter on a bare line edit: bursts become scans, people's typing stays typing."""

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from ui.scanner_filter import ScannerFilter


TOKEN = "PL1ABCDEFGH0123456789JKLMNP"
SCANNER_DELAY = 2  # ms per press and per release: 5-8 ms between characters (PLATFORM.md: keep it <= 5)
HUMAN_DELAY = 45  # 90+ ms between characters


@pytest.fixture
def bench(qtbot):
    """A window with two line edits, the filter installed application-wide; returns (first, second, filter)."""
    window = QWidget()
    layout = QVBoxLayout(window)
    first, second = QLineEdit(), QLineEdit()
    layout.addWidget(first)
    layout.addWidget(second)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    scanner = ScannerFilter()
    QApplication.instance().installEventFilter(scanner)
    yield first, second, scanner
    QApplication.instance().removeEventFilter(scanner)


def test_a_burst_ending_in_enter_is_a_scan_and_never_reaches_the_field(qtbot, bench):
    field, _, scanner = bench
    field.setText("12")
    entered = []
    field.returnPressed.connect(lambda: entered.append(True))
    with qtbot.waitSignal(scanner.scanned, timeout=3000) as blocker:
        qtbot.keyClicks(field, TOKEN, delay=SCANNER_DELAY)
        qtbot.keyClick(field, Qt.Key_Return)
    assert blocker.args == [TOKEN]
    assert field.text() == "12" and not entered


def test_human_typing_is_delivered_and_never_taken_for_a_scan(qtbot, bench):
    field, _, scanner = bench
    scans = []
    scanner.scanned.connect(scans.append)
    with qtbot.waitSignal(field.returnPressed, timeout=5000):
        qtbot.keyClicks(field, "1234.50", delay=HUMAN_DELAY)
        qtbot.waitUntil(lambda: field.text() == "1234.50", timeout=1000)
        qtbot.keyClick(field, Qt.Key_Return, delay=HUMAN_DELAY)
    assert scans == []


def test_fast_short_input_with_enter_arrives_complete_and_in_order(qtbot, bench):
    field, _, scanner = bench
    scans = []
    scanner.scanned.connect(scans.append)
    seen = []
    field.returnPressed.connect(lambda: seen.append(field.text()))
    qtbot.keyClicks(field, "12.50", delay=SCANNER_DELAY)  # shorter than any card: Enter books it
    qtbot.keyClick(field, Qt.Key_Return)
    assert seen == ["12.50"] and scans == []


def test_a_fast_burst_without_enter_is_given_back_to_the_field(qtbot, bench):
    field, _, scanner = bench
    qtbot.keyClicks(field, "4006381333931", delay=SCANNER_DELAY)  # e.g. a scanner set to send no suffix
    qtbot.waitUntil(lambda: field.text() == "4006381333931", timeout=1000)
    assert not scanner.holding


def test_held_keys_go_before_a_command_key_and_to_the_field_that_had_focus(qtbot, bench):
    first, second, scanner = bench
    qtbot.keyClicks(first, "abc")
    qtbot.keyClick(first, Qt.Key_Backspace)  # must apply after "abc", not before
    assert first.text() == "ab"
    qtbot.keyClicks(first, "xy")
    second.setFocus()  # focus moves while "xy" is still held
    qtbot.waitUntil(lambda: first.text() == "abxy", timeout=1000)
    assert second.text() == ""
    qtbot.keyClicks(second, "z")
    first.setFocus()
    qtbot.keyClicks(first, "!", delay=SCANNER_DELAY)  # a new target starts a new collection at once
    assert second.text() == "z"
    qtbot.waitUntil(lambda: first.text() == "abxy!", timeout=1000)


def test_window_system_timestamps_win_over_the_processing_clock(qtbot, bench):
    """Keys queued while the loop was busy arrive together; their own timestamps (100 ms apart) say: a person."""
    field, _, scanner = bench
    scans = []
    scanner.scanned.connect(scans.append)
    for index, char in enumerate(TOKEN + "\r"):
        key = Qt.Key_Return if char == "\r" else Qt.Key(ord(char))
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            event = QKeyEvent(kind, key, Qt.NoModifier, "" if char == "\r" else char)
            event.setTimestamp(1_000_000 + index * 100)
            QApplication.sendEvent(field, event)
    qtbot.waitUntil(lambda: not scanner.holding, timeout=1000)
    assert scans == [] and field.text() == TOKEN


def test_only_the_delivery_to_the_focused_widget_counts(qtbot, bench):
    """Under X the filter sees each key for the window and for the focused widget; the window copy is ignored."""
    field, _, scanner = bench
    window = field.window()
    scans = []
    scanner.scanned.connect(scans.append)
    for char in TOKEN:
        for target in (window, field):  # the doubled delivery, window first
            press = QKeyEvent(QEvent.KeyPress, Qt.Key(ord(char)), Qt.NoModifier, char)
            assert scanner.eventFilter(target, press) is (target is field)
    with qtbot.waitSignal(scanner.scanned, timeout=1000) as blocker:
        enter = QKeyEvent(QEvent.KeyPress, Qt.Key_Return, Qt.NoModifier)
        assert scanner.eventFilter(window, enter) is False
        assert scanner.eventFilter(field, enter) is True
    assert blocker.args == [TOKEN] and field.text() == ""

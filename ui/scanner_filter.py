"""Keyboard-wedge scanner: an application-wide key filter that takes a fast burst of keys ending in Enter as a scan.

How it decides, and why it holds keys back
------------------------------------------
A USB scanner "types" the card token and Enter a few milliseconds per key; people need 40 ms or more.
The filter cannot know from the first key whether a burst is coming, and a scan must never land in the amount
field, so it **holds** every printable key press (and the matching releases) instead of delivering it:

* held keys form one collection until nothing follows for a while (a timer: `hold_ms`, or the longer
  `hiccup_ms` once `establish` fast gaps – under `max_gap_ms` – came in a row, so that a busy machine or a
  scanner's USB buffering does not cut a real burst in two);
* an Enter that ends a collection of at least `min_length` keys which got established and whose gaps were at
  least 3/4 fast is a scan: the held keys are dropped, the Enter is swallowed and `scanned(text)` is emitted,
  wherever the focus was;
* otherwise the held keys go to the widget that had the focus, in their original order: when the timer runs
  out, before an Enter that is not a scan (a fast "12.50⏎" books as typed), and before any non-printable key
  (Backspace, Tab, arrows), which is delivered after them.

People typing with gaps of 40 ms or more never produce fast gaps, so they are never taken for a scan.
We chose holding over "deliver, then take the characters back out of the focused QLineEdit" because taking back
is fragile: a validator may have refused some characters, textEdited/live search has already fired, the undo
stack holds them, and the focused widget may not be a line edit at all (a focused button reacts to Space). The
cost of holding is that typed characters show up a little late (`hold_ms` after the typist pauses).

Gaps are measured with QKeyEvent.timestamp() (the window system's clock) when it is non-zero: Python's own clock
sees keys bunched together when the event loop was busy, which would make slow typing look like a burst. QTest
events carry timestamp 0, so then time.monotonic() is used. Under X the application filter sees each key twice
(once for the window, once for the focused widget): only the event addressed to the focused QWidget counts.
A burst that is cut anyway cannot book anything wrong: the card token carries a MAC, a partial read is refused.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from typing import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

_ENTER = (Qt.Key_Return, Qt.Key_Enter)
_COMMAND_MODIFIERS = Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier


@dataclass
class _Held:
    """A copy of a held key event (Qt deletes the original once the filter returns)."""

    target: QWidget
    type: QEvent.Type
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    autorepeat: bool
    count: int
    scan_code: int
    virtual_key: int
    native_modifiers: int

    @classmethod
    def of(cls, target: QWidget, event: QKeyEvent) -> "_Held":
        return cls(target, event.type(), event.key(), event.modifiers(), event.text(), event.isAutoRepeat(),
                   event.count(), event.nativeScanCode(), event.nativeVirtualKey(), event.nativeModifiers())

    def event(self) -> QKeyEvent:
        return QKeyEvent(self.type, self.key, self.modifiers, self.scan_code, self.virtual_key,
                         self.native_modifiers, self.text, self.autorepeat, self.count)


class ScannerFilter(QObject):
    """Install on the QApplication; connect `scanned` to whoever handles a card read."""

    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, *, min_length: int = 8, max_gap_ms: float = 30.0,
                 establish: int = 3, hiccup_ms: float = 250.0, hold_ms: int = 80,
                 clock: Callable[[], float] = time.monotonic):
        super().__init__(parent)
        self.min_length = min_length
        self.max_gap_ms = max_gap_ms
        self.establish = establish
        self.hiccup_ms = hiccup_ms
        self.hold_ms = hold_ms
        self._clock = clock
        self._held: list[_Held] = []
        self._text: list[str] = []
        self._gaps: list[float] = []
        self._fast_run = 0  # fast gaps in a row at the end of the collection
        self._established = False
        self._last: tuple[str, float] | None = None  # (which clock, ms) of the last held press
        self._unreleased: Counter[int] = Counter()  # keys whose press we held or swallowed, release not seen yet
        self._replaying = False
        self.last_gaps: list[float] = []
        self._timer = QTimer(self)  # releases held keys once nothing followed for a while
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    # ---- Qt hook ----

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if self._replaying or kind not in (QEvent.KeyPress, QEvent.KeyRelease) or not self._counts(obj):
            return False
        if kind == QEvent.KeyRelease:
            return self._release(obj, event)
        stamp = self._stamp(event)
        gap = self._gap(stamp)
        if event.key() in _ENTER:
            if self._is_scan(gap):
                self._scan(event.key())
                return True
            self.flush()
            return False
        if self._holdable(event):
            self._hold(obj, event, stamp, gap)
            return True
        self.flush()  # a command key: what was typed before it must arrive first
        return False

    # ---- decisions ----

    @staticmethod
    def _counts(obj: QObject) -> bool:
        """Only the delivery to the focused widget (or to the window when nothing has focus) is a keystroke."""
        if not isinstance(obj, QWidget):
            return False  # the QWindow delivery under X; the same key comes again for the focused widget
        focus = QApplication.focusWidget()
        return obj is focus if focus is not None else obj.isWindow()

    @staticmethod
    def _holdable(event: QKeyEvent) -> bool:
        text = event.text()
        return (len(text) == 1 and text.isprintable() and not event.isAutoRepeat()
                and not (event.modifiers() & _COMMAND_MODIFIERS))

    def _stamp(self, event: QKeyEvent) -> tuple[str, float]:
        ts = event.timestamp()
        return ("event", float(ts)) if ts else ("clock", self._clock() * 1000.0)

    def _gap(self, stamp: tuple[str, float]) -> float | None:
        """Milliseconds since the last held press; None when there is none or the clocks differ."""
        last = self._last
        if last is None or last[0] != stamp[0] or stamp[1] < last[1]:
            return None
        return stamp[1] - last[1]

    def _is_scan(self, gap: float | None) -> bool:
        if len(self._text) < self.min_length or not self._established or gap is None:
            return False
        gaps = [*self._gaps, gap]
        return sum(g < self.max_gap_ms for g in gaps) >= 0.75 * len(gaps)

    def _hold(self, obj: QObject, event: QKeyEvent, stamp: tuple[str, float], gap: float | None) -> None:
        if self._held and self._held[0].target is not obj:  # the focus moved: what was typed before is done
            self.flush()
            gap = None
        if gap is not None:
            self._gaps.append(gap)
            self._fast_run = self._fast_run + 1 if gap < self.max_gap_ms else 0
            self._established = self._established or self._fast_run >= self.establish
        self._held.append(_Held.of(obj, event))
        self._text.append(event.text())
        self._unreleased[event.key()] += 1
        self._last = stamp
        self._timer.start(int(self.hiccup_ms if self._established else self.hold_ms))

    def _release(self, obj: QObject, event: QKeyEvent) -> bool:
        key = event.key()
        if not self._unreleased[key]:
            return False
        self._unreleased[key] -= 1
        if self._held:  # its press is still held: keep the release behind it, in order
            self._held.append(_Held.of(obj, event))
        return True  # held, or the press was part of a scan and was never delivered

    # ---- outcomes ----

    def _reset(self) -> None:
        self._timer.stop()
        self._held, self._text, self._gaps = [], [], []
        self._fast_run, self._established, self._last = 0, False, None

    def _scan(self, enter_key: int) -> None:
        text = "".join(self._text)
        self.last_gaps = self._gaps  # how fast the scanner typed: Settings → Scanner shows it
        self._reset()
        self._unreleased[enter_key] += 1
        self.scanned.emit(text)

    def flush(self) -> None:
        """Deliver the held keys, in order, to the widget that had the focus (or has it now, if that one is gone)."""
        held = self._held
        self._reset()
        self._unreleased.clear()
        if not held:
            return
        self._replaying = True
        try:
            for item in held:
                target = item.target if shiboken6.isValid(item.target) else QApplication.focusWidget()
                if target is not None:
                    QApplication.sendEvent(target, item.event())
        finally:
            self._replaying = False

    @property
    def holding(self) -> bool:
        return bool(self._held)

"""A large, short-lived message over the bottom of a window: what a booking earned, what went wrong."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from ..theme import set_role


class Toast(QLabel):
    """toast.show_message("+1 stamp, +12 points"); hides itself after a few seconds or when clicked."""

    def __init__(self, parent: QWidget, y_ratio: float = 0.62, anchor: QWidget | None = None):
        super().__init__(parent)
        self.y_ratio = y_ratio  # where its centre sits, as a share of the anchor's (or parent's) height
        self.anchor = anchor  # shown over this widget when it is visible, else over the whole parent
        self.setObjectName("toast")
        self.setAlignment(Qt.AlignCenter)
        self.setWordWrap(True)
        self.setAttribute(Qt.WA_TransparentForMouseEvents, False)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        parent.installEventFilter(self)  # follow the parent's size

    def show_message(self, text: str, kind: str = "info", msec: int = 4000) -> None:
        set_role(self, kind, "kind")
        self.setText(text)
        self._place()
        self.show()
        self.raise_()
        self._timer.start(msec)

    def _place(self) -> None:
        parent = self.parentWidget()
        if self.anchor is not None and self.anchor.isVisible():
            area = QRect(self.anchor.mapTo(parent, QPoint(0, 0)), self.anchor.size())
            width = area.width() - 24
        else:
            area = parent.rect()
            width = min(area.width() - 40, max(420, int(area.width() * 0.6)))
        self.setFixedWidth(width)
        self.setFixedHeight(self.heightForWidth(width) if self.hasHeightForWidth() else self.sizeHint().height())
        top = int(area.top() + area.height() * self.y_ratio - self.height() / 2)
        left = area.left() + (area.width() - width) // 2
        self.move(QPoint(left, max(0, min(top, parent.height() - self.height() - 12))))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.parentWidget() and event.type() == QEvent.Resize and self.isVisible():
            self._place()
        return False

    def mousePressEvent(self, event) -> None:  # noqa: N802 - a tap dismisses it
        self.hide()

"""A coloured veil over a widget that fades out in a blink: confirms a card read (green) or a refusal (red)."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QEvent, QObject, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget


class Flash(QWidget):
    def __init__(self, parent: QWidget, msec: int = 450):
        super().__init__(parent)
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WA_NoSystemBackground)
        self.hide()
        self._color = QColor("#16A34A")
        self._strength = 0.0
        self.count = 0  # flashes fired, for tests
        self._anim = QVariantAnimation(self)
        self._anim.setDuration(msec)
        self._anim.setStartValue(1.0)
        self._anim.setEndValue(0.0)
        self._anim.setEasingCurve(QEasingCurve.OutCubic)
        self._anim.valueChanged.connect(self._step)
        self._anim.finished.connect(self.hide)
        parent.installEventFilter(self)

    def fire(self, color: str = "#16A34A") -> None:
        self.count += 1
        self._color = QColor(color)
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self._anim.stop()
        self._anim.start()

    def _step(self, value: float) -> None:
        self._strength = float(value)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        color = QColor(self._color)
        color.setAlphaF(0.45 * self._strength)
        painter.fillRect(self.rect(), color)
        pen = QColor(self._color)
        pen.setAlphaF(self._strength)
        painter.setPen(QPen(pen, 10))
        painter.drawRect(self.rect().adjusted(5, 5, -5, -5))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.parentWidget() and event.type() == QEvent.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

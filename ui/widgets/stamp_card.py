"""The stamp card drawn as a card: N circles, the earned ones stamped, the newest popping in after a booking."""

from __future__ import annotations

import math

from PySide6.QtCore import QEasingCurve, QEvent, QPointF, QRectF, QSize, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from .. import theme
from ..i18n import fill

DIAMETER = 62
GAP = 16
PAD = 18


class StampCard(QWidget):
    """set_stamps(7, 10) shows 7 of 10 filled; more than a card's worth shows a full card and '+N'."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.stamps = 0
        self.size_ = 10
        self._new = 0
        self._grow = 1.0
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        self._anim = QVariantAnimation(self)
        self._anim.setDuration(420)
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.setEasingCurve(QEasingCurve.OutBack)
        self._anim.valueChanged.connect(self._step)

    def set_stamps(self, stamps: int, size: int, new: int = 0) -> None:
        """new: stamps just earned, drawn growing in so the customer sees the stamp arrive."""
        self.stamps, self.size_, self._new = stamps, max(1, size), max(0, new)
        self._name()
        self.updateGeometry()
        if self._new:
            self._anim.stop()
            self._grow = 0.0
            self._anim.start()
        else:
            self._grow = 1.0
        self.update()

    def _name(self) -> None:
        self.setAccessibleName(fill(self.tr("%1 of %2 stamps"), self.filled, self.size_))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._name()
        super().changeEvent(event)

    @property
    def filled(self) -> int:
        return max(0, min(self.stamps, self.size_))

    @property
    def extra(self) -> int:
        return max(0, self.stamps - self.size_)

    def _columns(self) -> int:
        return self.size_ if self.size_ <= 6 else math.ceil(self.size_ / 2)

    def sizeHint(self) -> QSize:  # noqa: N802
        cols = self._columns()
        rows = math.ceil(self.size_ / cols)
        extra = DIAMETER + GAP if self.extra else 0
        return QSize(2 * PAD + cols * DIAMETER + (cols - 1) * GAP + extra, 2 * PAD + rows * DIAMETER + (rows - 1) * GAP)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def _step(self, value: float) -> None:
        self._grow = float(value)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        hint = self.sizeHint()
        card = QRectF(0.5, 0.5, min(self.width(), hint.width()) - 1, hint.height() - 1)
        painter.setPen(QPen(theme.LINE, 2))
        painter.setBrush(QColor("#FFFBF5"))
        painter.drawRoundedRect(card, 16, 16)
        cols = self._columns()
        font = QFont(self.font())
        font.setPixelSize(22)
        font.setBold(True)
        painter.setFont(font)
        for index in range(self.size_):
            row, col = divmod(index, cols)
            center = QPointF(PAD + col * (DIAMETER + GAP) + DIAMETER / 2, PAD + row * (DIAMETER + GAP) + DIAMETER / 2)
            self._paint_slot(painter, center, index)
        if self.extra:
            center = QPointF(PAD + cols * (DIAMETER + GAP) + DIAMETER / 2, PAD + DIAMETER / 2)
            box = QRectF(center.x() - DIAMETER / 2, center.y() - DIAMETER / 2, DIAMETER, DIAMETER)
            painter.setPen(theme.STAMP)
            painter.drawText(box, Qt.AlignCenter, f"+{self.extra}")

    def _paint_slot(self, painter: QPainter, center: QPointF, index: int) -> None:
        radius = DIAMETER / 2
        last = index == self.size_ - 1
        if index < self.filled:
            newest = index >= self.filled - self._new
            scale = self._grow if newest else 1.0
            r = radius * max(0.05, scale)
            painter.setPen(Qt.NoPen)
            painter.setBrush(theme.STAMP)
            painter.drawEllipse(center, r, r)
            painter.setPen(QColor("white"))
            box = QRectF(center.x() - r, center.y() - r, 2 * r, 2 * r)
            painter.drawText(box, Qt.AlignCenter, "★" if last else "✓")
            return
        painter.setPen(QPen(theme.MUTED, 2, Qt.DashLine))
        painter.setBrush(Qt.NoBrush)
        painter.drawEllipse(center, radius - 1, radius - 1)
        painter.setPen(theme.MUTED)
        box = QRectF(center.x() - radius, center.y() - radius, DIAMETER, DIAMETER)
        painter.drawText(box, Qt.AlignCenter, "★" if last else str(index + 1))

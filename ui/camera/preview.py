"""The camera preview: the latest frame scaled to fit, or a "camera off" placeholder with an optional reason."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class CameraPreview(QWidget):
    """Paints instead of holding a QLabel pixmap: a pixmap's size hint would make the layout grow with the frames.

    Frames only mark the widget dirty; Qt merges the repaints, so a burst of frames costs one paint.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._image: QImage | None = None
        self._message = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # every pixel is painted: skip the erase
        self.setAccessibleName(self.tr("Camera preview"))

    def sizeHint(self) -> QSize:
        return QSize(320, 240)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, 120)

    @property
    def image(self) -> QImage | None:
        return self._image

    @property
    def is_off(self) -> bool:
        return self._image is None

    @property
    def message(self) -> str:
        """What the placeholder says now."""
        return self._message or self.tr("Camera off")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.setAccessibleName(self.tr("Camera preview"))
            self.update()  # "Camera off" is painted in the language of the moment
        super().changeEvent(event)

    @Slot(QImage)
    def show_frame(self, image: QImage) -> None:
        self._image = image
        self.update()

    @Slot()
    @Slot(str)
    def show_off(self, message: str = "") -> None:
        """Back to the placeholder, e.g. with the worker's error ("No camera found …")."""
        self._image = None
        self._message = message
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#202124"))
        if self._image is not None and not self._image.isNull():
            target = QRect(QPoint(0, 0), self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio))
            target.moveCenter(self.rect().center())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, self._image)
        else:
            painter.setPen(QColor("#e8eaed"))
            font = painter.font()
            font.setPointSizeF(max(10.0, min(self.width(), self.height()) / 18))
            painter.setFont(font)
            margin = self.width() // 12
            painter.drawText(self.rect().adjusted(margin, margin, -margin, -margin),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message)
        painter.end()

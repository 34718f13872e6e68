"""A matplotlib Figure on the dashboard, drawn in the background at the widget's size and shown as a picture.

Drawing a chart takes 50-200 ms of matplotlib (constrained layout, text); on Qt's own FigureCanvasQTAgg that happens
on the GUI thread at every show and every resize, five charts at once. Here a worker draws the figure with the
plain Agg renderer (no Qt binding involved) into an image of the widget's size; the GUI thread only shows it. While
a new size is being drawn, the last picture is shown scaled. The charts are not interactive, so nothing is lost.
"""

from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ..tasks import run_in_background
from ..theme import set_role

DPI = 110  # a little above matplotlib's 100: the charts' 9-12 pt text reads from a step away
RESIZE_PAUSE_MS = 120  # draw once the window has stopped changing size, not at every step of a drag


def figure_title(figure: Figure) -> str:
    """The figure's own title (suptitle, else the first axes'), for screen readers and tests."""
    suptitle = figure._suptitle.get_text() if figure._suptitle is not None else ""
    if suptitle:
        return suptitle
    titles = (axes.get_title(loc) for axes in figure.axes for loc in ("center", "left", "right"))
    return next((title for title in titles if title), "")


def picture(figure: Figure, size: QSize, ratio: float = 1.0) -> QImage:
    """The figure drawn into an image of `size` device-independent pixels (in a worker: it touches no widget)."""
    canvas = FigureCanvasAgg(figure)
    figure.set_dpi(DPI * ratio)
    figure.set_size_inches(size.width() * ratio / figure.dpi, size.height() * ratio / figure.dpi)
    canvas.draw()
    width, height = canvas.get_width_height(physical=True)
    image = QImage(canvas.buffer_rgba(), width, height, QImage.Format_RGBA8888).copy()  # copy: own the pixels
    image.setDevicePixelRatio(ratio)
    return image


class _Picture(QWidget):
    """Paints the last picture over its whole area (scaled while a picture of the new size is on its way)."""

    def __init__(self):
        super().__init__()
        self.pixmap: QPixmap | None = None

    def paintEvent(self, _event) -> None:  # noqa: N802
        if self.pixmap is not None:
            painter = QPainter(self)
            painter.setRenderHint(QPainter.SmoothPixmapTransform)
            painter.drawPixmap(self.rect(), self.pixmap)


class ChartCanvas(QFrame):
    """A white card with a chart: set_figure(figure); a message ("Loading …") until the first picture is drawn.

    rendered() each time a picture of the current figure at the current size is on screen.
    """

    rendered = Signal()

    def __init__(self, name: str, height: int = 380, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"chart_{name}")
        set_role(self, "panel")
        self.setMinimumHeight(height)
        self.figure: Figure | None = None
        self._drawn: tuple[int, QSize] | None = None  # which figure (by generation) at which size is on screen
        self._generation = 0
        self._drawing = False  # one drawing per chart at a time: a Figure is not for two threads at once
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignCenter)
        self.message.setWordWrap(True)
        set_role(self.message, "hint")
        self.image = _Picture()
        self.image.hide()
        self._timer = QTimer(self, singleShot=True, interval=RESIZE_PAUSE_MS)
        self._timer.timeout.connect(self._draw)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.message)
        layout.addWidget(self.image, 1)

    def title(self) -> str:
        return figure_title(self.figure) if self.figure else ""

    @property
    def pixmap(self) -> QPixmap | None:
        return self.image.pixmap

    @property
    def up_to_date(self) -> bool:
        """The picture on screen is of the current figure at the current size."""
        return self._drawn == (self._generation, self.image.size())

    def set_figure(self, figure: Figure) -> None:
        """Show `figure` (made in a worker); it is drawn in the background once the widget has its size."""
        self.figure = figure
        self._generation += 1
        self.setAccessibleName(figure_title(figure))
        self.message.hide()
        self.image.show()
        self._timer.start(0)  # after the layout has given the picture its size

    def set_message(self, text: str) -> None:
        """A chart has nothing to show (or is not loaded yet): say so instead."""
        self.figure = None
        self._generation += 1
        self.image.pixmap = None
        self.image.hide()
        self.message.setText(text)
        self.message.show()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.figure is not None:
            self._timer.start()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.figure is not None:
            self._timer.start(0)

    def _draw(self) -> None:
        size = self.image.size()
        if self.figure is None or self._drawing or self.up_to_date or size.isEmpty() or not self.isVisible():
            return  # a chart nobody sees (another tab is open) is drawn when it is shown
        figure, generation, ratio = self.figure, self._generation, self.devicePixelRatioF()
        self._drawing = True
        run_in_background(lambda: picture(figure, size, ratio), lambda image: self._show(generation, size, image),
                          self._failed)

    def _show(self, generation: int, size: QSize, image: QImage) -> None:
        self._drawing = False
        if generation == self._generation:
            self.image.pixmap = QPixmap.fromImage(image)
            self._drawn = (generation, size)
            self.image.update()
        if self.up_to_date:
            self.rendered.emit()
        else:
            self._draw()  # the figure or the size changed meanwhile: draw again

    def _failed(self, exc: BaseException) -> None:
        self._drawing = False
        self.set_message(str(exc))

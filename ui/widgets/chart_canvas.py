"""A matplotlib Figure on the dashboard: built off the GUI thread by the reports core, drawn here on a Qt canvas."""

from __future__ import annotations

import os

# matplotlib picks its Qt binding from what is already imported (PySide6 is, by ui/), else from QT_API; naming it
# here too means it can never go looking for PyQt, whatever was imported first.
os.environ.setdefault("QT_API", "pyside6")

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QWheelEvent  # noqa: E402
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget  # noqa: E402

from ..theme import set_role  # noqa: E402


class _Canvas(FigureCanvasQTAgg):
    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        event.ignore()  # matplotlib would swallow the wheel: the dashboard must keep scrolling over a chart


def figure_title(figure: Figure) -> str:
    """The figure's own title (suptitle, else the first axes'), for screen readers and tests."""
    suptitle = figure._suptitle.get_text() if figure._suptitle is not None else ""
    if suptitle:
        return suptitle
    titles = (axes.get_title(loc) for axes in figure.axes for loc in ("center", "left", "right"))
    return next((title for title in titles if title), "")


class ChartCanvas(QFrame):
    """A white card that shows a message ("Loading …") until set_figure() puts a chart in it."""

    def __init__(self, name: str, height: int = 380, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"chart_{name}")
        set_role(self, "panel")
        self.setMinimumHeight(height)
        self.canvas: _Canvas | None = None
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignCenter)
        self.message.setWordWrap(True)
        set_role(self.message, "hint")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 8, 8, 8)
        self._layout.addWidget(self.message)

    @property
    def figure(self) -> Figure | None:
        return self.canvas.figure if self.canvas else None

    def title(self) -> str:
        return figure_title(self.figure) if self.figure else ""

    def set_figure(self, figure: Figure) -> None:
        """Show `figure` (made in a worker; a Figure belongs to no thread until a canvas draws it here)."""
        self._drop_canvas()
        self.canvas = _Canvas(figure)
        self.canvas.setFocusPolicy(Qt.NoFocus)  # nothing to do with the keyboard on a chart: Tab goes past it
        self.canvas.setAccessibleName(figure_title(figure))
        self.message.hide()
        self._layout.addWidget(self.canvas)
        self.canvas.draw_idle()

    def set_message(self, text: str) -> None:
        """A chart has nothing to show (or is not loaded yet): say so instead."""
        self._drop_canvas()
        self.message.setText(text)
        self.message.show()

    def _drop_canvas(self) -> None:
        if self.canvas is not None:
            self._layout.removeWidget(self.canvas)
            self.canvas.deleteLater()
            self.canvas = None

"""The look of the app: the bundled DejaVu fonts, Fusion style, a high-contrast palette and the QSS theme."""

from __future__ import annotations

from PySide6.QtCore import QDir
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from pos_loyalty.paths import resource

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
FAMILY = "DejaVu Sans"
BASE_PIXELS = 18

# The same colours as resources/styles/app.qss, for widgets that paint themselves.
INK = QColor("#111827")
PAPER = QColor("#F3F4F6")
PRIMARY = QColor("#0B4F8A")
SUCCESS = QColor("#0B6E3B")
DANGER = QColor("#B42318")
MUTED = QColor("#6B7280")
LINE = QColor("#D1D5DB")
STAMP = QColor("#B45309")  # warm brown-amber, like an ink stamp on a bakery card

_applied = False


def load_fonts() -> str:
    """Register the bundled fonts (the machine may have none with umlauts or euro signs); return the family."""
    families: list[str] = []
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else FAMILY


def palette() -> QPalette:
    pal = QPalette()
    for role, color in ((QPalette.Window, PAPER), (QPalette.WindowText, INK), (QPalette.Base, QColor("white")),
                        (QPalette.Text, INK), (QPalette.Button, QColor("white")), (QPalette.ButtonText, INK),
                        (QPalette.Highlight, PRIMARY), (QPalette.HighlightedText, QColor("white")),
                        (QPalette.ToolTipBase, INK), (QPalette.ToolTipText, QColor("white")),
                        (QPalette.PlaceholderText, QColor("#4B5563"))):
        pal.setColor(role, color)
    return pal


def apply(app: QApplication) -> None:
    """Theme the whole application once (a second call is free: tests build many windows in one process)."""
    global _applied
    if _applied:
        return
    family = load_fonts()
    app.setStyle("Fusion")
    font = QFont(family)
    font.setPixelSize(BASE_PIXELS)
    app.setFont(font)
    app.setPalette(palette())
    QDir.addSearchPath("icons", str(resource("icons")))  # app.qss names its images url(icons:NAME)
    app.setStyleSheet(resource("styles", "app.qss").read_text(encoding="utf-8"))
    _applied = True


def set_role(widget: QWidget, role: str, name: str = "role") -> None:
    """Switch a widget's QSS look at run time (a dynamic property needs a re-polish to take effect)."""
    if widget.property(name) == role:
        return
    widget.setProperty(name, role)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()

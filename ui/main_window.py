"""The main window: for now the shop, its program and its numbers; the counter view comes next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.service import Loyalty


class MainWindow(QMainWindow):
    def __init__(self, service: Loyalty):
        super().__init__()
        self.service = service
        self.setWindowTitle(self.tr("pos-loyalty"))
        try:
            shop = service.program.name
        except LoyaltyError as exc:
            shop = exc.message
        customers = service.db.scalar("SELECT COUNT(*) FROM customers")
        body = QWidget()
        layout = QVBoxLayout(body)
        title = QLabel(shop)
        title.setAlignment(Qt.AlignCenter)
        title.setStyleSheet("font-size: 32px; font-weight: bold;")
        info = QLabel(self.tr("%n customer(s) enrolled. Scan a card to begin.", "", customers))
        info.setAlignment(Qt.AlignCenter)
        layout.addWidget(title)
        layout.addWidget(info)
        self.setCentralWidget(body)
        self.resize(1024, 700)

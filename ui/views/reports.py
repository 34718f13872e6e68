"""The owner's reports dashboard: how the loyalty program is doing in a chosen period, in words, figures and charts.

A period (and shop) is picked at the top; the report is built in the background (reports_load.py) while the last one
stays on screen with "Loading …"; only the newest request's answer is shown. Export writes the report on screen.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QFileDialog, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QSpinBox, QVBoxLayout, QWidget)

from pos_loyalty.clock import utcnow
from pos_loyalty.errors import NotFound
from pos_loyalty.reports.charts import CHARTS
from pos_loyalty.reports.export import write_csv, write_pdf
from pos_loyalty.reports.texts import text as report_text
from pos_loyalty.service import Loyalty

from .. import i18n
from ..i18n import fill
from ..messages import describe
from ..tasks import run_in_background
from ..theme import set_role
from ..widgets.chart_canvas import ChartCanvas
from ..widgets.key_figures import KeyFigures
from ..widgets.period_picker import PeriodPicker
from ..widgets.report_table import ReportTable
from .reports_load import Loaded, load, render

WIDE_CHARTS = {"hours"}  # a week of hours reads best across the whole width


def _section(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    set_role(label, "section")
    return label


class ReportsView(QWidget):
    """loaded() once a report is on screen; exported(path) after an export was written; failed(text) otherwise."""

    loaded = Signal()
    exported = Signal(str)
    failed = Signal(str)

    def __init__(self, service: Loyalty, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reports")
        self.setAttribute(Qt.WA_StyledBackground)  # the theme's grey page under the white cards
        self.service = service
        self.current: Loaded | None = None
        self._serial = 0  # the newest request; an older one's answer is dropped when it arrives
        self._wording: str | None = None  # the language the newest request words the report in

        self.picker = PeriodPicker(self.today)
        self.picker.chosen.connect(self.refresh)
        self.shop_label = QLabel()
        self.shop = QComboBox()
        self.shop.setObjectName("shopPicker")
        self.shop_label.setBuddy(self.shop)
        self.shop.currentIndexChanged.connect(lambda _index: self.refresh())
        for widget in (self.shop_label, self.shop):
            widget.hide()  # until the data holds more than one shop
        controls = QHBoxLayout()
        controls.setSpacing(12)
        controls.addWidget(self.picker, 0, Qt.AlignTop)
        controls.addStretch(1)
        controls.addWidget(self.shop_label, 0, Qt.AlignTop | Qt.AlignRight)
        controls.addWidget(self.shop, 0, Qt.AlignTop)

        # ---- the scrolling dashboard ----
        self.heading = QLabel()
        self.heading.setObjectName("reportHeading")
        self.heading.setWordWrap(True)  # a week's or custom range's label is long: wrap rather than widen the page
        set_role(self.heading, "title")
        self.subheading = QLabel()
        self.subheading.setObjectName("reportSubheading")
        self.subheading.setWordWrap(True)
        set_role(self.subheading, "subtitle")
        self.loading = QLabel()  # a badge over the top right corner of the dashboard, seen wherever it is scrolled
        self.loading.setObjectName("loading")
        set_role(self.loading, "loading")
        self.loading.hide()
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("savePdf")
        self.csv_button = QPushButton()
        self.csv_button.setObjectName("saveCsv")
        for button, ask in ((self.pdf_button, self.ask_pdf), (self.csv_button, self.ask_csv)):
            button.setAutoDefault(False)
            button.setEnabled(False)  # until there is a report to save
            button.clicked.connect(ask)
        self.message = QLabel()
        self.message.setObjectName("reportMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)  # the saved file's path, to copy
        self.message.setContentsMargins(14, 8, 14, 8)
        self.message.hide()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.heading)
        titles.addWidget(self.subheading)
        head = QHBoxLayout()
        head.setSpacing(12)
        head.addLayout(titles, 1)
        head.addWidget(self.pdf_button, 0, Qt.AlignTop)
        head.addWidget(self.csv_button, 0, Qt.AlignTop)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        set_role(self.summary, "summary")
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.figures_title = _section("figuresTitle")
        self.key_figures = KeyFigures()
        self.tiles = self.key_figures.tiles

        self.charts_title = _section("chartsTitle")
        self.charts: dict[str, ChartCanvas] = {name: ChartCanvas(name, 420 if name in WIDE_CHARTS else 380)
                                               for name in CHARTS}
        self.chart_grid = QGridLayout()
        self.chart_grid.setSpacing(14)

        self.staff_title = _section("staffTitle")
        self.staff_table = ReportTable("staff", max_rows=8)
        self.tiers_title = _section("tiersTitle")
        self.tiers_table = ReportTable("tiers", max_rows=8)
        self.tables_row = QGridLayout()
        self.tables_row.setHorizontalSpacing(14)
        self.tables_row.addWidget(self.staff_title, 0, 0)
        self.tables_row.addWidget(self.staff_table, 1, 0, Qt.AlignTop)
        self.tables_row.addWidget(self.tiers_title, 0, 1)
        self.tables_row.addWidget(self.tiers_table, 1, 1, Qt.AlignTop)
        self.tables_row.setColumnStretch(0, 1)
        self.tables_row.setColumnStretch(1, 1)

        self.inactive_before, self.inactive_after = _section("inactiveTitle"), _section("inactiveDays")
        self.inactive_days = QSpinBox()
        self.inactive_days.setObjectName("inactiveDaysSpin")
        self.inactive_days.setRange(7, 730)
        self.inactive_days.setValue(60)
        self.inactive_days.setSingleStep(15)
        self.inactive_days.setMinimumWidth(110)
        self.inactive_before.setBuddy(self.inactive_days)
        self._days_timer = QTimer(self, singleShot=True, interval=500)  # one reload after the owner stops clicking
        self._days_timer.timeout.connect(self.refresh)
        self.inactive_days.valueChanged.connect(lambda _v: self._days_timer.start())
        inactive_head = QHBoxLayout()
        inactive_head.setSpacing(10)
        inactive_head.addWidget(self.inactive_before)
        inactive_head.addWidget(self.inactive_days, 0, Qt.AlignBottom)
        inactive_head.addWidget(self.inactive_after)
        inactive_head.addStretch(1)
        self.inactive_note = QLabel()
        self.inactive_note.setObjectName("inactiveNote")
        self.inactive_note.setWordWrap(True)
        set_role(self.inactive_note, "hint")
        self.inactive_table = ReportTable("inactive", max_rows=12)

        content = QWidget()
        content.setObjectName("reportsContent")
        page = QVBoxLayout(content)
        page.setContentsMargins(4, 8, 16, 24)  # the right margin keeps the cards off the scroll bar
        page.setSpacing(12)
        page.addLayout(head)
        page.addWidget(self.message)
        page.addWidget(self.summary)
        page.addWidget(self.figures_title)
        page.addWidget(self.key_figures)
        page.addWidget(self.charts_title)
        page.addLayout(self.chart_grid)
        page.addLayout(self.tables_row)
        page.addLayout(inactive_head)
        page.addWidget(self.inactive_note)
        page.addWidget(self.inactive_table)
        page.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("reportsScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        self.content = content
        self.loading.setParent(self.scroll.viewport())  # not in a layout: showing it moves nothing
        self.scroll.viewport().installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(controls)
        layout.addWidget(self.scroll, 1)
        self._place_charts()
        self.retranslate()

    # ---- texts ----

    def retranslate(self) -> None:
        self.shop_label.setText(self.tr("Shop"))
        if self.shop.count():
            self.shop.setItemText(0, self.tr("All shops"))
        self.pdf_button.setText(self.tr("Save as PDF …"))
        self.csv_button.setText(self.tr("Save tables as CSV …"))
        self.loading.setText(self.tr("Loading …"))
        self._place_loading()
        self.figures_title.setText(self.tr("Key figures"))
        self.charts_title.setText(self.tr("Charts"))
        self.staff_title.setText(self.tr("New members by staff member"))
        self.tiers_title.setText(self.tr("Tiers: members and moves"))
        self.inactive_before.setText(self.tr("Inactive members: no visit for"))
        self.inactive_after.setText(self.tr("days"))
        if self.current is None:
            self.heading.setText(self.tr("Reports"))
            self.subheading.setText(self.tr("Loading the report …"))
            for chart in self.charts.values():
                chart.set_message(self.tr("Loading …"))
        else:
            self._fill_heading(self.current)
        if self._wording not in (None, i18n.language()):  # charts, summary and tables come worded by the core
            if self.current:
                self._rerender()
            else:
                self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.scroll.viewport() and event.type() == QEvent.Resize:
            self._place_loading()
        return False

    def _place_loading(self) -> None:
        self.loading.adjustSize()
        self.loading.move(self.scroll.viewport().width() - self.loading.width() - 24, 12)
        self.loading.raise_()

    def take_focus(self) -> None:
        """The keyboard starts at the period buttons (a scanned card still goes to the customer search)."""
        self.picker.buttons[self.picker.kind()].setFocus()

    # ---- loading ----

    def today(self) -> date:
        """The shop's date now (its time zone: a till in Berlin after midnight UTC is already in tomorrow)."""
        try:
            return utcnow().astimezone(self.service.program.zone).date()
        except NotFound:  # no program loaded yet: the computer's own date
            return date.today()

    def shop_id(self) -> str | None:
        return self.shop.currentData() if self.shop.isVisible() else None

    @property
    def is_loading(self) -> bool:
        return not self.loading.isHidden()

    @property
    def charts_drawn(self) -> bool:
        """Every chart on screen shows its figure at its size (they are drawn in the background after loading)."""
        return all(chart.up_to_date for chart in self.charts.values() if chart.isVisible())

    def refresh(self) -> None:
        """Build the report for the period, shop and inactive days now chosen, in the background."""
        self._days_timer.stop()
        period, shop, days, lang = self.picker.period(), self.shop_id(), self.inactive_days.value(), i18n.language()
        data_dir = self.service.data_dir
        self._start(lambda: load(data_dir, period, shop, days, lang), lang)

    def _rerender(self) -> None:
        """The report on screen worded again in the UI's language: no database needed."""
        current, lang = self.current, i18n.language()
        self._start(lambda: render(current.report, current.program, current.shops, lang), lang)

    def _start(self, work, lang: str) -> None:
        self._wording = lang
        self._serial += 1
        serial = self._serial
        self.loading.show()
        # The owner area may be gone by the time a report arrives (the window closed meanwhile): then drop it.
        run_in_background(work, lambda loaded: shiboken6.isValid(self) and self._show(serial, loaded),
                          lambda exc: shiboken6.isValid(self) and self._fail(serial, exc))

    def _show(self, serial: int, loaded: Loaded) -> None:
        if serial != self._serial:
            return  # an older request: the newer one's answer is on its way
        self.loading.hide()
        self.current = loaded
        self._fill_shops(loaded.shops)
        self._fill_heading(loaded)
        self.key_figures.fill(loaded)
        self.summary.setText(loaded.summary)
        for name, chart in self.charts.items():
            if name in loaded.figures:
                chart.set_figure(loaded.figures[name])
        self._place_charts()
        self._fill_tables(loaded)
        for button in (self.pdf_button, self.csv_button):
            button.setEnabled(True)
        self.loaded.emit()

    def _fail(self, serial: int, exc: BaseException) -> None:
        if serial != self._serial:
            return
        self.loading.hide()
        self._say(fill(self.tr("The report could not be made: %1"), describe(exc)), error=True)
        if self.current is None:  # no "Loading …" left behind for a report that is not coming
            self.subheading.clear()
            for chart in self.charts.values():
                chart.set_message(self.tr("Nothing to show."))
        self.failed.emit(str(exc))

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        set_role(self.message, "error" if error else "notice")
        self.message.setVisible(bool(text))

    def _fill_shops(self, shops: tuple[tuple[str, str], ...]) -> None:
        """All shops and each shop, once the data holds several (a single shop needs no picker)."""
        chosen = self.shop.currentData()
        self.shop.blockSignals(True)  # refilling is no choice of the owner's: no reload
        self.shop.clear()
        self.shop.addItem(self.tr("All shops"), None)
        for shop_id, name in shops:
            self.shop.addItem(name, shop_id)
        self.shop.setCurrentIndex(max(0, self.shop.findData(chosen)))
        self.shop.blockSignals(False)
        several = len(shops) > 1
        self.shop_label.setVisible(several)
        self.shop.setVisible(several)

    def _fill_heading(self, loaded: Loaded) -> None:
        report, program = loaded.report, loaded.program
        self.heading.setText(report.period.label(i18n.language()))
        parts = [fill(self.tr("as of %1"), i18n.moment(report.as_of, program)).replace(" ", "\u00a0")]
        if self.shop.isVisible():  # several shops: say which one (or all) these figures are of
            parts.insert(0, (report.shop_name or self.tr("All shops")).replace(" ", "\u00a0"))
        # what the figures are compared with ("1.–15. März 2026, bis 10:00 Uhr" while the period runs) may wrap
        parts.insert(-1, fill(self.tr("Compared with %1"), report.compared.label(i18n.language())))
        self.subheading.setText("  ·  ".join(parts))  # wrap between parts, and inside the long comparison

    def _place_charts(self) -> None:
        """Two charts a row; the heat map, and a chart that would stand alone, across both; the charts the program
        has nothing for (no tiers) left out."""
        for name, chart in self.charts.items():
            self.chart_grid.removeWidget(chart)
            chart.setVisible(self.current is None or name in self.current.figures)
        shown = [name for name, chart in self.charts.items() if not chart.isHidden()]
        row = column = 0
        for index, name in enumerate(shown):
            following = shown[index + 1] if index + 1 < len(shown) else None
            wide = name in WIDE_CHARTS or (column == 0 and (following is None or following in WIDE_CHARTS))
            self.chart_grid.addWidget(self.charts[name], row, column, 1, 2 if wide else 1)
            row, column = (row + 1, 0) if wide or column else (row, 1)
        for column in range(2):
            self.chart_grid.setColumnStretch(column, 1)

    # ---- tables ----

    def _fill_tables(self, loaded: Loaded) -> None:
        empty = self.tr("Nothing in this period.")
        for name, table in (("staff", self.staff_table), ("tiers", self.tiers_table),
                            ("inactive", self.inactive_table)):
            table.setVisible(name in loaded.tables)  # no tiers table for a program without tiers
            if name in loaded.tables:
                table.show_rows(*loaded.tables[name], empty, self._unused_columns(loaded, name))
        self.tiers_title.setVisible(self.tiers_table.isVisibleTo(self))
        report = loaded.report
        listed = len(report.inactive)
        note = self.tr("%Ln member(s) have not visited for that long.", "", report.inactive_count)
        if listed < report.inactive_count:
            note += " " + self.tr("The %Ln who spent most are listed.", "", listed)
        self.inactive_note.setText(note if report.inactive_count else self.tr("Every member has visited lately."))

    @staticmethod
    def _unused_columns(loaded: Loaded, name: str) -> list[int]:
        """Columns the screen leaves out: the account id (for the CSV) and balances the program does not have."""
        if name != "inactive":
            return []
        program, report, lang = loaded.program, loaded.report, loaded.lang
        unused = {report_text("column.customer", lang)}
        for has, column in ((program.stamps, "column.stamps"), (program.points, "column.points"),
                            (program.cashback, "column.cashback")):
            if has is None:
                unused.add(report_text(column, lang, currency=report.currency))
        headers = loaded.tables[name][0]
        return [index for index, header in enumerate(headers) if header in unused]

    # ---- export ----

    def _suggested(self, suffix: str) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or str(Path.home())
        period = self.current.report.period
        return str(Path(folder) / f"loyalty-report-{period.start.isoformat()}-{period.last.isoformat()}{suffix}")

    def ask_pdf(self) -> None:
        if self.current is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report as PDF"), self._suggested(".pdf"),
                                              self.tr("PDF document (*.pdf)"))
        if path:
            self.save_pdf(path if path.lower().endswith(".pdf") else path + ".pdf")

    def ask_csv(self) -> None:
        if self.current is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder for the CSV files"),
                                                  str(Path(self._suggested("")).parent))
        if folder:
            self.save_csv(folder)

    def save_pdf(self, path: str) -> None:
        """Write the report on screen to `path` as a PDF, in the background."""
        self._export(write_pdf, path, self.tr("Saving the PDF …"))

    def save_csv(self, folder: str) -> None:
        """Write every table of the report on screen into `folder` as CSV files, in the background."""
        self._export(write_csv, folder, self.tr("Saving the CSV files …"))

    def _export(self, write, where: str, saying: str) -> None:
        report, lang = self.current.report, i18n.language()

        def work() -> str:
            write(report, Path(where), lang)
            return where

        for button in (self.pdf_button, self.csv_button):
            button.setEnabled(False)  # one export at a time: a second click would write the same files again
        self._say(saying)
        run_in_background(work, self._exported, self._export_failed)

    def _export_done(self) -> None:
        for button in (self.pdf_button, self.csv_button):
            button.setEnabled(self.current is not None)

    def _exported(self, where: str) -> None:
        self._export_done()
        self._say(fill(self.tr("Saved: %1"), where))
        self.exported.emit(where)

    def _export_failed(self, exc: BaseException) -> None:
        self._export_done()
        self._say(fill(self.tr("Could not save: %1"), describe(exc)), error=True)
        self.failed.emit(str(exc))

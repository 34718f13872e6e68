"""The import wizard: choose a CSV file, say which column holds what, check the preview and the problems, import
in the background, then save the new cards (a PDF to print, a CSV) and the list of problems."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QComboBox, QDialog, QFileDialog,
                               QHeaderView, QProgressBar, QRadioButton, QStackedWidget, QTableWidgetItem, QTabWidget,
                               QVBoxLayout, QWidget)

from pos_loyalty import importer
from pos_loyalty.clock import from_db
from pos_loyalty.errors import LoyaltyError
from pos_loyalty.service import Loyalty
from pos_loyalty.staff import StaffMember

from .. import i18n
from ..card_sheet import write_pdf
from ..i18n import fill
from ..messages import describe
from ..tasks import run_in_background
from .import_parts import Progress, button, button_row, field_name, fill_table, page, problem_text, table, text
from .parts import error_label

PREVIEW_ROWS = 50
PROBLEM_ROWS = 500  # the table shows this many; the saved list has them all
SHOWN_FIELDS = ("email", "phone", "birthday", "stamps", "points", "cashback", "old_card")  # after line and name


class ImportCustomersDialog(QDialog):
    """planned() when the preview shows a plan, imported(count) after the import, saved(path) after each file
    written, failed(message) when a background job failed. File paths can be given directly (open_file,
    save_problems, save_cards_pdf, save_cards_csv); the ask_* methods ask with a file dialog first."""

    planned = Signal()
    imported = Signal(int)
    saved = Signal(str)
    failed = Signal(str)

    FILE, MAPPING, PREVIEW, WORKING, DONE = range(5)

    def __init__(self, service: Loyalty, staff: StaffMember, parent: QWidget | None = None):
        super().__init__(parent)
        self.service, self.staff = service, staff
        self.path: Path | None = None
        self.table: importer.Table | None = None
        self.plan: importer.Plan | None = None
        self.result: importer.Result | None = None
        self.busy = False
        self._stop = threading.Event()
        self.progress = Progress()
        self.progress.changed.connect(self._show_progress)
        self.setWindowTitle(self.tr("Import customers"))
        self.setMinimumSize(1180, 720)
        self.pages = QStackedWidget()
        for build in (self._file_page, self._mapping_page, self._preview_page, self._working_page, self._done_page):
            self.pages.addWidget(build())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.addWidget(self.pages)

    # ---- the pages ----

    def _file_page(self) -> QWidget:
        intro = text("subtitle", words=self.tr("Bring the customers of a paper card file or another loyalty app "
                                               "into this shop, with their stamps, points and cashback."))
        how = text(words=self.tr("Choose a CSV file with one customer per row and the column names in the first "
                                 "row, as Excel saves it (File › Save as › CSV) or another app exports it. Nothing "
                                 "is imported before you have seen what would be."))
        known = text(words=self.tr("Columns that are recognised by their names, in English or German: name (or "
                                   "first and last name), email, phone, birthday, stamps, points, cashback, old "
                                   "card number and consent to emails."))
        self.choose_button = button(self.tr("Choose a CSV file …"), "chooseFile", self.ask_file, "primary")
        self.file_error = error_label()
        out, layout = page(self.tr("Import customers"), intro, how, known)
        layout.addWidget(self.choose_button, 0, Qt.AlignLeft)
        layout.addWidget(self.file_error)
        layout.addStretch(1)
        layout.addLayout(button_row(self._cancel(), None))
        return out

    def _mapping_page(self) -> QWidget:
        self.mapping_hint = text()
        self.columns = table([self.tr("Column in the file"), self.tr("Examples"), self.tr("Import as")], "columns")
        self.columns.verticalHeader().setDefaultSectionSize(56)
        self.columns.setSelectionMode(QAbstractItemView.NoSelection)
        self.mapping_error = error_label()
        self.check_button = button(self.tr("Check the rows"), "checkRows", self.check_rows, "primary")
        out, layout = page(self.tr("Which column holds what?"), self.mapping_hint, self.columns, self.mapping_error)
        layout.setStretchFactor(self.columns, 1)
        layout.addLayout(button_row(self._back(self.FILE), self._cancel(), None, self.check_button))
        return out

    def _preview_page(self) -> QWidget:
        self.summary = text("subtitle", "summary")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("previewTabs")
        self.preview = table([], "preview")
        self.problems = table([], "problems")
        self.tabs.addTab(self.preview, "")
        self.tabs.addTab(self.problems, "")
        self.skip_choice, self.fix_choice = QRadioButton(), QRadioButton()
        self.skip_choice.setObjectName("skipBadRows")
        self.fix_choice.setObjectName("fixFirst")
        self.choice = QButtonGroup(self)
        for choice in (self.skip_choice, self.fix_choice):
            self.choice.addButton(choice)
            choice.toggled.connect(lambda _on: self._update_preview_buttons())
        self.fix_hint = text(words=self.tr("Save the problems, correct those rows in your file and save it, then "
                                           "press “Read the file again”."))
        self.preview_error = error_label()
        self.preview_message = text("hint", "previewMessage")
        self.save_problems_button = button(self.tr("Save the problems …"), "saveProblems", self.ask_problems)
        self.import_button = button("", "import", self.go, "primary")
        out, layout = page(self.tr("Check before importing"), self.summary, self.tabs, self.skip_choice,
                           self.fix_choice, self.fix_hint, self.preview_error, self.preview_message)
        layout.setStretchFactor(self.tabs, 1)
        layout.addLayout(button_row(self._back(self.MAPPING), self._cancel(), None, self.save_problems_button,
                                    self.import_button))
        return out

    def _working_page(self) -> QWidget:
        self.working_label = text("subtitle", "working")
        self.bar = QProgressBar()
        self.bar.setObjectName("progress")
        self.bar.setMinimumHeight(36)
        self.stop_note = text(words=self.tr("The customers are saved all together at the end: if you stop, nothing "
                                            "is imported."))
        self.stop_button = button(self.tr("Stop"), "stop", self.stop)
        out, layout = page(self.tr("Please wait …"), self.working_label, self.bar, self.stop_note)
        layout.addStretch(1)
        layout.addLayout(button_row(None, self.stop_button))
        return out

    def _done_page(self) -> QWidget:
        self.done_summary = text("subtitle", "doneSummary")
        cards_hint = text(words=self.tr("Every imported customer has a new card. Print them all at once (ten to an "
                                        "A4 page, to cut out), or save the list of names and card numbers for a "
                                        "print shop. The old card numbers still find the customers in the search."))
        self.pdf_button = button(self.tr("Save the cards as PDF …"), "saveCardsPdf", self.ask_cards_pdf)
        self.csv_button = button(self.tr("Save the card list as CSV …"), "saveCardsCsv", self.ask_cards_csv)
        self.done_problems_button = button(self.tr("Save the problems …"), "saveSkipped", self.ask_problems)
        self.save_bar = QProgressBar()
        self.save_bar.setObjectName("saveProgress")
        self.save_bar.hide()
        self.done_message = text("hint", "doneMessage")
        out, layout = page(self.tr("Import finished"), self.done_summary, cards_hint)
        layout.addLayout(button_row(self.pdf_button, self.csv_button, self.done_problems_button, None))
        layout.addWidget(self.save_bar)
        layout.addWidget(self.done_message)
        layout.addStretch(1)
        layout.addLayout(button_row(None, button(self.tr("Done"), "done", self.accept, "primary")))
        return out

    def _back(self, to: int) -> QWidget:
        return button(self.tr("Back"), "back", lambda: self.pages.setCurrentIndex(to))

    def _cancel(self) -> QWidget:
        return button(self.tr("Cancel"), "cancel", self.reject)

    # ---- 1: the file ----

    def ask_file(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the customer file"), folder,
                                              self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if path:
            self.open_file(path)

    def open_file(self, path: str | Path, *, again: bool = False) -> None:
        """Read the file in the background, then show its columns with what each seems to hold (`again`: the
        owner corrected it; with the same columns it goes straight to the check)."""
        self.path = Path(path)
        self.file_error.hide()
        self._working(self.tr("Reading the file …"))
        run_in_background(lambda: importer.read(path), lambda table: self._file_read(table, again),
                          lambda exc: self._failed(exc, self.FILE, self.file_error))

    def _file_read(self, read: importer.Table, again: bool) -> None:
        self.busy = False
        same = self.table is not None and self.table.header == read.header
        mapping = self.mapping() if same else importer.guess(read.header)
        self.table = read
        self._show_columns(mapping)
        if again and same:
            self.check_rows()
        else:
            self.mapping_error.hide()
            self.pages.setCurrentIndex(self.MAPPING)

    def _show_columns(self, mapping: dict[int, str]) -> None:
        read = self.table
        self.mapping_hint.setText(fill(self.tr("%1: %2 rows. The columns were recognised by their names: check "
                                               "them, and change what is wrong."), read.name,
                                       i18n.number(len(read.records))))
        self.columns.setRowCount(len(read.header))
        for index, title in enumerate(read.header):
            seen = dict.fromkeys(cells[index] for _, cells in read.records[:200] if cells[index])
            self.columns.setItem(index, 0, QTableWidgetItem(title or fill(self.tr("(column %1)"), index + 1)))
            self.columns.setItem(index, 1, QTableWidgetItem(" · ".join(list(seen)[:3])))
            combo = QComboBox()
            combo.setObjectName(f"field{index}")
            for field in importer.FIELDS + (importer.IGNORE,):
                combo.addItem(field_name(field), field)
            combo.setCurrentIndex(combo.findData(mapping.get(index, importer.IGNORE)))
            self.columns.setCellWidget(index, 2, combo)
        self.columns.resizeColumnsToContents()
        self.columns.setColumnWidth(0, min(self.columns.columnWidth(0), 280))
        self.columns.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)

    # ---- 2: the columns ----

    def mapping(self) -> dict[int, str]:
        fields = {i: self.columns.cellWidget(i, 2).currentData() for i in range(self.columns.rowCount())}
        return {i: f for i, f in fields.items() if f != importer.IGNORE}

    def set_field(self, column: str, field: str) -> None:
        """What the owner does with a column's combo box, by the column's title."""
        combo = self.columns.cellWidget(self.table.header.index(column), 2)
        combo.setCurrentIndex(combo.findData(field))

    def check_rows(self) -> None:
        """The dry run, in the background with its own connection: every row checked, nothing written."""
        mapping = self.mapping()
        try:
            importer.check(self.table.header, mapping)
        except LoyaltyError as exc:
            self._failed(exc, self.MAPPING, self.mapping_error)
            return
        self.mapping_error.hide()
        data_dir, read = self.service.data_dir, self.table

        def work() -> importer.Plan:
            app = Loyalty(data_dir)
            try:
                return importer.build(app, read, mapping)
            finally:
                app.close()

        self._working(self.tr("Checking every row …"))
        run_in_background(work, self._planned, lambda exc: self._failed(exc, self.MAPPING, self.mapping_error))

    # ---- 3: the preview ----

    def _planned(self, plan: importer.Plan) -> None:
        self.busy = False
        self.plan = plan
        program = self._program()
        summary = plan.summary()
        bad, already, new = summary["bad_rows"], summary["already_imported"], len(plan.customers)
        lines = [self.tr("%Ln customer(s) will be imported, each with a new card.", "", new) if new
                 else self.tr("There is no one new to import in this file.")]
        units = set(plan.mapping.values())
        balances = [self.tr("%Ln stamp(s)", "", summary["opening_stamps"]) if "stamps" in units else "",
                    self.tr("%Ln point(s)", "", summary["opening_points"]) if "points" in units else "",
                    fill(self.tr("%1 cashback"), i18n.money(sum(c.cashback for c in plan.customers), program))
                    if "cashback" in units else ""]
        if new and any(balances):
            lines.append(fill(self.tr("Opening balances: %1."), ", ".join(b for b in balances if b)))
        if bad:
            lines.append(self.tr("%Ln row(s) have problems (see the list) and cannot be imported as they are.", "",
                                 bad))
        if already:
            lines.append(self.tr("%Ln row(s) were imported before and are left alone.", "", already))
        if plan.previous_import:
            lines.append(fill(self.tr("This very file was imported before, on %1."),
                              i18n.moment(from_db(plan.previous_import["at"]), program)))
        self.summary.setText("\n".join(lines))
        self._fill_preview(plan, program)
        self._fill_problems(plan)
        self.skip_choice.setText(fill(self.tr("Import the %1 good rows now, and skip the %2 rows with problems"),
                                      i18n.number(new), i18n.number(bad)))
        self.fix_choice.setText(self.tr("Fix the file first (nothing is imported now)"))
        self.choice.setExclusive(False)  # the owner chooses, explicitly: nothing is ticked for them
        self.skip_choice.setChecked(False)
        self.fix_choice.setChecked(False)
        self.choice.setExclusive(True)
        for widget in (self.skip_choice, self.fix_choice, self.save_problems_button):
            widget.setVisible(bool(bad))
        self.preview_error.hide()
        self.preview_message.clear()
        self._update_preview_buttons()
        self.tabs.setCurrentIndex(0 if new or not bad else 1)
        self.pages.setCurrentIndex(self.PREVIEW)
        self.planned.emit()

    def _fill_preview(self, plan: importer.Plan, program) -> None:
        """The first rows as they will be imported, in the columns the file has."""
        mapped = set(plan.mapping.values())
        fields = [f for f in SHOWN_FIELDS if f in mapped]
        formats = {"birthday": lambda c: i18n.day(c.birthday, program) if c.birthday else "",
                   "stamps": lambda c: i18n.number(c.stamps, program),
                   "points": lambda c: i18n.number(c.points, program),
                   "cashback": lambda c: i18n.money(c.cashback, program)}
        rows = [[str(c.line), c.name or ""] + [formats[f](c) if f in formats else getattr(c, f) or "" for f in fields]
                for c in plan.customers[:PREVIEW_ROWS]]
        numeric = tuple(i + 2 for i, f in enumerate(fields) if f in ("stamps", "points", "cashback"))
        fill_table(self.preview, [self.tr("Line"), field_name("name")] + [field_name(f) for f in fields], rows,
                   right=(0,) + numeric, stretch=(1, 2) if "email" in fields else (1,))
        self.tabs.setTabText(0, fill(self.tr("New customers (%1)"), i18n.number(len(plan.customers)))
                             if len(rows) == len(plan.customers) else
                             fill(self.tr("New customers (the first %1 of %2)"), len(rows),
                                  i18n.number(len(plan.customers))))

    def _fill_problems(self, plan: importer.Plan) -> None:
        shown = plan.problems[:PROBLEM_ROWS]
        fill_table(self.problems, [self.tr("Line"), self.tr("Column"), self.tr("Problem")],
                   [[str(p.line), p.column or "", problem_text(p)] for p in shown], right=(0,), stretch=(2,))
        self.tabs.setTabEnabled(1, bool(plan.problems))
        self.tabs.setTabText(1, fill(self.tr("Problems (%1)"), i18n.number(len(plan.problems)))
                             if len(shown) == len(plan.problems) else
                             fill(self.tr("Problems (the first %1 of %2: save them to see all)"), len(shown),
                                  i18n.number(len(plan.problems))))

    def _update_preview_buttons(self) -> None:
        if self.plan is None:
            return
        fixing = self.fix_choice.isChecked()
        self.fix_hint.setVisible(fixing)
        if fixing:
            self.import_button.setText(self.tr("Read the file again"))
            self.import_button.setEnabled(True)
            return
        self.import_button.setText(self.tr("Import %Ln customer(s)", "", len(self.plan.customers)))
        self.import_button.setEnabled(bool(self.plan.customers) and (not self.plan.problems
                                                                     or self.skip_choice.isChecked()))

    def go(self) -> None:
        if self.fix_choice.isChecked():
            self.open_file(self.path, again=True)
        elif self.import_button.isEnabled():
            self.start_import()

    # ---- 4: importing ----

    def start_import(self) -> None:
        data_dir, staff, plan, stop, relay = self.service.data_dir, self.staff, self.plan, self._stop, self.progress
        skip = bool(plan.problems)  # the owner ticked "skip" (the button is off until then)
        stop.clear()

        def progress(done: int, total: int) -> None:
            if stop.is_set():
                raise importer.Cancelled("The import was stopped; nothing was imported.")
            relay.changed.emit(done, total)

        def work() -> importer.Result:
            app = Loyalty(data_dir)
            try:
                return importer.run(app, plan, staff, skip_bad_rows=skip, progress=progress)
            finally:
                app.close()

        self._working(fill(self.tr("Importing %1 customers …"), i18n.number(len(plan.customers))), stoppable=True)
        run_in_background(work, self._imported, lambda exc: self._failed(exc, self.PREVIEW, self.preview_error,
                                                                        self.tr("Nothing was imported: %1")))

    def stop(self) -> None:
        self._stop.set()
        self.stop_button.setEnabled(False)
        self.working_label.setText(self.tr("Stopping: taking back what was started …"))

    def _imported(self, result: importer.Result) -> None:
        self.busy = False
        self.result = result
        skipped = len(result.plan.bad_lines)
        lines = [self.tr("%Ln customer(s) imported, each with a new card.", "", len(result.cards))]
        if skipped:
            lines.append(self.tr("%Ln row(s) with problems were skipped: save them to fix and import them "
                                 "later.", "", skipped))
        lines.append(self.tr("Stamps, points and cashback from the file are booked as opening balances."))
        self.done_summary.setText("\n".join(lines))
        self.done_problems_button.setVisible(bool(skipped))
        for widget in (self.pdf_button, self.csv_button):
            widget.setEnabled(bool(result.cards))
        self.pages.setCurrentIndex(self.DONE)
        self.imported.emit(len(result.cards))

    def _working(self, words: str, stoppable: bool = False) -> None:
        self.busy = True
        self.working_label.setText(words)
        self.bar.setRange(0, 0)  # busy until the first progress arrives
        for widget in (self.stop_button, self.stop_note):
            widget.setVisible(stoppable)
        self.stop_button.setEnabled(stoppable)
        self.pages.setCurrentIndex(self.WORKING)

    def _failed(self, exc: BaseException, to: int, label, words: str = "%1") -> None:
        self.busy = False
        self.pages.setCurrentIndex(to)
        label.setText(fill(words, describe(exc, self._program())))
        label.show()
        self.failed.emit(str(exc))

    def _show_progress(self, done: int, total: int) -> None:
        bar = self.save_bar if self.pages.currentIndex() == self.DONE else self.bar
        bar.setRange(0, max(total, 1))
        bar.setValue(done)
        if bar is self.bar and not self._stop.is_set():
            self.working_label.setText(fill(self.tr("Importing: %1 of %2 customers …"), i18n.number(done),
                                            i18n.number(total)))

    def reject(self) -> None:
        """Closing while a job runs stops it first (an import then takes back everything)."""
        if self.busy:
            if self.stop_button.isVisible():
                self.stop()
            return
        super().reject()

    # ---- 5: the files to keep ----

    def _ask_save(self, title: str, what: str, suffix: str, kind: str) -> str | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or str(Path.home())
        suggestion = str(Path(folder) / f"{self.path.stem}-{what}{suffix}")
        path, _ = QFileDialog.getSaveFileName(self, title, suggestion, kind)
        if not path:
            return None
        return path if path.lower().endswith(suffix) else path + suffix

    def ask_problems(self) -> None:
        path = self._ask_save(self.tr("Save the rows with problems"), self.tr("problems"), ".csv",
                              self.tr("CSV file (*.csv)"))
        if path:
            self.save_problems(path)

    def ask_cards_pdf(self) -> None:
        path = self._ask_save(self.tr("Save the new cards for printing"), self.tr("cards"), ".pdf",
                              self.tr("PDF file (*.pdf)"))
        if path:
            self.save_cards_pdf(path)

    def ask_cards_csv(self) -> None:
        path = self._ask_save(self.tr("Save the list of new cards"), self.tr("cards"), ".csv",
                              self.tr("CSV file (*.csv)"))
        if path:
            self.save_cards_csv(path)

    def save_problems(self, path: str) -> None:
        """The rows with problems as they were, with their line and problems in words: to fix and import again."""
        plan = self.result.plan if self.result else self.plan
        header = (self.tr("Line"), self.tr("Problem"))
        self._save(lambda: importer.write_problems(path, plan, problem_text, header))

    def save_cards_csv(self, path: str) -> None:
        imported, delimiter = self.result.cards, self.table.delimiter
        header = (self.tr("Line"), field_name("name"), self.tr("New card"), field_name("old_card"))
        self._save(lambda: importer.write_cards(path, imported, delimiter, header))

    def save_cards_pdf(self, path: str) -> None:
        people = [(c.card, c.name or "") for c in self.result.cards]
        program = self._program()
        shop, relay = program.name if program else "", self.progress
        self.save_bar.setRange(0, 0)
        self.save_bar.show()
        self._save(lambda: write_pdf(path, people, shop, relay.changed.emit))

    def _save(self, work) -> None:
        self._tell(self.tr("Saving …"))
        run_in_background(work, self._saved, self._save_failed)

    def _saved(self, path: Path) -> None:
        self.save_bar.hide()
        self._tell(fill(self.tr("Saved: %1"), str(path)))
        self.saved.emit(str(path))

    def _save_failed(self, exc: BaseException) -> None:
        self.save_bar.hide()
        self._tell(fill(self.tr("That did not work: %1"), describe(exc)))
        self.failed.emit(str(exc))

    def _tell(self, words: str) -> None:
        """A line under the buttons of the page the owner is on (the preview or the last page)."""
        self.done_message.setText(words)
        self.preview_message.setText(words)

    def _program(self):
        try:
            return self.service.program
        except LoyaltyError:
            return None

"""The program file as a form: a list of sections on the left, the chosen section's fields beside it.

The form edits a ProgramDocument key by key (comments and layout of the file stay) and emits changed(); the editor
then runs the parser and calls show_error() with what it found, which lands on the field it names, or on the row
or section when the mistake is about the whole of it. What each section holds is in program_sections.py.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QScrollArea, QStackedWidget, QWidget

from pos_loyalty.program import Program, ProgramError
from pos_loyalty.program_edit import ProgramDocument

from ..program_errors import explain
from ..theme import DANGER, INK
from .program_fields import Field
from .program_sections import SECTIONS, SectionBuilder


def section_of(path: tuple) -> str:
    """The form section a key of the file is edited in."""
    if path[:2] == ("points", "expiry_days"):
        return "expiry"
    return path[0] if path and path[0] in SECTIONS else "program"


class ProgramForm(QWidget):
    """set_document(doc); changed() after each edit; show_error(error or None)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc: ProgramDocument | None = None
        self.program: Program | None = None  # the last valid program: new rows take their examples from it
        self.fields: dict[tuple, Field] = {}
        self.notes: dict[tuple, QLabel] = {}  # a mistake about a whole section or row is shown here
        self.error: ProgramError | None = None
        self.builder = SectionBuilder(self)
        self.nav = QListWidget()
        self.nav.setObjectName("programSections")
        self.nav.setFixedWidth(210)
        self.nav.setWordWrap(True)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.pages = QStackedWidget()
        self.scrolls: dict[str, QScrollArea] = {}
        for section in SECTIONS:
            scroll = QScrollArea()
            scroll.setObjectName(f"page-{section}")
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)  # fields share the width; a small screen scrolls
            self.scrolls[section] = scroll
            self.pages.addWidget(scroll)
            self.nav.addItem(QListWidgetItem())
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self._name_nav()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange and self.doc is not None:
            self.rebuild()
        super().changeEvent(event)

    # ---- building ----

    def set_document(self, doc: ProgramDocument, program: Program | None) -> None:
        self.doc, self.program = doc, program
        self.rebuild()

    def rebuild(self, sections: tuple[str, ...] = SECTIONS) -> None:
        for section in sections:
            for path in [p for p in self.fields if section_of(p) == section]:
                del self.fields[path]
            for path in [p for p in self.notes if section_of(p) == section]:
                del self.notes[path]
            self.scrolls[section].setWidget(self.builder.page(section))  # the old page is deleted
        self._name_nav()
        self.show_error(self.error)

    def restructure(self, sections: tuple[str, ...], focus: tuple | None = None) -> None:
        """After an edit that adds or removes fields: rebuild once the signal that caused it has returned."""
        self.changed.emit()

        def later() -> None:
            self.rebuild(sections)
            target = self.fields.get(focus) if focus else None
            if target is not None:
                target.focus()
                self.scrolls[section_of(focus)].ensureWidgetVisible(target)

        QTimer.singleShot(0, later)

    def _name_nav(self) -> None:
        for row, section in enumerate(SECTIONS):
            self.nav.item(row).setText(self.builder.title(section))

    def show_section(self, section: str) -> None:
        self.nav.setCurrentRow(SECTIONS.index(section))

    def add_page(self, page: QWidget) -> int:
        """One more entry after the sections (its text is the caller's to set); returns its row."""
        self.pages.addWidget(page)
        self.nav.addItem(QListWidgetItem())
        return self.nav.count() - 1

    # ---- the document ----

    def edit(self, path: tuple, value) -> None:
        self.doc.set(path, value)
        self.changed.emit()

    def show_error(self, error: ProgramError | None) -> str | None:
        """Put the mistake where it is; returns the section it is in (None when there is none or it is about the
        whole file)."""
        self.error = error
        for field in self.fields.values():
            field.show_error(None)
        for note in self.notes.values():
            note.hide()
        for row, section in enumerate(SECTIONS):
            self.nav.item(row).setForeground(INK)
            self.nav.item(row).setText(self.builder.title(section))
        if error is None:
            return None
        text = explain(error)
        path = error.path
        if path in self.fields:
            self.fields[path].show_error(text)
        else:
            holder = next((path[:cut] for cut in range(len(path), 0, -1) if path[:cut] in self.notes), None)
            if holder is None:
                return None
            self.notes[holder].setText(text)
            self.notes[holder].show()
        section = section_of(path)
        item = self.nav.item(SECTIONS.index(section))
        item.setForeground(QColor(DANGER))
        item.setText("⚠ " + self.builder.title(section))
        return section

    def label_of(self, path: tuple) -> str:
        """Where a mistake is, in words: "Rewards › Reward 2 › How many"."""
        parts = [self.builder.title(section_of(path))] if path else []
        row = next((cut + 1 for cut, part in enumerate(path) if isinstance(part, int)), None)
        if row:
            parts.append(self.builder.row_title(path[:row]))
        if path in self.fields:
            parts.append(self.fields[path].label.text())
        return " › ".join(parts)

    def go_to_error(self) -> None:
        if self.error is None or not self.error.path:
            return
        self.show_section(section_of(self.error.path))
        field = self.fields.get(self.error.path)
        if field is not None:
            field.focus()
            self.scrolls[section_of(self.error.path)].ensureWidgetVisible(field)

    def currency(self) -> str:
        return str(self.doc.get(("program", "currency"), "EUR")).upper()

    def setFocus(self, reason=Qt.OtherFocusReason) -> None:  # noqa: N802
        self.nav.setFocus(reason)

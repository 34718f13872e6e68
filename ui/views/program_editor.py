"""The owner's Program tab: the program file as a form with a live preview, saved as a new version; the versions.

Every edit goes into a ProgramDocument (the file's text, comments kept) and is checked at once by the program's own
parser; the mistake shows at its field and Save waits until there is none. Saving stores a new version: bookings
made before keep the version they were booked under. On a till connected to a server, a program the chain's admin
uploads there replaces the local one at the next sync (see pos_loyalty/store/sync.py), and the tab says so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from pos_loyalty.errors import LoyaltyError, NotFound
from pos_loyalty.program import Program, ProgramError
from pos_loyalty.program_edit import ProgramDocument
from pos_loyalty.service import Loyalty
from pos_loyalty.staff import StaffMember

from ..dialogs.confirm import ConfirmDialog
from ..i18n import fill
from ..messages import describe
from ..program_errors import explain
from ..sync_worker import is_registered
from ..tasks import run_in_background
from ..theme import set_role
from ..widgets.program_form import ProgramForm, section_of
from ..widgets.program_preview import ProgramPreview
from .program_versions import ProgramVersions

STARTER = '[program]\nname = "My shop"\ncurrency = "EUR"\ntimezone = "Europe/Berlin"\nlocale = "de_DE"\n'


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ProgramError(f"{path} is not a UTF-8 text file") from None
    except OSError as exc:
        raise ProgramError(f"cannot read program file {path}: {exc.strerror}") from None


class ProgramEditor(QWidget):
    """open_for(owner) when the owner area opens; saved(version) after a new version is in force."""

    saved = Signal(int)

    def __init__(self, service: Loyalty, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("programEditor")
        self.service = service
        self.staff: StaffMember | None = None
        self.doc: ProgramDocument | None = None
        self.baseline = ""  # the text of the version in force when the editor took it up
        self.error: ProgramError | None = None
        self.dialog: ConfirmDialog | None = None
        self._status: tuple[str, str] | None = None  # (text, role) of the last file or save message
        self.in_force: int | None = None  # the version the counter uses (kept here: retranslating reads no data)
        self.server: tuple[bool, bool] = (False, False)  # (registered with a server, in-force program came from it)

        self.notice = QLabel()
        self.notice.setObjectName("syncNotice")
        set_role(self.notice, "notice")
        self.notice.setWordWrap(True)
        self.notice.setContentsMargins(14, 6, 14, 6)
        self.notice.hide()

        self.form = ProgramForm()
        self.form.changed.connect(self._edited)
        self.preview = ProgramPreview()
        self.preview.setMinimumWidth(320)
        self.preview.setMaximumWidth(380)
        # The versions and the file buttons are the last entry of the form's list of sections.
        self.versions = ProgramVersions(service)
        self.versions.restore_requested.connect(self.ask_restore)
        self.versions.edit_requested.connect(self.edit_copy)
        self.open_button, self.export_button = QPushButton(), QPushButton()
        self.open_button.setObjectName("openFile")
        self.export_button.setObjectName("exportFile")
        for button in (self.open_button, self.export_button):
            button.setAutoDefault(False)
        self.open_button.clicked.connect(self.ask_open)
        self.export_button.clicked.connect(self.ask_export)
        self.files_hint = QLabel()
        set_role(self.files_hint, "hint")
        self.files_hint.setWordWrap(True)
        files = QHBoxLayout()
        files.addWidget(self.files_hint, 1)
        files.addWidget(self.open_button)
        files.addWidget(self.export_button)
        versions_page = QWidget()
        versions_page.setObjectName("page-versions")
        # Shown without the preview beside it: its width must not squeeze the preview on the other pages.
        versions_page.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        page = QVBoxLayout(versions_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addLayout(files)
        page.addWidget(self.versions, 1)
        self.versions_row = self.form.add_page(versions_page)
        self.form.nav.currentRowChanged.connect(self._page_changed)
        editing = QHBoxLayout()
        editing.setSpacing(16)
        editing.addWidget(self.form, 1)
        editing.addWidget(self.preview)

        self.status = QLabel()
        self.status.setObjectName("editorStatus")
        self.status.setWordWrap(True)
        self.status.setMinimumWidth(320)
        self.go_button = QPushButton()
        self.go_button.setObjectName("goToError")
        self.go_button.setAutoDefault(False)
        self.go_button.clicked.connect(self._go_to_error)
        self.discard_button = QPushButton()
        self.discard_button.setObjectName("discardChanges")
        self.discard_button.setAutoDefault(False)
        self.discard_button.clicked.connect(self.reload)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveProgram")
        set_role(self.save_button, "primary")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.ask_save)
        bottom = QHBoxLayout()
        bottom.setSpacing(12)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.go_button)
        bottom.addWidget(self.discard_button)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.notice)
        layout.addLayout(editing, 1)
        layout.addLayout(bottom)
        save = QShortcut(QKeySequence.Save, self)
        save.setContext(Qt.WidgetWithChildrenShortcut)
        save.activated.connect(self.ask_save)
        self.retranslate()

    def retranslate(self) -> None:
        self.form.nav.item(self.versions_row).setText(self.tr("Versions"))
        self.files_hint.setText(self.tr("Every saved version. A program file can be opened here to edit, or the "
                                        "program exported as a file."))
        self.open_button.setText(self.tr("Open file…"))
        self.export_button.setText(self.tr("Export file…"))
        self.go_button.setText(self.tr("Show the mistake"))
        self.discard_button.setText(self.tr("Discard changes"))
        self.save_button.setText(self.tr("Save as new version  (Ctrl+S)"))
        self._show_notice()
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_versions(self) -> None:
        self.form.nav.setCurrentRow(self.versions_row)

    def _page_changed(self, row: int) -> None:
        on_versions = row == self.versions_row
        self.preview.setVisible(not on_versions)  # the versions take the whole width
        if on_versions:
            self._refresh_versions()
        self._show_state()

    # ---- the document ----

    @property
    def dirty(self) -> bool:
        return self.doc is not None and self.doc.text != self.baseline

    def open_for(self, owner: StaffMember) -> None:
        """The owner came in: unsaved edits from before stay; otherwise show the version in force now."""
        self.staff = owner
        if not self.dirty:
            self.reload()
        self._refresh_versions()

    def reload(self) -> None:
        """Back to the version in force (Discard changes)."""
        try:
            self.baseline = self.service.program.source
        except NotFound:
            self.baseline = STARTER  # a new shop: the owner builds the program here
        self._status = None
        self._refresh_versions()
        self.load_text(self.baseline)

    def load_text(self, text: str) -> None:
        """Put a program's text into the form (ProgramError if it is not TOML at all: the form stays as it was)."""
        self.doc = ProgramDocument(text)
        try:
            program = self.doc.check()
        except ProgramError:
            program = None
        self.form.set_document(self.doc, program)
        self.validate()

    def _edited(self) -> None:
        self._status = None  # a message about the last file or save is old news once the owner edits
        self.validate()

    def validate(self) -> None:
        """After every edit: the parser's verdict at its field, the preview, and whether Save is possible."""
        try:
            program = self.doc.check()
            self.error = None
        except ProgramError as exc:
            program, self.error = None, exc
        if program is not None:
            self.form.program = program
        self.form.show_error(self.error)
        self.preview.set_program(program)
        self._show_state()

    def _show_state(self) -> None:
        if self.doc is None:
            return
        self.save_button.setEnabled(self.dirty and self.error is None and self.staff is not None)
        self.discard_button.setEnabled(self.dirty)
        # "Show the mistake" when it is on another page than the one in sight
        self.go_button.setVisible(self.error is not None and bool(self.error.path)
                                  and self.form.pages.currentWidget() is not self.form.scrolls[
                                      section_of(self.error.path)])
        if self.error is not None:
            where = self.form.label_of(self.error.path)
            if self.error.path in self.form.fields:  # the field says what is wrong: here only where it is
                text = fill(self.tr("Mistake in %1: fix it to save."), where)
            elif where:
                text = fill(self.tr("Mistake in %1: %2"), where, explain(self.error))
            else:
                text = fill(self.tr("Mistake: %1"), explain(self.error))
            role = "error"
        elif self._status:
            text, role = self._status
        elif self.dirty:
            text, role = self.tr("Unsaved changes: the counter still uses the version in force."), "hint"
        else:
            text, role = self._in_force(), "hint"
        self.status.setText(text)
        set_role(self.status, role)

    def _in_force(self) -> str:
        if self.in_force is None:
            return self.tr("No program yet: switch on stamps, points or cashback and save.")
        return fill(self.tr("Version %1 is in force."), self.in_force)

    def _refresh_versions(self) -> None:
        self.versions.refresh()
        latest = self.versions.versions[0] if self.versions.versions else None
        self.in_force = latest["version"] if latest else None
        self.server = (is_registered(self.service), bool(latest) and latest["origin"] == "server")
        self._show_notice()

    def _set_status(self, text: str, role: str = "hint") -> None:
        self._status = (text, role)
        self._show_state()

    def _go_to_error(self) -> None:
        self.form.go_to_error()

    def _show_notice(self) -> None:
        registered, from_server = self.server
        if not registered:
            self.notice.hide()
            return
        text = self.tr("This till is connected to your chain's server. A program the chain's admin uploads there "
                       "replaces the one here at the next sync; what you save here applies to this till only until "
                       "then. To change the program for every shop, export the file and send it to the admin.")
        if from_server:
            text = self.tr("The program in force came from the server.") + " " + text
        self.notice.setText(text)
        self.notice.show()

    def _server_warning(self) -> str:
        if not self.server[0]:
            return ""
        return "\n\n" + self.tr("This till is connected to a server: a program the chain's admin uploads there "
                                "later replaces this one.")

    # ---- saving and versions ----

    def _next_version(self) -> int:
        self._refresh_versions()  # a sync may have brought a version since
        return (self.in_force or 0) + 1

    def _confirm(self, title: str, text: str, confirm_text: str, on_accept) -> ConfirmDialog:
        dialog = ConfirmDialog(title, text, confirm_text, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.accepted.connect(on_accept)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def ask_save(self) -> ConfirmDialog | None:
        if not self.save_button.isEnabled():
            return None
        number = self._next_version()
        return self._confirm(
            fill(self.tr("Save as version %1?"), number),
            fill(self.tr("From now on the counter books purchases under version %1. Bookings made so far keep the "
                         "version they were booked under."), number) + self._server_warning(),
            fill(self.tr("Save version %1"), number), self.save)

    def save(self) -> None:
        try:
            version = self.service.save_program_source(self.doc.text, self.staff)
        except LoyaltyError as exc:
            self._set_status(describe(exc), "error")
            return
        self.baseline = self.doc.text
        self._refresh_versions()
        self._set_status(fill(self.tr("Saved as version %1: the counter uses it now."), version))
        self.saved.emit(version)

    def ask_restore(self, version: int) -> ConfirmDialog:
        number = self._next_version()
        text = fill(self.tr("Version %1 is saved again as version %2 and applies from now on. Bookings made so far "
                            "keep their versions."), version, number)
        if self.dirty:
            text += "\n\n" + self.tr("Your unsaved changes in the editor are discarded.")
        return self._confirm(fill(self.tr("Restore version %1?"), version), text + self._server_warning(),
                             fill(self.tr("Restore as version %1"), number), lambda: self.restore(version))

    def restore(self, version: int) -> None:
        try:
            number = self.service.restore_program(version, self.staff)
        except LoyaltyError as exc:
            self._set_status(describe(exc), "error")
            return
        self.reload()
        self._set_status(fill(self.tr("Version %1 is restored as version %2."), version, number))
        self.saved.emit(number)

    def edit_copy(self, source: str) -> None:
        self.load_text(source)
        self._status = None
        self.form.show_section("program")
        self._show_state()

    # ---- files ----

    def _folder(self) -> str:
        return QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)

    def ask_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a program file"), self._folder(),
                                              self.tr("Program files (*.toml);;All files (*)"))
        if path:
            self.open_file(path)

    def open_file(self, path: str) -> None:
        """Read a program file (in the background) into the form; it is saved only when the owner saves."""

        def opened(text: str) -> None:
            try:
                self.load_text(text)
            except ProgramError as exc:
                self._set_status(fill(self.tr("%1 could not be opened: %2"), Path(path).name, explain(exc)), "error")
                return
            self.form.show_section("program")
            self._set_status(fill(self.tr("Opened %1: check it, then save it as a new version."), Path(path).name))

        def failed(exc: BaseException) -> None:
            why = explain(exc) if isinstance(exc, ProgramError) else describe(exc)
            self._set_status(fill(self.tr("%1 could not be opened: %2"), Path(path).name, why), "error")

        run_in_background(lambda: _read(path), opened, failed)

    def ask_export(self) -> None:
        suggested = str(Path(self._folder()) / "program.toml")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the program file"), suggested,
                                              self.tr("Program files (*.toml)"))
        if path:
            self.export_file(path if path.lower().endswith(".toml") else path + ".toml")

    def export_file(self, path: str) -> None:
        """Write the form's program as a file (in the background), as it stands, comments included."""
        text = self.doc.text

        def done(_result) -> None:
            self._set_status(fill(self.tr("Exported to %1."), path))

        def failed(exc: BaseException) -> None:
            self._set_status(fill(self.tr("Could not write %1: %2"), path, describe(exc)), "error")

        run_in_background(lambda: Path(path).write_text(text, encoding="utf-8"), done, failed)

    @property
    def program(self) -> Program | None:
        return self.form.program

"""The owner's Messages tab: the outbox (what went out, what waits, what was held back and why, each message's text),
the customer's say (e-mails allowed or stopped, their language, an unsubscribe code), this till's e-mail settings
and the texts in both languages."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter,
                               QTableWidget, QTableWidgetItem, QTabWidget, QTextBrowser, QVBoxLayout, QWidget)

from pos_loyalty.clock import from_db
from pos_loyalty.errors import LoyaltyError
from pos_loyalty.messages.kinds import KINDS, STATUSES
from pos_loyalty.messages.outbox import Outbox
from pos_loyalty.service import Loyalty

from ..i18n import fill, moment
from ..message_worker import MessageWorker
from ..messages import describe
from ..tasks import run_in_background
from ..theme import set_role
from .messages_setup import SmtpPage, TextsPage, kind_names

WHEN, CUSTOMER, MESSAGE, STATUS = range(4)


def load(data_dir: Path, status: str | None, kind: str | None) -> dict:
    """The outbox as the tab shows it, read on a connection of its own (a background job)."""
    app = Loyalty(data_dir)
    try:
        box = Outbox(app)
        return {"rows": box.rows(status, kind), "counts": box.counts(), "sends": box.sends,
                "registered": box.registered}
    finally:
        app.close()


def _with_header(markup: str, line: str) -> str:
    """The message's HTML with a grey "To: ..." line above the greeting, as a mail program shows it."""
    head, sep, rest = markup.partition("\n<p>")
    return f'{head}\n<p style="color:#555">{html.escape(line)}</p>{sep}{rest}'


class OutboxPage(QWidget):
    """changed() after a customer's consent or language was changed here (it syncs like any edit)."""

    changed = Signal()

    def __init__(self, service: Loyalty, worker: MessageWorker, parent: QWidget | None = None):
        super().__init__(parent)
        self.service, self.worker = service, worker
        self.rows: list[dict] = []
        self.loading = False
        self.summary = QLabel()
        self.summary.setObjectName("messagesSummary")
        set_role(self.summary, "subtitle")
        self.note = QLabel()
        self.note.setObjectName("messagesNote")
        set_role(self.note, "hint")
        self.note.setWordWrap(True)
        self.status_filter, self.kind_filter = QComboBox(), QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.kind_filter.setObjectName("kindFilter")
        for combo in (self.status_filter, self.kind_filter):
            combo.setMinimumHeight(52)
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.run_button = QPushButton()
        self.run_button.setObjectName("runMessages")
        self.run_button.setAutoDefault(False)
        self.run_button.clicked.connect(self.run_now)
        heading = QHBoxLayout()
        heading.addWidget(self.summary, 1)
        heading.addWidget(self.run_button)
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.note, 1)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("outboxTable")
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(STATUS, QHeaderView.Stretch)
        self.table.itemSelectionChanged.connect(self.show_selected)

        self.subject = QLabel()
        self.subject.setObjectName("messageSubject")
        set_role(self.subject, "subtitle")
        self.subject.setWordWrap(True)
        self.why = QLabel()
        self.why.setObjectName("messageWhy")
        set_role(self.why, "hint")
        self.why.setWordWrap(True)
        self.text = QTextBrowser()
        self.text.setObjectName("messageText")
        self.text.setOpenLinks(False)
        self.consent_label = QLabel()
        self.consent_label.setWordWrap(True)
        self.consent_button = QPushButton()
        self.consent_button.setObjectName("toggleConsent")
        self.consent_button.setAutoDefault(False)
        self.consent_button.clicked.connect(self.toggle_consent)
        self.language_label = QLabel()
        self.language = QComboBox()
        self.language.setObjectName("customerLanguage")
        self.language.setMinimumHeight(52)
        self.language.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.language.setMinimumContentsLength(10)
        self.language.activated.connect(self.change_language)
        detail = QWidget()
        box = QVBoxLayout(detail)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.subject)
        box.addWidget(self.why)
        box.addWidget(self.text, 1)
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.consent_label, 1)
        consent_row.addWidget(self.consent_button)
        box.addLayout(consent_row)
        language_row = QHBoxLayout()
        language_row.addWidget(self.language_label)
        language_row.addWidget(self.language, 1)
        box.addLayout(language_row)
        self.detail = detail
        splitter = QSplitter(Qt.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        self.splitter = splitter

        self.message = QLabel()
        self.message.setObjectName("outboxMessage")
        self.message.setWordWrap(True)
        set_role(self.message, "hint")
        self.message.hide()  # shown with something to say: the message text needs the room

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(heading)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        worker.finished.connect(lambda _result: (self.say(""), self.refresh()))
        worker.failed.connect(self._failed)
        self.retranslate()
        self.show_selected()

    # ---- words ----

    def status_names(self) -> dict[str, str]:
        return {"queued": self.tr("Waiting"), "sending": self.tr("Sending"), "sent": self.tr("Sent"),
                "held": self.tr("Held back"), "failed": self.tr("Failed")}

    def reason_text(self, reason: str | None) -> str:
        return {
            "no_consent": self.tr("The customer has not agreed to e-mails."),
            "unsubscribed": self.tr("The customer unsubscribed."),
            "no_address": self.tr("No e-mail address."),
            "weekly_cap": self.tr("Another offer went out in the last days (at most one a week)."),
            "birthday_cap": self.tr("A birthday message went out less than a year ago."),
            "reengagement_cap": self.tr("A “we miss you” went out less than three months ago."),
            "too_late": self.tr("Its moment had passed before it could be sent."),
            "no_longer_relevant": self.tr("No longer true when it was due (e.g. the reward was redeemed)."),
            "sender_removed": self.tr("This till's e-mail settings were removed before it went out."),
            "rejected": self.tr("The mail server refused it."),
            "gave_up": self.tr("The mail server could not be reached after several attempts."),
            "interrupted": self.tr("Sending was interrupted; not sent again to avoid a duplicate."),
        }.get(reason or "", reason or "")

    def short_reason(self, reason: str | None) -> str:
        return {
            "no_consent": self.tr("no consent"), "unsubscribed": self.tr("unsubscribed"),
            "no_address": self.tr("no address"), "weekly_cap": self.tr("one offer a week"),
            "birthday_cap": self.tr("one birthday a year"), "reengagement_cap": self.tr("one a quarter"),
            "too_late": self.tr("too late"), "no_longer_relevant": self.tr("no longer true"),
            "sender_removed": self.tr("till stopped sending"), "rejected": self.tr("refused"),
            "gave_up": self.tr("server unreachable"), "interrupted": self.tr("interrupted"),
        }.get(reason or "", reason or "")

    def state(self, row: dict, short: bool = False) -> str:
        """The status and what it means for this row, in a few words: "Held back: no e-mail address"."""
        program, status = self._program(), self.status_names()[row["status"]]
        if row["status"] == "sent":
            return fill(self.tr("Sent %1"), moment(from_db(row["sent_at"]), program))
        if row["status"] in ("held", "failed"):
            reason = self.short_reason(row["reason"]) if short else self.reason_text(row["reason"])
            return fill(self.tr("%1: %2"), status, reason)
        if row["status"] == "sending":
            return status
        waits = fill(self.tr("Goes out from %1"), moment(from_db(row["not_before"]), program))
        if row["attempts"]:
            waits += " · " + fill(self.tr("attempt %1 failed: %2"), row["attempts"], row["detail"] or "")
        return waits

    def retranslate(self) -> None:
        kinds = kind_names()
        self.table.setHorizontalHeaderLabels([self.tr("Planned"), self.tr("Customer"), self.tr("Message"),
                                              self.tr("Status")])
        for combo, choices in ((self.status_filter, [(None, self.tr("All states"))]
                                + [(s, self.status_names()[s]) for s in STATUSES]),
                               (self.kind_filter, [(None, self.tr("All messages"))] + [(k, kinds[k]) for k in KINDS])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for value, text in choices:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        current = self.language.currentData()
        self.language.clear()
        for value, text in ((None, self.tr("The shop's language")), ("en", "English"), ("de", "Deutsch")):
            self.language.addItem(text, value)
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.run_button.setText(self.tr("Plan and send now"))
        self.run_button.setToolTip(self.tr("This till does it every few minutes by itself"))
        self.language_label.setText(self.tr("Language:"))
        if self.isVisible():  # the texts in the table and the message come from the database: only when shown
            self._show(self.rows, getattr(self, "_state", None))

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not getattr(self, "_sized", False):  # the table's status column needs the room more than the text
            self._sized = True
            width = self.width()
            self.splitter.setSizes([width * 5 // 8, width - width * 5 // 8])

    # ---- reading ----

    def refresh(self) -> None:
        if self.loading:
            return
        self.loading = True
        status, kind = self.status_filter.currentData(), self.kind_filter.currentData()
        run_in_background(lambda: load(self.service.data_dir, status, kind), self._loaded, self._failed)

    def _loaded(self, state: dict) -> None:
        self.loading = False
        self._state = state
        self._show(state["rows"], state)

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.say(describe(exc))

    def _program(self):
        try:
            return self.service.program
        except LoyaltyError:
            return None

    def _show(self, rows: list[dict], state: dict | None) -> None:
        selected = self.selected_id()
        self.rows = rows
        if state is None:
            return
        counts = state["counts"]["status"]
        self.summary.setText(fill(self.tr("%1 sent · %2 waiting · %3 held back · %4 failed"),
                                  counts.get("sent", 0), counts.get("queued", 0) + counts.get("sending", 0),
                                  counts.get("held", 0), counts.get("failed", 0)))
        if not state["sends"]:
            self.note.setText(self.tr("This till sends no e-mails itself: set up a mail server under “E-mail "
                                      "settings”. If the central server has one, it sends them, and they are listed "
                                      "here after the next sync."))
        elif state["registered"]:
            self.note.setText(self.tr("This till sends its shop's messages every few minutes, each once the central "
                                      "server has confirmed that no other till sends it."))
        else:
            self.note.setText(self.tr("This till plans and sends its customers' messages every few minutes."))
        self.run_button.setEnabled(state["sends"])
        kinds, program = kind_names(), self._program()
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            cells = (moment(from_db(row["planned_at"]), program), row["name"] or self.tr("Guest"),
                     kinds.get(row["kind"], row["kind"]), self.state(row, short=True))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, row["id"])
                if column == STATUS:
                    item.setToolTip(self.state(row) + (f"\n{row['detail']}" if row["detail"] else ""))
                self.table.setItem(index, column, item)
        found = next((i for i, row in enumerate(rows) if row["id"] == selected), None)
        if found is not None:
            self.table.selectRow(found)
        self.show_selected()

    def selected_id(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.UserRole) if items else None

    def show_selected(self) -> None:
        message_id = self.selected_id()
        self.detail.setEnabled(message_id is not None)
        if message_id is None:
            self.subject.setText(self.tr("Choose a message to read it."))
            self.why.clear()
            self.text.clear()
            self.consent_label.clear()
            self.consent_button.setText(self.tr("Stop e-mails"))
            return
        shown = Outbox(self.service).show(message_id)
        row = next(r for r in self.rows if r["id"] == message_id)
        by = {"this till": self.tr("this till"), "server": self.tr("the central server"),
              "another till": self.tr("another till")}[row["by"]]
        self.subject.setText(shown["subject"])
        self.why.setText(fill(self.tr("%1 · from %2"), self.state(row), by))
        to = fill(self.tr("To: %1"), shown["email"] or self.tr("no address"))
        self.text.setHtml(_with_header(shown["html"], to))
        customer = self.service.customer(shown["customer_id"])
        self.current_customer = customer
        who = customer["name"] or self.tr("This customer")
        if customer["consent_email"]:
            self.consent_label.setText(fill(self.tr("%1 gets e-mails (%2)."), who, customer["email"] or
                                            self.tr("no address yet")))
            self.consent_button.setText(self.tr("Stop e-mails"))
        else:
            self.consent_label.setText(fill(self.tr("%1 gets no e-mails."), who))
            self.consent_button.setText(self.tr("Allow e-mails"))
        self.language.setCurrentIndex(max(0, self.language.findData(customer["language"])))

    # ---- changing ----

    def toggle_consent(self) -> None:
        customer = self.current_customer
        try:
            Outbox(self.service).set_consent(customer["id"], not customer["consent_email"])
        except LoyaltyError as exc:
            self.say(describe(exc))
            return
        self.say(self.tr("Saved. Every till learns it with the next sync."))
        self.changed.emit()
        self.show_selected()

    def change_language(self, _index: int) -> None:
        if self.selected_id() is None:
            return
        try:
            Outbox(self.service).set_language(self.current_customer["id"], self.language.currentData())
        except LoyaltyError as exc:
            self.say(describe(exc))
            return
        self.say(self.tr("Saved. Every till learns it with the next sync."))
        self.changed.emit()

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def run_now(self) -> None:
        self.say(self.tr("Planning and sending …"))  # before: a round that finishes at once clears it
        self.worker.run_now()


class MessagesView(QWidget):
    """The tab: Outbox, E-mail settings, Texts. The background worker runs as long as the window does."""

    changed = Signal()

    def __init__(self, service: Loyalty, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("messages")
        self.service = service
        self.worker = MessageWorker(service.data_dir, self)
        self.outbox = OutboxPage(service, self.worker)
        self.smtp = SmtpPage(service)
        self.texts = TextsPage(service)
        self.pages = QTabWidget()
        self.pages.setObjectName("messagePages")
        for page in (self.outbox, self.smtp, self.texts):
            self.pages.addTab(page, "")
        self.pages.currentChanged.connect(self._page_shown)
        self.outbox.changed.connect(self.changed)
        self.smtp.saved.connect(self.outbox.refresh)
        self.smtp.saved.connect(self.changed)  # an unsubscribe code changes the customer (it syncs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.pages)
        self.retranslate()
        self.worker.start()

    def retranslate(self) -> None:
        for page, text in ((self.outbox, self.tr("Outbox")), (self.smtp, self.tr("E-mail settings")),
                           (self.texts, self.tr("Texts"))):
            self.pages.setTabText(self.pages.indexOf(page), text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
            self.outbox.retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._page_shown(self.pages.currentIndex())

    def _page_shown(self, _index: int) -> None:
        page = self.pages.currentWidget()
        if page is self.outbox:
            self.outbox.refresh()
        elif page is self.smtp:
            self.smtp.load()
        else:
            self.texts.show_preview()

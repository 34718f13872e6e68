"""The Messages tab's other pages: this till's e-mail (SMTP) settings with a test e-mail, and the texts in both
languages as customers get them."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
                               QTextBrowser, QVBoxLayout, QWidget)

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.messages import smtp
from pos_loyalty.messages.kinds import KINDS
from pos_loyalty.messages.outbox import Outbox
from pos_loyalty.service import Loyalty

from .. import i18n
from ..i18n import fill
from ..messages import describe
from ..tasks import run_in_background
from ..theme import set_role


class Words(QObject):
    """The message kinds' names (the translation context of these texts)."""

    def kinds(self) -> dict[str, str]:
        return {"welcome": self.tr("Welcome"), "reward_earned": self.tr("Reward earned"),
                "tier_reached": self.tr("New tier reached"), "birthday": self.tr("Birthday"),
                "reward_expiring": self.tr("Reward about to expire"), "points_expiring": self.tr("Points expiring"),
                "we_miss_you": self.tr("We miss you")}


def kind_names() -> dict[str, str]:
    return Words().kinds()


def _with_app(data_dir, work):
    """Run work(outbox) on a connection of its own (a background job)."""
    app = Loyalty(data_dir)
    try:
        return work(Outbox(app))
    finally:
        app.close()


class SmtpPage(QWidget):
    """saved() after the settings were stored or removed."""

    saved = Signal()

    def __init__(self, service: Loyalty, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.password_set = False
        self.host, self.user, self.password = QLineEdit(), QLineEdit(), QLineEdit()
        self.sender, self.sender_name, self.test_to = QLineEdit(), QLineEdit(), QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(smtp.DEFAULT_PORTS["starttls"])
        self.port.setMinimumHeight(52)
        self.port.setButtonSymbols(QSpinBox.NoButtons)  # typed, not clicked through 65535 numbers
        self.security = QComboBox()
        self.security.setMinimumHeight(52)
        self.security.currentIndexChanged.connect(self._security_changed)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        set_role(self.intro, "hint")
        self.labels = [QLabel() for _ in range(7)]
        self.form = QGridLayout()
        self.form.setHorizontalSpacing(14)
        self.form.setVerticalSpacing(8)
        for row, (label, field, name) in enumerate(zip(self.labels, (
                self.host, self.port, self.security, self.user, self.password, self.sender, self.sender_name), (
                "smtpHost", "smtpPort", "smtpSecurity", "smtpUser", "smtpPassword", "smtpSender",
                "smtpSenderName"))):
            field.setObjectName(name)
            label.setBuddy(field)
            self.form.addWidget(label, row // 2, (row % 2) * 2)
            self.form.addWidget(field, row // 2, (row % 2) * 2 + 1)
        self.form.setColumnStretch(1, 2)
        self.form.setColumnStretch(3, 1)
        self.save_button, self.remove_button, self.test_button = QPushButton(), QPushButton(), QPushButton()
        for button, name, slot in ((self.save_button, "saveSmtp", self.save),
                                   (self.remove_button, "removeSmtp", self.remove),
                                   (self.test_button, "testSmtp", self.test)):
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
        set_role(self.save_button, "primary")
        self.test_to.setObjectName("testAddress")
        self.test_label = QLabel()
        self.message = QLabel()
        self.message.setObjectName("smtpMessage")
        self.message.setWordWrap(True)
        set_role(self.message, "hint")
        buttons = QHBoxLayout()  # beside the last field, where the right column has room
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.save_button)
        self.form.addLayout(buttons, 3, 2, 1, 2)
        test = QHBoxLayout()
        test.addWidget(self.test_label)
        test.addWidget(self.test_to, 1)
        test.addWidget(self.test_button)
        # A customer who replied "unsubscribe" (a till without a server has no web page for the link).
        self.code_label = QLabel()
        self.code = QLineEdit()
        self.code.setObjectName("unsubscribeCode")
        self.code.returnPressed.connect(self.unsubscribe)
        self.code_button = QPushButton()
        self.code_button.setObjectName("unsubscribe")
        self.code_button.setAutoDefault(False)
        self.code_button.clicked.connect(self.unsubscribe)
        code = QHBoxLayout()
        code.addWidget(self.code_label)
        code.addWidget(self.code, 1)
        code.addWidget(self.code_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addSpacing(8)
        layout.addLayout(test)
        layout.addLayout(code)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(self.tr("With a mail server here, this till sends its shop's messages itself. Without "
                                   "one, the central server sends them (if it has one). The password is kept in the "
                                   "system's keyring or a private file, never in the database or its backups."))
        for label, text in zip(self.labels, (self.tr("Mail server"), self.tr("Port"), self.tr("Security"),
                                             self.tr("User name"), self.tr("Password"), self.tr("Sender address"),
                                             self.tr("Sender name"))):
            label.setText(text)
        current = self.security.currentData()
        self.security.blockSignals(True)
        self.security.clear()
        for value, text in (("starttls", self.tr("STARTTLS (port 587)")), ("ssl", self.tr("SSL/TLS (port 465)")),
                            ("none", self.tr("None (only inside the shop's network)"))):
            self.security.addItem(text, value)
        self.security.setCurrentIndex(max(0, self.security.findData(current)))
        self.security.blockSignals(False)
        self.host.setPlaceholderText(self.tr("e.g. smtp.example.com"))
        self.sender.setPlaceholderText(self.tr("e.g. news@your-shop.de"))
        self.password.setPlaceholderText(self.tr("(unchanged)") if self.password_set else "")
        self.save_button.setText(self.tr("Save"))
        self.remove_button.setText(self.tr("Stop sending here"))
        self.test_label.setText(self.tr("Send a test e-mail to"))
        self.test_button.setText(self.tr("Send test e-mail"))
        self.code_label.setText(self.tr("Unsubscribe code from a reply"))
        self.code.setPlaceholderText(self.tr("u1…"))
        self.code_button.setText(self.tr("Unsubscribe"))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _security_changed(self, _index: int) -> None:
        if self.port.value() in smtp.DEFAULT_PORTS.values():
            self.port.setValue(smtp.DEFAULT_PORTS[self.security.currentData()])

    # ---- loading and storing (off the GUI thread: a keyring may take its time) ----

    def load(self) -> None:
        run_in_background(lambda: _with_app(self.service.data_dir, _public), self._loaded, self._failed)

    def _loaded(self, public: dict | None) -> None:
        public = public or {}
        self.host.setText(public.get("host", ""))
        self.port.setValue(public.get("port", smtp.DEFAULT_PORTS["starttls"]))
        self.security.setCurrentIndex(max(0, self.security.findData(public.get("security", "starttls"))))
        self.user.setText(public.get("username", ""))
        self.sender.setText(public.get("sender", ""))
        self.sender_name.setText(public.get("sender_name", ""))
        self.password.clear()
        self.password_set = bool(public.get("password_set"))
        self.sender_name.setPlaceholderText(self.service.shop_name())
        self.remove_button.setEnabled(bool(public))
        self.retranslate()

    def chosen(self) -> smtp.SmtpSettings | None:
        """The form as settings, or None with the reason shown."""
        if not self.host.text().strip():
            self.message.setText(self.tr("Enter the mail server (your e-mail provider names it, e.g. "
                                         "smtp.example.com)."))
            return None
        if "@" not in self.sender.text() or " " in self.sender.text().strip():
            self.message.setText(self.tr("Enter the address the e-mails come from, e.g. news@your-shop.de."))
            return None
        return smtp.SmtpSettings(host=self.host.text(), sender=self.sender.text(), port=self.port.value(),
                                 security=self.security.currentData(), username=self.user.text(),
                                 password=self.password.text(), sender_name=self.sender_name.text())

    def save(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        self.save_button.setEnabled(False)
        run_in_background(lambda: _with_app(self.service.data_dir,
                                            lambda box: box.configure(chosen, keep_password=True).public()),
                          self._saved, self._failed)

    def _saved(self, public: dict) -> None:
        self.save_button.setEnabled(True)
        self._loaded(public)
        self.message.setText(self.tr("Saved: this till now sends its shop's messages."))
        self.saved.emit()

    def remove(self) -> None:
        run_in_background(lambda: _with_app(self.service.data_dir, lambda box: box.remove_settings()),
                          self._removed, self._failed)

    def _removed(self, held: int) -> None:
        self._loaded(None)
        self.message.setText(fill(self.tr("This till sends no more e-mails; %1 waiting message(s) were held back."),
                                  held))
        self.saved.emit()

    def test(self) -> None:
        chosen, to = self.chosen(), self.test_to.text().strip()
        if chosen is None:
            return
        if "@" not in to:
            self.message.setText(self.tr("Enter the address to send the test e-mail to."))
            return
        self.test_button.setEnabled(False)
        self.message.setText(fill(self.tr("Sending a test e-mail to %1 …"), to))
        language = i18n.language()

        def send(box: Outbox):
            settings = chosen
            if not settings.password and box.settings():  # the password field left empty: the stored one
                settings = replace(settings, password=box.settings().password)
            return box.test(to, language, settings)

        run_in_background(lambda: _with_app(self.service.data_dir, send), self._tested, self._failed)

    def _tested(self, outcome: smtp.Outcome) -> None:
        self.test_button.setEnabled(True)
        if outcome.status == "sent":
            self.message.setText(fill(self.tr("Test e-mail sent to %1: look in that inbox (and its spam folder)."),
                                      self.test_to.text().strip()))
        else:
            self.message.setText(fill(self.tr("The test e-mail did not go out: %1"), outcome.detail))

    def unsubscribe(self) -> None:
        """A customer's code from a reply: no more e-mails to them, on every till after the next sync."""
        code = self.code.text().strip()
        if not code:
            return
        try:
            done = Outbox(self.service).unsubscribe(code)
        except LoyaltyError as exc:
            self.message.setText(self.tr("This is not an unsubscribe code from one of our e-mails (check it).")
                                 if exc.code == "bad_unsubscribe_token" else describe(exc))
            return
        self.code.clear()
        self.message.setText(fill(self.tr("%1 gets no more e-mails."), done["name"] or self.tr("The customer")))
        self.saved.emit()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.test_button.setEnabled(True)
        self.message.setText(describe(exc))


def _public(box: Outbox) -> dict | None:
    settings = box.settings()
    return settings.public() if settings else None


class TextsPage(QWidget):
    """Each message in English or German with sample numbers, as a customer reads it."""

    def __init__(self, service: Loyalty, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.kind, self.language = QComboBox(), QComboBox()
        self.kind.setObjectName("previewKind")
        self.language.setObjectName("previewLanguage")
        for value, text in (("en", "English"), ("de", "Deutsch")):
            self.language.addItem(text, value)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        set_role(self.hint, "hint")
        self.subject = QLabel()
        self.subject.setObjectName("previewSubject")
        set_role(self.subject, "subtitle")
        self.subject.setWordWrap(True)
        self.text = QTextBrowser()
        self.text.setObjectName("previewText")
        self.text.setOpenLinks(False)
        row = QHBoxLayout()
        row.addWidget(self.kind, 2)
        row.addWidget(self.language, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.hint)
        layout.addLayout(row)
        layout.addWidget(self.subject)
        layout.addWidget(self.text, 1)
        for combo in (self.kind, self.language):
            combo.setMinimumHeight(52)
            combo.currentIndexChanged.connect(lambda _i: self.show_preview())
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Every message ends with the customer's balance and a way to unsubscribe. Reward "
                                  "and tier names come from the program (name_de for German). The numbers here are "
                                  "examples."))
        current = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        for kind, name in kind_names().items():
            self.kind.addItem(name, kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.kind.blockSignals(False)
        if self.isVisible():
            self.show_preview()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_preview(self) -> None:
        try:
            text = Outbox(self.service).preview(self.kind.currentData() or KINDS[0],
                                                self.language.currentData() or "en")
        except LoyaltyError as exc:
            self.subject.setText(describe(exc))
            self.text.clear()
            return
        self.subject.setText(fill(self.tr("Subject: %1"), text.subject))
        self.text.setHtml(text.html)

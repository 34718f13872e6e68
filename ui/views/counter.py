"""The counter: scan (or search) a customer, book the amount with Enter, redeem, undo, enroll a new customer."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QDialog, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QStackedWidget,
                               QVBoxLayout, QWidget)

from pos_loyalty.errors import LoyaltyError
from pos_loyalty.program import Program
from pos_loyalty.service import Balance, Loyalty
from pos_loyalty.staff import StaffMember

from .. import i18n, receipt_text
from ..i18n import fill
from ..dialogs.card import CardDialog
from ..dialogs.enroll import EnrollDialog
from ..dialogs.redeem import RedeemDialog
from ..messages import describe
from ..sound import Feedback
from ..theme import set_role
from ..widgets.booking_bar import BookingBar
from ..widgets.customer_panel import CustomerPanel
from ..widgets.flash import Flash
from ..widgets.search_results import SearchResults
from ..widgets.toast import Toast

IDLE, RESULTS, CUSTOMER = range(3)
GREEN, RED = "#16A34A", "#DC2626"


class CounterView(QWidget):
    """on_code_scanned(text) is the one entry for card reads: the keyboard-wedge filter and the camera call it."""

    booked = Signal()  # the ledger changed: the status bar recounts unsynced events
    owner_requested = Signal()

    def __init__(self, service: Loyalty, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("counter")
        self.service = service
        self.staff: StaffMember | None = None
        self.token: str | None = None  # the card bookings go to
        self.customer_id: str | None = None
        self.dialog: QDialog | None = None
        self._banner_text: Callable[[], str] | None = None  # makes the banner's text again after a language change
        self.sound = Feedback(self)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.run_search)
        self.search.textEdited.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._search_entered)
        self.new_button = QPushButton()
        self.new_button.setObjectName("newCustomer")
        self.new_button.clicked.connect(self.enroll)
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("undo")
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo)
        self.owner_button = QPushButton()
        self.owner_button.setObjectName("ownerArea")
        self.owner_button.clicked.connect(self.owner_requested)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.undo_button)

        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setContentsMargins(22, 14, 22, 14)
        self.banner.hide()

        self.stack = QStackedWidget()
        self.stack.addWidget(self._idle_page())
        self.results = SearchResults()
        self.results.opened.connect(self._open_from_search)
        self.stack.addWidget(self.results)
        self.panel = CustomerPanel()
        self.panel.reward_clicked.connect(self.redeem)
        self.booking = BookingBar()
        self.booking.book.connect(self.book)
        self.booking.done.connect(self.show_idle)
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(18)
        row.addWidget(self.panel, 3)
        row.addWidget(self.booking, 2)
        self.stack.addWidget(page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(14)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        self.flash = Flash(self)
        self.toast = Toast(self, anchor=self.booking)  # in the booking panel's free middle, clear of its buttons

        for keys, slot in (("F2", self.enroll), ("Ctrl+N", self.enroll), ("F3", self.focus_search),
                           ("Ctrl+F", self.focus_search), ("F9", self.undo), ("F12", self.owner_requested),
                           ("Esc", self.escape)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        down = QShortcut(QKeySequence(Qt.Key_Down), self.search)
        down.setContext(Qt.WidgetShortcut)
        down.activated.connect(self.results.focus)
        self._undo_timer = QTimer(self, interval=15_000)  # the undo window closes by itself
        self._undo_timer.timeout.connect(self.refresh_undo)
        self._undo_timer.start()
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search: name, phone, email, card  (F3)"))
        self.new_button.setText(self.tr("New customer  (F2)"))
        self.undo_button.setText(self.tr("Undo  (F9)"))
        self.owner_button.setText(self.tr("Owner …  (F12)"))
        self.prompt.setText(self.tr("Scan card"))
        self.prompt_detail.setText(self.tr("Hold the customer's card under the scanner or in front of the camera."))
        self._camera_placeholder.setText(self.tr("No camera preview"))
        self.idle_hint.setText(self.tr("No card with them? Search above, or enroll a new customer (F2)."))
        if self._banner_text is not None:
            self.banner.setText(self._banner_text())
        self.toast.hide()  # news of the last booking, in the old language
        self.refresh_undo()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _idle_page(self) -> QWidget:
        page = QWidget()
        self.prompt = prompt = QLabel()
        prompt.setObjectName("prompt")
        set_role(prompt, "prompt")
        prompt.setAlignment(Qt.AlignCenter)
        self.prompt_detail = sub = QLabel()
        set_role(sub, "subtitle")
        sub.setAlignment(Qt.AlignCenter)
        sub.setWordWrap(True)
        # The camera preview goes here (set_camera_widget); until then a quiet placeholder keeps the layout.
        self.camera_slot = QFrame()
        self.camera_slot.setObjectName("cameraSlot")
        set_role(self.camera_slot, "camera")
        self.camera_slot.setMinimumSize(480, 300)
        self._camera_layout = QVBoxLayout(self.camera_slot)
        self._camera_placeholder = QLabel()
        set_role(self._camera_placeholder, "hint")
        self._camera_placeholder.setAlignment(Qt.AlignCenter)
        self._camera_layout.addWidget(self._camera_placeholder)
        self.idle_hint = hint = QLabel()
        set_role(hint, "hint")
        hint.setAlignment(Qt.AlignCenter)
        hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(prompt)
        layout.addWidget(sub)
        layout.addSpacing(12)
        layout.addWidget(self.camera_slot, 0, Qt.AlignHCenter)
        layout.addSpacing(12)
        layout.addWidget(hint)
        layout.addStretch(2)
        owner = QHBoxLayout()  # out of the cashier's way, on the idle screen only
        owner.addStretch(1)
        owner.addWidget(self.owner_button)
        layout.addLayout(owner)
        return page

    # ---- wiring points ----

    @Slot(QWidget)
    def set_camera_widget(self, widget: QWidget | None) -> None:
        """Show a camera preview in the idle screen (None puts the placeholder back)."""
        while self._camera_layout.count():
            item = self._camera_layout.takeAt(0)
            if item.widget() and item.widget() is not self._camera_placeholder:
                item.widget().setParent(None)
        self._camera_layout.addWidget(widget or self._camera_placeholder)
        self._camera_placeholder.setVisible(widget is None)
        if widget is not None:
            widget.show()

    def set_staff(self, staff: StaffMember | None) -> None:
        self.staff = staff
        if self.dialog is not None:
            self.dialog.reject()
        self.booking.set_program(self.program)
        self.booking.reset()
        self.search.clear()
        self.show_idle()
        self.refresh_undo()

    @property
    def program(self) -> Program | None:
        try:
            return self.service.program
        except LoyaltyError:
            return None

    # ---- reading a card ----

    @Slot(str)
    def on_code_scanned(self, text: str) -> None:
        if self.staff is None:
            return
        if self.dialog is not None:
            if hasattr(self.dialog, "on_code_scanned"):
                self.dialog.on_code_scanned(text)  # e.g. the referrer's card in the enroll form
                return
            self.dialog.reject()  # the cashier has moved on to the next customer
        try:
            customer_id = self.service.resolve(text)
        except LoyaltyError as exc:
            if exc.code == "unknown_card":  # a genuine, pre-printed card used for the first time
                self._show_new_card(text.strip().upper())
            else:
                self.refuse(exc)
            return
        self.open_customer(customer_id, token=text.strip().upper())

    def refuse(self, exc: LoyaltyError) -> None:
        """Say prominently why a code was not accepted; nothing is booked and no customer stays open."""
        def text() -> str:
            title = self.tr("Card blocked") if exc.code == "card_blocked" else self.tr("Card refused")
            return f"{title}: {describe(exc, self.program)}"

        self.show_idle()
        self.show_banner(text, "refusal")
        self.flash.fire(RED)
        self.sound.play("refused")

    def _show_new_card(self, token: str) -> None:
        program = self.program
        balance = Balance("", token, None, 0, 0, 0, None, [], program.card_size if program else None)
        self.token, self.customer_id = token, None
        self._show_panel(balance, extra_alerts=("new_card",))

    def open_customer(self, customer_id: str, token: str | None = None, *, announce: bool = True) -> None:
        try:
            balance = self.service.balance_of(customer_id)
        except LoyaltyError as exc:
            self.refuse(exc)
            return
        self.customer_id, self.token = customer_id, token or balance.card
        self._show_panel(balance, announce=announce)
        if not self.token:
            self.show_banner(lambda: self.tr("This customer has no active card: re-issue one before booking."),
                             "notice")

    def _show_panel(self, balance: Balance, *, new_stamps: int = 0, extra_alerts: tuple[str, ...] = (),
                    announce: bool = True) -> None:
        self.hide_banner()
        if announce:
            self.toast.hide()  # a new customer: the last one's news is not theirs
        if self.program:
            self.panel.show_balance(balance, self.program, new_stamps=new_stamps, extra_alerts=extra_alerts)
        self.stack.setCurrentIndex(CUSTOMER)
        self.booking.clear_error()
        self.booking.focus()
        if announce:
            self.flash.fire(GREEN)
            self.sound.play("ok")

    def _open_from_search(self, customer_id: str) -> None:
        self.search.clear()
        self.open_customer(customer_id, announce=False)

    # ---- booking ----

    @Slot(int, list)
    def book(self, amount: int, items: list) -> None:
        if self.staff is None or not self.token:
            return
        try:
            receipt = self.service.checkout(self.staff, self.token, amount, items)
        except LoyaltyError as exc:
            self.booking.show_error(exc)
            return
        self.customer_id = receipt.balance.customer_id
        self.booking.reset()
        self._show_panel(receipt.balance, new_stamps=receipt.stamps, announce=False)
        self.toast.show_message(receipt_text.earned(receipt, self.program), "success")
        self._changed()

    def redeem(self, reward_id: str) -> None:
        program, balance = self.program, self.panel.balance
        if self.staff is None or program is None or balance is None or not self.token:
            return
        dialog = RedeemDialog.for_reward(program, reward_id, balance,
                                         lambda amount: self._book_redeem(reward_id, amount), self)
        self.open_dialog(dialog)

    def _book_redeem(self, reward_id: str, amount: int | None) -> None:
        receipt = self.service.redeem(self.staff, self.token, reward_id, amount)  # LoyaltyError: the dialog shows it
        self._show_panel(receipt.balance, announce=False)
        self.toast.show_message(receipt_text.redeemed(receipt, reward_id, self.program), "success")
        self._changed()

    def undo(self) -> None:
        if self.staff is None:
            return
        last = self.service.last_undoable(self.staff)
        if last is None:
            self.toast.show_message(self.tr("Nothing to undo: only your last booking of the last few minutes can be."),
                                    "info")
            self.refresh_undo()
            return
        try:
            receipt = self.service.void(self.staff, last["id"])
        except LoyaltyError as exc:
            self.toast.show_message(describe(exc, self.program), "error")
            return
        self.open_customer(receipt.balance.customer_id, announce=False)
        self.toast.show_message(receipt_text.undone(receipt, self.program), "info")
        self._changed()

    def refresh_undo(self) -> None:
        last = self.service.last_undoable(self.staff) if self.staff else None
        self.undo_button.setEnabled(last is not None)
        if last and last["kind"] == "purchase":
            amount = i18n.money(last["amount"] or 0, self.program)
            self.undo_button.setToolTip(fill(self.tr("Undo the purchase of %1"), amount))
        else:
            self.undo_button.setToolTip(self.tr("Undo your last booking (for a few minutes after it)"))

    def _changed(self) -> None:
        self.refresh_undo()
        self.booked.emit()

    # ---- enrolling ----

    def enroll(self) -> None:
        if self.staff is None or self.dialog is not None:
            return
        dialog = EnrollDialog(self.service, self.staff, self)
        dialog.enrolled.connect(self._enrolled)
        self.open_dialog(dialog)

    def _enrolled(self, customer_id: str, token: str, name: str) -> None:
        self.open_customer(customer_id, token)
        self._changed()
        self.open_dialog(CardDialog(token, self.service.shop_name(), name, self))

    # ---- search and navigation ----

    def run_search(self) -> None:
        self._search_timer.stop()
        text = self.search.text().strip()
        if not text:
            if self.stack.currentIndex() == RESULTS:
                self.show_idle()
            return
        if text.replace(" ", "").upper().startswith("PL1"):
            text = text.replace(" ", "")  # a card number typed in groups, as printed
        self.hide_banner()
        self.results.show_results(self.service.search(text), text, self.program)
        self.stack.setCurrentIndex(RESULTS)

    def _search_entered(self) -> None:
        self.run_search()
        if self.stack.currentIndex() == RESULTS and self.results.count() == 1:
            self.results.open_current()
        elif self.results.count():
            self.results.focus()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.ShortcutFocusReason)
        self.search.selectAll()

    def escape(self) -> None:
        if self.search.text():
            self.search.clear()
        self.show_idle()

    def show_idle(self) -> None:
        self.token = self.customer_id = None
        self.panel.balance = None
        self.booking.reset()
        self.hide_banner()
        self.toast.hide()
        self.stack.setCurrentIndex(IDLE)
        self.search.setFocus(Qt.OtherFocusReason)

    def show_banner(self, text: Callable[[], str], role: str = "refusal") -> None:
        """text: a function that makes the banner's text in the current language (called again after a switch)."""
        self._banner_text = text
        set_role(self.banner, role)
        self.banner.setText(text())
        self.banner.show()

    def hide_banner(self) -> None:
        self._banner_text = None
        self.banner.hide()

    def open_dialog(self, dialog: QDialog) -> None:
        """Open a dialog over the counter; a scanned card goes to it (enroll) or closes it (the next customer)."""
        self.dialog = dialog
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result, d=dialog: self._dialog_closed(d))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.window().activateWindow()  # keys (and so the scanner) go to the active window only
        if self.stack.currentIndex() == CUSTOMER:
            self.booking.focus()
        else:
            self.search.setFocus(Qt.OtherFocusReason)

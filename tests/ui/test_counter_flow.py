"""The cashier's flow driven by keys: scan, amount, Enter, redeem, undo, search; bad codes refused, nothing booked."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos_loyalty import cards
from pos_loyalty.cards import ALPHABET


def _forged(token: str) -> str:
    last = token[-1]
    return token[:-1] + next(c for c in ALPHABET if c != last)


def test_scan_into_the_amount_field_opens_the_customer_and_books_with_enter(app, customer):
    customer_id, token = customer
    app.signed_in()
    app.scan(token)  # focus is in the search field on the idle screen
    panel = app.counter.panel
    assert panel.name_label.text() == "Anna Müller"
    assert app.counter.flash.count == 1
    assert app.counter.sound.played == ["ok"]
    amount = app.counter.booking.amount
    assert app.focused() is amount and app.counter.search.text() == ""

    app.type_amount("12.50")

    balance = app.service.balance_of(customer_id)
    assert (balance.stamps, balance.points) == (1, 32)  # 20 welcome points + 12
    assert panel.points_label.text() == "32"
    assert panel.stamp_card.filled == 1 and "1 of 8 stamps" in panel.stamps_label.text()
    assert app.counter.toast.isVisible() and app.counter.toast.text() == "+1 stamp, +12 points"
    assert amount.text() == "" and app.focused() is amount
    assert app.counter.undo_button.isEnabled()
    assert app.window.status.unsynced_label.text().startswith("Unsynced events:")

    # The next customer's card is scanned while the focus is in the amount field: nothing lands in it.
    other_id, other_token, _ = app.service.enroll(app.service.system_staff(), name="Ben Weber")
    amount.setText("3")
    assert app.scan(other_token, amount) == other_token
    assert panel.name_label.text() == "Ben Weber"
    assert amount.text() == "3"
    assert app.service.balance_of(customer_id).stamps == 1  # the scan's Enter booked nothing


def test_a_bad_amount_is_explained_next_to_the_field_and_books_nothing(app, customer):
    customer_id, token = customer
    app.signed_in()
    app.scan(token)
    app.type_amount("12.5.0")
    error = app.counter.booking.error
    assert error.isVisible() and "is not an amount" in error.text()
    app.type_amount("-3")
    assert "negative" in error.text()
    assert app.service.history(customer_id)[0]["kind"] != "purchase"
    assert app.service.balance_of(customer_id).stamps == 0


def test_items_are_booked_with_the_purchase(app, customer):
    customer_id, token = customer
    app.signed_in()
    app.scan(token)
    app.qtbot.keyClicks(app.counter.booking.items, "bio-bread:4.20, roll")
    app.type_amount("5.00")
    purchase = next(e for e in app.service.history(customer_id) if e["kind"] == "purchase")
    assert purchase["items"] == [["BIO-BREAD", 420], ["ROLL", None]]
    assert app.counter.toast.text() == "+1 stamp, +9 points"  # 5 points, and 4 more for the organic bread


def test_undo_takes_back_the_last_booking(app, customer):
    customer_id, token = customer
    app.signed_in()
    app.scan(token)
    app.type_amount("9.99")
    assert app.service.balance_of(customer_id).stamps == 1
    app.qtbot.keyClick(app.counter.booking.amount, Qt.Key_F9)
    balance = app.service.balance_of(customer_id)
    assert (balance.stamps, balance.points) == (0, 20)
    assert app.counter.toast.text().startswith("Undone.") and "−1 stamp" in app.counter.toast.text()
    assert app.counter.panel.stamp_card.filled == 0
    assert not app.counter.undo_button.isEnabled()


def test_redeem_a_reward_with_its_button_and_a_confirmation(app, customer):
    customer_id, token = customer
    staff = app.service.system_staff()
    for _ in range(8):
        app.service.checkout(staff, token, 300)
    app.signed_in()
    app.scan(token)
    panel = app.counter.panel
    assert "reward_ready" in [label.objectName().removeprefix("alert-") for label in panel.alert_labels]
    button = panel.reward_buttons["free-bread"]
    assert "Free bread" in button.text()
    app.qtbot.mouseClick(button, Qt.LeftButton)
    dialog = app.counter.dialog
    assert dialog is not None and dialog.isVisible() and "Free bread" in dialog.findChild(type(panel.name_label)).text()
    app.qtbot.keyClick(dialog.ok_button, Qt.Key_Return)
    assert app.counter.dialog is None
    assert app.service.balance_of(customer_id).stamps == 0
    assert app.counter.toast.text() == "Redeemed: Free bread"
    assert "free-bread" not in panel.reward_buttons


def test_cashback_asks_for_the_amount_and_refuses_more_than_available(qtbot, make_shop, sync_tasks):
    from ui.app import build  # a salon: cashback only

    service = make_shop("salon", folder="salon")
    service.add_staff("Lea", "cashier", "2222")
    customer_id, token, _ = service.enroll(service.system_staff(), name="Clara")
    service.checkout(service.system_staff(), token, 20000)  # 5 % -> 10.00 cashback
    window, scanner = build(service)
    qtbot.addWidget(window)
    try:
        window.show()
        qtbot.waitExposed(window)
        lea = service.sign_in("Lea", "2222")
        window.signed_in(lea)
        window.on_code_scanned(token)
        panel = window.counter.panel
        assert panel.cashback_label.isVisible() and "10" in panel.cashback_label.text()
        qtbot.mouseClick(panel.reward_buttons["cashback"], Qt.LeftButton)
        dialog = window.counter.dialog
        assert dialog.amount.text() == "10.00"
        dialog.amount.setText("12.00")
        qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
        assert dialog.error.isVisible() and "Only 10.00 EUR" in dialog.error.text()
        dialog.amount.setText("6")
        qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
        assert service.balance_of(customer_id).cashback == 400
        assert window.counter.toast.text().startswith("Cashback paid out")
    finally:
        QApplication.instance().removeEventFilter(scanner)


def test_forged_and_foreign_codes_are_refused_with_the_reason_and_book_nothing(app, customer):
    customer_id, token = customer
    app.signed_in()
    app.scan(token)
    before = app.service.history(customer_id)
    banner = app.counter.banner

    app.scan(_forged(token), app.counter.booking.amount)
    assert banner.isVisible() and "forged" in banner.text() and banner.text().startswith("Card refused")
    assert app.counter.token is None and app.counter.panel.balance is None  # no one stays open to book on
    assert app.counter.sound.played[-1] == "refused"

    other_shop = cards.issue(1, b"another shop's secret")
    app.scan(other_shop)
    assert "another shop" in banner.text()
    app.scan("https://example.org/promo")
    assert "web link" in banner.text()
    app.scan("4006381333931")
    assert "product barcode" in banner.text()
    assert app.service.history(customer_id) == before


def test_a_blocked_card_is_refused_and_says_so(app, customer):
    customer_id, token = customer
    app.service.reissue_card(customer_id)
    app.signed_in()
    app.scan(token)
    assert app.counter.banner.text().startswith("Card blocked") and "blocked on" in app.counter.banner.text()


def test_a_new_pre_printed_card_books_as_a_guest(app):
    token = app.service.new_token()
    app.signed_in()
    app.scan(token)
    assert app.counter.panel.name_label.text() == "Guest"
    assert any(label.objectName() == "alert-new_card" for label in app.counter.panel.alert_labels)
    app.type_amount("4.00")
    customer_id = app.service.resolve(token)
    assert app.service.balance_of(customer_id).stamps == 1


def test_human_typing_in_the_amount_field_is_not_a_scan(app, customer):
    customer_id, token = customer
    app.signed_in()
    app.scan(token)
    scans = []
    app.scanner.scanned.connect(scans.append)
    amount = app.counter.booking.amount
    app.qtbot.keyClicks(amount, "1234.56", delay=45)
    app.qtbot.waitUntil(lambda: amount.text() == "1234.56", timeout=2000)
    app.qtbot.keyClick(amount, Qt.Key_Return, delay=45)
    assert scans == []
    assert app.service.balance_of(customer_id).points == 20 + 1234


def test_search_by_name_and_open_the_customer_with_the_keyboard(app, customer):
    customer_id, token = customer
    app.service.enroll(app.service.system_staff(), name="Anton Berg")
    app.signed_in()
    search = app.counter.search
    assert app.focused() is search
    app.qtbot.keyClicks(search, "anna")  # (QTest cannot type an ü: it aborts on non-ASCII keys)
    app.qtbot.waitUntil(lambda: search.text() == "anna" and not app.scanner.holding, timeout=2000)
    app.qtbot.keyClick(search, Qt.Key_Return)  # one match: opens it
    assert app.counter.customer_id == customer_id and app.counter.token == token

    app.qtbot.keyClick(app.focused(), Qt.Key_Escape)
    assert app.counter.customer_id is None and app.focused() is search
    app.qtbot.keyClicks(search, "an")
    app.qtbot.waitUntil(lambda: search.text() == "an" and not app.scanner.holding, timeout=2000)
    app.qtbot.keyClick(search, Qt.Key_Return)
    assert app.counter.results.count() == 2 and app.focused() is app.counter.results.list
    app.qtbot.keyClick(app.counter.results.list, Qt.Key_Return)
    assert app.counter.customer_id is not None


def test_a_card_number_typed_in_groups_finds_the_customer(app, customer):
    customer_id, token = customer
    app.signed_in()
    app.counter.search.setText(cards.grouped(token).lower())
    app.counter.run_search()
    assert app.counter.results.count() == 1

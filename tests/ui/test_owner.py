"""The owner area: access behind the owner PIN, the customer list (model and actions) and staff management."""

from PySide6.QtCore import Qt

from ui.dialogs.card import CardDialog
from ui.dialogs.card_reason import CardReasonDialog
from ui.dialogs.customer_edit import CustomerEditDialog
from ui.dialogs.history import HistoryDialog
from ui.dialogs.merge import MergeDialog
from ui.models.customer_table import CARD, CASHBACK, EMAIL, NAME, POINTS, STAMPS, CustomerTableModel


# ---- the table model, without any widget ----

def test_the_customer_model_searches_and_shows_balances(qapp, shop, customer):
    customer_id, token = customer
    shop.checkout(shop.system_staff(), token, 1250)
    shop.enroll(shop.system_staff(), name="Ben Weber", phone="+49 151 2345678")
    model = CustomerTableModel(shop)
    assert model.rowCount() == 0 and model.columnCount() == 8
    assert model.headerData(STAMPS, Qt.Horizontal) == "Stamps"

    model.search("anna")
    assert model.rowCount() == 1 and model.customer_id(0) == customer_id
    cell = lambda column: model.data(model.index(0, column))  # noqa: E731
    assert (cell(NAME), cell(EMAIL)) == ("Anna Müller", "anna@example.org")
    assert (cell(STAMPS), cell(POINTS), cell(CASHBACK)) == ("1", "32", "€0.00")
    assert cell(CARD).replace(" ", "") == token
    assert model.data(model.index(0, NAME), Qt.UserRole) == customer_id

    model.search("2345678")
    assert [model.data(model.index(r, NAME)) for r in range(model.rowCount())] == ["Ben Weber"]
    model.search(token)
    assert model.customer_id(0) == customer_id
    model.search("nobody")
    assert model.rowCount() == 0


# ---- access ----

def test_a_cashier_needs_the_owner_pin_and_cannot_use_their_own(app):
    app.signed_in()  # Jonas, a cashier
    app.qtbot.mouseClick(app.counter.owner_button, Qt.LeftButton)
    dialog = app.window.owner.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.name.setCurrentText("Jonas")
    dialog.pin.setText("1111")
    dialog.submit()
    assert "Only the owner" in dialog.error.text()
    assert not app.window.owner.active
    dialog.name.setCurrentText("Maria")
    dialog.pin.setText("0000")
    dialog.submit()
    assert "Wrong PIN" in dialog.error.text() and not app.window.owner.active
    dialog.pin.setText("1234")
    dialog.submit()
    assert app.window.owner.active
    app.qtbot.mouseClick(app.window.owner.view.back_button, Qt.LeftButton)
    assert app.window.stack.currentWidget() is app.counter


def test_the_signed_in_owner_goes_straight_in(app):
    app.sign_in("Maria", "1234")
    app.qtbot.waitUntil(lambda: app.window.staff is not None, timeout=2000)
    app.qtbot.mouseClick(app.counter.owner_button, Qt.LeftButton)
    assert app.window.owner.dialog is None and app.window.owner.active


def open_owner_area(app):
    app.sign_in("Maria", "1234")
    app.qtbot.waitUntil(lambda: app.window.staff is not None, timeout=2000)
    app.window.owner.request()
    return app.window.owner.view


def find(app, view, text):
    view.customers.search.setText(text)
    view.customers.run_search()
    return view.customers


# ---- customers ----

def test_a_card_scanned_in_the_owner_area_finds_the_customer(app, customer):
    customer_id, token = customer
    view = open_owner_area(app)
    customers = view.customers
    assert view.tabs.currentWidget() is view.reports  # the area opens on the reports ...
    app.scan(token)  # ... with the focus in them
    assert view.tabs.currentWidget() is customers  # a scan shows the customer list, with the card's customer
    assert customers.selected() == customer_id and customers.model.rowCount() == 1
    assert app.window.owner.active and app.counter.customer_id is None


def test_edit_a_customer_and_see_it_in_the_table(app, customer):
    customer_id, _ = customer
    customers = find(app, open_owner_area(app), "anna")
    assert customers.selected() == customer_id
    dialog = customers.edit()
    assert isinstance(dialog, CustomerEditDialog) and dialog.name.text() == "Anna Müller"
    dialog.name.setText("Anna Schmidt")
    dialog.birthday.setText("23.4.1990")
    dialog.email.setText("no email")
    dialog.submit()
    assert "not an email address" in dialog.error.text() and dialog.isVisible()
    dialog.email.setText("anna.schmidt@example.org")
    dialog.submit()
    assert app.service.customer(customer_id)["birthday"] == "1990-04-23"
    model = customers.model
    assert model.data(model.index(0, NAME)) == "Anna Schmidt"
    assert model.data(model.index(0, EMAIL)) == "anna.schmidt@example.org"


def test_block_and_reissue_a_card(app, customer):
    customer_id, token = customer
    view = open_owner_area(app)
    customers = find(app, view, "anna")
    reason = customers.block()
    assert isinstance(reason, CardReasonDialog) and "Anna Müller" in reason.question.text()
    reason.buttons["other"].setChecked(True)
    reason.submit()  # "Other" with nothing written: asked again, nothing blocked
    assert reason.error.isVisible() and app.service.customer(customer_id)["card"] == token
    app.qtbot.keyClicks(reason.other, "left in the bus")
    reason.submit()
    assert "blocked" in customers.message.text()
    assert app.service.customer(customer_id).get("card") is None  # no active card until one is re-issued
    reason = customers.reissue()
    reason.buttons["damaged"].setChecked(True)
    reason.submit()
    dialog = customers.dialog
    assert isinstance(dialog, CardDialog)
    new_token = dialog.token
    assert new_token != token and app.service.customer(customer_id)["card"] == new_token
    dialog.accept()

    app.qtbot.mouseClick(view.back_button, Qt.LeftButton)
    app.qtbot.waitUntil(app.window.isActiveWindow, timeout=2000)
    app.scan(token)
    assert app.counter.banner.text().startswith("Card blocked")
    assert "left in the bus" in app.counter.banner.text()  # the reason the owner wrote
    app.scan(new_token)
    assert app.counter.panel.name_label.text() == "Anna Müller"
    app.type_amount("5.00")
    assert app.service.balance_of(customer_id).stamps == 1


def test_merge_two_accounts_adds_the_balances(app, customer):
    customer_id, token = customer
    staff = app.service.system_staff()
    other_id, other_token, _ = app.service.enroll(staff, name="Anna M.", phone="+49 151 9876543")
    app.service.checkout(staff, token, 1000)
    app.service.checkout(staff, other_token, 2000)
    before = [app.service.balance_of(c) for c in (customer_id, other_id)]
    customers = find(app, open_owner_area(app), "Anna Müller")
    dialog = customers.merge()
    assert isinstance(dialog, MergeDialog)
    dialog.search.setText("9876543")
    assert dialog.other() == other_id
    assert dialog.keep_other.text() == "Keep the other account (Anna M.)"
    dialog.keep_other.setChecked(True)
    assert "of Anna Müller move to Anna M." in dialog.outcome.text()
    dialog.keep_this.setChecked(True)
    assert "of Anna M. move to Anna Müller" in dialog.outcome.text()
    dialog.submit()
    kept = app.service.balance_of(customer_id)
    assert kept.stamps == before[0].stamps + before[1].stamps
    assert kept.points == before[0].points + before[1].points
    assert "Merged" in customers.message.text()
    assert app.service.resolve(other_token) == customer_id


def test_history_shows_a_booked_purchase(app, customer):
    customer_id, token = customer
    app.service.checkout(app.service.system_staff(), token, 1250)
    customers = find(app, open_owner_area(app), "anna")
    dialog = customers.history()
    assert isinstance(dialog, HistoryDialog)
    rows = [dialog.texts(r) for r in range(dialog.table.rowCount())]
    purchase = next(r for r in rows if r[1] == "Purchase")
    assert purchase[2] == "+1" and purchase[3] == "+12" and purchase[5] == "€12.50"
    assert any(r[1] == "Enrolled" for r in rows)


def test_history_names_bonuses_and_rewards_in_the_ui_language(app, customer):
    from ui import i18n  # noqa: PLC0415

    customers = find(app, open_owner_area(app), "anna")
    i18n.install("de")
    dialog = customers.history()
    reasons = [dialog.texts(r)[6] for r in range(dialog.table.rowCount())]
    assert "Willkommen" in reasons and "Welcome" not in reasons  # the bakery's enrollment bonus, name_de


# ---- staff ----

def test_add_staff_change_a_pin_and_disable(app):
    staff = open_owner_area(app).staff_view
    staff.new_name.setText("Lena")
    staff.new_pin.setText("2468")
    staff.new_pin2.setText("2469")
    staff.add()
    assert "differ" in staff.message.text()
    staff.new_pin2.setText("2468")
    staff.add()
    assert "Lena can sign in now." == staff.message.text()
    assert app.service.sign_in("Lena", "2468").role == "cashier"
    assert "Lena" in app.window.sign_in.staff_buttons
    assert staff.selected() == "Lena"
    row = [m["name"] for m in staff.members].index("Lena")
    assert staff.table.item(row, 1).text() == "Cashier" and staff.table.item(row, 2).text() == "Active"

    for _ in range(5):
        try:
            app.service.sign_in("Lena", "0000")
        except Exception:
            pass
    staff.refresh()
    assert staff.table.item(row, 2).text() == "Locked (wrong PINs)"
    staff.pin.setText("1357")
    staff.pin2.setText("1357")
    staff.change_pin()
    assert app.service.sign_in("Lena", "1357").name == "Lena"
    assert staff.table.item(row, 2).text() == "Active"

    staff.toggle_active()
    assert "Lena is disabled." == staff.message.text()
    assert not next(m for m in app.service.staff_list() if m["name"] == "Lena")["active"]
    assert "Lena" not in app.window.sign_in.staff_buttons


def test_the_owner_area_is_not_clipped_in_german_at_the_smallest_window(app, customer):
    from ui import i18n

    from test_translations import _clipped  # tests/ui is on sys.path (no package)

    i18n.install("de")
    window = app.window
    window.resize(window.minimumSize())
    app.qtbot.waitUntil(lambda: window.width() == window.minimumWidth(), timeout=2000)
    view = open_owner_area(app)
    find(app, view, "anna")
    assert not _clipped(window), "customers"
    view.tabs.setCurrentWidget(view.staff_view)
    view.staff_view.select("Jonas")
    assert not _clipped(window), "staff"

"""The customer's data from the owner's customer screen: export to a file, erase after saying what goes and stays."""

import json

from PySide6.QtCore import Qt

from pos_loyalty import privacy
from ui import i18n
from ui.dialogs.privacy import EraseDataDialog, ExportDataDialog

from test_owner import find, open_owner_area


def test_export_saves_the_customer_s_data_as_a_file(app, customer, tmp_path):
    customer_id, token = customer
    app.service.checkout(app.service.system_staff(), token, 1250)
    view = open_owner_area(app)
    customers = find(app, view, "anna")
    customers.export_path = tmp_path / "anna.json"
    assert customers.export_button.isEnabled()
    app.qtbot.mouseClick(customers.export_button, Qt.LeftButton)
    dialog = customers.dialog
    assert isinstance(dialog, ExportDataDialog) and dialog.isVisible()
    assert dialog.path.text() == str(tmp_path / "anna.json")
    dialog.path.setText(str(tmp_path / "no-such-folder" / "anna.json"))
    dialog.submit()
    assert "Cannot write" in dialog.error.text() and dialog.isVisible() and dialog.confirm.isEnabled()
    dialog.path.setText(str(tmp_path / "anna.json"))
    app.qtbot.mouseClick(dialog.confirm, Qt.LeftButton)
    assert not dialog.isVisible()
    data = json.loads((tmp_path / "anna.json").read_text(encoding="utf-8"))
    assert data["customer"]["name"] == "Anna Müller" and data["balance"]["points"] == app.service.balance(token).points
    assert str(tmp_path / "anna.json") in customers.message.text()
    assert [a["action"] for a in privacy.audit(app.service, customer_id)] == ["export"]


def test_erase_names_the_customer_says_what_stays_and_asks_why(app, customer):
    customer_id, token = customer
    app.service.checkout(app.service.system_staff(), token, 1250)
    points = app.service.balance(token).points
    view = open_owner_area(app)
    customers = find(app, view, "anna")
    app.qtbot.mouseClick(customers.erase_button, Qt.LeftButton)
    dialog = customers.dialog
    assert isinstance(dialog, EraseDataDialog) and dialog.isVisible()
    shown = " ".join(label.text() for label in dialog.findChildren(type(dialog.error)))
    assert "Anna Müller" in shown and "cannot be undone" in shown
    assert "figures of every booking" in shown and "cards are blocked" in shown
    assert not dialog.confirm.isDefault()  # Enter does not erase
    dialog.submit()
    assert dialog.error.isVisible() and app.service.customer(customer_id)["name"] == "Anna Müller"
    app.qtbot.keyClicks(dialog.reason, "asked at the counter")
    app.qtbot.mouseClick(dialog.confirm, Qt.LeftButton)
    assert not dialog.isVisible()
    assert "Anna Müller" in customers.message.text() and "erased" in customers.message.text()
    assert app.service.customer(customer_id)["name"] is None
    assert app.service.balance_of(customer_id).points == points
    assert customers.model.rowCount() == 0  # the search for "anna" finds no one now
    (entry,) = privacy.audit(app.service, customer_id)
    assert (entry["action"], entry["staff_name"], entry["detail"]["reason"]) == ("erase", "Maria",
                                                                                  "asked at the counter")


def test_the_dialogs_speak_german(app, customer, qapp):
    customer_id, _ = customer
    view = open_owner_area(app)
    customers = find(app, view, "anna")
    i18n.install("de", qapp)
    app.qtbot.waitUntil(lambda: customers.erase_button.text() == "Löschen …", timeout=2000)  # LanguageChange
    dialog = customers.erase_data()
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.error)))
    assert "Anna Müller" in texts and "Was bleibt" in texts
    dialog.reject()
    dialog = customers.export_data()
    assert dialog.confirm.text() == "Datei speichern"
    dialog.reject()

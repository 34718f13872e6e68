"""Settings: the camera, scanner and printer of this till (kept on this computer) and the shop's details."""

import cv2
import numpy as np
from PySide6.QtCore import Qt

from pos_loyalty import cards
from ui import device_settings
from ui.dialogs.card import CardDialog

SLOW_KEYS_MS = 60  # slower than the filter's normal 30 ms, so the burst arrives as typing


def _card_folder(path, token):
    """A folder with one camera-sized frame showing the card, as the camera tests make them."""
    path.mkdir()
    frame = np.full((720, 1280, 3), 235, np.uint8)
    card = cv2.cvtColor(np.asarray(cards.card_image(token, "Bakery")), cv2.COLOR_RGB2BGR)
    h, w = card.shape[:2]
    frame[100:100 + h, 200:200 + w] = card
    cv2.imwrite(str(path / "card.png"), frame)
    return path


def test_a_folder_chosen_as_camera_reads_cards_into_the_counter_and_is_kept(app, customer, tmp_path):
    customer_id, token = customer
    folder = _card_folder(tmp_path / "camera", token)
    app.signed_in()
    dialog = app.window.open_settings()
    page = dialog.camera
    dialog.tabs.setCurrentWidget(page)
    assert page.choice.itemText(0) == "No camera"
    page.choice.setCurrentIndex(page.choice.findData("file"))
    assert page.path.isVisible()
    page.path.setText(str(folder))
    page.path.editingFinished.emit()
    try:
        assert device_settings.load().camera == str(folder)  # kept for the next start
        assert app.window.camera.is_running()
        dialog.accept()
        app.qtbot.waitUntil(lambda: app.counter.customer_id == customer_id, timeout=10000)
        assert app.counter.panel.name_label.text() == "Anna Müller"

        dialog = app.window.open_settings()
        dialog.camera.choice.setCurrentIndex(0)  # "No camera"
        assert device_settings.load().camera == "" and not app.window.camera.is_running()
        assert not app.counter._camera_placeholder.isHidden() and app.window.camera_preview.parent() is None
        dialog.accept()
    finally:
        app.window.use_camera("")


def test_the_scanner_test_takes_the_scan_instead_of_the_counter(app, customer):
    customer_id, token = customer
    app.signed_in()
    dialog = app.window.open_settings()
    dialog.tabs.setCurrentWidget(dialog.scanner)
    app.qtbot.waitUntil(lambda: app.focused() is dialog.scanner.typed, timeout=2000)
    app.scan(token)
    assert dialog.isVisible() and app.counter.customer_id is None  # the counter did not open the customer
    result = dialog.scanner.result.text()
    assert result.startswith("✓ Recognised as a scan: Anna Müller") and f"{len(token)} characters" in result

    app.scan("PL1" + "A" * 24)  # a forged or misread card: the test says why it would be refused
    assert "✓ Recognised as a scan" in dialog.scanner.result.text()
    assert "Anna" not in dialog.scanner.result.text()


def test_a_scanner_too_slow_for_the_filter_is_told_and_the_slow_mode_widens_the_gap(app, customer):
    _, token = customer
    app.signed_in()
    dialog = app.window.open_settings()
    dialog.tabs.setCurrentWidget(dialog.scanner)
    field = dialog.scanner.typed
    app.qtbot.waitUntil(lambda: app.focused() is field, timeout=2000)
    app.qtbot.keyClicks(field, token, delay=SLOW_KEYS_MS)  # too slow for a scan: it arrives as typing
    app.qtbot.waitUntil(lambda: field.text() == token and not app.scanner.holding, timeout=5000)
    app.qtbot.keyClick(field, Qt.Key_Return)
    assert "arrived as typing" in dialog.scanner.result.text() and "My scanner is slow" in dialog.scanner.result.text()

    assert app.scanner.max_gap_ms == device_settings.SCANNER_GAP_MS[False]
    dialog.scanner.slow.setChecked(True)
    assert app.scanner.max_gap_ms == device_settings.SCANNER_GAP_MS[True]
    assert device_settings.load().slow_scanner


def test_the_printer_choice_is_kept_and_a_blank_card_can_be_printed_ahead(app, shop):
    app.signed_in()
    dialog = app.window.open_settings()
    page = dialog.printer
    assert page.choice.itemText(0) == "Ask every time" and page.choice.currentData() == ""
    with app.qtbot.waitSignal(dialog.print_blank):
        app.qtbot.mouseClick(page.blank_button, Qt.LeftButton)
    blank = next(w for w in dialog.findChildren(CardDialog))
    token = blank.token
    assert cards.verify(token, shop.card_keys()).text == token  # a real card of this shop
    # The first scan at the counter enrolls it: a pre-printed card.
    blank.accept()
    dialog.accept()
    app.qtbot.waitUntil(app.window.isActiveWindow, timeout=2000)
    app.scan(token)
    app.type_amount("3.20")  # the first purchase starts the card
    customer_id = shop.resolve(token)
    assert shop.balance_of(customer_id).stamps == 1


def test_only_the_owner_changes_the_shop_and_new_cards_carry_it(app, customer):
    app.signed_in()  # Jonas, a cashier
    dialog = app.window.open_settings()
    assert dialog.shop.fields["name"].isReadOnly() and not dialog.shop.save_button.isVisible()
    assert "Only the owner" in dialog.shop.result.text()
    dialog.accept()
    app.window.sign_out()

    app.sign_in("Maria", "1234")
    app.qtbot.waitUntil(lambda: app.window.staff is not None, timeout=2000)
    dialog = app.window.open_settings()
    shop = dialog.shop
    shop.fields["name"].setText("  Bäckerei   Sonnenschein ")
    shop.fields["address"].setText("Hauptstraße 1, 10115 Berlin")
    shop.fields["phone"].setText("+49 30 1234567")
    app.qtbot.mouseClick(shop.save_button, Qt.LeftButton)
    assert shop.result.text().startswith("Saved.")
    details = app.service.shop_details()
    assert details["name"] == "Bäckerei Sonnenschein" and details["address"] == "Hauptstraße 1, 10115 Berlin"
    assert app.window.windowTitle().endswith("Bäckerei Sonnenschein")
    dialog.accept()
    app.qtbot.keyClick(app.counter, Qt.Key_F2)  # enroll: the new card carries the shop's name
    enroll = app.counter.dialog
    enroll.submit()
    assert isinstance(app.counter.dialog, CardDialog) and app.counter.dialog.shop == "Bäckerei Sonnenschein"


def test_f12_opens_the_owner_area_from_the_counter(app):
    app.signed_in()
    app.qtbot.keyClick(app.counter, Qt.Key_F12)
    assert app.window.owner.dialog is not None and app.window.owner.dialog.isVisible()

"""Enroll from the counter by keyboard; the card dialog shows a QR that decodes, saves as PNG and prints to PDF."""

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

from pos_loyalty import cards
from pos_loyalty.scanning.decoder import decode, decode_file
from ui.card_print import card_printer, paint_card
from ui.dialogs.card import CardDialog
from ui.dialogs.enroll import EnrollDialog, iso_birthday


def _type(app, field, text):
    app.qtbot.keyClicks(field, text)
    app.qtbot.waitUntil(lambda: field.text() == text and not app.scanner.holding, timeout=2000)


def test_enroll_with_the_keyboard_then_the_card_then_the_customer(app, customer):
    referrer_id, referrer_token = customer
    app.signed_in()
    app.qtbot.keyClick(app.focused(), Qt.Key_F2)
    dialog = app.counter.dialog
    assert isinstance(dialog, EnrollDialog) and dialog.isVisible()
    app.qtbot.waitUntil(lambda: app.focused() is dialog.name, timeout=2000)  # once the dialog window is active
    _type(app, dialog.name, "Emma Weber")
    dialog.email.setFocus()
    _type(app, dialog.email, "emma@example.org")
    dialog.birthday.setFocus()
    _type(app, dialog.birthday, "23.04.1990")
    dialog.consent.setFocus()
    app.qtbot.keyClick(dialog.consent, Qt.Key_Space)
    app.qtbot.waitUntil(dialog.consent.isChecked, timeout=2000)
    dialog.referred_by.setFocus()
    app.scan(referrer_token)  # the friend's card, scanned into the form rather than opening the friend
    assert dialog.referred_by.text() == referrer_token and app.counter.customer_id is None
    app.qtbot.keyClick(dialog.referred_by, Qt.Key_Return)

    card_dialog = app.counter.dialog
    assert isinstance(card_dialog, CardDialog) and card_dialog.isVisible()
    assert card_dialog.qr is not None and not card_dialog.qr_label.pixmap().isNull()
    token = card_dialog.token
    assert card_dialog.number.text() == cards.grouped(token)
    customer_id = app.service.resolve(token)
    person = app.service.customer(customer_id)
    assert (person["name"], person["email"], person["birthday"]) == ("Emma Weber", "emma@example.org", "1990-04-23")
    assert person["consent_email"] and person["referred_by"] == referrer_id

    app.qtbot.keyClick(card_dialog, Qt.Key_Return)  # "Done" is the default button
    assert app.counter.dialog is None
    assert app.counter.customer_id == customer_id and app.counter.panel.name_label.text() == "Emma Weber"
    assert app.counter.panel.points_label.text() == "20"  # the welcome bonus
    app.qtbot.waitUntil(lambda: app.focused() is app.counter.booking.amount, timeout=2000)


def test_an_invalid_field_keeps_the_form_open_with_the_reason(app):
    app.signed_in()
    app.counter.enroll()
    dialog = app.counter.dialog
    dialog.email.setText("not-an-address")
    app.qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert dialog.isVisible() and "not an email address" in dialog.error.text()
    dialog.email.clear()
    dialog.birthday.setText("1990-13-45")
    app.qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert "not a date" in dialog.error.text()
    dialog.birthday.clear()
    app.qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)  # all fields empty: an anonymous card is fine
    assert isinstance(app.counter.dialog, CardDialog)
    assert app.counter.panel.name_label.text() == "Guest"


def test_the_card_saves_as_a_png_that_scans_back(qtbot, tmp_path, sync_tasks):
    token = cards.issue(7, b"secret")
    dialog = CardDialog(token, "Bäckerei Korn", "Emma Weber")
    qtbot.addWidget(dialog)
    path = tmp_path / "card.png"
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save_png(str(path))
    assert decode_file(path) == [token]
    assert str(path) in dialog.message.text()


def test_the_card_prints_on_a_card_sized_pdf_page(qtbot, tmp_path, sync_tasks):
    token = cards.issue(7, b"secret")
    dialog = CardDialog(token, "Bäckerei Korn", "Emma Weber")
    qtbot.addWidget(dialog)
    printer = card_printer(QPrinter(QPrinter.HighResolution))
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "card.pdf"))
    size = printer.pageLayout().fullRect().size()  # millimetres
    assert (round(size.width(), 1), round(size.height(), 1)) == (85.6, 54.0)
    with qtbot.waitSignal(dialog.printed, timeout=5000):
        dialog.print_card(printer)
    assert (tmp_path / "card.pdf").read_bytes().startswith(b"%PDF")


def test_the_printed_layout_keeps_the_qr_readable(qtbot, sync_tasks):
    """The same painting as on paper, at 300 dpi into an image: the QR must decode."""
    token = cards.issue(7, b"secret")
    dialog = CardDialog(token, "Bäckerei Korn", "Emma Weber")
    qtbot.addWidget(dialog)
    image = QImage(1011, 638, QImage.Format_RGB32)  # 85.6 x 54 mm at 300 dpi
    painter = QPainter(image)
    paint_card(painter, QRectF(image.rect()), dialog.qr, token, "Bäckerei Korn", "Emma Weber")
    painter.end()
    gray = image.convertToFormat(QImage.Format_Grayscale8)
    import numpy as np

    pixels = np.frombuffer(gray.constBits(), np.uint8).reshape(gray.height(), gray.bytesPerLine())[:, :gray.width()]
    assert decode(np.ascontiguousarray(pixels)) == [token]


def test_birthdays_as_germans_write_them():
    assert iso_birthday("3.4.1990") == "1990-04-03"
    assert iso_birthday(" 1990-04-03 ") == "1990-04-03"
    assert iso_birthday("") == ""

"""Staff sign-in by keyboard and by keypad: wrong PINs explained, the lockout message after five."""

from PySide6.QtCore import Qt

from pos_loyalty.staff import MAX_FAILURES


def test_typing_the_pin_signs_in_and_shows_the_counter(app):
    app.sign_in("Jonas", "1111")
    app.qtbot.waitUntil(lambda: app.window.staff is not None, timeout=2000)
    assert app.window.staff.name == "Jonas"
    assert app.window.stack.currentWidget() is app.counter
    assert "Jonas" in app.window.status.staff_label.text()
    assert app.window.status.sign_out.isVisible()


def test_the_keypad_signs_in_by_touch(app):
    pad = app.window.sign_in.pin_pad
    app.qtbot.mouseClick(app.window.sign_in.staff_buttons["Maria"], Qt.LeftButton)
    for digit in "1234":
        app.qtbot.mouseClick(pad.buttons[digit], Qt.LeftButton)
    app.qtbot.mouseClick(pad.buttons["⌫"], Qt.LeftButton)
    app.qtbot.mouseClick(pad.buttons["4"], Qt.LeftButton)
    app.qtbot.mouseClick(pad.buttons["ok"], Qt.LeftButton)
    assert app.window.staff.name == "Maria" and app.window.staff.is_owner


def test_a_wrong_pin_says_so_and_keeps_the_sign_in_screen(app):
    app.sign_in("Jonas", "9999")
    message = app.window.sign_in.message
    app.qtbot.waitUntil(lambda: "Wrong PIN" in message.text(), timeout=2000)
    assert f"{MAX_FAILURES - 1} attempt(s) left" in message.text()
    assert app.window.staff is None and app.window.sign_in.pin_pad.field.text() == ""


def test_five_wrong_pins_lock_the_member_out_with_the_services_message(app):
    for _ in range(MAX_FAILURES):
        app.sign_in("Jonas", "0000")
    message = app.window.sign_in.message
    app.qtbot.waitUntil(lambda: "locked" in message.text(), timeout=2000)
    assert "Too many wrong PINs for Jonas" in message.text()
    app.sign_in("Jonas", "1111")  # even the right PIN waits for the lock to pass
    app.qtbot.waitUntil(lambda: "locked" in message.text(), timeout=2000)
    assert app.window.staff is None


def test_a_scan_before_sign_in_asks_to_sign_in_first(app, customer):
    app.window.sign_in.staff_buttons["Jonas"].setFocus()
    app.scan(customer[1])
    assert "Sign in first" in app.window.sign_in.message.text()


def test_sign_out_returns_to_the_sign_in_screen(app):
    app.signed_in()
    app.qtbot.mouseClick(app.window.status.sign_out, Qt.LeftButton)
    assert app.window.staff is None
    assert app.window.stack.currentWidget() is app.window.sign_in
    assert not app.window.status.sign_out.isVisible()

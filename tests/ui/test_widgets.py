"""Widgets and helpers on their own: background tasks, stamp card, customer panel, theme, touch targets."""

import threading

from PySide6.QtGui import QColor, QFontInfo
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from pos_loyalty.service import Balance
from ui import i18n, tasks, theme
from ui.widgets.customer_panel import CustomerPanel
from ui.widgets.stamp_card import DIAMETER, GAP, PAD, StampCard


def test_background_work_runs_off_the_gui_thread_and_reports_back_on_it(qtbot):
    runner = tasks.PoolRunner()
    previous = tasks.set_runner(runner)
    try:
        seen = {}
        tasks.run_in_background(threading.get_ident, lambda worker: seen.update(worker=worker,
                                                                                 back=threading.get_ident()))
        tasks.run_in_background(lambda: 1 / 0, on_error=lambda exc: seen.update(error=exc))
        qtbot.waitUntil(lambda: len(seen) == 3, timeout=5000)
    finally:
        tasks.set_runner(previous)
    gui = threading.get_ident()
    assert seen["worker"] != gui and seen["back"] == gui
    assert isinstance(seen["error"], ZeroDivisionError)
    assert runner.pending == 0


def test_the_synchronous_stand_in_runs_inline():
    runner, out = tasks.SyncRunner(), []
    runner.run(lambda: 41 + 1, out.append)
    runner.run(lambda: {}["x"], on_error=out.append)
    assert out[0] == 42 and isinstance(out[1], KeyError)


def test_the_stamp_card_paints_the_earned_stamps(qtbot):
    card = StampCard()
    qtbot.addWidget(card)
    card.set_stamps(7, 10)
    card.resize(card.sizeHint())
    image = card.grab().toImage()

    def color_at(index):
        row, col = divmod(index, 5)
        x = PAD + col * (DIAMETER + GAP) + DIAMETER // 2 - 14  # left of the centre, off the glyph
        y = PAD + row * (DIAMETER + GAP) + DIAMETER // 2
        return QColor(image.pixel(x, y))

    assert card.accessibleName() == "7 of 10 stamps"
    assert color_at(0) == theme.STAMP and color_at(6) == theme.STAMP
    assert color_at(7) != theme.STAMP and color_at(9) != theme.STAMP
    card.set_stamps(12, 10)
    assert card.filled == 10 and card.extra == 2


def test_the_panel_shows_alerts_and_the_next_reward(qtbot, make_shop):
    program = make_shop("bakery").program
    panel = CustomerPanel()
    qtbot.addWidget(panel)
    balance = Balance("id", "PL1XXXX", None, 5, -3, 0, None, [], 8, None, ["negative_balance", "birthday"])
    panel.show_balance(balance, program)
    assert panel.name_label.text() == "Guest"
    roles = {label.objectName(): label.property("role") for label in panel.alert_labels}
    assert roles == {"alert-negative_balance": "alert-danger", "alert-birthday": "alert"}
    assert panel.next_label.text() == "3 more stamps to Free bread"
    assert not panel.reward_buttons and not panel.tier_label.isVisible()


def test_fill_puts_arguments_into_the_numbered_places():
    assert i18n.fill("%1 of %2", 7, 10) == "7 of 10"
    assert i18n.fill("%2 vor %1", "a", "b") == "b vor a"
    assert i18n.fill("%1 and %10", *range(1, 11)) == "1 and 10"


def test_the_bundled_font_is_the_application_font(app):
    assert QFontInfo(QApplication.font()).family() == theme.FAMILY


def test_every_button_is_a_big_touch_target(app, customer):
    customer_id, token = customer
    for _ in range(8):
        app.service.checkout(app.service.system_staff(), token, 500)
    buttons = [b for b in app.window.findChildren(QPushButton) if b.isVisible()]
    app.signed_in()
    app.window.on_code_scanned(token)
    app.qtbot.waitUntil(lambda: bool(app.counter.panel.reward_buttons), timeout=1000)
    buttons += [b for b in app.window.findChildren(QPushButton) if b.isVisible()]
    assert len(buttons) > 15
    small = [(b.text(), b.height()) for b in buttons if b.height() < 48]
    assert not small, small


def test_the_status_bar_counts_unsynced_events(app, customer):
    app.signed_in()
    app.window.on_code_scanned(customer[1])
    app.type_amount("3.00")
    label = app.window.status.unsynced_label
    expected = f"Unsynced events: {app.service.unsynced_count()}"
    app.qtbot.waitUntil(lambda: label.text() == expected, timeout=2000)
    assert app.window.status.online_label.text() == "Offline (no server)"


def test_a_camera_preview_takes_the_place_kept_for_it(app):
    app.signed_in()
    preview = QLabel("camera")
    app.window.set_camera_widget(preview)
    assert preview.isVisible() and app.counter.camera_slot.isAncestorOf(preview)
    app.window.set_camera_widget(None)
    assert preview.parent() is None and app.counter._camera_placeholder.isVisible()

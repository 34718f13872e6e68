"""Sync in the app against a real server on loopback (tests/sync's fixtures): registering in Settings, the
background worker syncing after bookings, the status bar offline while the server is down, "Sync now" for the owner."""

import sys
from dataclasses import replace
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, as pytest puts it for tests/sync
from sync.conftest import database_url_for_test, server, storage  # noqa: E402, F401 - fixtures

from pos_loyalty.sync.backoff import Backoff  # noqa: E402
from pos_loyalty.sync.client import SyncClient  # noqa: E402
from ui import sync_worker  # noqa: E402

WAIT = 10_000


@pytest.fixture(autouse=True)
def fast_sync(monkeypatch):
    """The app's scheduler with short waits: a booking syncs after 50 ms, a down server is retried quickly."""
    monkeypatch.setattr(sync_worker, "OPTIONS", {"interval": 300.0, "debounce": 0.05,
                                                 "backoff": lambda: Backoff(base=0.05, cap=0.3),
                                                 "timeout": 2.0, "attempts": 1})


@pytest.fixture
def registered(request, shop, server):
    """The app on a terminal registered with the server before it starts: the worker starts with the window."""
    with SyncClient(shop.data_dir) as client:
        client.register(server.url, server.tenant().code("Bakery"), "Till 1")
    app = request.getfixturevalue("app")
    assert app.window.sync.running
    return app


def _sign_in(app, name, pin):
    app.sign_in(name, pin)
    app.qtbot.waitUntil(lambda: app.window.staff is not None and app.window.staff.name == name, timeout=2000)


def test_the_owner_connects_the_till_in_settings(app, server):
    status = app.window.status
    assert not app.window.sync.running and status.online_label.text() == "Offline (no server)"
    _sign_in(app, "Maria", "1234")
    dialog = app.window.open_settings()
    dialog.server.url.setText(server.url)
    dialog.server.code.setText(server.tenant("Chain").code("Bakery"))
    dialog.server.pin.setText("9999")  # a wrong owner PIN: nothing is sent
    app.qtbot.mouseClick(dialog.server.connect_button, Qt.LeftButton)
    assert dialog.server.result.text().startswith("Wrong PIN")
    assert not app.window.sync.running

    dialog.server.pin.setText("1234")
    app.qtbot.mouseClick(dialog.server.connect_button, Qt.LeftButton)
    app.qtbot.waitUntil(lambda: dialog.server.result.text().startswith("Connected: shop Bakery (Chain)"),
                        timeout=WAIT)
    assert dialog.server.pin.text() == ""
    app.qtbot.waitUntil(lambda: status.online_label.text() == "Online", timeout=WAIT)
    assert app.window.sync.running
    app.qtbot.waitUntil(lambda: status.last_sync_label.text().startswith("Last sync: ")
                        and "never" not in status.last_sync_label.text(), timeout=WAIT)
    assert status.sync_button.isVisible()  # Maria is the owner
    dialog.reject()


def test_a_used_or_unknown_code_is_told_in_words(app, server):
    _sign_in(app, "Maria", "1234")
    dialog = app.window.open_settings()
    dialog.server.url.setText(server.url)
    dialog.server.code.setText("NOT-A-CODE")
    dialog.server.pin.setText("1234")
    app.qtbot.mouseClick(dialog.server.connect_button, Qt.LeftButton)
    app.qtbot.waitUntil(lambda: "enrollment code is unknown" in dialog.server.result.text(), timeout=WAIT)
    assert not app.window.sync.running
    dialog.reject()


def test_a_booking_is_synced_in_the_background(registered, customer):
    app, status = registered, registered.window.status
    app.qtbot.waitUntil(lambda: status.online_label.text() == "Online", timeout=WAIT)
    app.signed_in()
    app.scan(customer[1])
    app.type_amount("12.50")
    assert app.service.balance_of(customer[0]).points == 32  # booked at once, whatever the network does
    app.qtbot.waitUntil(lambda: app.service.unsynced_count() == 0
                        and status.unsynced_label.text() == "Unsynced events: 0", timeout=WAIT)
    assert not status.error_label.isVisible() and not status.conflicts_label.isVisible()


def test_with_the_server_down_the_bar_says_offline_and_the_counter_still_books(registered, customer, server):
    app, status = registered, registered.window.status
    app.qtbot.waitUntil(lambda: status.online_label.text() == "Online", timeout=WAIT)
    server.stop()
    app.signed_in()
    app.scan(customer[1])
    app.type_amount("5")
    assert app.service.balance_of(customer[0]).points == 25
    app.qtbot.waitUntil(lambda: status.online_label.text() == "Offline", timeout=WAIT)
    assert "cannot be reached" in status.online_label.toolTip() and not status.error_label.isVisible()
    app.qtbot.waitUntil(lambda: status.unsynced_label.text() != "Unsynced events: 0", timeout=WAIT)
    app.type_amount("3")  # still booking while offline
    assert app.service.balance_of(customer[0]).points == 28


def test_sync_now_is_the_owners_and_shows_progress(registered):
    app, status = registered, registered.window.status
    app.qtbot.waitUntil(lambda: status.online_label.text() == "Online", timeout=WAIT)
    _sign_in(app, "Jonas", "1111")
    assert not status.sync_button.isVisible()
    app.qtbot.mouseClick(status.sign_out, Qt.LeftButton)
    assert not status.sync_button.isVisible()
    _sign_in(app, "Maria", "1234")
    button = status.sync_button
    assert button.isVisible() and button.accessibleName() == "Sync now" and button.text() == "↻"
    app.qtbot.mouseClick(button, Qt.LeftButton)
    assert button.accessibleName() == "Syncing…" and button.text() == "↻ …" and not button.isEnabled()
    app.qtbot.waitUntil(lambda: button.accessibleName() == "Synced", timeout=WAIT)
    assert button.text() == "↻ ✓" and button.isEnabled()


def test_closing_the_window_stops_the_sync_thread(registered):
    worker = registered.window.sync
    thread = worker.thread
    registered.window.close()
    assert not worker.running and thread.isFinished()


def _clipped_in_bar(window):
    from PySide6.QtWidgets import QLabel, QPushButton  # noqa: PLC0415

    bar = window.status
    return [(w.text(), w.width(), w.sizeHint().width()) for w in bar.findChildren(QLabel) + bar.findChildren(QPushButton)
            if w.isVisible() and w.text() and (w.width() < w.sizeHint().width()
                                               or w.mapTo(window, w.rect().topRight()).x() > window.width())]


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_owners_bar_fits_the_smallest_window_online_and_offline(registered, server, language):
    from ui import i18n  # noqa: PLC0415

    app, window, status = registered, registered.window, registered.window.status
    i18n.install(language)
    window.resize(window.minimumSize())
    app.qtbot.waitUntil(lambda: window.width() == window.minimumWidth(), timeout=2000)
    _sign_in(app, "Maria", "1234")
    app.qtbot.waitUntil(lambda: status.sync_button.isVisible() and status.sync is not None
                        and status.sync.last_ok is not None, timeout=WAIT)
    app.qtbot.waitUntil(lambda: not _clipped_in_bar(window), timeout=2000)
    status.show_sync(replace(status.sync, conflicts=2))  # as after two offline redemptions overspent a card
    assert status.conflicts_label.isVisible()
    app.qtbot.waitUntil(lambda: not _clipped_in_bar(window), timeout=2000)
    server.stop()
    app.qtbot.mouseClick(status.sync_button, Qt.LeftButton)
    app.qtbot.waitUntil(lambda: status.online_label.text() == "Offline"
                        and status.sync_button.text() == "↻ ✗", timeout=WAIT)
    app.qtbot.wait(300)  # the bar's layout settles
    assert not _clipped_in_bar(window)
    assert not status.conflicts_label.isVisible()  # the last real status has none


def test_sync_starts_even_if_a_scan_closed_settings_while_connecting(app, server, customer):
    from ui import tasks  # noqa: PLC0415

    tasks.set_runner(None)  # the real thread pool: the answer comes back later, on the GUI thread
    try:
        _sign_in(app, "Maria", "1234")
        dialog = app.window.open_settings()
        dialog.server.url.setText(server.url)
        dialog.server.code.setText(server.tenant().code("Bakery"))
        dialog.server.pin.setText("1234")
        app.qtbot.mouseClick(dialog.server.connect_button, Qt.LeftButton)
        assert dialog.server.result.text() == "Connecting…"  # the GUI did not wait for the server
        app.window.on_code_scanned(customer[1])  # a card at the counter closes the dialog
        assert not shiboken6.isValid(dialog) or not dialog.isVisible()
        app.qtbot.waitUntil(lambda: app.window.sync.running, timeout=WAIT)
        app.qtbot.waitUntil(lambda: app.window.status.online_label.text() == "Online", timeout=WAIT)
    finally:
        app.qtbot.waitUntil(lambda: tasks.runner().pending == 0, timeout=WAIT)
        tasks.set_runner(tasks.SyncRunner())

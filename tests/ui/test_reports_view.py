"""The owner's reports dashboard on a demo shop: the same numbers as the core's build(), the period and shop
pickers, loading in the background (only the newest answer shown, the GUI thread free), exports, German."""

import gc
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from datetime import date, timedelta
from decimal import Decimal

import pytest
from babel.numbers import format_currency, format_decimal, format_percent
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication

from pos_loyalty import demo
from pos_loyalty.clock import utcnow
from pos_loyalty.reports import Period, build, tables
from pos_loyalty.reports.texts import summary
from pos_loyalty.service import Loyalty
from ui import i18n, tasks
from ui.views import reports as reports_module
from ui.views.reports import ReportsView
from ui.widgets import chart_canvas as chart_module
from ui.widgets.chart_canvas import ChartCanvas
from ui.widgets.kpi_tile import BAD, FLAT, GOOD, KpiTile
from ui.widgets.period_picker import PeriodPicker
from ui.widgets.report_table import ReportTable

from conftest import open_window  # tests/ui is on sys.path (no package)

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))  # tests/, as pytest puts it for tests/sync
from sync.conftest import database_url_for_test, server, storage  # noqa: E402, F401 - fixtures


# ---- the pieces on their own ----

def test_the_charts_never_load_pyqt():
    """In a fresh interpreter, as the app starts: matplotlib is used without its Qt backend, so it can never go
    looking for PyQt (which would clash with PySide6)."""
    code = ("import ui.views.owner, sys; "
            "print(sorted(m for m in sys.modules if m.startswith('PyQt') or m.endswith('qt_compat')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""}, cwd=str(ROOT)).stdout
    assert out.split() == ["[]"]


def test_a_tile_shows_its_figure_change_and_note(qtbot):
    tile = KpiTile("visits")
    qtbot.addWidget(tile)
    tile.set_caption("Visits", "Purchases booked on a card.")
    tile.set_figures("575", "▲ up from 520", GOOD, "480 by named members")
    assert (tile.value.text(), tile.change.text(), tile.note.text()) == ("575", "▲ up from 520", "480 by named members")
    assert tile.trend == GOOD and tile.toolTip() == "Purchases booked on a card."
    tile.set_figures("3", "▼ down from 5", BAD)
    assert tile.trend == BAD and tile.note.isHidden()
    tile.set_figures("–")
    assert tile.trend == FLAT and tile.change.isHidden()


def test_a_report_table_fits_its_rows_aligns_figures_and_says_when_it_is_empty(qtbot):
    table = ReportTable("staff", max_rows=3)
    qtbot.addWidget(table)
    table.show_rows(["Staff member", "New members"], [["Jonas", 12], ["Lea", 9]])
    assert table.texts(1) == ["Lea", "9"]
    assert table.item(0, 1).textAlignment() & Qt.AlignRight and table.item(0, 0).textAlignment() & Qt.AlignLeft
    two = table.height()
    table.show_rows(["Staff member", "New members"], [[f"S{n}", n] for n in range(10)])
    assert table.height() > two and table.height() == table.maximumHeight()  # three rows tall, then it scrolls
    assert table.rowCount() == 10
    table.show_rows(["Staff member", "New members"], [], "Nothing in this period.")
    assert table.rowCount() == 1 and table.item(0, 0).text() == "Nothing in this period."
    assert table.columnSpan(0, 0) == 2


def test_a_chart_is_drawn_in_the_background_at_its_size_and_again_when_resized(qtbot, pool, monkeypatch):
    from matplotlib.figure import Figure

    threads = []
    real = chart_module.picture
    monkeypatch.setattr(chart_module, "picture", lambda *args: threads.append(threading.get_ident()) or real(*args))
    chart = ChartCanvas("visits")
    qtbot.addWidget(chart)
    chart.resize(600, 400)
    chart.show()
    assert chart.message.isVisible() and chart.pixmap is None
    figure = Figure(layout="constrained")
    axes = figure.add_subplot()
    axes.bar([1, 2, 3], [4, 2, 5])
    axes.set_title("Visits per day", loc="left")
    with qtbot.waitSignal(chart.rendered, timeout=10_000):
        chart.set_figure(figure)
    assert chart.title() == "Visits per day" and chart.accessibleName() == "Visits per day"
    assert chart.message.isHidden() and chart.up_to_date
    assert chart.pixmap.deviceIndependentSize().toSize() == chart.image.size()
    with qtbot.waitSignal(chart.rendered, timeout=10_000):
        chart.resize(800, 450)
    assert chart.pixmap.deviceIndependentSize().toSize() == chart.image.size() and chart.image.width() > 700
    assert len(threads) == 2 and threading.get_ident() not in threads  # drawn in workers, never on this thread


def test_the_period_buttons_and_a_custom_range_refused_when_it_ends_before_it_starts(qtbot):
    today = date(2026, 3, 18)
    picker = PeriodPicker(lambda: today)
    qtbot.addWidget(picker)
    picker.show()
    picker.activateWindow()  # shortcuts (Enter) go to the active window
    qtbot.waitUntil(picker.isActiveWindow, timeout=2000)
    assert picker.period() == Period.named("month", today)
    with qtbot.waitSignal(picker.chosen):
        qtbot.mouseClick(picker.buttons["week"], Qt.LeftButton)
    assert picker.period() == Period.named("week", today) and picker.custom.isHidden()

    qtbot.mouseClick(picker.buttons["custom"], Qt.LeftButton)
    assert picker.custom.isVisible() and picker.period().kind == "week"  # nothing chosen until Show
    with qtbot.assertNotEmitted(picker.chosen):
        assert not picker.set_range(date(2026, 3, 10), date(2026, 3, 1))
    assert picker.error.isVisible()
    assert picker.error.text() == "The end date is before the start date. Pick an end on or after the start."
    with qtbot.assertNotEmitted(picker.chosen):
        assert not picker.set_range(date(2000, 1, 1), date(2026, 3, 1))
    assert picker.error.text() == "That range is too long for one report. Pick a shorter range."
    with qtbot.waitSignal(picker.chosen):
        assert picker.set_range(date(2026, 3, 1), date(2026, 3, 10))
    assert picker.error.isHidden() and picker.period() == Period.custom(date(2026, 3, 1), date(2026, 3, 10))

    picker.last.setDate(QDate(2026, 3, 12))
    picker.last.setFocus()
    with qtbot.waitSignal(picker.chosen):  # Enter in a date field shows the range
        qtbot.keyClick(picker.last, Qt.Key_Return)
    assert picker.period() == Period.custom(date(2026, 3, 1), date(2026, 3, 12))


# ---- the dashboard on a demo shop ----

@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    """A demo bakery with five months of history up to now, built once for the module (the reports only read)."""
    folder = tmp_path_factory.mktemp("reports-demo") / "shop"
    demo.build(folder, customers=60, days=150)
    return folder


@pytest.fixture
def demo_shop(tmp_path, demo_template):
    folder = tmp_path / "shop"
    shutil.copytree(demo_template, folder)
    service = Loyalty(folder)
    yield service
    service.close()


@pytest.fixture
def pool():
    """Background work on real worker threads (the dashboard's promise), restored afterwards."""
    runner = tasks.PoolRunner()
    previous = tasks.set_runner(runner)
    yield runner
    runner.pool.waitForDone(10_000)
    QApplication.processEvents()
    tasks.set_runner(previous)


@pytest.fixture
def view(qtbot, demo_shop, pool):
    """The dashboard on its own, at the size it gets in the smallest window, showing this month's report."""
    widget = ReportsView(demo_shop)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.waitSignal(widget.loaded, timeout=20_000):
        widget.refresh()
    wait_drawn(qtbot, widget)
    return widget


def wait_drawn(qtbot, view):
    """Until every chart on screen shows its figure at its size (they are drawn in the background)."""
    view.content.layout().activate()
    qtbot.waitUntil(lambda: view.charts_drawn, timeout=20_000)


def shop_today(service) -> date:
    return utcnow().astimezone(service.program.zone).date()


def figures(report, locale="en"):
    """What each tile must say, formatted here with babel from the core's numbers."""
    k = report.kpis

    def money(minor):
        return format_currency(Decimal(minor) / 100, "EUR", locale=locale)

    out = {"enrolled": format_decimal(k.members_enrolled, locale=locale),
           "active": format_decimal(k.active_members, locale=locale),
           "visits": format_decimal(k.visits.total, locale=locale),
           "revenue": money(k.revenue.total),
           "stamps_issued": format_decimal(k.stamps_issued, locale=locale),
           "stamps_redeemed": format_decimal(k.stamps_redeemed, locale=locale),
           "points_issued": format_decimal(k.points_issued, locale=locale),
           "points_redeemed": format_decimal(k.points_redeemed, locale=locale),
           "expired": format_decimal(k.points_expired, locale=locale),
           "donations": format_decimal(k.donations, locale=locale),
           "liability": money(report.liability_value)}
    for name, value in (("average_spend", k.average_spend), ("lifetime", report.lifetime_value)):
        out[name] = "–" if value is None else money(value)
    for name, rate in (("repeat", k.repeat_visit_rate), ("first_reward", k.first_reward_share)):
        out[name] = "–" if rate is None else format_percent(rate, locale=locale)
    days = None if k.days_to_first_reward is None else round(k.days_to_first_reward)
    out["time_to_reward"] = ("–" if days is None else f"{days} {'day' if days == 1 else 'days'}" if locale == "en"
                             else f"{days} {'Tag' if days == 1 else 'Tage'}")
    return out


def tile_texts(view):
    return {name: tile.value.text() for name, tile in view.tiles.items() if tile.isVisibleTo(view)}


def test_the_owner_area_opens_on_the_reports_with_this_months_figures(qtbot, demo_shop, sync_tasks):
    window, _scanner, close = open_window(qtbot, demo_shop)
    try:
        qtbot.mouseClick(window.sign_in.staff_buttons["Maria"], Qt.LeftButton)
        qtbot.keyClicks(window.sign_in.pin_pad.field, "1234")
        qtbot.keyClick(window.sign_in.pin_pad.field, Qt.Key_Return)
        qtbot.waitUntil(lambda: window.staff is not None, timeout=2000)
        window.owner.request()
        owner = window.owner.view
        view = owner.reports
        assert owner.tabs.currentWidget() is view and owner.tabs.tabText(0) == "Reports"
        qtbot.waitUntil(lambda: view.current is not None and not view.is_loading, timeout=20_000)

        expected = build(demo_shop, Period.named("month", shop_today(demo_shop)))
        assert expected.kpis.visits.total > 0  # a demo month has bookings: the comparison means something
        assert view.heading.text() == expected.period.label("en")
        assert view.summary.text() == summary(expected, "en")
        shown = tile_texts(view)
        assert shown == {name: text for name, text in figures(expected).items() if name in shown}
        assert {"enrolled", "active", "visits", "revenue", "first_reward", "liability", "stamps_issued",
                "points_issued"} <= set(shown)  # the bakery has stamps and points: both are shown
        assert "cashback_issued" not in shown  # ... and no cashback: no "Cashback given: €0.00"
        assert "Aim: at least 50%" in view.tiles["first_reward"].note.text()
        staff_headers, staff_rows = tables(expected, "en")["staff"]
        assert [view.staff_table.texts(r) for r in range(view.staff_table.rowCount())] == [
            [str(v) for v in row] for row in staff_rows] or not staff_rows
        qtbot.waitUntil(lambda: view.charts_drawn, timeout=20_000)
        assert all(chart.pixmap is not None and chart.title() for chart in view.charts.values()
                   if chart.isVisibleTo(view))
    finally:
        close()


def test_another_period_reloads_and_the_figures_follow(qtbot, view, demo_shop):
    today = shop_today(demo_shop)
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        qtbot.mouseClick(view.picker.buttons["year"], Qt.LeftButton)
        assert view.is_loading and view.loading.text() == "Loading …"
    expected = build(demo_shop, Period.named("year", today))
    assert view.current.report.period == expected.period and view.heading.text() == expected.period.label("en")
    assert tile_texts(view) == {n: t for n, t in figures(expected).items() if n in tile_texts(view)}
    assert view.summary.text() == summary(expected, "en")

    first = today - timedelta(days=40)
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        assert view.picker.set_range(first, today)
    expected = build(demo_shop, Period.custom(first, today))
    assert tile_texts(view)["visits"] == figures(expected)["visits"]
    assert view.heading.text() == expected.period.label("en")


def test_a_custom_range_that_ends_before_it_starts_is_refused_and_nothing_reloads(qtbot, view):
    before = view.current
    qtbot.mouseClick(view.picker.buttons["custom"], Qt.LeftButton)
    with qtbot.assertNotEmitted(view.loaded, wait=200):
        assert not view.picker.set_range(date(2026, 3, 10), date(2026, 3, 1))
    assert view.picker.error.isVisible() and "before the start date" in view.picker.error.text()
    assert view.current is before and not view.is_loading


def test_the_inactive_days_box_reloads_the_inactive_members(qtbot, view, demo_shop):
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        view.inactive_days.setValue(30)
    assert view.current.report.inactive_days == 30
    expected = build(demo_shop, Period.named("month", shop_today(demo_shop)), inactive_days=30)
    assert view.current.report.inactive_count == expected.inactive_count
    headers, rows = tables(expected, "en")["inactive"]
    assert view.inactive_table.rowCount() == max(1, len(rows))


class Gate:
    """Holds the real load() in its worker until released, so a test decides when each answer comes back."""

    def __init__(self, monkeypatch):
        self.events: list[threading.Event] = []
        self.started: list[threading.Event] = []
        real = reports_module.load

        def held(*args, **kwargs):
            index = len(self.events)
            self.events.append(threading.Event())
            self.started.append(threading.Event())
            self.started[index].set()
            assert self.events[index].wait(20), "the test never released this load"
            return real(*args, **kwargs)

        monkeypatch.setattr(reports_module, "load", held)

    def release(self, index: int) -> None:
        self.events[index].set()


def test_only_the_newest_request_is_shown_when_answers_cross(qtbot, view, demo_shop, pool, monkeypatch):
    gate = Gate(monkeypatch)
    qtbot.mouseClick(view.picker.buttons["year"], Qt.LeftButton)  # request 0: held
    qtbot.waitUntil(lambda: len(gate.started) == 1, timeout=5000)
    qtbot.mouseClick(view.picker.buttons["today"], Qt.LeftButton)  # request 1: the newest
    qtbot.waitUntil(lambda: len(gate.started) == 2, timeout=5000)
    assert view.is_loading
    gate.release(1)
    qtbot.waitUntil(lambda: view.current.report.period.kind == "today", timeout=20_000)
    assert not view.is_loading
    gate.release(0)  # the older answer arrives last and must not replace the newer one
    qtbot.waitUntil(lambda: pool.pending == 0, timeout=20_000)
    assert view.current.report.period.kind == "today"
    assert view.heading.text() == Period.named("today", shop_today(demo_shop)).label("en")


def test_the_gui_thread_keeps_running_while_a_report_loads_and_its_charts_are_drawn(qtbot, view, pool, monkeypatch):
    """The load is held in its worker: GUI timers keep ticking and the buttons answer meanwhile. Released, the
    report is built and its charts drawn in workers too: the GUI thread never stalls for long."""
    gate = Gate(monkeypatch)
    gc.collect()  # not a collection of the last report's figures in the middle of the measurement
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    qtbot.mouseClick(view.picker.buttons["quarter"], Qt.LeftButton)
    qtbot.waitUntil(lambda: len(gate.started) == 1, timeout=5000)
    assert view.is_loading and view.loading.isVisible()
    first = len(ticks)  # from here the report is being built in its worker (held there by the gate)
    qtbot.waitUntil(lambda: len(ticks) >= first + 40, timeout=5000)
    qtbot.mouseClick(view.picker.buttons["custom"], Qt.LeftButton)  # the buttons answer meanwhile
    assert view.picker.custom.isVisible() and view.is_loading
    gate.release(0)
    qtbot.waitUntil(lambda: view.current.report.period.kind == "quarter", timeout=20_000)
    qtbot.waitUntil(lambda: view.charts_drawn, timeout=20_000)
    timer.stop()
    gaps = [b - a for a, b in zip(ticks[first:], ticks[first + 1:])]
    worst = max(gaps) * 1000
    print(f"{len(gaps)} ticks while loading and drawing, worst gap {worst:.0f} ms")
    assert worst < 150, f"the GUI thread stalled for {worst:.0f} ms"


def test_export_the_tables_as_csv_and_the_dashboard_as_pdf(qtbot, view, tmp_path):
    folder = tmp_path / "csv"
    folder.mkdir()
    with qtbot.waitSignal(view.exported, timeout=20_000) as saved:
        view.save_csv(str(folder))
        assert not view.csv_button.isEnabled()  # one export at a time
    assert saved.args == [str(folder)]
    written = sorted(folder.glob("*.csv"))
    assert len(written) >= 3 and all(path.read_text(encoding="utf-8").strip() for path in written)
    assert view.message.text() == f"Saved: {folder}" and view.csv_button.isEnabled()

    pdf = tmp_path / "report.pdf"
    with qtbot.waitSignal(view.exported, timeout=60_000):
        view.save_pdf(str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    assert view.message.text() == f"Saved: {pdf}"


def test_a_till_without_a_program_says_why_there_is_no_report(qtbot, tmp_path, sync_tasks):
    service = Loyalty(tmp_path / "empty")
    try:
        view = ReportsView(service)
        qtbot.addWidget(view)
        with qtbot.waitSignal(view.failed):
            view.refresh()
        assert view.message.text().startswith("The report could not be made: No program is loaded yet")
        assert not view.is_loading and not view.pdf_button.isEnabled() and not view.csv_button.isEnabled()
        assert view.charts["visits"].message.text() == "Nothing to show."
    finally:
        service.close()


def test_an_export_into_a_folder_that_cannot_be_written_says_so(qtbot, view, tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    with qtbot.waitSignal(view.failed, timeout=20_000):
        view.save_pdf(str(blocker / "report.pdf"))
    assert view.message.text().startswith("Could not save:") and view.pdf_button.isEnabled()


def test_german_after_a_language_switch(qtbot, view, demo_shop):
    report = view.current.report
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        i18n.install("de")
    assert view.current.report is report  # worded again, not loaded again
    assert view.summary.text() == summary(report, "de")
    assert view.heading.text() == report.period.label("de")
    assert view.tiles["enrolled"].caption.text() == "Neue Mitglieder"
    assert view.pdf_button.text() == "Als PDF speichern …"
    assert view.picker.buttons["month"].text() == "Dieser Monat"
    assert tile_texts(view) == {n: t for n, t in figures(report, "de_DE").items() if n in tile_texts(view)}
    english = {name: chart.title() for name, chart in view.charts.items()}
    i18n.install("en")
    qtbot.waitUntil(lambda: view.summary.text() == summary(report, "en"), timeout=20_000)
    assert all(view.charts[name].title() != title for name, title in english.items() if title)


def test_nothing_is_clipped_in_german_in_the_smallest_window(app):
    from test_translations import _clipped

    i18n.install("de")
    window = app.window
    window.resize(window.minimumSize())
    app.qtbot.waitUntil(lambda: window.width() == window.minimumWidth(), timeout=2000)
    app.sign_in("Maria", "1234")
    app.qtbot.waitUntil(lambda: window.staff is not None, timeout=2000)
    window.owner.request()
    view = window.owner.view.reports
    app.qtbot.waitUntil(lambda: view.current is not None, timeout=20_000)
    assert not _clipped(window)
    view.picker.choose("custom")
    assert not _clipped(window)
    assert view.content.width() <= view.scroll.viewport().width()  # nothing cut off at the right
    view.picker.choose("week")  # the longest heading
    app.qtbot.waitUntil(lambda: view.current.report.period.kind == "week", timeout=20_000)
    assert view.content.width() <= view.scroll.viewport().width() and not _clipped(window)


def test_a_chain_till_picks_one_shop_or_all(qtbot, pool, server, tmp_path):
    """Two shops of one chain sync through a real server: the till that sees both offers a shop picker."""
    from sync.conftest import Terminal

    tenant = server.tenant("Chain")
    market, station = Terminal(tmp_path / "market"), Terminal(tmp_path / "station")
    try:
        market.register(server.url, tenant.code("Market Street"), "Till 1")
        station.register(server.url, tenant.code("Station Road"), "Till 2")
        for card in (market.enroll(name="Anna"), market.enroll()):
            market.buy(card, 1250)
        card = station.enroll(name="Ben")
        for cents in (500, 700, 900):
            station.buy(card, cents)
        market.sync(), station.sync(), market.sync()

        view = ReportsView(market.app)
        qtbot.addWidget(view)
        view.show()
        with qtbot.waitSignal(view.loaded, timeout=20_000):
            view.refresh()
        assert view.shop.isVisible() and view.shop.count() == 3
        assert view.shop.itemText(0) == "All shops" and view.shop.itemText(1) == market.app.shop_name()
        assert view.tiles["visits"].value.text() == "5" and view.subheading.text().startswith("All\xa0shops")
        station_id = view.shop.itemData(2)
        with qtbot.waitSignal(view.loaded, timeout=20_000):
            view.shop.setCurrentIndex(2)
        assert view.current.report.shop_id == station_id
        expected = build(market.app, view.current.report.period, station_id)
        assert view.tiles["visits"].value.text() == "3" == str(expected.kpis.visits.total)
        assert view.tiles["revenue"].value.text() == "€21.00"
    finally:
        market.close()
        station.close()

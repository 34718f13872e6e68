"""Screenshots of the counter app on a fresh demo shop, in English and German: every screen and dialog.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots.py /tmp/shots

writes /tmp/shots/en/*.png and /tmp/shots/de/*.png (--lang de for one language only). Each language gets its own
demo shop built from the same seed, so the two sets show the same customers and can be compared side by side.
Without a display it falls back to Qt's offscreen platform (same pixels, no window-system screen grab).
The window is driven the way a cashier drives it: PIN typed, cards scanned as keyboard-wedge bursts, amounts typed.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("POS_LOYALTY_SOUND", "0")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false;qt.qpa.*=false")

from PySide6.QtCore import QDate, QEvent, QEventLoop, QRectF, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from pos_loyalty import demo  # noqa: E402
from pos_loyalty.cards import issue  # noqa: E402
from pos_loyalty.importer import example  # noqa: E402
from pos_loyalty.service import Loyalty  # noqa: E402
from ui import i18n  # noqa: E402
from ui.app import build  # noqa: E402
from ui.card_print import paint_card  # noqa: E402


class Shooter:
    def __init__(self, out: Path, only: list[str] | None = None):
        self.out = out
        self.only = only  # save only the screens whose names contain one of these
        self.taken: list[Path] = []

    def wanted(self, name: str) -> bool:
        return not self.only or any(part in name for part in self.only)

    def settle(self, ms: int = 700) -> None:
        """Let animations (stamp, flash), deferred layouts and background jobs finish."""
        QTest.qWait(ms)

    def __call__(self, widget: QWidget, name: str, ms: int = 700) -> None:
        self.settle(ms)
        if not self.wanted(name):
            return
        path = self.out / f"{len(self.taken) + 1:02d}-{name}.png"
        screen = QApplication.primaryScreen()
        if QApplication.platformName() == "xcb" and widget.isWindow() and widget.windowType() == Qt.Dialog:
            # The whole screen: the dialog over the counter, as the cashier sees it.
            screen.grabWindow(0).save(str(path))
        else:
            widget.grab().save(str(path))
        self.taken.append(path)
        print(path)


def wait_for(condition, ms: int = 3000) -> None:
    for _ in range(ms // 20):
        if condition():
            return
        QTest.qWait(20)


def wait_running(condition, ms: int = 3000) -> None:
    """wait_for for background jobs: QTest.qWait keeps the GIL between events and starves worker threads; a
    QEventLoop sleeping on a timer does not."""
    for _ in range(ms // 20):
        if condition():
            return
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()


def type_keys(widget: QWidget, text: str, enter: bool = False) -> None:
    QTest.keyClicks(widget, text, delay=60)  # a person: the scanner filter lets it through
    QTest.qWait(150)
    if enter:
        QTest.keyClick(widget, Qt.Key_Return, delay=60)


def scan(text: str) -> None:
    """A keyboard-wedge burst into whatever has the focus."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    QTest.keyClicks(target, text, delay=2)
    QTest.keyClick(target, Qt.Key_Return)
    QTest.qWait(50)


def save_print_preview(card, path: Path) -> None:
    """The printed card as it comes out, painted the same way as on the printer, at 300 dpi."""
    image = QImage(1011, 638, QImage.Format_RGB32)  # 85.6 x 54 mm
    painter = QPainter(image)
    paint_card(painter, QRectF(image.rect()), card.qr, card.token, card.shop, card.name)
    painter.end()
    image.save(str(path))
    print(path)


def pick_customer(service: Loyalty) -> tuple[str, str]:
    """A named customer one stamp short of a full card: booking shows the stamp arrive and the reward appear."""
    best = None
    for letter in "aeinorst":
        for row in service.search(letter, limit=200):
            balance = service.balance_of(row["id"])
            if not balance.name or not balance.card:
                continue
            gap = abs((balance.card_size or 8) - 1 - balance.stamps)
            if best is None or gap < best[0]:
                best = (gap, row["id"], balance.card)
            if gap == 0:
                return best[1], best[2]
    return best[1], best[2]


def shoot(language: str, out: Path, data_dir: Path, customers: int, only: list[str] | None = None) -> list[Path]:
    """Every screen in one language, on a demo shop of its own in data_dir."""
    out.mkdir(parents=True, exist_ok=True)
    if not (data_dir / "loyalty.db").exists():
        demo.build(data_dir, customers=customers, days=120)
    os.environ[i18n.ENV] = language  # build() installs it; Settings is shown, never clicked: no saved choice
    app = QApplication.instance() or QApplication(sys.argv[:1])
    service = Loyalty(data_dir)
    window, scanner = build(service, app)
    del os.environ[i18n.ENV]  # installed: Settings shows what a cashier sees, not the override
    window.resize(1280, 800)
    window.move(0, 0)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowExposed(window)
    shot = Shooter(out, only)
    counter = window.counter
    try:
        sign_in = window.sign_in
        sign_in.staff_buttons["Jonas"].click()
        type_keys(sign_in.pin_pad.field, "99")
        shot(window, "sign-in")
        type_keys(sign_in.pin_pad.field, "99", enter=True)
        shot(window, "sign-in-wrong-pin")
        type_keys(sign_in.pin_pad.field, "1111", enter=True)
        shot(window, "counter-idle")

        settings = window.open_settings()
        QTest.qWaitForWindowExposed(settings)
        for page in ("general", "camera", "scanner", "printer", "shop", "server"):
            settings.tabs.setCurrentWidget(getattr(settings, page))
            if page == "scanner":  # the test result of a scanned card
                wait_for(lambda: QApplication.focusWidget() is settings.scanner.typed)
                scan(pick_customer(service)[1])
            shot(settings, f"settings-{page}")
        settings.accept()
        wait_for(lambda: QApplication.focusWidget() is counter.search)  # the window active again, for the scans

        customer_id, token = pick_customer(service)
        scan(token)
        shot(window, "customer")
        type_keys(counter.booking.amount, "12.5.0", enter=True)
        shot(window, "customer-bad-amount")
        counter.booking.amount.clear()
        type_keys(counter.booking.amount, "7,40" if language == "de" else "7.40", enter=True)
        shot(window, "customer-after-booking", ms=900)

        if counter.panel.reward_buttons:
            next(iter(counter.panel.reward_buttons.values())).click()
            shot(counter.dialog, "redeem-confirm")
            counter.dialog.ok_button.click()
            shot(window, "customer-after-redeem", ms=900)

        scan(token[:-1] + ("0" if token[-1] != "0" else "1"))
        shot(window, "refused-forged-card")
        scan(issue(1, b"another shop"))
        shot(window, "refused-foreign-card")

        counter.search.setFocus()
        type_keys(counter.search, "Mia")
        counter.run_search()
        shot(window, "search-results")
        QTest.keyClick(counter.search, Qt.Key_Escape)

        counter.enroll()
        dialog = counter.dialog
        QTest.qWaitForWindowExposed(dialog)
        for field, text in ((dialog.name, "Emma Weber"), (dialog.email, "emma.weber@example.org"),
                            (dialog.phone, "+49 151 2345678"), (dialog.birthday, "23.04.1990")):
            field.setText(text)
        dialog.consent.setChecked(True)
        shot(dialog, "enroll")
        dialog.ok_button.click()
        card = counter.dialog
        QTest.qWaitForWindowExposed(card)
        shot(card, "card", ms=1200)
        if shot.wanted("card-print"):
            save_print_preview(card, out / f"{len(shot.taken) + 1:02d}-card-print.png")
            shot.taken.append(out / f"{len(shot.taken) + 1:02d}-card-print.png")
        card.accept()
        shot(window, "new-customer", ms=900)

        counter.show_idle()
        pin = window.owner.request()  # Jonas is a cashier: the owner's PIN first
        QTest.qWaitForWindowExposed(pin)
        pin.name.setCurrentText("Jonas")
        pin.pin.setText("1111")
        pin.submit()
        shot(pin, "owner-pin-refused")
        pin.name.setCurrentText("Maria")
        pin.pin.setText("1234")
        pin.submit()
        reports(window, shot)
        customers = window.owner.view.customers
        customers.search.setText("Mia")
        customers.run_search()
        shot(window, "owner-customers")
        customers.search.setText(token)  # the customer booked above: a history with purchases and a redemption
        customers.run_search()
        for name, open_dialog in (("customer-edit", customers.edit), ("customer-history", customers.history)):
            dialog = open_dialog()
            QTest.qWaitForWindowExposed(dialog)
            shot(dialog, name)
            dialog.reject()
        merge = customers.merge()
        QTest.qWaitForWindowExposed(merge)
        merge.search.setText("Emma")
        shot(merge, "customer-merge")
        merge.reject()
        for name, open_dialog in (("customer-export", customers.export_data), ("customer-erase", customers.erase_data)):
            dialog = open_dialog()
            QTest.qWaitForWindowExposed(dialog)
            shot(dialog, name)
            dialog.reject()
        import_wizard(window, customers, shot, data_dir)
        window.owner.view.tabs.setCurrentWidget(window.owner.view.staff_view)
        staff = window.owner.view.staff_view
        staff.select("Lea")
        shot(window, "owner-staff")
        program_editor(window, shot)
        messages(window, shot)
        window.owner.leave()
    finally:
        app.removeEventFilter(scanner)
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        service.close()
    return shot.taken


def program_editor(window, shot: Shooter) -> None:
    """The Program tab: a section beside the live preview (a Tuesday in the happy hour), a mistake shown at its
    field, the question before saving, and the list of versions."""
    owner = window.owner.view
    editor = owner.program_editor
    owner.tabs.setCurrentWidget(editor)
    today = QDate.currentDate()
    editor.preview.day.setDate(today.addDays((2 - today.dayOfWeek()) % 7))  # the next Tuesday
    editor.preview.items.setText("BIO-BREAD:4.20")
    editor.form.show_section("bonuses")
    shot(window, "program-editor")
    editor.form.show_section("stamps")
    per_purchase = editor.form.fields[("stamps", "per_purchase")].input
    per_purchase.setFocus()
    more = str(int(editor.doc.get(("stamps", "per_purchase"), 1)) + 1)  # a change also on a shop shot before
    for text in ("zwei" if i18n.language() == "de" else "two", more):
        QTest.keyClick(per_purchase, Qt.Key_A, Qt.ControlModifier)  # select all: the typing replaces it
        type_keys(per_purchase, text)
        wait_for(lambda t=text: per_purchase.text() == t)  # the scanner filter hands typed keys on after a moment
        if text != more:
            shot(window, "program-mistake")
    dialog = editor.ask_save()
    QTest.qWaitForWindowExposed(dialog)
    shot(dialog, "program-save")
    dialog.accept()
    editor.show_versions()
    editor.versions.select(1)
    shot(window, "program-versions")
    editor.form.show_section("program")


def messages(window, shot: Shooter) -> None:
    """The Messages tab: the outbox of the demo shop's last days (sent to a mail server on loopback), a message
    held back with its reason, this till's e-mail settings and a text in the shop's language."""
    from aiosmtpd.controller import Controller  # noqa: PLC0415 - a dev tool, like this script

    from pos_loyalty.clock import utcnow  # noqa: PLC0415
    from pos_loyalty.messages.outbox import Outbox  # noqa: PLC0415
    from pos_loyalty.messages.smtp import SmtpSettings  # noqa: PLC0415

    class Accept:
        async def handle_DATA(self, server, session, envelope):  # noqa: N802
            return "250 OK"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    mail = Controller(Accept(), hostname="127.0.0.1", port=port)
    mail.start()
    owner = window.owner.view
    view = owner.messages
    try:
        box = Outbox(owner.service)
        box.configure(SmtpSettings(host="127.0.0.1", port=port, security="none", sender="news@baeckerei-korn.de"))
        now = utcnow().replace(hour=9, minute=30)  # a morning: no quiet hours
        box.plan(now)
        box.send_due(now)
        owner.tabs.setCurrentWidget(view)
        view.pages.setCurrentWidget(view.outbox)
        page = view.outbox
        wait_running(lambda: page.table.rowCount() > 0)
        page.table.selectRow(0)
        shot(window, "messages-outbox")
        page.status_filter.setCurrentIndex(page.status_filter.findData("held"))
        wait_running(lambda: page.table.rowCount() > 0 and not page.loading)
        page.table.selectRow(0)
        shot(window, "messages-held")
        page.status_filter.setCurrentIndex(0)
        view.pages.setCurrentWidget(view.smtp)
        wait_running(lambda: view.smtp.host.text() != "")
        shot(window, "messages-settings")
        view.pages.setCurrentWidget(view.texts)
        view.texts.kind.setCurrentIndex(view.texts.kind.findData("birthday"))
        view.texts.language.setCurrentIndex(view.texts.language.findData(i18n.language()))
        shot(window, "messages-texts")
    finally:
        mail.stop()


def import_wizard(window, customers, shot: Shooter, folder: Path) -> None:
    """Every page of the import wizard, on an example file as German Excel writes it, with a few bad rows."""
    path = folder / "kunden.csv"
    example.write(path, 3000, bad_rows=6, units=("stamps", "points"))
    dialog = customers.import_customers()
    QTest.qWaitForWindowExposed(dialog)
    shot(dialog, "import-file")
    dialog.open_file(path)
    wait_running(lambda: dialog.pages.currentIndex() == dialog.MAPPING)
    shot(dialog, "import-columns")
    dialog.check_rows()
    wait_running(lambda: dialog.pages.currentIndex() == dialog.PREVIEW, 10_000)
    shot(dialog, "import-preview")
    dialog.tabs.setCurrentIndex(1)
    dialog.skip_choice.setChecked(True)
    shot(dialog, "import-problems")
    dialog.go()
    wait_running(lambda: dialog.bar.value() > 500, 10_000)
    shot(dialog, "import-progress", ms=0)
    wait_running(lambda: dialog.pages.currentIndex() == dialog.DONE, 30_000)
    shot(dialog, "import-done")
    dialog.accept()
    customers.find("k-00007")  # an old card number finds the imported customer
    shot(window, "owner-customers-imported")


def reports(window, shot: Shooter) -> None:
    """The Reports tab the owner area opens on: the window, the whole dashboard scrolled through (one tall
    picture), and a custom range that ends before it starts."""
    view = window.owner.view.reports
    wait_for(lambda: view.current is not None and not view.is_loading and view.charts_drawn, ms=30_000)
    shot(window, "owner-reports")
    shot(view.content, "owner-reports-full")
    today = view.today()
    view.picker.set_range(today, today - timedelta(days=7))
    shot(window, "owner-reports-custom-refused")
    view.picker.choose("month")
    wait_for(lambda: not view.is_loading, ms=30_000)

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the PNGs (one subfolder per language)")
    parser.add_argument("--data-dir", type=Path, help="folder for the demo shops (default: a temporary one)")
    parser.add_argument("--customers", type=int, default=120)
    parser.add_argument("--lang", action="append", choices=sorted(i18n.LANGUAGES),
                        help="a language to shoot (repeatable; default: all)")
    parser.add_argument("--only", action="append", metavar="TEXT",
                        help="save only the screens whose names contain TEXT, e.g. 'import' (repeatable; the app "
                             "is still driven through every screen)")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="pos-loyalty-shots-"))
    taken = 0
    for language in args.lang or list(i18n.LANGUAGES):
        taken += len(shoot(language, args.out / language, data_dir / f"demo-{language}", args.customers,
                           args.only))
    print(f"{taken} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

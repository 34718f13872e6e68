"""`pos-loyalty gui --self-test`: the real window on a throw-away shop, one cashier's round trip, then exit.

Meant for a freshly built bundle (scripts/build_app.sh runs dist/pos-loyalty/pos-loyalty gui --self-test) and for a
source checkout alike: every step touches something a bundle can lose – a Qt plugin, a lazily imported module,
zxing-cpp, OpenCV, Pillow, qrcode, argon2, babel's locale data, a file under resources/. Prints one line per step
and "self-test ok", and returns 0; at the first failing step prints why and returns 1. Nothing outside a temporary
folder is touched, and no display is needed (without one, Qt runs offscreen for the self-test).
"""

from __future__ import annotations

import faulthandler
import os
import sys
import tempfile
import time
import traceback
import wave
from datetime import date
from pathlib import Path

PROGRAM = "cafe"
STAFF, PIN = "Self Test", "2468"
AMOUNT = "4.50"  # the café's stamp needs at least 2.50
WATCHDOG_SECONDS = 180  # a hung step must not hang a CI job: dump the stacks and exit


class SelfTestError(Exception):
    pass


def check(condition: object, message: str) -> None:
    if not condition:  # not assert: a bundle may run with -O
        raise SelfTestError(message)


def main(camera: str | None = None) -> int:
    """The --self-test entry (ui.app.run calls it). camera is ignored: the test brings its own folder of frames."""
    from .app import _has_screen  # noqa: PLC0415

    if not _has_screen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # for this process only, before Qt is loaded
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")
    os.environ.setdefault("POS_LOYALTY_SOUND", "0")  # no beeps at a counter where someone checks the install
    os.environ["POS_LOYALTY_LANG"] = "en"  # its checks read English texts, whatever the machine's language
    watchdog = sys.stderr is not None
    if watchdog:
        faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True)
    try:
        with tempfile.TemporaryDirectory(prefix="pos-loyalty-self-test-") as folder:
            test = SelfTest(Path(folder))
            try:
                return test.run()
            finally:
                test.close()
    finally:
        if watchdog:
            faulthandler.cancel_dump_traceback_later()


class SelfTest:
    def __init__(self, folder: Path):
        self.folder = folder
        self.app = self.service = self.window = self.scanner = None
        self.staff = self.customer_id = self.token = self.decoded = None
        self.card_png = folder / "card.png"

    def say(self, text: str) -> None:
        print(f"self-test: {text}", flush=True)

    def run(self) -> int:
        steps = [
            ("environment", self.environment),
            ("qt", self.qt),
            ("shop", self.shop),
            ("window", self.open_window),
            ("sign-in", self.sign_in),
            ("enroll", self.enroll),
            ("card image", self.card_image),
            ("decode", self.decode),
            ("scan", self.scan),
            ("book", self.book),
            ("balance", self.balance),
            ("camera", self.camera_read),
            ("image formats", self.image_formats),
            ("print", self.print_pdf),
            ("report", self.report_pdf),
            ("sounds", self.sounds),
            ("translations", self.translations),
            ("money and dates", self.money_and_dates),
        ]
        started = time.perf_counter()
        for name, step in steps:
            t0 = time.perf_counter()
            try:
                detail = step()
                self.process_events()
            except Exception as exc:  # noqa: BLE001 - report any failure as the step's
                self.say(f"{name}: FAILED: {type(exc).__name__}: {exc}")
                if sys.stderr is not None:
                    traceback.print_exc(file=sys.stderr)
                print(f"self-test FAILED at step '{name}'", flush=True)
                return 1
            self.say(f"{name}: ok ({detail}) [{(time.perf_counter() - t0) * 1000:.0f} ms]")
        print(f"self-test ok ({time.perf_counter() - started:.1f} s)", flush=True)
        return 0

    def close(self) -> None:
        if self.window is not None:
            self.window.use_camera("")  # a step that failed may have left it reading
        if self.app is not None and self.scanner is not None:
            self.app.removeEventFilter(self.scanner)
        if self.window is not None:
            from PySide6.QtCore import QEvent  # noqa: PLC0415

            self.window.close()
            self.window.deleteLater()  # its timers go with it: none may fire after the service is closed
            self.app.sendPostedEvents(None, QEvent.DeferredDelete)
        if self.service is not None:
            self.service.close()

    # ---- helpers ----

    def process_events(self) -> None:
        if self.app is not None:
            self.app.processEvents()

    def wait_until(self, condition, timeout: float, what: str) -> float:
        """Run the event loop until condition() holds; returns the seconds it took."""
        start = time.perf_counter()
        while not condition():
            check(time.perf_counter() - start < timeout, f"{what}: not within {timeout:.0f} s")
            self.app.processEvents()
            time.sleep(0.01)
        return time.perf_counter() - start

    # ---- the steps ----

    def environment(self) -> str:
        from pos_loyalty import __version__  # noqa: PLC0415
        from pos_loyalty.paths import resources_dir  # noqa: PLC0415

        root = resources_dir()
        for part in (f"programs/{PROGRAM}.toml", "fonts/DejaVuSans.ttf", "styles/app.qss", "sounds/scan-ok.wav"):
            check((root / part).is_file(), f"{root / part} is missing")
        where = "bundle" if getattr(sys, "frozen", False) else "source"
        return (f"pos-loyalty {__version__} from {where}, Python {sys.version.split()[0]}, "
                f"resources in {root}")

    def qt(self) -> str:
        import PySide6  # noqa: PLC0415
        from PySide6.QtCore import qVersion  # noqa: PLC0415
        from PySide6.QtWidgets import QApplication  # noqa: PLC0415

        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.app.setApplicationName("pos-loyalty")
        return f"PySide6 {PySide6.__version__}, Qt {qVersion()}, platform {self.app.platformName()}"

    def shop(self) -> str:
        from pos_loyalty.paths import resource  # noqa: PLC0415
        from pos_loyalty.service import Loyalty  # noqa: PLC0415

        self.service = Loyalty(self.folder / "shop")
        version = self.service.load_program(resource("programs", f"{PROGRAM}.toml"))
        self.service.add_staff(STAFF, "cashier", PIN)
        return f"{self.service.program.name} ({PROGRAM}.toml, version {version}) in a temporary folder"

    def open_window(self) -> str:
        from PySide6.QtGui import QFontDatabase  # noqa: PLC0415

        from . import theme  # noqa: PLC0415
        from .app import build  # noqa: PLC0415

        self.window, self.scanner = build(self.service, self.app)
        self.window.show()
        self.process_events()
        check(self.window.isVisible(), "the window is not shown")
        check(theme.FAMILY in QFontDatabase.families(), f"the bundled font {theme.FAMILY} is not loaded")
        check(self.app.styleSheet(), "the theme's style sheet is empty")
        check(STAFF in self.window.sign_in.staff_buttons, "the sign-in screen does not list the staff")
        image = self.window.grab().toImage()
        check(not image.isNull() and image.width() > 0, "the window does not render")
        colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 37)}
        check(len(colours) > 2, "the rendered window is blank")
        return f"{image.width()}x{image.height()}, {theme.FAMILY}, themed"

    def sign_in(self) -> str:
        view = self.window.sign_in
        view.select(STAFF)
        view.pin_pad.field.setText(PIN)
        view.pin_pad.submit()  # as Enter on the PIN pad: an argon2 check
        check(self.window.staff is not None, f"not signed in: {view.message.text() or 'no message'}")
        check(self.window.stack.currentWidget() is self.window.counter, "the counter is not shown")
        self.staff = self.window.staff
        return f"{self.staff.name} through the PIN pad"

    def enroll(self) -> str:
        self.customer_id, self.token, _ = self.service.enroll(self.staff, name="Self Test Customer")
        return f"card {self.token}"

    def card_image(self) -> str:
        from pos_loyalty import cards  # noqa: PLC0415

        cards.card_image(self.token, self.service.program.name).save(self.card_png, "PNG")
        check(self.card_png.stat().st_size > 500, "the card image is empty")
        return f"qrcode + Pillow, {self.card_png.stat().st_size} bytes"

    def decode(self) -> str:
        from pos_loyalty.scanning import decode_file  # noqa: PLC0415

        self.decoded = decode_file(self.card_png)
        check(self.decoded == [self.token], f"read {self.decoded!r}, expected the card {self.token}")
        return "zxing-cpp read the card from the PNG"

    def scan(self) -> str:
        from .views.counter import CUSTOMER  # noqa: PLC0415

        counter = self.window.counter
        self.window.on_code_scanned(self.decoded[0])
        self.process_events()
        check(counter.customer_id == self.customer_id,
              f"the scan did not open the customer: {counter.banner.text() or 'no message'}")
        check(counter.stack.currentIndex() == CUSTOMER, "the customer panel is not shown")
        check(counter.panel.name_label.text() == "Self Test Customer", "the panel shows the wrong name")
        return "the customer panel opened"

    def book(self) -> str:
        counter = self.window.counter
        booking = counter.booking
        booking.amount.setText(AMOUNT)
        booking.submit()  # as Enter in the amount field
        self.process_events()
        check(not booking.error.text(), f"the booking was refused: {booking.error.text()}")
        purchases = [e for e in self.service.history(self.customer_id) if e["kind"] == "purchase"]
        check(len(purchases) == 1 and purchases[0]["amount"] == 450, f"booked {purchases!r}")
        return f"{AMOUNT} {self.service.program.currency}, toast \"{counter.toast.text()}\""

    def balance(self) -> str:
        balance = self.service.balance(self.token)
        check(balance.stamps == 1, f"{balance.stamps} stamps after one purchase, expected 1")
        check(self.window.counter.panel.stamp_card.filled == 1, "the stamp card does not show the stamp")
        return f"{balance.stamps} of {balance.card_size} stamps, {balance.points} points"

    def camera_read(self) -> str:
        """The --camera path: a folder of frames read by OpenCV on the camera thread, decoded, the customer opened."""
        import cv2  # noqa: PLC0415

        frames = self.folder / "camera"
        frames.mkdir()
        (frames / "card.png").write_bytes(self.card_png.read_bytes())
        counter = self.window.counter
        counter.show_idle()
        check(counter.customer_id is None, "the counter did not go back to idle")
        self.window.use_camera(str(frames))
        seconds = self.wait_until(lambda: counter.customer_id == self.customer_id, 20, "no card read from the camera")
        self.window.use_camera("")
        return f"OpenCV {cv2.__version__} frames, read on the camera thread in {seconds * 1000:.0f} ms"

    def image_formats(self) -> str:
        from PIL import Image  # noqa: PLC0415
        from PySide6.QtGui import QImage, QImageReader  # noqa: PLC0415

        formats = {bytes(f).decode() for f in QImageReader.supportedImageFormats()}
        check({"png", "jpg"} <= formats, f"Qt reads only {sorted(formats)}")
        jpeg = self.folder / "card.jpg"
        with Image.open(self.card_png) as image:
            image.save(jpeg, "JPEG")
        check(not QImage(str(jpeg)).isNull(), "Qt could not load a JPEG (imageformats plugin)")
        return ", ".join(sorted(formats))

    def print_pdf(self) -> str:
        from PySide6.QtGui import QImage  # noqa: PLC0415
        from PySide6.QtPrintSupport import QPrinter  # noqa: PLC0415

        from .card_print import card_printer, paint_on_printer  # noqa: PLC0415

        pdf = self.folder / "card.pdf"
        printer = card_printer(QPrinter(QPrinter.HighResolution))
        printer.setOutputFormat(QPrinter.PdfFormat)
        printer.setOutputFileName(str(pdf))
        paint_on_printer(printer, QImage(str(self.card_png)), self.token, self.service.program.name,
                         "Self Test Customer")
        check(pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-", "no PDF was written")
        return f"card-sized PDF, {pdf.stat().st_size} bytes"

    def report_pdf(self) -> str:
        """The owner's report with its charts (matplotlib) as a PDF (reportlab), as the Reports tab saves it."""
        from pos_loyalty.reports import Period, build  # noqa: PLC0415
        from pos_loyalty.reports.export import write_pdf  # noqa: PLC0415

        from pos_loyalty.clock import utcnow  # noqa: PLC0415

        today = utcnow().astimezone(self.service.program.zone).date()
        report = build(self.service, Period.named("month", today))
        pdf = write_pdf(report, self.folder / "report.pdf", "de")
        check(pdf.read_bytes()[:5] == b"%PDF-", "no report PDF was written")
        check(report.kpis.visits.total >= 1, "the booked purchase is not in the report")
        return f"{report.kpis.visits.total} visit(s), PDF with charts, {pdf.stat().st_size} bytes"

    def sounds(self) -> str:
        from PySide6 import QtMultimedia  # noqa: F401, PLC0415 - what sound.py plays them with

        from pos_loyalty.paths import resource  # noqa: PLC0415

        from .sound import FILES  # noqa: PLC0415

        for name in FILES.values():
            with wave.open(str(resource("sounds", name))) as sound:
                check(sound.getnframes() > 0, f"{name} is empty")
        return f"{len(FILES)} sounds, QtMultimedia loads"

    def translations(self) -> str:
        """Every .ts has its .qm, each .qm loads and translates a finished text of its .ts; Qt's own German is there."""
        from PySide6.QtCore import QLibraryInfo, QTranslator  # noqa: PLC0415

        from pos_loyalty.paths import resource  # noqa: PLC0415

        folder = resource("translations")
        sources = sorted(folder.glob("*.ts")) if folder.is_dir() else []
        shown = []
        for ts in sources:
            qm = ts.with_suffix(".qm")
            check(qm.is_file(), f"{qm.name} is missing (scripts/update_translations.py compiles it)")
            translator = QTranslator()
            check(translator.load(str(qm)), f"{qm.name} does not load")
            sample = _finished_message(ts)
            if sample:
                context, source, translation, n = sample
                got = translator.translate(context, source, None, n)
                check(got == translation, f"{qm.name}: {context} {source!r} -> {got!r}, expected {translation!r}")
            shown.append(f"{qm.name}" + ("" if sample else " (nothing finished yet)"))
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.TranslationsPath))
        check((qt_dir / "qtbase_de.qm").is_file(), f"Qt's qtbase_de.qm is missing from {qt_dir}")
        return f"{', '.join(shown) or 'none shipped'}; Qt's qtbase_de.qm"

    def money_and_dates(self) -> str:
        from babel.dates import format_date  # noqa: PLC0415

        from pos_loyalty.money import format_money  # noqa: PLC0415

        shown = {locale: format_money(123456, "EUR", locale).replace("\xa0", " ") for locale in ("en", "de_DE")}
        check(shown["en"] == "€1,234.56", f"en: {shown['en']!r}")
        check(shown["de_DE"] == "1.234,56 €", f"de_DE: {shown['de_DE']!r}")
        march = format_date(date(2024, 3, 5), "long", locale="de_DE")
        check(march == "5. März 2024", f"de_DE date: {march!r}")
        return f"babel: {shown['en']} / {shown['de_DE']} / {march}"


def _finished_message(ts: Path) -> tuple[str, str, str, int] | None:
    """The first finished (context, source, translation, n) of a Qt .ts file, if any; for a plural, the form of n=1."""
    from xml.etree import ElementTree  # noqa: PLC0415

    for context in ElementTree.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if message.get("numerus") == "yes":
                text, n = translation.findtext("numerusform"), 1  # Qt's first form is the singular in en and de
            else:
                text, n = translation.text, -1
            if text:
                return context.findtext("name"), message.findtext("source"), text, n
    return None

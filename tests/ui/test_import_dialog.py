"""The import wizard, driven as the owner drives it: file, columns, preview with problems, an explicit choice,
the import, the cards and the problems saved; stopped midway; and once on real background threads."""

import csv

import pytest
from PySide6.QtCore import Qt

from pos_loyalty import importer
from pos_loyalty.errors import LoyaltyError
from pos_loyalty.importer import example
from ui import i18n
from ui.dialogs.import_customers import ImportCustomersDialog
from ui.dialogs.import_parts import problem_text
from ui.messages import describe


def open_wizard(app):
    app.sign_in("Maria", "1234")
    app.qtbot.waitUntil(lambda: app.window.staff is not None, timeout=2000)
    app.window.owner.request()
    customers = app.window.owner.view.customers
    app.window.owner.view.tabs.setCurrentWidget(customers)
    app.qtbot.mouseClick(customers.import_button, Qt.LeftButton)
    dialog = customers.dialog
    assert isinstance(dialog, ImportCustomersDialog) and dialog.isVisible()
    return customers, dialog


def test_import_with_problems_skipped_explicitly_then_cards_and_problems_saved(app, tmp_path):
    path = tmp_path / "kunden.csv"
    rows = example.write(path, 120, bad_rows=6, units=("stamps", "points"))
    good = [r for r in rows if not r.problem]
    customers, dialog = open_wizard(app)
    assert dialog.pages.currentIndex() == dialog.FILE

    dialog.open_file(path)
    assert dialog.pages.currentIndex() == dialog.MAPPING
    assert "kunden.csv: 120 rows" in dialog.mapping_hint.text()
    shown = {dialog.columns.item(r, 0).text(): dialog.columns.cellWidget(r, 2).currentText()
             for r in range(dialog.columns.rowCount())}
    assert shown == {"Kundennr.": "Old card number", "Vorname": "First name", "Nachname": "Last name",
                     "E-Mail": "Email", "Telefon": "Phone", "Geburtstag": "Birthday", "Stempel": "Stamps",
                     "Punkte": "Points", "Newsletter": "Agrees to emails", "Notizen": "Not imported"}
    assert dialog.columns.item(0, 1).text() == "K-00001 · K-00002 · K-00003"  # examples from the file

    dialog.set_field("Telefon", "email")  # a slip of the owner's: two columns as email
    app.qtbot.mouseClick(dialog.check_button, Qt.LeftButton)
    assert dialog.pages.currentIndex() == dialog.MAPPING
    assert "Columns 'E-Mail' and 'Telefon' are both imported as email" in dialog.mapping_error.text()
    dialog.set_field("Telefon", "phone")
    with app.qtbot.waitSignal(dialog.planned):
        app.qtbot.mouseClick(dialog.check_button, Qt.LeftButton)

    assert dialog.pages.currentIndex() == dialog.PREVIEW
    summary = dialog.summary.text()
    assert f"{len(good)} customers will be imported, each with a new card." in summary
    assert (f"Opening balances: {sum(r.stamps for r in good):,} stamps, {sum(r.points for r in good):,} points."
            in summary)
    assert "6 rows have problems" in summary
    assert dialog.preview.rowCount() == 50 and dialog.tabs.tabText(0) == f"New customers (the first 50 of {len(good)})"
    first = [dialog.preview.item(0, c).text() for c in range(dialog.preview.columnCount())]
    assert first[:2] == [str(good[0].line), good[0].name] and first[-1] == good[0].old_card
    problems = [[dialog.problems.item(r, c).text() for c in range(3)] for r in range(dialog.problems.rowCount())]
    bad = [r for r in rows if r.problem]
    assert [p[0] for p in problems] == [str(r.line) for r in bad]
    assert problems[0][1:] == ["E-Mail", "“anna.weber(at)example.org” is not an email address"]
    assert problems[-1][1:] == ["E-Mail", f"the same customer as line {bad[-1].line - 1}"]

    # Nothing is chosen for the owner: the import waits for "skip them".
    assert not dialog.skip_choice.isChecked() and not dialog.fix_choice.isChecked()
    assert not dialog.import_button.isEnabled()
    dialog.fix_choice.setChecked(True)
    assert dialog.import_button.isEnabled() and dialog.import_button.text() == "Read the file again"
    dialog.save_problems(str(tmp_path / "problems.csv"))
    assert "Saved:" in dialog.preview_message.text()
    with open(tmp_path / "problems.csv", encoding="utf-8-sig", newline="") as f:
        saved = list(csv.reader(f, delimiter=";"))
    assert saved[0][-2:] == ["Line", "Problem"] and len(saved) == 7
    assert saved[1][-1] == "E-Mail: “anna.weber(at)example.org” is not an email address"
    dialog.skip_choice.setChecked(True)
    assert dialog.import_button.text() == f"Import {len(good)} customers" and dialog.import_button.isEnabled()

    with app.qtbot.waitSignal(dialog.imported) as imported:
        app.qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    assert imported.args == [len(good)]
    assert dialog.pages.currentIndex() == dialog.DONE
    assert dialog.done_summary.text().startswith(f"{len(good)} customers imported, each with a new card.\n"
                                                 "6 rows with problems were skipped")
    assert app.service.customer_count() == len(good)
    assert app.service.check()["ok"]
    assert customers.message.text().startswith(f"Imported {len(good)} customers.")

    dialog.save_cards_csv(str(tmp_path / "cards.csv"))
    with open(tmp_path / "cards.csv", encoding="utf-8-sig", newline="") as f:
        cards = list(csv.reader(f, delimiter=";"))
    assert cards[0] == ["Line", "Name", "New card", "Old card number"] and len(cards) == len(good) + 1
    line, name, card, old = cards[1]
    balance = app.service.balance(card)
    assert (name, old, balance.stamps, balance.points) == (good[0].name, good[0].old_card, good[0].stamps,
                                                          good[0].points)
    with app.qtbot.waitSignal(dialog.saved) as saved_pdf:
        dialog.save_cards_pdf(str(tmp_path / "cards.pdf"))
    assert saved_pdf.args == [str(tmp_path / "cards.pdf")] and "Saved:" in dialog.done_message.text()
    pdf = (tmp_path / "cards.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and f"/Count {-(-len(good) // 10)}".encode() in pdf  # ten cards a page
    app.qtbot.mouseClick(dialog.findChild(type(dialog.import_button), "done"), Qt.LeftButton)
    assert not dialog.isVisible() and customers.dialog is None


def test_stopping_midway_imports_nobody_and_a_bad_file_is_told(app, tmp_path):
    path = tmp_path / "kunden.csv"
    example.write(path, 400, units=("stamps", "points"))
    (tmp_path / "book.xlsx").write_bytes(b"PK\x03\x04\x00\x00 a workbook")
    customers, dialog = open_wizard(app)
    dialog.open_file(tmp_path / "book.xlsx")
    assert dialog.pages.currentIndex() == dialog.FILE
    assert "is not a text file (an Excel workbook?)" in dialog.file_error.text()

    dialog.open_file(path)
    dialog.check_rows()
    assert dialog.pages.currentIndex() == dialog.PREVIEW and not dialog.skip_choice.isVisible()
    assert dialog.import_button.isEnabled() and dialog.import_button.text() == "Import 400 customers"
    dialog.progress.changed.connect(lambda done, total: done >= 200 and dialog.stop())
    dialog.start_import()
    assert dialog.pages.currentIndex() == dialog.PREVIEW
    assert dialog.preview_error.text() == "Nothing was imported: The import was stopped; nothing was imported."
    assert app.service.customer_count() == 0


def test_the_wizard_in_german_on_real_background_threads(qtbot, shop, tmp_path):
    """No synchronous stand-in: reading, checking, importing and the PDF run on the thread pool."""
    i18n.install("de")
    path = tmp_path / "kunden.csv"
    example.write(path, 300, bad_rows=3, units=("stamps", "points"))
    dialog = ImportCustomersDialog(shop, shop.staff_member("Maria"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.open_file(path)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.MAPPING, timeout=5000)
    assert dialog.columns.cellWidget(6, 2).currentText() == "Stempel"
    with qtbot.waitSignal(dialog.planned, timeout=10000):
        dialog.check_rows()
    assert dialog.summary.text().startswith("297 Kunden werden importiert, jeder mit einer neuen Karte.")
    assert dialog.problems.item(0, 2).text() == "„anna.weber(at)example.org“ ist keine E-Mail-Adresse"
    dialog.skip_choice.setChecked(True)
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.go()
    assert shop.customer_count() == 297 and shop.check()["ok"]
    assert "Anfangsbestand" in dialog.done_summary.text()
    with qtbot.waitSignal(dialog.saved, timeout=20000):
        dialog.save_cards_pdf(str(tmp_path / "karten.pdf"))
    assert (tmp_path / "karten.pdf").stat().st_size > 10_000


def test_refusals_of_a_whole_file_are_told_in_german_with_what_they_name(make_shop, tmp_path):
    i18n.install("de")
    cafe = make_shop("cafe")  # stamps only
    with_points = tmp_path / "punkte.csv"
    with_points.write_text("Name;Punkte\nAnna;10\n", encoding="utf-8")
    table = importer.read(with_points)
    cases = [
        (lambda: importer.parse(b"PK\x03\x04\x00 workbook", "mappe.xlsx"),
         "mappe.xlsx ist keine Textdatei (eine Excel-Arbeitsmappe?). Wählen Sie in Excel Datei › Speichern unter › "
         "CSV."),
        (lambda: importer.parse(b"Name;name\nA;B\n", "k.csv"),
         "Die Spalten 1 und 2 heißen beide „name“; benennen Sie eine um."),
        (lambda: importer.check(("Mail", "E-Mail"), {0: "email", 1: "email"}),
         "Die Spalten „Mail“ und „E-Mail“ werden beide als dasselbe importiert; wählen Sie eine."),
        (lambda: importer.build(cafe, table, importer.guess(table.header)),
         "Die Datei hat Punkte, das Bonusprogramm aber keine. Stellen Sie die Spalte auf „Nicht importieren“ oder "
         "laden Sie zuerst ein Programm mit Punkten."),
    ]
    for fail, german in cases:
        with pytest.raises(LoyaltyError) as caught:
            fail()
        assert describe(caught.value) == german
    bad = tmp_path / "schlecht.csv"
    bad.write_text("Name;Stempel\nAnna;-1\nBen;x\n", encoding="utf-8")
    plan = importer.build(cafe, importer.read(bad), {0: "name", 1: "stamps"})
    with pytest.raises(LoyaltyError) as caught:
        importer.run(cafe, plan, cafe.system_staff())
    assert describe(caught.value) == ("2 Zeilen haben Probleme; es wurde nichts importiert. Korrigieren Sie die Datei "
                                      "oder lassen Sie diese Zeilen aus.")
    assert [problem_text(p) for p in plan.problems] == ["„-1“ ist negativ", "„x“ ist keine ganze Zahl"]

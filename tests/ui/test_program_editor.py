"""The program editor: fields edit the file, the parser's verdict shows at the field, the preview follows every edit,
saving makes a version, versions can be restored, files opened and exported; German throughout; names of rewards,
tiers and bonuses in the UI's language at the counter."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QPushButton

from pos_loyalty.paths import resource
from pos_loyalty.program import ProgramError
from pos_loyalty.program_edit import ProgramDocument
from pos_loyalty.service import Loyalty
from ui import i18n, program_errors, receipt_text
from ui.views.program_editor import ProgramEditor

TUESDAY = QDate(2026, 3, 3)


@pytest.fixture
def open_editor(qtbot, shop, sync_tasks):
    """open_editor(sample=None) -> the Program tab on the shop, the sample program saved first, opened by its owner
    Maria, previewing Tuesday 17:30 (happy hour); closed before the shop is."""
    made = []

    def open_(sample=None):
        owner = shop.staff_member("Maria")
        if sample:
            shop.save_program_source(resource("programs", f"{sample}.toml").read_text(encoding="utf-8"), owner)
        view = ProgramEditor(shop)
        made.append(view)
        view.resize(1240, 700)
        view.show()
        view.open_for(owner)
        view.preview.day.setDate(TUESDAY)
        return view

    yield open_
    for view in made:
        if view.dialog is not None:
            view.dialog.reject()
        view.close()
        view.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)


@pytest.fixture
def editor(open_editor):
    return open_editor()


def field(view, *path):
    return view.form.fields[path]


def type_into(qtbot, view, path, text):
    """Select the field's text and type over it, as an owner does."""
    edit = field(view, *path).input
    view.form.show_section(path[0] if path[:2] != ("points", "expiry_days") else "expiry")
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text) if text else qtbot.keyClick(edit, Qt.Key_Backspace)


def click(qtbot, view, name):
    button = view.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.LeftButton)


def switch(qtbot, view, name):
    """Tick or untick a check box from the keyboard."""
    box = view.findChild(QCheckBox, name)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key_Space)


def test_the_form_shows_the_program_in_force_and_the_preview_what_it_earns(editor):
    assert field(editor, "program", "name").input.text() == "Bäckerei Korn"
    assert field(editor, "points", "unit").input.text() == "1.00"
    assert field(editor, "rewards", 0, "name_de").input.text() == "Gratis-Brot"
    assert field(editor, "bonuses", 2, "days").input.days() == ["mon", "tue", "wed", "thu", "fri"]
    assert editor.preview.sentence.text() == "A purchase of €12.50 on Tuesday, Mar 3, 2026 at 17:30 earns:"
    assert editor.preview.result.text() == "+1 stamp, +25 points"
    assert editor.preview.details.text() == "× 2 Happy hour"
    assert not editor.save_button.isEnabled() and editor.status.text() == "Version 1 is in force."


def test_an_edit_updates_the_preview_and_only_its_line_of_the_file(qtbot, editor):
    before = editor.doc.text
    type_into(qtbot, editor, ("points", "per_unit"), "3")
    assert editor.preview.result.text() == "+1 stamp, +75 points"
    changed = [(a, b) for a, b in zip(before.splitlines(), editor.doc.text.splitlines()) if a != b]
    assert changed == [("per_unit = 1", "per_unit = 3")]
    assert editor.save_button.isEnabled() and "Unsaved changes" in editor.status.text()
    editor.preview.time.setTime(editor.preview.time.time().addSecs(3600))  # 18:30: after the happy hour
    assert editor.preview.result.text() == "+1 stamp, +37 points" and editor.preview.details.text() == ""


def test_the_preview_takes_items_tiers_and_occasions(open_editor):
    view = open_editor("boutique")
    preview = view.preview
    preview.tier.setCurrentIndex(preview.tier.findData("Silver"))
    preview.tier.activated.emit(preview.tier.currentIndex())
    assert preview.result.text() == "+15 points" and preview.details.text() == "× 1.25 Silver"
    assert "by a member of the Silver tier" in preview.sentence.text()
    assert preview.birthday.isVisibleTo(view) and not preview.new_customer.isVisibleTo(view)
    preview.birthday.setChecked(True)
    assert preview.result.text() == "+65 points" and preview.details.text().endswith("Birthday: +50 points")
    preview.amount.setText("12,5,0")
    assert preview.sentence.text() == "'12,5,0' is not an amount; type it like 12.50."
    assert not preview.result.isVisible()


def test_a_mistake_shows_at_its_field_and_save_waits_for_the_fix(qtbot, editor):
    type_into(qtbot, editor, ("stamps", "per_purchase"), "two")
    error = field(editor, "stamps", "per_purchase").error
    assert error.isVisibleTo(editor) and error.text() == "Type a whole number, like 3 (not “two”)."
    assert not editor.save_button.isEnabled()
    assert editor.status.text() == "Mistake in Stamps › Stamps per purchase: fix it to save."
    assert not editor.go_button.isVisibleTo(editor)  # the mistake is on the page in sight
    assert editor.form.nav.item(1).text() == "⚠ Stamps"
    assert editor.preview.sentence.text().startswith("Correct the mistake")
    type_into(qtbot, editor, ("stamps", "per_purchase"), "2")
    assert not error.isVisibleTo(editor) and editor.save_button.isEnabled()
    assert editor.preview.result.text() == "+2 stamps, +25 points"


def test_a_mistake_in_another_section_is_found_with_one_click(qtbot, editor):
    editor.form.show_section("stamps")
    switch(qtbot, editor, "use-stamps")  # stamps off: the bread reward costs stamps
    qtbot.waitUntil(lambda: ("stamps", "per_purchase") not in editor.form.fields)  # the page without its fields
    assert not editor.doc.has("stamps")
    assert "Rewards › Reward 1 · Free bread › How many" in editor.status.text()
    assert not editor.save_button.isEnabled() and editor.go_button.isVisibleTo(editor)
    click(qtbot, editor, "goToError")
    assert editor.form.pages.currentWidget().objectName() == "page-rewards"
    assert editor.focusWidget() is field(editor, "rewards", 0, "stamps").input
    assert field(editor, "rewards", 0, "stamps").error.text() == ("This costs stamps, but the Stamps section is "
                                                                 "switched off: switch it on first.")
    editor.form.show_section("stamps")
    switch(qtbot, editor, "use-stamps")
    qtbot.waitUntil(lambda: editor.error is None)
    assert editor.doc.text == editor.baseline  # switched back on just as it was


def test_rows_are_added_and_removed_in_the_form(qtbot, editor):
    editor.form.show_section("rewards")
    click(qtbot, editor, "addReward")
    qtbot.waitUntil(lambda: ("rewards", 1, "name") in editor.form.fields)
    assert editor.focusWidget() is field(editor, "rewards", 1, "name").input
    type_into(qtbot, editor, ("rewards", 1, "name"), "Cake")
    assert editor.doc.check().rewards[1].name == "Cake"
    editor.form.show_section("bonuses")
    kinds = editor.form.pages.currentWidget().findChild(type(editor.preview.tier), "bonusKind")
    kinds.setCurrentIndex(kinds.findData("seasonal"))
    click(qtbot, editor, "addBonus")
    qtbot.waitUntil(lambda: ("bonuses", 3, "from") in editor.form.fields)
    assert editor.doc.check().bonuses[3].date_from == "12-01"
    for section, rows in (("bonuses", 3), ("rewards", 1)):
        editor.form.show_section(section)
        removes = editor.form.scrolls[section].widget().findChildren(QPushButton, "removeRow")
        qtbot.mouseClick(removes[-1], Qt.LeftButton)
        qtbot.waitUntil(lambda s=section, n=rows: len(editor.form.scrolls[s].widget().findChildren(
            QPushButton, "removeRow")) == n)
    assert editor.doc.text == editor.baseline and not editor.save_button.isEnabled()


def test_choices_that_change_which_keys_apply(qtbot, open_editor):
    view = open_editor("salon")
    mode = view.form.scrolls["cashback"].widget().findChildren(type(view.preview.tier))[0]
    mode.setCurrentIndex(mode.findData("fixed"))
    mode.activated.emit(mode.currentIndex())
    qtbot.waitUntil(lambda: ("cashback", "per") in view.form.fields)
    cashback = view.doc.check().cashback
    assert (cashback.percent, cashback.fixed, cashback.per) == (None, 100, 2000)
    view.preview.amount.setText("49.99")
    assert view.preview.result.text() == "+€2.00 cashback"


def test_saving_makes_a_new_version_that_the_counter_books_under(qtbot, editor, shop):
    _, card, _ = shop.enroll(shop.system_staff())
    before = shop.checkout(shop.system_staff(), card, 1000)
    type_into(qtbot, editor, ("stamps", "per_purchase"), "2")
    editor.save_button.click()
    dialog = editor.dialog
    assert dialog.windowTitle() == "Save as version 2?" and dialog.ok_button.text() == "Save version 2"
    dialog.ok_button.click()
    assert shop.program_version == 2 and shop.program.stamps.per_purchase == 2
    assert shop.program.source == editor.doc.text and "# one stamp per visit" in shop.program.source
    assert editor.status.text() == "Saved as version 2: the counter uses it now."
    assert not editor.save_button.isEnabled()
    after = shop.checkout(shop.system_staff(), card, 1000)
    versions = dict(shop.db.query("SELECT id, program_version FROM events WHERE kind = 'purchase'"))
    assert (versions[before.event_id], versions[after.event_id]) == (1, 2)

    editor.show_versions()
    table = editor.versions.table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["2 (in force)", "1"]
    assert [table.item(r, 2).text() for r in range(table.rowCount())] == ["Maria", "File"]


def test_an_old_version_is_restored_as_a_new_one(qtbot, editor, shop):
    type_into(qtbot, editor, ("program", "name"), "Korn & Co")
    editor.save()
    editor.show_versions()
    editor.versions.select(1)
    assert "name = \"Bäckerei Korn\"" in editor.versions.source.toPlainText()
    click(qtbot, editor, "restoreVersion")
    assert editor.dialog.windowTitle() == "Restore version 1?"
    editor.dialog.ok_button.click()
    assert shop.program_version == 3 and shop.program.name == "Bäckerei Korn"
    assert editor.status.text() == "Version 1 is restored as version 3."
    assert field(editor, "program", "name").input.text() == "Bäckerei Korn"
    editor.versions.select(2)
    click(qtbot, editor, "editVersion")  # a copy of version 2 to work on: nothing saved yet
    assert field(editor, "program", "name").input.text() == "Korn & Co" and editor.save_button.isEnabled()
    assert shop.program_version == 3


def test_files_are_opened_and_exported(qtbot, editor, tmp_path):
    exported = tmp_path / "mine.toml"
    type_into(qtbot, editor, ("points", "per_unit"), "2")
    editor.export_file(str(exported))
    assert exported.read_text(encoding="utf-8") == editor.doc.text
    assert editor.status.text() == f"Exported to {exported}."
    editor.open_file(str(resource("programs", "cafe.toml")))
    assert field(editor, "program", "name").input.text() == "Café Sonne"
    assert editor.status.text() == "Opened cafe.toml: check it, then save it as a new version."
    assert editor.save_button.isEnabled()
    broken = tmp_path / "broken.toml"
    broken.write_text('[program\nname = "x"\n', encoding="utf-8")
    editor.open_file(str(broken))
    assert editor.status.text().startswith("broken.toml could not be opened: This is not a program file (TOML)")
    assert field(editor, "program", "name").input.text() == "Café Sonne"  # what was there stays
    editor.open_file(str(tmp_path / "missing.toml"))
    assert editor.status.text().startswith("missing.toml could not be opened: The file cannot be read")


def test_a_till_with_a_server_is_told_what_a_server_program_does(qtbot, shop, open_editor):
    shop.db.set_meta("sync_token", "token")  # registered (what the sync client checks)
    view = open_editor()
    assert view.notice.isVisibleTo(view) and "replaces the one here at the next sync" in view.notice.text()
    type_into(qtbot, view, ("points", "per_unit"), "2")
    view.ask_save()
    assert "a program the chain's admin uploads there later replaces this one" in view.dialog.findChildren(
        type(view.status))[1].text()


def test_a_new_shop_builds_its_first_program_here(qtbot, tmp_path, sync_tasks):
    service = Loyalty(tmp_path / "new-shop")
    view = ProgramEditor(service)
    try:
        view.show()
        view.open_for(service.add_staff("Maria", "owner", "1234"))
        assert view.status.text() == ("Mistake: The program gives nothing yet: switch on stamps, points or "
                                      "cashback.")
        view.form.show_section("stamps")
        switch(qtbot, view, "use-stamps")
        qtbot.waitUntil(lambda: ("stamps", "per_purchase") in view.form.fields)
        assert view.save_button.isEnabled()
        view.ask_save()
        assert view.dialog.windowTitle() == "Save as version 1?"
        view.dialog.ok_button.click()
        assert service.program_version == 1 and service.program.stamps.per_purchase == 1
        assert view.status.text() == "Saved as version 1: the counter uses it now."
    finally:
        view.close()
        view.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        service.close()


def test_the_editor_speaks_german(qtbot, editor):
    i18n.install("de")
    qtbot.waitUntil(lambda: editor.save_button.text() != "Save as new version  (Ctrl+S)")  # LanguageChange is posted
    assert [editor.form.nav.item(r).text() for r in range(3)] == ["Allgemein", "Stempel", "Punkte"]
    assert field(editor, "stamps", "per_purchase").label.text() == "Stempel pro Einkauf"
    assert field(editor, "points", "unit").input.text() == "1,00"
    assert editor.save_button.text() == "Als neue Version speichern  (Strg+S)"
    assert editor.preview.result.text() == "+1 Stempel, +25 Punkte"
    assert editor.preview.details.text() == "× 2 Happy Hour"
    assert editor.preview.sentence.text() == "Ein Einkauf über 12,50\xa0€ am Dienstag, 03.03.2026 um 17:30 bringt:"
    type_into(qtbot, editor, ("stamps", "min_amount"), "2,60")
    assert editor.doc.get(("stamps", "min_amount")) == "2.60"  # a decimal comma is written as the file wants
    type_into(qtbot, editor, ("stamps", "min_amount"), "zwei")
    assert field(editor, "stamps", "min_amount").error.text() == "Geben Sie einen Betrag ein, etwa 2,50 (nicht „zwei“)."
    assert editor.status.text() == ("Fehler in Stempel › Kleinster Einkauf für einen Stempel: erst beheben, dann "
                                    "speichern.")


# ---- every reason the parser gives has a sentence in the editor ----

CAFE = resource("programs", "cafe.toml").read_text(encoding="utf-8")
BOUTIQUE = resource("programs", "boutique.toml").read_text(encoding="utf-8")
MISTAKES = [  # (sample text, key path, value) or (text with a replacement, None, None)
    (CAFE, ("stamps", "per_purchase"), "x"),
    (CAFE, ("stamps", "per_purchase"), 0),
    (BOUTIQUE, ("tiers", "levels", 1, "multiplier"), "fast"),
    (CAFE, ("stamps", "min_amount"), "2.505"),
    (CAFE, ("stamps", "min_amount"), "zwei"),
    (CAFE, ("stamps", "count"), "item"),
    (CAFE, ("stamps", "count"), "each"),
    (CAFE, ("rewards", 0, "name_de"), ""),
    (CAFE, ("rewards", 0, "id"), "Free Coffee"),
    (CAFE, ("rewards", 0, "stamps"), None),
    (CAFE, ("program", "currency"), "EURO"),
    (CAFE, ("program", "timezone"), "Europe/Berlln"),
    (CAFE, ("program", "name"), ""),
    (BOUTIQUE, ("points", "unit"), "0"),
    (BOUTIQUE, ("tiers", "levels", 2, "from"), "100.00"),
    (BOUTIQUE, ("tiers", "levels", 0, "multiplier"), "-1"),
    (BOUTIQUE, ("tiers", "levels", 0, "name"), None),
    (BOUTIQUE, ("points", "expiry_days"), 0),
    (CAFE.replace("min_amount", "min_ammount"), None, None),
    (CAFE.replace("min_amount", "colour"), None, None),
    (CAFE.replace("[stamps]", "[[stamps]]"), None, None),
    (CAFE + '\n[cashback]\npercent = "5"\nfixed = "1.00"\n', None, None),
    (CAFE + '\n[cashback]\nfixed = "1.00"\n', None, None),
    (CAFE + '\n[cashback]\npercent = "101"\n', None, None),
    (CAFE + '\n[[bonuses]]\nkind = "item"\n', None, None),
    (CAFE + '\n[[bonuses]]\nkind = "happy_hour"\nstart = "18:00"\nend = "17:00"\n', None, None),
    (CAFE + '\n[[bonuses]]\nkind = "happy_hour"\nstart = "five"\nend = "17:00"\n', None, None),
    (CAFE + '\n[[bonuses]]\nkind = "happy_hour"\ndays = ["monday"]\nstart = "5:00"\nend = "7:00"\n', None, None),
    (CAFE + '\n[[bonuses]]\nkind = "seasonal"\nfrom = "24.12."\nto = "12-26"\n', None, None),
    (CAFE + '\n[[bonuses]]\nkind = "enrollment"\npoints = 5\n', None, None),
    (CAFE + '\n[[bonuses]]\nkind = "birthday"\ncashback = "1.00"\n', None, None),
    (CAFE + '\n[[rewards]]\nid = "free-coffee"\nstamps = 5\n', None, None),
    (CAFE + '\n[[rewards]]\nid = "cake"\npoints = 5\n', None, None),
    (CAFE + '\n[tiers]\nqualify_by = "points"\n[[tiers.levels]]\nname = "A"\n', None, None),
    (CAFE + '\n[tiers]\nqualify_by = "spend"\n', None, None),
    (CAFE.replace('daily_cap = 1', 'daily_cap = "one"'), None, None),
    (CAFE.replace('daily_cap = 1', 'items = 5'), None, None),
    ('bonuses = 3\n' + CAFE, None, None),
    ('[program]\nname = "Empty"\n', None, None),
    ('[program\n', None, None),
]


def _raised(text, path, value):
    doc = ProgramDocument(text) if "[program\n" not in text else None
    if doc is None:
        with pytest.raises(ProgramError) as caught:
            ProgramDocument(text)
        return caught.value
    if path:
        doc.set(path, value)
    with pytest.raises(ProgramError) as caught:
        doc.check()
    return caught.value


def test_every_reason_of_the_parser_has_a_sentence_in_both_languages():
    errors = [_raised(*mistake) for mistake in MISTAKES]
    unmatched = [e.reason for e in errors if not program_errors.matched(e)]
    assert not unmatched
    used = {pattern.pattern for pattern, _ in program_errors._COMPILED
            if any(pattern.fullmatch(e.reason) for e in errors)}
    unused = [pattern.pattern for pattern, _ in program_errors._COMPILED if pattern.pattern not in used]
    assert unused == [r"cannot read program file (?P<path>.+?): (?P<why>.+)",  # reading a file: see above
                      r"(?P<path>.+) is not a UTF-8 text file"]
    i18n.install("de")
    german = [program_errors.explain(e) for e in errors]
    assert all(text and text != e.reason for text, e in zip(german, errors))


# ---- names in the UI's language at the counter ----

def test_the_counter_shows_names_in_the_ui_language(qtbot, make_shop):
    from ui.dialogs.redeem import RedeemDialog  # noqa: PLC0415
    from ui.widgets.customer_panel import CustomerPanel  # noqa: PLC0415

    shop = make_shop("boutique")
    staff = shop.system_staff()
    _, card, _ = shop.enroll(staff, birthday=date.today().replace(year=1990).isoformat())
    receipt = shop.checkout(staff, card, 60000)
    program = shop.program
    i18n.install("de")
    panel = CustomerPanel()
    qtbot.addWidget(panel)
    panel.show_balance(shop.balance(card), program)
    assert panel.tier_label.text() == "Silber"
    assert panel.reward_buttons["ten-off"].text() == "Einlösen: 10 € Rabatt (100 Punkte)"
    text = receipt_text.earned(receipt, program)
    assert "(Geburtstag)" in text and text.endswith("Neue Treuestufe: Bronze → Silber")
    redeemed = shop.redeem(staff, card, "tote-bag")
    assert receipt_text.redeemed(redeemed, "tote-bag", program) == "Eingelöst: Stofftasche"
    dialog = RedeemDialog.for_reward(program, "ten-off", shop.balance(card), lambda _amount: None)
    qtbot.addWidget(dialog)
    heading = dialog.findChildren(type(panel.tier_label))[0]
    assert dialog.windowTitle() == "Einlösen" and heading.text() == "„10 € Rabatt“ einlösen?"
    i18n.install("en")
    panel.show_balance(shop.balance(card), program)
    assert panel.tier_label.text() == "Silver"


def test_the_program_tab_is_in_the_owner_area(app):
    app.sign_in("Maria", "1234")
    app.qtbot.waitUntil(lambda: app.window.staff is not None, timeout=2000)
    app.qtbot.mouseClick(app.counter.owner_button, Qt.LeftButton)
    owner = app.window.owner.view
    index = owner.tabs.indexOf(owner.program_editor)
    assert owner.tabs.tabText(index) == "Program"
    owner.tabs.setCurrentIndex(index)
    assert owner.program_editor.staff.name == "Maria"
    assert owner.program_editor.form.fields[("program", "name")].input.text() == "Bäckerei Korn"

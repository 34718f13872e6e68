"""The owner's Messages tab on a real shop and a real SMTP server on loopback: the outbox with reasons in words,
filters, a message's text, the customer's consent and language, an unsubscribe code, the e-mail settings with a test
e-mail, the texts in both languages, and German."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from smtp_sink import SmtpServer, smtp_server  # noqa: F401 - a fixture

from pos_loyalty.messages import tokens
from pos_loyalty.messages.outbox import Outbox
from ui import i18n
from ui.views.messages import CUSTOMER, STATUS, MessagesView

MORNING = datetime(2026, 3, 9, 10, 0, tzinfo=timezone.utc)


@pytest.fixture
def view(qtbot, shop, smtp_server, sync_tasks):
    box = Outbox(shop)
    box.configure(smtp_server.settings())
    staff = shop.system_staff()
    shop.enroll(staff, name="Anna Müller", email="anna@example.org", consent_email=True, at=MORNING)
    shop.enroll(staff, name="Ben", email="ben@example.org", at=MORNING)
    box.plan(MORNING)
    box.send_due(MORNING)
    widget = MessagesView(shop)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitUntil(lambda: widget.outbox.table.rowCount() == 2)
    return widget


def _cells(view, column: int) -> list[str]:
    table = view.outbox.table
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_the_outbox_shows_what_went_out_and_why_the_rest_was_held(view, smtp_server):
    assert len(smtp_server.sink.wait_for(1)) == 1
    page = view.outbox
    assert page.summary.text() == "1 sent · 0 waiting · 1 held back · 0 failed"
    states = dict(zip(_cells(view, CUSTOMER), _cells(view, STATUS)))
    assert states == {"Anna Müller": "Sent 3/9/26, 11:00\u202fAM", "Ben": "Held back: no consent"}
    assert "plans and sends" in page.note.text()

    page.status_filter.setCurrentIndex(page.status_filter.findData("held"))
    assert _cells(view, CUSTOMER) == ["Ben"]

    page.table.selectRow(0)
    assert page.subject.text() == "Willkommen bei Bäckerei Korn"
    assert "Hallo Ben," in page.text.toPlainText()
    assert page.consent_label.text() == "Ben gets no e-mails."
    assert page.why.text() == "Held back: The customer has not agreed to e-mails. · from this till"
    assert page.text.toPlainText().startswith("To: ben@example.org")


def test_consent_and_language_are_changed_for_the_customer(view, shop):
    page = view.outbox
    page.status_filter.setCurrentIndex(page.status_filter.findData("held"))
    page.table.selectRow(0)
    ben = page.current_customer["id"]
    with_changes = []
    view.changed.connect(lambda: with_changes.append(True))
    page.consent_button.click()
    assert shop.customer(ben)["consent_email"] == 1
    assert page.consent_button.text() == "Stop e-mails"
    page.language.setCurrentIndex(page.language.findData("en"))
    page.language.activated.emit(page.language.currentIndex())
    assert shop.customer(ben)["language"] == "en"
    assert with_changes and "next sync" in page.message.text()


def test_an_unsubscribe_code_from_a_reply(view, shop, smtp_server):
    [mail] = smtp_server.sink.wait_for(1)
    code = mail.text().split("Ihr Code: ")[1].split(")")[0]
    view.pages.setCurrentWidget(view.smtp)
    page = view.smtp
    page.code.setText("nonsense")
    page.code_button.click()
    assert page.message.text() == "This is not an unsubscribe code from one of our e-mails (check it)."
    page.code.setText(code)
    page.code_button.click()
    assert page.message.text() == "Anna Müller gets no more e-mails."
    anna = tokens.verify(code, shop.card_keys())
    assert shop.customer(anna)["consent_email"] == 0 and page.code.text() == ""


def test_email_settings_are_saved_and_tested(qtbot, view, shop, smtp_server):
    view.pages.setCurrentWidget(view.smtp)
    page = view.smtp
    qtbot.waitUntil(lambda: page.host.text() == "127.0.0.1")
    assert page.port.value() == smtp_server.port and page.remove_button.isEnabled()
    page.sender.setText("no address")
    page.save_button.click()
    assert page.message.text() == "Enter the address the e-mails come from, e.g. news@your-shop.de."
    page.sender.setText("hello@korn.example")
    page.sender_name.setText("Bäckerei Korn, Markt")
    page.save_button.click()
    assert page.message.text() == "Saved: this till now sends its shop's messages."
    assert Outbox(shop).settings().sender == "hello@korn.example"
    page.test_to.setText("owner@korn.example")
    page.test_button.click()
    [_, test] = smtp_server.sink.wait_for(2)
    assert test.recipients == ["owner@korn.example"] and test.subject == "Test e-mail from Bäckerei Korn"
    assert test.message["From"] == '"Bäckerei Korn, Markt" <hello@korn.example>'
    assert page.message.text().startswith("Test e-mail sent to owner@korn.example")
    page.remove_button.click()
    assert Outbox(shop).settings() is None and page.host.text() == ""


def test_texts_in_both_languages(view):
    view.pages.setCurrentWidget(view.texts)
    page = view.texts
    page.kind.setCurrentIndex(page.kind.findData("birthday"))
    page.language.setCurrentIndex(page.language.findData("de"))
    assert page.subject.text() == "Subject: Alles Gute zum Geburtstag von Bäckerei Korn"
    page.language.setCurrentIndex(page.language.findData("en"))
    assert page.subject.text() == "Subject: Happy birthday from Bäckerei Korn"
    assert "Hello Anna," in page.text.toPlainText()


def test_the_tab_speaks_german(qapp, qtbot, view):
    i18n.install("de", qapp)  # a live switch, as in Settings
    qtbot.waitUntil(lambda: view.pages.tabText(0) == "Postausgang")
    assert [view.pages.tabText(i) for i in range(3)] == ["Postausgang", "E-Mail-Einstellungen", "Texte"]
    assert view.outbox.summary.text() == "1 gesendet · 0 wartend · 1 zurückgehalten · 0 fehlgeschlagen"
    assert "Zurückgehalten: keine Einwilligung" in _cells(view, STATUS)
    assert view.outbox.table.horizontalHeaderItem(CUSTOMER).text() == "Kunde"


def test_the_background_worker_sends_and_the_outbox_follows(qtbot, view, shop, smtp_server, tmp_path):
    never_quiet = tmp_path / "bakery.toml"  # the worker runs on the real clock, night or day
    never_quiet.write_text(shop.program.source + '\n[messages]\nquiet_start = "00:00"\nquiet_end = "00:00"\n',
                           encoding="utf-8")
    shop.load_program(never_quiet)
    shop.enroll(shop.system_staff(), name="Cara", email="cara@example.org", consent_email=True)
    page = view.outbox
    with qtbot.waitSignal(view.worker.finished) as done:
        page.run_button.click()
    assert done.args[0]["send"] == {"sent": 1}
    assert [m.recipients for m in smtp_server.sink.wait_for(2)][-1] == ["cara@example.org"]
    assert "Cara" in _cells(view, CUSTOMER) and page.summary.text().startswith("2 sent")
    assert page.message.isHidden()  # "Planning and sending …" went with the round

"""What each section of the program form holds: plain-language labels and hints over the keys of the file.

SectionBuilder.page(section) builds a section's page for a ProgramForm; the form owns the document and the fields.
Edits that add or remove fields (a section switched on, a row added, a choice that changes which keys apply) go
through form.restructure(), which rebuilds the page after the edit.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

from pos_loyalty.program import BONUS_KEYS, BONUS_KINDS
from pos_loyalty.program_edit import (BONUSES, LEVELS, REWARDS, cashback_rate, new_bonus, new_reward, new_section,
                                      new_tier)

from .. import i18n
from ..i18n import fill
from ..theme import set_role
from .program_fields import Field

SECTIONS = ("program", "stamps", "points", "tiers", "cashback", "bonuses", "rewards", "expiry", "sync")
OPTIONAL = ("stamps", "points", "tiers", "cashback", "sync")  # sections the owner switches on and off
ROWS = {"tiers": LEVELS, "bonuses": BONUSES, "rewards": REWARDS}


class SectionBuilder(QObject):
    def __init__(self, form):
        super().__init__(form)
        self.form = form

    # ---- names ----

    def title(self, section: str) -> str:
        return {"program": self.tr("General"), "stamps": self.tr("Stamps"), "points": self.tr("Points"),
                "tiers": self.tr("Tiers"), "cashback": self.tr("Cashback"), "bonuses": self.tr("Bonuses"),
                "rewards": self.tr("Rewards"), "expiry": self.tr("Expiry"), "sync": self.tr("Offline limits")}[section]

    def _intro(self, section: str) -> str:
        return {
            "program": self.tr("The program's name, its currency and where the shop is."),
            "stamps": self.tr("A stamp card: customers collect stamps and trade a full card for a reward (see "
                              "Rewards)."),
            "points": self.tr("Customers collect points for what they spend and pay for rewards with them."),
            "tiers": self.tr("Members move up to higher tiers by what they did lately; a higher tier earns more "
                             "points."),
            "cashback": self.tr("Customers get back part of what they spend, to pay with on a later visit."),
            "bonuses": self.tr("Extra points, stamps or cashback at certain hours, on certain items or for an "
                               "occasion."),
            "rewards": self.tr("What customers get for their stamps or points. Cashback is paid out at the counter "
                               "and needs no reward here."),
            "expiry": self.tr("How long points stay valid."),
            "sync": self.tr("For a till connected to a server: while it has not synced for a while, a customer "
                            "can redeem only this much here, so the same balance cannot be spent twice in two "
                            "shops."),
        }[section]

    def _switch(self, section: str) -> str:
        return {"stamps": self.tr("Collect stamps"), "points": self.tr("Collect points"),
                "tiers": self.tr("Use tiers"), "cashback": self.tr("Give cashback"),
                "sync": self.tr("Limit redeeming offline")}[section]

    def kind_title(self, kind: str) -> str:
        return {"happy_hour": self.tr("Happy hour"), "seasonal": self.tr("Season"), "item": self.tr("Items"),
                "birthday": self.tr("Birthday"), "referral": self.tr("Recommendation"),
                "enrollment": self.tr("Welcome")}[kind]

    def _kind_hint(self, kind: str) -> str:
        return {"happy_hour": self.tr("More points on some days, at some hours."),
                "seasonal": self.tr("More points in a date range, every year."),
                "item": self.tr("More points on the price of some items."),
                "birthday": self.tr("A gift with the first purchase around the birthday, once a year."),
                "referral": self.tr("A thank-you when a customer someone recommended pays for the first time."),
                "enrollment": self.tr("A welcome gift for a new customer.")}[kind]

    def row_title(self, row: tuple) -> str:
        """"Reward 2: Free bread": the row's number and its name in the UI's language."""
        doc, number = self.form.doc, row[-1] + 1
        name = doc.get(row + (f"name_{i18n.language()}",)) or doc.get(row + ("name",)) or ""
        if row[:-1] == LEVELS:
            title = fill(self.tr("Tier %1"), number)
        elif row[:-1] == BONUSES:
            kind = doc.get(row + ("kind",))
            title = fill(self.tr("Bonus %1: %2"), number, self.kind_title(kind) if kind in BONUS_KINDS else kind)
        else:
            title = fill(self.tr("Reward %1"), number)
        return f"{title} · {name}" if name else title

    # ---- pages ----

    def page(self, section: str) -> QWidget:
        page = QWidget()
        page.setObjectName("programPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 12, 12)
        layout.setSpacing(14)
        heading = QLabel(self.title(section))
        set_role(heading, "section")
        intro = QLabel(self._intro(section))
        set_role(intro, "hint")
        intro.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(intro)
        if section in OPTIONAL:
            switch = QCheckBox(self._switch(section))
            switch.setObjectName(f"use-{section}")
            switch.setChecked(self.form.doc.has(section))
            switch.clicked.connect(lambda on, s=section: self._enable(s, on))
            layout.addWidget(switch)
        layout.addWidget(self._note((section,)))
        if section not in OPTIONAL or self.form.doc.has(section):
            getattr(self, f"_{section}")(layout)
        layout.addStretch(1)
        return page

    def _enable(self, section: str, on: bool) -> None:
        self.form.doc.set_enabled(section, on, new_section(section, self.form.currency()))
        self.form.restructure((section, "expiry") if section == "points" else (section,))

    def _program(self, layout: QVBoxLayout) -> None:
        p = ("program",)
        layout.addLayout(self._grid([
            self.field(p + ("name",), "text", self.tr("Program name"), self.tr("Shown on cards and to the staff.")),
            self.field(p + ("currency",), "text", self.tr("Currency"), self.tr("Three letters, like EUR or CHF."),
                       placeholder="EUR"),
            self.field(p + ("timezone",), "text", self.tr("Time zone"),
                       self.tr("Where the shop is: decides when a day, a happy hour or a season begins."),
                       placeholder="Europe/Berlin"),
            self.field(p + ("locale",), "text", self.tr("Country format"),
                       self.tr("How money and dates look for this shop, like de_DE or de_AT."), placeholder="de_DE"),
        ]))

    def _stamps(self, layout: QVBoxLayout) -> None:
        p = ("stamps",)
        count = self.field(p + ("count",), "choice", self.tr("What earns stamps"),
                           choices=(("visit", self.tr("Every purchase")), ("item", self.tr("Each matching item"))),
                           structural=True)
        fields = [self.field(p + ("per_purchase",), "count", self.tr("Stamps per purchase"),
                             self.tr("How many stamps one purchase (or one matching item) earns."), placeholder="1"),
                  count]
        if self.form.doc.get(p + ("count",)) == "item":
            fields.append(self.field(p + ("items",), "patterns", self.tr("Which items"), self._items_hint()))
        fields += [self.field(p + ("min_amount",), "money", self.tr("Smallest purchase for a stamp"),
                              self.tr("Empty: any amount earns a stamp.")),
                   self.field(p + ("daily_cap",), "count", self.tr("At most per day"),
                              self.tr("Stamps per customer and day. Empty: no limit."))]
        layout.addLayout(self._grid(fields))

    def _points(self, layout: QVBoxLayout) -> None:
        p = ("points",)
        layout.addLayout(self._grid([
            self.field(p + ("per_unit",), "count", self.tr("Points"),
                       self.tr("Points earned for each full amount on the right."), placeholder="1"),
            self.field(p + ("unit",), "money", self.tr("For every"),
                       self.tr("Like 1.00: a purchase of 12.50 then earns 12 points (rounded down).")),
        ]))

    def _tiers(self, layout: QVBoxLayout) -> None:
        p = ("tiers",)
        layout.addLayout(self._grid([
            self.field(p + ("qualify_by",), "choice", self.tr("Tiers by"), structural=True,
                       choices=(("spend", self.tr("Money spent")), ("visits", self.tr("Number of visits")),
                                ("points", self.tr("Points earned")))),
            self.field(p + ("window_days",), "count", self.tr("Counted over the last … days"),
                       self.tr("Only this recent activity counts, like 365 for a year."), placeholder="365"),
        ]))
        by = self.form.doc.get(p + ("qualify_by",), "spend")
        start = {"spend": self.tr("From (money spent)"), "visits": self.tr("From (visits)"),
                 "points": self.tr("From (points)")}.get(by, self.tr("From"))
        for index in range(self.form.doc.rows(LEVELS)):
            row = LEVELS + (index,)
            layout.addWidget(self._row(row, [
                *self._names(row),
                self.field(row + ("from",), "money" if by == "spend" else "count", start,
                           self.tr("The first tier starts at 0; each next one higher.")),
                self.field(row + ("multiplier",), "ratio", self.tr("Points multiplier"),
                           self.tr("1.25 earns a quarter more points; 1 the normal points.")),
            ]))
        add = self._add_button(self.tr("Add a tier"), "addTier")
        add.clicked.connect(lambda: self._add_row("tiers", new_tier(self.form.program, by, self.form.currency())))
        layout.addWidget(add, 0, Qt.AlignLeft)

    def _cashback(self, layout: QVBoxLayout) -> None:
        p = ("cashback",)
        fixed = self.form.doc.get(p + ("fixed",)) is not None
        mode = Field(p + ("#mode",), "choice", self.tr("How much"),
                     choices=(("percent", self.tr("A percentage of each purchase")),
                              ("fixed", self.tr("A fixed amount per amount spent"))))
        mode.load("fixed" if fixed else "percent")
        mode.edited.connect(lambda _path, value: self._cashback_mode(value))
        fields = [mode]
        if fixed:
            fields += [self.field(p + ("fixed",), "money", self.tr("Amount"), self.tr("Like 1.00 …")),
                       self.field(p + ("per",), "money", self.tr("For every"), self.tr("… for every 20.00 spent."))]
        else:
            fields.append(self.field(p + ("percent",), "ratio", self.tr("Percent"),
                                     self.tr("Like 5 for 5 %, rounded down to the cent.")))
        fields.append(self.field(p + ("min_redeem",), "money", self.tr("Smallest payout"),
                                 self.tr("Cashback is paid out from this amount up. Empty: any amount.")))
        layout.addLayout(self._grid(fields))

    def _cashback_mode(self, mode: str) -> None:
        p = ("cashback",)
        for key in ("percent", "fixed", "per"):
            self.form.doc.set(p + (key,), None)
        for key, value in cashback_rate(mode, self.form.currency()).items():
            self.form.doc.set(p + (key,), value)
        self.form.restructure(("cashback",), p + (mode,))

    def _bonuses(self, layout: QVBoxLayout) -> None:
        for index in range(self.form.doc.rows(BONUSES)):
            row = BONUSES + (index,)
            kind = self.form.doc.get(row + ("kind",))
            fields = [*self._names(row), *(self._bonus_field(row, key) for key in BONUS_KEYS.get(kind, ()))]
            layout.addWidget(self._row(row, fields, self._kind_hint(kind) if kind in BONUS_KINDS else ""))
        kinds = QComboBox()
        kinds.setObjectName("bonusKind")
        kinds.setMinimumHeight(52)
        for kind in BONUS_KINDS:
            kinds.addItem(self.kind_title(kind), kind)
        add = self._add_button(self.tr("Add"), "addBonus")
        add.clicked.connect(lambda: self._add_row("bonuses", new_bonus(kinds.currentData(), self.form.program,
                                                                        self.form.currency())))
        line = QHBoxLayout()
        line.addWidget(kinds)
        line.addWidget(add)
        line.addStretch(1)
        layout.addLayout(line)

    def _bonus_field(self, row: tuple, key: str) -> Field:
        path = row + (key,)
        kind = self.form.doc.get(row + ("kind",))
        spec = {
            "days": ("days", self.tr("Days"), ""),
            "start": ("time", self.tr("From"), self.tr("A time like 17:00.")),
            "end": ("time", self.tr("Until"), self.tr("A time like 18:00 (not included).")),
            "multiplier": ("ratio", self.tr("Points multiplier"), self.tr("2 doubles the points.")),
            "from": ("text", self.tr("From (month-day)"), self.tr("Like 12-01 for 1 December.")),
            "to": ("text", self.tr("Until (month-day)"), self.tr("Like 12-24 for 24 December (included).")),
            "items": ("patterns", self.tr("Items"), self._items_hint()),
            "window_days": ("count", self.tr("Days around the birthday"),
                            self.tr("The first purchase this many days before or after counts.")),
            "referred_points": ("count", self.tr("Points for the new customer"), self.tr("Empty: none.")),
            "stamps": ("count", self.tr("Stamps"), self.tr("Empty: none.")),
            "cashback": ("money", self.tr("Cashback for the customer who recommended") if kind == "referral"
                         else self.tr("Cashback"), self.tr("Empty: none.")),
            "points": ("count", self.tr("Extra points per purchase") if kind in ("happy_hour", "seasonal")
                       else self.tr("Points for the customer who recommended") if kind == "referral"
                       else self.tr("Points"), self.tr("Empty: none.")),
        }[key]
        return self.field(path, spec[0], spec[1], spec[2])

    def _rewards(self, layout: QVBoxLayout) -> None:
        for index in range(self.form.doc.rows(REWARDS)):
            row = REWARDS + (index,)
            unit = "points" if self.form.doc.get(row + ("points",)) is not None else "stamps"
            cost = Field(row + ("#cost",), "choice", self.tr("Costs"),
                         choices=(("stamps", self.tr("Stamps")), ("points", self.tr("Points"))))
            cost.load(unit)
            cost.edited.connect(lambda _path, value, r=row: self._reward_cost(r, value))
            layout.addWidget(self._row(row, [
                *self._names(row), cost,
                self.field(row + (unit,), "count", self.tr("How many"), self.tr("A full card is the cheapest stamp "
                                                                                 "reward.") if unit == "stamps"
                           else ""),
                self.field(row + ("value",), "money", self.tr("Worth"),
                           self.tr("What it costs the shop, for the reports. Empty: not counted.")),
                self.field(row + ("id",), "text", self.tr("Code"),
                           self.tr("Short and unique: lowercase letters, digits and dashes. Keep it when renaming.")),
                self.field(row + ("donation",), "flag", self.tr("Donation"),
                           placeholder=self.tr("The points go to a good cause")),
            ]))
        add = self._add_button(self.tr("Add a reward"), "addReward")
        add.clicked.connect(lambda: self._add_row("rewards", new_reward(
            self.form.program, [self.form.doc.get(REWARDS + (i, "id")) for i in range(self.form.doc.rows(REWARDS))])))
        layout.addWidget(add, 0, Qt.AlignLeft)

    def _reward_cost(self, row: tuple, unit: str) -> None:
        other = "stamps" if unit == "points" else "points"
        amount = self.form.doc.get(row + (other,))
        self.form.doc.set(row + (other,), None)
        self.form.doc.set(row + (unit,), amount if amount is not None else 10)
        self.form.restructure(("rewards",), row + (unit,))

    def _expiry(self, layout: QVBoxLayout) -> None:
        if not self.form.doc.has("points"):
            note = QLabel(self.tr("This program has no points, so nothing expires."))
            note.setWordWrap(True)
            layout.addWidget(note)
            return
        layout.addLayout(self._grid([
            self.field(("points", "expiry_days"), "count", self.tr("Points expire after … days"),
                       self.tr("The oldest points go first. Empty: points never expire.")),
        ]))

    def _sync(self, layout: QVBoxLayout) -> None:
        p = ("sync",)
        empty = self.tr("Per customer, until the till has synced. Empty: no limit.")
        layout.addLayout(self._grid([
            self.field(p + ("offline_after_minutes",), "count", self.tr("Offline after … minutes"),
                       self.tr("Without a sync for this long, the limits below apply."), placeholder="60"),
            self.field(p + ("offline_redeem_limit_points",), "count", self.tr("At most … points"), empty),
            self.field(p + ("offline_redeem_limit_stamps",), "count", self.tr("At most … stamps"), empty),
            self.field(p + ("offline_redeem_limit_cashback",), "money", self.tr("At most … cashback"), empty),
        ]))

    # ---- parts ----

    def field(self, path: tuple, kind: str, label: str, hint: str = "", *, structural: bool = False,
              **options) -> Field:
        """A field showing the document's value; a structural one rebuilds its page after an edit."""
        field = Field(path, kind, label, hint, **options)
        field.load(self.form.doc.get(path))
        if structural:
            field.edited.connect(lambda p, value: (self.form.doc.set(p, value),
                                                   self.form.restructure((path[0],), p)))
        else:
            field.edited.connect(self.form.edit)
        self.form.fields[path] = field
        return field

    def _names(self, row: tuple) -> list[Field]:
        return [self.field(row + ("name",), "text", self.tr("Name"),
                           self.tr("In English, and wherever no other language is given.")),
                self.field(row + ("name_de",), "text", self.tr("Name in German"),
                           self.tr("Shown when the app runs in German. Empty: the name on the left."))]

    def _items_hint(self) -> str:
        return self.tr("Item codes, separated by commas; * stands for anything, like BIO-*.")

    def _note(self, path: tuple) -> QLabel:
        note = QLabel()
        set_role(note, "error")
        note.setWordWrap(True)
        note.hide()
        self.form.notes[path] = note
        return note

    @staticmethod
    def _grid(fields: list[Field]) -> QGridLayout:
        """Two fields a line; the weekdays take a line of their own."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(14)
        row = column = 0
        for field in fields:
            wide = field.kind == "days"
            if column and wide:
                row, column = row + 1, 0
            grid.addWidget(field, row, column, 1, 2 if wide else 1, Qt.AlignTop)
            column = 0 if wide or column else 1
            row += 1 if column == 0 else 0
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def _row(self, row: tuple, fields: list[Field], hint: str = "") -> QFrame:
        frame = QFrame()
        frame.setObjectName("programRow")
        set_role(frame, "panel")
        title = QLabel(self.row_title(row))
        set_role(title, "subtitle")
        title.setWordWrap(True)
        for key in ("name", "name_de"):  # the title follows the name as it is typed
            if row + (key,) in self.form.fields:
                self.form.fields[row + (key,)].edited.connect(lambda *_: title.setText(self.row_title(row)))
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName("removeRow")
        set_role(remove, "quiet")
        remove.setAutoDefault(False)
        remove.clicked.connect(lambda: self._remove_row(row))
        header = QHBoxLayout()
        header.addWidget(title, 1)
        header.addWidget(remove)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(10)
        layout.addLayout(header)
        if hint:
            label = QLabel(hint)
            set_role(label, "hint")
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addWidget(self._note(row))
        layout.addLayout(self._grid(fields))
        return frame

    @staticmethod
    def _add_button(text: str, name: str) -> QPushButton:
        button = QPushButton("+ " + text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    def _add_row(self, section: str, values: dict) -> None:
        index = self.form.doc.add_row(ROWS[section], values)
        self.form.restructure((section,), ROWS[section] + (index, "name"))

    def _remove_row(self, row: tuple) -> None:
        self.form.doc.remove_row(row[:-1], row[-1])
        self.form.restructure((row[0],))

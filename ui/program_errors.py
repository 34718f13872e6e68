"""What program.py says is wrong with a program, in the editor's words and the UI's language.

The parser is the one judge of a program; its reasons are English sentences about the file ('is required when
count = "item"'). The editor shows them next to a form field, so each known reason gets a sentence about the form
(in English too), with what it carries (a value, a number) put back in. A reason no pattern matches (the parser
learned a new one) is shown as the parser wrote it, never hidden. tests/ui/test_program_editor.py raises the real
errors and checks that each is matched.
"""

from __future__ import annotations

import re
from typing import Callable

from PySide6.QtCore import QObject

from pos_loyalty.program import ProgramError

from .i18n import fill


class ProgramErrors(QObject):
    """Only the translation context of these texts."""


def _value(text: str) -> str:
    """The parser quotes what it got with Python's repr: 'x' -> x."""
    return text[1:-1] if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"" else text


# (the unit in a sentence, the section of the form that switches it on)
_UNITS = {"stamps": lambda: (ProgramErrors.tr("stamps"), ProgramErrors.tr("Stamps")),
          "points": lambda: (ProgramErrors.tr("points"), ProgramErrors.tr("Points")),
          "cashback": lambda: (ProgramErrors.tr("cashback"), ProgramErrors.tr("Cashback"))}

_PATTERNS: list[tuple[str, Callable[[dict], str]]] = [
    (r"unknown key \(did you mean '(?P<key>.+)'\?\)",
     lambda m: fill(ProgramErrors.tr("This key is not known (did you mean “%1”?)."), m["key"])),
    (r"unknown key \(known keys: (?P<keys>.+)\)",
     lambda m: fill(ProgramErrors.tr("This key is not known. Known keys: %1."), m["keys"])),
    (r"must be a table", lambda m: ProgramErrors.tr("This must be a section of its own.")),
    (r"must be a whole number, got (?P<value>.+)",
     lambda m: fill(ProgramErrors.tr("Type a whole number, like 3 (not “%1”)."), _value(m["value"]))),
    (r"must be at least (?P<n>-?\d+)", lambda m: fill(ProgramErrors.tr("Type %1 or more."), m["n"])),
    (r"must be at most (?P<n>-?\d+)", lambda m: fill(ProgramErrors.tr("Type %1 or less."), m["n"])),
    (r'must be an amount like "2\.50", got (?P<value>.+)',
     lambda m: fill(ProgramErrors.tr("Type an amount, like 2.50 (not “%1”)."), _value(m["value"]))),
    (r"(?P<value>.+) is not a valid (?P<currency>[A-Z]{3}) amount",
     lambda m: fill(ProgramErrors.tr("%1 is not an amount in %2 (too many decimals?)."), m["value"],
                    m["currency"])),
    (r'must be a number like "1\.5", got (?P<value>.+)',
     lambda m: fill(ProgramErrors.tr("Type a number, like 1.5 (not “%1”)."), _value(m["value"]))),
    (r"must not be negative", lambda m: ProgramErrors.tr("This cannot be negative.")),
    (r"must be more than zero", lambda m: ProgramErrors.tr("This must be more than zero.")),
    (r"is required", lambda m: ProgramErrors.tr("Fill this in.")),
    (r"must be text, got (?P<value>.*)", lambda m: ProgramErrors.tr("Type a text here.")),
    (r"must be one of (?P<choices>.+), got (?P<value>.+)",
     lambda m: fill(ProgramErrors.tr("Choose one of: %1."), m["choices"])),
    (r'must be a list of item codes or patterns, e\.g\. \["BIO-\*"\]',
     lambda m: ProgramErrors.tr("Type item codes, separated by commas, like BIO-BREAD, BIO-*.")),
    (r'must be a time like "17:00", got (?P<value>.+)',
     lambda m: fill(ProgramErrors.tr("Type a time, like 17:00 (not “%1”)."), _value(m["value"]))),
    (r"unknown currency (?P<value>.+)",
     lambda m: fill(ProgramErrors.tr("“%1” is not a currency code: type three letters, like EUR."),
                    _value(m["value"]))),
    (r"unknown time zone (?P<value>.+) \(use a name like Europe/Berlin\)",
     lambda m: fill(ProgramErrors.tr("“%1” is not a time zone: type a name like Europe/Berlin."),
                    _value(m["value"]))),
    (r'is required when count = "item"',
     lambda m: ProgramErrors.tr("Say which items earn a stamp (item codes, like COFFEE-*).")),
    (r"needs at least one \[\[tiers\.levels\]\] entry", lambda m: ProgramErrors.tr("Add at least one tier.")),
    (r"tiers must be listed from the lowest threshold up",
     lambda m: ProgramErrors.tr("Each tier must start higher than the one before it.")),
    (r'set either percent = "5" or fixed = "1\.00" with per = "20\.00"',
     lambda m: ProgramErrors.tr("Give either a percentage, or a fixed amount per amount spent.")),
    (r'is required with fixed \(e\.g\. per = "20\.00"\)',
     lambda m: ProgramErrors.tr("Say for how much spent the fixed amount is given, like 20.00.")),
    (r"write each (?P<what>bonus|reward) as a \[\[\w+\]\] table",
     lambda m: ProgramErrors.tr("Each entry of this list must be a section of its own.")),
    (r"must list days among .*", lambda m: ProgramErrors.tr("Choose weekdays.")),
    (r'needs start and end times, start before end \(e\.g\. "17:00" to "18:00"\)',
     lambda m: ProgramErrors.tr("Give a start and an end time, the start first (like 17:00 to 18:00).")),
    (r'must be a month and day like "12-01"',
     lambda m: ProgramErrors.tr("Type a month and a day, like 12-01 for 1 December.")),
    (r'is required, e\.g\. items = \["BIO-\*"\]',
     lambda m: ProgramErrors.tr("Say which items count (item codes, like BIO-*).")),
    (r"'(?P<id>.*)': use lowercase letters, digits and dashes \(and not 'cashback'\)",
     lambda m: fill(ProgramErrors.tr("“%1”: use lowercase letters, digits and dashes only (and not “cashback”)."),
                    m["id"])),
    (r"a reward costs either stamps or points \(set one of them, above zero\)",
     lambda m: ProgramErrors.tr("A reward costs stamps or points: give a cost above zero.")),
    (r"reward id '(?P<id>.*)' is used twice",
     lambda m: fill(ProgramErrors.tr("The code “%1” is used by another reward already."), m["id"])),
    (r"costs (?P<unit>stamps|points), but the program has no \[\w+\] section",
     lambda m: fill(ProgramErrors.tr("This costs %1, but the %2 section is switched off: switch it on first."),
                    *_UNITS[m["unit"]]())),
    (r"gives (?P<unit>stamps|points|cashback), but the program has no \[\w+\] section",
     lambda m: fill(ProgramErrors.tr("This gives %1, but the %2 section is switched off: switch it on first."),
                    *_UNITS[m["unit"]]())),
    (r"tiers by points need a \[points\] section",
     lambda m: ProgramErrors.tr("Tiers by points need points: switch them on first.")),
    (r"the program earns nothing: add \[stamps\], \[points\] or \[cashback\]",
     lambda m: ProgramErrors.tr("The program gives nothing yet: switch on stamps, points or cashback.")),
    (r"cannot read program file (?P<path>.+?): (?P<why>.+)",
     lambda m: fill(ProgramErrors.tr("The file cannot be read (%1)."), m["why"])),
    (r"(?P<path>.+) is not a UTF-8 text file", lambda m: ProgramErrors.tr("This is not a text file (UTF-8).")),
    (r"not a valid TOML file: (?P<detail>.*)",
     lambda m: fill(ProgramErrors.tr("This is not a program file (TOML): %1"), m["detail"])),
]
_COMPILED = [(re.compile(pattern, re.S), render) for pattern, render in _PATTERNS]


def explain(error: ProgramError) -> str:
    """The reason for the field (no line, no key: the field shows where), in the UI's language."""
    for pattern, render in _COMPILED:
        match = pattern.fullmatch(error.reason)
        if match:
            return render(match.groupdict())
    return error.reason


def matched(error: ProgramError) -> bool:
    """Whether the reason has a sentence here (tests: every reason the parser gives must)."""
    return any(pattern.fullmatch(error.reason) for pattern, _ in _COMPILED)
